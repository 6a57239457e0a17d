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
    this.invalidate();
  }

  /**
   * The permissions a role holds now. Each process keeps a copy of the
   * grants no older than `cacheMs`: past half of that a request starts a
   * reload and answers from the copy (the reload is off the request path
   * while requests keep coming); only a copy past the whole bound (an idle
   * process, or `cacheMs` 0) is waited for. Separation of duties is applied
   * on top of whatever the table says.
   */
  async permissionsOf(role: Role): Promise<Set<Permission>> {
    const cache = this.cache;
    const age = cache ? Date.now() - cache.at : Number.POSITIVE_INFINITY;
    const grants = age < this.cacheMs ? cache!.grants : await this.reloadGrants();
    if (age >= this.cacheMs / 2 && age < this.cacheMs) void this.reloadGrants().catch(() => {});
    return new Set(grants.get(role) ?? []);
  }

  /** Bumped when this process changes the grants: a read begun before it does not become the copy. */
  private generation = 0;
  private reloading: { generation: number; done: Promise<Map<string, Set<Permission>>> } | undefined;

  /** Reads the grants into the copy; callers at the same generation share one read (unless cacheMs is 0). */
  private reloadGrants(): Promise<Map<string, Set<Permission>>> {
    const generation = this.generation;
    if (this.cacheMs > 0 && this.reloading?.generation === generation) return this.reloading.done;
    const entry = { generation, done: this.readGrants(generation) };
    const settled = () => {
      if (this.reloading === entry) this.reloading = undefined;
    };
    entry.done.then(settled, settled);
    this.reloading = entry;
    return entry.done;
  }

  private async readGrants(generation: number): Promise<Map<string, Set<Permission>>> {
    const at = Date.now();
    const grants = new Map<string, Set<Permission>>();
    for (const { role: r, permission } of await new AccessRepository(this.database.db).grants()) {
      if (!isPermission(permission) || !grantAllowed(r as Role, permission)) continue;
      const set = grants.get(r) ?? new Set<Permission>();
      set.add(permission);
      grants.set(r, set);
    }
    if (generation === this.generation) this.cache = { at, grants };
    return grants;
  }

  private invalidate() {
    this.cache = undefined;
    this.generation++;
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
    this.invalidate();
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
