import { z } from '@hono/zod-openapi';
import { amount, currency, iso3, isoDate, language, text } from '../../http/fields.js';
import { csvParam, langQuery, languageFields, pageOf } from '../../http/openapi.js';
import { pageQuery } from '../../http/pagination.js';
import { OrganisationSummarySchema } from '../organisations/schema.js';

const targetCode = z
  .string()
  .regex(/^([1-9]|1[0-7])\.([1-9]\d?|[a-z])$/, 'must be an SDG target such as 2.1 or 17.a');
const visibility = z.enum(['public', 'members', 'organization', 'working_group', 'private']);

/** Fields needs and offers share, as a person writes them. */
const postingFields = {
  title: text(200),
  description: text(10000),
  organisation: z
    .string()
    .min(1)
    .max(120)
    .openapi({ description: 'Id or slug of the organisation; defaults to your own (staff may name any)' }),
  country: iso3,
  themes: z.array(z.string().max(60)).max(10),
  sdgTargets: z.array(targetCode).max(20),
  modalities: z.array(z.string().max(60)).max(10),
  workingLanguages: z.array(language).max(10),
  visibility,
  workingGroupId: z.uuid(),
};

const needFields = {
  ...postingFields,
  timeframe: z.object({ startsOn: isoDate.nullable(), endsOn: isoDate.nullable() }),
  budget: z.object({ amount, currency }).nullable(),
  coFinancing: text(2000).nullable(),
  recommendationIds: z.array(z.uuid()).max(50),
};

const offerFields = {
  ...postingFields,
  capacity: z.object({
    places: z.number().int().min(0).max(1_000_000).nullable().optional(),
    experts: z.number().int().min(0).max(100_000).nullable().optional(),
    amount: amount.nullable().optional(),
    currency: currency.nullable().optional(),
  }),
  costSharing: text(2000).nullable(),
  availability: z.object({ from: isoDate.nullable(), until: isoDate.nullable() }),
};

type Window = { a?: string | null; b?: string | null };
/** Periods must not end before they start; the error names the end field. */
function orderedDates<T extends Record<string, unknown>>(
  pick: (value: T) => Window | undefined,
  path: string[],
) {
  return [
    (value: T) => {
      const w = pick(value);
      return !w?.a || !w?.b || w.a <= w.b;
    },
    { path, message: 'must not be before the start' },
  ] as const;
}

const needTimeframe = orderedDates<{ timeframe?: { startsOn: string | null; endsOn: string | null } }>(
  (v) => v.timeframe && { a: v.timeframe.startsOn, b: v.timeframe.endsOn },
  ['timeframe', 'endsOn'],
);
const offerWindow = orderedDates<{ availability?: { from: string | null; until: string | null } }>(
  (v) => v.availability && { a: v.availability.from, b: v.availability.until },
  ['availability', 'until'],
);
const amountNeedsCurrency = [
  (v: { capacity?: { amount?: string | null; currency?: string | null } }) =>
    !v.capacity?.amount || !!v.capacity.currency,
  { path: ['capacity', 'currency'] as PropertyKey[], message: 'is required with an amount' },
] as const;

const defaults = {
  themes: postingFields.themes.default([]),
  sdgTargets: postingFields.sdgTargets.default([]),
  modalities: postingFields.modalities.default([]),
  workingLanguages: postingFields.workingLanguages.default([]),
  visibility: visibility.default('members'),
  organisation: postingFields.organisation.optional(),
  workingGroupId: postingFields.workingGroupId.optional(),
  language,
};

export const NeedInput = z
  .object({
    ...needFields,
    ...defaults,
    timeframe: needFields.timeframe.default({ startsOn: null, endsOn: null }),
    budget: needFields.budget.default(null),
    coFinancing: needFields.coFinancing.default(null),
    recommendationIds: needFields.recommendationIds.default([]),
  })
  .refine(...needTimeframe)
  .openapi('NeedInput');

export const NeedPatch = z
  .object(needFields)
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'change at least one field' })
  .refine(...needTimeframe)
  .openapi('NeedPatch');

export const OfferInput = z
  .object({
    ...offerFields,
    ...defaults,
    capacity: offerFields.capacity.default({}),
    costSharing: offerFields.costSharing.default(null),
    availability: offerFields.availability.default({ from: null, until: null }),
  })
  .refine(...offerWindow)
  .refine(...amountNeedsCurrency)
  .openapi('OfferInput');

export const OfferPatch = z
  .object(offerFields)
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'change at least one field' })
  .refine(...offerWindow)
  .refine(...amountNeedsCurrency)
  .openapi('OfferPatch');

export const CloseInput = z
  .object({ reason: text(2000).optional().openapi({ description: 'Why it is closed (met, withdrawn…)' }) })
  .openapi('CloseInput');

export type NeedInputData = z.infer<typeof NeedInput>;
export type NeedPatchData = z.infer<typeof NeedPatch>;
export type OfferInputData = z.infer<typeof OfferInput>;
export type OfferPatchData = z.infer<typeof OfferPatch>;

const LabelledSchema = z.object({ id: z.string(), label: z.string() });

const postingSchema = {
  id: z.uuid(),
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  ...languageFields,
  organisation: OrganisationSummarySchema.nullable(),
  country: z.object({ iso3: z.string(), name: z.string() }),
  themes: z.array(LabelledSchema),
  sdgTargets: z.array(z.string()),
  modalities: z.array(LabelledSchema),
  workingLanguages: z.array(z.string()),
  visibility,
  workingGroupId: z.string().nullable(),
  status: z.enum(['open', 'closed']),
  closedAt: z.string().nullable(),
  closeReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  canEdit: z.boolean().openapi({ description: 'Whether you may edit, close and reopen it' }),
};

export const NeedSchema = z
  .object({
    ...postingSchema,
    kind: z.literal('need'),
    timeframe: z.object({ startsOn: z.string().nullable(), endsOn: z.string().nullable() }),
    budget: z.object({ amount: z.string(), currency: z.string() }).nullable(),
    coFinancing: z.string().nullable(),
    recommendationIds: z.array(z.string()),
  })
  .openapi('Need');

export const OfferSchema = z
  .object({
    ...postingSchema,
    kind: z.literal('offer'),
    capacity: z.object({
      places: z.number().nullable(),
      experts: z.number().nullable(),
      amount: z.string().nullable(),
      currency: z.string().nullable(),
    }),
    costSharing: z.string().nullable(),
    availability: z.object({ from: z.string().nullable(), until: z.string().nullable() }),
  })
  .openapi('Offer');

export type Need = z.infer<typeof NeedSchema>;
export type Offer = z.infer<typeof OfferSchema>;

export const PostingListQuery = z.object({
  ...langQuery,
  ...pageQuery,
  status: z.enum(['open', 'closed', 'all']).default('open'),
  country: csvParam('ISO3 codes, comma-separated', iso3),
  theme: csvParam('Theme ids, comma-separated'),
  modality: csvParam('Modality ids, comma-separated'),
  organisation: z.uuid().optional().openapi({ description: 'Id of the organisation' }),
  mine: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ description: 'Only those of your organisation or written by you' }),
});
export type PostingListFilters = z.infer<typeof PostingListQuery>;

export const NeedPage = pageOf(NeedSchema, 'NeedPage');
export const OfferPage = pageOf(OfferSchema, 'OfferPage');

export const PostingParams = z.object({
  id: z
    .string()
    .min(1)
    .max(120)
    .openapi({ param: { name: 'id', in: 'path' }, description: 'Id or slug' }),
});
