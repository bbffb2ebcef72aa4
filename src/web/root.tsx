import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from 'react-router';
import { DEFAULT_LANGUAGE, directionOf, isLanguage, LANGUAGE_TAGS, type Language } from '../shared/languages';
import type { Route } from './+types/root';
import { getI18n } from './i18n';
import './styles.css';

export function loader({ params }: Route.LoaderArgs) {
  const language: Language = isLanguage(params.lang) ? params.lang : DEFAULT_LANGUAGE;
  return { language };
}

export const links: Route.LinksFunction = () => [
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root');
  const language = data?.language ?? DEFAULT_LANGUAGE;
  return (
    <html lang={LANGUAGE_TAGS[language]} dir={directionOf(language)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <I18nextProvider i18n={getI18n(language)}>{children}</I18nextProvider>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>('root');
  const t = getI18n(data?.language ?? DEFAULT_LANGUAGE).t;
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <main id="main" className="page narrow">
      <title>{`${notFound ? t('error.notFoundTitle') : t('error.title')} · ${t('site.name')}`}</title>
      <h1>{notFound ? t('error.notFoundTitle') : t('error.title')}</h1>
      <p>{notFound ? t('error.notFound') : t('error.generic')}</p>
      <p>
        <a href={`/${data?.language ?? DEFAULT_LANGUAGE}/`}>{t('error.backHome')}</a>
      </p>
    </main>
  );
}
