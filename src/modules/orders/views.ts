import type { Actor } from '../../platform/access/actor.ts';
import { regionInScope, scopeOf } from '../../platform/access/scope.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCipher } from '../../platform/crypto/fields.ts';
import type { Executor } from '../../platform/db/client.ts';
import { orderEnterprise } from './contact.ts';
import type { OrderView } from './contract.ts';
import { ordersError } from './errors.ts';
import { type OrderParty, type OrderStatus, orderActionsFor } from './machine.ts';
import { type OrderScope, OrdersRepository } from './repository.ts';
import type { ServiceOrderRow } from './schema.ts';

/**
 * What a caller sees of an order and who they are to it: the scope of their
 * reads, their parties (which decide their actions), and the order's view.
 * Every use case of the module reads orders through these.
 */

export type OfferWithName = Awaited<ReturnType<OrdersRepository['offers']>>[number];

/** Between acceptance and confirmation: the order is being served (visits and files go on it). */
export const SERVING: readonly OrderStatus[] = ['accepted', 'in_service', 'awaiting_confirmation'];

/** For orders dispatched to teams: the members' accounts per team, and the teams' names. */
export interface OrderTeams {
  users: Map<string, Set<string>>;
  names: Map<string, string>;
  /** The names of the institutions the orders were sent to. */
  institutions: Map<string, string>;
}

/** The orders the caller may read (see OrderScope). */
export function orderScope(actor: Actor): OrderScope {
  return {
    regionPrefix: scopeOf(actor).regionPrefix,
    manager: actor.permissions.has('orders.manage'),
    organisationId: actor.organisationId,
    userId: actor.userId,
  };
}

/** The accounts of the members of these orders' teams, and the teams' names. */
export async function orderTeams(
  repo: OrdersRepository,
  orders: readonly ServiceOrderRow[],
): Promise<OrderTeams> {
  const { names, users } = await repo.teamsOf(orders.map((x) => x.teamId));
  return { users, names, institutions: await repo.institutionNames(orders.map((x) => x.institutionId)) };
}

/** Who the caller is to this order (see OrderParty); `offers` are the current round's. */
export function orderParties(
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

/** An order as the caller sees it, without its enterprise's contact, outcomes and visits (the list shows this much). */
export function orderSummary(
  actor: Actor,
  row: ServiceOrderRow,
  offers: OfferWithName[],
  events: Awaited<ReturnType<OrdersRepository['events']>>,
  teams: OrderTeams,
  now: Date,
): Omit<OrderView, 'enterprise' | 'outcomes' | 'visits'> {
  const current = offers.filter((x) => x.round === row.round);
  const parties = orderParties(actor, row, current, teams);
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
    overdue: row.stepDueAt !== null && row.stepDueAt.getTime() < now.getTime(),
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
      SERVING.includes(row.status) && (parties.includes('assignee') || parties.includes('operator')),
  };
}

/** What reading a whole order needs besides the database: the time (deadlines) and the key (the enterprise's contact). */
export interface OrderReading {
  clock: Clock;
  cipher: FieldCipher;
}

/** One order the caller may see, whole: history, the enterprise and its contact, outcomes, visits and their files. */
export async function loadOrder(
  db: Executor,
  actor: Actor,
  id: string,
  { clock, cipher }: OrderReading,
): Promise<OrderView> {
  const repo = new OrdersRepository(db);
  const row = await repo.byId(id, orderScope(actor));
  if (!row) throw ordersError('ORDER_NOT_FOUND');
  const attachments = await repo.attachments(row.id);
  const offers = await repo.offers([row.id]);
  const teams = await orderTeams(repo, [row]);
  const parties = orderParties(
    actor,
    row,
    offers.filter((x) => x.round === row.round),
    teams,
  );
  return {
    ...orderSummary(actor, row, offers, await repo.events(row.id), teams, clock.now()),
    enterprise: await orderEnterprise(db, cipher, row, parties),
    outcomes: (await repo.outcomes(row.id)).map((x) => ({
      kind: x.kind,
      amountYuan: x.amountFen === null ? null : x.amountFen / 100,
      note: x.note,
      happenedOn: x.happenedOn,
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
