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
