import { useTranslation } from 'react-i18next';
import { data, Form } from 'react-router';
import { isStaff } from '../../server/modules/access/policy';
import { InvitationInputSchema } from '../../server/modules/accounts/routes';
import { ACCOUNT_ROLES } from '../../shared/accounts';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../shared/languages';
import { requirePageRole } from '../auth.server';
import { Select, TextInput } from '../components/form-fields';
import { formatDateTime, useLanguage } from '../components/format';
import { PageTitle } from '../components/page-title';
import { editorOptions } from '../editor-options.server';
import { runForm } from '../forms.server';
import { parseInput } from '../solution-input.server';
import type { Route } from './+types/people';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  requirePageRole(context.viewer, 'org_admin', params.lang, request);
  const ctx = { viewer: context.viewer };
  const staff = isStaff(context.viewer);
  const [users, invitations, options] = await Promise.all([
    context.services.accounts.list(context.viewer),
    context.services.invitations.list(ctx),
    staff ? editorOptions(context, params.lang as Language) : null,
  ]);
  return {
    users,
    invitations: invitations.filter((i) => i.status === 'pending' || i.status === 'expired'),
    organisations: options?.providers ?? [],
    staff,
    isAdmin: context.viewer.role === 'admin',
    me: context.viewer.userId,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  requirePageRole(context.viewer, 'org_admin', params.lang, request);
  const form = await request.formData();
  const intent = String(form.get('intent'));
  const ctx = { viewer: context.viewer, ip: context.clientIp };
  if (intent === 'invite') {
    const input = {
      email: String(form.get('email') ?? '').trim(),
      role: String(form.get('role') || 'member'),
      organisationId: String(form.get('organisationId') ?? '') || null,
      language: String(form.get('language') || params.lang),
    };
    const result = await runForm(() =>
      context.services.invitations.invite(ctx, parseInput(InvitationInputSchema, input)),
    );
    if (!result.ok) return data({ intent, errors: result.errors }, { status: 422 });
    return { intent, sentTo: result.value.invitation.email, errors: {} as Record<string, string> };
  }
  const id = String(form.get('id') ?? '');
  const result = await runForm(async () => {
    if (intent === 'revoke') return context.services.invitations.revoke(ctx, id);
    if (intent === 'disable' || intent === 'enable')
      return context.services.accounts.update(ctx, id, { disabled: intent === 'disable' });
    if (intent === 'role')
      return context.services.accounts.update(ctx, id, {
        role: String(form.get('role')) as (typeof ACCOUNT_ROLES)[number],
      });
    throw data(null, { status: 400 });
  });
  if (!result.ok) return data({ intent, errors: result.errors }, { status: 422 });
  return { intent, errors: {} as Record<string, string> };
}

export default function People({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const errors = actionData?.errors ?? {};
  const roles = ACCOUNT_ROLES.filter((role) =>
    loaderData.staff ? loaderData.isAdmin || role !== 'admin' : role === 'member' || role === 'org_admin',
  ).map((role) => ({ value: role, label: t(`roles.${role}`) }));
  return (
    <article>
      <PageTitle title={t('people.title')} />
      <h1>{t('people.title')}</h1>
      <section aria-labelledby="invite">
        <h2 id="invite">{t('people.invite')}</h2>
        {actionData && 'sentTo' in actionData && actionData.sentTo && (
          <p role="status">{t('people.invited', { email: actionData.sentTo })}</p>
        )}
        {actionData?.intent === 'invite' && errors.form && (
          <p className="form-error" role="alert">
            {errors.form}
          </p>
        )}
        <Form method="post" className="editor">
          <input type="hidden" name="intent" value="invite" />
          <TextInput name="email" type="email" label={t('auth.email')} error={errors.email} required />
          <Select name="role" label={t('account.role')} options={roles} value="member" error={errors.role} />
          {loaderData.staff && (
            <Select
              name="organisationId"
              label={t('account.organisation')}
              options={loaderData.organisations}
              empty={t('people.noOrganisation')}
              error={errors.organisationId}
            />
          )}
          <Select
            name="language"
            label={t('people.emailLanguage')}
            options={LANGUAGES.map((code) => ({ value: code, label: LANGUAGE_NAMES[code] }))}
            value={language}
          />
          <div className="form-actions">
            <button type="submit">{t('people.sendInvitation')}</button>
          </div>
        </Form>
      </section>

      {loaderData.invitations.length > 0 && (
        <section aria-labelledby="pending">
          <h2 id="pending">{t('people.pending')}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('auth.email')}</th>
                <th scope="col">{t('account.role')}</th>
                <th scope="col">{t('people.expires')}</th>
                <th scope="col">{t('people.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {loaderData.invitations.map((invitation) => (
                <tr key={invitation.id}>
                  <td>{invitation.email}</td>
                  <td>{t(`roles.${invitation.role}`)}</td>
                  <td>
                    {invitation.status === 'expired'
                      ? t('people.expired')
                      : formatDateTime(language, invitation.expiresAt)}
                  </td>
                  <td>
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="id" value={invitation.id} />
                      <button type="submit">{t('people.withdraw')}</button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      <section aria-labelledby="accounts">
        <h2 id="accounts">{t('people.accounts', { count: loaderData.users.length })}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('auth.fullName')}</th>
              <th scope="col">{t('auth.email')}</th>
              <th scope="col">{t('account.role')}</th>
              <th scope="col">{t('account.twoFactor')}</th>
              <th scope="col">{t('people.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {loaderData.users.map((user) => (
              <tr key={user.id}>
                <td>{user.name}</td>
                <td>{user.email}</td>
                <td>
                  {loaderData.staff && user.id !== loaderData.me ? (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="role" />
                      <input type="hidden" name="id" value={user.id} />
                      <label className="visually-hidden" htmlFor={`role-${user.id}`}>
                        {t('people.roleOf', { name: user.name })}
                      </label>
                      <select id={`role-${user.id}`} name="role" defaultValue={user.role}>
                        {roles.map((role) => (
                          <option key={role.value} value={role.value}>
                            {role.label}
                          </option>
                        ))}
                      </select>{' '}
                      <button type="submit">{t('people.changeRole')}</button>
                    </Form>
                  ) : (
                    t(`roles.${user.role}`)
                  )}
                </td>
                <td>{user.twoFactorEnabled ? t('people.yes') : t('people.no')}</td>
                <td>
                  {user.id !== loaderData.me && (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value={user.disabled ? 'enable' : 'disable'} />
                      <input type="hidden" name="id" value={user.id} />
                      <button type="submit">
                        {user.disabled ? t('people.enable') : t('people.disable')}
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </article>
  );
}
