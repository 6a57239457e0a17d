import type { Actor, AuditActor } from '../../platform/access/actor.ts';
import type { AuditService } from '../../platform/audit/service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCipher } from '../../platform/crypto/fields.ts';
import type { Executor } from '../../platform/db/client.ts';
import { httpError } from '../../platform/http/errors.ts';
import type { IdempotencyService } from '../../platform/idempotency/service.ts';
import { statusRefusalParams } from '../../platform/workflow.ts';
import { chinaDate } from '../../reference/china-time.ts';
import type { WorkCalendar } from '../../reference/workdays.ts';
import type { ListsService } from '../lists/service.ts';
import { References } from '../registry/references.ts';
import { RegistryRepository } from '../registry/repository.ts';
import { TeamsRepository } from '../teams/repository.ts';
import type { OrderTransitionRequest, OrderView } from './contract.ts';
import { stepDue } from './deadlines.ts';
import { ordersError } from './errors.ts';
import { decide, ORDER_WORKFLOW, type OrderParty, type OrderStatus } from './machine.ts';
import type { OrderNotices } from './notices.ts';
import { OrdersRepository } from './repository.ts';
import type { ServiceOrderRow } from './schema.ts';
import type { ExpertSignalCache } from './signals.ts';
import { loadOrder, type OfferWithName, orderParties, orderScope, orderTeams } from './views.ts';

/** Who makes a transition: a caller (with their parties to the order) or the system (the deadline sweep). */
export interface Mover {
  actor: Actor | null;
  audit: AuditActor;
  userId: string | null;
  parties: OrderParty[];
}

/**
 * Every status change of an order: the table in machine.ts, a compare-and-set
 * on status and version, the offers, the history row, the audit row and the
 * notices, all in one transaction; with an Idempotency-Key a retry gets the
 * first answer.
 */
export class OrderTransitions {
  constructor(
    private readonly audit: AuditService,
    private readonly idempotency: IdempotencyService,
    private readonly clock: Clock,
    /** China's working days with the configured days off, for step deadlines. */
    private readonly calendar: WorkCalendar,
    private readonly notices: OrderNotices,
    private readonly signals: ExpertSignalCache,
    /** Opens the enterprise's contact on the order's view. */
    private readonly cipher: FieldCipher,
    /** Asks the enterprise whether the demand is solved once an order of it closes with an outcome. */
    private readonly lists: ListsService,
  ) {}

  /** A request to move an order (派单、接单、拒单 …), as the caller. */
  async transition(
    actor: Actor,
    id: string,
    request: OrderTransitionRequest,
    key?: string,
  ): Promise<OrderView> {
    const { value } = await this.idempotency.once(
      actor.userId,
      key,
      `order:${id}:${request.action}`,
      async (tx) => {
        const repo = new OrdersRepository(tx);
        const order = await repo.byId(id, orderScope(actor));
        if (!order) throw ordersError('ORDER_NOT_FOUND');
        const offers = (await repo.offers([order.id])).filter((x) => x.round === order.round);
        const teams = await orderTeams(repo, [order]);
        await this.apply(
          tx,
          { actor, audit: actor, userId: actor.userId, parties: orderParties(actor, order, offers, teams) },
          order,
          offers,
          request,
        );
        return loadOrder(tx, actor, order.id, { clock: this.clock, cipher: this.cipher });
      },
    );
    await this.signals.refresh();
    return value;
  }

