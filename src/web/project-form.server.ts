import type { FieldError } from '../server/errors';
import { isStaff } from '../server/modules/access/policy';
import type { Project } from '../server/modules/projects/schema';
import type { Language } from '../shared/languages';
import type { ProjectResult } from '../shared/projects';
import type { WebContext } from './context';
import {
  EMPTY_ROWS,
  isBlank,
  type ProjectFormRow,
  ROW_FIELDS,
  ROW_LISTS,
  type RowList,
  rowsWithBlanks,
} from './project-rows';

export { EMPTY_ROWS, type ProjectFormRow, ROW_FIELDS, ROW_LISTS, type RowList, rowsWithBlanks };

const SINGLE = [
  'language',
  'title',
  'description',
  'organisation',
  'status',
  'cooperationType',
  'defaultCurrency',
  'visibility',
  'workingGroupId',
  'dates.plannedStart',
  'dates.actualStart',
  'dates.plannedEnd',
  'dates.actualEnd',
] as const;
const MULTI = ['sdgGoals', 'modalities'] as const;

/**
 * What the project form holds, as strings, the way the browser sends them. Repeatable rows are
 * named `countries.0.iso3`, `budgets.2.amount`: the API's own paths, so an error lands beside its
 * input.
 */
export type ProjectFormValues = Partial<Record<(typeof SINGLE)[number], string>> &
  Partial<Record<(typeof MULTI)[number], string[]>> &
  Partial<Record<RowList, ProjectFormRow[]>>;

const ROW_NAME = /^([a-zA-Z]+)\.(\d{1,3})\.([a-zA-Z][a-zA-Z0-9]*)$/;

/** The form's fields; rows keep their positions (blank rows included) so errors find their inputs. */
export function projectFormValues(form: FormData): ProjectFormValues {
  const values: ProjectFormValues = {};
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value.trim() : '';
  };
  for (const name of SINGLE) values[name] = text(name);
  for (const name of MULTI) values[name] = form.getAll(name).map(String).filter(Boolean);
  const rows: Partial<Record<RowList, ProjectFormRow[]>> = {};
  for (const [name, value] of form.entries()) {
    const match = ROW_NAME.exec(name);
    if (!match || typeof value !== 'string') continue;
    const [, list, index, field] = match as unknown as [string, RowList, string, string];
    if (!(list in ROW_FIELDS) || !(ROW_FIELDS[list] as readonly string[]).includes(field)) continue;
    const at = Number(index);
    if (at >= 200) continue;
    rows[list] ??= [];
    const target = rows[list];
    while (target.length <= at) target.push({});
    target[at]![field] = value.trim();
  }
  for (const list of ROW_LISTS) values[list] = (rows[list] ?? []).map((row) => fillRow(list, row));
  return values;
}

function fillRow(list: RowList, row: ProjectFormRow): ProjectFormRow {
  return Object.fromEntries(ROW_FIELDS[list].map((field) => [field, row[field] ?? '']));
}

type SimpleList = Exclude<RowList, 'indicators'>;
const SIMPLE_LISTS = ROW_LISTS.filter((list): list is SimpleList => list !== 'indicators');

/**
 * Where each row the API receives sits in the form: API index → form index, per list; for
 * results, the form row of `R` (a result), `R.I` (an indicator) and `R.I.P` (a period).
 */
export type RowPositions = Record<SimpleList, number[]> & { results: Record<string, number> };

const orNull = (value: string | undefined) => (value ? value : null);
const share = (value: string | undefined) => orNull(value);
const party = (name?: string, ref?: string, activityId?: string) =>
  name || ref || activityId ? { name: orNull(name), ref: orNull(ref), activityId: orNull(activityId) } : null;

