import { data, redirect } from 'react-router';
import { MATCH_STATUSES } from '../server/db/schema/index';
import { AppError, type ErrorCode, type FieldError } from '../server/errors';
import { isStaff, type Viewer } from '../server/modules/access/policy';
import {
  AgreeInput,
  DeclineInput,
  InterestInput,
  MatchParams,
  type MatchView,
  MessageInput,
  PreviewInput,
} from '../server/modules/matching/schema';
import { LANGUAGE_TAGS, type Language } from '../shared/languages';
import type { WebContext } from './context';
import { requireMemberPage } from './forms.server';
import { parseInput } from './solution-input.server';

/** Problems for a form: the message key (under `home.match.errors` or `matches.errors`) by field. */
export type ErrorKeys = Record<string, string>;

/** The top-level form field an API error names: `body.types.0` → `types`. */
const fieldOf = (path: string) => path.replace(/^(body|path|query)\./, '').split('.')[0] ?? '';

/**
 * Field errors as message keys: each known field gets its own message, anything else one
 * message for the whole form. Messages are the interface's own, not the API's English.
 */
export function errorKeys(
  errors: FieldError[],
  byField: Record<string, string>,
  fallback: string,
): ErrorKeys {
  const out: ErrorKeys = {};
  for (const error of errors) {
    const field = fieldOf(error.field);
    const key = byField[field];
    if (key) out[field] ??= key;
    else out.form ??= fallback;
  }
  if (Object.keys(out).length === 0) out.form = fallback;
  return out;
}

/** What a refusal that names no field means to the person acting. */
const REFUSALS: Partial<Record<ErrorCode, string>> = {
  conflict: 'matches.errors.conflict',
  forbidden: 'matches.errors.forbidden',
};

/**
 * Runs a read or write; expected failures become message keys for the form (invalid fields
 * beside their inputs, a refusal above the form). Anything unexpected propagates.
 */
export async function runKeyed<T>(
  run: () => Promise<T>,
  byField: Record<string, string>,
  fallback: string,
): Promise<{ ok: true; value: T } | { ok: false; errors: ErrorKeys }> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    // A hidden match is the 404 page, not a form error.
    if (!AppError.is(error) || error.status >= 500 || error.code === 'not_found') throw error;
    if (error.code === 'validation_failed')
      return { ok: false, errors: errorKeys(error.errors, byField, fallback) };
    return { ok: false, errors: { form: REFUSALS[error.code] ?? fallback } };
  }
}

