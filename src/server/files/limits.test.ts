import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ALLOWED_TYPES, checkUpload, FILE_TYPES, MAX_UPLOAD_BYTES, sniffType } from './limits.js';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(join(import.meta.dirname, '../../../tests/fixtures/files', name)));

const PDF = fixture('school-feeding.pdf');
const DOCX = fixture('working-group-notes.docx');
const utf8 = (s: string) => new TextEncoder().encode(s);
const bytes = (...values: number[]) => new Uint8Array(values);

const PNG_HEADER = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d];
const JPEG_HEADER = [0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46];

/** A minimal zip with stored (uncompressed) entries; CRCs are left at 0 as only names are read. */
function storedZip(entries: Record<string, string | Uint8Array>): Uint8Array {
  const local: number[] = [];
  const central: number[] = [];
  const u16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
  const u32 = (n: number) => [...u16(n & 0xffff), ...u16(n >>> 16)];
  let count = 0;
  for (const [name, value] of Object.entries(entries)) {
    const nameBytes = [...utf8(name)];
    const data = typeof value === 'string' ? utf8(value) : value;
    const sizes = [...u32(0), ...u32(data.length), ...u32(data.length)];
    const offset = local.length;
    local.push(...u32(0x04034b50), ...u16(20), ...u16(0), ...u16(0), ...u32(0), ...sizes);
    local.push(...u16(nameBytes.length), ...u16(0), ...nameBytes, ...data);
    central.push(...u32(0x02014b50), ...u16(20), ...u16(20), ...u16(0), ...u16(0), ...u32(0), ...sizes);
    central.push(...u16(nameBytes.length), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(0));
    central.push(...u32(offset), ...nameBytes);
    count++;
  }
  const eocd = [...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(count), ...u16(count)];
  eocd.push(...u32(central.length), ...u32(local.length), ...u16(0));
  return new Uint8Array([...local, ...central, ...eocd]);
}

async function xlsxBytes(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Budget').addRow(['Country', 'Amount']);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('limits', () => {
  it('exports a 10 MB limit and the allowed types', () => {
    expect(MAX_UPLOAD_BYTES).toBe(10 * 1024 * 1024);
    expect([...ALLOWED_TYPES].sort()).toEqual(
      [
        'application/pdf',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'text/plain',
        'text/csv',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'image/png',
        'image/jpeg',
      ].sort(),
    );
  });
});

