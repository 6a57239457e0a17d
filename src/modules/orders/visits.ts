import type { Actor } from '../../platform/access/actor.ts';
import type { AuditService } from '../../platform/audit/service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCipher } from '../../platform/crypto/fields.ts';
import type { Database } from '../../platform/db/client.ts';
import { chinaDate } from '../../reference/china-time.ts';
import { ATTACHMENTS_PER_VISIT, intake } from './attachments.ts';
import type { OrderView, VisitInput } from './contract.ts';
import { ordersError } from './errors.ts';
import { ORDER_STATUS_NAMES } from './machine.ts';
import { OrdersRepository } from './repository.ts';
import type { ServiceOrderRow } from './schema.ts';
import { loadOrder, orderParties, orderScope, orderTeams, SERVING } from './views.ts';

/**
 * 服务记录: visits logged on an order while it is served, and the files
 * attached to them (what may be attached: attachments.ts).
 */
export class OrderVisits {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    /** Opens the enterprise's contact on the order's view. */
    private readonly cipher: FieldCipher,
  ) {}

  /** 服务记录: the expert serving the order (or an operator) logs a visit, between acceptance and confirmation. */
  async logVisit(actor: Actor, id: string, input: VisitInput): Promise<OrderView> {
    const now = this.clock.now();
    // A visit is logged once it happened: today (China time, by the platform's clock, not the phone's)
    // unless told otherwise, and never later. ISO dates compare as text.
    const today = chinaDate(now);
    const visitedOn = input.visitedOn ?? today;
    if (visitedOn > today) throw ordersError('VISIT_DATE_IN_FUTURE', { params: { today } });
    const view = await this.database.transaction(async (tx) => {
      const repo = new OrdersRepository(tx);
      const order = await this.serving(repo, actor, id);
      const visit = await repo.addVisit({
        orderId: order.id,
        visitedOn,
        place: input.place ?? null,
        people: input.people ?? null,
        summary: input.summary,
        createdBy: actor.userId,
        createdByName: actor.displayName,
        createdAt: now,
      });
      await this.audit.record(tx, actor, {
        action: 'order.visit',
        entity: 'order',
        entityId: order.id,
        regionCode: order.scopeRegion,
        changes: { visit: { to: { id: visit.id, visitedOn: visit.visitedOn, summary: visit.summary } } },
      });
      return loadOrder(tx, actor, order.id, { clock: this.clock, cipher: this.cipher });
    });
    return view;
  }

  /**
   * 服务记录附件: a file attached to a visit by whoever may log visits; the
   * type is decided from the name and the content (attachments.ts).
   */
  async attach(
    actor: Actor,
    id: string,
    visitId: string,
    file: { fileName: string; data: Buffer },
  ): Promise<OrderView> {
    const stored = intake(file, {
      empty: () => ordersError('ORDER_ATTACHMENT_EMPTY'),
      type: () => ordersError('ORDER_ATTACHMENT_TYPE'),
    });
    return this.database.transaction(async (tx) => {
      const repo = new OrdersRepository(tx);
      const order = await this.serving(repo, actor, id);
      const visit = await repo.visit(order.id, visitId);
      if (!visit) throw ordersError('ORDER_VISIT_NOT_FOUND');
      const already = (await repo.attachments(order.id)).filter((a) => a.visitId === visit.id);
      if (already.length >= ATTACHMENTS_PER_VISIT) {
        throw ordersError('ORDER_ATTACHMENTS_FULL', { params: { max: ATTACHMENTS_PER_VISIT } });
      }
      await repo.addAttachment({
        orderId: order.id,
        visitId: visit.id,
        ...stored,
        createdBy: actor.userId,
        createdByName: actor.displayName,
        createdAt: this.clock.now(),
      });
      await this.audit.record(tx, actor, {
        action: 'order.attach',
        entity: 'order',
        entityId: order.id,
        regionCode: order.scopeRegion,
        changes: {
          attachment: {
            to: { visitId: visit.id, name: stored.name, size: stored.size, sha256: stored.sha256 },
          },
        },
      });
      return loadOrder(tx, actor, order.id, { clock: this.clock, cipher: this.cipher });
    });
  }

  /** One attachment of an order the caller can see. */
  async attachment(actor: Actor, id: string, attachmentId: string) {
    const repo = new OrdersRepository(this.database.db);
    const order = await repo.byId(id, orderScope(actor));
    if (!order) throw ordersError('ORDER_NOT_FOUND');
    const file = await repo.attachment(order.id, attachmentId);
    if (!file) throw ordersError('ORDER_ATTACHMENT_NOT_FOUND');
    return file;
  }

  /** An order the caller serves (or oversees), between acceptance and confirmation: visits and files go on it. */
  private async serving(repo: OrdersRepository, actor: Actor, id: string): Promise<ServiceOrderRow> {
    const order = await repo.byId(id, orderScope(actor));
    if (!order) throw ordersError('ORDER_NOT_FOUND');
    const status = order.status;
    if (!SERVING.includes(status)) {
      throw ordersError('ORDER_NOT_IN_SERVICE', { params: { status: ORDER_STATUS_NAMES[status].zh } });
    }
    const offers = (await repo.offers([order.id])).filter((x) => x.round === order.round);
    const parties = orderParties(actor, order, offers, await orderTeams(repo, [order]));
    if (!parties.includes('assignee') && !parties.includes('operator')) throw ordersError('ORDER_NOT_YOURS');
    return order;
  }
}
