import { data } from 'react-router';
import type { z } from 'zod';
import { AppError, fieldErrorsFromZod } from '../server/errors';
import type { WriteContext } from '../server/modules/audit/service';
import type { WebContext } from './context';
import { errorsByField, runForm } from './forms.server';

/** The acting identity of a page's form post, for the audit log. */
export function pageWriteContext(context: WebContext): WriteContext {
  return { viewer: context.viewer, ip: context.clientIp };
}

/** Runs a loader step; a missing (or hidden) group, thread or action becomes the 404 page. */
export async function orNotFound<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (AppError.is(error) && error.code === 'not_found') throw data(null, { status: 404 });
    throw error;
  }
}

export type FormResult = { intent: string; ok: boolean; errors: Record<string, string> };

/**
 * Validates a form with the API's own zod schema, then runs the write. Bad input and expected
 * failures come back as field errors (status 422) for the form to show beside each field.
 */
export async function submit<S extends z.ZodType>(
  intent: string,
  schema: S,
  input: unknown,
  write: (value: z.infer<S>) => Promise<unknown>,
) {
  const checked = validate(intent, schema, input);
  if (!checked.ok) return checked.response;
  return attempt(intent, () => write(checked.value));
}

/** Checks a form with the API's zod schema; on failure, the 422 answer with field errors. */
export function validate<S extends z.ZodType>(
  intent: string,
  schema: S,
  input: unknown,
): { ok: true; value: z.infer<S> } | { ok: false; response: ReturnType<typeof data<FormResult>> } {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    response: data<FormResult>(
      { intent, ok: false, errors: errorsByField(fieldErrorsFromZod(parsed.error.issues, 'body')) },
      { status: 422 },
    ),
  };
}

/** The 422 answer for a write that failed with field errors. */
export function failed(intent: string, errors: Record<string, string>) {
  return data<FormResult>({ intent, ok: false, errors }, { status: 422 });
}

/** Runs a write that takes no typed input (join, leave, mark read…), with errors for the form. */
export async function attempt(intent: string, write: () => Promise<unknown>) {
  const result = await runForm(write);
  if (!result.ok) return data<FormResult>({ intent, ok: false, errors: result.errors }, { status: 422 });
  return data<FormResult>({ intent, ok: true, errors: {} });
}

/** A form field as a trimmed string, or undefined when empty. */
export function field(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** A multi-valued form field. */
export function fields(form: FormData, name: string): string[] {
  return form
    .getAll(name)
    .map(String)
    .filter((value) => value.trim());
}
