import { between, SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { regionFilterPrefix, scopePrefix } from '../../reference/regions.ts';
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

/** Repository helper: the region codes in scope, or no condition for an unscoped caller. */
export function regionCondition(column: PgColumn, scope: Scope): SQL | undefined {
  return regionPrefixCondition(column, scope.regionPrefix);
}

/**
 * Six-digit region codes that start with a prefix, as a range ('3305' →
 * 330500…330599) so that a plain btree index serves it under any collation
 * (LIKE 'prefix%' needs the C collation or text_pattern_ops).
 */
export function regionPrefixCondition(column: PgColumn | SQL, prefix: string): SQL | undefined {
  const bounds = regionPrefixBounds(prefix);
  if (!bounds) return undefined;
  const [low, high] = bounds;
  // (Two calls only because drizzle types `between` per overload: a column, or a raw SQL expression.)
  return column instanceof SQL ? between(column, low, high) : between(column, low, high);
}

/**
 * The range regionPrefixCondition asks for (lowest and highest code), or null for no prefix: for
 * prepared statements, which take the bounds as parameters.
 */
export function regionPrefixBounds(prefix: string): [string, string] | null {
  if (prefix === '') return null;
  const width = Math.max(6, prefix.length);
  return [prefix.padEnd(width, '0'), prefix.padEnd(width, '9')];
}

/**
 * A list's region filter (`regionCode` in the query: '3305' or '330500' for a city, see
 * regionFilterPrefix) as a condition on a region column; none without a filter. Every list uses
 * this, so a filter means the same on all of them. The caller's scope is a separate condition.
 */
export function regionFilterCondition(column: PgColumn, code: string | null | undefined): SQL | undefined {
  if (code === undefined || code === null || code === '') return undefined;
  const prefix = regionFilterPrefix(code);
  // The contract's regionFilter refuses such a code; should one get here, it matches nothing.
  if (prefix === undefined) return sql`false`;
  return regionPrefixCondition(column, prefix);
}

/** True when a region code lies inside the scope. */
export function regionInScope(regionCode: string, scope: Scope): boolean {
  return regionCode.startsWith(scope.regionPrefix);
}

/**
 * Which office maintains a record: its own region when that lies in the
 * caller's scope, otherwise the region it already had, or the caller's region
 * (an expert from elsewhere registered by this office).
 */
export function maintainingRegion(actor: Actor, regionCode: string | null, current?: string): string {
  if (regionCode && regionInScope(regionCode, scopeOf(actor))) return regionCode;
  return current ?? actor.regionCode;
}

/**
 * What is published is seen across the city: the city part of a scope
 * prefix (a county '330521' → '3305'; a city or province stays as it is).
 */
export function publicPrefix(regionPrefix: string): string {
  return regionPrefix.slice(0, 4);
}
