import { createHmac, randomBytes } from 'node:crypto';
import { normaliseMobile } from '../../reference/mobile.ts';
import type { Actor, AuditActor } from '../access/actor.ts';
import type { Role } from '../access/permissions.ts';
import type { AccessService } from '../access/service.ts';
import { REDACTED } from '../audit/changes.ts';
import type { AuditService } from '../audit/service.ts';
import type { Clock } from '../clock.ts';
import type { FieldCipher } from '../crypto/fields.ts';
import type { Database } from '../db/client.ts';
import type { SessionResolver } from '../http/app.ts';
import { authError } from './errors.ts';
import { dummyHash, hashPassword, verifyPassword } from './password.ts';
import {
  LoginFailuresRepository,
  liveSessionLookup,
  SessionsRepository,
  type UserRow,
  UsersRepository,
} from './repository.ts';
import { SessionCache } from './session-cache.ts';

export interface AuthPolicy {
  idleMinutes: number;
  absoluteHours: number;
  maxFailures: number;
  lockMinutes: number;
  ipMaxFailures: number;
  /** How long a looked-up session is trusted from memory (0: read every request); see SessionCache. */
  sessionCacheMs?: number;
}

export interface SignedIn {
  token: string;
  csrfToken: string;
  user: UserRow;
  expiresAt: Date;
}

/** Only write last_seen_at when it is older than this, to spare the database a write per request. */
const TOUCH_EVERY_MS = 30_000;

/** Sign-in, sessions and password changes. */
export class AuthService implements SessionResolver {
  private liveSession: ReturnType<typeof liveSessionLookup> | undefined;
  private readonly sessions: SessionCache;

  constructor(
    private readonly database: Database,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
    private readonly policy: AuthPolicy,
    private readonly sessionSecret: string,
  ) {
    this.sessions = new SessionCache(policy.sessionCacheMs ?? 0);
  }

