import { isValidMobile, maskMobile, normaliseMobile } from '../../reference/mobile.ts';
import { regionFullName } from '../../reference/regions.ts';
import { type Actor, type AuditActor, systemActor } from '../access/actor.ts';
import { ASSIGNABLE_ROLES, ROLE_NAMES, type Role } from '../access/permissions.ts';
import { AccessRepository } from '../access/repository.ts';
import { regionInScope, scopeOf, UNSCOPED } from '../access/scope.ts';
import { diffChanges, REDACTED } from '../audit/changes.ts';
import type { AuditService } from '../audit/service.ts';
import type { Clock } from '../clock.ts';
import type { FieldCipher } from '../crypto/fields.ts';
import { type Database, type Executor, PG_UNIQUE_VIOLATION, pgErrorCode } from '../db/client.ts';
import { httpError } from '../http/errors.ts';
import type { CreateUserRequest, ListUsersQuery, Me, UpdateUserRequest, UserView } from './contract.ts';
import { authError } from './errors.ts';
import { hashPassword } from './password.ts';
import {
  SessionsRepository,
  type UserRow,
  UsersRepository,
  userWithOrganisationLookup,
} from './repository.ts';

/** Fields of a user row that are secret or personal: audited as changed, never with values. */
const REDACTED_FIELDS = ['passwordHash', 'mobileEnc', 'mobileHash'];

