import { z } from '@hono/zod-openapi';
import { isKnownLanguage } from '../../../shared/languages.js';
import { canonicalTimeZone as sharedCanonicalTimeZone } from '../../../shared/time-zones.js';
import { CONTACT_FIELDS } from '../../db/schema/directory.js';
import { langQuery, pageOf } from '../../http/openapi.js';
import { pageQuery } from '../../http/pagination.js';

export { CONTACT_FIELDS };

/**
 * A well-formed BCP 47 tag whose language subtag names a real language, canonicalised
 * (`FR-ca` → `fr-CA`); null otherwise.
 */
export function canonicalLanguage(tag: string): string | null {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag.trim());
    if (!canonical) return null;
    const language = new Intl.Locale(canonical).language;
    return isKnownLanguage(language) ? canonical : null;
  } catch {
    return null;
  }
}

/** An IANA time zone the runtime knows, by its current name (`europe/kyiv` → `Europe/Kyiv`); null otherwise. */
export function canonicalTimeZone(name: string): string | null {
  return sharedCanonicalTimeZone(name.trim()) ?? null;
}

const languageTag = z
  .string()
  .max(35)
  .transform((value, ctx) => {
    const tag = canonicalLanguage(value);
    if (!tag) {
      ctx.addIssue({
        code: 'custom',
        message: `unknown language "${value}": use a BCP 47 code such as fr or ar`,
      });
      return z.NEVER;
    }
    return tag;
  })
  .openapi({ type: 'string', example: 'fr' });

const iso3 = z
  .string()
  .regex(/^[A-Za-z]{3}$/, 'must be an ISO3 country code')
  .transform((value) => value.toUpperCase());

// ---- list filters ----

export const DirectoryListFields = z.object({
  ...langQuery,
  ...pageQuery,
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .openapi({ description: 'Words in the name, job title or expertise' }),
  country: iso3.optional().openapi({ description: 'ISO3 code of the country a person works from' }),
  organisation: z.string().min(1).max(120).optional().openapi({ description: 'Organisation id or slug' }),
  theme: z.string().min(1).max(50).optional().openapi({ description: 'Theme id' }),
  group: z.string().min(1).max(120).optional().openapi({ description: 'Working group id or slug' }),
  language: languageTag
    .optional()
    .openapi({ description: 'A language the person works in (BCP 47); `fr` also matches `fr-CA`' }),
});
export type DirectoryFilters = Pick<z.infer<typeof DirectoryListFields>, 'lang' | 'limit'> &
  Partial<Omit<z.infer<typeof DirectoryListFields>, 'lang' | 'limit'>>;

// ---- profile input ----

/** Optional text: trimmed, and blank becomes null. */
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((value) => (value ? value : null));

