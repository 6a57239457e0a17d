import { and, count, desc, eq, inArray, isNull, ne } from 'drizzle-orm';
import { scopePrefix } from '../../reference/regions.ts';
import type { Actor } from '../access/actor.ts';
import { users } from '../auth/schema.ts';
import type { Clock } from '../clock.ts';
import type { Database, Executor } from '../db/client.ts';
import { notifications } from './schema.ts';

export interface Message {
  kind: string;
  title: string;
  body?: string | null;
  link?: string | null;
}

/**
 * The in-app inbox: modules send messages in the transaction of the change
 * they tell about (so a rolled-back change tells nobody); users read them
 * with an unread count.
 */
export class NotificationsService {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
  ) {}

  async send(tx: Executor, userIds: readonly string[], message: Message): Promise<number> {
    const to = [...new Set(userIds)];
    if (to.length === 0) return 0;
    await tx.insert(notifications).values(
      to.map((userId) => ({
        userId,
        kind: message.kind,
        title: message.title,
        body: message.body ?? null,
        link: message.link ?? null,
        createdAt: this.clock.now(),
      })),
    );
    return to.length;
  }

  /** Active accounts of these organisations. */
  async membersOf(tx: Executor, organisationIds: readonly (string | null)[]): Promise<string[]> {
    const ids = organisationIds.filter((x): x is string => x !== null);
    if (ids.length === 0) return [];
    const rows = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(inArray(users.organisationId, ids), eq(users.disabled, false)));
    return rows.map((r) => r.id);
  }

  /** Active operators whose region covers this one (a county's, its city's, its province's). */
  async operatorsOf(tx: Executor, regionCode: string): Promise<string[]> {
    const rows = await tx
      .select({ id: users.id, regionCode: users.regionCode })
      .from(users)
      .where(and(eq(users.role, 'operator'), eq(users.disabled, false), ne(users.regionCode, '')));
    return rows.filter((r) => regionCode.startsWith(scopePrefix(r.regionCode))).map((r) => r.id);
  }

  async list(actor: Actor, q: { unread?: boolean | undefined; page: number; pageSize: number }) {
    const mine = eq(notifications.userId, actor.userId);
    const where = q.unread ? and(mine, isNull(notifications.readAt)) : mine;
    const db = this.database.db;
    const items = await db
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize);
    const [total] = await db.select({ n: count() }).from(notifications).where(where);
    const [unread] = await db
      .select({ n: count() })
      .from(notifications)
      .where(and(mine, isNull(notifications.readAt)));
    return {
      items: items.map((n) => ({
        id: n.id,
        kind: n.kind,
        title: n.title,
        body: n.body,
        link: n.link,
        createdAt: n.createdAt.toISOString(),
        read: n.readAt !== null,
      })),
      total: total?.n ?? 0,
      unread: unread?.n ?? 0,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /** Marks the caller's messages read: the given ones, or all. */
  async markRead(actor: Actor, ids: readonly string[] | 'all'): Promise<{ unread: number }> {
    const mine = and(eq(notifications.userId, actor.userId), isNull(notifications.readAt));
    await this.database.db
      .update(notifications)
      .set({ readAt: this.clock.now() })
      .where(ids === 'all' ? mine : and(mine, inArray(notifications.id, [...ids])));
    const [unread] = await this.database.db.select({ n: count() }).from(notifications).where(mine);
    return { unread: unread?.n ?? 0 };
  }
}
