import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import { LANGUAGE_NAMES, LANGUAGE_TAGS, LANGUAGES, type Language } from '../../shared/languages';
import { SearchBox } from './search-box';

const SECTIONS = ['solutions', 'organisations', 'events', 'about'] as const;

/** Site title, main navigation, the search box and the language switcher. */
export function SiteHeader({ language }: { language: Language }) {
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
          </ul>
        </nav>
        <SearchBox language={language} />
      </div>
    </header>
  );
}
