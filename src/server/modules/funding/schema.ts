import { z } from '@hono/zod-openapi';
import { CONTRIBUTION_STATUSES } from '../../db/schema/funding.js';
import { amount, currency, iso3, isoDate, language, text } from '../../http/fields.js';
import { csvParam, langQuery, languageFields, pageOf, SourceSchema } from '../../http/openapi.js';
import { pageQuery } from '../../http/pagination.js';

export { CONTRIBUTION_STATUSES };

/** The keys the appeal explorer groups and filters by. */
export const FUNDING_KEYS = ['project', 'programme', 'country', 'region', 'theme', 'partner'] as const;
export type FundingKey = (typeof FUNDING_KEYS)[number];

const status = z.enum(CONTRIBUTION_STATUSES, { error: `must be one of ${CONTRIBUTION_STATUSES.join(', ')}` });
const reference = z.string().trim().min(1).max(120);
const year = z.number().int().min(1945).max(2100);
const decimal = z.string().openapi({ description: 'An exact decimal amount', example: '179000000.00' });

export const FundParams = z.object({
  id: z
    .string()
    .min(1)
    .max(120)
    .openapi({ param: { name: 'id', in: 'path' }, description: 'Id or slug' }),
});
export const LineParams = FundParams.extend({
  project: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: 'project', in: 'path' }, description: 'Project id, slug or IATI identifier' }),
});
export const ContributionParams = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
});

/** An appeal or a trust fund as the secretariat creates it. */
export const FundInput = z
  .object({
    name: text(300),
    description: text(10000).optional(),
    language,
    currency: currency.default('USD').openapi({ description: 'The currency its figures are reported in' }),
    periodStart: year.optional().openapi({ description: 'First year the appeal covers' }),
    periodEnd: year.optional().openapi({ description: 'Last year the appeal covers' }),
    managers: z
      .array(reference)
      .max(20)
      .default([])
      .openapi({ description: 'Ids or slugs of the organisations that manage it' }),
  })
  .openapi('FundInput');
export type FundInputData = z.infer<typeof FundInput>;

/** An appeal's line for a project: the funding it asks for, and the programme it belongs to. */
export const AppealLineInput = z
  .object({
    requirement: amount.openapi({ description: 'Funding required, an exact decimal' }),
    currency,
    programme: text(300).optional().openapi({ description: 'The programme the project belongs to' }),
  })
  .openapi('AppealLineInput');
export type AppealLineInputData = z.infer<typeof AppealLineInput>;

export const ContributionInput = z
  .object({
    donor: reference.optional().openapi({ description: 'Id or slug of the donor organisation' }),
    donorName: text(300)
      .optional()
      .openapi({ description: 'The donor as named when it is not in the directory' }),
    appeal: reference.optional().openapi({ description: 'Id or slug of the appeal it answers' }),
    fund: reference.optional().openapi({ description: 'Id or slug of the trust fund it is paid into' }),
    project: reference.optional().openapi({
      description: 'Id, slug or IATI identifier of the project it is earmarked to; none = unearmarked',
    }),
    amount,
    currency,
    status: status.openapi({ description: 'pledged (promised) or paid (received)' }),
    madeOn: isoDate.openapi({ description: 'When it was pledged or, if paid, received' }),
    note: text(2000).optional(),
  })
  .openapi('ContributionInput');
export type ContributionInputData = z.infer<typeof ContributionInput>;

export const ContributionPatch = z
  .object({
    status,
    madeOn: isoDate,
    amount,
    currency,
    note: z
      .string()
      .trim()
      .max(2000, 'must be at most 2000 characters')
      .nullable()
      .openapi({ description: 'Empty or null clears the note' }),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'change at least one field' })
  .openapi('ContributionPatch');
export type ContributionPatchData = z.infer<typeof ContributionPatch>;

