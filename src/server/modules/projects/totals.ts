import { sumDecimals } from '../../../shared/decimal.js';

/** The money fields totals need from a budget or a transaction row. */
export type MoneyRow = {
  type: string;
  amount: string;
  /** Null when an imported file gave none: such amounts are not totalled. */
  currency: string | null;
  periodStart?: string;
  periodEnd?: string;
};

export type CurrencyTotals = {
  currency: string;
  budget: string;
  commitment: string;
  disbursement: string;
  expenditure: string;
};

const FLOWS = { commitment: '2', disbursement: '3', expenditure: '4' } as const;

/**
 * Budgets that count: for each period, a revised budget (type 2) replaces the original (type 1),
 * as IATI asks publishers to report both.
 */
export function effectiveBudgets<T extends MoneyRow>(budgets: T[]): T[] {
  const revised = new Set(
    budgets.filter((b) => b.type === '2').map((b) => `${b.periodStart}/${b.periodEnd}`),
  );
  return budgets.filter((b) => b.type === '2' || !revised.has(`${b.periodStart}/${b.periodEnd}`));
}

/** A project's budget, commitments, disbursements and expenditure, per currency, exactly. */
export function totalsByCurrency(budgets: MoneyRow[], transactions: MoneyRow[]): CurrencyTotals[] {
  const counted = effectiveBudgets(budgets);
  const currencies = [
    ...new Set([...counted, ...transactions].flatMap((row) => (row.currency ? [row.currency] : []))),
  ].sort();
  const sum = (rows: MoneyRow[], currency: string) =>
    sumDecimals(
      rows.filter((row) => row.currency === currency).map((row) => row.amount),
      2,
    );
  return currencies.map((currency) => ({
    currency,
    budget: sum(counted, currency),
    commitment: sum(
      transactions.filter((t) => t.type === FLOWS.commitment),
      currency,
    ),
    disbursement: sum(
      transactions.filter((t) => t.type === FLOWS.disbursement),
      currency,
    ),
    expenditure: sum(
      transactions.filter((t) => t.type === FLOWS.expenditure),
      currency,
    ),
  }));
}
