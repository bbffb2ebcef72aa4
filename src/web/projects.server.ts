import { data, redirect } from 'react-router';
import { AppError } from '../server/errors';
import { isSignedIn, isStaff } from '../server/modules/access/policy';
import {
  type Project,
  ProjectInput,
  ProjectListQuery,
  ProjectPatch,
} from '../server/modules/projects/schema';
import { compareDecimals } from '../shared/decimal';
import { LANGUAGE_TAGS, type Language } from '../shared/languages';
import type { ProjectIndicator } from '../shared/projects';
import { exportQueryString } from './components/export-links';
import { formatDate, formatDateRange } from './components/format';
import type { WebContext } from './context';
import { requireMemberPage, runForm } from './forms.server';
import { listWithCursor, parseListQuery } from './list-query.server';
import {
  organisationOptions,
  type ProjectFormValues,
  projectErrors,
  projectFormOptions,
  projectFormValues,
  projectInputOf,
  projectPatchOf,
  projectToFormValues,
} from './project-form.server';
import { parseInput } from './solution-input.server';

/** What React Router hands a project page's loader and action. */
type PageArgs = { request: Request; params: { lang: string; id?: string }; context: WebContext };

/** An exact decimal amount in its currency, in the reader's language. */
export function formatMoney(lang: Language, amount: string, currency: string | null): string {
  // An imported value may state no currency: it is shown as a plain number.
  if (!currency) return formatNumber(lang, amount);
  try {
    return new Intl.NumberFormat(LANGUAGE_TAGS[lang], { style: 'currency', currency }).format(
      amount as `${number}`,
    );
  } catch {
    return `${amount} ${currency}`;
  }
}

/** An exact decimal number (a target, an actual value) in the reader's language. */
export function formatNumber(lang: Language, value: string): string {
  return new Intl.NumberFormat(LANGUAGE_TAGS[lang], { maximumFractionDigits: 6 }).format(
    value as `${number}`,
  );
}

const day = (lang: Language, date: string | null) => (date ? formatDate(lang, date) : null);

/**
 * How far an indicator's latest period with a target and an actual value has come: the actual
 * value as a share of the target ("17,500 of 20,000": 88%). For an indicator where lower is
 * better (`ascending: false`) it is the way gone down from the baseline to the target, or, with
 * no baseline above the target, 100% once the target is met. Null when there is nothing to measure.
 */
export function indicatorProgress(indicator: ProjectIndicator): {
  target: string;
  actual: string;
  percent: number;
  period: { start: string | null; end: string | null };
} | null {
  const period = [...indicator.periods].reverse().find((p) => p.target !== null && p.actual !== null);
  if (!period || indicator.measure === '5') return null;
  const target = Number(period.target);
  const actual = Number(period.actual);
  const baseline = indicator.baseline?.value != null ? Number(indicator.baseline.value) : null;
  let ratio: number;
  if (indicator.ascending) {
    ratio = target === 0 ? (actual >= target ? 1 : 0) : actual / target;
  } else if (baseline !== null && baseline > target) {
    ratio = (baseline - actual) / (baseline - target);
  } else {
    ratio = actual <= target ? 1 : actual === 0 ? 0 : target / actual;
  }
  if (!Number.isFinite(ratio)) return null;
  const percent = Math.round(Math.min(1, Math.max(0, ratio)) * 100);
  return { target: period.target!, actual: period.actual!, percent, period };
}

/** A project's totals per currency, formatted: budget and money disbursed. */
function totalsOf(lang: Language, project: Project) {
  return project.totals.map((t) => ({
    currency: t.currency,
    budget: formatMoney(lang, t.budget, t.currency),
    commitment: formatMoney(lang, t.commitment, t.currency),
    disbursement: formatMoney(lang, t.disbursement, t.currency),
    expenditure: formatMoney(lang, t.expenditure, t.currency),
    hasBudget: compareDecimals(t.budget, '0') !== 0,
    hasDisbursement: compareDecimals(t.disbursement, '0') !== 0,
  }));
}

function datesOf(lang: Language, project: Project) {
  const { plannedStart, plannedEnd, actualStart, actualEnd } = project.dates;
  const range = (start: string | null, end: string | null) =>
    start && end ? formatDateRange(lang, start, end, 'day') : null;
  const start = plannedStart ?? actualStart;
  const end = actualEnd ?? plannedEnd;
  const window =
    start && end
      ? { kind: 'range' as const, dates: formatDateRange(lang, start, end, 'day') }
      : start
        ? { kind: 'from' as const, dates: formatDate(lang, start) }
        : end
          ? { kind: 'until' as const, dates: formatDate(lang, end) }
          : null;
  return {
    window,
    planned: range(plannedStart, plannedEnd),
    plannedStart: day(lang, plannedStart),
    plannedEnd: day(lang, plannedEnd),
    actualStart: day(lang, actualStart),
    actualEnd: day(lang, actualEnd),
  };
}

