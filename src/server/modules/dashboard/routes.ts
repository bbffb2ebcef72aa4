import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { DASHBOARD_DIMENSIONS } from '../../../shared/dashboard.js';
import type { AppEnv } from '../../http/context.js';
import { langQuery, ok } from '../../http/openapi.js';
import { validationHook } from '../../http/validation.js';
import { type DashboardService, dimensionOf } from './service.js';

const DashboardQuery = z.object({
  ...langQuery,
  dimension: z
    .string()
    .max(40)
    .optional()
    .openapi({ description: `What to count by: ${DASHBOARD_DIMENSIONS.join(', ')}`, example: 'sdg' }),
  currency: z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'must be an ISO 4217 code')
    .optional()
    .openapi({
      description: 'The currency of the money figures; the most common one by default',
      example: 'USD',
    }),
  rates: z.string().max(80).optional().openapi({
    description: 'Rate table id the funding figures are converted at; the latest one by default',
  }),
});

const decimal = z.string().openapi({ description: 'Exact decimal', example: '125000.00' });
const PledgedPaid = z.object({ pledged: decimal, paid: decimal });

const DashboardSchema = z
  .object({
    dimension: z.enum(DASHBOARD_DIMENSIONS),
    rows: z.array(
      z.object({
        key: z
          .string()
          .openapi({ description: 'SDG goal, theme id, M49 region, modality, cooperation type or year' }),
        label: z.string(),
        solutions: z.number().int(),
        needs: z.number().int().openapi({ description: 'Open needs' }),
        matches: z.number().int().openapi({ description: 'Agreed matches' }),
        projects: z.number().int().openapi({ description: 'Published projects' }),
      }),
    ),
    money: z
      .object({
        currency: z.string().nullable(),
        currencies: z.array(z.object({ currency: z.string(), projects: z.number().int() })),
        rows: z.array(
          z.object({
            key: z.string(),
            label: z.string(),
            budget: z.string().openapi({ description: 'Exact decimal', example: '125000.00' }),
            disbursement: z.string().openapi({ description: 'Exact decimal', example: '40000.00' }),
          }),
        ),
      })
      .openapi({
        description:
          'Budgets and disbursements of published projects in one currency (no conversion); each project is split by its stated country or theme percentages, equally when none are given, so nothing is counted twice',
      }),
    funding: z
      .object({
        currency: z.string().openapi({ description: 'The report currency: the rate table’s base' }),
        rateTable: z
          .object({ id: z.string(), name: z.string(), effectiveOn: z.string(), source: z.string() })
          .nullable()
          .openapi({ description: 'The rate table the amounts are converted at; null when none is stated' }),
        rows: z.array(z.object({ key: z.string(), label: z.string(), ...PledgedPaid.shape })),
        total: PledgedPaid.openapi({ description: 'All funding of published projects you may read' }),
        unassigned: PledgedPaid.openapi({
          description:
            'Funding of projects without a value of the dimension; the rows and this add up to the total exactly',
        }),
        unconverted: z
          .array(z.object({ amount: decimal, currency: z.string() }))
          .openapi({ description: 'Amounts in currencies the rate table lacks, left out' }),
      })
      .openapi({
        description:
          'Money pledged (paid or not) and paid to published projects: earmarked contributions and trust-fund allocations, converted at the stated rate table. Each project is split as its money is; by year, the year of each contribution or allocation',
      }),
    indicators: z.array(
      z.object({
        key: z.string().openapi({ description: 'Project id, result and indicator positions' }),
        projectId: z.string(),
        project: z.string(),
        result: z.string(),
        indicator: z.string(),
        ascending: z.boolean(),
        baseline: z.string().nullable(),
        target: z.string().nullable().openapi({ description: 'Of the latest period with a target' }),
        actual: z.string().nullable().openapi({ description: 'Of the latest period with an actual value' }),
        progress: z
          .number()
          .nullable()
          .openapi({ description: 'Percent of the way from baseline to target' }),
      }),
    ),
    funnel: z.object({
      suggested: z.number().int(),
      interest: z
        .number()
        .int()
        .openapi({ description: 'Interested, accepted, agreed, or declined after interest' }),
      agreed: z.number().int(),
      project: z.number().int().openapi({ description: 'Agreed matches that became a project' }),
    }),
  })
  .openapi('Dashboard');

/** `GET /dashboard`: the numbers behind the dashboard's charts, with the caller's permissions. */
export function dashboardRoutes(dashboard: DashboardService) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(
    createRoute({
      method: 'get',
      path: '/dashboard',
      tags: ['Dashboard'],
      summary:
        'Counts of solutions, open needs, agreed matches and projects, project money and funding by one dimension, and the match funnel',
      request: { query: DashboardQuery },
      responses: ok(
        DashboardSchema,
        'The numbers; an unknown dimension or rate table is a 422 naming query.dimension or query.rates',
      ),
    }),
    async (c) => {
      const query = c.req.valid('query');
      const dimension = dimensionOf(query.dimension);
      const viewer = c.get('viewer');
      const [rows, money, funding, indicators, funnel] = await Promise.all([
        dashboard.counts(viewer, dimension, query.lang),
        dashboard.money(viewer, dimension, query.lang, query.currency?.toUpperCase()),
        dashboard.funding(viewer, dimension, query.lang, query.rates),
        dashboard.indicators(viewer, query.lang),
        dashboard.funnel(viewer),
      ]);
      return c.json({ dimension, rows, money, funding, indicators, funnel }, 200);
    },
  );
  return app;
}
