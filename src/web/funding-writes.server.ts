import { data, redirect } from 'react-router';
import { AppError, type FieldError } from '../server/errors';
import type { WriteContext } from '../server/modules/audit/service';
import type { Contribution } from '../server/modules/funding/schema';
import { PROJECT_LIST_DEFAULTS } from '../server/modules/projects/schema';
import { type Language, pickLanguage } from '../shared/languages';
import { UUID_PATTERN } from '../shared/vocabularies';
import type { WebContext } from './context';
import { requireStaffPage, runForm } from './forms.server';
import {
  type AllocationFormValues,
  allocationFormValues,
  allocationInputOf,
  COMMON_CURRENCIES,
  type ContributionEditValues,
  type ContributionFormValues,
  contributionEditValues,
  contributionFormValues,
  contributionInputOf,
  contributionPatchOf,
  type FundFormValues,
  type FundingFormValues,
  fundFormValues,
  fundInputOf,
  fundingErrors,
  type LineFormValues,
  lineFormValues,
  lineInputOf,
  safeReturnTo,
} from './funding-form.server';
import { getI18n } from './i18n';
import { organisationOptions } from './project-form.server';

/** What React Router hands a funding form's loader and action. */
type PageArgs = { request: Request; params: { lang: string; id?: string }; context: WebContext };
type Kind = 'appeal' | 'trust-fund';
type Option = { value: string; label: string };

const writeContext = (context: WebContext): WriteContext => ({
  viewer: context.viewer,
  ip: context.clientIp,
});
const today = () => new Date().toISOString().slice(0, 10);
const pathOf = (kind: Kind) => (kind === 'appeal' ? 'appeals' : 'funds');

/** A currency as the forms show it: chosen in the select when common, else typed as "other". */
function currencyValues(code: string | null | undefined): { currency: string; otherCurrency: string } {
  if (!code) return { currency: 'USD', otherCurrency: '' };
  return (COMMON_CURRENCIES as readonly string[]).includes(code)
    ? { currency: code, otherCurrency: '' }
    : { currency: '', otherCurrency: code };
}

/** The common currencies, named in the reader's language. */
function currencyOptions(lang: Language): Option[] {
  const names = new Intl.DisplayNames([lang], { type: 'currency' });
  return COMMON_CURRENCIES.map((code) => ({ value: code, label: `${code} · ${names.of(code) ?? code}` }));
}

/** Every appeal or every trust fund, by slug, named in the reader's language. */
async function fundOptions(context: WebContext, kind: Kind, lang: Language) {
  const items = await context.services.funding.list(context.viewer, kind, lang);
  return items
    .map((fund) => ({ value: fund.slug, label: fund.name, id: fund.id }))
    .sort((a, b) => a.label.localeCompare(b.label, lang));
}

/** Published projects the viewer may read, by slug, for the project fields' suggestions. */
async function projectOptions(context: WebContext, lang: Language): Promise<Option[]> {
  const options: Option[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 5; page++) {
    const result = await context.services.projects.list(context.viewer, {
      ...PROJECT_LIST_DEFAULTS,
      lang,
      limit: 100,
      ...(cursor ? { cursor } : {}),
    });
    options.push(...result.items.map((p) => ({ value: p.slug, label: p.title })));
    cursor = result.nextCursor ?? undefined;
    if (!cursor) break;
  }
  return options.sort((a, b) => a.label.localeCompare(b.label, lang));
}

/** An appeal or trust fund as a form's heading names it; a 404 page when there is none. */
async function fundHeading(context: WebContext, key: string, kind: Kind, lang: Language) {
  try {
    const row = await context.services.funding.fundRow(key, kind);
    const language = pickLanguage(row.texts, lang, row.language);
    return {
      id: row.id,
      slug: row.slug,
      name: row.texts[language]?.name ?? row.slug,
      language,
      currency: row.currency,
    };
  } catch (error) {
    if (AppError.is(error) && error.code === 'not_found') throw data(null, { status: 404 });
    throw error;
  }
}

/** Runs a funding write, its field errors placed beside the inputs of `values`. */
const runFunding = <T>(values: FundingFormValues, write: () => Promise<T>) =>
  runForm(write, (errors: FieldError[]) => fundingErrors(errors, values));

/** The option whose slug or id is `key`, as its slug: query strings may name either. */
function slugOf(options: Array<Option & { id: string }>, key: string | null): string {
  if (!key) return '';
  return options.find((option) => option.value === key || option.id === key)?.value ?? key;
}

// Appeals and trust funds