describe('sniffType', () => {
  it('recognises the PDF and DOCX fixtures', () => {
    expect(sniffType(PDF, 'school-feeding.pdf')).toBe(FILE_TYPES.pdf);
    expect(sniffType(DOCX, 'working-group-notes.docx')).toBe(FILE_TYPES.docx);
  });

  it('decides by content, not by name', () => {
    expect(sniffType(PDF, 'report.docx')).toBe(FILE_TYPES.pdf);
    expect(sniffType(DOCX, 'notes.pdf')).toBe(FILE_TYPES.docx);
  });

  it('tells XLSX from DOCX', async () => {
    expect(sniffType(await xlsxBytes(), 'budget.xlsx')).toBe(FILE_TYPES.xlsx);
  });

  it('refuses a zip that is neither DOCX nor XLSX', () => {
    expect(sniffType(storedZip({ 'readme.txt': 'hello', 'word.txt': 'x' }), 'archive.docx')).toBeNull();
    expect(sniffType(bytes(0x50, 0x4b, 0x03, 0x04, ...utf8('payload/readme.txt')), 'a.docx')).toBeNull();
  });

  it('reads entry names from the central directory, ignoring embedded files', async () => {
    const docxWithSheet = storedZip({
      '[Content_Types].xml': '<Types/>',
      'word/document.xml': '<w:document/>',
      'word/embeddings/Microsoft_Excel_Worksheet.xlsx': storedZip({ 'xl/workbook.xml': '<workbook/>' }),
    });
    expect(sniffType(docxWithSheet, 'report.docx')).toBe(FILE_TYPES.docx);
    const xlsxWithNote = storedZip({ 'xl/workbook.xml': '<workbook/>', 'xl/notes.txt': 'word/document.xml' });
    expect(sniffType(xlsxWithNote, 'budget.xlsx')).toBe(FILE_TYPES.xlsx);
  });

  it('falls back to a byte search when the central directory is missing', () => {
    const zip = storedZip({ 'word/document.xml': '<w:document/>' });
    const truncated = zip.subarray(0, zip.length - 22);
    expect(sniffType(truncated, 'broken.docx')).toBe(FILE_TYPES.docx);
  });

  it('recognises PNG and JPEG by their magic bytes', () => {
    expect(sniffType(bytes(...PNG_HEADER), 'logo.png')).toBe(FILE_TYPES.png);
    expect(sniffType(bytes(...JPEG_HEADER), 'photo.jpg')).toBe(FILE_TYPES.jpeg);
    expect(sniffType(bytes(0x89, 0x50, 0x4e), 'short.png')).toBeNull();
  });

  it('accepts UTF-8 text under .txt and .csv names only', () => {
    const text = utf8('Pays,Montant\nSénégal,1200\n学校,3\n');
    expect(sniffType(text, 'figures.csv')).toBe(FILE_TYPES.csv);
    expect(sniffType(text, 'FIGURES.CSV')).toBe(FILE_TYPES.csv);
    expect(sniffType(text, 'notes.txt')).toBe(FILE_TYPES.txt);
    expect(sniffType(text, 'notes.pdf')).toBeNull();
    expect(sniffType(text, 'notes')).toBeNull();
  });

  it('refuses text with NUL bytes or invalid UTF-8', () => {
    expect(sniffType(bytes(0x61, 0x00, 0x62), 'nul.txt')).toBeNull();
    expect(sniffType(bytes(0x61, 0xc3, 0x28), 'latin.csv')).toBeNull();
    expect(sniffType(bytes(0x61, 0xe9, 0x62), 'latin1.txt')).toBeNull();
  });

  it('refuses HTML, SVG and XML even under a text name', () => {
    expect(sniffType(utf8('<!DOCTYPE html><html><body>x</body></html>'), 'page.txt')).toBeNull();
    expect(sniffType(utf8('\uFEFF  <script>alert(1)</script>'), 'data.csv')).toBeNull();
    expect(sniffType(utf8('<svg xmlns="http://www.w3.org/2000/svg"></svg>'), 'icon.txt')).toBeNull();
    expect(sniffType(utf8('<?xml version="1.0"?><a/>'), 'feed.txt')).toBeNull();
    expect(sniffType(utf8('<3 school meals'), 'note.txt')).toBe(FILE_TYPES.txt);
  });

  it('returns null for an empty buffer', () => {
    expect(sniffType(new Uint8Array(0), 'empty.txt')).toBeNull();
  });
});