/** Account administration: operators manage the accounts of their region, admins all. */
export class AccountsService {
  private userWithOrganisation: ReturnType<typeof userWithOrganisationLookup> | undefined;

  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
    /** Told after an account's change commits, so its sessions are read again (AuthService). */
    private readonly sessions: { forgetUser(userId: string): void } = { forgetUser: () => {} },
  ) {}

  async me(actor: Actor): Promise<Me> {
    this.userWithOrganisation ??= userWithOrganisationLookup(this.database.db);
    const found = await this.userWithOrganisation(actor.userId);
    if (!found) throw httpError('UNAUTHENTICATED');
    const { user, organisationName } = found;
    const view = this.viewOf(user, organisationName);
    return {
      ...view,
      email: user.email,
      roleName: ROLE_NAMES[user.role as Role],
      permissions: [...actor.permissions].sort(),
      assignableRoles: actor.permissions.has('users.manage') ? ASSIGNABLE_ROLES[actor.role] : [],
    };
  }

  async list(actor: Actor, query: ListUsersQuery) {
    const mobile = query.q ? normaliseMobile(query.q) : '';
    const filter = {
      ...query,
      mobileHash: isValidMobile(mobile) ? this.cipher.lookupHash(mobile) : undefined,
    };
    const { items, total } = await new UsersRepository(this.database.db).list(
      scopeOf(actor),
      filter,
      query.page,
      query.pageSize,
    );
    return { items: await this.views(items), total, page: query.page, pageSize: query.pageSize };
  }

  async get(actor: Actor, id: string): Promise<UserView> {
    const user = await new UsersRepository(this.database.db).byId(id, scopeOf(actor));
    if (!user) throw authError('USER_NOT_FOUND');
    return (await this.views([user]))[0]!;
  }

  /** Creates an account; `actor` null means the system (CLI, seed), which may create any role anywhere. */
  async create(actor: Actor | null, input: CreateUserRequest, auditActor?: AuditActor): Promise<UserView> {
    if (actor) this.checkAssignment(actor, input.role, input.regionCode);
    const passwordHash = await hashPassword(input.password);
    const row = await this.database.transaction(async (tx) => {
      if (input.organisationId) await this.checkOrganisation(tx, actor, input.organisationId);
      const users = new UsersRepository(tx);
      await this.refuseDuplicates(users, actor, input.username, input.mobile ?? null, null);
      const now = this.clock.now();
      const created = await users
        .insert({
          username: input.username,
          displayName: input.displayName,
          role: input.role,
          regionCode: input.regionCode,
          organisationId: input.organisationId ?? null,
          passwordHash,
          passwordChangedAt: now,
          createdAt: now,
          updatedAt: now,
          ...this.sealMobile(input.mobile ?? null),
          email: input.email ?? null,
        })
        .catch((err) => this.rethrowDuplicate(err, input.username));
      await this.audit.record(tx, auditActor ?? actor ?? systemActor(), {
        action: 'user.create',
        entity: 'user',
        entityId: created.id,
        regionCode: created.regionCode,
        changes: diffChanges(null, auditable(created), REDACTED_FIELDS),
      });
      return created;
    });
    return (await this.views([row]))[0]!;
  }

  async update(actor: Actor, id: string, input: UpdateUserRequest): Promise<UserView> {
    const scope = scopeOf(actor);
    const row = await this.database.transaction(async (tx) => {
      const users = new UsersRepository(tx);
      const before = await users.byId(id, scope);
      if (!before) throw authError('USER_NOT_FOUND');
      // Changing an account one may not assign (e.g. an admin's, for an operator) is refused.
      this.checkAssignment(actor, before.role as Role, before.regionCode);
      if (input.role || input.regionCode) {
        this.checkAssignment(
          actor,
          input.role ?? (before.role as Role),
          input.regionCode ?? before.regionCode,
        );
      }
      if (input.disabled && before.id === actor.userId) throw authError('USER_CANNOT_DISABLE_SELF');
      if (input.organisationId) await this.checkOrganisation(tx, actor, input.organisationId);
      if (input.mobile !== undefined)
        await this.refuseDuplicates(users, actor, null, input.mobile, before.id);
      const values: Partial<UserRow> = { updatedAt: this.clock.now() };
      if (input.displayName !== undefined) values.displayName = input.displayName;
      if (input.role !== undefined) values.role = input.role;
      if (input.regionCode !== undefined) values.regionCode = input.regionCode;
      if (input.organisationId !== undefined) values.organisationId = input.organisationId;
      if (input.disabled !== undefined) values.disabled = input.disabled;
      if (input.email !== undefined) values.email = input.email;
      if (input.mobile !== undefined) Object.assign(values, this.sealMobile(input.mobile));
      const after = await users.updateVersioned(id, input.version, values);
      if (!after) throw httpError('VERSION_CONFLICT', { details: { currentVersion: before.version } });
      if (after.disabled && !before.disabled) {
        await new SessionsRepository(tx).endAllOf(after.id, this.clock.now());
      }
      const changes = diffChanges(auditable(before), auditable(after), REDACTED_FIELDS);
      if (input.mobile !== undefined && (before.mobileHash ?? null) !== (after.mobileHash ?? null)) {
        changes.mobile = { from: REDACTED, to: REDACTED };
      }
      await this.audit.record(tx, actor, {
        action: 'user.update',
        entity: 'user',
        entityId: id,
        regionCode: after.regionCode,
        changes,
      });
      return after;
    });
    this.sessions.forgetUser(row.id);
    return (await this.views([row]))[0]!;
  }

  /** The caller sets (or clears) their own e-mail address. */
  async setOwnEmail(actor: Actor, email: string | null): Promise<Me> {
    await this.database.transaction(async (tx) => {
      const users = new UsersRepository(tx);
      const before = await users.byId(actor.userId, UNSCOPED);
      if (!before) throw httpError('UNAUTHENTICATED');
      if ((before.email ?? null) === email) return;
      const after = await users.updateVersioned(before.id, before.version, {
        email,
        updatedAt: this.clock.now(),
      });
      if (!after) throw httpError('VERSION_CONFLICT', { details: { currentVersion: before.version } });
      await this.audit.record(tx, actor, {
        action: 'user.email',
        entity: 'user',
        entityId: before.id,
        regionCode: before.regionCode,
        changes: { email: { from: before.email, to: email } },
      });
    });
    return this.me(actor);
  }

  /** Sets a new password for someone else's account and ends all of its sessions. */
  async resetPassword(actor: Actor, id: string, newPassword: string): Promise<void> {
    const passwordHash = await hashPassword(newPassword);
    await this.database.transaction(async (tx) => {
      const users = new UsersRepository(tx);
      const user = await users.byId(id, scopeOf(actor));
      if (!user) throw authError('USER_NOT_FOUND');
      this.checkAssignment(actor, user.role as Role, user.regionCode);
      const now = this.clock.now();
      await users.setPassword(id, passwordHash, now);
      const ended = await new SessionsRepository(tx).endAllOf(id, now);
      await this.audit.record(tx, actor, {
        action: 'user.password.reset',
        entity: 'user',
        entityId: id,
        regionCode: user.regionCode,
        changes: { password: { from: REDACTED, to: REDACTED }, sessionsEnded: { to: ended } },
      });
    });
    this.sessions.forgetUser(id);
  }

  private checkAssignment(actor: Actor, role: Role, regionCode: string): void {
    if (!ASSIGNABLE_ROLES[actor.role].includes(role)) {
      throw authError('USER_ROLE_NOT_ASSIGNABLE', { params: { role: ROLE_NAMES[role].zh } });
    }
    if (!regionInScope(regionCode, scopeOf(actor))) throw authError('USER_REGION_OUT_OF_SCOPE');
  }

  private async checkOrganisation(tx: Executor, actor: Actor | null, organisationId: string): Promise<void> {
    const org = await new AccessRepository(tx).organisationById(
      organisationId,
      actor ? scopeOf(actor) : UNSCOPED,
    );
    if (!org) throw authError('ORGANISATION_NOT_FOUND');
  }

  private async refuseDuplicates(
    users: UsersRepository,
    actor: Actor | null,
    username: string | null,
    mobile: string | null,
    selfId: string | null,
  ): Promise<void> {
    if (username) {
      const taken = await users.byUsername(username);
      if (taken) throw authError('USER_USERNAME_TAKEN', { params: { username } });
    }
    if (mobile) {
      const holder = await users.byMobileHash(this.cipher.lookupHash(mobile));
      if (holder && holder.id !== selfId) {
        // The holder is named only to someone who may see that account.
        const scope = actor ? scopeOf(actor) : UNSCOPED;
        const seen =
          regionInScope(holder.regionCode, scope) &&
          (!scope.organisationId || holder.organisationId === scope.organisationId);
        if (!seen) throw authError('USER_MOBILE_REGISTERED');
        throw authError('USER_MOBILE_TAKEN', { params: { username: holder.username } });
      }
    }
  }

  /** A concurrent insert can still hit the unique index: answer it like the checked case. */
  private rethrowDuplicate(err: unknown, username: string): never {
    if (pgErrorCode(err) === PG_UNIQUE_VIOLATION) {
      throw authError('USER_USERNAME_TAKEN', { params: { username }, cause: err });
    }
    throw err;
  }

  private sealMobile(mobile: string | null) {
    if (!mobile) return { mobileEnc: null, mobileHash: null };
    return { mobileEnc: this.cipher.encrypt(mobile), mobileHash: this.cipher.lookupHash(mobile) };
  }

  private async views(rows: UserRow[]): Promise<UserView[]> {
    const orgIds = [...new Set(rows.map((r) => r.organisationId).filter((id): id is string => !!id))];
    const orgs = new Map(
      (await new AccessRepository(this.database.db).organisationsByIds(orgIds)).map((o) => [o.id, o.name]),
    );
    return rows.map((row) =>
      this.viewOf(row, row.organisationId ? (orgs.get(row.organisationId) ?? null) : null),
    );
  }

  private viewOf(row: UserRow, organisationName: string | null): UserView {
    return {
      id: row.id,
      username: row.username,
      displayName: row.displayName,
      mobile: row.mobileEnc ? this.cipher.masked(row.mobileEnc, maskMobile) : null,
      email: row.email ? maskEmail(row.email) : null,
      role: row.role as Role,
      regionCode: row.regionCode,
      regionName: regionFullName(row.regionCode),
      organisationId: row.organisationId,
      organisationName: row.organisationId ? organisationName : null,
      disabled: row.disabled,
      lockedUntil:
        row.lockedUntil && row.lockedUntil > this.clock.now() ? row.lockedUntil.toISOString() : null,
      lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
      version: row.version,
    };
  }
}

/** The audited shape of a user: no sign-in bookkeeping. */
function auditable(row: UserRow): Record<string, unknown> {
  const { failedAttempts, lockedUntil, lastLoginAt, passwordChangedAt, createdAt, ...rest } = row;
  return rest;
}

/** c***@example.cn: enough to recognise one's address, not enough to harvest it. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${email[0]}***${email.slice(at)}`;
}