const ROW_INPUT: Record<SimpleList, (row: ProjectFormRow) => Record<string, unknown>> = {
  countries: (r) => ({ iso3: r.iso3 ?? '', percentage: share(r.percentage) }),
  regions: (r) => ({ code: r.code ?? '', percentage: share(r.percentage) }),
  sectors: (r) => ({ code: r.code ?? '', percentage: share(r.percentage) }),
  themes: (r) => ({ id: r.id ?? '', percentage: share(r.percentage) }),
  participants: (r) => ({
    ...(r.organisation ? { organisation: r.organisation } : {}),
    ...(r.name ? { name: r.name } : {}),
    role: orNull(r.role),
    southSouthRole: orNull(r.southSouthRole),
    // A platform organisation brings its own IATI reference and type.
    ...(r.organisation ? {} : { ref: orNull(r.ref), type: orNull(r.type) }),
    activityId: orNull(r.activityId),
  }),
  budgets: (r) => ({
    type: r.type || '1',
    status: r.status || '1',
    periodStart: r.periodStart ?? '',
    periodEnd: r.periodEnd ?? '',
    amount: r.amount ?? '',
    currency: r.currency ?? '',
  }),
  transactions: (r) => ({
    type: r.type ?? '',
    date: r.date ?? '',
    amount: r.amount ?? '',
    currency: r.currency ?? '',
    ref: orNull(r.ref),
    description: orNull(r.description),
    provider: party(r.provider, r.providerRef, r.providerActivityId),
    receiver: party(r.receiver, r.receiverRef, r.receiverActivityId),
  }),
};

/**
 * The API's input from form values, and where each row came from. Blank rows are left out;
 * empty optional fields become null; organisation and working group are left out when not
 * chosen (the API keeps its default: the author's organisation, no group). Anything malformed
 * goes on as typed, for the API's schema to refuse beside its field.
 */
export function projectInputOf(values: ProjectFormValues): {
  input: Record<string, unknown>;
  rows: RowPositions;
} {
  const rows = { results: {} } as RowPositions;
  const lists: Record<string, unknown[]> = {};
  for (const list of SIMPLE_LISTS) {
    rows[list] = [];
    lists[list] = [];
    (values[list] ?? []).forEach((row, index) => {
      if (isBlank(list, row)) return;
      rows[list].push(index);
      lists[list]!.push(ROW_INPUT[list](row));
    });
  }
  const input: Record<string, unknown> = {
    language: values.language || undefined,
    title: values.title ?? '',
    description: values.description ?? '',
    organisation: values.organisation || undefined,
    status: values.status || undefined,
    cooperationType: orNull(values.cooperationType),
    defaultCurrency: orNull(values.defaultCurrency),
    visibility: values.visibility || undefined,
    workingGroupId: values.workingGroupId || undefined,
    dates: {
      plannedStart: orNull(values['dates.plannedStart']),
      actualStart: orNull(values['dates.actualStart']),
      plannedEnd: orNull(values['dates.plannedEnd']),
      actualEnd: orNull(values['dates.actualEnd']),
    },
    sdgGoals: values.sdgGoals ?? [],
    modalities: values.modalities ?? [],
    ...lists,
    results: resultsOf(values.indicators ?? [], rows.results),
  };
  return { input, rows };
}

type IndicatorInput = {
  title: string;
  description?: string;
  measure: string;
  ascending: boolean;
  baseline: { year: number | string | null; date: string | null; value: string | null } | null;
  periods: Array<{ start: string | null; end: string | null; target: string | null; actual: string | null }>;
};
type ResultInput = { type: string; title: string; description?: string; indicators: IndicatorInput[] };

/**
 * Results from the indicator rows: rows with the same result (type and title) make one result,
 * and within it rows with the same indicator title one indicator, one period per row. The
 * baseline, direction and hidden fields are read from an indicator's first row.
 */
