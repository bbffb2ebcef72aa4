import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/languages';
import { langProps } from '../components/format';
import { PageTitle } from '../components/page-title';
import { SearchBox } from '../components/search-box';
import { SolutionCard } from '../components/solution-card';
import type { Route } from './+types/search';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const lang = params.lang as Language;
  const { services, viewer } = context;
  const q = (new URL(request.url).searchParams.get('q') ?? '').trim().slice(0, 200);
  if (!q) return { q, solutions: [], organisations: [], events: [], total: 0, themes: [] };
  const [solutions, organisations, events, themes] = await Promise.all([
    services.solutions.list(viewer, { lang, limit: 20, q }),
    services.organisations.list(viewer, { lang, limit: 20, q }),
    services.events.list(viewer, { lang, limit: 20, q }),
    services.reference.listTerms('theme', lang, { kind: ['theme'] }),
  ]);
  return {
    q,
    solutions: solutions.items,
    organisations: organisations.items,
    events: events.items,
    total: solutions.total + organisations.total + events.total,
    themes: themes.filter((theme) => !theme.parent),
  };
}

export default function Search({ loaderData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { q, solutions, organisations, events, total, themes } = loaderData;
  const lang = params.lang as Language;
  return (
    <>
      <PageTitle title={q ? `${t('search.title')}: ${q}` : t('search.title')} />
      <h1 id="page-heading">{t('search.title')}</h1>
      <SearchBox language={lang} defaultValue={q} labelledBy="page-heading" />
      {!q && <p>{t('search.empty')}</p>}
      {q && <p role="status">{t('search.resultsFor', { count: total, query: q })}</p>}
      {q && total === 0 && (
        <>
          <p>{t('search.noResults')}</p>
          <ul className="tags large">
            {themes.map((theme) => (
              <li key={theme.id}>
                <a href={`/${lang}/solutions?theme=${theme.id}`}>{theme.label}</a>
              </li>
            ))}
          </ul>
        </>
      )}
      {solutions.length > 0 && (
        <section aria-labelledby="solutions-results">
          <h2 id="solutions-results">{t('search.section.solution')}</h2>
          <div className="cards">
            {solutions.map((solution) => (
              <SolutionCard key={solution.id} solution={solution} />
            ))}
          </div>
        </section>
      )}
      {organisations.length > 0 && (
        <section aria-labelledby="organisations-results">
          <h2 id="organisations-results">{t('search.section.organisation')}</h2>
          <ul className="rows">
            {organisations.map((org) => (
              <li key={org.id}>
                <a href={`/${lang}/organisations/${org.slug}`} {...langProps(org.language, lang)}>
                  {org.name}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {events.length > 0 && (
        <section aria-labelledby="events-results">
          <h2 id="events-results">{t('search.section.event')}</h2>
          <ul className="rows">
            {events.map((event) => (
              <li key={event.id}>
                <a href={`/${lang}/events/${event.slug}`} {...langProps(event.language, lang)}>
                  {event.title}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
