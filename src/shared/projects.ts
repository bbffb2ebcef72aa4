/**
 * Results and indicators of a project, as IATI models them. Values are decimal strings, kept
 * exactly as written; a missing value is null.
 */
export type IndicatorPeriod = {
  start: string | null;
  end: string | null;
  target: string | null;
  actual: string | null;
};

export type ProjectIndicator = {
  title: string;
  description?: string;
  /** IATI IndicatorMeasure: 1 unit, 2 percentage, 3 nominal, 4 ordinal, 5 qualitative. */
  measure: string;
  /** Whether a higher value is better (IATI's default). */
  ascending: boolean;
  baseline: { year: number | null; date: string | null; value: string | null } | null;
  periods: IndicatorPeriod[];
};

export type ProjectResult = {
  /** IATI ResultType: 1 output, 2 outcome, 3 impact, 9 other. */
  type: string;
  title: string;
  description?: string;
  indicators: ProjectIndicator[];
};

/** The IATI 2.03 activity statuses. */
export const ACTIVITY_STATUSES = ['1', '2', '3', '4', '5', '6'] as const;
/** IATI roles of participating organisations: funding, accountable, extending, implementing. */
export const IATI_ORG_ROLES = ['1', '2', '3', '4'] as const;
/** The transaction types projects show and total: commitment, disbursement, expenditure and more. */
export const TRANSACTION_TYPES = [
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9',
  '10',
  '11',
  '12',
  '13',
] as const;
