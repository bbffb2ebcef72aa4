import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { dataFilesDir } from '../paths.js';

/** Zod shapes of the files in data/: a malformed file fails loudly at seed time and in the tests. */
const texts = z.record(z.string(), z.string());
const allLabels = z.object({
  ar: z.string().min(1),
  zh: z.string().min(1),
  en: z.string().min(1),
  fr: z.string().min(1),
  ru: z.string().min(1),
  es: z.string().min(1),
  vi: z.string().min(1),
});
const m49 = z.string().regex(/^\d{3}$/);
const iso3 = z.string().regex(/^[A-Z]{3}$/);

export const CountryFile = z.array(
  z.object({
    m49,
    iso2: z.string().length(2).nullable(),
    iso3,
    names: allLabels,
    region: m49.nullable(),
    subRegion: m49.nullable(),
    intermediateRegion: m49.nullable(),
    ldc: z.boolean(),
    lldc: z.boolean(),
    sids: z.boolean(),
  }),
);

export const RegionFile = z.array(
  z.object({
    m49,
    level: z.enum(['region', 'subRegion', 'intermediateRegion']),
    parent: m49.nullable(),
    names: allLabels,
  }),
);

export const SdgFile = z.object({
  goals: z.array(z.object({ code: z.string(), title: texts, short: texts })),
  targets: z.array(z.object({ code: z.string(), goal: z.string(), title: texts })),
});

export const CodelistFile = z.object({
  metadata: z.object({ name: z.string() }).loose(),
  items: z.array(
    z.object({
      code: z.string(),
      name: texts,
      description: texts.optional(),
      category: z.string().optional(),
      status: z.string().optional(),
    }),
  ),
});

/**
 * The platform's own translations of IATI codelist names into the languages IATI does not publish
 * (data/taxonomy/iati-labels.json): list → code → ar, zh, ru, es and vi names.
 */
export const CodelistLabelsFile = z.record(
  z.string(),
  z.record(z.string(), allLabels.omit({ en: true, fr: true }).strict()),
);

export const TaxonomyFile = z.array(
  z.object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    parent: z.string().nullable().optional(),
    kind: z.string().optional(),
    order: z.number().int().optional(),
    labels: allLabels,
    descriptions: allLabels.optional(),
    sectors: z.array(z.string()).optional(),
  }),
);

export const sourceRef = z.object({
  file: z.string().regex(/^\d{3}_[0-9a-f]{16}\.txt$/),
  line: z.number().int().positive(),
  paragraph: z.string().optional(),
});

const translated = <T extends z.ZodRawShape>(shape: T) =>
  z.record(
    z.string(),
    z.object({ ...shape, translation: z.enum(['author', 'editorial', 'community']).optional() }),
  );

export const OrganisationFile = z.array(
  z.object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    acronym: z.string().nullable().optional(),
    language: z.string(),
    names: texts,
    type: z.string().nullable().optional(),
    category: z.string(),
    country: iso3.nullable().optional(),
    compact: z.enum(['member', 'observer']).nullable().optional(),
    website: z.string().nullable().optional(),
    description: texts.nullable().optional(),
    source: sourceRef,
  }),
);

export const SolutionFile = z.array(
  z.object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    language: z.string(),
    texts: translated({
      title: z.string().min(1),
      summary: z.string().min(1),
      description: z.string().optional(),
    }),
    countries: z.array(iso3).min(1),
    replicatedIn: z.array(iso3).default([]),
    providers: z.array(z.string()).min(1),
    themes: z.array(z.string()).min(1),
    sdgTargets: z.array(z.string()).min(1),
    modalities: z.array(z.string()).min(1),
    cooperationType: z.enum(['bilateral', 'regional', 'triangular']).nullable().optional(),
    evidence: z.array(z.object({ url: z.string(), label: z.string().optional() })).default([]),
    source: sourceRef,
  }),
);

export const EventFile = z.array(
  z.object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    language: z.string(),
    texts: translated({ title: z.string().min(1), description: z.string().optional() }),
    kind: z.string(),
    startDate: z.iso.date(),
    endDate: z.iso.date().nullable().optional(),
    datePrecision: z.enum(['day', 'month', 'year']).default('day'),
    city: z.string().nullable().optional(),
    country: iso3.nullable().optional(),
    organisers: z.array(z.string()).default([]),
    themes: z.array(z.string()).default([]),
    source: sourceRef,
  }),
);

export const WorkingGroupFile = z.array(
  z.object({
    id: z.string(),
    number: z.number().int(),
    pillar: z.number().int().min(1).max(4),
    /** The theme taxonomy id the group works on. */
    theme: z.string().min(1),
    language: z.string(),
    texts: translated({ name: z.string().min(1), description: z.string().optional() }),
    chairs: z.array(z.string()).default([]),
    coChairs: z.array(z.string()).default([]),
    viceChairs: z.array(z.string()).default([]),
    source: sourceRef,
  }),
);

