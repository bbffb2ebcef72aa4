import { data, redirect } from 'react-router';
import type { FieldError } from '../server/errors';
import { AppError } from '../server/errors';
import { isStaff } from '../server/modules/access/policy';
import {
  GapQuery,
  RECOMMENDATION_PRIORITIES,
  RECOMMENDATION_STATUSES,
  type RecommendationDetail,
  RecommendationInput,
  RecommendationListQuery,
  RecommendationPatch,
  RecommendationStatusInput,
} from '../server/modules/recommendations/schema';
import type { Language } from '../shared/languages';
import { exportQueryString } from './components/export-links';
import { formatDate } from './components/format';
import type { WebContext } from './context';
import { requireStaffPage, runForm } from './forms.server';
import { listWithCursor, parseListQuery } from './list-query.server';
import { formatFit } from './matches.server';
import { parseInput } from './solution-input.server';

/** What React Router hands a recommendation page's loader and action. */
type PageArgs = { request: Request; params: { lang: string; id?: string }; context: WebContext };

export { RECOMMENDATION_PRIORITIES, RECOMMENDATION_STATUSES };

/** The recommendation form's fields, as strings, the way the browser sends them. */
export type RecommendationFormValues = {
  language?: string;
  title?: string;
  text?: string;
  country?: string;
  mainTheme?: string;
  themes?: string[];
  sdgTargets?: string;
  sourceAssessment?: string;
  issuedOn?: string;
  priority?: string;
  status?: string;
  visibility?: string;
  organisation?: string;
  workingGroupId?: string;
};

const TEXT_FIELDS = [
  'language',
  'title',
  'text',
  'country',
  'mainTheme',
  'sdgTargets',
  'sourceAssessment',
  'issuedOn',
  'priority',
  'status',
  'visibility',
  'organisation',
  'workingGroupId',
] as const;

/** The form's fields. */
export function recommendationFormValues(form: FormData): RecommendationFormValues {
  const values: RecommendationFormValues = {};
  for (const name of TEXT_FIELDS) {
    const value = form.get(name);
    values[name] = typeof value === 'string' ? value.trim() : '';
  }
  values.themes = form.getAll('themes').map(String).filter(Boolean);
  return values;
}

/** The API's input from the form: empty optional choices are left out, targets split. */
export function recommendationInputOf(values: RecommendationFormValues): Record<string, unknown> {
  return {
    language: values.language || undefined,
    title: values.title ?? '',
    text: values.text ?? '',
    country: values.country ?? '',
    themes: [
      ...(values.mainTheme ? [values.mainTheme] : []),
      ...(values.themes ?? []).filter((theme) => theme !== values.mainTheme),
    ],
    sdgTargets: (values.sdgTargets ?? '')
      .normalize('NFKC')
      .split(/[\s,;、،؛]+/)
      .filter(Boolean),
    sourceAssessment: values.sourceAssessment ?? '',
    issuedOn: values.issuedOn ?? '',
    priority: values.priority || undefined,
    status: values.status || undefined,
    visibility: values.visibility || undefined,
    organisation: values.organisation || undefined,
    workingGroupId: values.workingGroupId || undefined,
  };
}

/** An edit: only what differs from the record as loaded; language and status are not edited here. */
export function recommendationPatchOf(
  before: RecommendationFormValues,
  after: RecommendationFormValues,
): Record<string, unknown> {
  const old = recommendationInputOf(before);
  const next = recommendationInputOf(after);
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    if (key === 'language' || key === 'status' || value === undefined) continue;
    if (JSON.stringify(old[key]) !== JSON.stringify(value)) patch[key] = value;
  }
  return patch;
}

/**
 * Field errors keyed by the form's input names: the first theme is the main theme's select
 * (`body.themes`, `body.themes.0` → `mainTheme`), the others `themes`.
 */
export function recommendationErrors(errors: FieldError[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const error of errors) {
    const path = error.field.replace(/^(body|path|query)(\.|$)/, '').split('.');
    let field = path[0] || 'form';
    if (field === 'themes' && (path.length === 1 || path[1] === '0')) field = 'mainTheme';
    out[field] ??= error.message;
  }
  return out;
}

