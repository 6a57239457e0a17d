import { systemActor } from '../../platform/access/actor.ts';
import type { AuditService } from '../../platform/audit/service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/client.ts';
import type { OrderNotices } from './notices.ts';
import { OrdersRepository } from './repository.ts';
import type { ExpertSignalCache } from './signals.ts';
import type { OrderTransitions } from './transitions.ts';

/**
 * The deadline job (jobs.ts, every 15 minutes): a dispatch nobody answered in
 * time goes back to the queue (offers withdrawn, history kept); any other
 * overdue step is marked and escalated once, in its history and the audit
 * log. Each order is moved by compare-and-set, so a second run, or a second
 * process, finds nothing left to do. Deadlines themselves: deadlines.ts.
 */
export class DeadlineSweep {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly transitions: OrderTransitions,
    private readonly notices: OrderNotices,
    private readonly signals: ExpertSignalCache,
  ) {}

  /** One pass over the orders due now; returns how many it timed out and escalated. */
  async run(): Promise<{ timedOut: number; escalated: number }> {
    const system = systemActor('时限督办');
    let timedOut = 0;
    let escalated = 0;
    const due = await new OrdersRepository(this.database.db).overdue(this.clock.now(), 500);
    for (const candidate of due) {
      await this.database.transaction(async (tx) => {
        const repo = new OrdersRepository(tx);
        const order = await repo.byIdUnscoped(candidate.id);
        if (!order || order.version !== candidate.version) return; // moved on meanwhile
        if (order.status === 'dispatched') {
          const offers = (await repo.offers([order.id])).filter((x) => x.round === order.round);
          await this.transitions.apply(
            tx,
            { actor: null, audit: system, userId: null, parties: ['system'] },
            order,
            offers,
            {
              action: 'timeout',
              version: order.version,
            },
          );
          timedOut++;
          return;
        }
        const now = this.clock.now();
        const after = await repo.move(order.id, order.version, order.status, {
          escalatedAt: now,
        });
        if (!after) return;
        await repo.addEvent({
          orderId: order.id,
          action: 'overdue',
          fromStatus: order.status,
          toStatus: order.status,
          actorUserId: null,
          actorName: system.displayName,
          details: { dueAt: order.stepDueAt?.toISOString() },
          at: now,
        });
        await this.audit.record(tx, system, {
          action: 'order.overdue',
          entity: 'order',
          entityId: order.id,
          regionCode: order.scopeRegion,
          changes: { escalated: { to: true }, status: { to: order.status } },
        });
        await this.notices.tell(tx, order, 'overdue', { dueAt: order.stepDueAt }, []);
        escalated++;
      });
    }
    if (timedOut > 0) await this.signals.refresh();
    return { timedOut, escalated };
  }
}