const PHONE = /^\+?[\d\s().\-/]+(\s*(?:ext\.?|x|#)\s*\d{1,6})?$/i;

export const ProfileInput = z
  .object({
    jobTitle: text(200),
    country: z
      .union([iso3, z.literal(''), z.null()])
      .optional()
      .transform((value) => value || null)
      .openapi({ type: 'string', description: 'ISO3 code of the country you work from', example: 'SEN' }),
    languages: z
      .array(languageTag)
      .max(20)
      .default([])
      .transform((tags) => [...new Set(tags)])
      .openapi({ description: 'Languages you work in, as BCP 47 codes', example: ['fr', 'ar'] }),
    themes: z
      .array(z.string().min(1).max(50))
      .max(30)
      .default([])
      .transform((ids) => [...new Set(ids)])
      .openapi({ description: 'Theme ids from /api/v1/themes' }),
    expertise: text(2000).openapi({ type: 'string', description: 'Your expertise, as plain text' }),
    bio: text(4000).openapi({ type: 'string' }),
    phone: text(50)
      .refine(
        (value) =>
          value === null ||
          (PHONE.test(value) && (value.replace(/(ext\.?|x|#)\s*\d+$/i, '').match(/\d/g)?.length ?? 0) >= 4),
        'must be a phone number such as +221 33 123 45 67',
      )
      .openapi({ type: 'string', example: '+221 33 123 45 67' }),
    website: z
      .union([
        z.url({ protocol: /^https?$/, message: 'must be a web address starting with https://' }),
        z.literal(''),
      ])
      .nullable()
      .optional()
      .transform((value) => value || null)
      .refine((value) => value === null || value.length <= 500, 'must be at most 500 characters')
      .openapi({ type: 'string', example: 'https://example.org' }),
    timeZone: z
      .string()
      .max(64)
      .nullable()
      .optional()
      .transform((value, ctx) => {
        if (!value?.trim()) return null;
        const zone = canonicalTimeZone(value);
        if (!zone) {
          ctx.addIssue({
            code: 'custom',
            message: `unknown time zone "${value}": use an IANA name such as Africa/Dakar`,
          });
          return z.NEVER;
        }
        return zone;
      })
      .openapi({ type: 'string', example: 'Africa/Dakar' }),
    sharedFields: z
      .array(z.enum(CONTACT_FIELDS))
      .max(CONTACT_FIELDS.length)
      .default(['email'])
      .transform((fields) => [...new Set(fields)])
      .openapi({
        description: 'Contact fields other members may see; you and the secretariat always see all',
      }),
    listed: z.boolean().default(true).openapi({ description: 'False to leave the directory' }),
  })
  .strict()
  .openapi('ProfileInput', { description: 'Your whole profile; fields left out are cleared' });
export type ProfileInputValue = z.infer<typeof ProfileInput>;

// ---- responses ----

const GroupSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  language: z.string(),
  role: z.enum(['chair', 'vice_chair', 'member']),
});

export const DirectoryEntrySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    role: z.string().openapi({ description: 'Account role', example: 'member' }),
    jobTitle: z.string().nullable(),
    organisation: z
      .object({
        id: z.uuid(),
        slug: z.string(),
        name: z.string(),
        acronym: z.string().nullable(),
        language: z.string(),
      })
      .nullable(),
    country: z.object({ iso3: z.string(), name: z.string() }).nullable(),
    languages: z.array(z.string()).openapi({ description: 'BCP 47 codes', example: ['fr', 'ar'] }),
    themes: z.array(z.object({ id: z.string(), label: z.string() })),
    groups: z.array(GroupSchema),
    email: z
      .string()
      .optional()
      .openapi({ description: 'Present only when shared (or for yourself and staff)' }),
    phone: z
      .string()
      .optional()
      .openapi({ description: 'Present only when shared (or for yourself and staff)' }),
    website: z
      .string()
      .optional()
      .openapi({ description: 'Present only when shared (or for yourself and staff)' }),
  })
  .openapi('DirectoryEntry');

export const DirectoryProfileSchema = DirectoryEntrySchema.extend({
  expertise: z.string().nullable().openapi({ description: 'Plain text, as written' }),
  bio: z.string().nullable(),
  timeZone: z.string().nullable(),
  updatedAt: z.string().nullable(),
  sharedFields: z
    .array(z.enum(CONTACT_FIELDS))
    .optional()
    .openapi({ description: 'Only for yourself and staff' }),
  listed: z.boolean().optional().openapi({ description: 'Only for yourself and staff' }),
}).openapi('DirectoryProfile');

export const OwnProfileSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    organisationId: z.string().nullable(),
    jobTitle: z.string().nullable(),
    country: z.string().nullable(),
    languages: z.array(z.string()),
    themes: z.array(z.string()),
    expertise: z.string().nullable(),
    bio: z.string().nullable(),
    phone: z.string().nullable(),
    website: z.string().nullable(),
    timeZone: z.string().nullable(),
    sharedFields: z.array(z.enum(CONTACT_FIELDS)),
    listed: z.boolean(),
    updatedAt: z.string().nullable(),
  })
  .openapi('OwnProfile');

export const DirectoryPage = pageOf(DirectoryEntrySchema, 'DirectoryPage');

export const PersonParams = z.object({
  userId: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'userId', in: 'path' }, description: 'Account id' }),
});
