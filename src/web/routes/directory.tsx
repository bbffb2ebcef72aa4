import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from 'react-router';
import { AppError, type FieldError } from '../../server/errors';
import { type DirectoryFilters, DirectoryListFields } from '../../server/modules/directory/schema';
import type { Language } from '../../shared/languages';
import { requirePageRole } from '../auth.server';
import { FilterErrors, fieldError } from '../components/filter-errors';
import { langProps, languageName } from '../components/format';
import { PageTitle } from '../components/page-title';
import { Pager } from '../components/pager';
import { SelectField, TextField } from '../components/select-field';
import { parseListQuery } from '../list-query.server';
import type { Route } from './+types/directory';

const FILTERS = ['q', 'country', 'organisation', 'theme', 'group', 'language'] as const;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  requirePageRole(context.viewer, 'member', params.lang, request);
  const lang = params.lang as Language;
  const { directory } = context.services;
  const parsed = parseListQuery(DirectoryListFields, request, { lang, limit: 30 });
  const errors: FieldError[] = [...parsed.errors];
  let filters: DirectoryFilters = parsed.filters;
  // Filters that name nothing (or a stale cursor) are reported beside their field and dropped.
  let page: Awaited<ReturnType<typeof directory.list>> | undefined;
  for (let attempt = 0; !page; attempt++) {
    try {
      page = await directory.list(context.viewer, filters);
    } catch (error) {
      if (!AppError.is(error) || error.code !== 'bad_request' || attempt > 0) throw error;
      errors.push(...error.errors);
      const bad = new Set(error.errors.map((e) => e.field.replace(/^query\./, '')));
      filters = Object.fromEntries(
        Object.entries(filters).filter(([key]) => !bad.has(key)),
      ) as DirectoryFilters;
    }
  }
  const options = await directory.filterOptions(context.viewer, lang);
  const search = new URL(request.url).searchParams;
  const exportQuery = new URLSearchParams({ lang });
  for (const key of FILTERS) {
    const value = filters[key];
    if (value) exportQuery.set(key, value);
  }
  return {
    page,
    errors,
    options,
    exportQuery: exportQuery.toString(),
    values: Object.fromEntries(FILTERS.map((key) => [key, search.get(key) ?? ''])) as Record<
      (typeof FILTERS)[number],
      string
    >,
  };
}

export default function Directory({ loaderData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { page, errors, values, options } = loaderData;
  const lang = params.lang as Language;
  const languageOptions = options.languages
    .map((code) => ({ value: code, label: languageName(lang, code) }))
    .sort((a, b) => a.label.localeCompare(b.label, lang));
  return (
    <>
      <PageTitle title={t('directory.title')} />
      <h1>{t('directory.title')}</h1>
      <p className="lead">{t('directory.intro')}</p>
      <p className="actions">
        <a href={`/${lang}/account/profile`}>{t('directory.editProfile')}</a>
      </p>
      <div className="with-sidebar">
        <aside aria-labelledby="filters-heading">
          <h2 id="filters-heading">{t('list.filters')}</h2>
          <Form method="get" className="filters">
            <TextField
              name="q"
              label={t('directory.filter.q')}
              value={values.q}
              error={fieldError(errors, 'q')}
            />
            <SelectField
              name="country"
              label={t('directory.filter.country')}
              value={values.country}
              error={fieldError(errors, 'country')}
              options={options.countries}
            />
            <SelectField
              name="organisation"
              label={t('directory.filter.organisation')}
              value={values.organisation}
              error={fieldError(errors, 'organisation')}
              options={options.organisations}
            />
            <SelectField
              name="theme"
              label={t('directory.filter.theme')}
              value={values.theme}
              error={fieldError(errors, 'theme')}
              options={options.themes}
            />
            <SelectField
              name="group"
              label={t('directory.filter.group')}
              value={values.group}
              error={fieldError(errors, 'group')}
              options={options.groups}
            />
            <SelectField
              name="language"
              label={t('directory.filter.language')}
              value={values.language}
              error={fieldError(errors, 'language')}
              options={languageOptions}
            />
            <button type="submit">{t('list.apply')}</button>
            <a href={`/${lang}/directory`}>{t('list.reset')}</a>
          </Form>
        </aside>
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">{t('directory.total', { count: page.total })}</h2>
          {page.total > 0 && (
            <p className="actions">
              <a href={`/api/v1/directory/export.vcf?${loaderData.exportQuery}`} download>
                {t('directory.downloadList')}
              </a>
            </p>
          )}
          <FilterErrors errors={errors} />
          {page.items.length === 0 ? (
            <p>{t('directory.empty')}</p>
          ) : (
            <table className="directory-table" aria-labelledby="results-heading">
              <thead>
                <tr>
                  <th scope="col">{t('directory.column.name')}</th>
                  <th scope="col">{t('directory.column.organisation')}</th>
                  <th scope="col">{t('directory.column.country')}</th>
                  <th scope="col">{t('directory.column.languages')}</th>
                  <th scope="col">{t('directory.column.groups')}</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((person) => (
                  <tr key={person.id}>
                    <th scope="row">
                      <a href={`/${lang}/directory/${encodeURIComponent(person.id)}`}>{person.name}</a>
                      {person.jobTitle && <span className="meta block">{person.jobTitle}</span>}
                    </th>
                    <td>
                      {person.organisation && (
                        <span {...langProps(person.organisation.language, lang)}>
                          {person.organisation.acronym ?? person.organisation.name}
                        </span>
                      )}
                    </td>
                    <td>{person.country?.name}</td>
                    <td>{person.languages.map((code) => languageName(lang, code)).join(', ')}</td>
                    <td>
                      {person.groups.map((group, index) => (
                        <Fragment key={group.id}>
                          {index > 0 && ', '}
                          <span {...langProps(group.language, lang)}>{group.name}</span>
                        </Fragment>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Pager nextCursor={page.nextCursor} />
        </section>
      </div>
    </>
  );
}