describe('checkUpload', () => {
  it('accepts the fixtures with or without a declared type', () => {
    expect(checkUpload({ name: 'school-feeding.pdf', bytes: PDF })).toEqual({
      ok: true,
      type: FILE_TYPES.pdf,
      size: PDF.length,
    });
    expect(checkUpload({ name: 'school-feeding.pdf', bytes: PDF, declaredType: 'application/pdf' })).toEqual({
      ok: true,
      type: FILE_TYPES.pdf,
      size: PDF.length,
    });
    expect(checkUpload({ name: 'notes.docx', bytes: DOCX, declaredType: FILE_TYPES.docx })).toEqual({
      ok: true,
      type: FILE_TYPES.docx,
      size: DOCX.length,
    });
    expect(
      checkUpload({ name: 'notes.docx', bytes: DOCX, declaredType: 'application/octet-stream' }),
    ).toMatchObject({ ok: true, type: FILE_TYPES.docx });
  });

  it('refuses an empty file', () => {
    expect(checkUpload({ name: 'blank.pdf', bytes: new Uint8Array(0) })).toEqual({
      ok: false,
      field: 'file',
      code: 'empty',
      message: 'The file is empty.',
    });
  });

  it('refuses a file one byte over the limit and names the limit', () => {
    const big = new Uint8Array(MAX_UPLOAD_BYTES + 1);
    big.set(utf8('%PDF-1.4\n'));
    const result = checkUpload({ name: 'big.pdf', bytes: big, declaredType: 'application/pdf' });
    expect(result).toEqual({
      ok: false,
      field: 'file',
      code: 'too_large',
      message: 'The file is 10.1 MB; the limit is 10 MB.',
    });
  });

  it('reports the size of a larger file in MB', () => {
    const result = checkUpload({ name: 'big.pdf', bytes: new Uint8Array(Math.floor(12.3 * 1024 * 1024)) });
    expect(result).toMatchObject({ code: 'too_large', message: 'The file is 12.3 MB; the limit is 10 MB.' });
  });

  it('accepts a file of exactly the limit', () => {
    const max = new Uint8Array(MAX_UPLOAD_BYTES);
    max.set(utf8('%PDF-1.4\n'));
    expect(checkUpload({ name: 'max.pdf', bytes: max })).toMatchObject({ ok: true, size: MAX_UPLOAD_BYTES });
  });

  it('refuses an HTML file renamed to .pdf as an unsupported type', () => {
    const html = utf8('<html><body><script>document.location="https://evil.example"</script></body></html>');
    for (const declaredType of [undefined, 'application/pdf', 'text/html']) {
      const result = checkUpload({ name: 'report.pdf', bytes: html, declaredType });
      expect(result).toMatchObject({ ok: false, field: 'file', code: 'unsupported_type' });
    }
  });

  it('refuses an executable renamed to .pdf', () => {
    const exe = bytes(0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00);
    const result = checkUpload({ name: 'invoice.pdf', bytes: exe, declaredType: 'application/pdf' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe('unsupported_type');
      expect(result.message).toMatch(/PDF.*Word.*Excel.*CSV/);
    }
  });

  it('reports a DOCX declared as application/pdf as a type mismatch', () => {
    expect(checkUpload({ name: 'notes.pdf', bytes: DOCX, declaredType: 'application/pdf' })).toEqual({
      ok: false,
      field: 'file',
      code: 'type_mismatch',
      message: 'The file is labelled as a PDF, but it is actually a Word document (.docx).',
    });
  });

  it('reports an unknown declared type that disagrees with the content', () => {
    const result = checkUpload({ name: 'notes.txt', bytes: utf8('hello'), declaredType: 'text/html' });
    expect(result).toMatchObject({
      code: 'type_mismatch',
      message: 'The file is labelled as text/html, but it is actually a plain text file.',
    });
  });

  it('tolerates common variants of declared types', async () => {
    const csv = utf8('a,b\n1,2\n');
    const cases: Array<[string, Uint8Array, string, string]> = [
      ['figures.csv', csv, 'application/vnd.ms-excel', FILE_TYPES.csv],
      ['figures.csv', csv, 'text/plain; charset=UTF-8', FILE_TYPES.csv],
      ['notes.txt', csv, 'text/csv', FILE_TYPES.txt],
      ['photo.jpg', bytes(...JPEG_HEADER), 'image/jpg', FILE_TYPES.jpeg],
      ['doc.pdf', PDF, 'APPLICATION/PDF', FILE_TYPES.pdf],
      ['notes.docx', DOCX, 'application/zip', FILE_TYPES.docx],
      ['budget.xlsx', await xlsxBytes(), FILE_TYPES.xlsx, FILE_TYPES.xlsx],
      ['logo.png', bytes(...PNG_HEADER), '', FILE_TYPES.png],
    ];
    for (const [name, content, declaredType, type] of cases) {
      expect(checkUpload({ name, bytes: content, declaredType }), `${name} as ${declaredType}`).toMatchObject(
        {
          ok: true,
          type,
        },
      );
    }
  });

  it('does not accept a zip declaration for a PDF', () => {
    expect(checkUpload({ name: 'doc.pdf', bytes: PDF, declaredType: 'application/zip' })).toMatchObject({
      code: 'type_mismatch',
    });
  });
});
