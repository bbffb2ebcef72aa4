import { useTranslation } from 'react-i18next';
import { data, Form, redirect } from 'react-router';
import { callAuth, cookieHeaders, nextPath } from '../auth.server';
import { TextInput } from '../components/form-fields';
import { PageTitle } from '../components/page-title';
import type { Route } from './+types/sign-in-two-factor';

export async function action({ request, params, context }: Route.ActionArgs) {
  const form = await request.formData();
  const code = String(form.get('code') ?? '').replace(/\s+/g, '');
  const useBackup = form.get('method') === 'backup';
  if (!code) return data({ error: 'missing' as const, useBackup }, { status: 422 });
  const result = await callAuth(
    context,
    request,
    useBackup ? '/two-factor/verify-backup-code' : '/two-factor/verify-totp',
    { code, trustDevice: false },
  );
  if (result.status === 200)
    throw redirect(nextPath(request, `/${params.lang}/account`), { headers: cookieHeaders(result) });
  const error = result.status === 429 ? ('throttled' as const) : ('code' as const);
  return data({ error, useBackup }, { status: result.status === 429 ? 429 : 401 });
}

export default function TwoFactor({ actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <article className="narrow">
      <PageTitle title={t('auth.twoFactorTitle')} />
      <h1>{t('auth.twoFactorTitle')}</h1>
      <p>{t('auth.twoFactorIntro')}</p>
      <Form method="post" className="editor">
        <input type="hidden" name="method" value="totp" />
        <TextInput
          name="code"
          label={t('auth.totpCode')}
          hint={t('auth.totpHint')}
          error={actionData?.error && !actionData.useBackup ? t(`auth.error.${actionData.error}`) : undefined}
          required
        />
        <div className="form-actions">
          <button type="submit">{t('auth.verify')}</button>
        </div>
      </Form>
      <details>
        <summary>{t('auth.useBackupCode')}</summary>
        <Form method="post" className="editor">
          <input type="hidden" name="method" value="backup" />
          <TextInput
            name="code"
            label={t('auth.backupCode')}
            error={
              actionData?.error && actionData.useBackup ? t(`auth.error.${actionData.error}`) : undefined
            }
            required
          />
          <div className="form-actions">
            <button type="submit">{t('auth.verify')}</button>
          </div>
        </Form>
      </details>
    </article>
  );
}
