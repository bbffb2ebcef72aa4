import { z } from '@hono/zod-openapi';
import { amount, currency, iso3, isoDate, language, text } from '../../http/fields.js';
import { csvParam, langQuery, languageFields, pageOf } from '../../http/openapi.js';
import { pageQuery } from '../../http/pagination.js';
import { OrganisationSummarySchema } from '../organisations/schema.js';

const code = (what: string) => z.string().trim().min(1, `must be ${what}`).max(40);
const percentage = z
  .string()
  .regex(/^\d{1,3}(\.\d{1,4})?$/, 'must be a percentage such as 40 or 12.5')
  .refine((value) => Number(value) <= 100, 'must be at most 100')
  .nullable()
  .default(null);
const visibility = z.enum(['public', 'members', 'organization', 'working_group', 'private']);
const cooperationType = z.enum(['bilateral', 'regional', 'triangular']);
const southSouthRole = z.enum(['provider', 'recipient', 'facilitator', 'first-provider', 'second-provider']);
const iatiIdentifier = z
  .string()
  .trim()
  .regex(/^[^\s/?&#]{3,200}$/, 'must be an IATI identifier such as XM-DAC-41114-PROJECT-00089623');

const ParticipantInput = z
  .object({
    organisation: z.string().min(1).max(120).optional().openapi({
      description: 'Id or slug of a platform organisation; its name, IATI id and type are used',
    }),
    name: text(300).optional(),
    ref: z.string().trim().max(200).nullable().default(null),
    type: code('an IATI OrganisationType code').nullable().default(null),
    role: z.enum(['1', '2', '3', '4']).nullable().default(null).openapi({
      description: 'IATI role: 1 funding, 2 accountable, 3 extending, 4 implementing',
    }),
    southSouthRole: southSouthRole.nullable().default(null),
    activityId: z.string().trim().max(200).nullable().default(null),
  })
  .refine((p) => !!p.organisation || !!p.name, {
    path: ['name'],
    message: 'name or organisation is required',
  });

const BudgetInput = z
  .object({
    type: z.enum(['1', '2']).default('1').openapi({ description: '1 original, 2 revised' }),
    status: z.enum(['1', '2']).default('1').openapi({ description: '1 indicative, 2 committed' }),
    periodStart: isoDate,
    periodEnd: isoDate,
    amount,
    currency,
  })
  .refine((b) => b.periodStart <= b.periodEnd, {
    path: ['periodEnd'],
    message: 'must not be before the start',
  });

const PartyInput = z.object({
  name: text(300).nullable().default(null),
  ref: z.string().trim().max(200).nullable().default(null),
  activityId: z.string().trim().max(200).nullable().default(null),
});

const TransactionInput = z.object({
  ref: z.string().trim().max(200).nullable().default(null),
  type: z.string().regex(/^([1-9]|1[0-3])$/, 'must be an IATI TransactionType code from 1 to 13'),
  date: isoDate,
  amount,
  currency,
  description: text(2000).nullable().default(null),
  provider: PartyInput.nullable().default(null),
  receiver: PartyInput.nullable().default(null),
});

const decimal = z
  .string()
  .regex(/^-?\d{1,16}(\.\d{1,6})?$/, 'must be a number such as 42 or 3.5')
  .nullable()
  .default(null);

const IndicatorInput = z.object({
  title: text(500),
  description: text(4000).optional(),
  measure: z.enum(['1', '2', '3', '4', '5']).default('1'),
  ascending: z.boolean().default(true),
  baseline: z
    .object({
      year: z.number().int().min(1900).max(2200),
      date: isoDate.nullable().default(null),
      value: decimal,
    })
    .nullable()
    .default(null),
  periods: z
    .array(
      z
        .object({
          start: isoDate,
          end: isoDate,
          target: decimal,
          actual: decimal,
        })
        .refine((p) => p.start <= p.end, {
          path: ['end'],
          message: 'must not be before the start',
        }),
    )
    .max(50)
    .default([]),
});

const ResultInput = z.object({
  type: z.enum(['1', '2', '3', '9']).default('1').openapi({ description: '1 output, 2 outcome, 3 impact' }),
  title: text(500),
  description: text(4000).optional(),
  indicators: z.array(IndicatorInput).min(1, 'a result needs at least one indicator').max(50),
});

const dates = z
  .object({
    plannedStart: isoDate.nullable().default(null),
    actualStart: isoDate.nullable().default(null),
    plannedEnd: isoDate.nullable().default(null),
    actualEnd: isoDate.nullable().default(null),
  })
  .refine((d) => !d.plannedStart || !d.plannedEnd || d.plannedStart <= d.plannedEnd, {
    path: ['plannedEnd'],
    message: 'must not be before the planned start',
  })
  .refine((d) => !d.actualStart || !d.actualEnd || d.actualStart <= d.actualEnd, {
    path: ['actualEnd'],
    message: 'must not be before the actual start',
  })
  .refine((d) => !!d.plannedStart || !!d.actualStart, {
    path: ['plannedStart'],
    message: 'is required (or an actual start): IATI needs a start date',
  });

/** Every field of a project as a person writes it (all optional in a patch). */
const projectFields = {
  identifier: iatiIdentifier.openapi({ description: 'IATI identifier; generated when left out' }),
  title: text(300),
  description: text(20000),
  organisation: z.string().min(1).max(120).openapi({
    description: 'Reporting organisation (id or slug); defaults to your own (staff may name any)',
  }),
  participants: z.array(ParticipantInput).max(50),
  countries: z.array(z.object({ iso3, percentage })).max(250),
  regions: z
    .array(
      z.object({ code: code('an IATI Region code'), vocabulary: z.literal('1').default('1'), percentage }),
    )
    .max(50),
  sectors: z
    .array(
      z.object({
        code: code('a DAC 5-digit sector code'),
        vocabulary: z.literal('1').default('1'),
        percentage,
      }),
    )
    .max(50),
  themes: z.array(z.object({ id: z.string().max(60), percentage })).max(20),
  sdgGoals: z.array(z.string().regex(/^([1-9]|1[0-7])$/, 'must be an SDG goal from 1 to 17')).max(17),
  sdgTargets: z
    .array(
      z.string().regex(/^([1-9]|1[0-7])\.([1-9]\d?|[a-z])$/, 'must be an SDG target such as 2.1 or 17.a'),
    )
    .max(50),
  modalities: z.array(z.string().max(60)).max(10),
  cooperationType: cooperationType.nullable(),
  status: z.enum(['1', '2', '3', '4', '5', '6']).openapi({
    description:
      'IATI ActivityStatus: 1 pipeline, 2 implementation, 3 finalisation, 4 closed, 5 cancelled, 6 suspended',
  }),
  dates,
  defaultCurrency: currency.nullable(),
  budgets: z.array(BudgetInput).max(100),
  transactions: z.array(TransactionInput).max(1000),
  results: z.array(ResultInput).max(50),
  needIds: z.array(z.uuid()).max(50),
  recommendationIds: z.array(z.uuid()).max(50),
  visibility,
  workingGroupId: z.uuid(),
};

export const ProjectInput = z
  .object({
    ...projectFields,
    identifier: projectFields.identifier.optional(),
    language,
    organisation: projectFields.organisation.optional(),
    participants: projectFields.participants.default([]),
    countries: projectFields.countries.default([]),
    regions: projectFields.regions.default([]),
    sectors: projectFields.sectors.default([]),
    themes: projectFields.themes.default([]),
    sdgGoals: projectFields.sdgGoals.default([]),
    sdgTargets: projectFields.sdgTargets.default([]),
    modalities: projectFields.modalities.default([]),
    cooperationType: projectFields.cooperationType.default(null),
    status: projectFields.status.default('1'),
    dates,
    defaultCurrency: projectFields.defaultCurrency.default(null),
    budgets: projectFields.budgets.default([]),
    transactions: projectFields.transactions.default([]),
    results: projectFields.results.default([]),
    needIds: projectFields.needIds.default([]),
    recommendationIds: projectFields.recommendationIds.default([]),
    visibility: visibility.default('public'),
    workingGroupId: projectFields.workingGroupId.optional(),
  })
  .openapi('ProjectInput');

export const ProjectPatch = z
  .object({ ...projectFields, dates })
  .omit({ identifier: true })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'change at least one field' })
  .openapi('ProjectPatch');

