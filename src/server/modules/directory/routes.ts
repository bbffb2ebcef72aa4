import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import type { ZodError } from 'zod';
import { AppError, fieldErrorsFromZod } from '../../errors.js';
import { requireSignedIn, writeContext } from '../../http/auth.js';
import type { AppEnv } from '../../http/context.js';
import { errorResponses, langQuery, ok, ProblemSchema } from '../../http/openapi.js';
import { validationHook } from '../../http/validation.js';
import { VCARD_MEDIA_TYPE } from '../../interchange/vcard.js';
import {
  DirectoryListFields,
  DirectoryPage,
  DirectoryProfileSchema,
  OwnProfileSchema,
  PersonParams,
  ProfileInput,
} from './schema.js';
import type { DirectoryService } from './service.js';

const tags = ['Directory'];
const security = [{ session: [] }];

/** Members only: a visitor gets 401 before any input is looked at. */
const signedIn: MiddlewareHandler<AppEnv> = async (c, next) => {
  requireSignedIn(c);
  await next();
};

const unauthorized = {
  401: {
    description: 'Not signed in',
    content: { 'application/problem+json': { schema: ProblemSchema } },
  },
};

const vcardResponse = {
  200: { description: 'vCard 4.0 (RFC 6350)', content: { 'text/vcard': { schema: z.string() } } },
  ...unauthorized,
  ...errorResponses,
};

/** An attachment name: ASCII for old clients, and the UTF-8 name (RFC 6266 / 8187) for the rest. */
function attachment(fallback: string, name: string): string {
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16)}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

function vcardBody(c: Context, body: string, fallback: string, name: string) {
  return c.body(body, 200, {
    'content-type': VCARD_MEDIA_TYPE,
    'content-disposition': attachment(fallback, name),
    'cache-control': 'private, no-store',
  });
}

export function directoryRoutes(directory: DirectoryService) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/directory',
      tags,
      security,
      middleware: [signedIn],
      summary: 'The contact directory of focal points (members only)',
      description:
        'Listed people whose accounts are active, by name. Filters that name nothing answer 400 naming the ' +
        'field. Email, phone and website appear only where the person shares them (you and staff see all).',
      request: { query: DirectoryListFields },
      responses: { ...ok(DirectoryPage, 'People'), ...unauthorized },
    }),
    async (c) => c.json(await directory.list(c.get('viewer'), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/directory/export.vcf',
      tags,
      security,
      middleware: [signedIn],
      summary:
        'The filtered directory as vCards (up to 10,000), with only the contact fields each person shares',
      request: { query: DirectoryListFields.omit({ limit: true, cursor: true }) },
      responses: vcardResponse,
    }),
    async (c) => {
      const body = await directory.vcards(c.get('viewer'), { ...c.req.valid('query'), limit: 100 });
      return vcardBody(c, body, 'southbridge-directory.vcf', 'southbridge-directory.vcf');
    },
  );

  // `{userId}.vcf` cannot be an OpenAPI route path here (the suffix would become part of the
  // parameter name), so it is documented in the registry and served by a plain handler.
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/directory/{userId}.vcf',
    tags,
    security,
    summary: 'One person as a vCard, with only the contact fields they share',
    request: { params: PersonParams, query: z.object(langQuery) },
    responses: vcardResponse,
  });
  app.get('/directory/:file{[^/]+\\.vcf}', async (c) => {
    const viewer = requireSignedIn(c);
    const params = PersonParams.safeParse({ userId: c.req.param('file').replace(/\.vcf$/, '') });
    const query = z.object(langQuery).safeParse({ lang: c.req.query('lang') });
    if (!params.success || !query.success)
      throw new AppError('bad_request', 'The request has invalid fields', [
        ...(params.success ? [] : fieldErrorsFromZod(params.error.issues, 'path')),
        ...(query.success ? [] : fieldErrorsFromZod(query.error.issues, 'query')),
      ]);
    const body = await directory.vcard(viewer, params.data.userId, query.data.lang);
    const name = /^FN:(.*)$/m.exec(body)?.[1]?.replace(/\\(.)/g, '$1').trim() || 'contact';
    return vcardBody(c, body, `contact-${params.data.userId}.vcf`, `${name}.vcf`);
  });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/directory/{userId}',
      tags,
      security,
      middleware: [signedIn],
      summary: 'One person’s directory profile (404 when unlisted, except for themselves and staff)',
      request: { params: PersonParams, query: z.object(langQuery) },
      responses: { ...ok(DirectoryProfileSchema, 'The profile'), ...unauthorized },
    }),
    async (c) =>
      c.json(
        await directory.get(c.get('viewer'), c.req.valid('param').userId, c.req.valid('query').lang),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/me/profile',
      tags,
      security,
      middleware: [signedIn],
      summary: 'Your directory profile, with your sharing choices',
      responses: { ...ok(OwnProfileSchema, 'Your profile'), ...unauthorized },
    }),
    async (c) => c.json(await directory.ownProfile(c.get('viewer')), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/me/profile',
      tags,
      security,
      middleware: [signedIn],
      summary: 'Replace your directory profile; 422 names every invalid field and nothing is saved',
      request: { body: { content: { 'application/json': { schema: ProfileInput } }, required: true } },
      responses: {
        ...ok(OwnProfileSchema, 'Your profile after the change'),
        ...unauthorized,
        422: {
          description: 'Invalid fields, each named',
          content: { 'application/problem+json': { schema: ProblemSchema } },
        },
      },
    }),
    async (c) => c.json(await directory.updateOwnProfile(writeContext(c), c.req.valid('json')), 200),
    // On a shape error, check the country and theme codes too, so one answer names every bad field.
    (async (result: { success: boolean; data?: unknown; error?: ZodError }) => {
      if (result.success) return;
      await directory.validateProfile(result.data);
      throw new AppError(
        'validation_failed',
        'Some profile fields are not valid',
        fieldErrorsFromZod(result.error?.issues ?? [], 'body'),
      );
    }) as never,
  );

  return app;
}
