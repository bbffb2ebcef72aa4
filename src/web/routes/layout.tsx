import { useTranslation } from 'react-i18next';
import { data, Outlet } from 'react-router';
import { atLeast, isStaff } from '../../server/modules/access/policy';
import { isLanguage } from '../../shared/languages';
import { type HeaderAccount, SiteHeader } from '../components/site-header';
import type { Route } from './+types/layout';

export function loader({ params, context }: Route.LoaderArgs) {
  if (!isLanguage(params.lang)) throw data(null, { status: 404 });
  const { viewer, user } = context;
  const account: HeaderAccount = user
    ? { name: user.name, canManagePeople: atLeast(viewer, 'org_admin'), isStaff: isStaff(viewer) }
    : null;
  return { language: params.lang, account };
}

export default function LanguageLayout({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <>
      <SiteHeader language={loaderData.language} account={loaderData.account} />
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
