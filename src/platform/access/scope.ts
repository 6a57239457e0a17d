import { like, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { scopePrefix } from '../../reference/regions.ts';
import type { Actor, Scope } from './actor.ts';
import type { Role } from './permissions.ts';

/** Roles whose accounts act for one organisation and see only its records. */
const ORGANISATION_BOUND: ReadonlySet<Role> = new Set(['institution', 'enterprise', 'provider']);

/** The slice of data an actor may see, from their region and organisation. */
export function scopeOf(actor: Actor): Scope {
  if (actor.permissions.has('scope.all')) return { regionPrefix: '', organisationId: null };
  return {
    regionPrefix: scopePrefix(actor.regionCode),
    organisationId: ORGANISATION_BOUND.has(actor.role) ? actor.organisationId : null,
  };
}

/** The whole country: for the system itself (CLI, seed, jobs). */
export const UNSCOPED: Scope = { regionPrefix: '', organisationId: null };

/** Repository helper: `column LIKE prefix%`, or no condition for an unscoped caller. */
export function regionCondition(column: PgColumn, scope: Scope): SQL | undefined {
  if (scope.regionPrefix === '') return undefined;
  return like(column, `${scope.regionPrefix}%`);
}

/** True when a region code lies inside the scope. */
export function regionInScope(regionCode: string, scope: Scope): boolean {
  return regionCode.startsWith(scope.regionPrefix);
}

/** A condition that matches nothing (for callers with no scope at all). */
export const NOTHING: SQL = sql`false`;
