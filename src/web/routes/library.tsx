import { useTranslation } from 'react-i18next';
import { Form } from 'react-router';
import { isSignedIn } from '../../server/modules/access/policy';
import { ResourceListQuery } from '../../server/modules/library/schema';
import { LANGUAGES, type Language } from '../../shared/languages';
import { FilterErrors, fieldError } from '../components/filter-errors';
import { langProps, languageName } from '../components/format';
import { FileFacts, ResourceLink } from '../components/library';
import { PageTitle } from '../components/page-title';
import { Pager } from '../components/pager';
import { SelectField, TextField } from '../components/select-field';
import { listWithCursor, parseListQuery } from '../list-query.server';
import type { Route } from './+types/library';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const lang = params.lang as Language;
  const { services, viewer } = context;
  const { filters, errors } = parseListQuery(ResourceListQuery, request, { lang, limit: 30 });
  const signedIn = isSignedIn(viewer);
  const [page, themes, groups] = await Promise.all([
    listWithCursor(filters, errors, (f) => services.library.list(viewer, f)),
    services.reference.listTerms('theme', lang),
    signedIn ? services.library.groupChoices(viewer, lang) : Promise.resolve([]),
  ]);
  const search = new URL(request.url).searchParams;
  return {
    page,
    errors,
    canAdd: signedIn,
    themes: themes.map((theme) => ({
      value: theme.id,
      label: theme.parent ? `— ${theme.label}` : theme.label,
    })),
    groups: groups.map((group) => ({ value: group.id, label: group.name })),
    values: Object.fromEntries(
      ['q', 'theme', 'language', 'kind', 'group'].map((key) => [key, search.get(key) ?? '']),
    ),
  };
}

export default function Library({ loaderData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { page, errors, values } = loaderData;
  const lang = params.lang as Language;
  return (
    <>
      <PageTitle title={t('library.title')} />
      <h1>{t('library.title')}</h1>
      <p className="lead">{t('library.intro')}</p>
      {loaderData.canAdd && (
        <p className="actions">
          <a href={`/${lang}/library/new`}>{t('library.add')}</a>
        </p>
      )}
      <div className="with-sidebar">
        <aside aria-labelledby="filters-heading">
          <h2 id="filters-heading">{t('list.filters')}</h2>
          <Form method="get" className="filters">
            <TextField
              name="q"
              label={t('library.searchLabel')}
              value={values.q}
              error={fieldError(errors, 'q')}
            />
            <SelectField
              name="kind"
              label={t('library.kindLabel')}
              value={values.kind}
              error={fieldError(errors, 'kind')}
              options={(['file', 'link'] as const).map((kind) => ({
                value: kind,
                label: t(`library.kind.${kind}`),
              }))}
            />
            <SelectField
              name="theme"
              label={t('library.themes')}
              value={values.theme}
              error={fieldError(errors, 'theme')}
              options={loaderData.themes}
            />
            <SelectField
              name="language"
              label={t('library.language')}
              value={values.language}
              error={fieldError(errors, 'language')}
              options={LANGUAGES.map((code) => ({ value: code, label: languageName(lang, code) }))}
            />
            {loaderData.groups.length > 0 && (
              <SelectField
                name="group"
                label={t('library.group')}
                value={values.group}
                error={fieldError(errors, 'group')}
                options={loaderData.groups}
              />
            )}
            <button type="submit">{t('list.apply')}</button>
            <a href={`/${lang}/library`}>{t('list.reset')}</a>
          </Form>
        </aside>
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">{t('list.total', { count: page.total })}</h2>
          <FilterErrors errors={errors} />
          {page.items.length === 0 && <p>{t('library.empty')}</p>}
          <ul className="rows library-items">
            {page.items.map((item) => (
              <li key={item.id}>
                <a href={`/${lang}/library/${item.slug}`} {...langProps(item.language, lang)}>
                  {item.title}
                </a>
                <span className="meta">
                  {' · '}
                  {t(`library.kind.${item.kind}`)}
                  {' · '}
                  {languageName(lang, item.originalLanguage)}
                  {item.file && (
                    <>
                      {' · '}
                      <FileFacts file={item.file} language={lang} />
                    </>
                  )}
                  {item.workingGroup && (
                    <>
                      {' · '}
                      {item.workingGroup.name}
                    </>
                  )}
                </span>
                {item.themes.length > 0 && (
                  <ul className="tags" aria-label={t('library.themes')}>
                    {item.themes.map((theme) => (
                      <li key={theme.id}>
                        <a href={`/${lang}/library?theme=${theme.id}`}>{theme.label}</a>
                      </li>
                    ))}
                  </ul>
                )}
                <p className="resource-link">
                  <ResourceLink resource={item} />
                </p>
              </li>
            ))}
          </ul>
          <Pager nextCursor={page.nextCursor} />
        </section>
      </div>
    </>
  );
}
