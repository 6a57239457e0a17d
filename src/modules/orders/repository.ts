import {
  and,
  asc,
  between,
  count,
  desc,
  eq,
  getTableColumns,
  inArray,
  isNotNull,
  isNull,
  lt,
  type Placeholder,
  type SQL,
  sql,
} from 'drizzle-orm';
import { regionPrefixBounds, regionPrefixCondition } from '../../platform/access/scope.ts';
import type { Executor } from '../../platform/db/client.ts';
import { pageRowOf, pageWithTotal, preparedOnce, selectPage } from '../../platform/db/pages.ts';
import { institutions, talents } from '../registry/schema.ts';
import { teamMembers, teams } from '../teams/schema.ts';
import { filterCondition, type OrderFilters, type OrderScope, scopeCondition } from './conditions.ts';
import type { FunnelStage } from './constants.ts';
import { orderWithParts, PAGE_PARTS } from './list-page.ts';
import type { OrderStatus } from './machine.ts';
import {
  type OrderAttachmentRow,
  type OrderEventRow,
  type OrderOfferRow,
  type OrderOutcomeRow,
  type OrderVisitRow,
  serviceOrders as o,
  orderAttachments,
  orderEvents,
  orderOffers,
  orderOutcomes,
  orderVisits,
  type ServiceOrderRow,
} from './schema.ts';

export type { OrderFilters, OrderScope } from './conditions.ts';

/** The keys of a list query that are not filters (a query of only these is the plain list). */
const PAGING: ReadonlySet<string> = new Set(['page', 'pageSize', 'sort']);

/** The list's order for a sort, the code last so that a page boundary is stable. */
function ordered(sort: OrderFilters['sort']): SQL[] {
  return [
    ...(sort === 'due'
      ? [sql`${o.stepDueAt} asc nulls last`, asc(o.createdAt)]
      : sort === 'created'
        ? [desc(o.createdAt)]
        : [desc(o.updatedAt)]),
    asc(o.code),
  ];
}

export class OrdersRepository {
  constructor(private readonly db: Executor) {}

  private scoped(scope: OrderScope): SQL | undefined {
    return scopeCondition(this.db, scope);
  }

  private filters(scope: OrderScope, q: OrderFilters): SQL | undefined {
    return filterCondition(this.db, scope, q);
  }

  async byId(id: string, scope: OrderScope): Promise<ServiceOrderRow | undefined> {
    const [row] = await this.db
      .select()
      .from(o)
      .where(and(eq(o.id, id), this.scoped(scope)));
    return row;
  }

