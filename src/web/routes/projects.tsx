import { useTranslation } from 'react-i18next';
import { Form } from 'react-router';
import { ExportLinks } from '../components/export-links';
import { FilterErrors, fieldError } from '../components/filter-errors';
import { Select } from '../components/form-fields';
import { useLanguage } from '../components/format';
import { PageTitle } from '../components/page-title';
import { Pager } from '../components/pager';
import { ProjectCard } from '../components/project-card';
import { SelectField, TextField } from '../components/select-field';
import { projectListLoader } from '../projects.server';
import type { Route } from './+types/projects';

export const loader = (args: Route.LoaderArgs) => projectListLoader(args);

const PUBLICATIONS = ['published', 'draft', 'all'] as const;

/** The projects compendium: a GET form of filters (works without JavaScript), cards, export and pager. */
export default function Projects({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { page, errors, values, options } = loaderData;
  const select = (
    name: keyof typeof values,
    label: string,
    choices: Array<{ value: string; label: string }>,
  ) => (
    <SelectField
      name={name}
      label={label}
      options={choices}
      value={values[name]}
      error={fieldError(errors, name)}
    />
  );
  return (
    <>
      <PageTitle title={t('projects.title')} />
      <h1>{t('projects.title')}</h1>
      <p className="lead">{t('projects.intro')}</p>
      <div className="with-sidebar">
        <aside aria-labelledby="filters-heading">
          <h2 id="filters-heading">{t('list.filters')}</h2>
          <Form method="get" className="filters">
            <TextField name="q" label={t('filter.q')} value={values.q} error={fieldError(errors, 'q')} />
            {select('country', t('filter.country'), options.countries)}
            {select('region', t('filter.region'), options.regions)}
            {select('sector', t('projects.sector'), options.sectors)}
            {select('theme', t('filter.theme'), options.themes)}
            {select('sdg', t('filter.sdg'), options.sdgs)}
            {select('status', t('projects.status'), options.statuses)}
            {select('cooperationType', t('projects.cooperationType'), options.cooperationTypes)}
            {select('organisation', t('projects.organisation'), options.organisations)}
            {loaderData.staff && (
              <Select
                name="publication"
                label={t('projects.publication')}
                options={PUBLICATIONS.map((p) => ({ value: p, label: t(`projects.publicationOption.${p}`) }))}
                value={values.publication}
                error={fieldError(errors, 'publication')}
              />
            )}
            <button type="submit">{t('list.apply')}</button>
            <a href={`/${lang}/projects`}>{t('list.reset')}</a>
          </Form>
        </aside>
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">{t('projects.total', { count: page.total })}</h2>
          {loaderData.signedIn && (
            <p className="actions">
              <a href={`/${lang}/projects/new`}>{t('projects.new')}</a>
              {loaderData.staff && (
                <>
                  {' · '}
                  <a href={`/${lang}/projects/import`}>{t('projects.import.link')}</a>
                </>
              )}
            </p>
          )}
          <ExportLinks path="/api/v1/projects/export" query={loaderData.exportQuery} />
          <FilterErrors errors={errors} />
          {page.items.length === 0 && <p>{t('projects.empty')}</p>}
          <div className="cards">
            {page.items.map((project) => (
              <ProjectCard key={project.id} project={project} />
            ))}
          </div>
          <Pager nextCursor={page.nextCursor} />
        </section>
      </div>
    </>
  );
}
