import { and, asc, eq, ilike, inArray, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import type { Scope } from './actor.ts';
import { knownPermissions, organisations, rolePermissions } from './schema.ts';
import { regionCondition } from './scope.ts';

export type OrganisationRow = typeof organisations.$inferSelect;

export class AccessRepository {
  constructor(private readonly db: Executor) {}

  async grants(): Promise<{ role: string; permission: string }[]> {
    return this.db
      .select()
      .from(rolePermissions)
      .orderBy(asc(rolePermissions.role), asc(rolePermissions.permission));
  }

  async grantsOf(role: string): Promise<string[]> {
    const rows = await this.db
      .select({ permission: rolePermissions.permission })
      .from(rolePermissions)
      .where(eq(rolePermissions.role, role));
    return rows.map((r) => r.permission);
  }

  async replaceGrants(role: string, permissions: string[]): Promise<void> {
    await this.db.delete(rolePermissions).where(eq(rolePermissions.role, role));
    if (permissions.length > 0) {
      await this.db.insert(rolePermissions).values(permissions.map((permission) => ({ role, permission })));
    }
  }

  async insertGrants(grants: { role: string; permission: string }[]): Promise<void> {
    if (grants.length === 0) return;
    await this.db.insert(rolePermissions).values(grants).onConflictDoNothing();
  }

  async organisationById(id: string, scope: Scope): Promise<OrganisationRow | undefined> {
    const [row] = await this.db
      .select()
      .from(organisations)
      .where(and(eq(organisations.id, id), regionCondition(organisations.regionCode, scope)));
    return row;
  }

  async organisationsByIds(ids: string[]): Promise<OrganisationRow[]> {
    if (ids.length === 0) return [];
    return this.db.select().from(organisations).where(inArray(organisations.id, ids));
  }

  async listOrganisations(
    scope: Scope,
    filter: { q?: string | undefined; kind?: string | undefined },
    limit: number,
  ): Promise<OrganisationRow[]> {
    const conditions: (SQL | undefined)[] = [regionCondition(organisations.regionCode, scope)];
    if (scope.organisationId) conditions.push(eq(organisations.id, scope.organisationId));
    if (filter.kind) conditions.push(eq(organisations.kind, filter.kind));
    if (filter.q) conditions.push(ilike(organisations.name, `%${filter.q.replace(/[%_\\]/g, '\\$&')}%`));
    return this.db
      .select()
      .from(organisations)
      .where(and(...conditions))
      .orderBy(asc(organisations.name))
      .limit(limit);
  }

  async organisationsByNames(kind: string, names: string[]): Promise<OrganisationRow[]> {
    if (names.length === 0) return [];
    return this.db
      .select()
      .from(organisations)
      .where(and(eq(organisations.kind, kind), inArray(organisations.name, names)));
  }

  async insertOrganisations(values: (typeof organisations.$inferInsert)[]): Promise<OrganisationRow[]> {
    if (values.length === 0) return [];
    return this.db.insert(organisations).values(values).returning();
  }

  async insertOrganisation(values: typeof organisations.$inferInsert): Promise<OrganisationRow> {
    const [row] = await this.db.insert(organisations).values(values).returning();
    return row!;
  }
}

export class CatalogueRepository {
  constructor(private readonly db: Executor) {}

  async known(): Promise<Set<string>> {
    const rows = await this.db.select().from(knownPermissions);
    return new Set(rows.map((r) => r.permission));
  }

  async markKnown(permissions: string[]): Promise<void> {
    if (permissions.length === 0) return;
    await this.db
      .insert(knownPermissions)
      .values(permissions.map((permission) => ({ permission })))
      .onConflictDoNothing();
  }
}
