import type { FieldError } from '../server/errors';
import { isStaff } from '../server/modules/access/policy';
import type { Need, Offer } from '../server/modules/needs-offers/schema';
import type { PostingKind } from '../server/modules/needs-offers/service';
import type { Language } from '../shared/languages';
import { languageName } from './components/format';
import type { WebContext } from './context';

export type { PostingKind };

/**
 * What the need and offer forms hold, as strings, the way the browser sends them. The names of
 * nested fields are the API's paths (`timeframe.endsOn`), so an error lands beside its input.
 */
export type PostingFormValues = {
  language?: string;
  title?: string;
  description?: string;
  organisation?: string;
  country?: string;
  themes?: string[];
  sdgTargets?: string;
  modalities?: string[];
  workingLanguages?: string[];
  visibility?: string;
  workingGroupId?: string;
  'timeframe.startsOn'?: string;
  'timeframe.endsOn'?: string;
  'budget.amount'?: string;
  'budget.currency'?: string;
  coFinancing?: string;
  'capacity.places'?: string;
  'capacity.experts'?: string;
  'capacity.amount'?: string;
  'capacity.currency'?: string;
  costSharing?: string;
  'availability.from'?: string;
  'availability.until'?: string;
};

const SHARED = ['title', 'description', 'organisation', 'country', 'visibility', 'workingGroupId'] as const;
const LISTS = ['themes', 'modalities', 'workingLanguages'] as const;
const NEED_FIELDS = [
  'timeframe.startsOn',
  'timeframe.endsOn',
  'budget.amount',
  'budget.currency',
  'coFinancing',
] as const;
const OFFER_FIELDS = [
  'capacity.places',
  'capacity.experts',
  'capacity.amount',
  'capacity.currency',
  'costSharing',
  'availability.from',
  'availability.until',
] as const;

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
};

/** The form's fields for a need or an offer. */
export function postingFormValues(kind: PostingKind, form: FormData): PostingFormValues {
  const values: PostingFormValues = {
    language: text(form, 'language'),
    sdgTargets: text(form, 'sdgTargets'),
  };
  for (const name of SHARED) values[name] = text(form, name);
  for (const name of LISTS) values[name] = form.getAll(name).map(String).filter(Boolean);
  for (const name of kind === 'need' ? NEED_FIELDS : OFFER_FIELDS) values[name] = text(form, name);
  return values;
}

const orEmpty = (value: string | number | null | undefined) => (value == null ? '' : String(value));

/** A need or offer, read in its original language, as the edit form shows it. */
export function postingToFormValues(posting: Need | Offer): PostingFormValues {
  const common: PostingFormValues = {
    language: posting.originalLanguage,
    title: posting.title,
    description: posting.description,
    organisation: posting.organisation?.id ?? '',
    country: posting.country.iso3,
    themes: posting.themes.map((theme) => theme.id),
    sdgTargets: posting.sdgTargets.join(', '),
    modalities: posting.modalities.map((modality) => modality.id),
    workingLanguages: posting.workingLanguages,
    visibility: posting.visibility,
    workingGroupId: posting.workingGroupId ?? '',
  };
  if (posting.kind === 'need')
    return {
      ...common,
      'timeframe.startsOn': orEmpty(posting.timeframe.startsOn),
      'timeframe.endsOn': orEmpty(posting.timeframe.endsOn),
      'budget.amount': orEmpty(posting.budget?.amount),
      'budget.currency': orEmpty(posting.budget?.currency),
      coFinancing: orEmpty(posting.coFinancing),
    };
  return {
    ...common,
    'capacity.places': orEmpty(posting.capacity.places),
    'capacity.experts': orEmpty(posting.capacity.experts),
    'capacity.amount': orEmpty(posting.capacity.amount),
    'capacity.currency': orEmpty(posting.capacity.currency),
    costSharing: orEmpty(posting.costSharing),
    'availability.from': orEmpty(posting.availability.from),
    'availability.until': orEmpty(posting.availability.until),
  };
}

/** A whole number stays a number; anything else goes on as typed, for the schema to refuse. */
const count = (value: string | undefined) => (!value ? null : /^\d+$/.test(value) ? Number(value) : value);

/** SDG target codes typed in any script, separated by commas, spaces or semicolons. */
const targets = (value: string | undefined) =>
  (value ?? '')
    .normalize('NFKC')
    .split(/[\s,;、،؛]+/)
    .filter(Boolean);

/**
 * The API's input from form values. Empty optional texts become null, an empty budget is no
 * budget; organisation and working group are left out when not chosen (the API then keeps its
 * default: the poster's organisation, no group).
 */
