import { useTranslation } from 'react-i18next';
import { Form, NavLink, useLocation } from 'react-router';
import { LANGUAGE_NAMES, LANGUAGE_TAGS, LANGUAGES, type Language } from '../../shared/languages';
import { SearchBox } from './search-box';

const SECTIONS = [
  'solutions',
  'needs',
  'offers',
  'projects',
  'appeals',
  'organisations',
  'events',
  'about',
] as const;
/** Sections of the members-only coordination space, shown to signed-in people. */
const MEMBER_SECTIONS: string[] = ['matches', 'directory', 'groups', 'calendar', 'library'];

export type HeaderAccount = { name: string; canManagePeople: boolean; isStaff: boolean } | null;

/** Site title, main navigation, the search box, the account menu and the language switcher. */
export function SiteHeader({ language, account }: { language: Language; account: HeaderAccount }) {
  const { t } = useTranslation();
  const location = useLocation();
  const rest = location.pathname.replace(/^\/[^/]+/, '') || '/';
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t('site.skipToContent')}
      </a>
      <div className="header-row">
        <a className="brand" href={`/${language}/`}>
          <span className="brand-name">{t('site.name')}</span>
          <span className="brand-tagline">{t('site.tagline')}</span>
        </a>
        <nav aria-label={t('site.language')} className="languages">
          <ul>
            {LANGUAGES.map((code) => (
              <li key={code}>
                <a
                  href={`/${code}${rest}${location.search}`}
                  lang={LANGUAGE_TAGS[code]}
                  hrefLang={LANGUAGE_TAGS[code]}
                  aria-current={code === language ? 'true' : undefined}
                >
                  {LANGUAGE_NAMES[code]}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      <div className="header-row">
        <nav aria-label={t('site.mainNav')} className="main-nav">
          <ul>
            <li>
              <NavLink to={`/${language}/`} end>
                {t('nav.home')}
              </NavLink>
            </li>
            {SECTIONS.map((section) => (
              <li key={section}>
                <NavLink to={`/${language}/${section}`}>{t(`nav.${section}`)}</NavLink>
              </li>
            ))}
            <li>
              <NavLink to={`/${language}/map`}>{t('nav.map')}</NavLink>
            </li>
            <li>
              <NavLink to={`/${language}/dashboard`}>{t('dashboard.nav')}</NavLink>
            </li>
            {account &&
              MEMBER_SECTIONS.map((section) => (
                <li key={section}>
                  <NavLink to={`/${language}/${section}`}>{t(`nav.${section}`)}</NavLink>
                </li>
              ))}
          </ul>
        </nav>
        <nav aria-label={t('nav.accountMenu')} className="account-nav">
          <ul>
            {account ? (
              <>
                <li>
                  <NavLink to={`/${language}/account`}>{account.name}</NavLink>
                </li>
                {account.canManagePeople && (
                  <li>
                    <NavLink to={`/${language}/people`}>{t('nav.people')}</NavLink>
                  </li>
                )}
                {account.isStaff && (
                  <li>
                    <NavLink to={`/${language}/admin/audit`}>{t('nav.audit')}</NavLink>
                  </li>
                )}
                <li>
                  <Form method="post" action={`/${language}/sign-out`} className="inline-form">
                    <button type="submit">{t('auth.signOut')}</button>
                  </Form>
                </li>
              </>
            ) : (
              <li>
                <NavLink to={`/${language}/sign-in`}>{t('auth.signIn')}</NavLink>
              </li>
            )}
          </ul>
        </nav>
        <SearchBox language={language} />
      </div>
    </header>
  );
}
