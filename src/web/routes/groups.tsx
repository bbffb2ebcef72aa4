import { useTranslation } from 'react-i18next';
import { data, Form } from 'react-router';
import { isStaff } from '../../server/modules/access/policy';
import { GroupInput } from '../../server/modules/groups/schema';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../shared/languages';
import { requirePageRole } from '../auth.server';
import { Select, TextArea, TextInput } from '../components/form-fields';
import { langProps } from '../components/format';
import { PageTitle } from '../components/page-title';
import { Pager } from '../components/pager';
import { attempt, field, pageWriteContext, submit } from '../groups.server';
import type { Route } from './+types/groups';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  requirePageRole(context.viewer, 'member', params.lang, request);
  const lang = params.lang as Language;
  const cursor = new URL(request.url).searchParams.get('cursor') ?? undefined;
  const staff = isStaff(context.viewer);
  const [page, unread, themes] = await Promise.all([
    context.services.groups
      .list(context.viewer, { lang, limit: 50, cursor })
      .catch(() => context.services.groups.list(context.viewer, { lang, limit: 50 })),
    context.services.notifications.unreadCount(context.viewer),
    staff ? context.services.reference.listTerms('theme', lang) : Promise.resolve([]),
  ]);
  return {
    page,
    unread,
    staff,
    themes: themes.map((term) => ({ value: term.id, label: term.parent ? `— ${term.label}` : term.label })),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  requirePageRole(context.viewer, 'member', params.lang, request);
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  const ctx = pageWriteContext(context);
  if (intent === 'join') {
    const id = String(form.get('groupId') ?? '');
    return attempt(intent, () => context.services.groups.addMember(ctx, id, { role: 'member' }));
  }
  if (intent === 'create')
    return submit(
      intent,
      GroupInput,
      {
        name: field(form, 'name') ?? '',
        description: field(form, 'description') ?? null,
        language: field(form, 'language') ?? params.lang,
        theme: field(form, 'theme') ?? null,
        visibility: field(form, 'visibility') ?? 'members',
      },
      (input) => context.services.groups.create(ctx, input, params.lang),
    );
  throw data(null, { status: 400 });
}

export default function Groups({ loaderData, actionData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  const lang = params.lang as Language;
  const { page } = loaderData;
  const errors = actionData?.errors ?? {};
  return (
    <article>
      <PageTitle title={t('groups.title')} />
      <h1>{t('groups.title')}</h1>
      <p className="lead">{t('groups.intro')}</p>
      <ul className="plain actions">
        <li>
          <a href={`/${lang}/actions`}>{t('groups.myActions')}</a>
        </li>
        <li>
          <a href={`/${lang}/notifications`}>{t('groups.notificationsLink', { count: loaderData.unread })}</a>
        </li>
      </ul>
      {actionData?.intent === 'join' && actionData.ok && <p role="status">{t('groups.joined')}</p>}
      {actionData?.intent === 'join' && errors.form && (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      )}
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('groups.group')}</th>
            <th scope="col">{t('groups.theme')}</th>
            <th scope="col">{t('groups.chairs')}</th>
            <th scope="col">{t('groups.members')}</th>
            <th scope="col">{t('groups.yourRole')}</th>
          </tr>
        </thead>
        <tbody>
          {page.items.map((group) => (
            <tr key={group.id}>
              <td>
                <a href={`/${lang}/groups/${group.id}`} {...langProps(group.language, lang)}>
                  {group.name}
                </a>
              </td>
              <td>{group.theme?.label ?? ''}</td>
              <td>
                {[...group.chairOrganisations, ...group.coChairOrganisations]
                  .map((org) => org.acronym ?? org.name)
                  .concat(group.chairs.map((person) => person.name))
                  .join(', ')}
              </td>
              <td>{t('groups.memberCount', { count: group.memberCount })}</td>
              <td>
                {group.myRole ? (
                  t(`groups.roles.${group.myRole}`)
                ) : group.visibility === 'working_group' ? (
                  t('groups.byInvitation')
                ) : (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="join" />
                    <input type="hidden" name="groupId" value={group.id} />
                    <button type="submit" aria-label={t('groups.joinNamed', { name: group.name })}>
                      {t('groups.join')}
                    </button>
                  </Form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager nextCursor={page.nextCursor} />

      {loaderData.staff && (
        <section aria-labelledby="new-group">
          <h2 id="new-group">{t('groups.create.title')}</h2>
          {actionData?.intent === 'create' && actionData.ok && (
            <p role="status">{t('groups.create.created')}</p>
          )}
          {actionData?.intent === 'create' && errors.form && (
            <p className="form-error" role="alert">
              {errors.form}
            </p>
          )}
          <Form method="post" className="editor">
            <input type="hidden" name="intent" value="create" />
            <TextInput name="name" label={t('groups.create.name')} error={errors.name} required />
            <TextArea name="description" label={t('groups.create.description')} error={errors.description} />
            <Select
              name="language"
              label={t('groups.create.language')}
              value={lang}
              options={LANGUAGES.map((code) => ({ value: code, label: LANGUAGE_NAMES[code] }))}
              error={errors.language}
            />
            <Select
              name="theme"
              label={t('groups.create.theme')}
              options={loaderData.themes}
              empty={t('groups.create.noTheme')}
              error={errors.theme}
            />
            <Select
              name="visibility"
              label={t('groups.create.visibility')}
              value="members"
              options={[
                { value: 'members', label: t('groups.create.visibilityMembers') },
                { value: 'working_group', label: t('groups.create.visibilityRestricted') },
              ]}
              error={errors.visibility}
            />
            <div className="form-actions">
              <button type="submit">{t('groups.create.submit')}</button>
            </div>
          </Form>
        </section>
      )}
    </article>
  );
}