function resultsOf(indicatorRows: ProjectFormRow[], positions: Record<string, number>): ResultInput[] {
  const results: ResultInput[] = [];
  const resultAt = new Map<string, number>();
  indicatorRows.forEach((row, index) => {
    if (isBlank('indicators', row)) return;
    const resultKey = JSON.stringify([row.resultType || '1', row.result ?? '']);
    let r = resultAt.get(resultKey);
    if (r === undefined) {
      r = results.length;
      resultAt.set(resultKey, r);
      positions[`${r}`] = index;
      results.push({
        type: row.resultType || '1',
        title: row.result ?? '',
        ...(row.resultDescription ? { description: row.resultDescription } : {}),
        indicators: [],
      });
    }
    const result = results[r]!;
    let i = result.indicators.findIndex((indicator) => indicator.title === (row.indicator ?? ''));
    if (i === -1) {
      i = result.indicators.length;
      positions[`${r}.${i}`] = index;
      const year = row.baselineYear;
      result.indicators.push({
        title: row.indicator ?? '',
        ...(row.indicatorDescription ? { description: row.indicatorDescription } : {}),
        measure: row.measure || '1',
        ascending: row.ascending !== 'false',
        baseline:
          row.baseline || year || row.baselineDate
            ? {
                year: year ? (/^\d+$/.test(year) ? Number(year) : year) : null,
                date: orNull(row.baselineDate),
                value: orNull(row.baseline),
              }
            : null,
        periods: [],
      });
    }
    const indicator = result.indicators[i]!;
    const period = {
      start: orNull(row.periodStart),
      end: orNull(row.periodEnd),
      target: orNull(row.target),
      actual: orNull(row.actual),
    };
    if (Object.values(period).some((value) => value !== null)) {
      positions[`${r}.${i}.${indicator.periods.length}`] = index;
      indicator.periods.push(period);
    }
  });
  return results;
}

/** The form input an error about a result, an indicator or a period belongs beside. */
const RESULT_FIELDS: Record<string, string> = {
  type: 'resultType',
  title: 'result',
  description: 'result',
};
const INDICATOR_FIELDS: Record<string, string> = {
  title: 'indicator',
  description: 'indicator',
  measure: 'indicator',
  ascending: 'ascending',
  baseline: 'baseline',
};
const PERIOD_FIELDS: Record<string, string> = {
  start: 'periodStart',
  end: 'periodEnd',
  target: 'target',
  actual: 'actual',
};

function resultErrorKey(path: string[], positions: Record<string, number> | undefined): string {
  const [r, a, i, b, p, c] = path;
  const at = (key: string) => positions?.[key];
  if (r === undefined || !/^\d+$/.test(r)) return 'indicators';
  if (a === 'indicators' && i !== undefined && /^\d+$/.test(i)) {
    if (b === 'periods' && p !== undefined && /^\d+$/.test(p)) {
      const row = at(`${r}.${i}.${p}`) ?? at(`${r}.${i}`);
      return row === undefined ? 'indicators' : `indicators.${row}.${PERIOD_FIELDS[c ?? ''] ?? 'indicator'}`;
    }
    const row = at(`${r}.${i}`);
    if (row === undefined) return 'indicators';
    if (b === 'baseline' && p === 'year') return `indicators.${row}.baselineYear`;
    return `indicators.${row}.${INDICATOR_FIELDS[b ?? ''] ?? 'indicator'}`;
  }
  const row = at(r);
  return row === undefined ? 'indicators' : `indicators.${row}.${RESULT_FIELDS[a ?? ''] ?? 'result'}`;
}

/**
 * An edit: only the fields that differ from the project as loaded, so saving an unchanged form
 * changes nothing; lists go as a whole. The language is fixed once written; an organisation or
 * working group left unchosen is kept.
 */
export function projectPatchOf(
  before: ProjectFormValues,
  after: ProjectFormValues,
): { patch: Record<string, unknown>; rows: RowPositions } {
  const old = projectInputOf(before).input;
  const { input, rows } = projectInputOf(after);
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (key === 'language' || value === undefined) continue;
    if (JSON.stringify(old[key]) !== JSON.stringify(value)) patch[key] = value;
  }
  return { patch, rows };
}

const SCALAR_LISTS = new Set<string>(MULTI);

/**
 * Field errors keyed by the form's input names. `body.countries.1.percentage` names the input of
 * the form row the API's second country came from; `body.countries` (shares that do not add up)
 * stays on the whole list; `body.transactions.0.provider.name` → `transactions.N.provider`;
 * `body.sdgGoals.3` → `sdgGoals`; an error about the whole record goes under `form`.
 */
