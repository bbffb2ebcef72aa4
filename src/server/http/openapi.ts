import { type RouteConfig, z } from '@hono/zod-openapi';
import { LANGUAGES } from '../../shared/languages.js';

/** `?lang=`: the language of multilingual fields in the response. */
export const langQuery = {
  lang: z
    .enum(LANGUAGES)
    .default('en')
    .openapi({ description: 'Language of multilingual fields', example: 'en' }),
};

const FieldErrorSchema = z.object({ field: z.string(), message: z.string(), code: z.string().optional() });

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    code: z.string(),
    errors: z.array(FieldErrorSchema).optional(),
    requestId: z.string().optional(),
  })
  .openapi('Problem');

/** A problem+json response with its description, for a route's documented errors. */
export const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

/** The error responses every endpoint can give. */
export const errorResponses = {
  400: problemResponse('Invalid input; `errors` names each bad field'),
  404: problemResponse('Not found'),
} satisfies RouteConfig['responses'];

/** A JSON request body for a route (`required` false for steps whose body may be left out). */
export function jsonBody<T extends z.ZodType>(schema: T, required = true) {
  return { required, content: { 'application/json': { schema } } };
}

/** A JSON 200 response. */
export function ok<T extends z.ZodType>(schema: T, description: string) {
  return { 200: { description, content: { 'application/json': { schema } } }, ...errorResponses };
}

/** The `{ items, nextCursor, total }` shape of list responses. */
export function pageOf<T extends z.ZodType>(item: T, name: string) {
  return z
    .object({
      items: z.array(item),
      nextCursor: z
        .string()
        .nullable()
        .openapi({ description: 'Pass as `cursor` for the next page; null at the end' }),
      total: z.number().int().openapi({ description: 'Number of items matching the filters' }),
    })
    .openapi(name);
}

/** Fields every multilingual record returns: which language was served and which exist. */
export const languageFields = {
  language: z.string().openapi({ description: 'Language of the text fields returned', example: 'zh' }),
  originalLanguage: z.string().openapi({ description: 'Language the record was written in', example: 'zh' }),
  availableLanguages: z
    .array(z.string())
    .openapi({ description: 'Languages the text exists in', example: ['zh', 'en'] }),
};

export const SourceSchema = z
  .object({ file: z.string(), line: z.number().int().optional(), paragraph: z.string().optional() })
  .openapi('Source', { description: 'The seed document and paragraph a record comes from' });

/** Comma-separated list query parameter, e.g. `theme=health,education`. */
export function csvParam(description: string, item: z.ZodType<string> = z.string().min(1).max(50)) {
  return z
    .string()
    .max(500)
    .optional()
    .transform((value, ctx) => {
      if (!value) return undefined;
      const parts = value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean);
      for (const part of parts) {
        const result = item.safeParse(part);
        if (!result.success) {
          ctx.addIssue({ code: 'custom', message: `"${part}": ${result.error.issues[0]?.message}` });
          return z.NEVER;
        }
      }
      return parts;
    })
    .openapi({ type: 'string', description });
}
