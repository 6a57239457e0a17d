import type { Actor, AuditActor } from '../../platform/access/actor.ts';
import type { AuditService } from '../../platform/audit/service.ts';
import type { ChangeFeed } from '../../platform/changes.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db/client.ts';
import { httpError } from '../../platform/http/errors.ts';
import { decide, statusRefusalParams } from '../../platform/workflow.ts';
import { chinaDate } from '../../reference/china-time.ts';
import type { DictionaryService } from '../registry/dictionaries.ts';
import type { ListItemView, ListKind } from './contract.ts';
import { listsError } from './errors.ts';
import { LIST_KIND_DEFS } from './kinds.ts';
import { type Action, LIST_WORKFLOW, type Party } from './machine.ts';
import { ListsRepository } from './repository.ts';
import type { ListItemRow } from './schema.ts';
import { findItem, itemView, listParties } from './views.ts';

/** A status change as asked for: the action, the version it was read at, a reason where the table wants one. */
export interface ListTransitionRequest {
  action: Action;
  version: number;
  reason?: string | undefined;
}

/**
 * Every status change of an item, by a caller or by the deadline (expiry):
 * the table in machine.ts, a compare-and-set on version and status, and the
 * audit row in the same transaction; the change feed hears of it after commit.
 */
export class ListTransitions {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
    private readonly dictionaries: DictionaryService,
    private readonly clock: Clock,
    private readonly changes: ChangeFeed,
  ) {}

  /**
   * The one way an item changes status: the action must be in the table for
   * the item's current status and one of the caller's parties; the update is a
   * compare-and-set on version and status, audited in the same transaction.
   */
  async transition(
    actor: Actor,
    kind: ListKind,
    id: string,
    request: ListTransitionRequest,
  ): Promise<ListItemView> {
    const dict = await this.dictionaries.snapshot();
    const row = await this.database.transaction(async (tx) => {
      const before = await findItem(tx, actor, kind, id);
      const parties = listParties(actor, before);
      if (parties.length === 0) throw listsError('LIST_NOT_YOURS');
      return this.move(tx, actor, before, request, parties);
    });
    this.changes.publish(kind, [row.id]);
    return itemView(actor, row, dict);
  }

  private async move(
    tx: Executor,
    actor: Actor | AuditActor,
    before: ListItemRow,
    request: ListTransitionRequest,
    parties: readonly Party[],
  ): Promise<ListItemRow> {
    const status = before.status;
    const verdict = decide(LIST_WORKFLOW, status, request.action, parties, request.reason);
    if (!verdict.ok) {
      if (verdict.refusal === 'status') {
        throw listsError('LIST_TRANSITION_NOT_ALLOWED', {
          params: statusRefusalParams(LIST_WORKFLOW, status, request.action),
          details: { status, version: before.version },
        });
      }
      throw listsError(verdict.refusal === 'party' ? 'LIST_NOT_YOURS' : 'LIST_REASON_REQUIRED');
    }
    const to = verdict.to;
    const now = this.clock.now();
    const today = chinaDate(now);
    if (to === 'published' && before.deadline && before.deadline < today) {
      throw listsError('LIST_DEADLINE_PASSED', { params: { deadline: before.deadline } });
    }
    // 尚未解决 answers the question 「该需求是否已解决？」; without one standing there is nothing to answer.
    if (request.action === 'keepOpen' && !before.solvedAskedAt) throw listsError('LIST_SOLVED_NOT_ASKED');
    const after = await new ListsRepository(tx).updateVersioned(
      before.id,
      request.version,
      {
        status: to,
        statusReason: request.reason ?? null,
        ...(to !== status ? { statusChangedAt: now } : {}),
        updatedAt: now,
        ...(to === 'published' && !before.publishedAt ? { publishedAt: now } : {}),
        // Any move answers (or overtakes) the question whether the demand is solved.
        solvedAskedAt: null,
      },
      status,
    );
    if (!after) {
      throw httpError('VERSION_CONFLICT', { details: { currentVersion: before.version, status } });
    }
    const def = LIST_KIND_DEFS[before.kind];
    await this.audit.record(tx, actor, {
      action: `${def.entity}.${request.action}`,
      entity: def.entity,
      entityId: before.id,
      regionCode: after.scopeRegion,
      changes: {
        status: { from: status, to },
        ...(request.reason ? { reason: { to: request.reason } } : {}),
      },
    });
    return after;
  }

  /** Published items past their deadline become expired (a scheduled job; also run at start). */
  async expireDue(): Promise<number> {
    const today = chinaDate(this.clock.now());
    const system = { userId: null, displayName: 'system', role: null, ip: null, requestId: null };
    let expired = 0;
    for (;;) {
      const due = await new ListsRepository(this.database.db).overdue(today, 500);
      if (due.length === 0) return expired;
      const moved = await this.database.transaction(async (tx) => {
        const out: ListItemRow[] = [];
        for (const row of due) {
          out.push(await this.move(tx, system, row, { action: 'expire', version: row.version }, ['system']));
        }
        return out;
      });
      for (const kind of new Set(moved.map((r) => r.kind))) {
        this.changes.publish(
          kind,
          moved.filter((r) => r.kind === kind).map((r) => r.id),
        );
      }
      expired += moved.length;
      if (due.length < 500) return expired;
    }
  }
}
