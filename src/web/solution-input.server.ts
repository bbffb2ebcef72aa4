import type { z } from 'zod';
import { AppError, fieldErrorsFromZod } from '../server/errors';

/** Parses form input with the API's schema, throwing the same 422 field errors the API gives. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new AppError(
      'validation_failed',
      'Some fields are not valid',
      fieldErrorsFromZod(parsed.error.issues, 'body'),
    );
  }
  return parsed.data;
}
