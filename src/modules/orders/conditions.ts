import { and, eq, exists, ilike, inArray, isNotNull, lt, not, or, type SQL, sql } from 'drizzle-orm';
import { regionPrefixCondition } from '../../platform/access/scope.ts';
import type { Executor } from '../../platform/db/client.ts';
import { containing } from '../../platform/db/like.ts';
import { talents } from '../registry/schema.ts';
import { teamMembers } from '../teams/schema.ts';
import type { OrderTodo } from './constants.ts';
import type { OrdersExportQuery } from './contract.ts';
import type { OrderStatus } from './machine.ts';
import { serviceOrders as o, orderOffers } from './schema.ts';

/**
 * The conditions on service_orders that the repository's reads share: whose
 * orders a caller sees, and the list's filters (its page, its count — the
 * workbench's — and its export use the same ones).
 */

/**
 * Whose orders a caller sees: an operator (orders.manage) every order of
 * their region; anyone else the orders they are a party to — their
 * organisation's (enterprise), dispatched to their organisation
 * (institution), offered to them as an expert in any round, or dispatched
 * to a team they belong to.
 */
export interface OrderScope {
  regionPrefix: string;
  manager: boolean;
  organisationId: string | null;
  userId: string;
}

/** The list's filters and sort. */
export interface OrderFilters {
  status?: OrderStatus;
  q?: string;
  overdueAt?: Date;
  todo?: OrderTodo;
  sort?: 'updated' | 'due' | 'created';
}

/** The list's query as the repository filters it (the list, its count and the export read it alike). */
export function orderFilters(q: Omit<OrdersExportQuery, 'format'>, now: Date): OrderFilters {
  return {
    ...(q.status ? { status: q.status } : {}),
    ...(q.q ? { q: q.q } : {}),
    ...(q.overdue === 'true' ? { overdueAt: now } : {}),
    ...(q.todo ? { todo: q.todo } : {}),
    sort: q.sort,
  };
}

/** The orders the scope sees. */
export function scopeCondition(db: Executor, scope: OrderScope): SQL | undefined {
  if (scope.manager) return regionPrefixCondition(o.scopeRegion, scope.regionPrefix);
  return or(
    scope.organisationId ? eq(o.organisationId, scope.organisationId) : undefined,
    scope.organisationId ? eq(o.institutionOrganisationId, scope.organisationId) : undefined,
    offeredTo(db, scope.userId),
    inTeamOf(db, scope.userId),
  );
}

/** The orders the scope sees, with the list's filters. */
export function filterCondition(db: Executor, scope: OrderScope, q: OrderFilters): SQL | undefined {
  const like = q.q ? containing(q.q) : undefined;
  return and(
    scopeCondition(db, scope),
    q.status ? eq(o.status, q.status) : undefined,
    like ? or(ilike(o.code, like), ilike(o.title, like)) : undefined,
    q.overdueAt ? lt(o.stepDueAt, q.overdueAt) : undefined,
    q.todo ? waiting(db, scope, q.todo) : undefined,
  );
}

/** An offer of the order to this account's expert record (any round, or only the current one in `state`). */
function offeredTo(db: Executor, userId: string, current?: { state: 'offered' | 'accepted' }): SQL {
  return exists(
    db
      .select({ one: sql`1` })
      .from(orderOffers)
      .innerJoin(talents, eq(talents.id, orderOffers.talentId))
      .where(
        and(
          eq(orderOffers.orderId, o.id),
          eq(talents.userId, userId),
          current ? eq(orderOffers.round, o.round) : undefined,
          current ? eq(orderOffers.state, current.state) : undefined,
        ),
      ),
  );
}

/** The order is dispatched to a team this account's expert record belongs to. */
function inTeamOf(db: Executor, userId: string): SQL {
  return and(
    isNotNull(o.teamId),
    exists(
      db
        .select({ one: sql`1` })
        .from(teamMembers)
        .innerJoin(talents, eq(talents.id, teamMembers.talentId))
        .where(and(eq(teamMembers.teamId, o.teamId), eq(talents.userId, userId))),
    ),
  )!;
}

/**
 * 待办 (constants.ts ORDER_TODOS): the orders waiting for this caller, the way
 * views.ts orderParties gives them the action — an open offer of the current
 * round (accept), their accepted offer or their team (serve), their
 * organisation's order (confirm), the order sent to their institution
 * (dispatch, or its experts' offers still open).
 */
function waiting(db: Executor, scope: OrderScope, todo: OrderTodo): SQL | undefined {
  const mine = scope.organisationId;
  const openOffer = exists(
    db
      .select({ one: sql`1` })
      .from(orderOffers)
      .where(
        and(eq(orderOffers.orderId, o.id), eq(orderOffers.round, o.round), eq(orderOffers.state, 'offered')),
      ),
  );
  switch (todo) {
    case 'answer':
      return and(eq(o.status, 'dispatched'), offeredTo(db, scope.userId, { state: 'offered' }));
    case 'serve':
      return and(
        inArray(o.status, ['accepted', 'in_service']),
        or(offeredTo(db, scope.userId, { state: 'accepted' }), inTeamOf(db, scope.userId)),
      );
    case 'confirm':
      return mine ? and(eq(o.status, 'awaiting_confirmation'), eq(o.organisationId, mine)) : sql`false`;
    case 'dispatch':
      return mine
        ? and(
            eq(o.institutionOrganisationId, mine),
            or(eq(o.status, 'placed'), and(eq(o.status, 'dispatched'), not(openOffer))),
          )
        : sql`false`;
    case 'offered':
      return mine
        ? and(eq(o.institutionOrganisationId, mine), eq(o.status, 'dispatched'), openOffer)
        : sql`false`;
  }
}