export const FundFile = z.array(
  z.object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    kind: z.enum(['trust-fund', 'appeal']),
    language: z.string(),
    texts: translated({ name: z.string().min(1), description: z.string().optional() }),
    managedBy: z.array(z.string()).default([]),
    currency: z.string().nullable().optional(),
    period: z
      .object({ start: z.number().int().nullable(), end: z.number().int().nullable() })
      .nullable()
      .optional(),
    figures: z
      .array(
        z.object({
          metric: z.string(),
          amount: z.number(),
          currency: z.string().nullable().optional(),
          year: z.number().int().nullable().optional(),
          contributor: z.string().nullable().optional(),
          note: texts.nullable().optional(),
          source: sourceRef.optional(),
        }),
      )
      .default([]),
    source: sourceRef,
  }),
);

const posting = {
  id: z.string().regex(/^[a-z0-9-]+$/),
  language: z.string(),
  organisation: z.string(),
  country: iso3,
  texts: translated({ title: z.string().min(1), description: z.string().min(1) }),
  themes: z.array(z.string()).default([]),
  sdgTargets: z.array(z.string()).default([]),
  modalities: z.array(z.string()).default([]),
  workingLanguages: z.array(z.string()).default([]),
  visibility: z.enum(['public', 'members']).default('public'),
};
const money = z.string().regex(/^\d{1,16}(\.\d{1,2})?$/);

export const NeedFile = z.array(
  z.object({
    ...posting,
    timeframe: z.object({ startsOn: z.iso.date().nullable(), endsOn: z.iso.date().nullable() }),
    budget: z.object({ amount: money, currency: z.string().length(3) }).nullable(),
    coFinancing: z.string().nullable().optional(),
  }),
);

export const OfferFile = z.array(
  z.object({
    ...posting,
    capacity: z.object({
      places: z.number().int().nullable().optional(),
      experts: z.number().int().nullable().optional(),
      amount: money.nullable().optional(),
      currency: z.string().length(3).nullable().optional(),
    }),
    costSharing: z.string().nullable().optional(),
    availableFrom: z.iso.date().nullable().optional(),
    availableUntil: z.iso.date().nullable().optional(),
  }),
);

/** Technical-assistance recommendations; `needs` names the demo needs (by id) that answer each. */
export const RecommendationFile = z.array(
  z.object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    language: z.string(),
    country: iso3,
    texts: translated({ title: z.string().min(1), text: z.string().min(1) }),
    themes: z.array(z.string()).min(1),
    sdgTargets: z.array(z.string()).default([]),
    sourceAssessment: z.string().min(1),
    issuedOn: z.iso.date(),
    priority: z.enum(['high', 'medium', 'low']),
    status: z.enum(['open', 'in-progress', 'addressed', 'closed']).default('open'),
    visibility: z.enum(['public', 'members']).default('members'),
    needs: z.array(z.string()).default([]),
    source: sourceRef,
  }),
);

