import { expect } from 'vitest';

/*
 * A small independent reader for content lines, the line format iCalendar (RFC 5545 §3.1–3.3)
 * and vCard (RFC 6350 §3.2–3.4) share, written from the RFCs rather than from the serialisers, so
 * that round trips check the output against the standards.
 */

export type Property = { name: string; params: Record<string, string[]>; value: string };

export function unfold(text: string): string {
  return text.replace(/\r\n[ \t]/g, '');
}

/** Splits on `separator` where it is not inside a double-quoted string. */
export function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    if (char === separator && !quoted) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}

/** RFC 6868 parameter value decoding, after removing the quotes. */
export function decodeParam(value: string): string {
  return value
    .replace(/^"(.*)"$/, '$1')
    .replace(/\^(['n^])/g, (_, char: string) => (char === "'" ? '"' : char === 'n' ? '\n' : '^'));
}

export function parseLine(line: string): Property {
  let colon = -1;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') quoted = !quoted;
    else if (line[i] === ':' && !quoted) {
      colon = i;
      break;
    }
  }
  if (colon < 0) throw new Error(`No ':' in ${JSON.stringify(line)}`);
  const [name = '', ...rawParams] = splitOutsideQuotes(line.slice(0, colon), ';');
  const params: Record<string, string[]> = {};
  for (const raw of rawParams) {
    const equals = raw.indexOf('=');
    if (equals < 0) throw new Error(`Parameter without '=' in ${JSON.stringify(line)}`);
    const values = splitOutsideQuotes(raw.slice(equals + 1), ',');
    for (const value of values) {
      expect(value.replace(/^"(.*)"$/, '$1'), 'DQUOTE inside a parameter value').not.toContain('"');
    }
    params[raw.slice(0, equals).toUpperCase()] = values.map(decodeParam);
  }
  return { name: name.toUpperCase(), params, value: line.slice(colon + 1) };
}

/** Every content line of a text, unfolded and parsed; the text must end with CRLF. */
export function parseLines(text: string): Property[] {
  const lines = unfold(text).split('\r\n');
  expect(lines.pop()).toBe('');
  return lines.map(parseLine);
}

/** Splits a value on `separator` where it is not backslash-escaped. */
export function splitUnescaped(value: string, separator: ';' | ','): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const char = value[i]!;
    if (char === '\\') {
      current += char + (value[i + 1] ?? '');
      i++;
    } else if (char === separator) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}

/** Asserts the physical form: CRLF only, ≤ 75 octets a line, valid UTF-8 in every line. */
export function expectWellFormed(text: string): string[] {
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, ''), 'bare CR or LF').not.toMatch(/[\r\n]/);
  const lines = text.split('\r\n').slice(0, -1);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (const line of lines) {
    const bytes = new TextEncoder().encode(line);
    expect(bytes.length, line).toBeLessThanOrEqual(75);
    expect(decoder.decode(bytes), 'a character split by a fold').toBe(line);
  }
  return lines;
}
