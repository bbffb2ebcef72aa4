import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { Role, Viewer } from '../modules/access/policy.js';
import { guard } from './auth.js';
import type { AppEnv } from './context.js';
import { errorResponses } from './openapi.js';

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

/** The `format` query parameter of export endpoints. */
export const formatParam = { format: z.enum(EXPORT_FORMATS).default('csv') };

/**
 * Registers `GET {path}`: the filtered list as a CSV or XLSX file, every matching row (up to
 * 10,000), with the columns given.
 */
export function registerExport<Row, Q extends z.ZodObject>(
  app: OpenAPIHono<AppEnv>,
  options: {
    path: string;
    tag: string;
    name: string;
    query: Q;
    columns: Column<Row>[];
    rows: (viewer: Viewer, filters: z.infer<Q>) => Promise<Row[]>;
    /** The least role that may export (see http/auth.ts guard); public lists leave it out. */
    role?: Role;
  },
) {
  app.openapi(
    createRoute({
      method: 'get',
      path: options.path,
      ...(options.role ? { middleware: [guard(options.role)] as const } : {}),
      tags: [options.tag],
      summary: `Export the filtered list of ${options.name} as CSV or XLSX (up to 10,000 rows)`,
      request: { query: options.query },
      responses: {
        200: {
          description: 'The file',
          content: {
            'text/csv': { schema: z.string() },
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string() },
          },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const query = c.req.valid('query' as never) as z.infer<Q> & { format: ExportFormat };
      const rows = await options.rows(c.get('viewer'), query);
      const file = await exportFile(query.format, options.name, options.columns, rows);
      return c.body(file.body as unknown as ArrayBuffer, 200, file.headers);
    },
  );
}
