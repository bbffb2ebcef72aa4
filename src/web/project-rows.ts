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
  participants: ['organisation', 'name', 'role', 'southSouthRole'],
  budgets: ['periodStart', 'periodEnd', 'amount', 'currency'],
  transactions: ['type', 'date', 'amount', 'currency', 'provider', 'receiver'],
  /**
   * Results and indicators, one row per indicator period: rows with the same result and the same
   * indicator title are one indicator. The last five are hidden inputs that carry what the form
   * does not show, so an edit keeps them.
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

/** Row inputs the form keeps as hidden fields. */
export const HIDDEN_FIELDS: ReadonlySet<string> = new Set([
  'measure',
  'baselineYear',
  'baselineDate',
  'resultDescription',
  'indicatorDescription',
]);

export type RowList = keyof typeof ROW_FIELDS;
export const ROW_LISTS = Object.keys(ROW_FIELDS) as RowList[];
export type ProjectFormRow = Record<string, string>;

/** How many empty rows the form adds after the filled ones, so more can be written without JavaScript. */
export const EMPTY_ROWS = 3;

/** True when none of a row's visible inputs is filled in. */
export const isBlank = (row: ProjectFormRow) =>
  Object.entries(row).every(([field, value]) => HIDDEN_FIELDS.has(field) || !value);

/** The rows of a list as the form shows them: the filled ones, then `EMPTY_ROWS` empty ones. */
export function rowsWithBlanks(list: RowList, rows: ProjectFormRow[] | undefined): ProjectFormRow[] {
  const filled = rows ?? [];
  const lastFilled = filled.reduce((last, row, index) => (isBlank(row) ? last : index), -1);
  const kept = filled.slice(0, Math.max(lastFilled + 1, 0));
  const blank = Object.fromEntries(ROW_FIELDS[list].map((field) => [field, ''])) as ProjectFormRow;
  return [...kept, ...Array.from({ length: EMPTY_ROWS }, () => ({ ...blank }))];
}
