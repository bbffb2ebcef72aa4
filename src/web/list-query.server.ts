import type { z } from 'zod';
import { AppError, type FieldError, fieldErrorsFromZod } from '../server/errors';

/**
 * Reads a list page's filters from the URL with the API's own zod schema. Invalid filters are
 * reported (and dropped) instead of failing the page, so the reader sees what was wrong.
 */
export function parseListQuery<S extends z.ZodType>(
  schema: S,
  request: Request,
  fixed: Record<string, unknown>,
): { filters: z.infer<S>; errors: FieldError[] } {
  const raw: Record<string, string> = {};
  for (const [key, value] of new URL(request.url).searchParams) if (value !== '') raw[key] = value;
  const parsed = schema.safeParse({ ...raw, ...fixed });
  if (parsed.success) return { filters: parsed.data, errors: [] };
  const errors = fieldErrorsFromZod(parsed.error.issues, 'query');
  const bad = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
  const kept = Object.fromEntries(Object.entries(raw).filter(([key]) => !bad.has(key)));
  return { filters: schema.parse({ ...kept, ...fixed }), errors };
}

/** Runs a list query; a stale or forged cursor restarts from the first page with a note. */
export async function listWithCursor<F extends { cursor?: string }, R>(
  filters: F,
  errors: FieldError[],
  list: (filters: F) => Promise<R>,
): Promise<R> {
  try {
    return await list(filters);
  } catch (error) {
    if (!AppError.is(error) || error.code !== 'bad_request') throw error;
    errors.push(...error.errors);
    return list({ ...filters, cursor: undefined });
  }
}