export function newFundLoader(kind: Kind) {
  return async ({ request, params, context }: PageArgs) => {
    requireStaffPage(context.viewer, params.lang, request);
    const lang = params.lang as Language;
    const defaults: FundFormValues = { language: lang, ...currencyValues('USD'), managers: [] };
    return {
      kind,
      defaults,
      options: { organisations: await organisationOptions(context, lang), currencies: currencyOptions(lang) },
    };
  };
}

export function newFundAction(kind: Kind) {
  return async ({ request, params, context }: PageArgs) => {
    requireStaffPage(context.viewer, params.lang, request);
    const values = fundFormValues(await request.formData());
    const result = await runFunding(values, () =>
      context.services.fundingWrites.createFund(writeContext(context), kind, fundInputOf(values)),
    );
    if (result.ok) throw redirect(`/${params.lang}/${pathOf(kind)}/${result.value.slug}`);
    return data({ errors: result.errors, values }, { status: 422 });
  };
}

// Appeal lines

export async function newLineLoader({ request, params, context }: PageArgs) {
  requireStaffPage(context.viewer, params.lang, request);
  const lang = params.lang as Language;
  const appeal = await fundHeading(context, params.id!, 'appeal', lang);
  const defaults: LineFormValues = { ...currencyValues(appeal.currency) };
  return {
    appeal,
    defaults,
    options: { projects: await projectOptions(context, lang), currencies: currencyOptions(lang) },
  };
}

export async function newLineAction({ request, params, context }: PageArgs) {
  requireStaffPage(context.viewer, params.lang, request);
  const lang = params.lang as Language;
  const appeal = await fundHeading(context, params.id!, 'appeal', lang);
  const values = lineFormValues(await request.formData());
  const result = await runFunding(values, async () => {
    // Every problem at once: the form's fields, and whether the project is known.
    const invalid: FieldError[] = [];
    let line: ReturnType<typeof lineInputOf> | null = null;
    try {
      line = lineInputOf(values);
    } catch (error) {
      if (!AppError.is(error)) throw error;
      invalid.push(...error.errors);
    }
    if (values.project) {
      try {
        await context.services.funding.projectId(context.viewer, values.project);
      } catch (error) {
        if (!AppError.is(error) || error.code !== 'not_found') throw error;
        invalid.push({ field: 'body.project', message: `unknown project "${values.project}"` });
      }
    }
    if (invalid.length || !line)
      throw new AppError('validation_failed', 'Some fields are not valid', invalid);
    return context.services.fundingWrites.setLine(writeContext(context), appeal.id, line.project, line.input);
  });
  if (result.ok) throw redirect(`/${lang}/appeals/${appeal.slug}`);
  return data({ errors: result.errors, values }, { status: 422 });
}

// Contributions

/** Where a contribution's pages lead back to: the page that sent the reader, else its appeal or fund. */
function backFrom(lang: string, returnTo: string | null, contribution: Contribution | null): string {
  if (returnTo) return returnTo;
  if (contribution?.appeal) return `/${lang}/appeals/${contribution.appeal.slug}`;
  if (contribution?.fund) return `/${lang}/funds/${contribution.fund.slug}`;
  if (contribution?.project) return `/${lang}/projects/${contribution.project.slug}`;
  return `/${lang}/appeals`;
}

async function contributionChoices(context: WebContext, lang: Language) {
  const [organisations, appeals, funds, projects] = await Promise.all([
    organisationOptions(context, lang),
    fundOptions(context, 'appeal', lang),
    fundOptions(context, 'trust-fund', lang),
    projectOptions(context, lang),
  ]);
  return { organisations, appeals, funds, projects, currencies: currencyOptions(lang) };
}

/** The "record a contribution" form, filled in from `?appeal=`, `?fund=` and `?project=`. */
export async function newContributionLoader({ request, params, context }: PageArgs) {
  requireStaffPage(context.viewer, params.lang, request);
  const lang = params.lang as Language;
  const search = new URL(request.url).searchParams;
  const options = await contributionChoices(context, lang);
  const appeal = slugOf(options.appeals, search.get('appeal'));
  const fund = slugOf(options.funds, search.get('fund'));
  const returnTo = safeReturnTo(lang, search.get('returnTo'));
  const defaults: ContributionFormValues = {
    appeal,
    fund,
    project: search.get('project')?.trim().slice(0, 200) ?? '',
    status: 'pledged',
    madeOn: today(),
    ...currencyValues('USD'),
    returnTo: returnTo ?? '',
  };
  return {
    defaults,
    options,
    cancelHref: returnTo ?? (appeal ? `/${lang}/appeals/${appeal}` : fund ? `/${lang}/funds/${fund}` : null),
  };
}

