import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from '../access/actor.ts';
import type { Access } from '../access/permissions.ts';
import type { Locale } from '../i18n/locale.ts';

/** The Fastify instance every module registers its routes on. */
export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What the authorisation matrix test enumerates. */
export interface RouteEntry {
  method: string;
  url: string;
  access: Access;
  /** The route's response schemas, by status code. */
  responses: Record<string, unknown>;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route. Every /api route must declare it; none is denied. */
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor | null;
    locale: Locale;
    /** The session's CSRF token when the caller is signed in with a cookie. */
    csrfToken: string | null;
  }
}
