import type { Context } from 'hono';
import type { ZodError } from 'zod';
import { fieldErrorsFromZod, problem } from '../errors.js';

type HookResult = { success: true } | { success: false; error: ZodError; target: string };

/** Answers every invalid request with one problem+json listing all bad fields at once. */
export function validationHook(result: HookResult, c: Context) {
  if (result.success) return;
  const location =
    result.target === 'param'
      ? 'path'
      : result.target === 'json' || result.target === 'form'
        ? 'body'
        : result.target;
  return problem(
    c,
    result.target === 'json' || result.target === 'form' ? 'validation_failed' : 'bad_request',
    'The request has invalid fields',
    fieldErrorsFromZod(result.error.issues, location),
  );
}