export type ProjectInputData = z.infer<typeof ProjectInput>;
export type ProjectPatchData = z.infer<typeof ProjectPatch>;

const Labelled = z.object({ id: z.string(), label: z.string() });
const Share = z.object({ code: z.string(), label: z.string(), percentage: z.string().nullable() });
const Money = z.object({ amount: z.string(), currency: z.string() });

export const ProjectSchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    identifier: z.string(),
    title: z.string(),
    description: z.string(),
    ...languageFields,
    reportingOrg: z.object({ ref: z.string().nullable(), name: z.string(), type: z.string().nullable() }),
    organisation: OrganisationSummarySchema.nullable(),
    participants: z.array(
      z.object({
        name: z.string(),
        ref: z.string().nullable(),
        type: z.string().nullable(),
        role: z.string().nullable(),
        roleLabel: z.string().nullable(),
        southSouthRole: z.string().nullable(),
        southSouthRoleLabel: z.string().nullable(),
        organisationId: z.string().nullable(),
        activityId: z.string().nullable(),
      }),
    ),
    countries: z.array(z.object({ iso3: z.string(), name: z.string(), percentage: z.string().nullable() })),
    regions: z.array(Share),
    sectors: z.array(Share),
    themes: z.array(z.object({ id: z.string(), label: z.string(), percentage: z.string().nullable() })),
    sdgGoals: z.array(z.string()),
    sdgTargets: z.array(z.string()),
    modalities: z.array(Labelled),
    cooperationType: Labelled.nullable(),
    status: Labelled,
    publication: z.enum(['draft', 'published']),
    dates: z.object({
      plannedStart: z.string().nullable(),
      actualStart: z.string().nullable(),
      plannedEnd: z.string().nullable(),
      actualEnd: z.string().nullable(),
    }),
    defaultCurrency: z.string().nullable(),
    budgets: z.array(
      z.object({
        type: z.string(),
        status: z.string(),
        periodStart: z.string(),
        periodEnd: z.string(),
        amount: z.string(),
        currency: z.string().nullable(),
      }),
    ),
    transactions: z.array(
      z.object({
        id: z.number().int(),
        ref: z.string().nullable(),
        type: Labelled,
        date: z.string(),
        amount: z.string(),
        currency: z.string().nullable(),
        description: z.string().nullable(),
        provider: z
          .object({
            name: z.string().nullable(),
            ref: z.string().nullable(),
            activityId: z.string().nullable(),
          })
          .nullable(),
        receiver: z
          .object({
            name: z.string().nullable(),
            ref: z.string().nullable(),
            activityId: z.string().nullable(),
          })
          .nullable(),
        countedElsewhere: z.boolean().openapi({
          description: 'The same flow is reported by the other party too; totals count it there',
        }),
      }),
    ),
    totals: z
      .array(
        z.object({
          currency: z.string(),
          budget: z.string(),
          commitment: z.string(),
          disbursement: z.string(),
          expenditure: z.string(),
        }),
      )
      .openapi({ description: 'Per currency, with double-reported flows counted once' }),
    results: z.array(z.any()),
    needIds: z.array(z.string()),
    matchIds: z.array(z.string()),
    recommendationIds: z.array(z.string()),
    visibility,
    workingGroupId: z.string().nullable(),
    iatiVersion: z.string().nullable(),
    source: z.object({ file: z.string(), line: z.number().optional() }).nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    canEdit: z.boolean(),
  })
  .openapi('Project');

