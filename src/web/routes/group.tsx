import { useTranslation } from 'react-i18next';
import { data, Form, redirect } from 'react-router';
import { isStaff } from '../../server/modules/access/policy';
import { MemberInput, MemberPatch, ThreadInput } from '../../server/modules/groups/schema';
import { GROUP_ROLES } from '../../shared/groups';
import type { Language } from '../../shared/languages';
import { requirePageRole } from '../auth.server';
import { Select, TextArea, TextInput } from '../components/form-fields';
import { formatDateTime, langProps } from '../components/format';
import { PageTitle } from '../components/page-title';
import { runForm } from '../forms.server';
import {
  attempt,
  failed,
  field,
  fields,
  orNotFound,
  pageWriteContext,
  submit,
  validate,
} from '../groups.server';
import type { Route } from './+types/group';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  requirePageRole(context.viewer, 'member', params.lang, request);
  const lang = params.lang as Language;
  const group = await orNotFound(() => context.services.groups.get(context.viewer, params.id, lang));
  const staff = isStaff(context.viewer);
  const inSpace = staff || group.myRole !== null;
  const threads = inSpace
    ? await context.services.groups.listThreads(context.viewer, group.id, { limit: 20 })
    : null;
  return {
    group,
    threads,
    inSpace,
    staff,
    canManage: staff || group.myRole === 'chair',
    me: context.viewer.userId,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  requirePageRole(context.viewer, 'member', params.lang, request);
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  const ctx = pageWriteContext(context);
  const groups = context.services.groups;
  switch (intent) {
    case 'join':
      return attempt(intent, () => groups.addMember(ctx, params.id, { role: 'member' }));
    case 'leave':
      return attempt(intent, () => groups.removeMember(ctx, params.id, context.viewer.userId ?? ''));
    case 'remove':
      return attempt(intent, () => groups.removeMember(ctx, params.id, String(form.get('userId') ?? '')));
    case 'role':
      return submit(intent, MemberPatch, { role: field(form, 'role') }, ({ role }) =>
        groups.changeRole(ctx, params.id, String(form.get('userId') ?? ''), role),
      );
    case 'add':
      return submit(
        intent,
        MemberInput,
        { email: field(form, 'email'), role: field(form, 'role') ?? 'member' },
        (input) => groups.addMember(ctx, params.id, input),
      );
    case 'thread': {
      const checked = validate(intent, ThreadInput, {
        title: field(form, 'title') ?? '',
        body: field(form, 'body') ?? '',
        notify: fields(form, 'notify'),
      });
      if (!checked.ok) return checked.response;
      const result = await runForm(() => groups.createThread(ctx, params.id, checked.value));
      if (result.ok)
        throw redirect(`/${params.lang}/groups/${result.value.groupId}/threads/${result.value.id}`);
      return failed(intent, result.errors);
    }
    default:
      throw data(null, { status: 400 });
  }
}

