import { useTranslation } from 'react-i18next';
import { data, Outlet } from 'react-router';
import { isLanguage } from '../../shared/languages';
import { SiteHeader } from '../components/site-header';
import type { Route } from './+types/layout';

export function loader({ params }: Route.LoaderArgs) {
  if (!isLanguage(params.lang)) throw data(null, { status: 404 });
  return { language: params.lang };
}

export default function LanguageLayout({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <>
      <SiteHeader language={loaderData.language} />
      <main id="main" tabIndex={-1} className="page">
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>
          {t('site.footer')} <a href="/api/docs">{t('site.apiLink')}</a>
        </p>
      </footer>
    </>
  );
}
