import { useTranslation } from 'react-i18next';
import { Form } from 'react-router';
import { isStaff } from '../../server/modules/access/policy';
import { SolutionListQuery } from '../../server/modules/solutions/schema';
import type { Language } from '../../shared/languages';
import { ExportLinks, exportQueryString } from '../components/export-links';
import { FilterErrors, fieldError } from '../components/filter-errors';
import { PageTitle } from '../components/page-title';
import { Pager } from '../components/pager';
import { SelectField, TextField } from '../components/select-field';
import { SolutionCard } from '../components/solution-card';
import { listWithCursor, parseListQuery } from '../list-query.server';
import type { Route } from './+types/solutions';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const lang = params.lang as Language;
  const { services, viewer } = context;
  const { filters, errors } = parseListQuery(SolutionListQuery, request, { lang });
  const [page, themes, sdgs, regions] = await Promise.all([
    listWithCursor(filters, errors, (f) => services.solutions.list(viewer, f)),
    services.reference.listTerms('theme', lang),
    services.reference.listSdgs(lang),
    services.reference.listRegions(lang),
  ]);
  const search = new URL(request.url).searchParams;
  return {
    page,
    canEdit: isStaff(viewer),
    exportQuery: exportQueryString(search, lang),
    errors,
    values: {
      q: search.get('q') ?? '',
      theme: search.get('theme') ?? '',
      sdg: search.get('sdg') ?? '',
      region: search.get('region') ?? '',
    },
    themes: themes.map((theme) => ({
      value: theme.id,
      label: theme.parent ? `— ${theme.label}` : theme.label,
    })),
    sdgs: sdgs.map((goal) => ({ value: goal.code, label: `${goal.code}. ${goal.short}` })),
    regions: regions.map((region) => ({
      value: region.m49,
      label: region.level === 'region' ? region.name : `— ${region.name}`,
    })),
  };
}

export default function Solutions({ loaderData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { page, errors, values } = loaderData;
  return (
    <>
      <PageTitle title={t('solutions.title')} />
      <h1>{t('solutions.title')}</h1>
      <p className="lead">{t('solutions.intro')}</p>
      <div className="with-sidebar">
        <aside aria-labelledby="filters-heading">
          <h2 id="filters-heading">{t('list.filters')}</h2>
          <Form method="get" className="filters">
            <TextField name="q" label={t('filter.q')} value={values.q} error={fieldError(errors, 'q')} />
            <SelectField
              name="theme"
              label={t('filter.theme')}
              options={loaderData.themes}
              value={values.theme}
              error={fieldError(errors, 'theme')}
            />
            <SelectField
              name="sdg"
              label={t('filter.sdg')}
              options={loaderData.sdgs}
              value={values.sdg}
              error={fieldError(errors, 'sdg')}
            />
            <SelectField
              name="region"
              label={t('filter.region')}
              options={loaderData.regions}
              value={values.region}
              error={fieldError(errors, 'region')}
            />
            <button type="submit">{t('list.apply')}</button>
            <a href={`/${params.lang}/solutions`}>{t('list.reset')}</a>
          </Form>
        </aside>
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">{t('list.total', { count: page.total })}</h2>
          {loaderData.canEdit && (
            <p className="actions">
              <a href={`/${params.lang}/solutions/new`}>{t('editor.newSolution')}</a>
            </p>
          )}
          <ExportLinks path="/api/v1/solutions/export" query={loaderData.exportQuery} />
          <FilterErrors errors={errors} />
          {page.items.length === 0 && <p>{t('solutions.empty')}</p>}
          <div className="cards">
            {page.items.map((solution) => (
              <SolutionCard key={solution.id} solution={solution} />
            ))}
          </div>
          <Pager nextCursor={page.nextCursor} />
        </section>
      </div>
    </>
  );
}