export type ProjectListItem = Project & {
  display: { totals: ReturnType<typeof totalsOf>; dates: ReturnType<typeof datesOf> };
};

/** The list page: filters read with the API's own schema, the page of projects and the filter choices. */
export async function projectListLoader({ request, params, context }: PageArgs) {
  const lang = params.lang as Language;
  const { services, viewer } = context;
  const staff = isStaff(viewer);
  const search = new URL(request.url).searchParams;
  const { filters, errors } = parseListQuery(ProjectListQuery, request, {
    lang,
    ...(staff ? {} : { publication: 'published' }),
  });
  const [page, countries, regions, sectors, themes, sdgs, statuses, cooperation, organisations] =
    await Promise.all([
      listWithCursor(filters, errors, (f) => services.projects.list(viewer, f)),
      services.reference.listCountries({ lang, limit: 300 }),
      services.reference.codelistLabels('Region', lang),
      services.reference.codelistLabels('Sector', lang),
      services.reference.listTerms('theme', lang),
      services.reference.listSdgs(lang),
      services.reference.codelistLabels('ActivityStatus', lang),
      services.reference.listTerms('cooperation-type', lang),
      organisationOptions(context, lang),
    ]);
  const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, lang);
  const codes = (labels: Map<string, string>) =>
    [...labels]
      .map(([value, label]) => ({ value, label: `${value} · ${label}` }))
      .sort((a, b) => Number(a.value) - Number(b.value));
  const value = (name: string) => search.get(name) ?? '';
  return {
    page: {
      ...page,
      items: page.items.map(
        (project): ProjectListItem => ({
          ...project,
          display: { totals: totalsOf(lang, project), dates: datesOf(lang, project) },
        }),
      ),
    },
    exportQuery: exportQueryString(search, lang),
    errors,
    signedIn: isSignedIn(viewer),
    staff,
    values: {
      q: value('q'),
      country: value('country'),
      region: value('region'),
      sector: value('sector'),
      theme: value('theme'),
      sdg: value('sdg'),
      status: value('status'),
      cooperationType: value('cooperationType'),
      organisation: value('organisation'),
      publication: staff ? value('publication') || 'published' : 'published',
    },
    options: {
      countries: countries.items.map((c) => ({ value: c.iso3, label: c.name })).sort(byLabel),
      regions: codes(regions),
      sectors: codes(sectors),
      themes: themes.map((t) => ({ value: t.id, label: t.parent ? `— ${t.label}` : t.label })),
      sdgs: sdgs.map((g) => ({ value: g.code, label: `${g.code} · ${g.short}` })),
      statuses: codes(statuses),
      cooperationTypes: cooperation.map((c) => ({ value: c.id, label: c.label })),
      organisations,
    },
  };
}

/** A project the viewer may read; a 404 page otherwise. */
async function readable(context: WebContext, id: string, lang: string): Promise<Project> {
  try {
    return await context.services.projects.get(context.viewer, id, lang);
  } catch (error) {
    if (AppError.is(error) && error.code === 'not_found') throw data(null, { status: 404 });
    throw error;
  }
}

/** The detail page: every field, with dates, amounts and indicator progress formatted for the reader. */
export async function projectLoader({ params, context }: PageArgs) {
  const lang = params.lang as Language;
  const project = await readable(context, params.id!, lang);
  const [group] = project.workingGroupId
    ? await context.services.accounts.groupSummaries([project.workingGroupId], lang)
    : [];
  const orgIds = project.participants.flatMap((p) => (p.organisationId ? [p.organisationId] : []));
  const orgs = orgIds.length
    ? await context.services.organisations.summaries(context.viewer, orgIds, lang)
    : [];
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const number = (value: string | null) => (value === null ? null : formatNumber(lang, value));
  return {
    project,
    group: group ? { id: group.id, name: group.name } : null,
    display: {
      dates: datesOf(lang, project),
      totals: totalsOf(lang, project),
      /** Platform organisations taking part, named in the reader's language when they can be. */
      participants: project.participants.map((p) => {
        const org = p.organisationId ? orgById.get(p.organisationId) : undefined;
        return { organisation: org ? { slug: org.slug, name: org.name, language: org.language } : null };
      }),
      budgets: project.budgets.map((b) => ({
        period: formatDateRange(lang, b.periodStart, b.periodEnd, 'day'),
        amount: formatMoney(lang, b.amount, b.currency),
      })),
      transactions: project.transactions.map((t) => ({
        date: formatDate(lang, t.date),
        amount: formatMoney(lang, t.amount, t.currency),
      })),
      results: project.results.map((result) => ({
        indicators: (result.indicators as ProjectIndicator[]).map((indicator) => {
          const progress = indicatorProgress(indicator);
          return {
            baseline: indicator.baseline
              ? {
                  value: number(indicator.baseline.value),
                  when: indicator.baseline.date
                    ? formatDate(lang, indicator.baseline.date)
                    : indicator.baseline.year
                      ? String(indicator.baseline.year)
                      : null,
                }
              : null,
            periods: indicator.periods.map((p) => ({
              when:
                p.start && p.end
                  ? formatDateRange(lang, p.start, p.end, 'day')
                  : (day(lang, p.start) ?? day(lang, p.end) ?? ''),
              target: number(p.target),
              actual: number(p.actual),
            })),
            progress: progress && {
              percent: progress.percent,
              percentText: new Intl.NumberFormat(LANGUAGE_TAGS[lang], { style: 'percent' }).format(
                progress.percent / 100,
              ),
              target: formatNumber(lang, progress.target),
              actual: formatNumber(lang, progress.actual),
            },
          };
        }),
      })),
      createdOn: formatDate(lang, project.createdAt.slice(0, 10)),
      updatedOn: formatDate(lang, project.updatedAt.slice(0, 10)),
    },
  };
}

