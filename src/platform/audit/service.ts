import type { AuditActor } from '../access/actor.ts';
import type { Clock } from '../clock.ts';
import { beforeCommit, type Database, type Executor } from '../db/client.ts';
import { GENESIS_HASH, rowHash } from './chain.ts';
import type { Changes } from './changes.ts';
import { type AuditFilter, AuditRepository, type NewAuditEntry } from './repository.ts';

export interface AuditEntry {
  /** What was done, e.g. `user.create`, `order.dispatch`. */
  action: string;
  /** Which kind of record, e.g. `user`. */
  entity: string;
  entityId: string;
  /** The record's region, so the log can be read per region. */
  regionCode?: string | null;
  changes: Changes | Record<string, unknown>;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBrokenId: number | null;
}

/** Audit rows waiting for the end of their transaction. */
const pending = new WeakMap<Executor, NewAuditEntry[]>();

function newEntry(at: Date, actor: AuditActor, entry: AuditEntry): NewAuditEntry {
  return {
    at,
    actorId: actor.userId,
    actorName: actor.displayName,
    actorRole: actor.role,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    regionCode: entry.regionCode ?? null,
    changes: entry.changes,
    ip: actor.ip,
    requestId: actor.requestId,
  };
}

export class AuditService {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
  ) {}

  /**
   * Writes the audit row inside the caller's transaction, so the change and
   * its record commit together. In a Database.transaction the rows are
   * appended at its end, in the order recorded: the chain's lock (writers
   * take turns on it) is then held only for that append and the commit.
   */
  async record(tx: Executor, actor: AuditActor, entry: AuditEntry): Promise<void> {
    await this.append(tx, [newEntry(this.clock.now(), actor, entry)]);
  }

  /** Many audit rows in one go, in the caller's transaction, chained in the given order. */
  async recordMany(tx: Executor, actor: AuditActor, entries: AuditEntry[]): Promise<void> {
    const at = this.clock.now();
    await this.append(
      tx,
      entries.map((entry) => newEntry(at, actor, entry)),
    );
  }

  private async append(tx: Executor, rows: NewAuditEntry[]): Promise<void> {
    const queued = pending.get(tx);
    if (queued) {
      queued.push(...rows);
      return;
    }
    if (beforeCommit(tx, () => new AuditRepository(tx).appendMany(rows))) {
      pending.set(tx, rows);
      return;
    }
    await new AuditRepository(tx).appendMany(rows);
  }

  list(filter: AuditFilter, page: number, pageSize: number) {
    return new AuditRepository(this.database.db).list(filter, page, pageSize);
  }

  /** Walks the chain from the first row and reports the first row whose hash or link does not hold. */
  async verify(): Promise<VerifyResult> {
    const repo = new AuditRepository(this.database.db);
    let prevHash = GENESIS_HASH;
    let lastId = 0;
    let checked = 0;
    for (;;) {
      const batch = await repo.batchAfter(lastId, 1000);
      if (batch.length === 0) break;
      for (const row of batch) {
        const expected = rowHash({ ...row, changes: row.changes, prevHash });
        if (row.prevHash !== prevHash || row.hash !== expected) {
          return { ok: false, checked, firstBrokenId: row.id };
        }
        prevHash = row.hash;
        lastId = row.id;
        checked++;
      }
    }
    return { ok: true, checked, firstBrokenId: null };
  }
}