function toFormValues(item: RecommendationDetail): RecommendationFormValues {
  return {
    language: item.originalLanguage,
    title: item.title,
    text: item.text,
    country: item.country.iso3,
    mainTheme: item.themes[0]?.id ?? '',
    themes: item.themes.slice(1).map((theme) => theme.id),
    sdgTargets: item.sdgTargets.join(', '),
    sourceAssessment: item.sourceAssessment,
    issuedOn: item.issuedOn,
    priority: item.priority,
    status: item.status,
    visibility: item.visibility,
    organisation: item.organisationId ?? '',
    workingGroupId: item.workingGroupId ?? '',
  };
}

/** Countries and themes for filters and forms, labelled and sorted for the reader. */
async function choices(context: WebContext, lang: Language) {
  const [countries, themes] = await Promise.all([
    context.services.reference.listCountries({ lang, limit: 300 }),
    context.services.reference.listTerms('theme', lang),
  ]);
  const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, lang);
  return {
    countries: countries.items.map((c) => ({ value: c.iso3, label: c.name })).sort(byLabel),
    themes: themes.map((t) => ({ value: t.id, label: t.parent ? `— ${t.label}` : t.label })),
  };
}

/** The list page: filters read with the API's own schema. */
export async function recommendationListLoader({ request, params, context }: PageArgs) {
  const lang = params.lang as Language;
  const { filters, errors } = parseListQuery(RecommendationListQuery, request, { lang });
  const [page, options] = await Promise.all([
    listWithCursor(filters, errors, (f) => context.services.recommendations.list(context.viewer, f)),
    choices(context, lang),
  ]);
  const search = new URL(request.url).searchParams;
  return {
    page: {
      ...page,
      items: page.items.map((item) => ({ ...item, issuedOnText: formatDate(lang, item.issuedOn) })),
    },
    errors,
    exportQuery: exportQueryString(search, lang),
    staff: isStaff(context.viewer),
    values: {
      country: search.get('country') ?? '',
      theme: search.get('theme') ?? '',
      status: search.get('status') ?? '',
      priority: search.get('priority') ?? '',
    },
    ...options,
  };
}

async function readable(context: WebContext, id: string, lang: string) {
  try {
    return await context.services.recommendations.get(context.viewer, id, lang);
  } catch (error) {
    if (AppError.is(error) && error.code === 'not_found') throw data(null, { status: 404 });
    throw error;
  }
}

/** The detail page: every field, and the needs and projects that address it. */
export async function recommendationLoader({ params, context }: PageArgs) {
  const lang = params.lang as Language;
  const item = await readable(context, params.id!, lang);
  return { item, issuedOnText: formatDate(lang, item.issuedOn), statuses: RECOMMENDATION_STATUSES };
}

/** The status form on the detail page (staff). */
export async function recommendationStatusAction({ request, params, context }: PageArgs) {
  requireStaffPage(context.viewer, params.lang, request);
  const form = await request.formData();
  const status = String(form.get('status') ?? '');
  const note = String(form.get('note') ?? '').trim() || undefined;
  const result = await runForm(() => {
    const input = parseInput(RecommendationStatusInput, { status, note });
    return context.services.recommendationWrites.setStatus(
      { viewer: context.viewer, ip: context.clientIp },
      params.id!,
      input.status,
      input.note,
    );
  }, recommendationErrors);
  if (result.ok) throw redirect(`/${params.lang}/recommendations/${result.value.slug}`);
  return data({ errors: result.errors, status, note: note ?? '' }, { status: 422 });
}

