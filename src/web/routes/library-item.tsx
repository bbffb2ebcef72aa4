import { useTranslation } from 'react-i18next';
import { data, Form, redirect } from 'react-router';
import { AppError } from '../../server/errors';
import { isStaff } from '../../server/modules/access/policy';
import { ResourcePatch } from '../../server/modules/library/schema';
import type { Language } from '../../shared/languages';
import { Select, TextArea, TextInput } from '../components/form-fields';
import { langProps, languageName } from '../components/format';
import { FileFacts, formatDay, ResourceLink, VISIBILITY_CHOICES } from '../components/library';
import { PageTitle } from '../components/page-title';
import { requireMemberPage, runForm } from '../forms.server';
import { parseInput } from '../solution-input.server';
import type { Route } from './+types/library-item';

async function load(context: Route.LoaderArgs['context'], id: string, lang: Language) {
  try {
    return await context.services.library.get(context.viewer, id, lang);
  } catch (error) {
    if (AppError.is(error) && error.code === 'not_found') throw data(null, { status: 404 });
    throw error;
  }
}

export async function loader({ params, context }: Route.LoaderArgs) {
  const lang = params.lang as Language;
  const resource = await load(context, params.id, lang);
  if (!resource.canEdit) return { resource, edit: null };
  const { services, viewer } = context;
  const [themes, groups] = await Promise.all([
    services.reference.listTerms('theme', lang),
    services.library.groupChoices(viewer, lang),
  ]);
  const groupOptions = groups.map((g) => ({ value: g.id, label: g.name }));
  if (resource.workingGroup && !groupOptions.some((g) => g.value === resource.workingGroup!.id))
    groupOptions.push({ value: resource.workingGroup.id, label: resource.workingGroup.name });
  return {
    resource,
    edit: {
      themes: themes.map((theme) => ({
        value: theme.id,
        label: theme.parent ? `— ${theme.label}` : theme.label,
      })),
      groups: groupOptions,
      visibilities: VISIBILITY_CHOICES.filter(
        (v) =>
          v === resource.visibility ||
          ((v !== 'public' || isStaff(viewer)) &&
            (v !== 'organization' || !!viewer.organisationId) &&
            (v !== 'working_group' || groupOptions.length > 0)),
      ),
    },
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  requireMemberPage(context.viewer, params.lang, request);
  const form = await request.formData();
  const ctx = { viewer: context.viewer, ip: context.clientIp };
  if (form.get('intent') === 'delete') {
    const result = await runForm(() => context.services.library.remove(ctx, params.id));
    if (result.ok) throw redirect(`/${params.lang}/library`);
    return data({ errors: result.errors, saved: false }, { status: 422 });
  }
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : undefined;
  };
  const result = await runForm(() =>
    context.services.library.update(
      ctx,
      params.id,
      parseInput(ResourcePatch, {
        title: text('title'),
        description: text('description') ?? '',
        themes: form.getAll('themes').map(String).filter(Boolean),
        visibility: text('visibility'),
        workingGroupId: text('visibility') === 'working_group' ? text('workingGroupId') || null : null,
      }),
    ),
  );
  if (!result.ok) return data({ errors: result.errors, saved: false }, { status: 422 });
  return { errors: {} as Record<string, string>, saved: true };
}

export default function LibraryItem({ loaderData, actionData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { resource, edit } = loaderData;
  const lang = params.lang as Language;
  const textLang = langProps(resource.language, lang);
  const errors: Record<string, string> = actionData?.errors ?? {};
  return (
    <article className="narrow">
      <PageTitle title={resource.title} />
      <p className="meta">
        <a href={`/${lang}/library`}>{t('library.title')}</a>
      </p>
      <h1 {...textLang}>{resource.title}</h1>
      {resource.description && (
        <p className="lead" {...textLang}>
          {resource.description}
        </p>
      )}
      <p className="resource-link">
        <ResourceLink resource={resource} />
        {resource.url && (
          <span className="meta" dir="ltr">
            {' '}
            {resource.url}
          </span>
        )}
      </p>
      <section aria-labelledby="details-heading">
        <h2 id="details-heading">{t('library.item.details')}</h2>
        <dl className="facts">
          <dt>{t('library.kindLabel')}</dt>
          <dd>{t(`library.kind.${resource.kind}`)}</dd>
          {resource.file && (
            <>
              <dt>{t('library.item.file')}</dt>
              <dd>
                <span dir="auto">{resource.file.name}</span> (
                <FileFacts file={resource.file} language={lang} />)
              </dd>
            </>
          )}
          <dt>{t('library.language')}</dt>
          <dd>{languageName(lang, resource.originalLanguage)}</dd>
          {resource.themes.length > 0 && (
            <>
              <dt>{t('library.themes')}</dt>
              <dd>
                <ul className="tags">
                  {resource.themes.map((theme) => (
                    <li key={theme.id}>
                      <a href={`/${lang}/library?theme=${theme.id}`}>{theme.label}</a>
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
          <dt>{t('library.visibilityLabel')}</dt>
          <dd>
            {t(`library.visibility.${resource.visibility}`)}
            {resource.workingGroup && <> ({resource.workingGroup.name})</>}
          </dd>
          <dt>{t('library.item.added')}</dt>
          <dd>{formatDay(lang, resource.createdAt)}</dd>
          {formatDay(lang, resource.updatedAt) !== formatDay(lang, resource.createdAt) && (
            <>
              <dt>{t('library.item.updated')}</dt>
              <dd>{formatDay(lang, resource.updatedAt)}</dd>
            </>
          )}
        </dl>
      </section>
      {edit && (
        <section aria-labelledby="edit-heading" className="workflow">
          <h2 id="edit-heading">{t('library.item.edit')}</h2>
          {actionData?.saved && (
            <p role="status" className="notice">
              {t('library.item.saved')}
            </p>
          )}
          <Form method="post" className="editor" noValidate>
            {Object.keys(errors).length > 0 && (
              <div role="alert" className="alert">
                <p>{t('library.new.errorSummary')}</p>
                {errors.form && <p>{errors.form}</p>}
              </div>
            )}
            <input type="hidden" name="intent" value="update" />
            <TextInput
              name="title"
              label={t('library.new.titleField')}
              value={resource.title}
              error={errors.title}
              required
            />
            <TextArea
              name="description"
              label={t('library.new.description')}
              value={resource.description ?? ''}
              error={errors.description}
              rows={4}
            />
            <Select
              name="themes"
              label={t('library.themes')}
              hint={t('library.new.themesHint')}
              multiple
              options={edit.themes}
              value={resource.themes.map((theme) => theme.id)}
              error={errors.themes}
            />
            <Select
              name="visibility"
              label={t('library.visibilityLabel')}
              value={resource.visibility}
              error={errors.visibility}
              options={edit.visibilities.map((v) => ({ value: v, label: t(`library.visibility.${v}`) }))}
            />
            {edit.groups.length > 0 && (
              <Select
                name="workingGroupId"
                label={t('library.group')}
                hint={t('library.new.groupHint')}
                empty={t('library.new.noGroup')}
                value={resource.workingGroup?.id ?? ''}
                error={errors.workingGroupId}
                options={edit.groups}
              />
            )}
            <div className="form-actions">
              <button type="submit">{t('library.item.save')}</button>
            </div>
          </Form>
          <Form method="post" className="inline-form delete-form">
            <input type="hidden" name="intent" value="delete" />
            <p className="hint">{t('library.item.deleteHint')}</p>
            <button type="submit" className="secondary">
              {t('library.item.delete')}
            </button>
          </Form>
        </section>
      )}
    </article>
  );
}
