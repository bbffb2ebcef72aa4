import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** One problem with one input field; `field` is a dotted path such as `query.limit`. */
export type FieldError = { field: string; message: string; code?: string };

export const ERROR_CODES = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof ERROR_CODES;

const TITLES: Record<ErrorCode, string> = {
  bad_request: 'Bad request',
  unauthorized: 'Authentication required',
  forbidden: 'Forbidden',
  not_found: 'Not found',
  conflict: 'Conflict',
  gone: 'Gone',
  payload_too_large: 'Payload too large',
  unsupported_media_type: 'Unsupported media type',
  validation_failed: 'Validation failed',
  rate_limited: 'Too many requests',
  internal: 'Internal server error',
  unavailable: 'Service unavailable',
};

const BRAND = Symbol.for('southbridge.AppError');

/** A typed, expected failure; the HTTP layer turns it into problem+json. */
export class AppError extends Error {
  override name = 'AppError';
  readonly [BRAND] = true;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
  }

  get status(): ContentfulStatusCode {
    return ERROR_CODES[this.code];
  }

  /**
   * Recognises an AppError across bundles: the web build and the server bundle each hold their
   * own copy of this class, so `instanceof` alone would miss errors thrown by the other.
   */
  static is(error: unknown): error is AppError {
    return typeof error === 'object' && error !== null && BRAND in error;
  }

  static notFound(what: string, id: string): AppError {
    return new AppError('not_found', `${what} "${id}" does not exist or is not visible to you`);
  }
}

/** RFC 9457 problem details, with Southbridge's per-field `errors` extension. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code: ErrorCode;
  errors?: FieldError[];
  requestId?: string;
};

/** Builds an application/problem+json response. */
export function problem(c: Context, code: ErrorCode, detail?: string, errors: FieldError[] = []): Response {
  const status = ERROR_CODES[code];
  const body: Problem = {
    type: `urn:southbridge:problem:${code.replaceAll('_', '-')}`,
    title: TITLES[code],
    status,
    code,
    instance: new URL(c.req.url).pathname,
    ...(detail ? { detail } : {}),
    ...(errors.length ? { errors } : {}),
    ...(c.get('requestId') ? { requestId: c.get('requestId') as string } : {}),
  };
  return c.body(JSON.stringify(body), status, { 'content-type': 'application/problem+json' });
}

/** Turns zod issues into field errors, prefixed with where the input came from. */
export function fieldErrorsFromZod(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string; code?: string }>,
  location: string,
): FieldError[] {
  return issues.map((issue) => ({
    field: [location, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
    ...(issue.code ? { code: issue.code } : {}),
  }));
}
