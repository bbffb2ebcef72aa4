import { useTranslation } from 'react-i18next';
import { LANGUAGE_TAGS, type Language } from '../../shared/languages';
import { ChartFigure } from '../components/chart-figure';
import { formatDate } from '../components/format';
import { PageTitle } from '../components/page-title';
import { countryLoader } from '../country.server';
import type { Route } from './+types/country';
import '../map.css';

export const loader = (args: Route.LoaderArgs) => countryLoader(args);

/** Where each kind of listed record lives; sections added later bring their own kinds. */
const PATHS: Record<string, string> = {
  solution: 'solutions',
  need: 'needs',
  offer: 'offers',
  organisation: 'organisations',
  project: 'projects',
};

export default function CountryPage({ loaderData, params }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const lang = params.lang as Language;
  const number = new Intl.NumberFormat(LANGUAGE_TAGS[lang]);
  const { country, sections, charts } = loaderData;
  const groups = [
    country.isLdc && t('country.ldc'),
    country.isLldc && t('country.lldc'),
    country.isSids && t('country.sids'),
  ].filter((group): group is string => !!group);
  const sectionTitle = (id: string) =>
    i18n.exists(`country.section.${id}`) ? t(`country.section.${id}`) : id;
  return (
    <article>
      <PageTitle title={country.name} />
      <h1>{country.name}</h1>
      <dl className="facts inline">
        {country.region && (
          <>
            <dt>{t('country.region')}</dt>
            <dd>{country.region.name}</dd>
          </>
        )}
        {country.subRegion && (
          <>
            <dt>{t('country.subRegion')}</dt>
            <dd>{country.subRegion.name}</dd>
          </>
        )}
        <dt>{t('country.groups')}</dt>
        <dd>{groups.length ? groups.join(' · ') : t('country.none')}</dd>
      </dl>
      <p>
        <a href={`/${lang}/map`}>{t('country.onMap')}</a>
      </p>
      <nav aria-labelledby="country-contents">
        <h2 id="country-contents">{t('country.contents')}</h2>
        <ul>
          {sections.map((section) => (
            <li key={section.id}>
              <a href={`#${section.id}`}>
                {sectionTitle(section.id)} ({number.format(section.total)})
              </a>
            </li>
          ))}
          {charts.length > 0 && (
            <li>
              <a href="#charts">{t('country.charts')}</a>
            </li>
          )}
        </ul>
      </nav>
      <div className="country-sections">
        {sections.map((section) => (
          <section key={section.id} aria-labelledby={section.id}>
            <h2 id={section.id}>
              {sectionTitle(section.id)} ({number.format(section.total)})
            </h2>
            {section.money && (
              <>
                <dl className="facts inline">
                  <dt>{t('country.funding.pledged')}</dt>
                  <dd>
                    <bdi>{section.money.pledged}</bdi>
                  </dd>
                  <dt>{t('country.funding.paid')}</dt>
                  <dd>
                    <bdi>{section.money.paid}</bdi>
                  </dd>
                </dl>
                <p className="meta">
                  {section.money.rateTable
                    ? t('country.funding.rates', {
                        currency: section.money.currency,
                        table: section.money.rateTable.name,
                        date: formatDate(lang, section.money.rateTable.effectiveOn),
                      })
                    : t('country.funding.noRates', { currency: section.money.currency })}{' '}
                  {t('country.funding.rule')}
                </p>
                {section.money.appeals.length > 0 && (
                  <ul>
                    {section.money.appeals.map((appeal) => (
                      <li key={appeal.href}>
                        <a href={appeal.href}>{t('country.funding.explore', { appeal: appeal.name })}</a>
                      </li>
                    ))}
                  </ul>
                )}
              </>
            )}
            {section.items.length === 0 ? (
              <p>{t('country.empty')}</p>
            ) : (
              <ul>
                {section.items.map((item) => (
                  <li key={`${item.type}:${item.slug}`}>
                    {PATHS[item.type] ? (
                      <a href={`/${lang}/${PATHS[item.type]}/${item.slug}`} dir="auto">
                        {item.title}
                      </a>
                    ) : (
                      <bdi>{item.title}</bdi>
                    )}
                    {item.detail && (
                      <>
                        {' — '}
                        <bdi className="meta">{item.detail}</bdi>
                      </>
                    )}
                    {item.money && (
                      <>
                        {' — '}
                        <span className="meta">
                          {t('country.funding.projectShare', {
                            pledged: item.money.pledged,
                            paid: item.money.paid,
                          })}
                        </span>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {section.total > section.items.length && (
              <p className="meta">
                {t('country.showingFirst', {
                  shown: number.format(section.items.length),
                  count: number.format(section.total),
                })}
              </p>
            )}
          </section>
        ))}
        {charts.length > 0 && (
          <section aria-labelledby="charts">
            <h2 id="charts">{t('country.charts')}</h2>
            {charts.map((chart) => (
              <ChartFigure key={chart.spec.id} chart={chart} />
            ))}
          </section>
        )}
      </div>
    </article>
  );
}