export function projectErrors(errors: FieldError[], rows?: RowPositions): Record<string, string> {
  const out: Record<string, string> = {};
  for (const error of errors) {
    const path = error.field.replace(/^(body|path|query)(\.|$)/, '').split('.');
    const [head = '', index, field] = path;
    let key: string;
    if (head === 'results') key = resultErrorKey(path.slice(1), rows?.results);
    else if (head in ROW_FIELDS && index !== undefined && /^\d+$/.test(index)) {
      const at = rows?.[head as SimpleList][Number(index)] ?? Number(index);
      key = field ? `${head}.${at}.${field}` : head;
    } else if (SCALAR_LISTS.has(head)) key = head;
    else if (head === 'dates' && index) key = `dates.${index}`;
    else key = head || 'form';
    out[key] ??= error.message;
  }
  return out;
}

const orEmpty = (value: string | null | undefined) => value ?? '';

/** A project, read in its original language, as the edit form shows it. */
export function projectToFormValues(project: Project): ProjectFormValues {
  return {
    language: project.originalLanguage,
    title: project.title,
    description: project.description,
    organisation: project.organisation?.id ?? '',
    status: project.status.id,
    cooperationType: project.cooperationType?.id ?? '',
    defaultCurrency: orEmpty(project.defaultCurrency),
    visibility: project.visibility,
    workingGroupId: orEmpty(project.workingGroupId),
    'dates.plannedStart': orEmpty(project.dates.plannedStart),
    'dates.actualStart': orEmpty(project.dates.actualStart),
    'dates.plannedEnd': orEmpty(project.dates.plannedEnd),
    'dates.actualEnd': orEmpty(project.dates.actualEnd),
    sdgGoals: project.sdgGoals,
    modalities: project.modalities.map((m) => m.id),
    countries: project.countries.map((c) => ({ iso3: c.iso3, percentage: orEmpty(c.percentage) })),
    regions: project.regions.map((r) => ({ code: r.code, percentage: orEmpty(r.percentage) })),
    sectors: project.sectors.map((s) => ({ code: s.code, percentage: orEmpty(s.percentage) })),
    themes: project.themes.map((t) => ({ id: t.id, percentage: orEmpty(t.percentage) })),
    participants: project.participants.map((p) => ({
      organisation: orEmpty(p.organisationId),
      // A platform organisation brings its own name; the name is kept only for the others.
      name: p.organisationId ? '' : p.name,
      role: orEmpty(p.role),
      southSouthRole: orEmpty(p.southSouthRole),
      ref: p.organisationId ? '' : orEmpty(p.ref),
      type: p.organisationId ? '' : orEmpty(p.type),
      activityId: orEmpty(p.activityId),
    })),
    budgets: project.budgets.map((b) => ({
      periodStart: b.periodStart,
      periodEnd: b.periodEnd,
      amount: b.amount,
      currency: orEmpty(b.currency),
      type: b.type,
      status: b.status,
    })),
    indicators: (project.results as ProjectResult[]).flatMap((result) =>
      result.indicators.flatMap((indicator) => {
        const common = {
          resultType: result.type,
          result: result.title,
          indicator: indicator.title,
          ascending: indicator.ascending ? 'true' : 'false',
          baseline: orEmpty(indicator.baseline?.value),
          measure: indicator.measure,
          baselineYear: indicator.baseline?.year != null ? String(indicator.baseline.year) : '',
          baselineDate: orEmpty(indicator.baseline?.date),
          resultDescription: orEmpty(result.description),
          indicatorDescription: orEmpty(indicator.description),
        };
        const periods = indicator.periods.length
          ? indicator.periods
          : [{ start: null, end: null, target: null, actual: null }];
        return periods.map((period) => ({
          ...common,
          periodStart: orEmpty(period.start),
          periodEnd: orEmpty(period.end),
          target: orEmpty(period.target),
          actual: orEmpty(period.actual),
        }));
      }),
    ),
    transactions: project.transactions.map((t) => ({
      type: t.type.id,
      date: t.date,
      amount: t.amount,
      currency: orEmpty(t.currency),
      provider: orEmpty(t.provider?.name),
      receiver: orEmpty(t.receiver?.name),
      ref: orEmpty(t.ref),
      description: orEmpty(t.description),
      providerRef: orEmpty(t.provider?.ref),
      providerActivityId: orEmpty(t.provider?.activityId),
      receiverRef: orEmpty(t.receiver?.ref),
      receiverActivityId: orEmpty(t.receiver?.activityId),
    })),
  };
}

