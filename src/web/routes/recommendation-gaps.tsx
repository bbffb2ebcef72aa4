import { useTranslation } from 'react-i18next';
import { Form } from 'react-router';
import { FilterErrors, fieldError } from '../components/filter-errors';
import { langProps, useLanguage } from '../components/format';
import { Fit, PartyLink, ReasonList, TypeBadge } from '../components/match-list';
import { PageTitle } from '../components/page-title';
import { SelectField } from '../components/select-field';
import { gapsLoader } from '../recommendations.server';
import type { Route } from './+types/recommendation-gaps';

export const loader = (args: Route.LoaderArgs) => gapsLoader(args);

/**
 * The gap view: by country and main theme, the open recommendations that no project and no open
 * offer addresses, each with the offers and solutions the matching engine suggests and why.
 */
export default function RecommendationGaps({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { gaps, errors, values } = loaderData;
  return (
    <>
      <PageTitle title={t('recommendations.gaps.title')} />
      <h1>{t('recommendations.gaps.title')}</h1>
      <p className="lead">{t('recommendations.gaps.intro')}</p>
      <section aria-labelledby="rule-heading" className="notice">
        <h2 id="rule-heading">{t('recommendations.gaps.rule')}</h2>
        <p>{t('recommendations.gaps.ruleText', { threshold: loaderData.threshold })}</p>
      </section>
      <div className="with-sidebar">
        <aside aria-labelledby="filters-heading">
          <h2 id="filters-heading">{t('list.filters')}</h2>
          <Form method="get" className="filters">
            <SelectField
              name="country"
              label={t('filter.country')}
              options={loaderData.countries}
              value={values.country}
              error={fieldError(errors, 'country')}
            />
            <SelectField
              name="theme"
              label={t('filter.theme')}
              options={loaderData.themes}
              value={values.theme}
              error={fieldError(errors, 'theme')}
            />
            <button type="submit">{t('list.apply')}</button>
            <a href={`/${lang}/recommendations/gaps`}>{t('list.reset')}</a>
          </Form>
        </aside>
        <section aria-labelledby="gaps-heading">
          <h2 id="gaps-heading">
            {t('recommendations.gaps.summary', {
              gaps: gaps.gaps,
              addressed: gaps.addressed,
              considered: gaps.considered,
            })}
          </h2>
          <p className="actions">
            <a href={`/${lang}/recommendations`}>{t('recommendations.all')}</a>
            {loaderData.staff && (
              <>
                {' '}
                <a href={`/${lang}/recommendations/new`}>{t('recommendations.new')}</a>
              </>
            )}
          </p>
          <FilterErrors errors={errors} />
          {gaps.groups.length === 0 && <p>{t('recommendations.gaps.none')}</p>}
          {gaps.groups.map((group) => (
            <section
              key={`${group.country.iso3}-${group.theme.id}`}
              aria-label={`${group.country.name} · ${group.theme.label}`}
              className="gap-group"
            >
              <h3>
                {group.country.name} · {group.theme.label}
              </h3>
              {group.items.map(({ recommendation, suggestions, issuedOnText }) => (
                <article className="card" key={recommendation.id}>
                  <h4 {...langProps(recommendation.language, lang)}>
                    <a href={`/${lang}/recommendations/${recommendation.slug}`}>{recommendation.title}</a>
                  </h4>
                  <p>
                    <span className="status">
                      {t(`recommendations.statusOption.${recommendation.status}`)}
                    </span>{' '}
                    <span className="badge">
                      {t('recommendations.priorityIs', {
                        priority: t(`recommendations.priorityOption.${recommendation.priority}`),
                      })}
                    </span>
                  </p>
                  <p className="meta">
                    {recommendation.sourceAssessment} · {issuedOnText}
                  </p>
                  <p className="meta">{t('recommendations.gaps.suggestions')}</p>
                  {suggestions.length === 0 ? (
                    <p>{t('recommendations.gaps.noSuggestions')}</p>
                  ) : (
                    <ol className="matches">
                      {suggestions.map((suggestion) => (
                        <li key={suggestion.id}>
                          <TypeBadge type={suggestion.type} /> <PartyLink party={suggestion} />{' '}
                          <Fit score={suggestion.score} fit={suggestion.fit} />
                          <ReasonList reasons={suggestion.reasons} />
                        </li>
                      ))}
                    </ol>
                  )}
                </article>
              ))}
            </section>
          ))}
        </section>
      </div>
    </>
  );
}