/** Reads a data file as raw text (kept for digests) and parses it with its schema. */
export function readDataFile<T extends z.ZodType>(relativePath: string, schema: T): z.infer<T> {
  const raw = readFileSync(join(dataFilesDir, relativePath), 'utf8');
  const parsed = schema.safeParse(JSON.parse(raw));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`data/${relativePath}: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

/** SHA-256 of a set of data files, used to skip reloading reference data that has not changed. */
export function digestDataFiles(relativePaths: string[]): string {
  const hash = createHash('sha256');
  for (const path of relativePaths) hash.update(path).update(readFileSync(join(dataFilesDir, path)));
  return hash.digest('hex');
}

const percentage = z
  .string()
  .regex(/^\d{1,3}(\.\d{1,4})?$/)
  .nullable();
const isoDate = z.iso.date();

/** Demo projects: IATI-shaped, participants and the reporting organisation by demo organisation id. */
export const ProjectFile = z.array(
  z.object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    identifier: z.string().regex(/^[^\s/?&#]{3,200}$/),
    language: z.string(),
    texts: translated({ title: z.string().min(1), description: z.string().min(1) }),
    reportingOrg: z.string(),
    participants: z
      .array(
        z.object({
          organisation: z.string().optional(),
          name: z.string().optional(),
          role: z.enum(['1', '2', '3', '4']).nullable(),
          southSouthRole: z
            .enum(['provider', 'recipient', 'facilitator', 'first-provider', 'second-provider'])
            .nullable(),
        }),
      )
      .default([]),
    countries: z.array(z.object({ iso3, percentage })).default([]),
    regions: z.array(z.object({ code: z.string(), percentage })).default([]),
    sectors: z.array(z.object({ code: z.string(), percentage })).default([]),
    themes: z.array(z.object({ id: z.string(), percentage })).default([]),
    sdgGoals: z.array(z.string().regex(/^([1-9]|1[0-7])$/)).default([]),
    sdgTargets: z.array(z.string()).default([]),
    modalities: z.array(z.string()).default([]),
    cooperationType: z.enum(['bilateral', 'regional', 'triangular']).nullable(),
    status: z.enum(['1', '2', '3', '4', '5', '6']),
    dates: z
      .object({
        plannedStart: isoDate.optional(),
        actualStart: isoDate.optional(),
        plannedEnd: isoDate.optional(),
        actualEnd: isoDate.optional(),
      })
      .default({}),
    defaultCurrency: z.string().length(3).nullable().optional(),
    budgets: z
      .array(
        z.object({
          type: z.enum(['1', '2']),
          status: z.enum(['1', '2']),
          periodStart: isoDate,
          periodEnd: isoDate,
          amount: money,
          currency: z.string().length(3),
        }),
      )
      .default([]),
    transactions: z
      .array(
        z.object({
          type: z.string().regex(/^([1-9]|1[0-3])$/),
          date: isoDate,
          amount: money,
          currency: z.string().length(3),
        }),
      )
      .default([]),
    results: z
      .array(
        z.object({
          type: z.enum(['1', '2', '3', '9']),
          title: z.string().min(1),
          indicators: z.array(
            z.object({
              title: z.string().min(1),
              measure: z.enum(['1', '2', '3', '4', '5']),
              ascending: z.boolean(),
              baseline: z
                .object({
                  year: z.number().int().nullable(),
                  date: isoDate.nullable(),
                  value: z.string().nullable(),
                })
                .nullable(),
              periods: z.array(
                z.object({
                  start: isoDate.nullable(),
                  end: isoDate.nullable(),
                  target: z.string().nullable(),
                  actual: z.string().nullable(),
                }),
              ),
            }),
          ),
        }),
      )
      .default([]),
    /** Demo needs (by id) the project answers. */
    needs: z.array(z.string()).default([]),
    source: sourceRef,
  }),
);

const slug = z.string().regex(/^[a-z0-9-]+$/);
const currency = z.string().regex(/^[A-Z]{3}$/);
const positiveDecimal = z.string().regex(/^\d{1,16}(\.\d{1,10})?$/);

/**
 * Demo funding: stated exchange-rate tables, the project lines of appeals with their requirements,
 * contributions (pledged or paid; to an appeal, a fund or a project) and fund allocations to
 * projects. Funds, appeals, projects and donors are named by their demo slugs.
 */
export const FundingFile = z
  .object({
    rateTables: z.array(
      z.object({
        id: slug,
        name: z.string().min(1),
        baseCurrency: currency,
        effectiveOn: isoDate,
        source: z.string().min(1),
        /** Units of the base currency that one unit of each currency is worth. */
        rates: z.record(currency, positiveDecimal),
      }),
    ),
    appeals: z.array(
      z.object({
        appeal: slug,
        note: z.string().min(1),
        source: sourceRef,
        lines: z
          .array(
            z.object({
              project: slug,
              programme: z.string().min(1).nullable(),
              requirement: money,
              currency,
            }),
          )
          .min(1),
      }),
    ),
    contributions: z.array(
      z
        .object({
          donor: slug.nullable(),
          donorName: z.string().min(1),
          appeal: slug.nullable(),
          fund: slug.nullable(),
          project: slug.nullable(),
          amount: money,
          currency,
          status: z.enum(['pledged', 'paid']),
          madeOn: isoDate,
          note: z.string().min(1).nullable(),
          source: sourceRef,
        })
        .refine((c) => c.appeal || c.fund || c.project, {
          message: 'needs an appeal, a fund or a project',
        }),
    ),
    allocations: z.array(
      z.object({
        fund: slug,
        project: slug,
        appeal: slug.nullable(),
        amount: money,
        currency,
        allocatedOn: isoDate,
        note: z.string().min(1).nullable(),
        source: sourceRef,
      }),
    ),
  })
  .superRefine((file, ctx) => {
    const lines = new Map(file.appeals.map((a) => [a.appeal, new Set(a.lines.map((l) => l.project))]));
    file.appeals.forEach((a, i) => {
      if (lines.get(a.appeal)!.size !== a.lines.length)
        ctx.addIssue({ code: 'custom', path: ['appeals', i], message: 'lists a project twice' });
    });
    const checkPair = (path: (string | number)[], appeal: string | null, project: string | null) => {
      if (appeal && project && !lines.get(appeal)?.has(project))
        ctx.addIssue({ code: 'custom', path, message: `project "${project}" is not a line of "${appeal}"` });
    };
    for (const [i, c] of file.contributions.entries()) checkPair(['contributions', i], c.appeal, c.project);
    for (const [i, a] of file.allocations.entries()) checkPair(['allocations', i], a.appeal, a.project);
  });
