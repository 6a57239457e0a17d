import { createHash, randomBytes } from 'node:crypto';
import { type Actor, type AuditActor, systemActor } from '../../platform/access/actor.ts';
import { regionInScope, scopeOf } from '../../platform/access/scope.ts';
import type { AuditService } from '../../platform/audit/service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db/client.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { httpError } from '../../platform/http/errors.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import type { IdempotencyService } from '../../platform/idempotency/service.ts';
import type { ColumnSpec } from '../../platform/io/columns.ts';
import { exportFile } from '../../platform/io/workbook.ts';
import type { NotificationsService } from '../../platform/notifications/service.ts';
import { statusRefusalParams } from '../../platform/workflow.ts';
import { chinaDate, chinaDateTime } from '../../reference/china-time.ts';
import { regionFullName } from '../../reference/regions.ts';
import { OPEN_STATUSES, type Status } from '../lists/machine.ts';
import type { ListsService } from '../lists/service.ts';
import type { ExpertSignals } from '../matching/engine.ts';
import { References } from '../registry/references.ts';
import { RegistryRepository } from '../registry/repository.ts';
import { TeamsRepository } from '../teams/repository.ts';
import { ATTACHMENTS_PER_VISIT, attachmentType, cleanFileName } from './attachments.ts';
import { OUTCOME_NAMES, type OutcomeKind } from './constants.ts';
import type {
  OrdersExportQuery,
  OrdersQuery,
  OrderTransitionRequest,
  OrderView,
  VisitInput,
} from './contract.ts';
import { stepDue } from './deadlines.ts';
import { ordersError } from './errors.ts';
import {
  decide,
  ORDER_STATUS_NAMES,
  ORDER_STATUSES,
  ORDER_WORKFLOW,
  type OrderAction,
  type OrderParty,
  type OrderStatus,
  orderActionsFor,
} from './machine.ts';
import { type OrderScope, OrdersRepository } from './repository.ts';
import type { ServiceOrderRow } from './schema.ts';

type OfferWithName = Awaited<ReturnType<OrdersRepository['offers']>>[number];

/** Between acceptance and confirmation: the order is being served (visits and files go on it). */
const SERVING: readonly OrderStatus[] = ['accepted', 'in_service', 'awaiting_confirmation'];

/** For orders dispatched to teams: the members' accounts per team, and the teams' names. */
interface OrderTeams {
  users: Map<string, Set<string>>;
  names: Map<string, string>;
  /** The names of the institutions the orders were sent to. */
  institutions: Map<string, string>;
}

/** Rows an export holds at most, and read at a time. */
const EXPORT_MAX = 50_000;
const EXPORT_PAGE = 500;

const ORDER_EXPORT_COLUMNS: ColumnSpec[] = [
  { key: 'code', header: '订单号', headerEn: 'Order no.' },
  { key: 'title', header: '订单名称', headerEn: 'Title' },
  { key: 'enterprise', header: '企业', headerEn: 'Enterprise' },
  { key: 'region', header: '所在地区', headerEn: 'Region' },
  { key: 'status', header: '状态', headerEn: 'Status' },
  { key: 'servedBy', header: '承接', headerEn: 'Served by' },
  { key: 'createdAt', header: '下单时间', headerEn: 'Placed at' },
  { key: 'stepDueAt', header: '本环节截止', headerEn: 'Step due' },
  { key: 'overdue', header: '超时', headerEn: 'Overdue' },
  { key: 'closedAt', header: '办结时间', headerEn: 'Closed at' },
  { key: 'rating', header: '评分', headerEn: 'Rating' },
  { key: 'outcomes', header: '服务成效', headerEn: 'Outcomes' },
  { key: 'amountYuan', header: '金额（元）', headerEn: 'Amount (CNY)' },
];

