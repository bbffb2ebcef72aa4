import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';

/** One column of an exported table. */
export type Column<T> = { header: string; value: (row: T) => string | number | null | undefined };

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Renders rows as a CSV (UTF-8 with BOM, so spreadsheet programs read non-Latin text) or an XLSX file. */
export async function exportFile<T>(
  format: ExportFormat,
  name: string,
  columns: Column<T>[],
  rows: T[],
): Promise<{ body: Uint8Array; headers: Record<string, string> }> {
  const values = rows.map((row) => columns.map((column) => column.value(row) ?? ''));
  const disposition = (extension: string) => `attachment; filename="${name}.${extension}"`;
  if (format === 'csv') {
    const csv = stringify([columns.map((c) => c.header), ...values], { bom: true });
    return {
      body: new TextEncoder().encode(csv),
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': disposition('csv') },
    };
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Southbridge';
  const sheet = workbook.addWorksheet(name);
  sheet.columns = columns.map((c) => ({
    header: c.header,
    key: c.header,
    width: Math.min(60, Math.max(12, c.header.length + 2)),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of values) sheet.addRow(row);
  const buffer = await workbook.xlsx.writeBuffer();
  return {
    body: new Uint8Array(buffer as ArrayBuffer),
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': disposition('xlsx'),
    },
  };
}
