import { z } from '@hono/zod-openapi';

const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/** Zod fields the write schemas of several modules share, with the messages people see. */

/** Trimmed, non-empty text of at most `max` characters. */
export const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
export const iso3 = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO3 country code such as VNM');
export const language = z.string().regex(/^[a-z]{2,3}$/, 'must be a language code such as vi');
export const isoDate = z.iso.date('must be a date such as 2027-01-31');
/** Money as an exact decimal string, never a binary float; never negative when typed in. */
export const amount = z
  .string()
  .regex(/^\d{1,16}(\.\d{1,2})?$/, 'must be a positive amount with at most two decimals, such as 25000.00');
export const currency = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 currency code such as USD')
  .refine((code) => CURRENCIES.has(code), 'unknown currency');