  /**
   * One transition of one order, in the caller's transaction: the table's
   * verdict, the compare-and-set, the offers, the history row and the audit
   * row. Requests (`transition`) and the deadline sweep both come here.
   */
  async apply(
    tx: Executor,
    who: Mover,
    order: ServiceOrderRow,
    offers: OfferWithName[],
    request: OrderTransitionRequest,
  ): Promise<void> {
    const repo = new OrdersRepository(tx);
    const status = order.status;
    const verdict = decide(status, request.action, who.parties, request.reason);
    if (!verdict.ok) {
      if (verdict.refusal === 'status') {
        throw ordersError('ORDER_TRANSITION_NOT_ALLOWED', {
          params: statusRefusalParams(ORDER_WORKFLOW, status, request.action),
          details: { status, version: order.version },
        });
      }
      throw ordersError(verdict.refusal === 'party' ? 'ORDER_NOT_YOURS' : 'ORDER_REASON_REQUIRED');
    }
    if (request.version !== order.version) {
      throw httpError('VERSION_CONFLICT', { details: { currentVersion: order.version, status } });
    }
    const now = this.clock.now();
    let to: OrderStatus = verdict.to;
    const values: Partial<ServiceOrderRow> = { updatedAt: now };
    const details: Record<string, unknown> = {};
    const mine = offers.find((x) => who.userId !== null && x.userId === who.userId);
    /** The enterprise's contact fields the step opens to the expert (accept: contact.ts). */
    let revealed: string[] = [];
    // Offer changes run after the compare-and-set: a racing request fails on the order row first.
    const then: (() => Promise<void>)[] = [];

    switch (request.action) {
      case 'dispatch':
      case 'redispatch': {
        const round = order.round + 1;
        if (!who.actor) throw ordersError('ORDER_NOT_YOURS');
        const experts = await this.dispatchTargets(tx, who.actor, order, who.parties, request);
        values.teamId = null;
        // An operator re-targeting the order takes it back from an institution it was sent to before.
        if (who.parties.includes('operator') && !request.institutionId) {
          values.institutionId = null;
          values.institutionOrganisationId = null;
        }
        if (request.teamId) {
          // A team of the order's city: its leader gets the offer and answers for the team.
          const team = await new TeamsRepository(tx).byId(request.teamId, order.scopeRegion.slice(0, 4));
          if (!team || team.archivedAt) throw ordersError('ORDER_TEAM_UNKNOWN');
          if (!experts.includes(team.leaderTalentId)) experts.push(team.leaderTalentId);
          values.teamId = team.id;
          details.team = team.name;
        }
        then.push(
          () => repo.withdrawOpenOffers(order.id, order.round, now),
          () =>
            repo.insertOffers(
              experts.map((talentId) => ({ orderId: order.id, round, talentId, offeredAt: now })),
            ),
        );
        values.round = round;
        if (request.institutionId) {
          const institution = await new References(tx, who.actor).one(
            'institutions',
            request.institutionId,
            () => ordersError('ORDER_INSTITUTION_UNKNOWN'),
            { anyOrganisation: true },
          );
          values.institutionId = institution.id;
          values.institutionOrganisationId = institution.organisationId;
          details.institution = institution.name;
        }
        details.experts = experts;
        details.round = round;
        break;
      }
      case 'accept':
        then.push(
          () => repo.answerOffer(order.id, order.round, mine!.talentId, 'accepted', null, now),
          () => repo.withdrawOpenOffers(order.id, order.round, now),
        );
        details.expert = mine!.name;
        // From now the expert reads the enterprise's contact whole: recorded here, once, as the registry records a reveal.
        revealed = await contactFields(tx, order);
        break;
      case 'decline': {
        then.push(() =>
          repo.answerOffer(order.id, order.round, mine!.talentId, 'declined', request.reason ?? null, now),
        );
        details.expert = mine!.name;
        // The order goes back to the queue only when nobody else of this round may still accept it.
        const stillOpen = offers.filter((x) => x.state === 'offered' && x.talentId !== mine!.talentId);
        if (stillOpen.length > 0) to = status;
        break;
      }
      case 'finish': {
        const outcomes = request.outcomes ?? [];
        if (outcomes.length === 0) throw ordersError('ORDER_OUTCOME_REQUIRED');
        // Dated when it happened (an agreement signed last week): between the order's day and today.
        const today = chinaDate(now);
        const placedOn = chinaDate(order.createdAt);
        const dated = outcomes.map((x) => ({ ...x, happenedOn: x.happenedOn ?? today }));
        for (const x of dated) {
          if (x.happenedOn > today) throw ordersError('ORDER_OUTCOME_DATE_IN_FUTURE', { params: { today } });
          if (x.happenedOn < placedOn)
            throw ordersError('ORDER_OUTCOME_DATE_BEFORE_ORDER', { params: { placedOn } });
        }
        then.push(() =>
          repo.setOutcomes(
            order.id,
            dated.map((x) => ({
              orderId: order.id,
              kind: x.kind,
              amountFen: x.amountYuan === undefined ? null : Math.round(x.amountYuan * 100),
              note: x.note ?? null,
              happenedOn: x.happenedOn,
              createdBy: who.userId,
              createdAt: now,
            })),
          ),
        );
        details.outcomes = dated;
        break;
      }
      case 'timeout':
        then.push(() => repo.withdrawOpenOffers(order.id, order.round, now));
        break;
      case 'confirm':
        if (!request.rating) throw ordersError('ORDER_RATING_REQUIRED');
        values.rating = request.rating;
        values.ratingComment = request.comment ?? null;
        details.rating = request.rating;
        break;
      default:
        break;
    }
    // When the order reached each step (cycle times, the funnel).
    if (request.action === 'dispatch' && !order.dispatchedAt) values.dispatchedAt = now;
    if (request.action === 'accept') values.acceptedAt = now;
    if (request.action === 'start') values.startedAt = now;
    if (request.action === 'finish') {
      values.finishedAt = now;
      values.hasOutcome = (request.outcomes ?? []).some((x) => x.kind !== 'none');
    }
    if (request.action === 'confirm') values.closedAt = now;
    // A new step (or a new dispatch round) gets its own deadline and is no longer escalated.
    if (to !== status || request.action === 'redispatch') {
      values.status = to;
      values.statusChangedAt = now;
      values.stepDueAt = stepDue(to, now, this.calendar);
      values.escalatedAt = null;
    }
    const after = await repo.move(order.id, order.version, status, values);
    if (!after) throw httpError('VERSION_CONFLICT', { details: { currentVersion: order.version, status } });
    for (const step of then) await step();
    // Closed with an outcome: the enterprise is asked 「该需求是否已解决？」 on its demand (lists decides whether it can be).
    const askSolved =
      request.action === 'confirm' && after.hasOutcome && after.demandId !== null
        ? await this.lists.askSolved(tx, after.demandId)
        : false;
    await repo.addEvent({
      orderId: order.id,
      action: request.action,
      fromStatus: status,
      toStatus: to,
      actorUserId: who.userId,
      actorName: who.audit.displayName,
      reason: request.reason ?? null,
      details,
      at: now,
    });
    await this.audit.record(tx, who.audit, {
      action: `order.${request.action}`,
      entity: 'order',
      entityId: order.id,
      regionCode: order.scopeRegion,
      changes: {
        status: { from: status, to },
        ...(request.reason ? { reason: { to: request.reason } } : {}),
        ...(Object.keys(details).length > 0 ? { details: { to: details } } : {}),
        ...(revealed.length > 0 ? { revealed: { to: revealed } } : {}),
      },
    });
    await this.notices.tell(
      tx,
      after,
      request.action,
      { ...details, reason: request.reason, actor: who.audit.displayName, askSolved },
      offers,
    );
  }

