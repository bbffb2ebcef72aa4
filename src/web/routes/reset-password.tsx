import { useTranslation } from 'react-i18next';
import { data, Form, redirect } from 'react-router';
import { MIN_PASSWORD_LENGTH } from '../../shared/accounts';
import { callAuth } from '../auth.server';
import { TextInput } from '../components/form-fields';
import { PageTitle } from '../components/page-title';
import type { Route } from './+types/reset-password';

export function loader({ request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  return {
    token: url.searchParams.get('token') ?? '',
    invalid: url.searchParams.get('error') === 'INVALID_TOKEN',
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const form = await request.formData();
  const token = String(form.get('token') ?? '');
  const password = String(form.get('password') ?? '');
  if (password.length < MIN_PASSWORD_LENGTH) return data({ error: 'short' as const }, { status: 422 });
  if (password !== String(form.get('confirm') ?? ''))
    return data({ error: 'mismatch' as const }, { status: 422 });
  const result = await callAuth(context, request, '/reset-password', { token, newPassword: password });
  if (result.status === 200) throw redirect(`/${params.lang}/sign-in?reset=1`);
  return data(
    { error: result.status === 429 ? ('throttled' as const) : ('token' as const) },
    { status: 400 },
  );
}

export default function ResetPassword({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const error = actionData?.error;
  const tokenBroken = loaderData.invalid || !loaderData.token || error === 'token';
  return (
    <article className="narrow">
      <PageTitle title={t('auth.resetTitle')} />
      <h1>{t('auth.resetTitle')}</h1>
      {tokenBroken ? (
        <p className="form-error" role="alert">
          {t('auth.error.resetToken')}
        </p>
      ) : (
        <Form method="post" className="editor">
          <input type="hidden" name="token" value={loaderData.token} />
          {error === 'throttled' && (
            <p className="form-error" role="alert">
              {t('auth.error.throttled')}
            </p>
          )}
          <TextInput
            name="password"
            type="password"
            label={t('auth.newPassword')}
            hint={t('auth.passwordHint', { min: MIN_PASSWORD_LENGTH })}
            error={error === 'short' ? t('auth.error.short', { min: MIN_PASSWORD_LENGTH }) : undefined}
            required
          />
          <TextInput
            name="confirm"
            type="password"
            label={t('auth.confirmPassword')}
            error={error === 'mismatch' ? t('auth.error.mismatch') : undefined}
            required
          />
          <div className="form-actions">
            <button type="submit">{t('auth.resetButton')}</button>
          </div>
        </Form>
      )}
    </article>
  );
}
