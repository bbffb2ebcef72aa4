import { createRoute, OpenAPIHono, type RouteConfig, z } from '@hono/zod-openapi';
import { guard, writeContext } from '../../http/auth.js';
import type { AppEnv } from '../../http/context.js';
import { exportFile, formatParam, registerExport } from '../../http/export.js';
import { errorResponses, jsonBody, langQuery, ok, problemResponse } from '../../http/openapi.js';
import { collectPages } from '../../http/pagination.js';
import { validationHook } from '../../http/validation.js';
import {
  AllocationInput,
  AppealLineInput,
  type Contribution,
  ContributionInput,
  ContributionListQuery,
  ContributionPage,
  ContributionParams,
  ContributionPatch,
  ContributionSchema,
  ExplorerQuery,
  FundDetailSchema,
  FundInput,
  type FundingRow,
  FundList,
  FundListQuery,
  FundParams,
  LineParams,
  RateTableInput,
  RateTableList,
  RateTableSchema,
} from './schema.js';
import type { FundingService } from './service.js';
import type { FundingWrites } from './write.js';

const tags = ['Appeals and funds'];
const security = [{ session: [] }];
const detail = { 'application/json': { schema: FundDetailSchema } };
const contribution = { 'application/json': { schema: ContributionSchema } };

const writeErrors = {
  400: problemResponse('Malformed request'),
  401: problemResponse('Not signed in'),
  403: problemResponse('Only the secretariat manages appeals and funds'),
  404: problemResponse('No such appeal, fund, project or contribution'),
  409: problemResponse('Conflicts with what is recorded'),
  422: problemResponse('Invalid fields; `errors` names each one'),
} satisfies RouteConfig['responses'];

const fundQuery = ExplorerQuery.pick({ lang: true, rates: true });