/** Publishing a draft, from its page. */
export async function projectAction({ request, params, context }: PageArgs) {
  requireMemberPage(context.viewer, params.lang, request);
  // The page may be addressed by IATI identifier; the write takes the id.
  const project = await readable(context, params.id!, params.lang);
  const result = await runForm(
    () =>
      context.services.projectWrites.publish({ viewer: context.viewer, ip: context.clientIp }, project.id),
    projectErrors,
  );
  if (result.ok) throw redirect(`/${params.lang}/projects/${result.value.slug}`);
  return data({ errors: result.errors }, { status: 422 });
}

/** The "new" form: members only, written in the interface language unless they choose another. */
export async function newProjectLoader({ request, params, context }: PageArgs) {
  requireMemberPage(context.viewer, params.lang, request);
  const lang = params.lang as Language;
  const options = await projectFormOptions(context, lang);
  const defaults: ProjectFormValues = { language: lang, visibility: 'public', status: '1' };
  return { options, defaults };
}

export async function newProjectAction({ request, params, context }: PageArgs) {
  requireMemberPage(context.viewer, params.lang, request);
  const values = projectFormValues(await request.formData());
  const { input, rows } = projectInputOf(values);
  const result = await runForm(
    () =>
      context.services.projectWrites.create(
        { viewer: context.viewer, ip: context.clientIp },
        parseInput(ProjectInput, input),
      ),
    (errors) => projectErrors(errors, rows),
  );
  if (result.ok) throw redirect(`/${params.lang}/projects/${result.value.slug}`);
  return data({ errors: result.errors, values }, { status: 422 });
}

/** The project as its edit form shows it: in its original language, whatever the page's. */
async function editable(context: WebContext, id: string, lang: Language) {
  const project = await readable(context, id, lang);
  if (!project.canEdit) throw data(null, { status: 403 });
  const original =
    project.language === project.originalLanguage
      ? project
      : await readable(context, id, project.originalLanguage);
  return { project, values: projectToFormValues(original) };
}

export async function editProjectLoader({ request, params, context }: PageArgs) {
  requireMemberPage(context.viewer, params.lang, request);
  const lang = params.lang as Language;
  const { project, values } = await editable(context, params.id!, lang);
  const options = await projectFormOptions(context, lang, { groupId: project.workingGroupId });
  return {
    slug: project.slug,
    values,
    options: { ...options, reportingFor: { name: project.reportingOrg.name } },
  };
}

export async function editProjectAction({ request, params, context }: PageArgs) {
  requireMemberPage(context.viewer, params.lang, request);
  const lang = params.lang as Language;
  const { project, values: before } = await editable(context, params.id!, lang);
  const values = projectFormValues(await request.formData());
  const { patch, rows } = projectPatchOf(before, values);
  const back = `/${lang}/projects/${project.slug}`;
  if (Object.keys(patch).length === 0) throw redirect(back);
  const result = await runForm(
    () =>
      context.services.projectWrites.update(
        { viewer: context.viewer, ip: context.clientIp },
        project.id,
        parseInput(ProjectPatch, patch),
      ),
    (errors) => projectErrors(errors, rows),
  );
  if (result.ok) throw redirect(`/${lang}/projects/${result.value.slug}`);
  return data({ errors: result.errors, values: { ...values, language: before.language } }, { status: 422 });
}
