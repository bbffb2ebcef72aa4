import QRCode from 'qrcode';
import { useTranslation } from 'react-i18next';
import { data, Form } from 'react-router';
import { callAuth, cookieHeaders, requirePageRole } from '../auth.server';
import { TextInput } from '../components/form-fields';
import { formatDateTime, useLanguage } from '../components/format';
import { PageTitle } from '../components/page-title';
import type { Route } from './+types/account';

type SessionRow = {
  id: string;
  token: string;
  createdAt: string;
  ipAddress?: string | null;
  userAgent?: string | null;
};

export async function loader({ request, params, context }: Route.LoaderArgs) {
  requirePageRole(context.viewer, 'member', params.lang, request);
  const user = context.user!;
  const sessions = await callAuth(context, request, '/list-sessions', undefined, 'GET');
  const current = await callAuth(context, request, '/get-session', undefined, 'GET');
  const currentToken = (current.body?.session as { token?: string } | undefined)?.token;
  const list = (Array.isArray(sessions.body) ? (sessions.body as unknown as SessionRow[]) : []).map((s) => ({
    token: s.token,
    createdAt: String(s.createdAt),
    ipAddress: s.ipAddress ?? null,
    userAgent: s.userAgent ?? null,
    current: s.token === currentToken,
  }));
  const organisation = user.organisationId
    ? await context.services.organisations
        .get(context.viewer, user.organisationId, params.lang)
        .catch(() => null)
    : null;
  return {
    user,
    organisationName: organisation?.name ?? null,
    needsTwoFactor: !!context.viewer.needsTwoFactor,
    sessions: list,
    welcome: new URL(request.url).searchParams.has('welcome'),
  };
}

type Enrolment = { secret: string; uri: string; qr: string; backupCodes: string[] };
type ActionResult =
  | { intent: 'enable'; enrolment?: Enrolment; error?: string }
  | { intent: 'confirm'; done?: boolean; error?: string; enrolment?: Enrolment }
  | { intent: 'backup-codes'; backupCodes?: string[]; error?: string }
  | { intent: 'disable'; done?: boolean; error?: string }
  | { intent: 'revoke'; done?: boolean };

export async function action({
  request,
  params,
  context,
}: Route.ActionArgs): Promise<ReturnType<typeof data<ActionResult>>> {
  requirePageRole(context.viewer, 'member', params.lang, request);
  const form = await request.formData();
  const intent = String(form.get('intent'));
  const password = String(form.get('password') ?? '');
  switch (intent) {
    case 'enable': {
      const result = await callAuth(context, request, '/two-factor/enable', { password });
      if (result.status !== 200) return data({ intent, error: 'password' }, { status: 422 });
      const uri = String(result.body?.totpURI);
      const enrolment: Enrolment = {
        uri,
        secret: new URL(uri).searchParams.get('secret') ?? '',
        qr: Buffer.from(await QRCode.toString(uri, { type: 'svg', margin: 1 })).toString('base64'),
        backupCodes: (result.body?.backupCodes as string[]) ?? [],
      };
      return data({ intent, enrolment });
    }
    case 'confirm': {
      const code = String(form.get('code') ?? '').replace(/\s+/g, '');
      const result = await callAuth(context, request, '/two-factor/verify-totp', { code });
      if (result.status !== 200) {
        const enrolment = JSON.parse(String(form.get('enrolment') ?? 'null')) as Enrolment | null;
        return data({ intent, error: 'code', ...(enrolment ? { enrolment } : {}) }, { status: 422 });
      }
      // Turning two-step verification on replaces the session: pass the new cookie on.
      return data({ intent, done: true }, { headers: cookieHeaders(result) });
    }
    case 'backup-codes': {
      const result = await callAuth(context, request, '/two-factor/generate-backup-codes', { password });
      if (result.status !== 200) return data({ intent, error: 'password' }, { status: 422 });
      return data({ intent, backupCodes: (result.body?.backupCodes as string[]) ?? [] });
    }
    case 'disable': {
      const result = await callAuth(context, request, '/two-factor/disable', { password });
      if (result.status !== 200) return data({ intent, error: 'password' }, { status: 422 });
      return data({ intent, done: true }, { headers: cookieHeaders(result) });
    }
    case 'revoke': {
      await callAuth(context, request, '/revoke-session', { token: String(form.get('token') ?? '') });
      return data({ intent, done: true });
    }
    default:
      throw data(null, { status: 400 });
  }
}

