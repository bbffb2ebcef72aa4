import { data, redirect } from 'react-router';
import { AppError } from '../../server/errors';
import { requireMemberPage } from '../forms.server';
import type { Route } from './+types/solution-review';

const ACTIONS = ['submit', 'publish', 'request_changes', 'archive', 'restore', 'comment'] as const;
type Action = (typeof ACTIONS)[number];

/** The review buttons on a solution page post here; the answer goes back to that page. */
export async function action({ request, params, context }: Route.ActionArgs) {
  requireMemberPage(context.viewer, params.lang, request);
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '') as Action;
  const comment = String(form.get('comment') ?? '').trim() || undefined;
  const back = `/${params.lang}/solutions/${params.slug}`;
  if (!ACTIONS.includes(intent)) return data({ error: 'Unknown action' }, { status: 400 });
  if ((intent === 'request_changes' || intent === 'comment') && !comment) {
    throw redirect(`${back}?reviewError=comment#review`);
  }
  const ctx = { viewer: context.viewer, ip: context.clientIp };
  try {
    if (intent === 'comment') await context.services.lifecycle.comment(ctx, params.slug, comment!);
    else await context.services.lifecycle.transition(ctx, params.slug, intent, comment);
  } catch (error) {
    if (AppError.is(error) && error.code === 'conflict') throw redirect(`${back}?reviewError=status#review`);
    if (AppError.is(error) && error.code === 'not_found') throw data(null, { status: 404 });
    if (AppError.is(error) && error.code === 'forbidden') throw data(null, { status: 403 });
    throw error;
  }
  throw redirect(`${back}#review`);
}

export default function ReviewAction() {
  return null;
}
