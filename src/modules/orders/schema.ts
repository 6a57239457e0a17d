import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations } from '../../platform/access/schema.ts';
import { bytea } from '../../platform/io/schema.ts';
import { listItems } from '../lists/schema.ts';
import { enterprises, institutions, talents } from '../registry/schema.ts';
import { teams } from '../teams/schema.ts';
import type { OutcomeKind } from './constants.ts';
import type { OrderStatus } from './machine.ts';

/** 服务订单: an enterprise's order for help with one of its demands, from placing to the confirmed outcome. */
export const serviceOrders = pgTable(
  'service_orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 订单号, e.g. GD-20260302-7F3A. */
    code: text('code').notNull(),
    demandId: uuid('demand_id').references(() => listItems.id),
    title: text('title').notNull(),
    description: text('description'),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    /** The enterprise's organisation: its accounts follow and confirm the order. */
    organisationId: uuid('organisation_id').references(() => organisations.id),
    /** The institution the order is dispatched to (学校派单), when it is. */
    institutionId: uuid('institution_id').references(() => institutions.id),
    institutionOrganisationId: uuid('institution_organisation_id').references(() => organisations.id),
    /** The team the order is dispatched to (its leader answers; once accepted every member serves it). */
    teamId: uuid('team_id').references(() => teams.id),
    regionCode: text('region_code'),
    scopeRegion: text('scope_region').notNull(),
    /** See machine.ts. */
    status: text('status').$type<OrderStatus>().notNull().default('placed'),
    /** The current dispatch round (offers of earlier rounds stay in order_offers). */
    round: integer('round').notNull().default(0),
    /** When the current step is due (set by each transition; deadlines come with the scheduler). */
    stepDueAt: timestamp('step_due_at', { withTimezone: true }),
    /** When the current step was found overdue and escalated (cleared when the order moves on). */
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * When the order reached each step (the first dispatch; the latest acceptance, start and finish; the
     * confirmation), for cycle times and the funnel without walking the history.
     */
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** The latest finish recorded an outcome other than "none" (the funnel's 办结有成效, without a join). */
    hasOutcome: boolean('has_outcome').notNull().default(false),
    rating: smallint('rating'),
    ratingComment: text('rating_comment'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('service_orders_code_idx').on(t.code),
    index('service_orders_scope_idx').on(t.scopeRegion, t.status),
    index('service_orders_org_idx').on(t.organisationId),
    index('service_orders_inst_org_idx').on(t.institutionOrganisationId),
    index('service_orders_demand_idx').on(t.demandId),
    index('service_orders_team_idx').on(t.teamId),
    // Statistics: orders placed and orders closed in a period.
    index('service_orders_created_idx').on(t.createdAt),
    index('service_orders_closed_idx').on(t.closedAt),
    index('service_orders_accepted_idx').on(t.acceptedAt),
    // Statistics: open orders past their step's deadline, per region.
    index('service_orders_open_due_idx')
      .on(t.scopeRegion, t.stepDueAt)
      .where(sql`${t.status} not in ('closed', 'cancelled')`),
    index('service_orders_due_idx').on(t.stepDueAt).where(sql`${t.escalatedAt} is null`),
  ],
);

/** An expert offered an order in a dispatch round, and what became of the offer. */
export const orderOffers = pgTable(
  'order_offers',
  {
    orderId: uuid('order_id')
      .notNull()
      .references(() => serviceOrders.id),
    round: integer('round').notNull(),
    talentId: uuid('talent_id')
      .notNull()
      .references(() => talents.id),
    /** offered | accepted | declined | withdrawn */
    state: text('state').notNull().default('offered'),
    reason: text('reason'),
    offeredAt: timestamp('offered_at', { withTimezone: true }).notNull().defaultNow(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orderId, t.round, t.talentId] }),
    index('order_offers_talent_idx').on(t.talentId, t.state),
  ],
);

/** The order's history: every transition, who made it and why, in order. Never updated. */
export const orderEvents = pgTable(
  'order_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => serviceOrders.id),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name').notNull(),
    reason: text('reason'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('order_events_order_idx').on(t.orderId, t.id),
    // Statistics: orders accepted or confirmed in a period.
    index('order_events_action_idx').on(t.action, t.at),
  ],
);

export type ServiceOrderRow = typeof serviceOrders.$inferSelect;
export type OrderOfferRow = typeof orderOffers.$inferSelect;
export type OrderEventRow = typeof orderEvents.$inferSelect;

/** What came of an order, typed so that statistics count it: one row per outcome. */
export const orderOutcomes = pgTable(
  'order_outcomes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => serviceOrders.id),
    /** agreement (合作协议) | solved (解决技术难题) | transfer (成果转化) | talent (引进人才) | none */
    kind: text('kind').$type<OutcomeKind>().notNull(),
    /** Agreements and transfers: the amount in fen. */
    amountFen: bigint('amount_fen', { mode: 'number' }),
    note: text('note'),
    /** The China date it happened (an agreement signed), not after the day it was entered; figures count by it. */
    happenedOn: date('happened_on', { mode: 'string' }).notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('order_outcomes_order_idx').on(t.orderId),
    index('order_outcomes_kind_idx').on(t.kind),
    index('order_outcomes_happened_idx').on(t.happenedOn),
  ],
);

/** 服务记录: a visit or session logged against an order while it is served. */
export const orderVisits = pgTable(
  'order_visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => serviceOrders.id),
    visitedOn: date('visited_on', { mode: 'string' }).notNull(),
    place: text('place'),
    people: text('people'),
    summary: text('summary').notNull(),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('order_visits_order_idx').on(t.orderId, t.visitedOn)],
);

export type OrderOutcomeRow = typeof orderOutcomes.$inferSelect;
export type OrderVisitRow = typeof orderVisits.$inferSelect;

/** A file attached to a service visit (photos, minutes, signed sheets): kept in the database, size- and type-limited. */
export const orderAttachments = pgTable(
  'order_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => serviceOrders.id),
    visitId: uuid('visit_id')
      .notNull()
      .references(() => orderVisits.id),
    name: text('name').notNull(),
    /** Decided by the server from the file's name and first bytes, never taken from the upload. */
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('order_attachments_visit_idx').on(t.visitId),
    index('order_attachments_order_idx').on(t.orderId),
  ],
);

export type OrderAttachmentRow = typeof orderAttachments.$inferSelect;