  /** One page of the orders the scope sees, filtered and in the list's sort (exports read every page). */
  async page(
    scope: OrderScope,
    q: OrderFilters & { page: number; pageSize: number },
  ): Promise<ServiceOrderRow[]> {
    return this.db
      .select()
      .from(o)
      .where(this.filters(scope, q))
      .orderBy(...ordered(q.sort))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize);
  }

  /**
   * A page of the list and how many orders it has in all (pageWithTotal), with each order's
   * offers and what the page shows of its team and institution: one statement a page.
   */
  async list(scope: OrderScope, q: OrderFilters & { page: number; pageSize: number }) {
    const offset = (q.page - 1) * q.pageSize;
    const plain = scope.manager && Object.entries(q).every(([k, v]) => v === undefined || PAGING.has(k));
    const rows =
      plain && (q.sort ?? 'updated') === 'updated'
        ? await this.managerPage(scope, q.pageSize, offset)
        : await this.pageQuery(this.filters(scope, q), q.sort, q.pageSize, offset);
    return pageWithTotal(
      rows.map(({ total, ...parts }) => ({
        total,
        row: orderWithParts({ ...parts, row: pageRowOf(o).read(parts.row) }),
      })),
      q.page,
      () => this.count(scope, q),
    );
  }

  private pageQuery(
    where: SQL | undefined,
    sort: OrderFilters['sort'],
    limit: number | Placeholder,
    offset: number | Placeholder,
  ) {
    return selectPage(
      this.db,
      {
        row: pageRowOf(o).value,
        total: sql<number>`${this.db.select({ n: sql`count(*)::int` }).from(o).where(where)}`,
        ...PAGE_PARTS,
      },
      o,
      { where, orderBy: ordered(sort), limit, offset },
    );
  }

  /**
   * An operator's list with no filter, last changed first (what the page opens with), by a
   * prepared statement: the region's bounds are its parameters.
   */
  private managerPage(scope: OrderScope, limit: number, offset: number) {
    const region = regionPrefixBounds(scope.regionPrefix);
    const name = `orders_page_manager${region ? '_region' : ''}`;
    const statement = preparedOnce(this.db, name, () =>
      this.pageQuery(
        region ? between(o.scopeRegion, sql.placeholder('low'), sql.placeholder('high')) : undefined,
        'updated',
        sql.placeholder('limit'),
        sql.placeholder('offset'),
      ).prepare(name),
    );
    return statement.execute({ low: region?.[0], high: region?.[1], limit, offset });
  }

  /** How many orders the list has with these filters (its total; the workbench's counts). */
  async count(scope: OrderScope, q: OrderFilters): Promise<number> {
    const [total] = await this.db.select({ n: count() }).from(o).where(this.filters(scope, q));
    return total?.n ?? 0;
  }

  async insert(values: typeof o.$inferInsert): Promise<ServiceOrderRow> {
    const [row] = await this.db.insert(o).values(values).returning();
    return row!;
  }

  /** Compare-and-set on version and status; undefined when the order moved since it was read. */
  async move(
    id: string,
    version: number,
    status: OrderStatus,
    values: Partial<typeof o.$inferInsert>,
  ): Promise<ServiceOrderRow | undefined> {
    const [row] = await this.db
      .update(o)
      .set({ ...values, version: sql`${o.version} + 1` })
      .where(and(eq(o.id, id), eq(o.version, version), eq(o.status, status)))
      .returning();
    return row;
  }

  async offers(orderIds: string[]): Promise<(OrderOfferRow & { name: string; userId: string | null })[]> {
    if (orderIds.length === 0) return [];
    const rows = await this.db
      .select({ offer: orderOffers, name: talents.name, userId: talents.userId })
      .from(orderOffers)
      .innerJoin(talents, eq(talents.id, orderOffers.talentId))
      .where(inArray(orderOffers.orderId, orderIds))
      .orderBy(asc(orderOffers.round), asc(orderOffers.offeredAt), asc(talents.code));
    return rows.map((r) => ({ ...r.offer, name: r.name, userId: r.userId }));
  }

  async insertOffers(values: (typeof orderOffers.$inferInsert)[]): Promise<void> {
    if (values.length > 0) await this.db.insert(orderOffers).values(values);
  }

  async answerOffer(
    orderId: string,
    round: number,
    talentId: string,
    state: string,
    reason: string | null,
    at: Date,
  ) {
    await this.db
      .update(orderOffers)
      .set({ state, reason, answeredAt: at })
      .where(
        and(
          eq(orderOffers.orderId, orderId),
          eq(orderOffers.round, round),
          eq(orderOffers.talentId, talentId),
        ),
      );
  }

  /** Offers of a round still open are withdrawn (a re-dispatch, or another expert accepted). */
  async withdrawOpenOffers(orderId: string, round: number, at: Date) {
    await this.db
      .update(orderOffers)
      .set({ state: 'withdrawn', answeredAt: at })
      .where(
        and(eq(orderOffers.orderId, orderId), eq(orderOffers.round, round), eq(orderOffers.state, 'offered')),
      );
  }

  async events(orderId: string): Promise<OrderEventRow[]> {
    return this.db
      .select()
      .from(orderEvents)
      .where(eq(orderEvents.orderId, orderId))
      .orderBy(asc(orderEvents.id));
  }

  async addEvent(values: typeof orderEvents.$inferInsert): Promise<void> {
    await this.db.insert(orderEvents).values(values);
  }

  async outcomes(orderId: string): Promise<OrderOutcomeRow[]> {
    return this.outcomesOf([orderId]);
  }

  async outcomesOf(orderIds: readonly string[]): Promise<OrderOutcomeRow[]> {
    if (orderIds.length === 0) return [];
    return this.db
      .select()
      .from(orderOutcomes)
      .where(inArray(orderOutcomes.orderId, [...orderIds]))
      .orderBy(asc(orderOutcomes.createdAt));
  }

  /** The order's outcomes are these (a finish after a reopening replaces what the earlier finish recorded). */
  async setOutcomes(orderId: string, values: (typeof orderOutcomes.$inferInsert)[]): Promise<void> {
    await this.db.delete(orderOutcomes).where(eq(orderOutcomes.orderId, orderId));
    if (values.length > 0) await this.db.insert(orderOutcomes).values(values);
  }

  async visit(orderId: string, id: string): Promise<OrderVisitRow | undefined> {
    const [row] = await this.db
      .select()
      .from(orderVisits)
      .where(and(eq(orderVisits.orderId, orderId), eq(orderVisits.id, id)));
    return row;
  }

  async visits(orderId: string): Promise<OrderVisitRow[]> {
    return this.db
      .select()
      .from(orderVisits)
      .where(eq(orderVisits.orderId, orderId))
      .orderBy(asc(orderVisits.visitedOn), asc(orderVisits.createdAt));
  }

  async addVisit(values: typeof orderVisits.$inferInsert): Promise<OrderVisitRow> {
    const [row] = await this.db.insert(orderVisits).values(values).returning();
    return row!;
  }

  /** The attachments of an order's visits, without their content. */
  async attachments(orderId: string): Promise<Omit<OrderAttachmentRow, 'data'>[]> {
    const { data: _data, ...columns } = getTableColumns(orderAttachments);
    return this.db
      .select(columns)
      .from(orderAttachments)
      .where(eq(orderAttachments.orderId, orderId))
      .orderBy(asc(orderAttachments.createdAt), asc(orderAttachments.id));
  }

  async attachment(orderId: string, id: string): Promise<OrderAttachmentRow | undefined> {
    const [row] = await this.db
      .select()
      .from(orderAttachments)
      .where(and(eq(orderAttachments.orderId, orderId), eq(orderAttachments.id, id)));
    return row;
  }

  async addAttachment(values: typeof orderAttachments.$inferInsert): Promise<void> {
    await this.db.insert(orderAttachments).values(values);
  }

  /** The accounts of a team's members (who serve an order dispatched to the team). */
  /**
   * The teams' names and their members' accounts, in one query (a list page
   * asks for both): members without an account are left out.
   */
  async teamsOf(
    teamIds: readonly (string | null)[],
  ): Promise<{ names: Map<string, string>; users: Map<string, Set<string>> }> {
    const ids = [...new Set(teamIds.filter((x): x is string => x !== null))];
    const names = new Map<string, string>();
    const users = new Map<string, Set<string>>();
    if (ids.length === 0) return { names, users };
    const rows = await this.db
      .select({ teamId: teams.id, name: teams.name, userId: talents.userId })
      .from(teams)
      .leftJoin(teamMembers, eq(teamMembers.teamId, teams.id))
      .leftJoin(talents, and(eq(talents.id, teamMembers.talentId), isNotNull(talents.userId)))
      .where(inArray(teams.id, ids));
    for (const { teamId, name, userId } of rows) {
      names.set(teamId, name);
      if (userId) users.set(teamId, (users.get(teamId) ?? new Set()).add(userId));
    }
    return { names, users };
  }

  async institutionNames(ids: readonly (string | null)[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((x): x is string => x !== null))];
    if (wanted.length === 0) return new Map();
    const rows = await this.db
      .select({ id: institutions.id, name: institutions.name })
      .from(institutions)
      .where(inArray(institutions.id, wanted));
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async teamNames(teamIds: readonly (string | null)[]): Promise<Map<string, string>> {
    const ids = [...new Set(teamIds.filter((x): x is string => x !== null))];
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .select({ id: teams.id, name: teams.name })
      .from(teams)
      .where(inArray(teams.id, ids));
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /**
   * Per expert: orders they hold now (accepted, in service or awaiting confirmation) and orders they
   * closed, with the mean rating — what matching weighs as load and past outcomes.
   */
  async expertSignals(): Promise<
    { talentId: string; open: number; closed: number; rating: number | null }[]
  > {
    const rows = await this.db
      .select({
        talentId: orderOffers.talentId,
        open: sql<number>`count(*) filter (where ${o.status} in ('accepted', 'in_service', 'awaiting_confirmation'))::int`,
        closed: sql<number>`count(*) filter (where ${o.status} = 'closed')::int`,
        rating: sql<number | null>`avg(${o.rating}) filter (where ${o.status} = 'closed')::float8`,
      })
      .from(orderOffers)
      .innerJoin(o, and(eq(o.id, orderOffers.orderId), eq(o.round, orderOffers.round)))
      .where(eq(orderOffers.state, 'accepted'))
      .groupBy(orderOffers.talentId);
    return rows;
  }

  async byIdUnscoped(id: string): Promise<ServiceOrderRow | undefined> {
    const [row] = await this.db.select().from(o).where(eq(o.id, id));
    return row;
  }

  /** Orders whose current step is past due and not yet escalated, oldest first. */
  async overdue(now: Date, limit: number): Promise<ServiceOrderRow[]> {
    return this.db
      .select()
      .from(o)
      .where(and(isNull(o.escalatedAt), lt(o.stepDueAt, now)))
      .orderBy(asc(o.stepDueAt))
      .limit(limit);
  }

  /**
   * The dispatcher's board for a region: orders by status, how many are
   * overdue, and how long orders stayed in each status (hours from entering a
   * status to leaving it, over the stays that ended), median and mean.
   */
  async board(regionPrefix: string, now: Date) {
    const scope = regionPrefixCondition(o.scopeRegion, regionPrefix);
    const byStatus = await this.db
      .select({
        status: o.status,
        n: count(),
        overdue: sql<number>`count(*) filter (where ${o.stepDueAt} < ${now.toISOString()})::int`,
      })
      .from(o)
      .where(scope)
      .groupBy(o.status);
    // Time spent in each status, declined and timed-out rounds included (the history, not the milestones).
    const steps = await this.db.execute(sql`
      select step, count(*)::int as n,
             (percentile_cont(0.5) within group (order by hours))::float8 as median_hours,
             avg(hours)::float8 as mean_hours
      from (
        select e.from_status as step,
               extract(epoch from e.at - lag(e.at) over (partition by e.order_id order by e.id)) / 3600 as hours
        from ${orderEvents} e join ${o} on ${o.id} = e.order_id
        where ${scope ?? sql`true`} and e.from_status is distinct from e.to_status
      ) t
      where step is not null and hours is not null
      group by step`);
    const rows = (steps as unknown as { rows: StepTime[] }).rows;
    return { byStatus, steps: rows };
  }
}

