import { data, redirect } from 'react-router';
import { AppError } from '../server/errors';
import { isSignedIn } from '../server/modules/access/policy';
import {
  CloseInput,
  type Need,
  NeedInput,
  NeedPatch,
  type Offer,
  OfferInput,
  OfferPatch,
  PostingListQuery,
} from '../server/modules/needs-offers/schema';
import { LANGUAGE_TAGS, type Language } from '../shared/languages';
import { exportQueryString } from './components/export-links';
import { formatDate, formatDateRange } from './components/format';
import type { DateWindow } from './components/posting-card';
import type { WebContext } from './context';
import { requireMemberPage, runForm } from './forms.server';
import { listWithCursor, parseListQuery } from './list-query.server';
import {
  type PostingFormValues,
  type PostingKind,
  postingErrors,
  postingFormOptions,
  postingFormValues,
  postingInputOf,
  postingPatchOf,
  postingToFormValues,
} from './posting-form.server';
import { parseInput } from './solution-input.server';

/** What React Router hands a need or offer page's loader and action. */
type PageArgs = { request: Request; params: { lang: string; id?: string }; context: WebContext };

type PostingOf<K extends PostingKind> = K extends 'need' ? Need : Offer;

/** The URL path segment of each kind: `/en/needs`, `/en/offers`. */
export const POSTING_PATHS = { need: 'needs', offer: 'offers' } as const;

const SCHEMAS = {
  need: { input: NeedInput, patch: NeedPatch },
  offer: { input: OfferInput, patch: OfferPatch },
} as const;

function dateWindow(lang: Language, start: string | null, end: string | null): DateWindow | null {
  if (start && end) return { kind: 'range', dates: formatDateRange(lang, start, end, 'day') };
  if (start) return { kind: 'from', dates: formatDate(lang, start) };
  if (end) return { kind: 'until', dates: formatDate(lang, end) };
  return null;
}

/** An exact decimal amount in its currency, in the reader's language. */
function money(lang: Language, amount: string, currency: string): string {
  try {
    return new Intl.NumberFormat(LANGUAGE_TAGS[lang], { style: 'currency', currency }).format(
      amount as `${number}`,
    );
  } catch {
    return `${amount} ${currency}`;
  }
}

/** The period a need covers or an offer is available. */
function windowOf(lang: Language, posting: Need | Offer): DateWindow | null {
  return posting.kind === 'need'
    ? dateWindow(lang, posting.timeframe.startsOn, posting.timeframe.endsOn)
    : dateWindow(lang, posting.availability.from, posting.availability.until);
}

/** A list page: filters read with the API's own schema, the page of results and the filter choices. */
export async function postingListLoader<K extends PostingKind>(
  kind: K,
  { request, params, context }: PageArgs,
) {
  const lang = params.lang as Language;
  const { services, viewer } = context;
  const { filters, errors } = parseListQuery(PostingListQuery, request, { lang });
  const [page, countries, themes, modalities] = await Promise.all([
    listWithCursor(filters, errors, (f) => services.needsOffers.list(kind, viewer, f)),
    services.reference.listCountries({ lang, limit: 300 }),
    services.reference.listTerms('theme', lang),
    services.reference.listTerms('modality', lang),
  ]);
  const search = new URL(request.url).searchParams;
  const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, lang);
  return {
    page: {
      ...page,
      items: (page.items as PostingOf<K>[]).map((item) => ({ ...item, window: windowOf(lang, item) })),
    },
    exportQuery: exportQueryString(search, lang),
    errors,
    signedIn: isSignedIn(viewer),
    values: {
      status: search.get('status') ?? 'open',
      country: search.get('country') ?? '',
      theme: search.get('theme') ?? '',
      modality: search.get('modality') ?? '',
      mine: search.get('mine') === 'true',
    },
    countries: countries.items.map((c) => ({ value: c.iso3, label: c.name })).sort(byLabel),
    themes: themes.map((theme) => ({
      value: theme.id,
      label: theme.parent ? `— ${theme.label}` : theme.label,
    })),
    modalities: modalities.map((m) => ({ value: m.id, label: m.label })),
  };
}

/** A need or an offer the viewer may read; a 404 page otherwise. */
async function readable<K extends PostingKind>(
  kind: K,
  context: WebContext,
  id: string,
  lang: string,
): Promise<PostingOf<K>> {
  try {
    return (await context.services.needsOffers.get(kind, context.viewer, id, lang)) as PostingOf<K>;
  } catch (error) {
    if (AppError.is(error) && error.code === 'not_found') throw data(null, { status: 404 });
    throw error;
  }
}

