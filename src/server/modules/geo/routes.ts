import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context.js';
import { langQuery, ok } from '../../http/openapi.js';
import { validationHook } from '../../http/validation.js';
import type { CountryProfiles } from './profile.js';
import type { GeoService } from './service.js';

const tags = ['Map'];

const MapQuery = z.object({
  ...langQuery,
  metric: z.string().max(40).optional().openapi({
    description: 'What to count per country; `metrics` in the answer lists them',
    example: 'solutions',
  }),
});

const decimal = z.string().openapi({ description: 'Exact decimal', example: '600000.00' });
const RateTableRef = z
  .object({ id: z.string(), name: z.string(), effectiveOn: z.string(), source: z.string() })
  .openapi('RateTableRef');
const Unconverted = z.array(z.object({ amount: decimal, currency: z.string() })).openapi({
  description: 'Amounts in currencies the rate table lacks, left out of the figures',
});

const MapSchema = z
  .object({
    metric: z.string(),
    metrics: z.array(z.string()).openapi({ description: 'The metrics registered on this platform' }),
    values: z.array(
      z.object({
        iso3: z.string(),
        m49: z.string(),
        name: z.string(),
        value: z.number(),
        amount: decimal.optional().openapi({
          description: 'For a metric of money (funding): the exact amount; `value` is it as a number',
        }),
      }),
    ),
    flows: z
      .array(z.object({ from: z.string(), to: z.string(), value: z.number() }))
      .openapi({ description: 'Provider → recipient links (ISO3 codes), for the metrics that have them' }),
    money: z
      .object({
        currency: z.string().openapi({ description: 'The report currency: the rate table’s base' }),
        rateTable: RateTableRef.nullable().openapi({
          description: 'The latest rate table, the amounts are converted at; null when none is stated',
        }),
        total: decimal.openapi({ description: 'The sum of the countries’ amounts' }),
        unconverted: Unconverted,
      })
      .nullable()
      .openapi({
        description:
          'For the funding metric: money pledged to projects (earmarked contributions and fund allocations), split across recipient countries by their stated percentages, equally when none; null for counts',
      }),
  })
  .openapi('MapData');

const ProfileParams = z.object({
  iso3: z
    .string()
    .min(1)
    .max(20)
    .openapi({ param: { name: 'iso3', in: 'path' }, example: 'KEN', description: 'ISO 3166 alpha-3 code' }),
});

const RegionRef = z.object({ m49: z.string(), name: z.string() }).nullable();
const ProfileSchema = z
  .object({
    country: z.object({
      iso3: z.string(),
      iso2: z.string().nullable(),
      m49: z.string(),
      name: z.string(),
      region: RegionRef,
      subRegion: RegionRef,
      isLdc: z.boolean(),
      isLldc: z.boolean(),
      isSids: z.boolean(),
    }),
    sections: z.array(
      z.object({
        id: z.string(),
        total: z.number().int(),
        items: z.array(
          z.object({
            type: z.string(),
            slug: z.string(),
            title: z.string(),
            detail: z.string().nullable().optional(),
            money: z
              .object({ pledged: decimal, paid: decimal })
              .optional()
              .openapi({ description: 'In a section about money: this record’s part of it' }),
          }),
        ),
        money: z
          .object({
            currency: z.string(),
            rateTable: RateTableRef.nullable(),
            pledged: decimal,
            paid: decimal,
            appeals: z.array(z.object({ slug: z.string(), name: z.string() })).openapi({
              description: 'Appeals listing these projects; their explorer filters by `?country=`',
            }),
          })
          .optional()
          .openapi({ description: 'For the funding section: the country’s totals' }),
      }),
    ),
  })
  .openapi('CountryProfile');

/** The map's data and the country profile: reads only, with the caller's permissions. */
export function geoRoutes(geo: GeoService, profiles: CountryProfiles) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/map',
      tags,
      summary: 'Values per country for one metric, with provider → recipient flows',
      request: { query: MapQuery },
      responses: ok(MapSchema, 'The map data; an unknown metric is a 422 naming query.metric'),
    }),
    async (c) => {
      const { metric, lang } = c.req.valid('query');
      return c.json(await geo.mapData(c.get('viewer'), metric ?? geo.metrics()[0]!, lang), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/countries/{iso3}/profile',
      tags,
      summary: 'Everything about one country: reference facts and the records linked to it',
      request: { params: ProfileParams, query: z.object(langQuery) },
      responses: ok(ProfileSchema, 'The country profile'),
    }),
    async (c) =>
      c.json(
        await profiles.profile(c.get('viewer'), c.req.valid('param').iso3, c.req.valid('query').lang),
        200,
      ),
  );
  return app;
}
