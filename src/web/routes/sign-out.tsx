import { redirect } from 'react-router';
import { ADMIN_COOKIE } from '../../server/modules/access/admin-token';
import type { Route } from './+types/sign-out';

export function action({ params }: Route.ActionArgs) {
  throw redirect(`/${params.lang}/`, {
    headers: { 'set-cookie': `${ADMIN_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0` },
  });
}

export default function SignOut() {
  return null;
}