/** A score from 0 to 1 as the reader writes numbers, two decimals: "0.42", "0,42", "٠٫٤٢". */
export function formatFit(score: number, lang: Language): string {
  return new Intl.NumberFormat(LANGUAGE_TAGS[lang], {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(score);
}

// ---------------------------------------------------------------------------------------------
// "Describe your challenge" on the home page

/** The home page's challenge form, as the browser sends it. */
export type PreviewFormValues = { text: string; language: string; country: string; types: string[] };

/** The form as it first shows: language detected, both kinds of candidate. */
export const PREVIEW_DEFAULTS: PreviewFormValues = {
  text: '',
  language: '',
  country: '',
  types: ['solution', 'offer'],
};

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
};

export function previewFormValues(form: FormData): PreviewFormValues {
  return {
    text: text(form, 'text'),
    language: text(form, 'language'),
    country: text(form, 'country'),
    types: form.getAll('types').map(String).filter(Boolean),
  };
}

/** The preview API's input: an empty language is detected, an empty country is none. */
export function previewInputOf(values: PreviewFormValues): Record<string, unknown> {
  return {
    text: values.text,
    ...(values.language ? { language: values.language } : {}),
    ...(values.country ? { country: values.country } : {}),
    types: values.types,
  };
}

/** The challenge form's messages: a language given but unknown differs from one not detected. */
export function previewErrorFields(values: PreviewFormValues): Record<string, string> {
  return {
    text: 'home.match.errors.text',
    language: values.language ? 'home.match.errors.languageUnknown' : 'home.match.errors.languageUndetected',
    country: 'home.match.errors.country',
    types: 'home.match.errors.types',
  };
}

/** Ranks solutions and offers for the challenge; anyone may, nothing is saved. */
export async function previewAction({ request, params, context }: PageArgs) {
  const lang = params.lang as Language;
  const values = previewFormValues(await request.formData());
  const result = await runKeyed(
    () =>
      context.services.matching.preview(
        context.viewer,
        parseInput(PreviewInput, previewInputOf(values)),
        lang,
      ),
    previewErrorFields(values),
    'home.match.errors.form',
  );
  if (!result.ok) return data({ values, errors: result.errors, preview: null }, { status: 422 });
  const { language, detected, items } = result.value;
  return {
    values,
    errors: {} as ErrorKeys,
    preview: {
      language,
      detected,
      items: items.map((item) => ({ ...item, fit: formatFit(item.score, lang) })),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Stored matches: on need and offer pages, in "My matches" and on the match page

/** What React Router hands a page's loader and action. */
type PageArgs = { request: Request; params: { lang: string; id?: string }; context: WebContext };

export type MatchItem = MatchView & { fit: string; canOpen: boolean };

/** A match for a list: its score written for the reader, and whether the viewer may open it. */
export function matchItem(match: MatchView, lang: Language, viewer: Viewer): MatchItem {
  return {
    ...match,
    fit: formatFit(match.score, lang),
    // Its sides and the secretariat open a match; other readers only see that it was suggested.
    canOpen: match.yourSide !== null || isStaff(viewer),
  };
}

/** The stored matches of a need (solutions and offers) or an offer (needs), best first. */
export async function postingMatches(
  kind: 'need' | 'offer',
  context: WebContext,
  id: string,
  lang: Language,
) {
  const { matching } = context.services;
  const { items } =
    kind === 'need'
      ? await matching.ofNeed(context.viewer, id, lang)
      : await matching.ofOffer(context.viewer, id, lang);
  return items.map((item) => matchItem(item, lang, context.viewer));
}

/** A match id from the URL; anything else is no match at all. */
function matchId(id: string | undefined): string {
  const parsed = MatchParams.safeParse({ id });
  if (!parsed.success) throw data(null, { status: 404 });
  return parsed.data.id;
}

/** Runs a step; a match that does not exist or is hidden from the viewer is the 404 page. */
async function orNotFound<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (AppError.is(error) && error.code === 'not_found') throw data(null, { status: 404 });
    throw error;
  }
}

/** The match page: both sides, its history and its thread; members only, 404 for strangers. */
export async function matchLoader({ request, params, context }: PageArgs) {
  requireMemberPage(context.viewer, params.lang, request);
  const lang = params.lang as Language;
  const id = matchId(params.id);
  const { matchWorkflow } = context.services;
  const match = await orNotFound(() => matchWorkflow.detail(context.viewer, id, lang));
  const thread = await matchWorkflow.messages(context.viewer, id);
  return {
    match: { ...match, fit: formatFit(match.score, lang) },
    messages: thread.items,
    staff: isStaff(context.viewer),
  };
}

export const MATCH_INTENTS = ['interest', 'accept', 'decline', 'agree', 'project', 'message'] as const;
export type MatchIntent = (typeof MATCH_INTENTS)[number];

/** The fields of the match page's forms; each form sends its intent and its one text. */
export type MatchFormValues = {
  intent: MatchIntent | null;
  note: string;
  reason: string;
  summary: string;
  body: string;
};

export function matchFormValues(form: FormData): MatchFormValues {
  const intent = text(form, 'intent');
  return {
    intent: (MATCH_INTENTS as readonly string[]).includes(intent) ? (intent as MatchIntent) : null,
    note: text(form, 'note'),
    reason: text(form, 'reason'),
    summary: text(form, 'summary'),
    body: text(form, 'body'),
  };
}

/** The message for each form's field. */
export const MATCH_ERROR_FIELDS: Record<MatchIntent, Record<string, string>> = {
  interest: { note: 'matches.errors.note' },
  accept: {},
  decline: { reason: 'matches.errors.reason' },
  agree: { summary: 'matches.errors.summary' },
  project: {},
  message: { body: 'matches.errors.body' },
};

/** Where each step sends the person afterwards on the match page. */
const ANCHORS: Record<MatchIntent, string> = {
  interest: '',
  accept: '',
  decline: '',
  agree: '#agreement',
  project: '#agreement',
  message: '#messages',
};

/**
 * The match page's forms (and the "Express interest" buttons of need and offer pages, which post
 * here): validated with the API's schemas, then the workflow step; back to the match page after.
 */
export async function matchAction({ request, params, context }: PageArgs) {
  requireMemberPage(context.viewer, params.lang, request);
  const lang = params.lang as Language;
  const id = matchId(params.id);
  const values = matchFormValues(await request.formData());
  const { intent } = values;
  if (!intent) throw data(null, { status: 400 });
  const ctx = { viewer: context.viewer, ip: context.clientIp };
  const workflow = context.services.matchWorkflow;
  const step = (): Promise<unknown> => {
    switch (intent) {
      case 'interest':
        return workflow.interest(
          ctx,
          id,
          lang,
          parseInput(InterestInput, { note: values.note || undefined }).note,
        );
      case 'accept':
        return workflow.accept(ctx, id, lang);
      case 'decline':
        return workflow.decline(ctx, id, lang, parseInput(DeclineInput, { reason: values.reason }).reason);
      case 'agree':
        return workflow.agree(ctx, id, lang, parseInput(AgreeInput, { summary: values.summary }).summary);
      case 'project':
        return workflow.toProject(ctx, id, lang);
      case 'message':
        return workflow.post(ctx, id, parseInput(MessageInput, { body: values.body }).body);
    }
  };
  const result = await orNotFound(() => runKeyed(step, MATCH_ERROR_FIELDS[intent], 'matches.errors.form'));
  if (result.ok && intent === 'project')
    throw redirect(`/${lang}/projects/${(result.value as { projectId: string }).projectId}`);
  if (result.ok) throw redirect(`/${lang}/matches/${id}${ANCHORS[intent]}`);
  return data({ intent, errors: result.errors, values }, { status: 422 });
}

/** "My matches": the viewer's matches, latest activity first, optionally of one status. */
export async function myMatchesLoader({ request, params, context }: PageArgs) {
  requireMemberPage(context.viewer, params.lang, request);
  const lang = params.lang as Language;
  const status = new URL(request.url).searchParams.get('status') ?? '';
  const known = (MATCH_STATUSES as readonly string[]).includes(status);
  const { items } = await context.services.matching.mine(context.viewer, {
    lang,
    ...(known ? { status: [status] } : {}),
  });
  return {
    items: items.map((item) => matchItem(item, lang, context.viewer)),
    status: known ? status : '',
    statuses: [...MATCH_STATUSES],
    staff: isStaff(context.viewer),
  };
}