export type Project = z.infer<typeof ProjectSchema>;
export type ProjectMoney = z.infer<typeof Money>;

export const ProjectListQuery = z.object({
  ...langQuery,
  ...pageQuery,
  q: z.string().trim().max(200).optional().openapi({ description: 'Words in the title or identifier' }),
  country: csvParam('ISO3 codes, comma-separated', iso3),
  region: csvParam('IATI region codes, comma-separated'),
  sector: csvParam('DAC sector codes, comma-separated'),
  theme: csvParam('Theme ids, comma-separated'),
  sdg: csvParam('SDG goals, comma-separated'),
  status: csvParam('IATI activity status codes, comma-separated'),
  cooperationType: cooperationType.optional(),
  organisation: z.string().max(200).optional().openapi({
    description: 'Participating or reporting organisation: platform id, or IATI organisation ref',
  }),
  publication: z.enum(['published', 'draft', 'all']).default('published'),
});
export type ProjectListFilters = z.infer<typeof ProjectListQuery>;

/** The filters of an unfiltered first page, for callers that list projects in code. */
export const PROJECT_LIST_DEFAULTS: ProjectListFilters = ProjectListQuery.parse({});

export const ProjectPage = pageOf(ProjectSchema, 'ProjectPage');

export const ProjectParams = z.object({
  id: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: 'id', in: 'path' }, description: 'Id, slug or IATI identifier' }),
});
