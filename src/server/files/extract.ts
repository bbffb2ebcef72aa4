/**
 * Text extraction from stored documents, for search indexing.
 *
 * Extraction never throws: a corrupt or unreadable file yields '' (and, from
 * `extractTextSafe`, an error message for the caller to log).
 */
import mammoth from 'mammoth';
import { getDocumentProxy } from 'unpdf';
import { FILE_TYPES } from './limits.js';

/** Upper bound on the length of the returned text (in UTF-16 code units). */
export const MAX_EXTRACTED_CHARS = 200_000;

export interface ExtractResult {
  text: string;
  /** Set when the file could not be read; `text` is then ''. */
  error?: string;
}

/** Extracts searchable text; returns '' for unsupported types and unreadable files. */
export async function extractText(type: string, bytes: Uint8Array): Promise<string> {
  return (await extractTextSafe(type, bytes)).text;
}

/** Like `extractText`, but also reports why extraction failed. */
export async function extractTextSafe(type: string, bytes: Uint8Array): Promise<ExtractResult> {
  try {
    switch (type.split(';')[0]!.trim().toLowerCase()) {
      case FILE_TYPES.pdf:
        return { text: await extractPdf(bytes) };
      case FILE_TYPES.docx:
        return { text: await extractDocx(bytes) };
      case FILE_TYPES.txt:
      case FILE_TYPES.csv:
        return { text: capText(normaliseWhitespace(new TextDecoder('utf-8').decode(bytes))) };
      default:
        return { text: '' };
    }
  } catch (err) {
    return { text: '', error: describeError(err) };
  }
}

async function extractPdf(bytes: Uint8Array): Promise<string> {
  // pdf.js may take ownership of (detach) the buffer it is given and refuses
  // Node Buffers, so hand it a private plain Uint8Array copy.
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  try {
    const pages: string[] = [];
    let length = 0;
    for (let n = 1; n <= pdf.numPages && length < MAX_EXTRACTED_CHARS; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      let raw = '';
      for (const item of content.items) {
        if ('str' in item) raw += item.str + (item.hasEOL ? '\n' : '');
      }
      page.cleanup();
      const text = normaliseWhitespace(raw);
      if (text) {
        pages.push(text);
        length += text.length + 2;
      }
    }
    return capText(pages.join('\n\n'));
  } finally {
    await pdf.destroy();
  }
}

async function extractDocx(bytes: Uint8Array): Promise<string> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const result = await mammoth.extractRawText({ buffer });
  return capText(normaliseWhitespace(result.value));
}

/**
 * NFC-normalises, turns control characters and Unicode spaces into plain
 * spaces, drops zero-width characters, collapses runs of spaces, trims lines
 * and keeps at most one blank line between paragraphs.
 */
export function normaliseWhitespace(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    .replace(/[^\P{Cc}\n]|\p{Zs}/gu, ' ')
    .replace(/ {2,}/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function capText(text: string): string {
  if (text.length <= MAX_EXTRACTED_CHARS) return text;
  let end = MAX_EXTRACTED_CHARS;
  // Do not split a surrogate pair.
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end).trimEnd();
}

function describeError(err: unknown): string {
  if (err instanceof Error) {
    return err.name && err.name !== 'Error' ? `${err.name}: ${err.message}` : err.message;
  }
  return String(err);
}
