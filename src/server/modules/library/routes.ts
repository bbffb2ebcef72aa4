import { createRoute, OpenAPIHono, type RouteConfig, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requireSignedIn, writeContext } from '../../http/auth.js';
import type { AppEnv } from '../../http/context.js';
import { langQuery, ok, problemResponse } from '../../http/openapi.js';
import { validationHook } from '../../http/validation.js';
import {
  ResourceFormInput,
  ResourceListQuery,
  ResourcePage,
  ResourceParams,
  ResourcePatch,
  ResourceSchema,
} from './schema.js';
import type { LibraryService } from './service.js';
import { UPLOAD_BODY_LIMIT, uploadedFile, uploadTooLarge } from './upload.js';

const tags = ['Library'];
const security = [{ session: [] }];

const writeErrors = {
  400: problemResponse('Malformed request'),
  401: problemResponse('Not signed in'),
  403: problemResponse('Not allowed: public is for the secretariat; a group only for its members'),
  404: problemResponse('No such resource, or not visible to you'),
  422: problemResponse('Invalid fields; `errors` names each one'),
} satisfies RouteConfig['responses'];

const resourceContent = { 'application/json': { schema: ResourceSchema } };

/** 401 before the body is read: visitors never upload. */
const signedIn: MiddlewareHandler<AppEnv> = async (c, next) => {
  requireSignedIn(c);
  await next();
};

/**
 * Refuses a body over the upload limit (413 naming `file`) from its Content-Length, or while it
 * streams in when there is none, before the whole of it is held in memory.
 */
const uploadLimit = bodyLimit({
  maxSize: UPLOAD_BODY_LIMIT,
  onError: () => {
    throw uploadTooLarge();
  },
});

/** `attachment; filename="ascii"; filename*=UTF-8''percent-encoded` (RFC 6266 / RFC 8187). */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** The resource library: upload, list, read, edit, delete and download. */
export function libraryRoutes(library: LibraryService) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/library',
      tags,
      summary: 'List library resources the caller may read, newest first',
      request: { query: ResourceListQuery },
      responses: ok(ResourcePage, 'Resources'),
    }),
    async (c) => c.json(await library.list(c.get('viewer'), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/library',
      tags,
      security,
      middleware: [signedIn, uploadLimit] as const,
      summary: 'Add a document (multipart, field `file`) or a link (field `url`) to the library',
      description:
        'Members may share with members, their organisation, a working group they belong to, or keep it private; ' +
        'public is for the secretariat. The file may be at most 10 MB; its type is decided from its bytes ' +
        '(PDF, DOCX, XLSX, CSV, TXT, PNG, JPEG) and text is extracted from PDF, DOCX, TXT and CSV for search. ' +
        'A browser must post from this site (its Origin is checked); scripts send no Origin and are not checked.',
      request: {
        body: { required: true, content: { 'multipart/form-data': { schema: ResourceFormInput } } },
      },
      responses: {
        201: { description: 'The new resource', content: resourceContent },
        ...writeErrors,
        413: problemResponse('The file is over the size limit'),
        415: problemResponse('The file is not of an allowed type, or not what its label says'),
      },
    }),
    async (c) => {
      const viewer = requireSignedIn(c);
      const input = c.req.valid('form');
      const file = await uploadedFile(input.file);
      const row = await library.create(writeContext(c), input, file);
      return c.json(await library.get(viewer, row.id, row.language), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/library/{id}',
      tags,
      summary: 'Get a resource by id or slug',
      request: { params: ResourceParams, query: z.object(langQuery) },
      responses: ok(ResourceSchema, 'The resource'),
    }),
    async (c) =>
      c.json(await library.get(c.get('viewer'), c.req.valid('param').id, c.req.valid('query').lang), 200),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/library/{id}',
      tags,
      security,
      summary: 'Edit the title, description, themes or audience of a resource',
      request: {
        params: ResourceParams,
        body: { required: true, content: { 'application/json': { schema: ResourcePatch } } },
      },
      responses: { 200: { description: 'The edited resource', content: resourceContent }, ...writeErrors },
    }),
    async (c) => {
      const viewer = requireSignedIn(c);
      const row = await library.update(writeContext(c), c.req.valid('param').id, c.req.valid('json'));
      return c.json(await library.get(viewer, row.id, row.language), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/library/{id}',
      tags,
      security,
      summary: 'Delete a resource and its file',
      request: { params: ResourceParams },
      responses: { 204: { description: 'Deleted' }, ...writeErrors },
    }),
    async (c) => {
      requireSignedIn(c);
      await library.remove(writeContext(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/library/{id}/download',
      tags,
      summary: 'Download the document of a resource, as stored',
      description:
        'Served as an attachment with the type found in its bytes and `X-Content-Type-Options: nosniff`. ' +
        '404 when the resource does not exist, is a link, or the caller may not read it.',
      request: { params: ResourceParams },
      responses: {
        200: {
          description: 'The file',
          content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
        },
        404: problemResponse('No such document, or not visible to you'),
      },
    }),
    async (c) => {
      const viewer = c.get('viewer');
      const file = await library.download(viewer, c.req.valid('param').id);
      const type = file.type.startsWith('text/') ? `${file.type}; charset=utf-8` : file.type;
      const isPublic = file.visibility === 'public';
      return c.body(file.bytes as unknown as ArrayBuffer, 200, {
        'content-type': type,
        'content-length': String(file.bytes.byteLength),
        'content-disposition': contentDisposition(file.name),
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; sandbox",
        'cache-control': isPublic ? 'public, max-age=300' : 'private, no-store',
        ...(isPublic ? {} : { vary: 'Cookie, Authorization' }),
      });
    },
  );

  return app;
}
