import { useTranslation } from 'react-i18next';
import { data, Form, redirect } from 'react-router';
import { ADMIN_COOKIE, adminCookieValue, isAdminToken } from '../../server/modules/access/admin-token';
import { isStaff } from '../../server/modules/access/policy';
import { TextInput } from '../components/form-fields';
import { PageTitle } from '../components/page-title';
import type { Route } from './+types/sign-in';

/** Only same-site paths are followed after signing in. */
function nextPath(request: Request, lang: string): string {
  const next = new URL(request.url).searchParams.get('next') ?? '';
  return next.startsWith('/') && !next.startsWith('//') ? next : `/${lang}/solutions`;
}

export function loader({ request, params, context }: Route.LoaderArgs) {
  if (isStaff(context.viewer)) throw redirect(nextPath(request, params.lang));
  return { isEnabled: !!context.adminToken };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const token = String((await request.formData()).get('token') ?? '');
  if (!context.adminToken || !isAdminToken(token, context.adminToken)) {
    return data({ error: 'wrong' as const }, { status: 422 });
  }
  throw redirect(nextPath(request, params.lang), {
    headers: {
      'set-cookie': `${ADMIN_COOKIE}=${adminCookieValue(context.adminToken)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=43200`,
    },
  });
}

export default function SignIn({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <article className="narrow">
      <PageTitle title={t('admin.signIn')} />
      <h1>{t('admin.signIn')}</h1>
      {loaderData.isEnabled ? (
        <>
          <p>{t('admin.signInIntro')}</p>
          <Form method="post" className="editor">
            <TextInput
              name="token"
              type="password"
              label={t('admin.token')}
              error={actionData?.error ? t('admin.wrongToken') : undefined}
              required
            />
            <div className="form-actions">
              <button type="submit">{t('admin.signInButton')}</button>
            </div>
          </Form>
        </>
      ) : (
        <p>{t('admin.writesDisabled')}</p>
      )}
    </article>
  );
}
