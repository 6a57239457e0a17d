import { and, count, desc, eq, gt, ilike, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Scope } from '../access/actor.ts';
import { organisations } from '../access/schema.ts';
import { regionCondition, regionFilterCondition } from '../access/scope.ts';
import type { Executor } from '../db/client.ts';
import { escapeLike } from '../db/like.ts';
import { loginFailures, sessions, users } from './schema.ts';

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;

export interface UserFilter {
  q?: string | undefined;
  role?: string | undefined;
  regionCode?: string | undefined;
  /** Lookup hash of a mobile number typed into the search box. */
  mobileHash?: string | undefined;
}

export class UsersRepository {
  constructor(private readonly db: Executor) {}

  async byLogin(usernameOrMobileHash: {
    username: string;
    mobileHash: string | null;
  }): Promise<UserRow | undefined> {
    const byName = eq(sql`lower(${users.username})`, usernameOrMobileHash.username.toLowerCase());
    const where = usernameOrMobileHash.mobileHash
      ? or(byName, eq(users.mobileHash, usernameOrMobileHash.mobileHash))
      : byName;
    const [row] = await this.db.select().from(users).where(where).limit(1);
    return row;
  }

  async byId(id: string, scope: Scope): Promise<UserRow | undefined> {
    const [row] = await this.db
      .select()
      .from(users)
      .where(and(eq(users.id, id), ...scoped(scope)));
    return row;
  }

  async byUsername(username: string): Promise<UserRow | undefined> {
    const [row] = await this.db
      .select()
      .from(users)
      .where(eq(sql`lower(${users.username})`, username.toLowerCase()));
    return row;
  }

  async byMobileHash(mobileHash: string): Promise<UserRow | undefined> {
    const [row] = await this.db.select().from(users).where(eq(users.mobileHash, mobileHash));
    return row;
  }

  async list(scope: Scope, filter: UserFilter, page: number, pageSize: number) {
    const conditions: (SQL | undefined)[] = scoped(scope);
    if (filter.role) conditions.push(eq(users.role, filter.role));
    conditions.push(regionFilterCondition(users.regionCode, filter.regionCode));
    if (filter.q) {
      const q = `%${escapeLike(filter.q)}%`;
      conditions.push(
        or(
          ilike(users.username, q),
          ilike(users.displayName, q),
          filter.mobileHash ? eq(users.mobileHash, filter.mobileHash) : undefined,
        ),
      );
    }
    const where = and(...conditions);
    const items = await this.db
      .select()
      .from(users)
      .where(where)
      .orderBy(desc(users.createdAt), users.username)
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    const [total] = await this.db.select({ n: count() }).from(users).where(where);
    return { items, total: total?.n ?? 0 };
  }

  async insert(values: typeof users.$inferInsert): Promise<UserRow> {
    const [row] = await this.db.insert(users).values(values).returning();
    return row!;
  }

  /** Compare-and-set on version: undefined when someone else changed the row first. */
  async updateVersioned(
    id: string,
    version: number,
    values: Partial<typeof users.$inferInsert>,
  ): Promise<UserRow | undefined> {
    const [row] = await this.db
      .update(users)
      .set({ ...values, version: sql`${users.version} + 1` })
      .where(and(eq(users.id, id), eq(users.version, version)))
      .returning();
    return row;
  }

  /** Sets a new password hash; not a profile edit, so it does not bump the version. */
  async setPassword(id: string, passwordHash: string, at: Date): Promise<void> {
    await this.db
      .update(users)
      .set({ passwordHash, passwordChangedAt: at, updatedAt: at, failedAttempts: 0, lockedUntil: null })
      .where(eq(users.id, id));
  }

  /** Sign-in bookkeeping (failed attempts, lock, last sign-in): not a versioned edit. */
  async updateSignIn(
    id: string,
    values: Pick<Partial<UserRow>, 'failedAttempts' | 'lockedUntil' | 'lastLoginAt'>,
  ): Promise<void> {
    await this.db.update(users).set(values).where(eq(users.id, id));
  }

  async count(): Promise<number> {
    const [row] = await this.db.select({ n: count() }).from(users);
    return row?.n ?? 0;
  }
}

function scoped(scope: Scope): (SQL | undefined)[] {
  const conditions: (SQL | undefined)[] = [regionCondition(users.regionCode, scope)];
  if (scope.organisationId) conditions.push(eq(users.organisationId, scope.organisationId));
  return conditions;
}

/**
 * The live-session lookup every signed-in request makes, built once per
 * database as a prepared statement: no query is built per request, and
 * PostgreSQL plans it once per connection.
 */
export function liveSessionLookup(
  db: Executor,
): (tokenHash: string) => Promise<{ session: SessionRow; user: UserRow } | undefined> {
  const query = db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, sql.placeholder('tokenHash')), isNull(sessions.endedAt)))
    .prepare('auth_live_session');
  return async (tokenHash) => (await query.execute({ tokenHash }))[0];
}

/**
 * An account with its organisation's name, in one prepared query (the
 * signed-in user's own page, /api/auth/me, which the web asks for often).
 */
export function userWithOrganisationLookup(
  db: Executor,
): (userId: string) => Promise<{ user: UserRow; organisationName: string | null } | undefined> {
  const query = db
    .select({ user: users, organisationName: organisations.name })
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, sql.placeholder('userId')))
    .prepare('auth_user_with_organisation');
  return async (userId) => (await query.execute({ userId }))[0];
}

export class SessionsRepository {
  constructor(private readonly db: Executor) {}

  async insert(values: typeof sessions.$inferInsert): Promise<SessionRow> {
    const [row] = await this.db.insert(sessions).values(values).returning();
    return row!;
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
  }

  async end(id: string, at: Date): Promise<void> {
    await this.db
      .update(sessions)
      .set({ endedAt: at })
      .where(and(eq(sessions.id, id), isNull(sessions.endedAt)));
  }

  /** Ends every live session of a user except one (after a password change). */
  async endAllOf(userId: string, at: Date, exceptSessionId?: string): Promise<number> {
    const rows = await this.db
      .update(sessions)
      .set({ endedAt: at })
      .where(
        and(
          eq(sessions.userId, userId),
          isNull(sessions.endedAt),
          exceptSessionId ? ne(sessions.id, exceptSessionId) : undefined,
        ),
      )
      .returning({ id: sessions.id });
    return rows.length;
  }
}

export class LoginFailuresRepository {
  constructor(private readonly db: Executor) {}

  async record(ip: string, username: string, at: Date): Promise<void> {
    await this.db.insert(loginFailures).values({ ip, username, at });
  }

  async countSince(ip: string, since: Date): Promise<number> {
    const [row] = await this.db
      .select({ n: count() })
      .from(loginFailures)
      .where(and(eq(loginFailures.ip, ip), gt(loginFailures.at, since)));
    return row?.n ?? 0;
  }
}
