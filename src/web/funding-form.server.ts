import type { z } from 'zod';
import { AppError, type FieldError, fieldErrorsFromZod } from '../server/errors';
import {
  AllocationInput,
  type AllocationInputData,
  AppealLineInput,
  type AppealLineInputData,
  CONTRIBUTION_STATUSES,
  ContributionInput,
  type ContributionInputData,
  ContributionPatch,
  type ContributionPatchData,
  FundInput,
  type FundInputData,
} from '../server/modules/funding/schema';

export { CONTRIBUTION_STATUSES };

/**
 * The currencies the funding forms offer in their select; any other ISO 4217 code can be typed
 * in the "other currency" field beside it.
 */
export const COMMON_CURRENCIES = [
  'USD',
  'EUR',
  'GBP',
  'CHF',
  'JPY',
  'CNY',
  'INR',
  'BRL',
  'ZAR',
  'SAR',
  'AED',
  'QAR',
  'KWD',
  'RUB',
  'TRY',
  'KRW',
  'IDR',
  'MXN',
  'CAD',
  'AUD',
  'NOK',
  'SEK',
  'DKK',
] as const;

/** The inputs of each funding form, by name; each is a string the way the browser sends it. */
export const FUND_FIELDS = [
  'name',
  'description',
  'language',
  'currency',
  'otherCurrency',
  'periodStart',
  'periodEnd',
] as const;
export const LINE_FIELDS = ['project', 'programme', 'requirement', 'currency', 'otherCurrency'] as const;
export const CONTRIBUTION_FIELDS = [
  'donor',
  'donorName',
  'appeal',
  'fund',
  'project',
  'amount',
  'currency',
  'otherCurrency',
  'status',
  'madeOn',
  'note',
  'returnTo',
] as const;
export const CONTRIBUTION_EDIT_FIELDS = [
  'status',
  'madeOn',
  'amount',
  'currency',
  'otherCurrency',
  'note',
  'returnTo',
] as const;
export const ALLOCATION_FIELDS = [
  'project',
  'appeal',
  'amount',
  'currency',
  'otherCurrency',
  'allocatedOn',
  'note',
] as const;

type ValuesOf<T extends readonly string[]> = Partial<Record<T[number], string>>;
export type FundFormValues = ValuesOf<typeof FUND_FIELDS> & { managers?: string[] };
export type LineFormValues = ValuesOf<typeof LINE_FIELDS>;
export type ContributionFormValues = ValuesOf<typeof CONTRIBUTION_FIELDS>;
export type ContributionEditValues = ValuesOf<typeof CONTRIBUTION_EDIT_FIELDS>;
export type AllocationFormValues = ValuesOf<typeof ALLOCATION_FIELDS>;
/** Any funding form's values: what the error mapping needs to know. */
export type FundingFormValues = Partial<Record<string, string | string[]>>;

/** The named single-value fields of a form, trimmed; missing ones are empty strings. */
export function formFields<const T extends readonly string[]>(form: FormData, names: T): ValuesOf<T> {
  const values: Partial<Record<string, string>> = {};
  for (const name of names) {
    const value = form.get(name);
    values[name] = typeof value === 'string' ? value.trim() : '';
  }
  return values as ValuesOf<T>;
}

export function fundFormValues(form: FormData): FundFormValues {
  return {
    ...formFields(form, FUND_FIELDS),
    managers: form.getAll('managers').map(String).filter(Boolean).slice(0, 50),
  };
}

export const lineFormValues = (form: FormData): LineFormValues => formFields(form, LINE_FIELDS);
export const contributionFormValues = (form: FormData): ContributionFormValues =>
  formFields(form, CONTRIBUTION_FIELDS);
export const contributionEditValues = (form: FormData): ContributionEditValues =>
  formFields(form, CONTRIBUTION_EDIT_FIELDS);
export const allocationFormValues = (form: FormData): AllocationFormValues =>
  formFields(form, ALLOCATION_FIELDS);

const orUndefined = (value: string | undefined) => (value ? value : undefined);

/** An amount as typed, without the spaces people put between thousands. */
const amountOf = (value: string | undefined) => (value ?? '').replace(/[\s\u00a0\u202f]/g, '');

/** The currency typed in "other currency" (upper-cased) when there is one, else the one chosen. */
export function currencyOf(values: { currency?: string; otherCurrency?: string }): string {
  return (values.otherCurrency ?? '').toUpperCase() || (values.currency ?? '');
}

/** A year typed as digits becomes a number; anything else is an error beside the field. */
function yearOf(value: string | undefined, field: string, invalid: FieldError[]): number | undefined {
  if (!value) return undefined;
  if (/^\d{4}$/.test(value)) return Number(value);
  invalid.push({ field: `body.${field}`, message: 'must be a year such as 2027' });
  return undefined;
}

/**
 * Parses the input with the API's own schema, adding the form's own checks: every problem is
 * thrown at once as the 422 field errors the API gives, for `fundingErrors` to place.
 */
function checked<S extends z.ZodType>(schema: S, input: unknown, invalid: FieldError[]): z.infer<S> {
  const parsed = schema.safeParse(input);
  // The form's own message comes first, so it is the one shown beside its input.
  const errors = [...invalid, ...(parsed.success ? [] : fieldErrorsFromZod(parsed.error.issues, 'body'))];
  if (errors.length || !parsed.success)
    throw new AppError('validation_failed', 'Some fields are not valid', errors);
  return parsed.data;
}

