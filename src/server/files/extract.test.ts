import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractText, extractTextSafe, MAX_EXTRACTED_CHARS, normaliseWhitespace } from './extract.js';
import { FILE_TYPES } from './limits.js';

const fixturePath = (name: string) => join(import.meta.dirname, '../../../tests/fixtures/files', name);
const fixture = (name: string) => new Uint8Array(readFileSync(fixturePath(name)));
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('extractText', () => {
  it('extracts the multilingual text of the PDF fixture', async () => {
    const text = await extractText(FILE_TYPES.pdf, fixture('school-feeding.pdf'));
    expect(text).toContain('School feeding programme');
    expect(text).toContain('Alimentation scolaire');
    expect(text).toContain('Resource library test document');
    expect(text).toContain('学校供餐');
  });

  it('extracts the text of the DOCX fixture', async () => {
    const text = await extractText(FILE_TYPES.docx, fixture('working-group-notes.docx'));
    expect(text).toBe(
      'School feeding programme — Alimentation scolaire — 学校供餐\n\n' +
        'Working group shared notes: home-grown school meals and local procurement.',
    );
  });

  it("reads a Node Buffer without detaching or altering the caller's bytes", async () => {
    const buffer = readFileSync(fixturePath('school-feeding.pdf'));
    const copy = Buffer.from(buffer);
    expect(await extractText(FILE_TYPES.pdf, buffer)).toContain('Alimentation scolaire');
    expect(buffer.byteLength).toBe(copy.byteLength);
    expect(buffer.equals(copy)).toBe(true);

    const docx = readFileSync(fixturePath('working-group-notes.docx'));
    expect(await extractText(FILE_TYPES.docx, docx)).toContain('Working group shared notes');
  });

  it('decodes text and CSV as UTF-8 and normalises whitespace', async () => {
    const csv = utf8('\uFEFFPays,Montant\r\nSénégal,\t1200\r\n\r\n\r\n\r\n学校,3\r\n');
    expect(await extractText(FILE_TYPES.csv, csv)).toBe('Pays,Montant\nSénégal, 1200\n\n学校,3');
    expect(await extractText('text/plain; charset=utf-8', utf8('  Hello\u00A0\u00A0world  '))).toBe(
      'Hello world',
    );
  });

  it('returns an empty string, without an error, for types it does not read', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(await extractTextSafe(FILE_TYPES.png, png)).toEqual({ text: '' });
    expect(await extractTextSafe(FILE_TYPES.xlsx, utf8('PK\u0003\u0004'))).toEqual({ text: '' });
    expect(await extractTextSafe('application/octet-stream', utf8('anything'))).toEqual({ text: '' });
  });

  it('caps the text at 200,000 characters', async () => {
    expect(MAX_EXTRACTED_CHARS).toBe(200_000);
    const long = utf8('word '.repeat(60_000));
    const text = await extractText(FILE_TYPES.txt, long);
    expect(text.length).toBeLessThanOrEqual(MAX_EXTRACTED_CHARS);
    expect(text.length).toBeGreaterThan(MAX_EXTRACTED_CHARS - 10);
    expect(text.startsWith('word word')).toBe(true);
  });

  it('does not split a surrogate pair when capping', async () => {
    const text = await extractText(FILE_TYPES.txt, utf8(`${'a'.repeat(MAX_EXTRACTED_CHARS - 1)}😀tail`));
    expect(text).toBe('a'.repeat(MAX_EXTRACTED_CHARS - 1));
  });
});

describe('extractTextSafe with corrupt files', () => {
  it('returns an empty string and an error for a corrupt PDF', async () => {
    const corrupt = utf8('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R\ngarbage without xref or trailer');
    const result = await extractTextSafe(FILE_TYPES.pdf, corrupt);
    expect(result.text).toBe('');
    expect(result.error).toEqual(expect.any(String));
    expect(result.error).not.toBe('');
    await expect(extractText(FILE_TYPES.pdf, corrupt)).resolves.toBe('');
  });

  it('returns an empty string and an error for a truncated PDF fixture', async () => {
    const truncated = fixture('school-feeding.pdf').slice(0, 40);
    const result = await extractTextSafe(FILE_TYPES.pdf, truncated);
    expect(result.text).toBe('');
    expect(result.error).toBeTruthy();
  });

  it('returns an empty string and an error for a corrupt DOCX', async () => {
    const truncated = fixture('working-group-notes.docx').slice(0, 200);
    const result = await extractTextSafe(FILE_TYPES.docx, truncated);
    expect(result.text).toBe('');
    expect(result.error).toBeTruthy();
    await expect(extractText(FILE_TYPES.docx, truncated)).resolves.toBe('');
  });

  it('returns an empty string and an error for an empty PDF', async () => {
    const result = await extractTextSafe(FILE_TYPES.pdf, new Uint8Array(0));
    expect(result.text).toBe('');
    expect(result.error).toBeTruthy();
  });
});

describe('normaliseWhitespace', () => {
  it('collapses spaces, trims lines and limits blank lines', () => {
    expect(normaliseWhitespace(' a \t b \n\n\n\n  c\u3000d\u200Be\u0007f ')).toBe('a b\n\nc de f');
  });

  it('composes characters to NFC', () => {
    expect(normaliseWhitespace('Se\u0301ne\u0301gal')).toBe('Sénégal');
  });
});
