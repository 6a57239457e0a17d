import { and, asc, count, desc, eq, gt, gte, ilike, lt, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { type ChainedFields, GENESIS_HASH, rowHash } from './chain.ts';
import { auditLog } from './schema.ts';

export type AuditRow = typeof auditLog.$inferSelect;
export type NewAuditEntry = Omit<ChainedFields, 'prevHash'>;

export interface AuditFilter {
  entity?: string | undefined;
  entityId?: string | undefined;
  action?: string | undefined;
  actor?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

export class AuditRepository {
  constructor(private readonly db: Executor) {}

  /**
   * Appends rows chained to the last, with one lock and one insert. The
   * transaction-scoped advisory lock makes concurrent writers take turns, so
   * the chain never forks (AuditService appends at the end of a transaction,
   * so the lock is held only until its commit).
   */
  async appendMany(entries: NewAuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.db.execute(sql`select pg_advisory_xact_lock(7253002)`);
    const [last] = await this.db
      .select({ hash: auditLog.hash })
      .from(auditLog)
      .orderBy(desc(auditLog.id))
      .limit(1);
    let prevHash = last?.hash ?? GENESIS_HASH;
    const values = entries.map((entry) => {
      const hash = rowHash({ ...entry, prevHash });
      const row = { ...entry, changes: entry.changes as Record<string, unknown>, prevHash, hash };
      prevHash = hash;
      return row;
    });
    for (let i = 0; i < values.length; i += 1000) {
      await this.db.insert(auditLog).values(values.slice(i, i + 1000));
    }
  }

  async list(
    filter: AuditFilter,
    page: number,
    pageSize: number,
  ): Promise<{ items: AuditRow[]; total: number }> {
    const where = and(...conditions(filter));
    const items = await this.db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    const [total] = await this.db.select({ n: count() }).from(auditLog).where(where);
    return { items, total: total?.n ?? 0 };
  }

  /** Rows in chain order, a batch at a time, after the given id. */
  async batchAfter(afterId: number, limit: number): Promise<AuditRow[]> {
    return this.db
      .select()
      .from(auditLog)
      .where(gt(auditLog.id, afterId))
      .orderBy(asc(auditLog.id))
      .limit(limit);
  }

  async countAll(): Promise<number> {
    const [row] = await this.db.select({ n: count() }).from(auditLog);
    return row?.n ?? 0;
  }
}

function conditions(f: AuditFilter): SQL[] {
  const out: SQL[] = [];
  if (f.entity) out.push(eq(auditLog.entity, f.entity));
  if (f.entityId) out.push(eq(auditLog.entityId, f.entityId));
  if (f.action) out.push(eq(auditLog.action, f.action));
  if (f.actor) out.push(ilike(auditLog.actorName, `%${f.actor.replace(/[%_\\]/g, '\\$&')}%`));
  if (f.from) out.push(gte(auditLog.at, f.from));
  if (f.to) out.push(lt(auditLog.at, f.to));
  return out;
}