export const AllocationInput = z
  .object({
    project: reference.openapi({ description: 'Id, slug or IATI identifier of the project' }),
    appeal: reference.optional().openapi({ description: 'The appeal the allocation answers, if any' }),
    amount,
    currency,
    allocatedOn: isoDate,
    note: text(2000).optional(),
  })
  .openapi('AllocationInput');
export type AllocationInputData = z.infer<typeof AllocationInput>;

export const RateTableInput = z
  .object({
    id: z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9-]{2,60}$/,
        'must be lower-case letters, digits and dashes, such as un-2024-06',
      ),
    name: text(300),
    baseCurrency: currency.default('USD'),
    effectiveOn: isoDate,
    source: text(500).openapi({ description: 'Where the rates come from' }),
    rates: z
      .record(
        z.string(),
        z.string().regex(/^\d{1,12}(\.\d{1,12})?$/, 'must be a positive decimal rate such as 1.0845'),
      )
      .openapi({ description: 'Units of the base currency that one unit of each currency is worth' }),
  })
  .openapi('RateTableInput');
export type RateTableInputData = z.infer<typeof RateTableInput>;

const Money = z.object({ amount: decimal, currency: z.string() });
const Named = z.object({ id: z.string(), slug: z.string(), name: z.string() });
const ProjectRef = z.object({ id: z.uuid(), slug: z.string(), title: z.string(), language: z.string() });

export const RateTableSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    baseCurrency: z.string(),
    effectiveOn: z.string(),
    source: z.string(),
    rates: z.array(z.object({ currency: z.string(), rate: decimal })),
  })
  .openapi('RateTable');
export type RateTable = z.infer<typeof RateTableSchema>;

/** Requirement, pledged, paid and gap in the report currency; pledged includes what is paid. */
const Figures = {
  requirement: decimal,
  pledged: decimal.openapi({ description: 'Everything pledged, paid or not, and allocated' }),
  paid: decimal.openapi({ description: 'Contributions received and fund allocations' }),
  gap: decimal.openapi({ description: 'requirement − pledged; negative when over-funded' }),
};

export const FundSchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    kind: z.enum(['appeal', 'trust-fund']),
    name: z.string(),
    description: z.string(),
    ...languageFields,
    currency: z.string().nullable(),
    periodStart: z.number().int().nullable(),
    periodEnd: z.number().int().nullable(),
    managers: z.array(Named),
    figures: z
      .array(
        z.object({
          metric: z.string(),
          amount: z.number(),
          currency: z.string().nullable(),
          year: z.number().int().nullable(),
          note: z.string().nullable(),
        }),
      )
      .openapi({ description: 'Figures the source documents state, kept as stated' }),
    totals: z
      .object({
        currency: z.string().openapi({ description: 'The report currency: the rate table’s base' }),
        projects: z.number().int().openapi({ description: 'Projects listed (appeals) or funded (funds)' }),
        requirement: decimal.nullable().openapi({ description: 'What an appeal asks for; null for funds' }),
        pledged: Figures.pledged,
        paid: Figures.paid,
        gap: decimal.nullable().openapi({ description: 'requirement − pledged; null for funds' }),
        contributions: z.number().int(),
        allocated: decimal.openapi({ description: 'Allocated to projects (trust funds)' }),
        balance: decimal.nullable().openapi({
          description: 'Contributions received minus allocations (trust funds); null for appeals',
        }),
      })
      .openapi({ description: 'Converted at the stated rate table' }),
    rateTable: z.string().nullable().openapi({ description: 'Id of the rate table the totals use' }),
    source: SourceSchema.nullable(),
  })
  .openapi('Fund');
export type Fund = z.infer<typeof FundSchema>;

export const ContributionSchema = z
  .object({
    id: z.uuid(),
    donor: z.object({ id: z.string().nullable(), slug: z.string().nullable(), name: z.string() }),
    appeal: Named.nullable(),
    fund: Named.nullable(),
    project: ProjectRef.nullable(),
    earmarked: z.boolean(),
    amount: decimal,
    currency: z.string(),
    status,
    madeOn: z.string(),
    note: z.string().nullable(),
    source: SourceSchema.nullable(),
  })
  .openapi('Contribution');