/** Choices of the staff form: countries, themes, organisations and working groups. */
async function formOptions(context: WebContext, lang: Language) {
  const { services, viewer } = context;
  const organisations: Array<{ value: string; label: string }> = [];
  let cursor: string | undefined;
  do {
    const page = await services.organisations.list(viewer, {
      lang,
      limit: 100,
      ...(cursor ? { cursor } : {}),
    });
    organisations.push(
      ...page.items.map((o) => ({ value: o.id, label: o.acronym ? `${o.name} (${o.acronym})` : o.name })),
    );
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const groups = await services.groups.list(viewer, { lang, limit: 100 });
  const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, lang);
  return {
    ...(await choices(context, lang)),
    organisations: organisations.sort(byLabel),
    groups: groups.items.map((g) => ({ value: g.id, label: g.name })),
  };
}

export async function newRecommendationLoader({ request, params, context }: PageArgs) {
  requireStaffPage(context.viewer, params.lang, request);
  const lang = params.lang as Language;
  const defaults: RecommendationFormValues = {
    language: lang,
    visibility: 'members',
    priority: 'medium',
    status: 'open',
  };
  return { options: await formOptions(context, lang), defaults };
}

export async function newRecommendationAction({ request, params, context }: PageArgs) {
  requireStaffPage(context.viewer, params.lang, request);
  const values = recommendationFormValues(await request.formData());
  const result = await runForm(
    () =>
      context.services.recommendationWrites.create(
        { viewer: context.viewer, ip: context.clientIp },
        parseInput(RecommendationInput, recommendationInputOf(values)),
      ),
    recommendationErrors,
  );
  if (result.ok) throw redirect(`/${params.lang}/recommendations/${result.value.slug}`);
  return data({ errors: result.errors, values }, { status: 422 });
}

/** The record as its edit form shows it: in its original language. */
async function editable(context: WebContext, id: string, lang: Language) {
  const item = await readable(context, id, lang);
  if (!item.canEdit) throw data(null, { status: 403 });
  const original =
    item.language === item.originalLanguage ? item : await readable(context, id, item.originalLanguage);
  return { slug: item.slug, values: toFormValues(original) };
}

export async function editRecommendationLoader({ request, params, context }: PageArgs) {
  requireStaffPage(context.viewer, params.lang, request);
  const lang = params.lang as Language;
  const { slug, values } = await editable(context, params.id!, lang);
  return { slug, values, options: await formOptions(context, lang) };
}

export async function editRecommendationAction({ request, params, context }: PageArgs) {
  requireStaffPage(context.viewer, params.lang, request);
  const lang = params.lang as Language;
  const { slug, values: before } = await editable(context, params.id!, lang);
  const values = recommendationFormValues(await request.formData());
  const patch = recommendationPatchOf(before, values);
  const back = `/${lang}/recommendations`;
  if (Object.keys(patch).length === 0) throw redirect(`${back}/${slug}`);
  const result = await runForm(
    () =>
      context.services.recommendationWrites.update(
        { viewer: context.viewer, ip: context.clientIp },
        params.id!,
        parseInput(RecommendationPatch, patch),
      ),
    recommendationErrors,
  );
  if (result.ok) throw redirect(`${back}/${result.value.slug}`);
  return data(
    { errors: result.errors, values: { ...values, language: before.language, status: before.status } },
    { status: 422 },
  );
}

/** The gap view: filters by country and theme, each gap with its suggestions and reasons. */
export async function gapsLoader({ request, params, context }: PageArgs) {
  const lang = params.lang as Language;
  const { filters, errors } = parseListQuery(GapQuery, request, { lang });
  const [gaps, options] = await Promise.all([
    context.services.recommendations.gaps(context.viewer, filters),
    choices(context, lang),
  ]);
  const search = new URL(request.url).searchParams;
  return {
    gaps: {
      ...gaps,
      groups: gaps.groups.map((group) => ({
        ...group,
        items: group.items.map((item) => ({
          ...item,
          issuedOnText: formatDate(lang, item.recommendation.issuedOn),
          suggestions: item.suggestions.map((s) => ({ ...s, fit: formatFit(s.score, lang) })),
        })),
      })),
    },
    threshold: formatFit(gaps.threshold, lang),
    errors,
    staff: isStaff(context.viewer),
    values: { country: search.get('country') ?? '', theme: search.get('theme') ?? '' },
    ...options,
  };
}
