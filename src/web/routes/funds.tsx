import { redirect } from 'react-router';
import type { Route } from './+types/funds';

/** Trust funds are listed with the appeals, in their own section. */
export function loader({ params }: Route.LoaderArgs) {
  throw redirect(`/${params.lang}/appeals#trust-funds`);
}

export default function Funds() {
  return null;
}
