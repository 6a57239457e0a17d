import { randomBytes } from 'node:crypto';
import type { Actor } from '../../platform/access/actor.ts';
import { regionInScope, scopeOf } from '../../platform/access/scope.ts';
import type { AuditService } from '../../platform/audit/service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCipher } from '../../platform/crypto/fields.ts';
import type { Database, Executor } from '../../platform/db/client.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import type { IdempotencyService } from '../../platform/idempotency/service.ts';
import type { NotificationsService } from '../../platform/notifications/service.ts';
import { chinaDate } from '../../reference/china-time.ts';
import type { WorkCalendar } from '../../reference/workdays.ts';
import { OPEN_STATUSES } from '../lists/machine.ts';
import type { ListsService } from '../lists/service.ts';
import type { ExpertSignals } from '../matching/engine.ts';
import { orderFilters } from './conditions.ts';
import type { OrdersExportQuery, OrdersQuery, OrderView } from './contract.ts';
import { DeadlineSweep } from './deadline-sweep.ts';
import { stepDue } from './deadlines.ts';
import { ordersError } from './errors.ts';
import { exportOrders } from './export.ts';
import { ORDER_STATUSES } from './machine.ts';
import { OrderNotices } from './notices.ts';
import { OrdersRepository } from './repository.ts';
import { ExpertSignalCache } from './signals.ts';
import { OrderTransitions } from './transitions.ts';
import { loadOrder, type OrderTeams, orderScope, orderSummary } from './views.ts';
import { OrderVisits } from './visits.ts';

/**
 * Service orders: an enterprise orders help for a published demand, an
 * operator or an institution dispatches it, experts accept or decline, the
 * service is delivered and the enterprise confirms it with a rating. This
 * class is the module's face to routes, jobs and other modules: placing and
 * reading orders are here; each other use-case family has its own file —
 * transitions.ts (every status change), visits.ts (服务记录 and their files),
 * export.ts (台账), deadline-sweep.ts (the deadline job), notices.ts (站内消息)
 * and signals.ts (what matching weighs for experts).
 */
export class OrdersService {
  private readonly signals: ExpertSignalCache;
  private readonly transitions: OrderTransitions;
  private readonly visits: OrderVisits;
  private readonly deadlines: DeadlineSweep;
  /** Experts' open orders and outcomes, for matching (main.ts hands it over). */
  readonly expertSignals: ExpertSignals;

  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
    private readonly lists: ListsService,
    private readonly idempotency: IdempotencyService,
    private readonly clock: Clock,
    notifications: NotificationsService,
    /** Opens the enterprise's contact for the expert serving an order (contact.ts). */
    private readonly cipher: FieldCipher,
    /** China's working days with the configured days off, for step deadlines. */
    private readonly calendar: WorkCalendar,
  ) {
    this.signals = new ExpertSignalCache(database);
    this.expertSignals = this.signals.expertSignals;
    const notices = new OrderNotices(notifications, clock, calendar);
    this.transitions = new OrderTransitions(
      audit,
      idempotency,
      clock,
      calendar,
      notices,
      this.signals,
      cipher,
      lists,
    );
    this.visits = new OrderVisits(database, audit, clock, cipher);
    this.deadlines = new DeadlineSweep(database, audit, clock, this.transitions, notices, this.signals);
  }

  async list(actor: Actor, q: OrdersQuery) {
    const repo = new OrdersRepository(this.database.db);
    const { items, total } = await repo.list(orderScope(actor), {
      ...orderFilters(q, this.clock.now()),
      page: q.page,
      pageSize: q.pageSize,
    });
    const teams: OrderTeams = { names: new Map(), users: new Map(), institutions: new Map() };
    for (const { order, teamName, teamUsers, institutionName } of items) {
      if (order.teamId && teamName !== null) {
        teams.names.set(order.teamId, teamName);
        teams.users.set(order.teamId, new Set(teamUsers));
      }
      if (order.institutionId && institutionName !== null)
        teams.institutions.set(order.institutionId, institutionName);
    }
    const now = this.clock.now();
    return {
      items: items.map(({ order, offers }) => {
        const { offers: _o, events: _e, ...view } = orderSummary(actor, order, offers, [], teams, now);
        return view;
      }),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /** How many orders the list has for this query (its total, without reading a page): the workbench's counts. */
  async count(actor: Actor, q: Omit<OrdersQuery, 'page' | 'pageSize'>): Promise<number> {
    return new OrdersRepository(this.database.db).count(orderScope(actor), orderFilters(q, this.clock.now()));
  }

  /** 服务订单台账: the orders the caller sees, with the list's filters, as one sheet (export.ts). */
  async export(actor: Actor, q: OrdersExportQuery, locale: Locale) {
    return exportOrders(this.database.db, orderScope(actor), q, locale, this.clock.now());
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
        status: r.step,
        transitions: r.n,
        medianHours: Math.round(r.median_hours * 10) / 10,
        meanHours: Math.round(r.mean_hours * 10) / 10,
      })),
    };
  }

  async get(actor: Actor, id: string): Promise<OrderView> {
    return loadOrder(this.database.db, actor, id, { clock: this.clock, cipher: this.cipher });
  }

  /** An order's code (订单号) if the caller may see the order, for other modules that link to orders. */
  async codeOf(actor: Actor, id: string, db: Executor = this.database.db): Promise<string | undefined> {
    return (await new OrdersRepository(db).byId(id, orderScope(actor)))?.code;
  }

  /** 点单: the enterprise (or an operator for it) orders help for a published demand. */
  async place(actor: Actor, input: { demandId: string; description?: string | undefined }, key?: string) {
    const demand = await this.lists.row(actor, 'demands', input.demandId);
    if (!OPEN_STATUSES.includes(demand.status)) throw ordersError('ORDER_DEMAND_NOT_OPEN');
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
        stepDueAt: stepDue('placed', now, this.calendar),
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
      return loadOrder(tx, actor, row.id, { clock: this.clock, cipher: this.cipher });
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

  // The other use-case families, delegated with their own signatures.

  /** The one way an order changes (transitions.ts). */
  async transition(...args: Parameters<OrderTransitions['transition']>): Promise<OrderView> {
    return this.transitions.transition(...args);
  }

  /** 服务记录: a visit logged on an order being served (visits.ts). */
  async logVisit(...args: Parameters<OrderVisits['logVisit']>): Promise<OrderView> {
    return this.visits.logVisit(...args);
  }

  /** 服务记录附件: a file attached to a visit (visits.ts). */
  async attach(...args: Parameters<OrderVisits['attach']>): Promise<OrderView> {
    return this.visits.attach(...args);
  }

  /** One attachment of an order the caller can see (visits.ts). */
  async attachment(...args: Parameters<OrderVisits['attachment']>) {
    return this.visits.attachment(...args);
  }

  /** The deadline job (deadline-sweep.ts): how many orders it timed out and escalated. */
  async sweepDeadlines(): Promise<{ timedOut: number; escalated: number }> {
    return this.deadlines.run();
  }

  /** Re-reads what matching weighs for experts (signals.ts). */
  async refreshSignals(): Promise<void> {
    return this.signals.refresh();
  }
}

/** 订单号: GD-YYYYMMDD-XXXXXX (China date, random suffix). */
function orderCode(now: Date): string {
  const day = chinaDate(now).replaceAll('-', '');
  return `GD-${day}-${randomBytes(3).toString('hex').toUpperCase()}`;
}
