import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { AppError } from '../errors.js';
import type { AppEnv } from '../http/context.js';
import { errorResponses, langQuery } from '../http/openapi.js';
import { validationHook } from '../http/validation.js';
import { CHART_FORMATS, exportChart } from './export.js';
import type { ChartRegistry } from './registry.js';
import { CHART_KINDS } from './spec.js';

const ChartSpecSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    kind: z.enum(CHART_KINDS),
    categoryTitle: z.string(),
    categories: z.array(z.string()),
    series: z.array(z.object({ name: z.string(), values: z.array(z.number()) })),
    unit: z.string().optional(),
    locale: z.string().optional(),
  })
  .openapi('ChartSpec');

const ChartQuery = z
  .object({
    ...langQuery,
    format: z
      .enum(['json', ...CHART_FORMATS])
      .default('json')
      .openapi({ description: 'json: the chart spec; csv or xlsx: its data; svg: the picture' }),
    country: z
      .string()
      .regex(/^[A-Za-z]{3}$/, 'must be an ISO 3166 alpha-3 code')
      .optional()
      .openapi({ description: 'ISO3 code, for the country charts', example: 'KEN' }),
  })
  .passthrough();

const ChartPathParams = z.object({
  chart: z
    .string()
    .regex(/^[a-z0-9-]{1,80}$/)
    .openapi({ param: { name: 'chart', in: 'path' }, example: 'country-solutions-by-theme' }),
});

/**
 * `GET /charts/{chart}`: any registered chart, recomputed for the caller, as its JSON spec or as a
 * CSV, XLSX or SVG download. Pages link here for every chart they show.
 */
export function chartRoutes(charts: ChartRegistry) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(
    createRoute({
      method: 'get',
      path: '/charts/{chart}',
      tags: ['Charts'],
      summary: 'A chart as its data (JSON spec, CSV, XLSX) or its picture (SVG)',
      request: { params: ChartPathParams, query: ChartQuery },
      responses: {
        200: {
          description: 'The spec or the file',
          content: {
            'application/json': { schema: ChartSpecSchema },
            'text/csv': { schema: z.string() },
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string() },
            'image/svg+xml': { schema: z.string() },
          },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { chart } = c.req.valid('param');
      const { format, lang, ...rest } = c.req.valid('query');
      const definition = charts.get(chart);
      if (!definition) throw new AppError('not_found', `There is no chart "${chart}"`);
      const params = Object.fromEntries(
        definition.params.map((name) => [
          name,
          (rest as Record<string, unknown>)[name] as string | undefined,
        ]),
      );
      const spec = await definition.build(c.get('viewer'), params, lang);
      if (format === 'json') return c.json(spec, 200);
      const file = await exportChart(spec, format, charts.fileName(chart, params));
      return c.body(file.body as unknown as ArrayBuffer, 200, file.headers);
    },
  );
  return app;
}