/**
 * Service orders: an enterprise orders help for a published demand, an
 * operator or an institution dispatches it, experts accept or decline, the
 * service is delivered and the enterprise confirms it with a rating. Every
 * status change goes through `transition`: the table in machine.ts, a
 * compare-and-set on status and version, the history row and the audit row,
 * all in one transaction; with an Idempotency-Key a retry gets the first answer.
 */
export class OrdersService {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
    private readonly lists: ListsService,
    private readonly idempotency: IdempotencyService,
    private readonly clock: Clock,
    private readonly notifications: NotificationsService,
    /** Days off besides weekends (YYYY-MM-DD), for step deadlines. */
    private readonly holidays: ReadonlySet<string> = new Set(),
  ) {}

  scopeFor(actor: Actor): OrderScope {
    return {
      regionPrefix: scopeOf(actor).regionPrefix,
      manager: actor.permissions.has('orders.manage'),
      organisationId: actor.organisationId,
      userId: actor.userId,
    };
  }

  async list(actor: Actor, q: OrdersQuery) {
    const repo = new OrdersRepository(this.database.db);
    const { items, total } = await repo.list(this.scopeFor(actor), {
      page: q.page,
      pageSize: q.pageSize,
      ...(q.status ? { status: q.status } : {}),
      ...(q.q ? { q: q.q } : {}),
      ...(q.overdue === 'true' ? { overdueAt: this.clock.now() } : {}),
      sort: q.sort,
    });
    const offers = await repo.offers(items.map((i) => i.id));
    const teams = await this.teamsOf(repo, items);
    return {
      items: items.map((row) => {
        const {
          offers: _o,
          events: _e,
          ...view
        } = this.view(
          actor,
          row,
          offers.filter((x) => x.orderId === row.id),
          [],
          teams,
        );
        return view;
      }),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /**
   * The orders the caller sees, with the list's filters, every row (up to
   * EXPORT_MAX) as one sheet: who ordered, who serves, where it stands, when
   * it is due, what came of it.
   */
  async export(actor: Actor, q: OrdersExportQuery, locale: Locale) {
    const en = locale === 'en-US';
    const repo = new OrdersRepository(this.database.db);
    const rows: Record<string, string | number | null>[] = [];
    const now = this.clock.now();
    for (let page = 1; rows.length < EXPORT_MAX; page++) {
      const { items } = await repo.list(this.scopeFor(actor), {
        page,
        pageSize: EXPORT_PAGE,
        ...(q.status ? { status: q.status } : {}),
        ...(q.q ? { q: q.q } : {}),
        ...(q.overdue === 'true' ? { overdueAt: now } : {}),
        sort: q.sort,
      });
      const ids = items.map((i) => i.id);
      const [offers, outcomes, teams, institutions, enterprises] = await Promise.all([
        repo.offers(ids),
        repo.outcomesOf(ids),
        repo.teamNames(items.map((i) => i.teamId)),
        repo.institutionNames(items.map((i) => i.institutionId)),
        new RegistryRepository(this.database.db).linkedByIds(
          'enterprises',
          items.flatMap((i) => (i.enterpriseId ? [i.enterpriseId] : [])),
        ),
      ]);
      for (const row of items) {
        const round = offers.filter((x) => x.orderId === row.id && x.round === row.round);
        const accepted = round.filter((x) => x.state === 'accepted');
        const experts = (accepted.length > 0 ? accepted : round.filter((x) => x.state === 'offered')).map(
          (x) => x.name,
        );
        const mine = outcomes.filter((x) => x.orderId === row.id);
        const amountFen = mine.reduce((sum, x) => sum + Number(x.amountFen ?? 0), 0);
        const open = row.status !== 'closed' && row.status !== 'cancelled';
        rows.push({
          code: row.code,
          title: row.title,
          enterprise: (row.enterpriseId && enterprises.get(row.enterpriseId)?.name) || null,
          region: row.regionCode ? regionFullName(row.regionCode) : null,
          status: ORDER_STATUS_NAMES[row.status][en ? 'en' : 'zh'],
          servedBy:
            [
              row.teamId ? teams.get(row.teamId) : null,
              row.institutionId ? institutions.get(row.institutionId) : null,
              ...experts,
            ]
              .filter(Boolean)
              .join(en ? ', ' : '、') || null,
          createdAt: chinaDateTime(row.createdAt),
          stepDueAt: open && row.stepDueAt ? chinaDateTime(row.stepDueAt) : null,
          overdue: open && row.stepDueAt && row.stepDueAt < now ? (en ? 'Yes' : '是') : null,
          closedAt: row.closedAt ? chinaDateTime(row.closedAt) : null,
          rating: row.rating,
          outcomes:
            mine.map((x) => OUTCOME_NAMES[x.kind as OutcomeKind][en ? 'en' : 'zh']).join(en ? '; ' : '；') ||
            null,
          amountYuan: amountFen > 0 ? amountFen / 100 : null,
        });
      }
      if (items.length < EXPORT_PAGE) break;
    }
    const title = en ? 'Service orders' : '服务订单台账';
    return exportFile(title, ORDER_EXPORT_COLUMNS, rows, q.format, locale, now);
  }

  /** 派单看板: the region's orders by status, overdue counts and step times. */
  async board(actor: Actor) {
    const { byStatus, steps } = await new OrdersRepository(this.database.db).board(
      scopeOf(actor).regionPrefix,
      this.clock.now(),
    );
    return {
      statuses: ORDER_STATUSES.map((status) => {
        const row = byStatus.find((r) => r.status === status);
        return { status, count: row?.n ?? 0, overdue: row?.overdue ?? 0 };
      }),
      steps: steps.map((r) => ({
        status: r.step as OrderStatus,
        transitions: r.n,
        medianHours: Math.round(r.median_hours * 10) / 10,
        meanHours: Math.round(r.mean_hours * 10) / 10,
      })),
    };
  }

  async get(actor: Actor, id: string): Promise<OrderView> {
    return this.load(this.database.db, actor, id);
  }

  /** An order's code (订单号) if the caller may see the order, for other modules that link to orders. */
  async codeOf(actor: Actor, id: string, db: Executor = this.database.db): Promise<string | undefined> {
    return (await new OrdersRepository(db).byId(id, this.scopeFor(actor)))?.code;
  }

  /** 点单: the enterprise (or an operator for it) orders help for a published demand. */
  async place(actor: Actor, input: { demandId: string; description?: string | undefined }, key?: string) {
    const demand = await this.lists.row(actor, 'demands', input.demandId);
    if (!OPEN_STATUSES.includes(demand.status as Status)) throw ordersError('ORDER_DEMAND_NOT_OPEN');
    const owner = actor.organisationId !== null && demand.organisationId === actor.organisationId;
    const operator =
      actor.permissions.has('orders.manage') && regionInScope(demand.scopeRegion, scopeOf(actor));
    if (!owner && !operator) throw ordersError('ORDER_NOT_YOURS');
    const { value } = await this.idempotency.once(actor.userId, key, `place:${demand.id}`, async (tx) => {
      const now = this.clock.now();
      const row = await new OrdersRepository(tx).insert({
        code: orderCode(now),
        demandId: demand.id,
        title: demand.title,
        description: input.description ?? demand.description,
        enterpriseId: demand.enterpriseId,
        organisationId: demand.organisationId,
        regionCode: demand.regionCode,
        scopeRegion: demand.scopeRegion,
        status: 'placed',
        statusChangedAt: now,
        stepDueAt: stepDue('placed', now, this.holidays),
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      });
      await new OrdersRepository(tx).addEvent({
        orderId: row.id,
        action: 'place',
        fromStatus: null,
        toStatus: 'placed',
        actorUserId: actor.userId,
        actorName: actor.displayName,
        at: now,
      });
      await this.audit.record(tx, actor, {
        action: 'order.place',
        entity: 'order',
        entityId: row.id,
        regionCode: row.scopeRegion,
        changes: { status: { to: 'placed' }, demand: { to: demand.code } },
      });
      return this.load(tx, actor, row.id);
    });
    // The demand is now being worked on (对接中). Its own rules decide: a demand already moved on stays.
    if (demand.status === 'published') {
      await this.lists
        .transition(actor, 'demands', demand.id, { action: 'start', version: demand.version })
        .catch((err: unknown) => {
          if (!(err instanceof AppError)) throw err;
        });
    }
    return value;
  }

  /** The one way an order changes: see the class comment. */
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
        const order = await repo.byId(id, this.scopeFor(actor));
        if (!order) throw ordersError('ORDER_NOT_FOUND');
        const offers = (await repo.offers([order.id])).filter((x) => x.round === order.round);
        const teams = await this.teamsOf(repo, [order]);
        await this.apply(
          tx,
          { actor, audit: actor, userId: actor.userId, parties: this.parties(actor, order, offers, teams) },
          order,
          offers,
          request,
        );
        return this.load(tx, actor, order.id);
      },
    );
    await this.refreshSignals();
    return value;
  }

  /**
   * One transition of one order, in the caller's transaction: the table's
   * verdict, the compare-and-set, the offers, the history row and the audit
   * row. Requests (`transition`) and the deadline sweep both come here.
   */
  private async apply(
    tx: Executor,
    who: { actor: Actor | null; audit: AuditActor; userId: string | null; parties: OrderParty[] },
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
        then.push(() =>
          repo.setOutcomes(
            order.id,
            outcomes.map((x) => ({
              orderId: order.id,
              kind: x.kind,
              amountFen: x.amountYuan === undefined ? null : Math.round(x.amountYuan * 100),
              note: x.note ?? null,
              createdBy: who.userId,
              createdAt: now,
            })),
          ),
        );
        details.outcomes = outcomes;
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
      values.stepDueAt = stepDue(to, now, this.holidays);
      values.escalatedAt = null;
    }
    const after = await repo.move(order.id, order.version, status, values);
    if (!after) throw httpError('VERSION_CONFLICT', { details: { currentVersion: order.version, status } });
    for (const step of then) await step();
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
      },
    });
    await this.tell(
      tx,
      after,
      request.action,
      { ...details, reason: request.reason, actor: who.audit.displayName },
      offers,
    );
  }

  /** Who hears of a step on `order` (as it is after the step), and what they are told (站内消息, in the step's transaction). */
  private async tell(
    tx: Executor,
    order: ServiceOrderRow,
    action: OrderAction | 'overdue',
    details: Record<string, unknown>,
    offers: OfferWithName[],
  ): Promise<void> {
    const n = this.notifications;
    const link = `/orders/${order.id}`;
    const title = (what: string) => `${what}：${order.title}`;
    const enterprise = () => n.membersOf(tx, [order.organisationId]);
    const operators = () => n.operatorsOf(tx, order.scopeRegion);
    const accepted = offers.filter((x) => x.state === 'accepted' && x.userId).map((x) => x.userId!);
    const open = offers.filter((x) => x.state === 'offered' && x.userId).map((x) => x.userId!);
    const reason = typeof details.reason === 'string' ? details.reason : null;
    switch (action) {
      case 'dispatch':
      case 'redispatch': {
        const experts = await new RegistryRepository(tx).linkedByIds(
          'talents',
          (details.experts as string[]) ?? [],
        );
        const due = stepDue('dispatched', this.clock.now(), this.holidays);
        const body = `${details.actor}向您派单，请在 ${due ? chinaDate(new Date(due.getTime() - 1)) : ''} 前接单或说明原因拒单。`;
        await n.send(
          tx,
          [...experts.values()].map((e) => e.userId).filter((u): u is string => !!u),
          {
            kind: 'order.offer',
            title: title('新的服务订单'),
            body,
            link,
          },
        );
        if (details.institution) {
          await n.send(tx, await n.membersOf(tx, [order.institutionOrganisationId]), {
            kind: 'order.institution',
            title: title('服务订单派至本单位'),
            body: '请选派本单位专家服务。',
            link,
          });
        }
        break;
      }
      case 'accept':
        await n.send(tx, [...(await enterprise()), ...(await operators())], {
          kind: 'order.accept',
          title: title('专家已接单'),
          body: `${details.expert ?? ''}已接单。`,
          link,
        });
        break;
      case 'decline':
        await n.send(tx, await operators(), {
          kind: 'order.decline',
          title: title('专家拒单'),
          body: `${details.expert ?? ''}：${reason ?? ''}`,
          link,
        });
        break;
      case 'timeout':
        await n.send(tx, await operators(), {
          kind: 'order.timeout',
          title: title('派单超时未接，已退回待派'),
          link,
        });
        break;
      case 'finish':
        await n.send(tx, await enterprise(), {
          kind: 'order.finish',
          title: title('服务已完成，请确认办结并评价'),
          link,
        });
        break;
      case 'confirm':
      case 'reopen':
        await n.send(tx, accepted, {
          kind: `order.${action}`,
          title: title(action === 'confirm' ? '企业已确认办结' : '企业退回继续服务'),
          body: action === 'confirm' ? `评分 ${details.rating ?? ''} 分` : reason,
          link,
        });
        break;
      case 'cancel':
        await n.send(tx, [...open, ...accepted], {
          kind: 'order.cancel',
          title: title('订单已取消'),
          body: reason,
          link,
        });
        break;
      case 'overdue':
        await n.send(tx, await operators(), {
          kind: 'order.overdue',
          title: title('订单环节超时'),
          body: `当前环节“${ORDER_STATUS_NAMES[order.status].zh}”已于 ${
            order.stepDueAt ? chinaDate(new Date(order.stepDueAt.getTime() - 1)) : ''
          } 到期，请督办。`,
          link,
        });
        break;
      default:
        break;
    }
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

  /** The accounts of the members of these orders' teams, and the teams' names. */
  private async teamsOf(repo: OrdersRepository, orders: readonly ServiceOrderRow[]): Promise<OrderTeams> {
    const ids = orders.map((x) => x.teamId);
    const users = new Map<string, Set<string>>();
    for (const { teamId, userId } of await repo.teamUsers(ids)) {
      users.set(teamId, (users.get(teamId) ?? new Set()).add(userId));
    }
    return {
      users,
      names: await repo.teamNames(ids),
      institutions: await repo.institutionNames(orders.map((x) => x.institutionId)),
    };
  }

  /** Who the caller is to this order (see OrderParty). */
  private parties(
    actor: Actor,
    order: ServiceOrderRow,
    offers: OfferWithName[],
    teams: OrderTeams,
  ): OrderParty[] {
    const out: OrderParty[] = [];
    if (!actor.permissions.has('orders.act')) return out;
    if (actor.permissions.has('orders.manage') && regionInScope(order.scopeRegion, scopeOf(actor))) {
      out.push('operator');
    }
    if (actor.organisationId && order.organisationId === actor.organisationId) out.push('enterprise');
    if (actor.organisationId && order.institutionOrganisationId === actor.organisationId)
      out.push('institution');
    const mine = offers.find((x) => x.userId === actor.userId);
    if (mine?.state === 'offered') out.push('offered');
    const serving = SERVING.includes(order.status);
    const teamMember = order.teamId !== null && teams.users.get(order.teamId)?.has(actor.userId) === true;
    if (mine?.state === 'accepted' || (serving && teamMember)) out.push('assignee');
    return out;
  }

  private async load(db: Executor, actor: Actor, id: string): Promise<OrderView> {
    const repo = new OrdersRepository(db);
    const row = await repo.byId(id, this.scopeFor(actor));
    if (!row) throw ordersError('ORDER_NOT_FOUND');
    const attachments = await repo.attachments(row.id);
    return {
      ...this.view(
        actor,
        row,
        await repo.offers([row.id]),
        await repo.events(row.id),
        await this.teamsOf(repo, [row]),
      ),
      outcomes: (await repo.outcomes(row.id)).map((x) => ({
        kind: x.kind as OrderView['outcomes'][number]['kind'],
        amountYuan: x.amountFen === null ? null : x.amountFen / 100,
        note: x.note,
      })),
      visits: (await repo.visits(row.id)).map((v) => ({
        id: v.id,
        visitedOn: v.visitedOn,
        place: v.place,
        people: v.people,
        summary: v.summary,
        by: v.createdByName,
        attachments: attachments
          .filter((a) => a.visitId === v.id)
          .map((a) => ({ id: a.id, name: a.name, size: a.size, contentType: a.contentType })),
      })),
    };
  }

  /** 服务记录: the expert serving the order (or an operator) logs a visit, between acceptance and confirmation. */
  async logVisit(actor: Actor, id: string, input: VisitInput): Promise<OrderView> {
    const view = await this.database.transaction(async (tx) => {
      const repo = new OrdersRepository(tx);
      const order = await this.serving(repo, actor, id);
      const now = this.clock.now();
      const visit = await repo.addVisit({
        orderId: order.id,
        visitedOn: input.visitedOn,
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
      return this.load(tx, actor, order.id);
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
    const name = cleanFileName(file.fileName);
    const contentType = attachmentType(name, file.data);
    if (file.data.length === 0) throw ordersError('ORDER_ATTACHMENT_EMPTY');
    if (!contentType) throw ordersError('ORDER_ATTACHMENT_TYPE');
    return this.database.transaction(async (tx) => {
      const repo = new OrdersRepository(tx);
      const order = await this.serving(repo, actor, id);
      const visit = await repo.visit(order.id, visitId);
      if (!visit) throw ordersError('ORDER_VISIT_NOT_FOUND');
      const already = (await repo.attachments(order.id)).filter((a) => a.visitId === visit.id);
      if (already.length >= ATTACHMENTS_PER_VISIT) {
        throw ordersError('ORDER_ATTACHMENTS_FULL', { params: { max: ATTACHMENTS_PER_VISIT } });
      }
      const sha256 = createHash('sha256').update(file.data).digest('hex');
      await repo.addAttachment({
        orderId: order.id,
        visitId: visit.id,
        name,
        contentType,
        size: file.data.length,
        sha256,
        data: file.data,
        createdBy: actor.userId,
        createdByName: actor.displayName,
        createdAt: this.clock.now(),
      });
      await this.audit.record(tx, actor, {
        action: 'order.attach',
        entity: 'order',
        entityId: order.id,
        regionCode: order.scopeRegion,
        changes: { attachment: { to: { visitId: visit.id, name, size: file.data.length, sha256 } } },
      });
      return this.load(tx, actor, order.id);
    });
  }

  /** One attachment of an order the caller can see. */
  async attachment(actor: Actor, id: string, attachmentId: string) {
    const repo = new OrdersRepository(this.database.db);
    const order = await repo.byId(id, this.scopeFor(actor));
    if (!order) throw ordersError('ORDER_NOT_FOUND');
    const file = await repo.attachment(order.id, attachmentId);
    if (!file) throw ordersError('ORDER_ATTACHMENT_NOT_FOUND');
    return file;
  }

  /** An order the caller serves (or oversees), between acceptance and confirmation: visits and files go on it. */
  private async serving(repo: OrdersRepository, actor: Actor, id: string): Promise<ServiceOrderRow> {
    const order = await repo.byId(id, this.scopeFor(actor));
    if (!order) throw ordersError('ORDER_NOT_FOUND');
    const status = order.status;
    if (!SERVING.includes(status)) {
      throw ordersError('ORDER_NOT_IN_SERVICE', { params: { status: ORDER_STATUS_NAMES[status].zh } });
    }
    const offers = (await repo.offers([order.id])).filter((x) => x.round === order.round);
    const parties = this.parties(actor, order, offers, await this.teamsOf(repo, [order]));
    if (!parties.includes('assignee') && !parties.includes('operator')) throw ordersError('ORDER_NOT_YOURS');
    return order;
  }

  /**
   * The deadline job: a dispatch nobody answered in time goes back to the
   * queue (offers withdrawn, history kept); any other overdue step is marked
   * and escalated once, in its history and the audit log. Returns how many
   * orders it handled.
   */
  async sweepDeadlines(): Promise<{ timedOut: number; escalated: number }> {
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
          await this.apply(
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
        await this.tell(tx, order, 'overdue', { dueAt: order.stepDueAt }, []);
        escalated++;
      });
    }
    if (timedOut > 0) await this.refreshSignals();
    return { timedOut, escalated };
  }

  /**
   * What matching weighs for experts: orders they hold now (load) and orders
   * they closed with the enterprise's ratings (outcomes), read from the
   * orders; refreshed after every change to an order.
   */
  async refreshSignals(): Promise<void> {
    // Concurrent callers share one refresh; a caller arriving mid-read gets one more pass after it.
    if (this.refreshing) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      do {
        this.refreshAgain = false;
        const rows = await new OrdersRepository(this.database.db).expertSignals();
        this.signals = new Map(rows.map((r) => [r.talentId, r]));
      } while (this.refreshAgain);
    })().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private refreshing: Promise<void> | null = null;
  private refreshAgain = false;

  private signals = new Map<string, { open: number; closed: number; rating: number | null }>();

  readonly expertSignals: ExpertSignals = {
    load: (expertId) => this.signals.get(expertId)?.open ?? 0,
    outcomes: (expertId) => {
      const s = this.signals.get(expertId);
      return { count: s?.closed ?? 0, rating: s?.rating ?? null };
    },
  };

  private view(
    actor: Actor,
    row: ServiceOrderRow,
    offers: OfferWithName[],
    events: Awaited<ReturnType<OrdersRepository['events']>>,
    teams: OrderTeams,
  ): Omit<OrderView, 'outcomes' | 'visits'> {
    const current = offers.filter((x) => x.round === row.round);
    const parties = this.parties(actor, row, current, teams);
    return {
      id: row.id,
      code: row.code,
      demandId: row.demandId,
      title: row.title,
      description: row.description,
      enterpriseId: row.enterpriseId,
      institutionId: row.institutionId,
      institutionName: row.institutionId ? (teams.institutions.get(row.institutionId) ?? null) : null,
      teamId: row.teamId,
      teamName: row.teamId ? (teams.names.get(row.teamId) ?? null) : null,
      regionCode: row.regionCode,
      status: row.status,
      round: row.round,
      statusChangedAt: row.statusChangedAt.toISOString(),
      stepDueAt: row.stepDueAt?.toISOString() ?? null,
      overdue: row.stepDueAt !== null && row.stepDueAt.getTime() < this.clock.now().getTime(),
      rating: row.rating,
      ratingComment: row.ratingComment,
      createdAt: row.createdAt.toISOString(),
      version: row.version,
      offers: offers.map((x) => ({
        talentId: x.talentId,
        name: x.name,
        round: x.round,
        state: x.state,
        reason: x.reason,
      })),
      events: events.map((e) => ({
        action: e.action,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        actorName: e.actorName,
        reason: e.reason,
        details: e.details,
        at: e.at.toISOString(),
      })),
      actions: orderActionsFor(row.status, parties),
      canLogVisit:
        SERVING.includes(row.status) &&
        (parties.includes('assignee') || parties.includes('operator')),
    };
  }
}

/** 订单号: GD-YYYYMMDD-XXXXXX (China date, random suffix). */
function orderCode(now: Date): string {
  const day = chinaDate(now).replaceAll('-', '');
  return `GD-${day}-${randomBytes(3).toString('hex').toUpperCase()}`;
}