export interface StepTime {
  /** The status the orders were in (history rows' from_status are order statuses). */
  step: OrderStatus;
  n: number;
  median_hours: number;
  mean_hours: number;
}

/** The milestones of an order, in order: the step named by the status it leaves. */
export const MILESTONES = [
  ['placed', 'created_at', 'dispatched_at'],
  ['dispatched', 'dispatched_at', 'accepted_at'],
  ['accepted', 'accepted_at', 'started_at'],
  ['in_service', 'started_at', 'finished_at'],
  ['awaiting_confirmation', 'finished_at', 'closed_at'],
] as const;

/**
 * One pass over the orders `where` selects (a condition on service_orders,
 * unaliased): how many there are, reached each milestone, closed and were
 * cancelled, and for each step (placed → first dispatch, dispatched →
 * accepted, accepted → started, in service → finished, finished → confirmed)
 * how many orders made it and the median and mean hours it took — from the
 * order row's step times, so it stays cheap over a million orders. (The
 * board's times come from the history instead: time in each status.)
 */
/**
 * The stages of the order funnel, as conditions on service_orders (unaliased):
 * every order placed, those dispatched at least once, accepted at least once,
 * closed (confirmed by the enterprise), closed with an outcome (anything but
 * "none" recorded), and cancelled. The funnel's counts and the lists behind
 * them both use these.
 */
