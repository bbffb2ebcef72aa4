import { useTranslation } from 'react-i18next';
import { data, Form, redirect } from 'react-router';
import { isSignedIn } from '../../server/modules/access/policy';
import { callAuth, cookieHeaders, nextPath } from '../auth.server';
import { TextInput } from '../components/form-fields';
import { PageTitle } from '../components/page-title';
import type { Route } from './+types/sign-in';

export function loader({ request, params, context }: Route.LoaderArgs) {
  if (isSignedIn(context.viewer)) throw redirect(nextPath(request, `/${params.lang}/account`));
  return null;
}

type ActionData = { error: 'credentials' | 'locked' | 'disabled' | 'throttled' | 'missing'; email: string };

export async function action({ request, params, context }: Route.ActionArgs) {
  const form = await request.formData();
  const email = String(form.get('email') ?? '').trim();
  const password = String(form.get('password') ?? '');
  if (!email || !password) return data<ActionData>({ error: 'missing', email }, { status: 422 });
  const result = await callAuth(context, request, '/sign-in/email', { email, password, rememberMe: true });
  if (result.status === 200) {
    const next = nextPath(request, `/${params.lang}/account`);
    const target = result.body?.twoFactorRedirect
      ? `/${params.lang}/sign-in/two-factor?next=${encodeURIComponent(next)}`
      : next;
    throw redirect(target, { headers: cookieHeaders(result) });
  }
  const code = String(result.body?.code ?? '');
  const error: ActionData['error'] =
    code === 'ACCOUNT_LOCKED'
      ? 'locked'
      : code === 'ACCOUNT_DISABLED'
        ? 'disabled'
        : result.status === 429
          ? 'throttled'
          : 'credentials';
  return data<ActionData>({ error, email }, { status: result.status === 429 ? 429 : 401 });
}

export default function SignIn({ actionData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <article className="narrow">
      <PageTitle title={t('auth.signIn')} />
      <h1>{t('auth.signIn')}</h1>
      <p>{t('auth.signInIntro')}</p>
      {actionData?.error && (
        <p className="form-error" role="alert">
          {t(`auth.error.${actionData.error}`)}
        </p>
      )}
      <Form method="post" className="editor">
        <TextInput name="email" type="email" label={t('auth.email')} value={actionData?.email} required />
        <TextInput name="password" type="password" label={t('auth.password')} required />
        <div className="form-actions">
          <button type="submit">{t('auth.signInButton')}</button>
        </div>
      </Form>
      <p>
        <a href={`/${params.lang}/forgot-password`}>{t('auth.forgotLink')}</a>
      </p>
    </article>
  );
}
