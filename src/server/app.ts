import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { chartRoutes } from './charts/routes.js';
import { AppError, problem } from './errors.js';
import type { AppEnv } from './http/context.js';
import { validationHook } from './http/validation.js';
import { detectLanguage, LANGUAGE_COOKIE, languageOfPath, readCookie } from './i18n/negotiate.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';
import { ANONYMOUS, type Viewer } from './modules/access/policy.js';
import { CLIENT_IP_HEADER } from './modules/accounts/auth.js';
import { accountRoutes } from './modules/accounts/routes.js';
import type { UserView } from './modules/accounts/service.js';
import { auditRoutes } from './modules/audit/routes.js';
import { dashboardRoutes } from './modules/dashboard/routes.js';
import { directoryRoutes } from './modules/directory/routes.js';
import { calendarRoutes } from './modules/events/calendar-routes.js';
import { eventRoutes } from './modules/events/routes.js';
import { eventWriteRoutes } from './modules/events/write-routes.js';
import { fundingRoutes } from './modules/funding/routes.js';
import { geoRoutes } from './modules/geo/routes.js';
import { groupRoutes } from './modules/groups/routes.js';
import { libraryRoutes } from './modules/library/routes.js';
import { matchingRoutes } from './modules/matching/routes.js';
import { needsOffersRoutes } from './modules/needs-offers/routes.js';
import { notificationRoutes } from './modules/notifications/routes.js';
import { organisationRoutes } from './modules/organisations/routes.js';
import { iatiRoutes } from './modules/projects/iati-routes.js';
import { projectRoutes } from './modules/projects/routes.js';
import { recommendationRoutes } from './modules/recommendations/routes.js';
import { referenceRoutes } from './modules/reference/routes.js';
import { solutionRoutes } from './modules/solutions/routes.js';
import { solutionWriteRoutes } from './modules/solutions/write-routes.js';
import { searchRoutes } from './search/routes.js';
import type { Services } from './services.js';

/** Renders the web pages for a request; supplied by main.ts from the React Router build. */
export type WebHandler = (
  request: Request,
  context: { services: Services; viewer: Viewer; user: UserView | null; clientIp: string },
) => Promise<Response>;

export type AppDeps = {
  services: Services;
  logger: Logger;
  metrics: Metrics;
  web?: { handler: WebHandler; clientDir: string };
  version?: string;
  /** Take the caller's address from X-Forwarded-For (set it only behind a proxy that overwrites it). */
  trustProxy?: boolean;
};

/** Paths that never depend on who asks: no session lookup for them. */
const ANONYMOUS_PATHS = /^\/(assets\/|api\/docs|api\/openapi\.json$|healthz$|readyz$|metrics$|favicon)/;

