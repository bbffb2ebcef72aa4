import { useTranslation } from 'react-i18next';
import { data, Form, redirect } from 'react-router';
import { AppError } from '../../server/errors';
import { AcceptInputSchema } from '../../server/modules/accounts/routes';
import { MIN_PASSWORD_LENGTH } from '../../shared/accounts';
import { callAuth, cookieHeaders } from '../auth.server';
import { TextInput } from '../components/form-fields';
import { PageTitle } from '../components/page-title';
import { runForm } from '../forms.server';
import { parseInput } from '../solution-input.server';
import type { Route } from './+types/invitation';

export async function loader({ params, context }: Route.LoaderArgs) {
  try {
    const invitation = await context.services.invitations.inspect(params.token);
    const organisation = invitation.organisationId
      ? await context.services.organisations
          .get(context.viewer, invitation.organisationId, params.lang)
          .catch(() => null)
      : null;
    return { invitation, organisationName: organisation?.name ?? null, problem: null };
  } catch (error) {
    if (!AppError.is(error)) throw error;
    return data(
      { invitation: null, organisationName: null, problem: error.message },
      { status: error.status },
    );
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const form = await request.formData();
  const values = {
    name: String(form.get('name') ?? ''),
    password: String(form.get('password') ?? ''),
    ...(form.get('email') ? { email: String(form.get('email')) } : {}),
  };
  if (values.password !== String(form.get('confirm') ?? ''))
    return data({ errors: { confirm: 'mismatch' } as Record<string, string> }, { status: 422 });
  const result = await runForm(() =>
    context.services.invitations.accept(params.token, parseInput(AcceptInputSchema, values), {
      viewer: context.viewer,
      ip: context.clientIp,
    }),
  );
  if (!result.ok) return data({ errors: result.errors }, { status: 422 });
  const session = await callAuth(context, request, '/sign-in/email', {
    email: result.value.email,
    password: values.password,
  });
  throw redirect(`/${params.lang}/account?welcome=1`, { headers: cookieHeaders(session) });
}

export default function Invitation({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { invitation } = loaderData;
  const errors = actionData?.errors ?? {};
  const message = (field: string) => {
    const error = errors[field];
    if (!error) return undefined;
    if (error === 'mismatch') return t('auth.error.mismatch');
    return field === 'password' ? t('auth.error.short', { min: MIN_PASSWORD_LENGTH }) : error;
  };
  return (
    <article className="narrow">
      <PageTitle title={t('auth.invitationTitle')} />
      <h1>{t('auth.invitationTitle')}</h1>
      {!invitation ? (
        <p className="form-error" role="alert">
          {t('auth.error.invitation')} ({loaderData.problem})
        </p>
      ) : (
        <>
          <p>
            {invitation.email
              ? t('auth.invitationIntro', {
                  email: invitation.email,
                  role: t(`roles.${invitation.role}`),
                  organisation: loaderData.organisationName ?? '—',
                })
              : t('auth.firstAdminIntro')}
          </p>
          {errors.form && (
            <p className="form-error" role="alert">
              {errors.form}
            </p>
          )}
          <Form method="post" className="editor">
            {!invitation.email && (
              <TextInput
                name="email"
                type="email"
                label={t('auth.email')}
                error={message('email')}
                required
              />
            )}
            <TextInput name="name" label={t('auth.fullName')} error={message('name')} required />
            <TextInput
              name="password"
              type="password"
              label={t('auth.newPassword')}
              hint={t('auth.passwordHint', { min: MIN_PASSWORD_LENGTH })}
              error={message('password')}
              required
            />
            <TextInput
              name="confirm"
              type="password"
              label={t('auth.confirmPassword')}
              error={message('confirm')}
              required
            />
            <div className="form-actions">
              <button type="submit">{t('auth.createAccount')}</button>
            </div>
          </Form>
        </>
      )}
    </article>
  );
}
