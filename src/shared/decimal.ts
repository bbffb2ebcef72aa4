/**
 * Exact decimal arithmetic on strings, for money and percentages: values are scaled to BigInt so
 * that 0.1 + 0.2 is 0.3 and a total of millions never drifts as binary floats do.
 */
const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

function parts(value: string): { negative: boolean; int: string; frac: string } {
  const match = DECIMAL.exec(value.trim());
  if (!match) throw new Error(`not a decimal: "${value}"`);
  return { negative: !!match[1], int: match[2]!, frac: match[3] ?? '' };
}

/** The number of decimals a value is written with. */
function scaleOf(value: string): number {
  return parts(value).frac.length;
}

function toScaled(value: string, scale: number): bigint {
  const { negative, int, frac } = parts(value);
  const digits = BigInt(int + frac.padEnd(scale, '0'));
  return negative ? -digits : digits;
}

function fromScaled(value: bigint, scale: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, '0');
  const int = digits.slice(0, digits.length - scale);
  const frac = scale ? `.${digits.slice(digits.length - scale)}` : '';
  return `${negative ? '-' : ''}${int}${frac}`;
}

/** True when the string is a plain decimal number such as "12", "-3.5" or "0.25". */
export function isDecimal(value: string): boolean {
  return DECIMAL.test(value.trim());
}

/** The exact sum, written with as many decimals as the most precise term (at least `minScale`). */
export function sumDecimals(values: string[], minScale = 0): string {
  const scale = Math.max(minScale, ...values.map(scaleOf));
  return fromScaled(
    values.reduce((total, value) => total + toScaled(value, scale), 0n),
    scale,
  );
}

/** a − b, exactly. */
export function subtractDecimal(a: string, b: string, minScale = 0): string {
  const scale = Math.max(minScale, scaleOf(a), scaleOf(b));
  return fromScaled(toScaled(a, scale) - toScaled(b, scale), scale);
}

/** −1, 0 or 1 as a is less than, equal to or greater than b. */
export function compareDecimals(a: string, b: string): -1 | 0 | 1 {
  const scale = Math.max(scaleOf(a), scaleOf(b));
  const diff = toScaled(a, scale) - toScaled(b, scale);
  return diff < 0n ? -1 : diff > 0n ? 1 : 0;
}

/** a × b, exactly (as many decimals as both together). */
export function multiplyDecimals(a: string, b: string): string {
  const scaleA = scaleOf(a);
  const scaleB = scaleOf(b);
  return fromScaled(toScaled(a, scaleA) * toScaled(b, scaleB), scaleA + scaleB);
}

/** `numerator / denominator` rounded to `scale` decimals, halves away from zero. */
function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = (n * 2n + d) / (d * 2n);
  return negative ? -quotient : quotient;
}

/** The value rounded to `scale` decimals, halves away from zero (as SQL's round does). */
export function roundDecimal(value: string, scale = 2): string {
  const from = scaleOf(value);
  if (from <= scale) return fromScaled(toScaled(value, from) * 10n ** BigInt(scale - from), scale);
  return fromScaled(divideRounded(toScaled(value, from), 10n ** BigInt(from - scale)), scale);
}

/**
 * Splits an amount into parts proportional to the weights (equal parts when the weights are all
 * zero), each rounded to `scale` decimals; the last part takes the rounding, so the parts always
 * add up exactly to the amount.
 */
export function splitDecimal(amount: string, weights: string[], scale = 2): string[] {
  if (weights.length === 0) return [];
  const weightScale = Math.max(0, ...weights.map(scaleOf));
  let scaled = weights.map((weight) => toScaled(weight, weightScale));
  let total = scaled.reduce((sum, weight) => sum + weight, 0n);
  if (total === 0n) {
    scaled = weights.map(() => 1n);
    total = BigInt(weights.length);
  }
  const whole = toScaled(roundDecimal(amount, scale), scale);
  const parts = scaled.map((weight) => divideRounded(whole * weight, total));
  parts[parts.length - 1] = whole - parts.slice(0, -1).reduce((sum, part) => sum + part, 0n);
  return parts.map((part) => fromScaled(part, scale));
}