  /** The experts a dispatch offers the order to: for an institution, only its own experts. */
  private async dispatchTargets(
    tx: Executor,
    actor: Actor,
    order: ServiceOrderRow,
    parties: OrderParty[],
    request: OrderTransitionRequest,
  ): Promise<string[]> {
    const experts = [...new Set(request.experts ?? [])];
    if (experts.length === 0 && !request.institutionId && !request.teamId) {
      throw ordersError('ORDER_DISPATCH_EMPTY');
    }
    if ((request.institutionId || request.teamId) && !parties.includes('operator')) {
      throw ordersError('ORDER_NOT_YOURS');
    }
    // An operator offers the order to experts of their region; an institution only to its own experts.
    const rows = await new References(tx, actor).all(
      'talents',
      experts,
      () => ordersError('ORDER_EXPERT_UNKNOWN'),
      {
        expert: true,
        anyOrganisation: parties.includes('operator'),
      },
    );
    const onlyOwn = !parties.includes('operator');
    for (const id of experts) {
      if (onlyOwn && rows.get(id)!.institutionId !== order.institutionId)
        throw ordersError('ORDER_EXPERT_UNKNOWN');
    }
    return experts;
  }
}

/** The enterprise's contact fields an order holds (the registry's 联系人 and 手机), by name. */
async function contactFields(tx: Executor, order: ServiceOrderRow): Promise<string[]> {
  if (!order.enterpriseId) return [];
  const record = (await new RegistryRepository(tx).linkedByIds('enterprises', [order.enterpriseId])).get(
    order.enterpriseId,
  );
  return [
    record?.contactName ? 'contactName' : null,
    record?.contactMobileEnc ? 'contactMobile' : null,
  ].filter((field): field is string => field !== null);
}