/** The detail page: every field, with dates and amounts formatted for the reader. */
export async function postingLoader<K extends PostingKind>(kind: K, { params, context }: PageArgs) {
  const lang = params.lang as Language;
  const posting = await readable(kind, context, params.id!, lang);
  const [group] = posting.workingGroupId
    ? await context.services.accounts.groupSummaries([posting.workingGroupId], lang)
    : [];
  const amount =
    posting.kind === 'need'
      ? posting.budget && money(lang, posting.budget.amount, posting.budget.currency)
      : posting.capacity.amount &&
        (posting.capacity.currency
          ? money(lang, posting.capacity.amount, posting.capacity.currency)
          : posting.capacity.amount);
  return {
    posting,
    group: group ? { id: group.id, name: group.name } : null,
    display: {
      window: windowOf(lang, posting),
      amount: amount || null,
      closedOn: posting.closedAt ? formatDate(lang, posting.closedAt.slice(0, 10)) : null,
      postedOn: formatDate(lang, posting.createdAt.slice(0, 10)),
      updatedOn: formatDate(lang, posting.updatedAt.slice(0, 10)),
    },
  };
}

/** Closing (with a reason) and reopening, from the detail page. */
export async function postingAction(kind: PostingKind, { request, params, context }: PageArgs) {
  requireMemberPage(context.viewer, params.lang, request);
  const form = await request.formData();
  const intent = form.get('intent') === 'reopen' ? 'reopen' : 'close';
  const reason = String(form.get('reason') ?? '').trim();
  const ctx = { viewer: context.viewer, ip: context.clientIp };
  const writes = context.services.needsOffersWrites;
  const result = await runForm(
    () =>
      intent === 'reopen'
        ? writes.reopen(kind, ctx, params.id!)
        : writes.close(kind, ctx, params.id!, parseInput(CloseInput, { reason: reason || undefined }).reason),
    postingErrors,
  );
  if (result.ok) throw redirect(`/${params.lang}/${POSTING_PATHS[kind]}/${result.value.slug}`);
  return data({ intent, errors: result.errors, reason }, { status: 422 });
}

/** The "new" form: members only, written in the interface language unless they choose another. */
export async function newPostingLoader(kind: PostingKind, { request, params, context }: PageArgs) {
  requireMemberPage(context.viewer, params.lang, request);
  const lang = params.lang as Language;
  const options = await postingFormOptions(context, lang);
  const defaults: PostingFormValues = {
    language: lang,
    visibility: 'members',
    country: options.postingFor?.country ?? '',
  };
  return { kind, options, defaults };
}

export async function newPostingAction(kind: PostingKind, { request, params, context }: PageArgs) {
  requireMemberPage(context.viewer, params.lang, request);
  const values = postingFormValues(kind, await request.formData());
  const result = await runForm(
    () =>
      context.services.needsOffersWrites.create(
        kind,
        { viewer: context.viewer, ip: context.clientIp },
        parseInput(SCHEMAS[kind].input, postingInputOf(kind, values)) as never,
      ),
    postingErrors,
  );
  if (result.ok) throw redirect(`/${params.lang}/${POSTING_PATHS[kind]}/${result.value.slug}`);
  return data({ errors: result.errors, values }, { status: 422 });
}

/** The record as its edit form shows it: in its original language, whatever the page's. */
async function editable(kind: PostingKind, context: WebContext, id: string, lang: Language) {
  const posting = await readable(kind, context, id, lang);
  if (!posting.canEdit) throw data(null, { status: 403 });
  const original =
    posting.language === posting.originalLanguage
      ? posting
      : await readable(kind, context, id, posting.originalLanguage);
  return { slug: posting.slug, values: postingToFormValues(original), posting };
}

export async function editPostingLoader(kind: PostingKind, { request, params, context }: PageArgs) {
  requireMemberPage(context.viewer, params.lang, request);
  const lang = params.lang as Language;
  const { slug, values, posting } = await editable(kind, context, params.id!, lang);
  const options = await postingFormOptions(context, lang, {
    groupId: posting.workingGroupId,
    languages: posting.workingLanguages,
  });
  const postingFor = posting.organisation && { name: posting.organisation.name, country: null };
  return { kind, slug, values, options: { ...options, postingFor: postingFor || null } };
}

export async function editPostingAction(kind: PostingKind, { request, params, context }: PageArgs) {
  requireMemberPage(context.viewer, params.lang, request);
  const lang = params.lang as Language;
  const { slug, values: before } = await editable(kind, context, params.id!, lang);
  const values = postingFormValues(kind, await request.formData());
  const patch = postingPatchOf(kind, before, values);
  const back = `/${lang}/${POSTING_PATHS[kind]}`;
  if (Object.keys(patch).length === 0) throw redirect(`${back}/${slug}`);
  const result = await runForm(
    () =>
      context.services.needsOffersWrites.update(
        kind,
        { viewer: context.viewer, ip: context.clientIp },
        params.id!,
        parseInput(SCHEMAS[kind].patch, patch) as never,
      ),
    postingErrors,
  );
  if (result.ok) throw redirect(`${back}/${result.value.slug}`);
  return data({ errors: result.errors, values: { ...values, language: before.language } }, { status: 422 });
}
