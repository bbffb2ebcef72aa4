import { createRoute, OpenAPIHono, type RouteConfig, z } from '@hono/zod-openapi';
import { guard, writeContext } from '../../http/auth.js';
import type { AppEnv } from '../../http/context.js';
import { formatParam, registerExport } from '../../http/export.js';
import { errorResponses, jsonBody, langQuery, ok, problemResponse } from '../../http/openapi.js';
import { collectPages } from '../../http/pagination.js';
import { validationHook } from '../../http/validation.js';
import type { Viewer } from '../access/policy.js';
import {
  CloseInput,
  type Need,
  NeedInput,
  NeedPage,
  NeedPatch,
  NeedSchema,
  type Offer,
  OfferInput,
  OfferPage,
  OfferPatch,
  OfferSchema,
  PostingListQuery,
  PostingParams,
} from './schema.js';
import type { NeedsOffersService, PostingKind } from './service.js';
import type { NeedsOffersWrites } from './write.js';

const security = [{ session: [] }];

const writeErrors = {
  400: problemResponse('Malformed request'),
  401: problemResponse('Not signed in'),
  403: problemResponse('Not allowed: names the field (organisation, workingGroupId) when that is why'),
  404: problemResponse('No such record, or not visible to you'),
  409: problemResponse('Already in that state'),
  422: problemResponse('Invalid fields; `errors` names each one'),
} satisfies RouteConfig['responses'];

const CONFIG = {
  need: {
    path: '/needs',
    tag: 'Needs',
    item: NeedSchema,
    page: NeedPage,
    input: NeedInput,
    patch: NeedPatch,
    what: 'need',
  },
  offer: {
    path: '/offers',
    tag: 'Offers',
    item: OfferSchema,
    page: OfferPage,
    input: OfferInput,
    patch: OfferPatch,
    what: 'offer',
  },
} as const;

/** `/needs` or `/offers`: list, read, export, create, edit, close and reopen. */
function postingRoutes(kind: PostingKind, service: NeedsOffersService, writes: NeedsOffersWrites) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const { path, tag, item, page, what } = CONFIG[kind];
  const tags = [tag];
  const content = { 'application/json': { schema: item } };
  /** The record as the viewer sees it, in the language asked for. */
  const show = async (viewer: Viewer, id: string, lang: string) =>
    (await service.get(kind, viewer, id, lang)) as never;

  app.openapi(
    createRoute({
      method: 'get',
      path,
      tags,
      summary: `List ${what}s you may see, most recently changed first (open ones unless status says otherwise)`,
      request: { query: PostingListQuery },
      responses: ok(page, `${tag}`),
    }),
    async (c) => c.json((await service.list(kind, c.get('viewer'), c.req.valid('query'))) as never, 200),
  );

  registerExport(app, {
    path: `${path}/export`,
    tag,
    name: `${what}s`,
    query: PostingListQuery.omit({ limit: true, cursor: true }).extend(formatParam),
    columns: [
      { header: 'id', value: (r: Need | Offer) => r.id },
      { header: 'slug', value: (r: Need | Offer) => r.slug },
      { header: 'title', value: (r: Need | Offer) => r.title },
      { header: 'language', value: (r: Need | Offer) => r.originalLanguage },
      { header: 'country', value: (r: Need | Offer) => r.country.iso3 },
      { header: 'organisation', value: (r: Need | Offer) => r.organisation?.name },
      { header: 'themes', value: (r: Need | Offer) => r.themes.map((t) => t.id).join('; ') },
      { header: 'sdg_targets', value: (r: Need | Offer) => r.sdgTargets.join('; ') },
      {
        header: 'modalities',
        value: (r: Need | Offer) => r.modalities.map((m) => m.id).join('; '),
      },
      { header: 'status', value: (r: Need | Offer) => r.status },
      { header: 'updated_at', value: (r: Need | Offer) => r.updatedAt },
    ],
    rows: (viewer, filters) =>
      collectPages((cursor) => service.list(kind, viewer, { ...filters, limit: 100, cursor })),
  });

  app.openapi(
    createRoute({
      method: 'get',
      path: `${path}/{id}`,
      tags,
      summary: `One ${what} by id or slug`,
      request: { params: PostingParams, query: z.object(langQuery) },
      responses: { 200: { description: `The ${what}`, content }, ...errorResponses },
    }),
    async (c) => c.json(await show(c.get('viewer'), c.req.valid('param').id, c.req.valid('query').lang), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path,
      middleware: [guard('member')] as const,
      tags,
      security,
      summary: `Post a ${what} for your organisation (staff may post for any), in any language`,
      request: { body: jsonBody(CONFIG[kind].input), query: z.object(langQuery) },
      responses: { 201: { description: `The new ${what}`, content }, ...writeErrors },
    }),
    async (c) => {
      const row = await writes.create(kind, writeContext(c), c.req.valid('json') as never);
      return c.json(await show(c.get('viewer'), row.id, c.req.valid('query').lang), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: `${path}/{id}`,
      middleware: [guard('member')] as const,
      tags,
      security,
      summary: `Edit a ${what} (its author, their organisation admin, or the secretariat)`,
      request: { params: PostingParams, body: jsonBody(CONFIG[kind].patch), query: z.object(langQuery) },
      responses: { 200: { description: `The edited ${what}`, content }, ...writeErrors },
    }),
    async (c) => {
      const row = await writes.update(
        kind,
        writeContext(c),
        c.req.valid('param').id,
        c.req.valid('json') as never,
      );
      return c.json(await show(c.get('viewer'), row.id, c.req.valid('query').lang), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: `${path}/{id}/close`,
      middleware: [guard('member')] as const,
      tags,
      security,
      summary: `Close a ${what}: it leaves matching and search, and its matches can no longer move`,
      request: { params: PostingParams, body: jsonBody(CloseInput), query: z.object(langQuery) },
      responses: { 200: { description: `The closed ${what}`, content }, ...writeErrors },
    }),
    async (c) => {
      const row = await writes.close(
        kind,
        writeContext(c),
        c.req.valid('param').id,
        c.req.valid('json').reason,
      );
      return c.json(await show(c.get('viewer'), row.id, c.req.valid('query').lang), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: `${path}/{id}/reopen`,
      middleware: [guard('member')] as const,
      tags,
      security,
      summary: `Reopen a closed ${what}`,
      request: { params: PostingParams, query: z.object(langQuery) },
      responses: { 200: { description: `The reopened ${what}`, content }, ...writeErrors },
    }),
    async (c) => {
      const row = await writes.reopen(kind, writeContext(c), c.req.valid('param').id);
      return c.json(await show(c.get('viewer'), row.id, c.req.valid('query').lang), 200);
    },
  );

  return app;
}

export function needsOffersRoutes(service: NeedsOffersService, writes: NeedsOffersWrites) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.route('/', postingRoutes('need', service, writes));
  app.route('/', postingRoutes('offer', service, writes));
  return app;
}
