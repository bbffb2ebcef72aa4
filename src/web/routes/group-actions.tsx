import { useTranslation } from 'react-i18next';
import { data, Form } from 'react-router';
import { isStaff } from '../../server/modules/access/policy';
import { ActionInput, ActionListQuery, ActionPatch } from '../../server/modules/groups/schema';
import { ACTION_LINK_TYPES, ACTION_STATUSES } from '../../shared/groups';
import type { Language } from '../../shared/languages';
import { requirePageRole } from '../auth.server';
import { ActionTable } from '../components/action-table';
import { FilterErrors } from '../components/filter-errors';
import { Select, TextArea, TextInput } from '../components/form-fields';
import { langProps } from '../components/format';
import { PageTitle } from '../components/page-title';
import { Pager } from '../components/pager';
import { field, orNotFound, pageWriteContext, submit } from '../groups.server';
import { listWithCursor, parseListQuery } from '../list-query.server';
import type { Route } from './+types/group-actions';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  requirePageRole(context.viewer, 'member', params.lang, request);
  const lang = params.lang as Language;
  const { filters, errors } = parseListQuery(ActionListQuery, request, { limit: 50 });
  // The list first: it answers 404 to anyone outside the group's space.
  const page = await orNotFound(() =>
    listWithCursor(filters, errors, (f) => context.services.groups.listActions(context.viewer, params.id, f)),
  );
  const group = await context.services.groups.get(context.viewer, params.id, lang);
  const me = context.viewer.userId;
  const leads = isStaff(context.viewer) || group.myRole === 'chair' || group.myRole === 'vice_chair';
  return {
    group: { id: group.id, name: group.name, language: group.language },
    members: group.members.map((member) => ({ value: member.userId, label: member.name })),
    page,
    errors,
    values: { status: filters.status ?? '', ownerId: filters.ownerId ?? '' },
    editable: page.items
      .filter((action) => leads || action.owner.id === me || action.createdBy === me)
      .map((action) => action.id),
    me,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  requirePageRole(context.viewer, 'member', params.lang, request);
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  const ctx = pageWriteContext(context);
  const groups = context.services.groups;
  if (intent === 'create') {
    const linkType = field(form, 'linkType') ?? null;
    return submit(
      intent,
      ActionInput,
      {
        title: field(form, 'title') ?? '',
        description: field(form, 'description') ?? null,
        ownerId: field(form, 'ownerId') ?? '',
        dueOn: field(form, 'dueOn') ?? '',
        status: field(form, 'status') ?? 'open',
        linkType,
        linkId: field(form, 'linkId') ?? null,
      },
      (input) => groups.createAction(ctx, params.id, input),
    );
  }
  if (intent === 'status')
    return submit(intent, ActionPatch, { status: field(form, 'status') }, (patch) =>
      groups.updateAction(ctx, params.id, String(form.get('actionId') ?? ''), patch),
    );
  throw data(null, { status: 400 });
}

export default function GroupActions({ loaderData, actionData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  const lang = params.lang as Language;
  const { group, page, values } = loaderData;
  const errors = actionData?.errors ?? {};
  const statuses = ACTION_STATUSES.map((status) => ({
    value: status,
    label: t(`groups.actions.statuses.${status}`),
  }));
  const title = t('groups.actions.title', { name: group.name });
  return (
    <article>
      <PageTitle title={title} />
      <p>
        <a href={`/${lang}/groups/${group.id}`} {...langProps(group.language, lang)}>
          {t('groups.backToGroup', { name: group.name })}
        </a>
        {' · '}
        <a href={`/${lang}/actions`}>{t('groups.myActions')}</a>
      </p>
      <h1>{title}</h1>
      <Form method="get" className="filters inline-form">
        <Select
          name="status"
          label={t('groups.actions.status')}
          options={statuses}
          empty={t('groups.actions.anyStatus')}
          value={values.status}
        />
        <Select
          name="ownerId"
          label={t('groups.actions.owner')}
          options={loaderData.members}
          empty={t('groups.actions.anyOwner')}
          value={values.ownerId}
        />
        <button type="submit">{t('groups.actions.filter')}</button>
      </Form>
      <FilterErrors errors={loaderData.errors} />
      {actionData?.intent === 'status' && actionData.ok && <p role="status">{t('groups.actions.updated')}</p>}
      {actionData?.intent === 'status' && !actionData.ok && (
        <p className="form-error" role="alert">
          {Object.values(errors)[0]}
        </p>
      )}
      {page.items.length === 0 ? (
        <p>{t('groups.actions.none')}</p>
      ) : (
        <ActionTable actions={page.items} language={lang} editable={new Set(loaderData.editable)} />
      )}
      <Pager nextCursor={page.nextCursor} />

      <section aria-labelledby="new-action">
        <h2 id="new-action">{t('groups.actions.new')}</h2>
        {actionData?.intent === 'create' && actionData.ok && (
          <p role="status">{t('groups.actions.created')}</p>
        )}
        {actionData?.intent === 'create' && errors.form && (
          <p className="form-error" role="alert">
            {errors.form}
          </p>
        )}
        <Form method="post" className="editor">
          <input type="hidden" name="intent" value="create" />
          <TextInput name="title" label={t('groups.actions.titleField')} error={errors.title} required />
          <TextArea name="description" label={t('groups.actions.description')} error={errors.description} />
          <Select
            name="ownerId"
            label={t('groups.actions.owner')}
            options={loaderData.members}
            value={loaderData.me ?? ''}
            error={errors.ownerId}
          />
          <TextInput
            name="dueOn"
            type="date"
            label={t('groups.actions.dueOn')}
            error={errors.dueOn}
            required
          />
          <Select
            name="status"
            label={t('groups.actions.status')}
            options={statuses}
            value="open"
            error={errors.status}
          />
          <Select
            name="linkType"
            label={t('groups.actions.linkType')}
            options={ACTION_LINK_TYPES.map((type) => ({
              value: type,
              label: t(`groups.actions.linkTypes.${type}`),
            }))}
            empty={t('groups.actions.linkNone')}
            error={errors.linkType}
          />
          <TextInput
            name="linkId"
            label={t('groups.actions.linkId')}
            hint={t('groups.actions.linkIdHint')}
            error={errors.linkId}
          />
          <div className="form-actions">
            <button type="submit">{t('groups.actions.create')}</button>
          </div>
        </Form>
      </section>
    </article>
  );
}
