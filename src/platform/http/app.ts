import { randomUUID, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError, type FastifyReply, type FastifyRequest } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../access/actor.ts';
import type { Access } from '../access/permissions.ts';
import { LOCALE_COOKIE, pickLocale } from '../i18n/locale.ts';
import { AppError } from './app-error.ts';
import { httpError } from './errors.ts';
import { createMetrics } from './metrics.ts';
import { responseSerializerCompiler } from './serializer.ts';
import type { App, RouteEntry } from './types.ts';
import {
  RequestValidationError,
  renderIssues,
  unsafeTextIssues,
  zodValidatorCompiler,
} from './validation.ts';

export const SESSION_COOKIE = 'caiqiao_session';
export const CSRF_COOKIE = 'caiqiao_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** Resolves a session cookie to the signed-in actor (implemented by platform/auth). */
export interface SessionResolver {
  resolve(
    token: string,
    context: { ip: string; requestId: string },
  ): Promise<{ actor: Actor; csrfToken: string } | null>;
}

export interface HttpOptions {
  logLevel: string;
  bodyLimitBytes: number;
  trustProxy: boolean;
  /** /metrics answers this machine, or a collector that sends this bearer token. */
  metricsToken?: string | undefined;
  webDir: string | undefined;
  sessions: SessionResolver;
  /** Also check every reply against its zod schema (the test suites; see serializer.ts). */
  checkResponses: boolean;
  /** Database readiness for /readyz. */
  ready: () => Promise<boolean>;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Builds the Fastify app with the cross-cutting parts: zod validation, errors,
 * sessions and the access check that every route passes through. Modules add
 * routes afterwards; `routes()` lists them for the authorisation matrix test.
 */
export async function createHttpApp(options: HttpOptions): Promise<{ app: App; routes: () => RouteEntry[] }> {
  const app = Fastify({
    logger: options.logLevel === 'silent' ? false : { level: options.logLevel },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: options.bodyLimitBytes,
    trustProxy: options.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
    // The router's own refusals (a path that does not decode, a parameter over 100 characters)
    // come before any hook: answer them in the error shape too.
    frameworkErrors: (error, request, reply) => {
      const lang = /(?:^|;\s*)caiqiao_lang=([^;]*)/.exec(request.headers.cookie ?? '')?.[1];
      request.locale = pickLocale(lang, request.headers['accept-language']);
      return sendError(error, request, reply);
    },
  }).withTypeProvider() as unknown as App;

  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler({ check: options.checkResponses }));
  app.decorateRequest('actor', null);
  app.decorateRequest('locale', 'zh-CN');
  app.decorateRequest('csrfToken', null);

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Caiqiao 才桥 API', version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  const routeTable: RouteEntry[] = [];
  app.addHook('onRoute', (route) => {
    const url = route.url ?? route.path;
    if (url.startsWith('/api/docs')) {
      route.config = { ...(route.config ?? {}), access: 'public' };
    }
    const access = (route.config as { access?: Access } | undefined)?.access;
    const guarded = url.startsWith('/api') || url === '/metrics';
    if (guarded && !access) {
      throw new Error(
        `Route ${String(route.method)} ${url} declares no access; every route must say who may call it`,
      );
    }
    if (access && !url.startsWith('/api/docs')) {
      for (const method of [route.method].flat()) {
        if (method !== 'HEAD') {
          const responses = (route.schema?.response ?? {}) as Record<string, unknown>;
          routeTable.push({ method, url, access, responses });
        }
      }
    }
  });