/** `/appeals`, `/funds`, `/contributions` and `/rate-tables`. */
export function fundingRoutes(service: FundingService, writes: FundingWrites) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const fullQuery = (lang: string) =>
    ({ lang, groupBy: 'project' as const }) as z.infer<typeof ExplorerQuery>;

  for (const kind of ['appeal', 'trust-fund'] as const) {
    const path = kind === 'appeal' ? '/appeals' : '/funds';
    const what = kind === 'appeal' ? 'appeal' : 'trust fund';
    app.openapi(
      createRoute({
        method: 'get',
        path,
        tags,
        summary: `Every ${what}, with requirement, pledged, paid and gap at the stated rate table`,
        request: { query: FundListQuery },
        responses: ok(FundList, `The ${what}s`),
      }),
      async (c) => {
        const { lang, rates } = c.req.valid('query');
        return c.json({ items: await service.list(c.get('viewer'), kind, lang, rates) }, 200);
      },
    );

    app.openapi(
      createRoute({
        method: 'get',
        path: `${path}/{id}`,
        tags,
        summary:
          kind === 'appeal'
            ? 'One appeal with its contributions and the explorer: requirement, pledged, paid and gap by project, programme, country, region, theme or implementing partner'
            : 'One trust fund with its contributions and allocations',
        request: { params: FundParams, query: kind === 'appeal' ? ExplorerQuery : fundQuery },
        responses: { 200: { description: `The ${what}`, content: detail }, ...errorResponses },
      }),
      async (c) => {
        const query = c.req.valid('query');
        const filters = { ...fullQuery(query.lang), ...query };
        return c.json(await service.get(c.get('viewer'), c.req.valid('param').id, kind, filters), 200);
      },
    );

    app.openapi(
      createRoute({
        method: 'post',
        path,
        middleware: [guard('secretariat')] as const,
        tags,
        security,
        summary: `Create a ${what} (secretariat)`,
        request: { body: jsonBody(FundInput), query: z.object(langQuery) },
        responses: { 201: { description: `The new ${what}`, content: detail }, ...writeErrors },
      }),
      async (c) => {
        const row = await writes.createFund(writeContext(c), kind, c.req.valid('json'));
        return c.json(
          await service.get(c.get('viewer'), row.id, kind, fullQuery(c.req.valid('query').lang)),
          201,
        );
      },
    );
  }

  app.openapi(
    createRoute({
      method: 'get',
      path: '/appeals/{id}/export',
      tags,
      summary: 'The explorer’s rows as CSV or XLSX, with the filters and grouping of the explorer',
      request: { params: FundParams, query: ExplorerQuery.extend(formatParam) },
      responses: {
        200: {
          description: 'The file',
          content: {
            'text/csv': { schema: z.string() },
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string() },
          },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { format, ...filters } = c.req.valid('query');
      const explorer = await service.explorer(c.get('viewer'), c.req.valid('param').id, filters);
      const file = await exportFile(
        format,
        `appeal-${filters.groupBy}`,
        [
          { header: filters.groupBy, value: (row: FundingRow) => row.key },
          { header: 'label', value: (row: FundingRow) => row.label },
          { header: 'projects', value: (row: FundingRow) => row.projects },
          { header: `requirement_${explorer.currency}`, value: (row: FundingRow) => row.requirement },
          { header: `pledged_${explorer.currency}`, value: (row: FundingRow) => row.pledged },
          { header: `paid_${explorer.currency}`, value: (row: FundingRow) => row.paid },
          { header: `gap_${explorer.currency}`, value: (row: FundingRow) => row.gap },
          { header: 'rate_table', value: () => explorer.rateTable?.id ?? '' },
        ],
        explorer.rows,
      );
      return c.body(file.body as unknown as ArrayBuffer, 200, file.headers);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/appeals/{id}/projects/{project}',
      middleware: [guard('secretariat')] as const,
      tags,
      security,
      summary: 'List a project in an appeal with its funding requirement, or change it (secretariat)',
      request: { params: LineParams, body: jsonBody(AppealLineInput), query: z.object(langQuery) },
      responses: {
        200: { description: 'The appeal, with the line changed', content: detail },
        201: { description: 'The appeal, with the project added', content: detail },
        ...writeErrors,
      },
    }),
    async (c) => {
      const { id, project } = c.req.valid('param');
      const result = await writes.setLine(writeContext(c), id, project, c.req.valid('json'));
      const body = await service.get(
        c.get('viewer'),
        result.appeal.id,
        'appeal',
        fullQuery(c.req.valid('query').lang),
      );
      return result.created ? c.json(body, 201) : c.json(body, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/appeals/{id}/projects/{project}',
      middleware: [guard('secretariat')] as const,
      tags,
      security,
      summary: 'Take a project out of an appeal (secretariat); refused while money is earmarked to it there',
      request: { params: LineParams },
      responses: { 204: { description: 'Removed' }, ...writeErrors },
    }),
    async (c) => {
      const { id, project } = c.req.valid('param');
      await writes.removeLine(writeContext(c), id, project);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/funds/{id}/allocations',
      middleware: [guard('secretariat')] as const,
      tags,
      security,
      summary: 'Record an allocation from a trust fund to a project (secretariat)',
      request: { params: FundParams, body: jsonBody(AllocationInput), query: z.object(langQuery) },
      responses: { 201: { description: 'The fund, with the allocation', content: detail }, ...writeErrors },
    }),
    async (c) => {
      const { fund } = await writes.addAllocation(
        writeContext(c),
        c.req.valid('param').id,
        c.req.valid('json'),
      );
      return c.json(
        await service.get(c.get('viewer'), fund.id, 'trust-fund', fullQuery(c.req.valid('query').lang)),
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/contributions',
      tags,
      summary: 'Pledges and contributions, newest first, by appeal, fund, project, donor and status',
      request: { query: ContributionListQuery },
      responses: ok(ContributionPage, 'Contributions'),
    }),
    async (c) => c.json(await listContributions(c.get('viewer'), c.req.valid('query')), 200),
  );

  async function listContributions(
    viewer: Parameters<FundingService['contributions']>[0],
    query: z.infer<typeof ContributionListQuery>,
  ) {
    const projectId = query.project ? await service.projectId(viewer, query.project) : undefined;
    return service.contributions(viewer, { ...query, ...(projectId ? { projectId } : {}) });
  }

  registerExport(app, {
    path: '/contributions/export',
    tag: tags[0]!,
    name: 'contributions',
    query: ContributionListQuery.omit({ limit: true, cursor: true }).extend(formatParam),
    columns: [
      { header: 'id', value: (r: Contribution) => r.id },
      { header: 'donor', value: (r: Contribution) => r.donor.name },
      { header: 'donor_slug', value: (r: Contribution) => r.donor.slug },
      { header: 'appeal', value: (r: Contribution) => r.appeal?.slug },
      { header: 'fund', value: (r: Contribution) => r.fund?.slug },
      { header: 'project', value: (r: Contribution) => r.project?.slug },
      { header: 'earmarked', value: (r: Contribution) => (r.earmarked ? 'yes' : 'no') },
      { header: 'amount', value: (r: Contribution) => r.amount },
      { header: 'currency', value: (r: Contribution) => r.currency },
      { header: 'status', value: (r: Contribution) => r.status },
      { header: 'made_on', value: (r: Contribution) => r.madeOn },
    ],
    rows: (viewer, filters) =>
      collectPages((cursor) => listContributions(viewer, { ...filters, limit: 100, cursor })),
  });

  app.openapi(
    createRoute({
      method: 'post',
      path: '/contributions',
      middleware: [guard('secretariat')] as const,
      tags,
      security,
      summary: 'Record a pledge or a paid contribution, earmarked to a project or not (secretariat)',
      request: { body: jsonBody(ContributionInput), query: z.object(langQuery) },
      responses: { 201: { description: 'The contribution', content: contribution }, ...writeErrors },
    }),
    async (c) => {
      const row = await writes.addContribution(writeContext(c), c.req.valid('json'));
      return c.json(await service.contribution(c.get('viewer'), row.id, c.req.valid('query').lang), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/contributions/{id}',
      middleware: [guard('secretariat')] as const,
      tags,
      security,
      summary: 'Edit a contribution, e.g. record that a pledge was paid (secretariat)',
      request: { params: ContributionParams, body: jsonBody(ContributionPatch), query: z.object(langQuery) },
      responses: { 200: { description: 'The contribution', content: contribution }, ...writeErrors },
    }),
    async (c) => {
      const row = await writes.updateContribution(
        writeContext(c),
        c.req.valid('param').id,
        c.req.valid('json'),
      );
      return c.json(await service.contribution(c.get('viewer'), row.id, c.req.valid('query').lang), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/contributions/{id}',
      middleware: [guard('secretariat')] as const,
      tags,
      security,
      summary: 'Delete a contribution recorded in error (secretariat; the audit log keeps it)',
      request: { params: ContributionParams },
      responses: { 204: { description: 'Deleted' }, ...writeErrors },
    }),
    async (c) => {
      await writes.removeContribution(writeContext(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/rate-tables',
      tags,
      summary: 'The stated exchange-rate tables, newest first; funding reports convert at one of them',
      responses: ok(RateTableList, 'Rate tables'),
    }),
    async (c) => c.json({ items: await service.rateTables() }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/rate-tables',
      middleware: [guard('secretariat')] as const,
      tags,
      security,
      summary: 'State a new exchange-rate table (secretariat); tables never change once stated',
      request: { body: jsonBody(RateTableInput) },
      responses: {
        201: { description: 'The rate table', content: { 'application/json': { schema: RateTableSchema } } },
        ...writeErrors,
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      await writes.addRateTable(writeContext(c), input);
      return c.json((await service.rateTable(input.id))!, 201);
    },
  );

  return app;
}
