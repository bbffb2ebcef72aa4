/**
 * The repeatable rows of the project form, shared by the form (in the browser bundle) and its
 * server-side helper.
 */

/** The repeatable rows of the project form, each with the names of its inputs. */
export const ROW_FIELDS = {
  countries: ['iso3', 'percentage'],
  regions: ['code', 'percentage'],
  sectors: ['code', 'percentage'],
  themes: ['id', 'percentage'],
  participants: ['organisation', 'name', 'role', 'southSouthRole', 'ref', 'type', 'activityId'],
  budgets: ['periodStart', 'periodEnd', 'amount', 'currency', 'type', 'status'],
  transactions: [
    'type',
    'date',
    'amount',
    'currency',
    'provider',
    'receiver',
    'ref',
    'description',
    'providerRef',
    'providerActivityId',
    'receiverRef',
    'receiverActivityId',
  ],
  /**
   * Results and indicators, one row per indicator period: rows with the same result and the same
   * indicator title are one indicator.
   */
  indicators: [
    'resultType',
    'result',
    'indicator',
    'ascending',
    'baseline',
    'periodStart',
    'periodEnd',
    'target',
    'actual',
    'measure',
    'baselineYear',
    'baselineDate',
    'resultDescription',
    'indicatorDescription',
  ],
} as const;

export type RowList = keyof typeof ROW_FIELDS;
export const ROW_LISTS = Object.keys(ROW_FIELDS) as RowList[];
export type ProjectFormRow = Record<string, string>;

/**
 * Row inputs the form keeps as hidden fields: what an IATI import or the API may have set and
 * the form does not show (identifiers, activity links, descriptions), so that an edit keeps them.
 */
export const HIDDEN_FIELDS: Partial<Record<RowList, readonly string[]>> = {
  participants: ['ref', 'type', 'activityId'],
  transactions: [
    'ref',
    'description',
    'providerRef',
    'providerActivityId',
    'receiverRef',
    'receiverActivityId',
  ],
  indicators: ['measure', 'baselineDate', 'resultDescription', 'indicatorDescription'],
};

/** How many empty rows the form adds after the filled ones, so more can be written without JavaScript. */
export const EMPTY_ROWS = 3;

/** True when none of a row's visible inputs is filled in. */
export const isBlank = (list: RowList, row: ProjectFormRow) =>
  Object.entries(row).every(([field, value]) => HIDDEN_FIELDS[list]?.includes(field) || !value);

/** The rows of a list as the form shows them: the filled ones, then `EMPTY_ROWS` empty ones. */
export function rowsWithBlanks(list: RowList, rows: ProjectFormRow[] | undefined): ProjectFormRow[] {
  const filled = rows ?? [];
  const lastFilled = filled.reduce((last, row, index) => (isBlank(list, row) ? last : index), -1);
  const kept = filled.slice(0, Math.max(lastFilled + 1, 0));
  const blank = Object.fromEntries(ROW_FIELDS[list].map((field) => [field, ''])) as ProjectFormRow;
  return [...kept, ...Array.from({ length: EMPTY_ROWS }, () => ({ ...blank }))];
}