type Option = { value: string; label: string };

/** Every platform organisation the viewer may see, as choices labelled "Name (ACRONYM)". */
export async function organisationOptions(context: WebContext, lang: Language): Promise<Option[]> {
  const { services, viewer } = context;
  const options: Option[] = [];
  let cursor: string | undefined;
  do {
    const page = await services.organisations.list(viewer, {
      lang,
      limit: 100,
      ...(cursor ? { cursor } : {}),
    });
    options.push(
      ...page.items.map((o) => ({ value: o.id, label: o.acronym ? `${o.name} (${o.acronym})` : o.name })),
    );
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return options.sort((a, b) => a.label.localeCompare(b.label, lang));
}

/** The choices the project form offers, labelled in the reader's language. */
export async function projectFormOptions(
  context: WebContext,
  lang: Language,
  current: { groupId?: string | null } = {},
) {
  const { services, viewer } = context;
  const byLabel = (a: Option, b: Option) => a.label.localeCompare(b.label, lang);
  const organisations = await organisationOptions(context, lang);
  const groupIds = [...new Set([...viewer.workingGroupIds, ...(current.groupId ? [current.groupId] : [])])];
  const [countries, regions, sectors, themes, modalities, sdgs, statuses, cooperation, roles, types] =
    await Promise.all([
      services.reference.listCountries({ lang, limit: 300 }),
      services.reference.codelistLabels('Region', lang),
      services.reference.codelistLabels('Sector', lang),
      services.reference.listTerms('theme', lang),
      services.reference.listTerms('modality', lang),
      services.reference.listSdgs(lang),
      services.reference.codelistLabels('ActivityStatus', lang),
      services.reference.listTerms('cooperation-type', lang),
      services.reference.codelistLabels('OrganisationRole', lang),
      services.reference.codelistLabels('TransactionType', lang),
    ]);
  const [groups, own] = await Promise.all([
    services.accounts.groupSummaries(groupIds, lang),
    viewer.organisationId
      ? services.organisations.summaries(viewer, [viewer.organisationId], lang)
      : Promise.resolve([]),
  ]);
  const codes = (labels: Map<string, string>, numeric = true) =>
    [...labels]
      .map(([value, label]) => ({ value, label: `${value} · ${label}` }))
      .sort((a, b) => (numeric ? Number(a.value) - Number(b.value) : a.value.localeCompare(b.value)));
  const currencyNames = new Intl.DisplayNames([lang], { type: 'currency' });
  return {
    countries: countries.items.map((c) => ({ value: c.iso3, label: c.name })).sort(byLabel),
    regions: codes(regions),
    sectors: codes(sectors),
    themes: themes.map((t) => ({ value: t.id, label: t.parent ? `— ${t.label}` : t.label })),
    modalities: modalities.map((m) => ({ value: m.id, label: m.label })),
    sdgGoals: sdgs.map((g) => ({ value: g.code, label: `${g.code} · ${g.short}` })),
    statuses: codes(statuses),
    cooperationTypes: cooperation.map((c) => ({ value: c.id, label: c.label })),
    roles: codes(roles),
    transactionTypes: codes(types),
    currencies: Intl.supportedValuesOf('currency').map((code) => ({
      value: code,
      label: `${code} · ${currencyNames.of(code) ?? code}`,
    })),
    groups: groups.map((g) => ({ value: g.id, label: g.name })),
    /** Every platform organisation, for participants; staff also report for any of them. */
    organisations,
    canChooseOrganisation: isStaff(viewer),
    /** The organisation the project is reported for, shown to those who may not choose. */
    reportingFor: own[0] ? { name: own[0].name } : null,
  };
}

export type ProjectFormOptions = Awaited<ReturnType<typeof projectFormOptions>>;