export async function newContributionAction({ request, params, context }: PageArgs) {
  requireStaffPage(context.viewer, params.lang, request);
  const lang = params.lang as Language;
  const values = contributionFormValues(await request.formData());
  const returnTo = safeReturnTo(lang, values.returnTo);
  const result = await runFunding(values, async () => {
    const row = await context.services.fundingWrites.addContribution(
      writeContext(context),
      contributionInputOf(values),
    );
    return context.services.funding.contribution(context.viewer, row.id, lang);
  });
  if (result.ok) throw redirect(backFrom(lang, returnTo, result.value));
  return data({ errors: result.errors, values: { ...values, returnTo: returnTo ?? '' } }, { status: 422 });
}

/** A contribution, or a 404 page. */
async function contributionFor(context: WebContext, id: string, lang: Language) {
  if (!UUID_PATTERN.test(id)) throw data(null, { status: 404 });
  try {
    return await context.services.funding.contribution(context.viewer, id, lang);
  } catch (error) {
    if (AppError.is(error) && error.code === 'not_found') throw data(null, { status: 404 });
    throw error;
  }
}

function editValuesOf(contribution: Contribution): ContributionEditValues {
  return {
    status: contribution.status,
    madeOn: contribution.madeOn,
    amount: contribution.amount,
    ...currencyValues(contribution.currency),
    note: contribution.note ?? '',
  };
}

export async function editContributionLoader({ request, params, context }: PageArgs) {
  requireStaffPage(context.viewer, params.lang, request);
  const lang = params.lang as Language;
  const contribution = await contributionFor(context, params.id!, lang);
  const returnTo = safeReturnTo(lang, new URL(request.url).searchParams.get('returnTo'));
  return {
    contribution,
    values: { ...editValuesOf(contribution), returnTo: returnTo ?? '' },
    options: { currencies: currencyOptions(lang) },
    backHref: backFrom(lang, returnTo, contribution),
  };
}

/** Saving the edit form (`intent=save`), or deleting the contribution once confirmed (`intent=delete`). */
export async function editContributionAction({ request, params, context }: PageArgs) {
  requireStaffPage(context.viewer, params.lang, request);
  const lang = params.lang as Language;
  const contribution = await contributionFor(context, params.id!, lang);
  const form = await request.formData();
  const values = contributionEditValues(form);
  const returnTo = safeReturnTo(lang, values.returnTo);
  const back = backFrom(lang, returnTo, contribution);
  const kept = { ...values, returnTo: returnTo ?? '' };
  if (form.get('intent') === 'delete') {
    if (form.get('confirm') !== 'yes')
      return data(
        {
          intent: 'delete' as const,
          errors: { confirm: getI18n(lang).t('fundingForms.confirmDeleteRequired') },
          values: kept,
        },
        { status: 422 },
      );
    const removed = await runFunding({}, () =>
      context.services.fundingWrites.removeContribution(writeContext(context), contribution.id),
    );
    if (removed.ok) throw redirect(back);
    return data({ intent: 'delete' as const, errors: removed.errors, values: kept }, { status: 422 });
  }
  const result = await runFunding(values, async () => {
    const patch = contributionPatchOf(editValuesOf(contribution), values);
    if (Object.keys(patch).length)
      await context.services.fundingWrites.updateContribution(writeContext(context), contribution.id, patch);
  });
  if (result.ok) throw redirect(back);
  return data({ intent: 'save' as const, errors: result.errors, values: kept }, { status: 422 });
}

// Allocations from trust funds

export async function newAllocationLoader({ request, params, context }: PageArgs) {
  requireStaffPage(context.viewer, params.lang, request);
  const lang = params.lang as Language;
  const fund = await fundHeading(context, params.id!, 'trust-fund', lang);
  const [appeals, projects] = await Promise.all([
    fundOptions(context, 'appeal', lang),
    projectOptions(context, lang),
  ]);
  const search = new URL(request.url).searchParams;
  const defaults: AllocationFormValues = {
    project: search.get('project')?.trim().slice(0, 200) ?? '',
    appeal: slugOf(appeals, search.get('appeal')),
    allocatedOn: today(),
    ...currencyValues(fund.currency),
  };
  return { fund, defaults, options: { appeals, projects, currencies: currencyOptions(lang) } };
}

export async function newAllocationAction({ request, params, context }: PageArgs) {
  requireStaffPage(context.viewer, params.lang, request);
  const lang = params.lang as Language;
  const fund = await fundHeading(context, params.id!, 'trust-fund', lang);
  const values = allocationFormValues(await request.formData());
  const result = await runFunding(values, () =>
    context.services.fundingWrites.addAllocation(writeContext(context), fund.id, allocationInputOf(values)),
  );
  if (result.ok) throw redirect(`/${lang}/funds/${fund.slug}`);
  return data({ errors: result.errors, values }, { status: 422 });
}