export default function Account({ loaderData, actionData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { user } = loaderData;
  const enrolment = actionData && 'enrolment' in actionData ? actionData.enrolment : undefined;
  const error = actionData && 'error' in actionData ? actionData.error : undefined;
  const passwordError = error === 'password' ? t('auth.error.password') : undefined;
  const twoFactorOn = user.twoFactorEnabled || (actionData?.intent === 'confirm' && actionData.done);
  return (
    <article className="narrow">
      <PageTitle title={t('account.title')} />
      <h1>{t('account.title')}</h1>
      {loaderData.welcome && <p role="status">{t('account.welcome', { name: user.name })}</p>}
      <dl className="facts">
        <dt>{t('auth.fullName')}</dt>
        <dd>{user.name}</dd>
        <dt>{t('auth.email')}</dt>
        <dd>{user.email}</dd>
        <dt>{t('account.role')}</dt>
        <dd>{t(`roles.${user.role}`)}</dd>
        {loaderData.organisationName && (
          <>
            <dt>{t('account.organisation')}</dt>
            <dd>{loaderData.organisationName}</dd>
          </>
        )}
      </dl>

      <section aria-labelledby="two-factor">
        <h2 id="two-factor">{t('account.twoFactor')}</h2>
        {loaderData.needsTwoFactor && !twoFactorOn && (
          <p className="form-error" role="alert">
            {t('account.twoFactorRequired')}
          </p>
        )}
        {twoFactorOn ? (
          <>
            <p role="status">{t('account.twoFactorOn')}</p>
            {actionData?.intent === 'backup-codes' && actionData.backupCodes && (
              <BackupCodes codes={actionData.backupCodes} />
            )}
            <Form method="post" className="editor">
              <input type="hidden" name="intent" value="backup-codes" />
              <TextInput
                name="password"
                type="password"
                label={t('auth.password')}
                error={actionData?.intent === 'backup-codes' ? passwordError : undefined}
                required
              />
              <div className="form-actions">
                <button type="submit">{t('account.newBackupCodes')}</button>
              </div>
            </Form>
          </>
        ) : enrolment ? (
          <>
            <p>{t('account.scanCode')}</p>
            <img
              className="qr"
              src={`data:image/svg+xml;base64,${enrolment.qr}`}
              alt={t('account.qrLabel')}
              width={200}
              height={200}
            />
            <p>
              {t('account.secretKey')} <code>{enrolment.secret}</code>
            </p>
            <BackupCodes codes={enrolment.backupCodes} />
            <Form method="post" className="editor">
              <input type="hidden" name="intent" value="confirm" />
              <input type="hidden" name="enrolment" value={JSON.stringify(enrolment)} />
              <TextInput
                name="code"
                label={t('auth.totpCode')}
                error={error === 'code' ? t('auth.error.code') : undefined}
                required
              />
              <div className="form-actions">
                <button type="submit">{t('account.confirmTwoFactor')}</button>
              </div>
            </Form>
          </>
        ) : (
          <Form method="post" className="editor">
            <p>{t('account.twoFactorIntro')}</p>
            <input type="hidden" name="intent" value="enable" />
            <TextInput
              name="password"
              type="password"
              label={t('auth.password')}
              error={passwordError}
              required
            />
            <div className="form-actions">
              <button type="submit">{t('account.enableTwoFactor')}</button>
            </div>
          </Form>
        )}
      </section>

      <section aria-labelledby="sessions">
        <h2 id="sessions">{t('account.sessions')}</h2>
        <ul className="plain-list">
          {loaderData.sessions.map((session) => (
            <li key={session.token}>
              {formatDateTime(language, session.createdAt)} · {session.ipAddress ?? '—'} ·{' '}
              <span dir="ltr">{session.userAgent?.slice(0, 80) ?? '—'}</span>
              {session.current ? (
                <strong> ({t('account.thisSession')})</strong>
              ) : (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="revoke" />
                  <input type="hidden" name="token" value={session.token} />
                  <button type="submit">{t('account.revoke')}</button>
                </Form>
              )}
            </li>
          ))}
        </ul>
        <Form method="post" action={`/${params.lang}/sign-out`}>
          <input type="hidden" name="scope" value="all" />
          <button type="submit">{t('account.signOutEverywhere')}</button>
        </Form>
      </section>

      <section aria-labelledby="my-data">
        <h2 id="my-data">{t('account.myData')}</h2>
        <p>
          <a href="/api/v1/me/export" download>
            {t('account.downloadData')}
          </a>
        </p>
      </section>
    </article>
  );
}

function BackupCodes({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  return (
    <>
      <p>{t('account.backupCodesIntro')}</p>
      <ul className="backup-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
    </>
  );
}
