/**
 * Upload limits and content sniffing for stored documents (resource library,
 * working-group shared documents).
 *
 * The type stored with a file is always the one decided from its bytes by
 * `sniffType`, never the one the browser declared, so a file can only ever be
 * served back as one of `ALLOWED_TYPES`.
 */

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export const FILE_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  txt: 'text/plain',
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  png: 'image/png',
  jpeg: 'image/jpeg',
} as const;

export type AllowedType = (typeof FILE_TYPES)[keyof typeof FILE_TYPES];

export const ALLOWED_TYPES: readonly AllowedType[] = Object.freeze(Object.values(FILE_TYPES));

/** Human-readable names, used in error messages. */
const TYPE_LABELS: Record<AllowedType, string> = {
  [FILE_TYPES.pdf]: 'a PDF',
  [FILE_TYPES.docx]: 'a Word document (.docx)',
  [FILE_TYPES.txt]: 'a plain text file',
  [FILE_TYPES.csv]: 'a CSV file',
  [FILE_TYPES.xlsx]: 'an Excel spreadsheet (.xlsx)',
  [FILE_TYPES.png]: 'a PNG image',
  [FILE_TYPES.jpeg]: 'a JPEG image',
};

const ALLOWED_SUMMARY = 'PDF, Word (.docx), Excel (.xlsx), CSV, plain text (.txt), PNG and JPEG';

/** Extensions under which valid UTF-8 text is accepted. */
const TEXT_EXTENSIONS: Record<string, AllowedType> = {
  txt: FILE_TYPES.txt,
  text: FILE_TYPES.txt,
  csv: FILE_TYPES.csv,
};

/**
 * Declared (browser-supplied) types that mean the same thing as one of ours.
 * Windows browsers commonly declare .csv files as application/vnd.ms-excel.
 */
const DECLARED_ALIASES: Record<string, AllowedType> = {
  'application/x-pdf': FILE_TYPES.pdf,
  'image/jpg': FILE_TYPES.jpeg,
  'image/pjpeg': FILE_TYPES.jpeg,
  'image/x-png': FILE_TYPES.png,
  'application/csv': FILE_TYPES.csv,
  'application/x-csv': FILE_TYPES.csv,
  'text/x-csv': FILE_TYPES.csv,
  'text/comma-separated-values': FILE_TYPES.csv,
  'application/vnd.ms-excel': FILE_TYPES.csv,
};

/** Declared types that say nothing about the content. */
const GENERIC_DECLARED = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

/** Declared zip types that are acceptable for an Office Open XML file. */
const ZIP_DECLARED = new Set(['application/zip', 'application/x-zip-compressed']);

const PDF_MAGIC = bytesOf('%PDF-');
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_MAGIC = [0xff, 0xd8, 0xff];
const DOCX_MARKER = bytesOf('word/document.xml');
const XLSX_MARKER = bytesOf('xl/workbook.xml');

/**
 * Decides the real type of a file from its bytes. Returns null when the
 * content is not one of the allowed types (including HTML, SVG, scripts and
 * executables, whatever their name).
 *
 * Binary formats are recognised by their magic bytes alone; UTF-8 text is only
 * accepted when the name ends in .txt/.text (text/plain) or .csv (text/csv).
 */
export function sniffType(bytes: Uint8Array, declaredName: string): AllowedType | null {
  if (bytes.length === 0) return null;
  if (startsWith(bytes, PDF_MAGIC)) return FILE_TYPES.pdf;
  if (startsWith(bytes, PNG_MAGIC)) return FILE_TYPES.png;
  if (startsWith(bytes, JPEG_MAGIC)) return FILE_TYPES.jpeg;
  if (startsWith(bytes, ZIP_MAGIC)) return sniffOfficeZip(bytes);
  const textType = TEXT_EXTENSIONS[extensionOf(declaredName)];
  if (textType && isPlainUtf8Text(bytes)) return textType;
  return null;
}

export type UploadErrorCode = 'too_large' | 'empty' | 'unsupported_type' | 'type_mismatch';

export type UploadCheckResult =
  | { ok: true; type: AllowedType; size: number }
  | { ok: false; field: 'file'; code: UploadErrorCode; message: string };

export interface UploadInput {
  /** The file name as supplied by the client (only its extension is used). */
  name: string;
  bytes: Uint8Array;
  /** The client-declared MIME type, e.g. `File.type` or the multipart Content-Type. */
  declaredType?: string | null;
}

/**
 * Validates an upload: not empty, within `MAX_UPLOAD_BYTES`, content of an
 * allowed type, and (when the client declared a specific type) consistent with
 * that declaration. On success `type` is the sniffed type to store.
 */