export const FUNNEL_STAGES = {
  placed: sql`true`,
  dispatched: sql`dispatched_at is not null`,
  accepted: sql`accepted_at is not null`,
  closed: sql`status = 'closed'`,
  effective: sql`status = 'closed' and has_outcome`,
  cancelled: sql`status = 'cancelled'`,
} as const satisfies Record<FunnelStage, SQL>;
export type { FunnelStage };

/** Orders still open whose current step was due before `now` (service_orders unaliased). */
export function overdueAt(now: Date): SQL {
  return sql`status not in ('closed', 'cancelled') and step_due_at < ${now.toISOString()}::timestamptz`;
}

export function milestones(where: SQL): SQL {
  const parts = MILESTONES.map(([, from, to], i) => {
    const hours = sql.raw(`extract(epoch from ${to} - ${from}) / 3600`);
    const done = sql.raw(`${to} >= ${from}`);
    return sql`count(*) filter (where ${done})::int as ${sql.raw(`n${i}`)},
      (percentile_cont(0.5) within group (order by ${hours}) filter (where ${done}))::float8 as ${sql.raw(`median${i}`)},
      (avg(${hours}) filter (where ${done}))::float8 as ${sql.raw(`mean${i}`)}`;
  });
  const stages = Object.entries(FUNNEL_STAGES).map(
    ([stage, condition]) => sql`count(*) filter (where ${condition})::int as ${sql.raw(stage)}`,
  );
  return sql`select ${sql.join([...stages, ...parts], sql`, `)}
    from service_orders where ${where}`;
}

/** The steps of a `milestones` row, the steps no order made left out. */
export function milestoneSteps(row: Record<string, unknown>): StepTime[] {
  return MILESTONES.flatMap(([step], i) => {
    const n = Number(row[`n${i}`] ?? 0);
    if (n === 0) return [];
    return [{ step, n, median_hours: Number(row[`median${i}`]), mean_hours: Number(row[`mean${i}`]) }];
  });
}