export function postingInputOf(kind: PostingKind, values: PostingFormValues): Record<string, unknown> {
  const common: Record<string, unknown> = {
    language: values.language || undefined,
    title: values.title ?? '',
    description: values.description ?? '',
    organisation: values.organisation || undefined,
    country: values.country ?? '',
    themes: values.themes ?? [],
    sdgTargets: targets(values.sdgTargets),
    modalities: values.modalities ?? [],
    workingLanguages: values.workingLanguages ?? [],
    visibility: values.visibility || undefined,
    workingGroupId: values.workingGroupId || undefined,
  };
  if (kind === 'need') {
    const amount = values['budget.amount'];
    const currency = values['budget.currency'];
    return {
      ...common,
      timeframe: {
        startsOn: values['timeframe.startsOn'] || null,
        endsOn: values['timeframe.endsOn'] || null,
      },
      budget: amount || currency ? { amount: amount ?? '', currency: currency ?? '' } : null,
      coFinancing: values.coFinancing || null,
    };
  }
  return {
    ...common,
    capacity: {
      places: count(values['capacity.places']),
      experts: count(values['capacity.experts']),
      amount: values['capacity.amount'] || null,
      currency: values['capacity.currency'] || null,
    },
    costSharing: values.costSharing || null,
    availability: {
      from: values['availability.from'] || null,
      until: values['availability.until'] || null,
    },
  };
}

/**
 * An edit: only the fields that differ from the record as loaded, so saving an unchanged form
 * changes nothing. Nested fields (timeframe, budget, capacity, availability) go as a whole. The
 * language of the text is fixed once posted; an organisation or group left unchosen is kept.
 */
export function postingPatchOf(
  kind: PostingKind,
  before: PostingFormValues,
  after: PostingFormValues,
): Record<string, unknown> {
  const old = postingInputOf(kind, before);
  const next = postingInputOf(kind, after);
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    if (key === 'language' || value === undefined) continue;
    if (JSON.stringify(old[key]) !== JSON.stringify(value)) patch[key] = value;
  }
  return patch;
}

/**
 * Field errors keyed by the form's input names: `body.timeframe.endsOn` → `timeframe.endsOn`,
 * `body.themes.2` → `themes`; an error about the whole record goes under `form`.
 */
export function postingErrors(errors: FieldError[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const error of errors) {
    const path = error.field.replace(/^(body|path|query)(\.|$)/, '').split('.');
    const index = path.findIndex((segment) => /^\d+$/.test(segment));
    const field = (index === -1 ? path : path.slice(0, index)).join('.') || 'form';
    out[field] ??= error.message;
  }
  return out;
}

/** Languages offered as working languages; a posting's other codes are added to the list. */
const WORKING_LANGUAGES = [
  'af',
  'am',
  'ar',
  'bn',
  'en',
  'es',
  'fa',
  'fr',
  'ha',
  'hi',
  'id',
  'km',
  'lo',
  'mg',
  'ms',
  'my',
  'ne',
  'ps',
  'pt',
  'ru',
  'rw',
  'si',
  'so',
  'sw',
  'ta',
  'th',
  'tr',
  'ur',
  'uz',
  'vi',
  'wo',
  'yo',
  'zh',
  'zu',
];

/** The choices the need and offer forms offer, labelled in the reader's language. */
export async function postingFormOptions(
  context: WebContext,
  lang: Language,
  current: { groupId?: string | null; languages?: string[] } = {},
) {
  const { services, viewer } = context;
  const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, lang);
  const staff = isStaff(viewer);
  const organisations: Array<{ id: string; name: string; acronym: string | null; country: string | null }> =
    [];
  if (staff) {
    let cursor: string | undefined;
    do {
      const page = await services.organisations.list(viewer, {
        lang,
        limit: 100,
        ...(cursor ? { cursor } : {}),
      });
      organisations.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  const groupIds = [...new Set([...viewer.workingGroupIds, ...(current.groupId ? [current.groupId] : [])])];
  const [countries, themes, modalities, groups, own] = await Promise.all([
    services.reference.listCountries({ lang, limit: 300 }),
    services.reference.listTerms('theme', lang),
    services.reference.listTerms('modality', lang),
    services.accounts.groupSummaries(groupIds, lang),
    viewer.organisationId
      ? services.organisations.summaries(viewer, [viewer.organisationId], lang)
      : Promise.resolve([]),
  ]);
  const currencyNames = new Intl.DisplayNames([lang], { type: 'currency' });
  const languages = [...new Set([...WORKING_LANGUAGES, ...(current.languages ?? [])])];
  return {
    countries: countries.items.map((c) => ({ value: c.iso3, label: c.name })).sort(byLabel),
    themes: themes.map((t) => ({ value: t.id, label: t.parent ? `— ${t.label}` : t.label })),
    modalities: modalities.map((m) => ({ value: m.id, label: m.label })),
    languages: languages.map((code) => ({ value: code, label: languageName(lang, code) })).sort(byLabel),
    currencies: Intl.supportedValuesOf('currency').map((code) => ({
      value: code,
      label: `${code} · ${currencyNames.of(code) ?? code}`,
    })),
    groups: groups.map((g) => ({ value: g.id, label: g.name })),
    /** Staff post for any organisation; everyone else for their own. */
    organisations: staff
      ? organisations
          .map((o) => ({ value: o.id, label: o.acronym ? `${o.name} (${o.acronym})` : o.name }))
          .sort(byLabel)
      : null,
    /** The organisation it is posted for, shown to those who may not choose: at first their own. */
    postingFor: own[0] ? { name: own[0].name, country: own[0].country } : null,
  };
}

export type PostingFormOptions = Awaited<ReturnType<typeof postingFormOptions>>;
