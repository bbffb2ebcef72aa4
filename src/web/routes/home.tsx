import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/languages';
import { SearchBox } from '../components/search-box';
import { SolutionCard } from '../components/solution-card';
import type { Route } from './+types/home';

export async function loader({ params, context }: Route.LoaderArgs) {
  const lang = params.lang as Language;
  const { services, viewer } = context;
  const [solutions, organisations, events, reference, latest, themes] = await Promise.all([
    services.solutions.count(viewer),
    services.organisations.count(viewer),
    services.events.count(viewer),
    services.reference.counts(),
    services.solutions.list(viewer, { lang, limit: 6 }),
    services.reference.listTerms('theme', lang, { kind: ['theme'] }),
  ]);
  return {
    counts: { solutions, organisations, events, countries: reference.countries },
    latest: latest.items,
    themes: themes.filter((theme) => !theme.parent),
  };
}

export default function Home({ loaderData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { counts, latest, themes } = loaderData;
  return (
    <>
      <title>{`${t('site.name')} · ${t('site.tagline')}`}</title>
      <section className="hero">
        <h1 id="page-heading">{t('home.title')}</h1>
        <p className="lead">{t('home.intro')}</p>
        <SearchBox language={params.lang} labelledBy="page-heading" />
      </section>
      <section aria-labelledby="counts-heading">
        <h2 id="counts-heading" className="visually-hidden">
          {t('home.countsLabel')}
        </h2>
        <ul className="counts">
          <li>
            <a href={`/${params.lang}/solutions`}>
              {t('home.counts.solutions', { count: counts.solutions })}
            </a>
          </li>
          <li>
            <a href={`/${params.lang}/organisations`}>
              {t('home.counts.organisations', { count: counts.organisations })}
            </a>
          </li>
          <li>
            <a href={`/${params.lang}/events`}>{t('home.counts.events', { count: counts.events })}</a>
          </li>
          <li>{t('home.counts.countries', { count: counts.countries })}</li>
        </ul>
      </section>
      <section aria-labelledby="latest-heading">
        <h2 id="latest-heading">{t('home.latest')}</h2>
        <div className="cards">
          {latest.map((solution) => (
            <SolutionCard key={solution.id} solution={solution} />
          ))}
        </div>
        <p>
          <a href={`/${params.lang}/solutions`}>{t('home.allSolutions')}</a>
        </p>
      </section>
      <section aria-labelledby="themes-heading">
        <h2 id="themes-heading">{t('home.themes')}</h2>
        <ul className="tags large">
          {themes.map((theme) => (
            <li key={theme.id}>
              <a href={`/${params.lang}/solutions?theme=${theme.id}`}>{theme.label}</a>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