export type Contribution = z.infer<typeof ContributionSchema>;

export const AllocationSchema = z
  .object({
    id: z.uuid(),
    fund: Named,
    project: ProjectRef.nullable(),
    appeal: Named.nullable(),
    amount: decimal,
    currency: z.string(),
    allocatedOn: z.string(),
    note: z.string().nullable(),
  })
  .openapi('Allocation');
export type Allocation = z.infer<typeof AllocationSchema>;

export const FundingRowSchema = z
  .object({ key: z.string(), label: z.string(), projects: z.number().int(), ...Figures })
  .openapi('FundingRow');
export type FundingRow = z.infer<typeof FundingRowSchema>;

const Facet = z.object({ key: z.string(), label: z.string() });

export const ExplorerSchema = z
  .object({
    groupBy: z.enum(FUNDING_KEYS),
    currency: z.string().openapi({ description: 'The report currency: the rate table’s base' }),
    rateTable: RateTableSchema.nullable(),
    rows: z.array(FundingRowSchema),
    unearmarked: z.object({ pledged: decimal, paid: decimal }).openapi({
      description: 'Money given to the appeal as a whole; not in any row, and left out when filtering',
    }),
    totals: FundingRowSchema.omit({ key: true, label: true }),
    byCurrency: z
      .array(z.object({ currency: z.string(), requirement: decimal, pledged: decimal, paid: decimal }))
      .openapi({ description: 'The same totals in the currencies they were given in, unconverted' }),
    unconverted: z.array(Money).openapi({
      description: 'Amounts in currencies the rate table lacks, left out of the converted figures',
    }),
    rule: z.string(),
    facets: z.object({
      programme: z.array(Facet),
      country: z.array(Facet),
      region: z.array(Facet),
      theme: z.array(Facet),
      partner: z.array(Facet),
    }),
  })
  .openapi('AppealExplorer');
export type Explorer = z.infer<typeof ExplorerSchema>;

export const FundDetailSchema = FundSchema.extend({
  explorer: ExplorerSchema.nullable().openapi({ description: 'For appeals: the funding explorer' }),
  contributions: z.array(ContributionSchema),
  allocations: z.array(AllocationSchema),
}).openapi('FundDetail');
export type FundDetail = z.infer<typeof FundDetailSchema>;

export const FundListQuery = z.object({ ...langQuery, rates: z.string().max(80).optional() });

export const ExplorerQuery = z.object({
  ...langQuery,
  groupBy: z.enum(FUNDING_KEYS).default('project'),
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .openapi({ description: 'Words in the project title or programme' }),
  programme: csvParam('Programmes, comma-separated', z.string().min(1).max(300)),
  country: csvParam('ISO3 codes, comma-separated', iso3),
  region: csvParam('M49 region codes (any level) or IATI region codes, comma-separated'),
  theme: csvParam('Theme ids, comma-separated'),
  partner: csvParam(
    'Implementing partner organisation ids or names, comma-separated',
    z.string().min(1).max(300),
  ),
  rates: z.string().max(80).optional().openapi({ description: 'Rate table id; the latest one by default' }),
});
export type ExplorerFilters = z.infer<typeof ExplorerQuery>;

export const ContributionListQuery = z.object({
  ...langQuery,
  ...pageQuery,
  appeal: reference.optional(),
  fund: reference.optional(),
  project: reference.optional(),
  donor: z
    .string()
    .trim()
    .max(200)
    .optional()
    .openapi({ description: 'Donor slug, id or words of its name' }),
  status: status.optional(),
});
export type ContributionFilters = z.infer<typeof ContributionListQuery>;

export const FundList = z.object({ items: z.array(FundSchema) }).openapi('FundList');
export const ContributionPage = pageOf(ContributionSchema, 'ContributionPage');
export const RateTableList = z.object({ items: z.array(RateTableSchema) }).openapi('RateTableList');
