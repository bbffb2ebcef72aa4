import { useTranslation } from 'react-i18next';
import { Form } from 'react-router';
import { ExportLinks } from '../components/export-links';
import { FilterErrors, fieldError } from '../components/filter-errors';
import { langProps, useLanguage } from '../components/format';
import { PageTitle } from '../components/page-title';
import { Pager } from '../components/pager';
import { PRIORITIES, STATUSES } from '../components/recommendation-form';
import { SelectField } from '../components/select-field';
import { recommendationListLoader } from '../recommendations.server';
import type { Route } from './+types/recommendations';

export const loader = (args: Route.LoaderArgs) => recommendationListLoader(args);

/** The recommendations list: filters by country, theme, status and priority; works without JavaScript. */
export default function Recommendations({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { page, errors, values } = loaderData;
  return (
    <>
      <PageTitle title={t('recommendations.title')} />
      <h1>{t('recommendations.title')}</h1>
      <p className="lead">{t('recommendations.intro')}</p>
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
            <SelectField
              name="status"
              label={t('recommendations.status')}
              options={STATUSES.map((s) => ({ value: s, label: t(`recommendations.statusOption.${s}`) }))}
              value={values.status}
              error={fieldError(errors, 'status')}
            />
            <SelectField
              name="priority"
              label={t('recommendations.priority')}
              options={PRIORITIES.map((p) => ({ value: p, label: t(`recommendations.priorityOption.${p}`) }))}
              value={values.priority}
              error={fieldError(errors, 'priority')}
            />
            <button type="submit">{t('list.apply')}</button>
            <a href={`/${lang}/recommendations`}>{t('list.reset')}</a>
          </Form>
        </aside>
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">{t('list.total', { count: page.total })}</h2>
          <p className="actions">
            <a href={`/${lang}/recommendations/gaps`}>{t('recommendations.gapsLink')}</a>
            {loaderData.staff && (
              <>
                {' '}
                <a href={`/${lang}/recommendations/new`}>{t('recommendations.new')}</a>
              </>
            )}
          </p>
          <ExportLinks path="/api/v1/recommendations/export" query={loaderData.exportQuery} />
          <FilterErrors errors={errors} />
          {page.items.length === 0 && <p>{t('recommendations.empty')}</p>}
          <div className="cards">
            {page.items.map((item) => (
              <article className="card" key={item.id}>
                <h3 {...langProps(item.language, lang)}>
                  <a href={`/${lang}/recommendations/${item.slug}`}>{item.title}</a>
                </h3>
                <p>
                  <span className="status">{t(`recommendations.statusOption.${item.status}`)}</span>{' '}
                  <span className="badge">
                    {t('recommendations.priorityIs', {
                      priority: t(`recommendations.priorityOption.${item.priority}`),
                    })}
                  </span>
                </p>
                <p className="meta">
                  {item.country.name} · {item.issuedOnText}
                </p>
                <p className="meta">{item.sourceAssessment}</p>
                <ul className="tags" aria-label={t('recommendations.themes')}>
                  {item.themes.map((theme) => (
                    <li key={theme.id}>
                      <a href={`/${lang}/recommendations?theme=${theme.id}`}>{theme.label}</a>
                    </li>
                  ))}
                </ul>
              </article>
            ))}
          </div>
          <Pager nextCursor={page.nextCursor} />
        </section>
      </div>
    </>
  );
}
