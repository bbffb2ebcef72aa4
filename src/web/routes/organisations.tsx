import { useTranslation } from 'react-i18next';
import { Form } from 'react-router';
import { OrganisationListQuery } from '../../server/modules/organisations/schema';
import type { Language } from '../../shared/languages';
import { ORGANISATION_CATEGORIES } from '../../shared/vocabularies';
import { ExportLinks, exportQueryString } from '../components/export-links';
import { FilterErrors, fieldError } from '../components/filter-errors';
import { langProps } from '../components/format';
import { PageTitle } from '../components/page-title';
import { Pager } from '../components/pager';
import { SelectField, TextField } from '../components/select-field';
import { listWithCursor, parseListQuery } from '../list-query.server';
import type { Route } from './+types/organisations';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const lang = params.lang as Language;
  const { filters, errors } = parseListQuery(OrganisationListQuery, request, { lang, limit: 30 });
  const page = await listWithCursor(filters, errors, (f) =>
    context.services.organisations.list(context.viewer, f),
  );
  const search = new URL(request.url).searchParams;
  return {
    page,
    exportQuery: exportQueryString(search, lang),
    errors,
    values: {
      q: search.get('q') ?? '',
      category: search.get('category') ?? '',
      compact: search.get('compact') ?? '',
    },
  };
}

export default function Organisations({ loaderData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { page, errors, values } = loaderData;
  const lang = params.lang as Language;
  return (
    <>
      <PageTitle title={t('organisations.title')} />
      <h1>{t('organisations.title')}</h1>
      <p className="lead">{t('organisations.intro')}</p>
      <div className="with-sidebar">
        <aside aria-labelledby="filters-heading">
          <h2 id="filters-heading">{t('list.filters')}</h2>
          <Form method="get" className="filters">
            <TextField name="q" label={t('filter.q')} value={values.q} error={fieldError(errors, 'q')} />
            <SelectField
              name="category"
              label={t('filter.category')}
              value={values.category}
              error={fieldError(errors, 'category')}
              options={ORGANISATION_CATEGORIES.map((c) => ({
                value: c,
                label: t(`organisations.category.${c}`),
              }))}
            />
            <SelectField
              name="compact"
              label={t('filter.compact')}
              value={values.compact}
              error={fieldError(errors, 'compact')}
              options={(['member', 'observer'] as const).map((c) => ({
                value: c,
                label: t(`organisations.compactStatus.${c}`),
              }))}
            />
            <button type="submit">{t('list.apply')}</button>
            <a href={`/${lang}/organisations`}>{t('list.reset')}</a>
          </Form>
        </aside>
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">{t('list.total', { count: page.total })}</h2>
          <ExportLinks path="/api/v1/organisations/export" query={loaderData.exportQuery} />
          <FilterErrors errors={errors} />
          {page.items.length === 0 && <p>{t('organisations.empty')}</p>}
          <ul className="rows">
            {page.items.map((org) => (
              <li key={org.id}>
                <a href={`/${lang}/organisations/${org.slug}`} {...langProps(org.language, lang)}>
                  {org.name}
                </a>
                {org.acronym && <span className="acronym"> ({org.acronym})</span>}
                <span className="meta">
                  {' '}
                  · {t(`organisations.category.${org.category}`, { defaultValue: org.category })}
                </span>
              </li>
            ))}
          </ul>
          <Pager nextCursor={page.nextCursor} />
        </section>
      </div>
    </>
  );
}
