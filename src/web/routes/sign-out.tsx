import { redirect } from 'react-router';
import { callAuth, cookieHeaders } from '../auth.server';
import type { Route } from './+types/sign-out';

export async function action({ request, params, context }: Route.ActionArgs) {
  const form = await request.formData();
  const everywhere = form.get('scope') === 'all';
  if (everywhere) await callAuth(context, request, '/revoke-sessions', {});
  const result = await callAuth(context, request, '/sign-out', {});
  throw redirect(`/${params.lang}/`, { headers: cookieHeaders(result) });
}

export function loader({ params }: Route.LoaderArgs) {
  throw redirect(`/${params.lang}/`);
}

export default function SignOut() {
  return null;
}