/** Builds the HTTP application: API, docs, probes, metrics and (when built) the web pages. */
export function createApp({
  services,
  logger,
  metrics,
  web,
  version = '0.0.0',
  trustProxy = false,
}: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.use(requestId());
  app.use(async (c, next) => {
    const started = performance.now();
    const log = logger.child({ requestId: c.get('requestId') });
    c.set('logger', log);
    c.set('clientIp', clientIp(c, trustProxy));
    const { viewer, user } = ANONYMOUS_PATHS.test(c.req.path)
      ? { viewer: ANONYMOUS, user: null }
      : await services.accounts.viewerFor(c.req.raw.headers);
    c.set('viewer', viewer);
    c.set('user', user);
    await next();
    const seconds = (performance.now() - started) / 1000;
    const route = c.req.routePath || 'unmatched';
    metrics.observe(c.req.method, route, c.res.status, seconds);
    log.info(
      {
        method: c.req.method,
        path: redactSecrets(c.req.path),
        route,
        status: c.res.status,
        ms: Math.round(seconds * 1000),
      },
      'request',
    );
  });
  app.use(
    secureHeaders({ crossOriginEmbedderPolicy: false, referrerPolicy: 'strict-origin-when-cross-origin' }),
  );
  // Form posts from a browser must come from our own pages: the Origin / Sec-Fetch-Site check of
  // hono/csrf. Browsers send one of the two on every POST; a request with neither is not from a
  // browser (a script or API client), so it cannot be a cross-site forgery.
  const sameSite = csrf({
    origin: (origin, c) =>
      origin === new URL(c.req.url).origin || origin === new URL(services.baseUrl).origin,
  });
  app.use((c, next) =>
    c.req.header('origin') || c.req.header('sec-fetch-site') ? sameSite(c, next) : next(),
  );

  // better-auth: sessions, sign-in, 2FA, password reset. The caller's address goes in a header
  // that replaces anything the client sent, for its rate limiter and the audit log.
  app.on(['GET', 'POST'], '/api/auth/*', (c) => {
    const headers = new Headers(c.req.raw.headers);
    headers.set(CLIENT_IP_HEADER, c.get('clientIp'));
    headers.set('x-request-id', c.get('requestId'));
    return services.auth.handler(new Request(c.req.raw, { headers }));
  });

  app.onError((error, c) => {
    if (AppError.is(error)) return problem(c, error.code, error.message, error.errors);
    if (error instanceof HTTPException && error.status < 500) {
      // Hono's own 4xx answers, such as a body that is not valid JSON.
      if (error.status === 403)
        return problem(c, 'forbidden', 'Cross-site form posts are refused: submit the form from this site');
      const code =
        error.status === 413
          ? 'payload_too_large'
          : error.status === 415
            ? 'unsupported_media_type'
            : 'bad_request';
      return problem(c, code, error.message, [{ field: 'body', message: error.message }]);
    }
    (c.get('logger') ?? logger).error({ err: error }, 'unhandled error');
    return problem(
      c,
      'internal',
      'Something went wrong on our side; the request id identifies it in the logs',
    );
  });

  app.get('/healthz', (c) => c.json({ status: 'ok', version }));
  app.get('/readyz', async (c) => {
    try {
      await services.database.ping();
      return c.json({ status: 'ok', database: services.database.kind });
    } catch (error) {
      logger.warn({ err: error }, 'readiness check failed');
      return problem(c, 'unavailable', 'The database is not reachable');
    }
  });
  app.get('/metrics', async (c) =>
    c.body(await metrics.registry.metrics(), 200, { 'content-type': metrics.registry.contentType }),
  );

  const api = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  api.route('/', solutionRoutes(services.solutions));
  api.route('/', solutionWriteRoutes(services.solutions, services.lifecycle));
  api.route('/', organisationRoutes(services.organisations));
  api.route('/', eventRoutes(services.events));
  api.route('/', eventWriteRoutes(services.events, services.eventWrites));
  api.route('/', calendarRoutes(services.events, services.calendarFeeds));
  api.route('/', libraryRoutes(services.library));
  api.route('/', referenceRoutes(services.reference));
  api.route('/', searchRoutes(services.search));
  api.route('/', accountRoutes(services.accounts, services.invitations, services.ownData));
  api.route('/', auditRoutes(services.audit));
  api.route('/', directoryRoutes(services.directory));
  api.route('/', groupRoutes(services.groups));
  api.route('/', notificationRoutes(services.notifications));
  api.route('/', needsOffersRoutes(services.needsOffers, services.needsOffersWrites));
  api.route('/', matchingRoutes(services.matching, services.matchWorkflow));
  // Before projectRoutes, whose /projects/{id} would otherwise take /projects/iati.xml.
  api.route('/', iatiRoutes(services.projects, services.iatiImport, services.reference));
  api.route('/', projectRoutes(services.projects, services.projectWrites));
  api.route('/', geoRoutes(services.geo, services.countryProfiles));
  api.route('/', chartRoutes(services.charts));
  api.route('/', dashboardRoutes(services.dashboard));
  api.route('/', recommendationRoutes(services.recommendations, services.recommendationWrites));
  api.route('/', fundingRoutes(services.funding, services.fundingWrites));
  app.route('/api/v1', api);

  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'http',
    scheme: 'bearer',
    description:
      'A session: the sb.session_token cookie of a signed-in browser, or the token that POST /api/auth/sign-in/email returns in its set-auth-token header, sent as "Authorization: Bearer <token>"',
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Southbridge API',
      version,
      description:
        'Solutions, organisations, events and reference data for South-South and triangular cooperation. ' +
        'Lists return `{items, nextCursor, total}`; errors are `application/problem+json` (RFC 9457).',
    },
    servers: [{ url: '/' }],
  });
  mountApiDocs(app);

  app.all('/api/*', (c) => problem(c, 'not_found', `No API endpoint ${c.req.method} ${c.req.path}`));

  if (web) {
    app.use(
      '/assets/*',
      serveStatic({
        root: web.clientDir,
        onFound: (_path, c) => c.header('cache-control', 'public, max-age=31536000, immutable'),
      }),
    );
    app.use('/favicon.svg', serveStatic({ root: web.clientDir }));
    app.all('*', async (c) => {
      const language = languageOfPath(c.req.path);
      if (!language) {
        // Pages live under a language prefix; pick one from the cookie, then Accept-Language.
        const detected = detectLanguage(c.req.header('cookie'), c.req.header('accept-language'));
        const url = new URL(c.req.url);
        c.header('vary', 'Accept-Language, Cookie');
        return c.redirect(`/${detected}${url.pathname === '/' ? '/' : url.pathname}${url.search}`, 302);
      }
      const response = await web.handler(c.req.raw, {
        services,
        viewer: c.get('viewer'),
        user: c.get('user'),
        clientIp: c.get('clientIp'),
      });
      if (readCookie(c.req.header('cookie'), LANGUAGE_COOKIE) !== language) {
        const headers = new Headers(response.headers);
        headers.append(
          'set-cookie',
          `${LANGUAGE_COOKIE}=${language}; Path=/; Max-Age=31536000; SameSite=Lax`,
        );
        return new Response(response.body, {
          status: response.status,
          statusText: response.statusText,
          headers,
        });
      }
      return response;
    });
  }
  app.notFound((c) => problem(c, 'not_found', `Nothing at ${c.req.path}`));
  return app;
}

