import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import scalar from '@scalar/fastify-api-reference';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import { appCsp, builtIndexStyleHashes, DOCS_CSP, DOCS_PREFIX, isDocsPath } from './csp.ts';
import type { Database } from './db/client.ts';
import { ANONYMOUS } from './shared/actor.ts';
import type { AppContext } from './shared/context.ts';
import { AppError, toProblem, type LocalText } from './shared/errors.ts';
import { langOf, SESSION_COOKIE } from './shared/http.ts';
import { resolveApiToken, resolveSession } from './identity/service.ts';
import { healthRoutes } from './health/routes.ts';
import { identityRoutes } from './identity/routes.ts';
import { regionRoutes } from './regions/routes.ts';
import { auditRoutes } from './audit/routes.ts';
import { notificationRoutes } from './notifications/routes.ts';
import { catalogueRoutes } from './catalogue/routes.ts';
import { queueRoutes } from './queue/routes.ts';
import { applicationRoutes } from './applications/routes.ts';
import { sakinaRoutes } from './sakina/routes.ts';
import { fieldMessage } from './shared/validation.ts';

export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const WEB_DIST = path.join(ROOT_DIR, 'dist/web');

export type App = FastifyInstance;
export type BuildOptions = { config: Config; database: Database; now?: () => Date; logger?: boolean | object };

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function buildApp(options: BuildOptions): Promise<{ app: App; ctx: AppContext }> {
  const { config, database } = options;
  const app = Fastify({
    logger: options.logger ?? { level: config.LOG_LEVEL },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{8,64}$/.test(given) ? given : randomUUID();
    },
    trustProxy: config.TRUST_PROXY,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();

  const ctx: AppContext = { config, database, db: database.db, regencyCode: config.REGENCY_CODE, log: app.log, now: options.now ?? (() => new Date()), wake: () => undefined };

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('actor', null as never);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('lang', 'id');

  // A strict Content-Security-Policy everywhere; the API reference's looser one on /api/docs only (src/csp.ts).
  await app.register(helmet, { contentSecurityPolicy: appCsp(builtIndexStyleHashes(WEB_DIST)) });
  app.addHook('onRoute', (route) => {
    if (isDocsPath(route.url)) route.config = { ...route.config, helmet: { contentSecurityPolicy: DOCS_CSP } } as typeof route.config;
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'satupintu API', version: process.env.npm_package_version ?? '0.1.0', description: 'Layanan publik kabupaten: katalog, antrian, permohonan, Smart Kampung, SAKINA.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          agencyToken: { type: 'http', scheme: 'bearer', description: 'API token issued to an agency system' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(scalar, { routePrefix: DOCS_PREFIX, configuration: { url: '/api/openapi.json' } });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  // An API answer that does not say how it may be kept is not stored anywhere: it may be personal.
  app.addHook('onSend', async (request, reply, payload) => {
    if (!reply.hasHeader('cache-control') && request.url.startsWith('/api/') && !isDocsPath(request.url.split('?')[0]!)) reply.header('cache-control', 'no-store');
    return payload;
  });

  // Who is asking: a session cookie (people) or a bearer token (agency systems).
  app.addHook('onRequest', async (request) => {
    request.actor = ANONYMOUS;
    request.lang = langOf(request);
    const bearer = request.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (bearer) {
      const actor = await resolveApiToken(ctx, bearer);
      if (!actor) throw new AppError('unauthenticated', { id: 'Token API tidak valid atau sudah dicabut.', en: 'The API token is invalid or revoked.' });
      request.actor = actor;
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const actor = await resolveSession(ctx, token);
      if (actor) {
        const { csrfToken, ...rest } = actor;
        request.actor = rest;
        request.csrfToken = csrfToken;
        request.lang = langOf(request);
        // Cookie-authenticated writes must echo the session's CSRF token (synchronizer token pattern).
        if (UNSAFE.has(request.method) && request.headers['x-csrf-token'] !== csrfToken) throw new AppError('csrf_invalid');
      }
    }
  });

  app.setErrorHandler((error, request, reply) => {
    const lang = request.lang ?? 'id';
    let appError: AppError;
    if (error instanceof AppError) appError = error;
    else if (hasZodFastifySchemaValidationErrors(error)) {
      // fastify-type-provider-zod hands each zod issue over as { keyword: code, instancePath: '/a/0',
      // message, params: the issue's other properties }; put the issue back together for the messages.
      const context = (error as { validationContext?: string }).validationContext ?? 'body';
      appError = new AppError(
        'validation_failed',
        undefined,
        error.validation.map((entry) => {
          const path = entry.instancePath.split('/').filter(Boolean);
          const issue = { ...entry.params, code: entry.keyword, message: entry.message, path };
          return { field: path.join('.') || context, message: fieldMessage(issue as never) };
        }),
      );
    } else if ((error as { statusCode?: number }).statusCode === 429) appError = new AppError('rate_limited');
    else if ((error as { code?: string }).code === 'FST_ERR_CTP_BODY_TOO_LARGE') appError = new AppError('payload_too_large');
    else if ((error as { code?: string }).code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') appError = new AppError('unsupported_media_type');
    else if ((error as { statusCode?: number }).statusCode === 400) appError = new AppError('bad_request', { id: 'Permintaan tidak dapat dibaca (format salah).', en: `The request could not be read: ${(error as Error).message}` });
    else {
      request.log.error({ err: error }, 'unhandled error');
      appError = new AppError('internal');
    }
    if (appError.status >= 500) request.log.error({ code: appError.code }, appError.message);
    // An error is never stored: it is written in the asker's language, and it may pass.
    reply.header('cache-control', 'no-store').removeHeader('vary');
    reply.status(appError.status).type('application/problem+json').send(toProblem(appError, lang, request.url.split('?')[0]));
  });

  await app.register(healthRoutes(ctx));
  await app.register(identityRoutes(ctx));
  await app.register(regionRoutes(ctx));
  await app.register(auditRoutes(ctx));
  await app.register(notificationRoutes(ctx));
  await app.register(sakinaRoutes(ctx));
  await app.register(catalogueRoutes(ctx));
  await app.register(queueRoutes(ctx));

  await app.register(applicationRoutes(ctx));

  await registerWeb(app);
  return { app, ctx };
}

/** The built web app; every non-API path falls back to index.html so client routes load directly. */
async function registerWeb(app: App): Promise<void> {
  const hasBuild = fs.existsSync(path.join(WEB_DIST, 'index.html'));
  if (hasBuild) {
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      wildcard: false,
      // The build writes .br/.gz beside each file: phones on slow links get the small one.
      preCompressed: true,
      setHeaders: (res, file) => {
        // Hashed asset names change with their content, so they may be kept for a year; the page itself never.
        const immutable = file.includes(`${path.sep}assets${path.sep}`);
        res.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?')[0]!;
    // A missing file (an old chunk after a deploy) must be a 404, not the page: the app then offers a reload.
    const isFile = pathname.startsWith('/assets/') || /\.[a-z0-9]{1,5}$/i.test(pathname);
    if (pathname.startsWith('/api/') || request.method !== 'GET' || !hasBuild || isFile) {
      const notFound: LocalText = { id: `Alamat ${pathname} tidak ditemukan.`, en: `${pathname} does not exist.` };
      reply.status(404).type('application/problem+json').send(toProblem(new AppError('not_found', notFound), request.lang ?? 'id'));
      return;
    }
    reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