  const metrics = createMetrics();
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', String(request.id));
    request.locale = pickLocale(request.cookies[LOCALE_COOKIE], request.headers['accept-language']);
    await authorise(request, options.sessions);
  });
  // Once for every route, before its schema: PostgreSQL refuses NUL and broken UTF-16 in text, so no part may carry them.
  app.addHook('preValidation', async (request) => {
    const parts = { params: request.params, querystring: request.query, body: request.body } as const;
    for (const [part, value] of Object.entries(parts)) {
      const issues = unsafeTextIssues(value);
      if (issues.length > 0) throw new RequestValidationError(part, issues);
    }
  });
  app.addHook('onResponse', async (request, reply) => {
    metrics.observe(request, reply);
  });

  app.setErrorHandler((error, request, reply) => sendError(error, request, reply));

  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '';
    if (options.webDir && request.method === 'GET' && !url.startsWith('/api/') && url !== '/api') {
      return reply.type('text/html; charset=utf-8').sendFile('index.html', options.webDir);
    }
    return sendError(httpError('ROUTE_NOT_FOUND'), request, reply);
  });

  if (options.webDir && existsSync(join(options.webDir, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: options.webDir,
      prefix: '/',
      wildcard: false,
      index: 'index.html',
    });
  }

  app.get('/healthz', { config: { access: 'public' }, schema: { hide: true } }, async () => ({
    status: 'ok',
  }));
  app.get('/readyz', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    const ok = await options.ready();
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ready' : 'unavailable' });
  });
  // No session: a collector has none. The figures (routes, load, memory) are for operations staff only.
  app.get('/metrics', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    if (!metricsAllowed(request, options.metricsToken)) throw httpError('METRICS_FORBIDDEN');
    return reply.type(metrics.contentType).send(await metrics.render());
  });

  return { app, routes: () => [...routeTable] };
}

/** The caller is this machine (the client's address, behind a trusted proxy), or holds the token. */
function metricsAllowed(request: FastifyRequest, token: string | undefined): boolean {
  const auth = request.headers.authorization;
  if (token && typeof auth === 'string') {
    const given = Buffer.from(auth.replace(/^Bearer\s+/i, ''));
    const wanted = Buffer.from(token);
    if (given.length === wanted.length && timingSafeEqual(given, wanted)) return true;
  }
  return LOOPBACK.test(request.ip);
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/** Runs before parsing and validation, so a forbidden caller learns nothing about the input's shape. */
async function authorise(request: FastifyRequest, sessions: SessionResolver): Promise<void> {
  const access = request.routeOptions.config?.access;
  if (!access) return; // not-found handler and static files
  const token = request.cookies[SESSION_COOKIE];
  if (token) {
    const resolved = await sessions.resolve(token, { ip: request.ip, requestId: String(request.id) });
    if (resolved) {
      request.actor = resolved.actor;
      request.csrfToken = resolved.csrfToken;
    }
  }
  if (access === 'public') return;
  if (!request.actor) throw httpError('UNAUTHENTICATED');
  if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== request.csrfToken) {
    throw httpError('CSRF_TOKEN_INVALID');
  }
  if (access !== 'authenticated' && !request.actor.permissions.has(access)) {
    throw httpError('FORBIDDEN');
  }
}

/** The one place where any error becomes an HTTP answer. */
function sendError(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const appError = toAppError(error);
  if (appError.status >= 500) {
    request.log.error({ err: error }, 'request failed');
  }
  const body: Record<string, unknown> = {
    code: appError.code,
    message: appError.localizedMessage(request.locale),
  };
  if (appError.fields) body.fields = appError.fields;
  if (error instanceof RequestValidationError) {
    body.fields = renderIssues(error.part, error.issues, request.locale);
  } else if (error instanceof z.core.$ZodError) {
    body.fields = renderIssues('', error.issues, request.locale);
  }
  if (appError.details) body.details = appError.details;
  return reply.code(appError.status).send({ error: body, requestId: String(request.id) });
}

function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof RequestValidationError) return httpError('VALIDATION_FAILED', { cause: error });
  // A service or route that parses with zod itself: the caller's input was wrong, not the server.
  if (error instanceof z.core.$ZodError) return httpError('VALIDATION_FAILED', { cause: error });
  const fastifyError = error as Partial<FastifyError>;
  switch (fastifyError.code) {
    case 'FST_ERR_BAD_URL':
      return httpError('URL_INVALID', { cause: error });
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return httpError('URL_TOO_LONG', { cause: error });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return httpError('BODY_TOO_LARGE', { cause: error });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return httpError('UNSUPPORTED_MEDIA_TYPE', { cause: error });
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return httpError('MALFORMED_JSON', { cause: error });
  }
  if (error instanceof SyntaxError && fastifyError.statusCode === 400) return httpError('MALFORMED_JSON');
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    if (status === 404) return httpError('ROUTE_NOT_FOUND', { cause: error });
    if (status === 413) return httpError('BODY_TOO_LARGE', { cause: error });
    if (status === 415) return httpError('UNSUPPORTED_MEDIA_TYPE', { cause: error });
    return httpError('BAD_REQUEST', { cause: error });
  }
  return httpError('INTERNAL_ERROR', { cause: error });
}