/** A request path for the log, without the secret token of a calendar feed address. */
export function redactSecrets(path: string): string {
  return path.replace(/(\/calendar\/feeds\/)[^/]+\.ics$/, '$1…redacted….ics');
}

/** The caller's address: the socket peer, or the first X-Forwarded-For hop behind a trusted proxy. */
function clientIp(c: Context<AppEnv>, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // in-process requests (tests) have no socket
  }
}

/** Serves the API reference UI from the swagger-ui-dist package: no CDN, it works offline. */
function mountApiDocs(app: OpenAPIHono<AppEnv>) {
  const require = createRequire(import.meta.url);
  const assetDir = join(require.resolve('swagger-ui-dist/package.json'), '..');
  const assets: Record<string, string> = {
    'swagger-ui.css': 'text/css; charset=utf-8',
    'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  };
  const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Southbridge API reference</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><main id="docs"></main>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;
  const init =
    "window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#docs', deepLinking: true });";
  app.get('/api/docs', (c) => c.html(page));
  app.get('/api/docs/init.js', (c) =>
    c.body(init, 200, { 'content-type': 'text/javascript; charset=utf-8' }),
  );
  for (const [file, type] of Object.entries(assets)) {
    let body: string | undefined;
    app.get(`/api/docs/${file}`, (c) => {
      body ??= readFileSync(join(assetDir, file), 'utf8');
      return c.body(body, 200, { 'content-type': type, 'cache-control': 'public, max-age=86400' });
    });
  }
}
