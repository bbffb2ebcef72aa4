import type { IatiIssue } from './types.js';

/** The default size limit of an IATI file: large publishers split their data well below it. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

export type GuardOptions = { maxBytes?: number };

export type GuardResult = { ok: true; text: string } | { ok: false; issues: IatiIssue[] };

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this finds
const FORBIDDEN_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const ENCODING_DECLARATION = /^<\?xml[^>]*?\bencoding\s*=\s*["']([^"']*)["']/;

function issue(line: number | null, field: string, message: string): GuardResult {
  return { ok: false, issues: [{ line, field, message }] };
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function decode(input: string | Uint8Array): GuardResult {
  if (typeof input === 'string') return { ok: true, text: input };
  if ((input[0] === 0xff && input[1] === 0xfe) || (input[0] === 0xfe && input[1] === 0xff)) {
    return issue(
      1,
      'file',
      'the file is UTF-16; IATI files are read only in UTF-8, so save it as UTF-8 first',
    );
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(input) };
  } catch {
    return issue(
      null,
      'file',
      'the file is not valid UTF-8 text (it may be binary, or saved in another encoding)',
    );
  }
}

/**
 * Refuses input that must never reach an XML parser, before any parsing: files over the size limit,
 * anything that is not UTF-8 text, and any DOCTYPE or ENTITY declaration. IATI files never need a
 * DTD, and one could define entities that read local files (XXE) or expand without bound (billion
 * laughs), so refusing the declaration outright is simpler and safer than configuring each parser.
 * Returns the text with any byte-order mark removed.
 */
export function guardIatiInput(input: string | Uint8Array, options: GuardOptions = {}): GuardResult {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const bytes = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength;
  if (bytes > maxBytes) {
    return issue(
      null,
      'file',
      `the file is ${bytes} bytes, over the limit of ${maxBytes} bytes; split it into smaller files`,
    );
  }
  const decoded = decode(input);
  if (!decoded.ok) return decoded;
  const text = decoded.text.startsWith('\uFEFF') ? decoded.text.slice(1) : decoded.text;

  if (text.includes('\uFFFD')) {
    return issue(
      lineOf(text, text.indexOf('\uFFFD')),
      'file',
      'the file contains U+FFFD replacement characters, left where bytes were not valid UTF-8; it is not clean UTF-8 text',
    );
  }
  const forbidden = FORBIDDEN_CHARACTER.exec(text);
  if (forbidden) {
    const code = forbidden[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    return issue(
      lineOf(text, forbidden.index),
      'file',
      `the file contains the control character U+${code}, which XML does not allow; it looks binary, not XML text`,
    );
  }
  const start = text.trimStart();
  if (!start.startsWith('<')) {
    return issue(1, 'file', 'the file is not XML: it does not start with "<"');
  }
  const doctype = text.search(/<!DOCTYPE/i);
  if (doctype !== -1) {
    return issue(
      lineOf(text, doctype),
      'DOCTYPE',
      'the file declares a DOCTYPE; IATI files never need one, and it is refused because it could define ' +
        'entities (XML external entity or entity-expansion attack)',
    );
  }
  const entity = text.search(/<!ENTITY/i);
  if (entity !== -1) {
    return issue(
      lineOf(text, entity),
      'ENTITY',
      'the file declares an ENTITY; IATI files never need one, and it is refused because entities can read ' +
        'local files (XML external entity) or expand without bound (entity-expansion attack)',
    );
  }
  const encoding = ENCODING_DECLARATION.exec(start)?.[1];
  if (encoding && !/^utf-?8$/i.test(encoding)) {
    return issue(
      1,
      'encoding',
      `the file declares encoding "${encoding}"; IATI files are read only in UTF-8, so convert it and declare UTF-8`,
    );
  }
  return { ok: true, text };
}
