import { useTranslation } from 'react-i18next';
import { data, Form } from 'react-router';
import { callAuth } from '../auth.server';
import { TextInput } from '../components/form-fields';
import { PageTitle } from '../components/page-title';
import type { Route } from './+types/forgot-password';

export async function action({ request, params, context }: Route.ActionArgs) {
  const email = String((await request.formData()).get('email') ?? '').trim();
  if (!email.includes('@')) return data({ sent: false, error: 'email' as const }, { status: 422 });
  const result = await callAuth(context, request, `/request-password-reset?lang=${params.lang}`, {
    email,
    redirectTo: `/${params.lang}/reset-password`,
  });
  if (result.status === 429) return data({ sent: false, error: 'throttled' as const }, { status: 429 });
  // The same answer whether or not the address has an account, so it reveals nothing.
  return { sent: true, error: null };
}

export default function ForgotPassword({ actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <article className="narrow">
      <PageTitle title={t('auth.forgotTitle')} />
      <h1>{t('auth.forgotTitle')}</h1>
      {actionData?.sent ? (
        <p role="status">{t('auth.forgotSent')}</p>
      ) : (
        <>
          <p>{t('auth.forgotIntro')}</p>
          {actionData?.error === 'throttled' && (
            <p className="form-error" role="alert">
              {t('auth.error.throttled')}
            </p>
          )}
          <Form method="post" className="editor">
            <TextInput
              name="email"
              type="email"
              label={t('auth.email')}
              error={actionData?.error === 'email' ? t('auth.error.email') : undefined}
              required
            />
            <div className="form-actions">
              <button type="submit">{t('auth.forgotButton')}</button>
            </div>
          </Form>
        </>
      )}
    </article>
  );
}
