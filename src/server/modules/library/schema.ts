import { z } from '@hono/zod-openapi';
import { VISIBILITIES } from '../../db/schema/content.js';
import { RESOURCE_KINDS } from '../../db/schema/library.js';
import { csvParam, langQuery, languageFields, pageOf } from '../../http/openapi.js';
import { pageQuery } from '../../http/pagination.js';

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** An optional text field where an empty form field means "not given". */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .optional()
    .transform((value) => value || undefined);

const languageCode = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2,3}$/, 'must be a language code such as fr');

/** True for an absolute http:// or https:// address; javascript:, data:, file: and the rest are refused. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

const themeId = z.string().trim().min(1).max(60);

/** A form field that may be sent once or repeated (`themes=a&themes=b`), as a list. */
const repeated = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) =>
    (value === undefined ? [] : Array.isArray(value) ? value : [value])
      .map((item) => item.trim())
      .filter(Boolean),
  )
  .pipe(z.array(themeId).max(10, 'choose at most 10 themes'))
  .openapi({ type: 'array', items: { type: 'string' }, description: 'Theme ids; repeat the field' });

const urlField = optionalText(2000)
  .refine((value) => value === undefined || isHttpUrl(value), 'must be an http:// or https:// address')
  .openapi({ type: 'string', description: 'For a link: its http(s) address (instead of a file)' });

const groupId = z
  .string()
  .trim()
  .optional()
  .transform((value) => value || undefined)
  .pipe(z.uuid('must be a working group id').optional())
  .openapi({ type: 'string', format: 'uuid', description: 'The group of a working_group resource' });

/**
 * A new resource, sent as multipart/form-data (or urlencoded for a link): a file or a url, not both.
 * The file is checked separately: size, then the type sniffed from its bytes.
 */
export const ResourceFormInput = z
  .object({
    title: text(300),
    description: optionalText(5000),
    language: languageCode.openapi({
      type: 'string',
      example: 'en',
      description: 'Language of the document',
    }),
    themes: repeated,
    visibility: z
      .enum(VISIBILITIES)
      .default('members')
      .openapi({ description: 'public is for the secretariat; members may choose the others' }),
    workingGroupId: groupId,
    url: urlField,
    file: z.any().optional().openapi({
      type: 'string',
      format: 'binary',
      description: 'PDF, Word (.docx), Excel (.xlsx), CSV, plain text, PNG or JPEG, at most 10 MB',
    }),
  })
  .openapi('ResourceInput');

export type ResourceFormData = z.infer<typeof ResourceFormInput>;

/** An edit of a resource's text, themes or who may read it (the file or link itself stays). */
export const ResourcePatch = z
  .object({
    title: text(300),
    description: z.string().trim().max(5000, 'must be at most 5000 characters'),
    themes: z.array(themeId).max(10, 'choose at most 10 themes'),
    visibility: z.enum(VISIBILITIES),
    workingGroupId: z.uuid('must be a working group id').nullable(),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'change at least one field' })
  .openapi('ResourcePatch');

export type ResourcePatchData = z.infer<typeof ResourcePatch>;

const LabelledSchema = z.object({ id: z.string(), label: z.string() });

export const ResourceSummarySchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    kind: z.enum(RESOURCE_KINDS),
    title: z.string().openapi({ description: 'Plain text, as written' }),
    description: z.string().nullable(),
    themes: z.array(LabelledSchema),
    visibility: z.enum(VISIBILITIES),
    workingGroup: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    url: z.string().nullable().openapi({ description: 'The address of a link' }),
    file: z
      .object({
        name: z.string(),
        type: z.string().openapi({ description: 'The type found in the bytes, not the declared one' }),
        size: z.number().int(),
      })
      .nullable(),
    downloadUrl: z.string().nullable(),
    canEdit: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    ...languageFields,
  })
  .openapi('ResourceSummary');

export const ResourceSchema = ResourceSummarySchema.extend({
  file: z
    .object({
      name: z.string(),
      type: z.string(),
      size: z.number().int(),
      sha256: z.string(),
      textLength: z.number().int().openapi({ description: 'Characters of text extracted for search' }),
    })
    .nullable(),
}).openapi('Resource');

export const ResourceListQuery = z.object({
  ...langQuery,
  ...pageQuery,
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .openapi({ description: 'Words in the title, description or the text of the document' }),
  theme: csvParam('Theme ids, comma-separated; a resource matches any of them'),
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/, 'must be a language code such as zh')
    .optional()
    .openapi({ description: 'Only resources in this language' }),
  group: z.uuid('must be a working group id').optional().openapi({ description: 'A working group id' }),
  kind: z.enum(RESOURCE_KINDS).optional(),
});

type ListQuery = z.infer<typeof ResourceListQuery>;
export type ResourceListFilters = Pick<ListQuery, 'lang' | 'limit'> &
  Partial<Omit<ListQuery, 'lang' | 'limit'>>;

export const ResourcePage = pageOf(ResourceSummarySchema, 'ResourcePage');

export const ResourceParams = z.object({
  id: z
    .string()
    .min(1)
    .max(120)
    .openapi({ param: { name: 'id', in: 'path' }, description: 'Id or slug' }),
});

export type ResourceSummary = z.infer<typeof ResourceSummarySchema>;
export type Resource = z.infer<typeof ResourceSchema>;
