import { createHash } from 'node:crypto';
import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';
import { fieldErrorsFromZod } from '../../errors.js';
import type { Viewer } from '../access/policy.js';
import type { SolutionLifecycle } from './lifecycle.js';
import { SolutionInput } from './schema.js';

/** A list field in CSV: codes separated by `;`, `|` or `,`. */
const listField = z
  .union([z.array(z.string()), z.string()])
  .optional()
  .transform((value) =>
    value === undefined
      ? []
      : (Array.isArray(value) ? value : value.split(/[;|,]/)).map((v) => v.trim()).filter(Boolean),
  );

/** One item of an import file. `key` (or `id`) makes re-imports update instead of duplicate. */
export const ImportRow = z.object({
  key: z.string().trim().max(200).optional(),
  id: z.string().trim().max(200).optional(),
  title: z.string(),
  summary: z.string(),
  language: z.string(),
  countries: listField,
  provider: z
    .union([z.string(), z.array(z.string())])
    .transform((value) =>
      (Array.isArray(value) ? value : value.split(/[;|]/)).map((v) => v.trim()).filter(Boolean),
    ),
  description: z.string().optional(),
  themes: listField,
  sdgTargets: listField,
  modalities: listField,
});

export type ImportProblem = { row: number; field: string; message: string };

export type ImportReport = {
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  invalid: ImportProblem[];
};

/** Reads a JSON array or a CSV with a header row into plain objects. */
export function readImportFile(text: string, format: 'json' | 'csv'): Array<Record<string, unknown>> {
  if (format === 'json') {
    const data: unknown = JSON.parse(text);
    if (!Array.isArray(data)) throw new Error('A JSON import file must hold an array of solutions');
    return data as Array<Record<string, unknown>>;
  }
  return parseCsv(text, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Array<
    Record<string, unknown>
  >;
}

/** The stable key of an import row: its own key or id, else a digest of language, title and provider. */
export function importKeyOf(row: z.infer<typeof ImportRow>): string {
  const own = row.key ?? row.id;
  if (own) return own;
  const digest = createHash('sha256').update(
    `${row.language}\n${row.title.trim().toLowerCase()}\n${row.provider.join(';')}`,
  );
  return `sha256:${digest.digest('hex').slice(0, 32)}`;
}

/**
 * Imports solutions. Every row is checked first and every problem reported by row number and
 * field; valid rows are then created or, when their key was imported before, updated. Each row
 * is written in its own transaction, so a failure never leaves half a record.
 */
export async function importSolutions(
  lifecycle: SolutionLifecycle,
  viewer: Viewer,
  items: Array<Record<string, unknown>>,
  options: { dryRun?: boolean; publish?: boolean; onProgress?: (done: number) => void } = {},
): Promise<ImportReport> {
  const report: ImportReport = { total: items.length, created: 0, updated: 0, unchanged: 0, invalid: [] };
  const valid: Array<{ row: number; key: string; input: z.infer<typeof SolutionInput> }> = [];
  const keys = new Map<string, number>();

  items.forEach((item, index) => {
    const row = index + 1;
    const parsed = ImportRow.safeParse(item);
    if (!parsed.success) {
      for (const e of fieldErrorsFromZod(parsed.error.issues, '')) report.invalid.push({ row, ...e });
      return;
    }
    const input = SolutionInput.safeParse({
      language: parsed.data.language,
      title: parsed.data.title,
      summary: parsed.data.summary,
      description: parsed.data.description || undefined,
      countries: parsed.data.countries.map((c) => c.toUpperCase()),
      providers: parsed.data.provider,
      themes: parsed.data.themes,
      sdgTargets: parsed.data.sdgTargets,
      modalities: parsed.data.modalities,
    });
    if (!input.success) {
      for (const e of fieldErrorsFromZod(input.error.issues, '')) {
        report.invalid.push({ row, field: e.field.replace(/^providers/, 'provider'), message: e.message });
      }
      return;
    }
    const key = importKeyOf(parsed.data);
    if (keys.has(key)) {
      report.invalid.push({ row, field: 'key', message: `repeats row ${keys.get(key)}` });
      return;
    }
    keys.set(key, row);
    valid.push({ row, key, input: input.data });
  });

  const ctx = { viewer };
  let done = 0;
  for (const { row, key, input } of valid) {
    try {
      const existing = await lifecycle.findByImportKey(key);
      if (options.dryRun) {
        await lifecycle.check(input);
      } else if (!existing) {
        const created = await lifecycle.create(ctx, input, { importKey: key });
        if (options.publish) {
          await lifecycle.transition(ctx, created.id, 'submit', 'Imported');
          await lifecycle.transition(ctx, created.id, 'publish', 'Imported');
        }
        report.created++;
      } else if (await lifecycle.differs(existing, input)) {
        // Only the fields an import file carries; tags left empty in the file stay as they are.
        await lifecycle.update(ctx, existing.id, {
          title: input.title,
          summary: input.summary,
          ...(input.description ? { description: input.description } : {}),
          countries: input.countries,
          providers: input.providers,
          modalities: input.modalities,
          ...(input.themes.length ? { themes: input.themes } : {}),
          ...(input.sdgTargets.length ? { sdgTargets: input.sdgTargets } : {}),
        });
        report.updated++;
      } else {
        report.unchanged++;
      }
    } catch (error) {
      const problems = (error as { errors?: Array<{ field: string; message: string }> }).errors;
      if (!problems?.length) throw error;
      for (const e of problems) {
        report.invalid.push({
          row,
          field: e.field.replace(/^body\./, '').replace(/^providers/, 'provider'),
          message: e.message,
        });
      }
    }
    options.onProgress?.(++done);
  }
  report.invalid.sort((a, b) => a.row - b.row || a.field.localeCompare(b.field));
  return report;
}
