import { regionFullName } from '../../reference/regions.ts';
import type { AuditService } from '../audit/service.ts';
import type { Database } from '../db/client.ts';
import type { Actor, AuditActor } from './actor.ts';
import { accessError } from './errors.ts';
import {
  DEFAULT_GRANTS,
  grantAllowed,
  isPermission,
  PERMISSIONS,
  type Permission,
  ROLE_NAMES,
  ROLES,
  type Role,
} from './permissions.ts';
import { AccessRepository, CatalogueRepository, type OrganisationRow } from './repository.ts';
import { scopeOf } from './scope.ts';

/** Roles, their permissions (as data) and organisations. */
export class AccessService {
  private cache: { at: number; grants: Map<string, Set<Permission>> } | undefined;

  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
    private readonly cacheMs = 5_000,
  ) {}

  /** Gives permissions that are new to the code their default grants, once. Run at start. */
  async syncCatalogue(): Promise<void> {
    await this.database.transaction(async (tx) => {
      const catalogue = new CatalogueRepository(tx);
      const known = await catalogue.known();
      const fresh = Object.keys(PERMISSIONS).filter((p) => !known.has(p)) as Permission[];
      if (fresh.length === 0) return;
      const grants = ROLES.flatMap((role) =>
        DEFAULT_GRANTS[role].filter((p) => fresh.includes(p)).map((permission) => ({ role, permission })),
      );
      await new AccessRepository(tx).insertGrants(grants);
      await catalogue.markKnown(fresh);
    });
    this.cache = undefined;
  }

  /**
   * The permissions a role holds now. Cached for a few seconds per process;
   * separation of duties is applied on top of whatever the table says.
   */
  async permissionsOf(role: Role): Promise<Set<Permission>> {
    const now = Date.now();
    if (!this.cache || now - this.cache.at >= this.cacheMs) {
      const grants = new Map<string, Set<Permission>>();
      for (const { role: r, permission } of await new AccessRepository(this.database.db).grants()) {
        if (!isPermission(permission) || !grantAllowed(r as Role, permission)) continue;
        const set = grants.get(r) ?? new Set<Permission>();
        set.add(permission);
        grants.set(r, set);
      }
      this.cache = { at: now, grants };
    }
    return new Set(this.cache.grants.get(role) ?? []);
  }

  async listRoles() {
    const items = [];
    for (const role of ROLES) {
      items.push({ role, name: ROLE_NAMES[role], permissions: [...(await this.permissionsOf(role))].sort() });
    }
    return { items };
  }

  listPermissions() {
    return {
      items: Object.entries(PERMISSIONS).map(([code, spec]) => ({ code, name: spec.name, kind: spec.kind })),
    };
  }

  async setRolePermissions(actor: AuditActor, role: Role, permissions: string[]) {
    const wanted = [...new Set(permissions)].sort();
    for (const permission of wanted) {
      if (!isPermission(permission)) throw accessError('PERMISSION_UNKNOWN', { params: { permission } });
      if (!grantAllowed(role, permission)) {
        throw accessError('GRANT_VIOLATES_SEPARATION', { params: { permission, role: ROLE_NAMES[role].zh } });
      }
    }
    await this.database.transaction(async (tx) => {
      const repo = new AccessRepository(tx);
      const before = (await repo.grantsOf(role)).sort();
      await repo.replaceGrants(role, wanted);
      await this.audit.record(tx, actor, {
        action: 'role.permissions.set',
        entity: 'role',
        entityId: role,
        changes: { permissions: { from: before, to: wanted } },
      });
    });
    this.cache = undefined;
    return { role, name: ROLE_NAMES[role], permissions: [...(await this.permissionsOf(role))].sort() };
  }

  async listOrganisations(actor: Actor, filter: { q?: string | undefined; kind?: string | undefined }) {
    const rows = await new AccessRepository(this.database.db).listOrganisations(scopeOf(actor), filter, 200);
    return { items: rows.map(organisationView) };
  }
}

export function organisationView(row: OrganisationRow) {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    regionCode: row.regionCode,
    regionName: regionFullName(row.regionCode),
  };
}