export default function GroupPage({ loaderData, actionData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  const lang = params.lang as Language;
  const { group, threads, inSpace, canManage, me } = loaderData;
  const errors = actionData?.errors ?? {};
  const textLang = langProps(group.language, lang);
  const done = (intent: string) => actionData?.intent === intent && actionData.ok;
  const failedIntent = (intent: string) => actionData?.intent === intent && !actionData.ok;
  const orgList = (orgs: typeof group.chairOrganisations) =>
    orgs.map((org, index) => (
      <span key={org.id}>
        {index > 0 && ', '}
        <a href={`/${lang}/organisations/${org.slug}`} {...langProps(org.language, lang)}>
          {org.name}
        </a>
      </span>
    ));
  const roleOptions = GROUP_ROLES.map((role) => ({ value: role, label: t(`groups.roles.${role}`) }));
  const others = group.members.filter((member) => member.userId !== me);
  return (
    <article>
      <PageTitle title={group.name} />
      <p>
        <a href={`/${lang}/groups`}>{t('groups.title')}</a>
      </p>
      <h1 {...textLang}>{group.name}</h1>
      {group.description && <p {...textLang}>{group.description}</p>}
      <dl className="facts inline">
        {group.theme && (
          <>
            <dt>{t('groups.theme')}</dt>
            <dd>{group.theme.label}</dd>
          </>
        )}
        {group.chairOrganisations.length > 0 && (
          <>
            <dt>{t('groups.chairOrganisations')}</dt>
            <dd>{orgList(group.chairOrganisations)}</dd>
          </>
        )}
        {group.coChairOrganisations.length > 0 && (
          <>
            <dt>{t('groups.coChairOrganisations')}</dt>
            <dd>{orgList(group.coChairOrganisations)}</dd>
          </>
        )}
        {group.viceChairOrganisations.length > 0 && (
          <>
            <dt>{t('groups.viceChairOrganisations')}</dt>
            <dd>{orgList(group.viceChairOrganisations)}</dd>
          </>
        )}
        <dt>{t('groups.members')}</dt>
        <dd>{t('groups.memberCount', { count: group.memberCount })}</dd>
        {group.myRole && (
          <>
            <dt>{t('groups.yourRole')}</dt>
            <dd>{t(`groups.roles.${group.myRole}`)}</dd>
          </>
        )}
      </dl>

      {done('join') && <p role="status">{t('groups.joined')}</p>}
      {done('leave') && <p role="status">{t('groups.left')}</p>}
      {(failedIntent('join') || failedIntent('leave')) && errors.form && (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      )}
      {group.myRole ? (
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="leave" />
          <button type="submit" className="secondary">
            {t('groups.leave')}
          </button>
        </Form>
      ) : group.visibility === 'working_group' ? null : (
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="join" />
          <button type="submit">{t('groups.joinNamed', { name: group.name })}</button>
        </Form>
      )}

      {inSpace ? (
        <section aria-labelledby="space">
          <h2 id="space">{t('groups.space')}</h2>
          <ul className="space-links">
            <li>
              <a href={`/${lang}/groups/${group.id}/actions`}>{t('groups.actionTracker')}</a>
              <span className="meta"> · {t('groups.actionTrackerIntro')}</span>
            </li>
            <li>
              <a href={`/${lang}/groups/${group.id}/priorities`}>{t('groups.planning')}</a>
              <span className="meta"> · {t('groups.planningIntro')}</span>
            </li>
            <li>
              <a href={`/${lang}/library?group=${group.id}`}>{t('groups.documents')}</a>
              <span className="meta"> · {t('groups.documentsIntro')}</span>{' '}
              <a href={`/${lang}/library/new?group=${group.id}`}>{t('groups.addDocument')}</a>
            </li>
            <li>
              <a href={`/${lang}/calendar?group=${group.id}`}>{t('groups.calendar')}</a>
            </li>
          </ul>
        </section>
      ) : (
        <p className="notice">{t('groups.joinToTakePart')}</p>
      )}

      {inSpace && threads && (
        <section aria-labelledby="discussions">
          <h2 id="discussions">{t('groups.discussions')}</h2>
          {threads.items.length === 0 && <p>{t('groups.noThreads')}</p>}
          <ul className="rows">
            {threads.items.map((thread) => (
              <li key={thread.id}>
                <a href={`/${lang}/groups/${group.id}/threads/${thread.id}`}>{thread.title}</a>
                <span className="meta">
                  {' · '}
                  {t('groups.startedBy', { name: thread.author.name })}
                  {' · '}
                  {t('groups.replies', { count: thread.replyCount })}
                  {' · '}
                  {t('groups.lastActivity')}: {formatDateTime(lang, thread.lastActivityAt)}
                </span>
              </li>
            ))}
          </ul>
          <h3>{t('groups.newThread')}</h3>
          {failedIntent('thread') && errors.form && (
            <p className="form-error" role="alert">
              {errors.form}
            </p>
          )}
          <Form method="post" className="editor">
            <input type="hidden" name="intent" value="thread" />
            <TextInput name="title" label={t('groups.threadTitle')} error={errors.title} required />
            <TextArea name="body" label={t('groups.message')} error={errors.body} rows={6} required />
            {others.length > 0 && (
              <Select
                name="notify"
                label={t('groups.notify')}
                hint={t('groups.notifyHint')}
                multiple
                options={others.map((member) => ({ value: member.userId, label: member.name }))}
                error={errors.notify}
              />
            )}
            <div className="form-actions">
              <button type="submit">{t('groups.post')}</button>
            </div>
          </Form>
        </section>
      )}

      <section aria-labelledby="members">
        <h2 id="members">{t('groups.members')}</h2>
        {done('role') && <p role="status">{t('groups.roleChanged')}</p>}
        {done('remove') && <p role="status">{t('groups.removed')}</p>}
        {(failedIntent('role') || failedIntent('remove')) && (
          <p className="form-error" role="alert">
            {errors.form ?? errors.role}
          </p>
        )}
        {group.members.length === 0 ? (
          <p>{t('groups.memberCount', { count: 0 })}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('groups.name')}</th>
                <th scope="col">{t('groups.organisation')}</th>
                <th scope="col">{t('groups.role')}</th>
                {canManage && <th scope="col">{t('groups.manage')}</th>}
              </tr>
            </thead>
            <tbody>
              {group.members.map((member) => (
                <tr key={member.userId}>
                  <td>{member.name}</td>
                  <td>{member.organisation?.name ?? ''}</td>
                  <td>{t(`groups.roles.${member.role}`)}</td>
                  {canManage && (
                    <td>
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="role" />
                        <input type="hidden" name="userId" value={member.userId} />
                        <label className="visually-hidden" htmlFor={`role-${member.userId}`}>
                          {t('groups.roleOf', { name: member.name })}
                        </label>
                        <select id={`role-${member.userId}`} name="role" defaultValue={member.role}>
                          {roleOptions.map((role) => (
                            <option key={role.value} value={role.value}>
                              {role.label}
                            </option>
                          ))}
                        </select>
                        <button type="submit">{t('groups.changeRole')}</button>
                      </Form>{' '}
                      {member.userId !== me && (
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="intent" value="remove" />
                          <input type="hidden" name="userId" value={member.userId} />
                          <button
                            type="submit"
                            className="secondary"
                            aria-label={t('groups.removeNamed', { name: member.name })}
                          >
                            {t('groups.remove')}
                          </button>
                        </Form>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {canManage && (
          <>
            <h3>{t('groups.addMember')}</h3>
            {done('add') && <p role="status">{t('groups.added')}</p>}
            {failedIntent('add') && errors.form && (
              <p className="form-error" role="alert">
                {errors.form}
              </p>
            )}
            <Form method="post" className="editor">
              <input type="hidden" name="intent" value="add" />
              <TextInput
                name="email"
                type="email"
                label={t('groups.addMemberEmail')}
                error={errors.email ?? errors.userId}
                required
              />
              {loaderData.staff && (
                <Select
                  name="role"
                  label={t('groups.role')}
                  options={roleOptions}
                  value="member"
                  error={errors.role}
                />
              )}
              <div className="form-actions">
                <button type="submit">{t('groups.add')}</button>
              </div>
            </Form>
          </>
        )}
      </section>
    </article>
  );
}