  /**
   * Signs in with a username or mobile number. Failed attempts count towards
   * the account lock and the address limit even though the request fails.
   */
  async login(
    login: string,
    password: string,
    context: { ip: string; userAgent: string | null; requestId: string },
  ): Promise<SignedIn> {
    const now = this.clock.now();
    const db = this.database.db;
    const failures = new LoginFailuresRepository(db);
    const windowStart = new Date(now.getTime() - this.policy.lockMinutes * 60_000);
    if ((await failures.countSince(context.ip, windowStart)) >= this.policy.ipMaxFailures) {
      throw authError('AUTH_IP_RATE_LIMITED');
    }
    const mobile = normaliseMobile(login);
    const mobileHash = /^1[3-9]\d{9}$/.test(mobile) ? this.cipher.lookupHash(mobile) : null;
    const users = new UsersRepository(db);
    const user = await users.byLogin({ username: login, mobileHash });
    if (!user) {
      await verifyPassword(await dummyHash(), password);
      await failures.record(context.ip, login.slice(0, 64), now);
      throw authError('AUTH_INVALID_CREDENTIALS');
    }
    if (user.lockedUntil && user.lockedUntil > now) {
      throw authError('AUTH_ACCOUNT_LOCKED', { params: { minutes: minutesUntil(user.lockedUntil, now) } });
    }
    if (!(await verifyPassword(user.passwordHash, password))) {
      await this.recordFailure(user, context, now);
      await failures.record(context.ip, login.slice(0, 64), now);
      if (user.failedAttempts + 1 >= this.policy.maxFailures) {
        throw authError('AUTH_ACCOUNT_LOCKED', { params: { minutes: this.policy.lockMinutes } });
      }
      throw authError('AUTH_INVALID_CREDENTIALS');
    }
    if (user.disabled) throw authError('AUTH_ACCOUNT_DISABLED');

    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.policy.absoluteHours * 3_600_000);
    await this.database.transaction(async (tx) => {
      await new UsersRepository(tx).updateSignIn(user.id, {
        failedAttempts: 0,
        lockedUntil: null,
        lastLoginAt: now,
      });
      const session = await new SessionsRepository(tx).insert({
        tokenHash: this.tokenHash(token),
        userId: user.id,
        csrfToken,
        createdAt: now,
        lastSeenAt: now,
        expiresAt,
        ip: context.ip,
        userAgent: context.userAgent?.slice(0, 256) ?? null,
      });
      await this.audit.record(tx, actorOf(user, context), {
        action: 'auth.login',
        entity: 'session',
        entityId: session.id,
        regionCode: user.regionCode,
        changes: { userId: { to: user.id } },
      });
    });
    return { token, csrfToken, user, expiresAt };
  }

  private async recordFailure(
    user: UserRow,
    context: { ip: string; requestId: string },
    now: Date,
  ): Promise<void> {
    const attempts = user.failedAttempts + 1;
    const locks = attempts >= this.policy.maxFailures;
    await this.database.transaction(async (tx) => {
      await new UsersRepository(tx).updateSignIn(user.id, {
        failedAttempts: locks ? 0 : attempts,
        lockedUntil: locks ? new Date(now.getTime() + this.policy.lockMinutes * 60_000) : user.lockedUntil,
      });
      if (locks) {
        await this.audit.record(tx, actorOf(user, context), {
          action: 'auth.lock',
          entity: 'user',
          entityId: user.id,
          regionCode: user.regionCode,
          changes: { lockedMinutes: { to: this.policy.lockMinutes } },
        });
      }
    });
  }

  /** The session behind a cookie, or null when it does not exist, ended, or expired (idle or absolute). */
  async resolve(
    token: string,
    context: { ip: string; requestId: string },
  ): Promise<{ actor: Actor; csrfToken: string } | null> {
    const tokenHash = this.tokenHash(token);
    let found = this.sessions.get(tokenHash);
    if (!found) {
      const epoch = this.sessions.begin();
      this.liveSession ??= liveSessionLookup(this.database.db);
      const read = await this.liveSession(tokenHash);
      if (!read) return null;
      found = this.sessions.put(tokenHash, read, epoch);
    }
    const repo = new SessionsRepository(this.database.db);
    const { session, user } = found;
    const now = this.clock.now();
    const idleLimit = session.lastSeenAt.getTime() + this.policy.idleMinutes * 60_000;
    if (now.getTime() > idleLimit || now >= session.expiresAt || user.disabled) {
      await repo.end(session.id, now);
      this.sessions.forgetSession(session.id);
      return null;
    }
    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      await repo.touch(session.id, now);
      found.session = { ...session, lastSeenAt: now };
    }
    const actor: Actor = {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role as Role,
      regionCode: user.regionCode,
      organisationId: user.organisationId,
      permissions: await this.access.permissionsOf(user.role as Role),
      sessionId: session.id,
      ip: context.ip,
      requestId: context.requestId,
    };
    return { actor, csrfToken: session.csrfToken };
  }

  async logout(actor: Actor): Promise<void> {
    await this.database.transaction(async (tx) => {
      await new SessionsRepository(tx).end(actor.sessionId, this.clock.now());
      await this.audit.record(tx, actor, {
        action: 'auth.logout',
        entity: 'session',
        entityId: actor.sessionId,
        regionCode: actor.regionCode,
        changes: {},
      });
    });
    this.sessions.forgetSession(actor.sessionId);
  }

  /** After a commit that changed an account or ended its sessions: its sessions are read again. */
  forgetUser(userId: string): void {
    this.sessions.forgetUser(userId);
  }

  /** Changes the caller's own password and ends their other sessions. */
  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    const users = new UsersRepository(this.database.db);
    const user = await users.byUsername(actor.username);
    if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
      throw authError('AUTH_WRONG_CURRENT_PASSWORD');
    }
    if (currentPassword === newPassword) throw authError('AUTH_PASSWORD_UNCHANGED');
    const passwordHash = await hashPassword(newPassword);
    const now = this.clock.now();
    await this.database.transaction(async (tx) => {
      await new UsersRepository(tx).setPassword(user.id, passwordHash, now);
      const ended = await new SessionsRepository(tx).endAllOf(user.id, now, actor.sessionId);
      await this.audit.record(tx, actor, {
        action: 'user.password.change',
        entity: 'user',
        entityId: user.id,
        regionCode: user.regionCode,
        changes: { password: { from: REDACTED, to: REDACTED }, otherSessionsEnded: { to: ended } },
      });
    });
    this.sessions.forgetUser(user.id);
  }

  private tokenHash(token: string): string {
    return createHmac('sha256', this.sessionSecret).update(token).digest('hex');
  }
}

function minutesUntil(at: Date, now: Date): number {
  return Math.max(1, Math.ceil((at.getTime() - now.getTime()) / 60_000));
}

function actorOf(user: UserRow, context: { ip: string; requestId: string }): AuditActor {
  return {
    userId: user.id,
    displayName: user.displayName,
    role: user.role as Role,
    ip: context.ip,
    requestId: context.requestId,
  };
}
