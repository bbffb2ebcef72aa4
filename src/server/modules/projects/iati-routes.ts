import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../../errors.js';
import { guard, writeContext } from '../../http/auth.js';
import type { AppEnv } from '../../http/context.js';
import { csvParam, errorResponses, problemResponse } from '../../http/openapi.js';
import { validationHook } from '../../http/validation.js';
import type { ReferenceService } from '../reference/service.js';
import { toIatiXml } from './iati/write.js';
import type { IatiImport, IatiImportReport } from './import.js';
import { ProjectListQuery } from './schema.js';
import type { ProjectsService } from './service.js';
import { toActivity } from './to-activity.js';

/** The largest IATI file taken over HTTP; the command line takes larger ones. */
export const MAX_IATI_UPLOAD_BYTES = 50 * 1024 * 1024;

const tags = ['Projects'];

const Issue = z.object({ line: z.number().int().nullable(), field: z.string(), message: z.string() });
export const ImportReportSchema = z
  .object({
    file: z.string(),
    version: z.string().nullable(),
    total: z.number().int().openapi({ description: '<iati-activity> elements in the file' }),
    created: z.number().int(),
    updated: z.number().int(),
    refused: z.array(
      z.object({
        identifier: z.string().nullable(),
        line: z.number().int().nullable(),
        issues: z.array(Issue),
      }),
    ),
    fileIssues: z.array(Issue),
  })
  .openapi('IatiImportReport');

/** 413 naming the file: it is over the HTTP limit. */
export const iatiFileTooLarge = () =>
  new AppError(
    'payload_too_large',
    `The file is too large; the limit is ${MAX_IATI_UPLOAD_BYTES / 1024 / 1024} MB`,
    [{ field: 'body.file', message: 'is over the size limit', code: 'too_large' }],
  );

/** A file refused as a whole: 422 naming the file, each problem with its line. */
function refusedFile(report: IatiImportReport): AppError {
  return new AppError(
    'validation_failed',
    'The file is not an IATI activity file that can be read',
    report.fileIssues.map((issue) => ({
      field: 'body.file',
      message: `${issue.line ? `line ${issue.line}, ` : ''}${issue.field}: ${issue.message}`,
    })),
  );
}

/** The XML of the request: a raw `application/xml` body, or the `file` field of a form. */
async function uploadedXml(request: Request): Promise<{ name: string; bytes: Uint8Array }> {
  const type = request.headers.get('content-type') ?? '';
  if (/^(application|text)\/xml\b/.test(type))
    return { name: 'upload.xml', bytes: new Uint8Array(await request.arrayBuffer()) };
  if (type.startsWith('multipart/form-data')) {
    const file = (await request.formData()).get('file');
    if (!(file instanceof Blob) || file.size === 0)
      throw new AppError('validation_failed', 'Choose an IATI XML file', [
        { field: 'body.file', message: 'is required' },
      ]);
    return {
      name: file instanceof File && file.name ? file.name : 'upload.xml',
      bytes: new Uint8Array(await file.arrayBuffer()),
    };
  }
  throw new AppError(
    'unsupported_media_type',
    'Send application/xml, or multipart/form-data with a file field',
    [{ field: 'body', message: `content type "${type || 'none'}" is not accepted` }],
  );
}

/** `/projects/import` (IATI XML in) and `/projects/iati.xml` (IATI 2.03 out). */
export function iatiRoutes(projects: ProjectsService, importer: IatiImport, reference: ReferenceService) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(
    createRoute({
      method: 'post',
      path: '/projects/import',
      middleware: [
        guard('secretariat'),
        bodyLimit({
          maxSize: MAX_IATI_UPLOAD_BYTES + 64 * 1024,
          onError: () => {
            throw iatiFileTooLarge();
          },
        }),
      ] as const,
      tags,
      security: [{ session: [] }],
      summary: 'Import an IATI 2.01–2.03 activity file (staff)',
      description:
        'Send the XML as the body (`application/xml`) or as the `file` field of a form. The file is checked ' +
        'against the IATI schema; each activity is taken whole or refused with its problems and their lines, ' +
        'and replaces the project with the same iati-identifier. DOCTYPEs and entities are refused. ' +
        'The body is read as it comes (so it is not described as a schema here), up to 50 MB.',
      responses: {
        200: {
          description: 'What was imported and refused',
          content: { 'application/json': { schema: ImportReportSchema } },
        },
        401: problemResponse('Not signed in'),
        403: problemResponse('Only the secretariat imports'),
        413: problemResponse('The file is over the size limit'),
        415: problemResponse('Not XML or a form'),
        422: problemResponse(
          'The file as a whole cannot be read (not XML, an attack, not IATI); each problem has its line',
        ),
      },
    }),
    async (c) => {
      const { name, bytes } = await uploadedXml(c.req.raw);
      if (bytes.byteLength > MAX_IATI_UPLOAD_BYTES) throw iatiFileTooLarge();
      const report = await importer.importFile(writeContext(c), name, bytes, {
        maxBytes: MAX_IATI_UPLOAD_BYTES,
      });
      if (report.fileIssues.length && report.created + report.updated === 0) throw refusedFile(report);
      return c.json(report, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/projects/iati.xml',
      tags,
      summary: 'Published projects you may see as an IATI 2.03 activity file, with the South-South extension',
      request: {
        query: ProjectListQuery.omit({ limit: true, cursor: true, publication: true, lang: true }).extend({
          identifier: csvParam('IATI identifiers, comma-separated', z.string().min(1).max(200)),
        }),
      },
      responses: {
        200: { description: 'IATI 2.03 XML', content: { 'application/xml': { schema: z.string() } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { identifier, ...filters } = c.req.valid('query');
      const records = await projects.recordsFor(c.get('viewer'), { ...filters, identifiers: identifier });
      // An IATI activity file holds at least one activity.
      if (records.length === 0)
        throw new AppError('not_found', 'No published project you may see matches these filters');
      const iso3to2 = new Map([...(await reference.iso2Map())].map(([two, three]) => [three, two]));
      const xml = toIatiXml(
        records.map((record) => toActivity(record, iso3to2)),
        { generatedAt: new Date() },
      );
      return c.body(xml, 200, {
        'content-type': 'application/xml; charset=utf-8',
        'content-disposition': 'attachment; filename="southbridge-projects.xml"',
      });
    },
  );

  return app;
}
