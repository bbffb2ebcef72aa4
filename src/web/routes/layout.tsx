import { useTranslation } from 'react-i18next';
import { data, Form, Outlet } from 'react-router';
import { isStaff } from '../../server/modules/access/policy';
import { isLanguage } from '../../shared/languages';
import { SiteHeader } from '../components/site-header';
import type { Route } from './+types/layout';

export function loader({ params, context }: Route.LoaderArgs) {
  if (!isLanguage(params.lang)) throw data(null, { status: 404 });
  return { language: params.lang, isStaff: isStaff(context.viewer) };
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
        {loaderData.isStaff ? (
          <Form method="post" action={`/${loaderData.language}/sign-out`} className="inline-form">
            <span>{t('admin.signedIn')}</span> <button type="submit">{t('admin.signOut')}</button>
          </Form>
        ) : (
          <p>
            <a href={`/${loaderData.language}/sign-in`}>{t('admin.signIn')}</a>
          </p>
        )}
      </footer>
    </>
  );
}