/** A new appeal or trust fund from its form. */
export function fundInputOf(values: FundFormValues): FundInputData {
  const invalid: FieldError[] = [];
  const input = {
    name: values.name ?? '',
    description: orUndefined(values.description),
    language: values.language ?? '',
    currency: orUndefined(currencyOf(values)),
    periodStart: yearOf(values.periodStart, 'periodStart', invalid),
    periodEnd: yearOf(values.periodEnd, 'periodEnd', invalid),
    managers: values.managers ?? [],
  };
  return checked(FundInput, input, invalid);
}

/** The project an appeal line is for, and the line itself. */
export function lineInputOf(values: LineFormValues): { project: string; input: AppealLineInputData } {
  const invalid: FieldError[] = [];
  if (!values.project) invalid.push({ field: 'body.project', message: 'choose the project' });
  const input = checked(
    AppealLineInput,
    {
      requirement: amountOf(values.requirement),
      currency: currencyOf(values),
      programme: orUndefined(values.programme),
    },
    invalid,
  );
  return { project: values.project ?? '', input };
}

/** A pledge or contribution from its form: a donor, and the appeal, fund or project it goes to. */
export function contributionInputOf(values: ContributionFormValues): ContributionInputData {
  const invalid: FieldError[] = [];
  if (!values.donor && !values.donorName)
    invalid.push({ field: 'body.donor', message: 'choose the donor, or write its name' });
  if (!values.appeal && !values.fund && !values.project)
    invalid.push({ field: 'body.appeal', message: 'choose the appeal, the fund or the project it goes to' });
  return checked(
    ContributionInput,
    {
      donor: orUndefined(values.donor),
      donorName: orUndefined(values.donorName),
      appeal: orUndefined(values.appeal),
      fund: orUndefined(values.fund),
      project: orUndefined(values.project),
      amount: amountOf(values.amount),
      currency: currencyOf(values),
      status: values.status ?? '',
      madeOn: values.madeOn ?? '',
      note: orUndefined(values.note),
    },
    invalid,
  );
}

/**
 * An edit of a contribution: only the fields that differ from it as loaded, so saving an
 * unchanged form changes nothing (an empty patch).
 */
export function contributionPatchOf(
  before: ContributionEditValues,
  after: ContributionEditValues,
): ContributionPatchData {
  const patch: Record<string, string> = {};
  const old = {
    status: before.status ?? '',
    madeOn: before.madeOn ?? '',
    amount: amountOf(before.amount),
    currency: currencyOf(before),
    note: before.note ?? '',
  };
  const next = {
    status: after.status ?? '',
    madeOn: after.madeOn ?? '',
    amount: amountOf(after.amount),
    currency: currencyOf(after),
    note: after.note ?? '',
  };
  for (const key of Object.keys(next) as Array<keyof typeof next>)
    if (next[key] !== old[key]) patch[key] = next[key];
  if (Object.keys(patch).length === 0) return {};
  return checked(ContributionPatch, patch, []);
}

/** An allocation from a trust fund to a project. */
export function allocationInputOf(values: AllocationFormValues): AllocationInputData {
  const invalid: FieldError[] = [];
  if (!values.project) invalid.push({ field: 'body.project', message: 'choose the project' });
  return checked(
    AllocationInput,
    {
      project: values.project ?? '',
      appeal: orUndefined(values.appeal),
      amount: amountOf(values.amount),
      currency: currencyOf(values),
      allocatedOn: values.allocatedOn ?? '',
      note: orUndefined(values.note),
    },
    invalid,
  );
}

/** Every input name of the funding forms that an error can sit beside. */
const FORM_INPUTS: ReadonlySet<string> = new Set([
  ...FUND_FIELDS,
  'managers',
  ...LINE_FIELDS,
  ...CONTRIBUTION_FIELDS,
  ...ALLOCATION_FIELDS,
  'confirm',
]);

/**
 * Field errors keyed by the form's input names: `body.amount` → `amount`, `body.managers.2` →
 * `managers`, a currency error beside "other currency" when one was typed there; anything that
 * is not about one input (a missing appeal, a conflict) goes under `form`.
 */
export function fundingErrors(errors: FieldError[], values: FundingFormValues = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const error of errors) {
    let field = error.field.replace(/^(body|path|query)(\.|$)/, '').split('.')[0] ?? '';
    if (field === 'currency' && values.otherCurrency) field = 'otherCurrency';
    if (!FORM_INPUTS.has(field)) field = 'form';
    out[field] ??= error.message;
  }
  return out;
}

/**
 * Where to go back to after recording a contribution: only a path on this site under the
 * reader's appeals or funds (`/en/appeals/…`, `/en/funds/…`, with a plain query); anything else,
 * another site included, is ignored.
 */
export function safeReturnTo(lang: string, value: string | null | undefined): string | null {
  if (!value || value.length > 500) return null;
  const pattern = new RegExp(`^/${lang}/(appeals|funds)(/[A-Za-z0-9._~-]+)*/?(\\?[A-Za-z0-9._~=&%+,-]*)?$`);
  if (!pattern.test(value) || value.includes('..')) return null;
  return value;
}
