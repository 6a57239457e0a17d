import { and, count, desc, eq, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import { scopePrefix } from '../../reference/regions.ts';
import type { Actor } from '../access/actor.ts';
import { users } from '../auth/schema.ts';
import type { Clock } from '../clock.ts';
import type { Database, Executor } from '../db/client.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { deliverEmails } from './jobs.ts';
import type { Mailer } from './mailer.ts';
import { notifications } from './schema.ts';

/** How often a failing e-mail is tried before it is given up (with 1, 2, 4, 8 … minutes between). */
const EMAIL_ATTEMPTS = 6;
/** How long a process holds an e-mail it is sending before another may try it. */
const EMAIL_LEASE_MS = 5 * 60_000;

export interface Message {
  kind: string;
  title: string;
  body?: string | null;
  link?: string | null;
}

/**
 * The in-app inbox: modules send messages in the transaction of the change
 * they tell about (so a rolled-back change tells nobody); users read them
 * with an unread count. When SMTP is configured, the messages of users with
 * an e-mail address are also mailed: the row is the outbox (email_state
 * pending), and `deliverEmails` sends it after the commit, retrying with
 * back-off, so a failing mail server never fails or delays the change. The
 * change's transaction also queues a delivery job (jobs.ts), which runs once
 * it commits.
 */
export class NotificationsService {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly mailer: Mailer | null = null,
    private readonly jobs: JobQueue | null = null,
  ) {}

  /** Whether messages are also mailed (SMTP is configured). */
  get mails(): boolean {
    return this.mailer !== null;
  }

  async send(tx: Executor, userIds: readonly string[], message: Message): Promise<number> {
    const to = [...new Set(userIds)];
    if (to.length === 0) return 0;
    const now = this.clock.now();
    const mailed = new Set<string>();
    if (this.mailer) {
      const rows = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(inArray(users.id, to), isNotNull(users.email), eq(users.disabled, false)));
      for (const r of rows) mailed.add(r.id);
    }
    await tx.insert(notifications).values(
      to.map((userId) => ({
        userId,
        kind: message.kind,
        title: message.title,
        body: message.body ?? null,
        link: message.link ?? null,
        createdAt: now,
        ...(mailed.has(userId) ? { emailState: 'pending', emailAt: now } : {}),
      })),
    );
    if (mailed.size > 0 && this.jobs && !this.queuedIn.has(tx)) {
      if (tx !== this.database.db) this.queuedIn.add(tx);
      await this.jobs.send(deliverEmails, {}, { tx });
    }
    return to.length;
  }

  /** Transactions that have queued their delivery job already (one is enough for all their messages). */
  private readonly queuedIn = new WeakSet<Executor>();

  /**
   * Sends the pending e-mail copies that are due: claims a batch (a lease,
   * so two processes never send the same one), sends each, and records sent,
   * or failed with the next try backed off; after EMAIL_ATTEMPTS it gives up
   * (the message stays in the inbox). Returns how many were sent and failed.
   */
  async deliverEmails(limit = 50): Promise<{ sent: number; failed: number }> {
    const mailer = this.mailer;
    if (!mailer) return { sent: 0, failed: 0 };
    const now = this.clock.now();
    const lease = new Date(now.getTime() + EMAIL_LEASE_MS);
    const claimed = await this.database.transaction(async (tx) => {
      const result = await tx.execute(sql`
        update ${notifications} n set email_at = ${lease.toISOString()}
        from ${users} u
        where n.id in (
          select id from ${notifications}
          where email_state = 'pending' and email_at <= ${now.toISOString()}
          order by email_at limit ${limit}
          for update skip locked)
          and u.id = n.user_id
        returning n.id, n.title, n.body, n.link, n.email_attempts as attempts, u.email`);
      return (result as unknown as { rows: ClaimedMail[] }).rows;
    });
    let sent = 0;
    let failed = 0;
    for (const m of claimed) {
      try {
        if (!m.email) throw new Error('no address');
        await mailer.send(mailer.compose(m.email, m));
        await this.database.db
          .update(notifications)
          .set({
            emailState: 'sent',
            emailAt: this.clock.now(),
            emailAttempts: m.attempts + 1,
            emailError: null,
          })
          .where(eq(notifications.id, m.id));
        sent++;
      } catch (err) {
        const attempts = m.attempts + 1;
        const retryAt = new Date(this.clock.now().getTime() + 60_000 * 2 ** (attempts - 1));
        await this.database.db
          .update(notifications)
          .set({
            emailState: attempts >= EMAIL_ATTEMPTS ? 'failed' : 'pending',
            emailAt: retryAt,
            emailAttempts: attempts,
            emailError: String((err as Error).message ?? err).slice(0, 500),
          })
          .where(eq(notifications.id, m.id));
        failed++;
      }
    }
    return { sent, failed };
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

interface ClaimedMail {
  id: string;
  title: string;
  body: string | null;
  link: string | null;
  attempts: number;
  email: string | null;
}
