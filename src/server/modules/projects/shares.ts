import { compareDecimals, sumDecimals } from '../../../shared/decimal.js';
import type { FieldError } from '../../errors.js';

/** One group of shares that must add up: e.g. recipient countries and regions together. */
export type ShareGroup = {
  /** The field named when the total is wrong, e.g. `body.countries`. */
  field: string;
  /** Where each item is, e.g. `body.regions.1.percentage`, and its percentage. */
  items: Array<{ field: string; percentage: string | null }>;
};

/**
 * IATI's rule for splits: one item may leave its percentage out (it is 100%); with several, each
 * needs a percentage and together they make exactly 100.
 */
export function checkShares(groups: ShareGroup[]): FieldError[] {
  const errors: FieldError[] = [];
  for (const group of groups) {
    const { items } = group;
    if (items.length === 0) continue;
    if (items.length === 1) {
      const only = items[0]!;
      if (only.percentage !== null && compareDecimals(only.percentage, '100') !== 0)
        errors.push({ field: only.field, message: 'must be 100 when it is the only one' });
      continue;
    }
    const missing = items.filter((item) => item.percentage === null);
    for (const item of missing)
      errors.push({ field: item.field, message: 'is required when there are several' });
    if (missing.length) continue;
    const total = sumDecimals(items.map((item) => item.percentage!));
    if (compareDecimals(total, '100') !== 0)
      errors.push({
        field: group.field,
        message: `percentages must add up to 100 (they add up to ${total})`,
      });
  }
  return errors;
}