export function checkUpload({ name, bytes, declaredType }: UploadInput): UploadCheckResult {
  const size = bytes.length;
  if (size === 0) return fail('empty', 'The file is empty.');
  if (size > MAX_UPLOAD_BYTES) {
    return fail(
      'too_large',
      `The file is ${formatMegabytes(size)} MB; the limit is ${formatMegabytes(MAX_UPLOAD_BYTES)} MB.`,
    );
  }

  const type = sniffType(bytes, name);
  if (!type) {
    return fail(
      'unsupported_type',
      `This type of file can't be uploaded. Allowed types are ${ALLOWED_SUMMARY}.`,
    );
  }

  const declared = normaliseDeclaredType(declaredType);
  if (declared !== null && !declaredMatches(declared, type)) {
    const claimed = isAllowedType(declared) ? TYPE_LABELS[declared] : declared;
    return fail(
      'type_mismatch',
      `The file is labelled as ${claimed}, but it is actually ${TYPE_LABELS[type]}.`,
    );
  }

  return { ok: true, type, size };
}

export function isAllowedType(type: string): type is AllowedType {
  return (ALLOWED_TYPES as readonly string[]).includes(type);
}

function fail(code: UploadErrorCode, message: string): UploadCheckResult {
  return { ok: false, field: 'file', code, message };
}

/** Lower-cases, strips parameters (`; charset=...`) and resolves aliases; null means "not declared". */
function normaliseDeclaredType(declared: string | null | undefined): string | null {
  const base = (declared ?? '').split(';')[0]!.trim().toLowerCase();
  if (GENERIC_DECLARED.has(base)) return null;
  return DECLARED_ALIASES[base] ?? base;
}

function declaredMatches(declared: string, sniffed: AllowedType): boolean {
  if (declared === sniffed) return true;
  const isText = (t: string) => t === FILE_TYPES.txt || t === FILE_TYPES.csv;
  // A .csv is often declared text/plain and vice versa; the extension decides.
  if (isText(declared) && isText(sniffed)) return true;
  if (ZIP_DECLARED.has(declared)) return sniffed === FILE_TYPES.docx || sniffed === FILE_TYPES.xlsx;
  return false;
}

/** Size in MB (1 MB = 1024 × 1024 bytes), one decimal, rounded up so an oversized file never shows as the limit. */
function formatMegabytes(bytes: number): string {
  const mb = Math.ceil((bytes / (1024 * 1024)) * 10) / 10;
  return Number.isInteger(mb) ? String(mb) : mb.toFixed(1);
}

function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0
    ? base
        .slice(dot + 1)
        .trim()
        .toLowerCase()
    : '';
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Valid UTF-8, no NUL bytes, and not markup a browser would sniff as HTML/XML
 * (defence in depth in case the file is ever served without `nosniff`).
 */
function isPlainUtf8Text(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return false;
  }
  return !looksLikeMarkup(text);
}

// Patterns from the WHATWG MIME Sniffing "rules for identifying an unknown MIME type".
const MARKUP_START =
  /^<(?:!doctype html|html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p|svg|object|embed)(?:[\s>/]|$)|^<!--|^<\?xml/i;

function looksLikeMarkup(text: string): boolean {
  return MARKUP_START.test(text.replace(/^[\uFEFF\s]+/, '').slice(0, 64));
}

/**
 * DOCX vs XLSX: looks for `word/document.xml` / `xl/workbook.xml` among the
 * entry names of the zip's central directory. If the directory can't be read
 * (e.g. Zip64), falls back to a plain byte search. A match for both is
 * refused as ambiguous.
 */
function sniffOfficeZip(bytes: Uint8Array): AllowedType | null {
  const names = zipEntryNames(bytes);
  const isDocx = names ? names.has('word/document.xml') : indexOf(bytes, DOCX_MARKER) !== -1;
  const isXlsx = names ? names.has('xl/workbook.xml') : indexOf(bytes, XLSX_MARKER) !== -1;
  if (isDocx && !isXlsx) return FILE_TYPES.docx;
  if (isXlsx && !isDocx) return FILE_TYPES.xlsx;
  return null;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_ENTRY_SIGNATURE = 0x02014b50;

/** Entry names from the central directory, or null when it can't be located or read. */
function zipEntryNames(bytes: Uint8Array): Set<string> | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is 22 bytes plus a comment of up to 65,535 bytes.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1) return null;
  const count = view.getUint16(eocd + 10, true);
  const offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff) return null; // Zip64
  const names = new Set<string>();
  const latin1 = new TextDecoder('latin1');
  let pos = offset;
  for (let n = 0; n < count; n++) {
    if (pos + 46 > bytes.length || view.getUint32(pos, true) !== CENTRAL_ENTRY_SIGNATURE) return null;
    const nameLength = view.getUint16(pos + 28, true);
    const extraLength = view.getUint16(pos + 30, true);
    const commentLength = view.getUint16(pos + 32, true);
    if (pos + 46 + nameLength > bytes.length) return null;
    names.add(latin1.decode(bytes.subarray(pos + 46, pos + 46 + nameLength)));
    pos += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

function bytesOf(ascii: string): number[] {
  return Array.from(ascii, (c) => c.charCodeAt(0));
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}

function indexOf(bytes: Uint8Array, needle: readonly number[]): number {
  const first = needle[0]!;
  const last = bytes.length - needle.length;
  for (let i = bytes.indexOf(first); i !== -1 && i <= last; i = bytes.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && bytes[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
  }
  return -1;
}
