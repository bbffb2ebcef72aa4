import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { SearchQuery } from '../../server/search/schema';
import type { Language } from '../../shared/languages';
import { FilterErrors } from '../components/filter-errors';
import { langProps, languageName } from '../components/format';
import { PageTitle } from '../components/page-title';
import { Pager } from '../components/pager';
import { SearchBox } from '../components/search-box';
import { listWithCursor, parseListQuery } from '../list-query.server';
import type { Route } from './+types/search';

const FACETS = ['type', 'theme', 'sdg', 'region', 'country', 'language'] as const;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const lang = params.lang as Language;
  const { services, viewer } = context;
  const { filters, errors } = parseListQuery(SearchQuery, request, { lang, limit: 10 });
  const result = await listWithCursor(filters, errors, (f) =>
    services.search.search(viewer, { ...f, country: f.country?.map((code) => code.toUpperCase()) }),
  );
  const themes =
    result.total === 0 ? await services.reference.listTerms('theme', lang, { kind: ['theme'] }) : [];
  return { q: filters.q, result, errors, themes: themes.filter((theme) => !theme.parent) };
}

/** The URL of the current search with one facet value added or removed. */
function toggle(search: string, facet: string, value: string): string {
  const params = new URLSearchParams(search);
  params.delete('cursor');
  const current = params.get(facet)?.split(',').filter(Boolean) ?? [];
  const single = facet === 'region' || facet === 'language';
  const next = current.includes(value)
    ? current.filter((v) => v !== value)
    : single
      ? [value]
      : [...current, value];
  if (next.length) params.set(facet, next.join(','));
  else params.delete(facet);
  return `?${params.toString()}`;
}

export default function Search({ loaderData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  const location = useLocation();
  const { q, result, errors, themes } = loaderData;
  const lang = params.lang as Language;
  const selected = new URLSearchParams(location.search);
  const isSelected = (facet: string, value: string) =>
    selected.get(facet)?.split(',').includes(value) ?? false;
  const hasFilters = FACETS.some((facet) => selected.has(facet));
  return (
    <>
      <PageTitle title={q ? `${t('search.title')}: ${q}` : t('search.title')} />
      <h1 id="page-heading">{t('search.title')}</h1>
      <SearchBox
        language={lang}
        defaultValue={q}
        labelledBy="page-heading"
        hidden={FACETS.flatMap((f) => {
          const value = selected.get(f);
          return value ? [[f, value] as [string, string]] : [];
        })}
      />
      <FilterErrors errors={errors} />
      {(q || hasFilters) && <p role="status">{t('search.resultsFor', { count: result.total, query: q })}</p>}
      {!q && !hasFilters && <p>{t('search.empty')}</p>}
      <div className="with-sidebar">
        <aside aria-labelledby="facets-heading">
          <h2 id="facets-heading">{t('search.filters')}</h2>
          {FACETS.map((facet) =>
            result.facets[facet].length === 0 ? null : (
              <section key={facet} aria-labelledby={`facet-${facet}`} className="facet">
                <h3 id={`facet-${facet}`}>{t(`search.facet.${facet}`)}</h3>
                <ul className="plain">
                  {result.facets[facet].slice(0, 12).map((item) => {
                    const on = isSelected(facet, item.value);
                    const label = facet === 'type' ? t(`search.type.${item.value}`) : item.label;
                    return (
                      <li key={item.value}>
                        <a
                          href={toggle(location.search, facet, item.value)}
                          aria-current={on ? 'true' : undefined}
                          aria-label={on ? t('search.removeFilter', { label }) : undefined}
                        >
                          {label}
                        </a>{' '}
                        <span className="count">({item.count})</span>
                      </li>
                    );
                  })}
                </ul>
              </section>
            ),
          )}
        </aside>
        <section aria-labelledby="results-heading">
          <h2 id="results-heading" className="visually-hidden">
            {t('search.title')}
          </h2>
          {result.total === 0 && (q || hasFilters) && (
            <div className="no-results">
              <p>{t('search.noResults')}</p>
              {result.query.broader.length > 0 && (
                <p>
                  {t('search.broader')}{' '}
                  {result.query.broader.map((concept, index) => (
                    <span key={concept.id}>
                      {index > 0 && ', '}
                      <a href={`/${lang}/search?q=${encodeURIComponent(concept.label)}`}>{concept.label}</a>
                    </span>
                  ))}
                </p>
              )}
              <ul className="tags large">
                {themes.map((theme) => (
                  <li key={theme.id}>
                    <a href={`/${lang}/search?theme=${theme.id}`}>{theme.label}</a>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <ol className="results">
            {result.items.map((item) => (
              <li key={`${item.type}:${item.id}`} className="result">
                <p className="meta">{t(`search.type.${item.type}`)}</p>
                <h3 {...langProps(item.language, lang)}>
                  <a href={item.url}>{item.title}</a>
                </h3>
                {item.snippet && (
                  // The snippet is HTML-escaped on the server; only <mark> is added.
                  // biome-ignore lint/security/noDangerouslySetInnerHtml: escaped server-side, marks only
                  <p {...langProps(item.language, lang)} dangerouslySetInnerHTML={{ __html: item.snippet }} />
                )}
                {item.originalLanguage !== item.language && (
                  <p className="meta">
                    {t('search.originalIn', { language: languageName(lang, item.originalLanguage) })}
                  </p>
                )}
                {item.matchedConcepts.length > 0 && (
                  <p className="meta">
                    {t('search.matchedConcepts')} {item.matchedConcepts.map((c) => c.label).join(', ')}
                  </p>
                )}
              </li>
            ))}
          </ol>
          <Pager nextCursor={result.nextCursor} />
        </section>
      </div>
    </>
  );
}
