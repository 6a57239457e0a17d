import { sql } from 'drizzle-orm';
import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea } from '../../platform/io/schema.ts';
import { activities } from '../activities/schema.ts';
import { enterprises } from '../registry/schema.ts';
import { teams } from '../teams/schema.ts';
import type { Cadence, Period, RecordKind, ServiceKind, SessionKind } from './constants.ts';

/**
 * 年度服务计划: an assistance team's "1346" plan for one year — its cadence
 * (counts per period, settings of the team, not code), its four kinds of
 * service, and the three-year industry goal with milestones. The planned
 * sessions are its occurrences.
 */
export const servicePlans = pgTable(
  'service_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    scopeRegion: text('scope_region').notNull(),
    year: integer('year').notNull(),
    cadence: jsonb('cadence').$type<Cadence>().notNull(),
    services: jsonb('services').$type<Partial<Record<ServiceKind, string>>>().notNull().default({}),
    /** 三年产业目标 and its milestones (a year and what is reached by then). */
    goal: text('goal'),
    milestones: jsonb('milestones').$type<{ year: number; text: string }[]>().notNull().default([]),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('service_plans_team_year_uq').on(t.teamId, t.year),
    index('service_plans_scope_idx').on(t.scopeRegion, t.year),
  ],
);

/** 服务记录 of the standing service: a visit with its findings, and the files taken there. */
export const standingVisits = pgTable(
  'standing_visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    scopeRegion: text('scope_region').notNull(),
    teamId: uuid('team_id').references(() => teams.id),
    visitedOn: date('visited_on', { mode: 'string' }).notNull(),
    /** The enterprise visited, when it is one of the registry's. */
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    place: text('place'),
    people: text('people'),
    summary: text('summary').notNull(),
    /** 发现的问题与需求: what the enterprise said, to refine into technical demands. */
    findings: text('findings'),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('standing_visits_team_idx').on(t.teamId, t.visitedOn),
    index('standing_visits_scope_idx').on(t.scopeRegion, t.visitedOn),
  ],
);

/** A file attached to a standing-service visit (photos, minutes): type decided from its content. */
export const standingVisitFiles = pgTable(
  'standing_visit_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    visitId: uuid('visit_id')
      .notNull()
      .references(() => standingVisits.id),
    name: text('name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('standing_visit_files_visit_idx').on(t.visitId)],
);

/**
 * One planned session: a kind, the period it belongs to (its first and last
 * day, cut at the year's ends), its place in that period, and the working day
 * it is due. Done only through its record — an activity or a visit — set once
 * (compare-and-set: two people recording at once make one record).
 */
export const serviceOccurrences = pgTable(
  'service_occurrences',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => servicePlans.id),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    scopeRegion: text('scope_region').notNull(),
    kind: text('kind').$type<SessionKind>().notNull(),
    period: text('period').$type<Period>().notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    seq: integer('seq').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    recordKind: text('record_kind').$type<RecordKind>(),
    activityId: uuid('activity_id').references(() => activities.id),
    visitId: uuid('visit_id').references(() => standingVisits.id),
    /** The day the session took place: the activity's first day or the visit's. */
    doneOn: date('done_on', { mode: 'string' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }),
    recordedBy: uuid('recorded_by'),
    recordedByName: text('recorded_by_name'),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    overdueNotifiedAt: timestamp('overdue_notified_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('service_occurrences_slot_uq').on(t.planId, t.kind, t.periodStart, t.seq),
    uniqueIndex('service_occurrences_activity_uq').on(t.activityId).where(sql`${t.activityId} is not null`),
    uniqueIndex('service_occurrences_visit_uq').on(t.visitId).where(sql`${t.visitId} is not null`),
    index('service_occurrences_scope_due_idx').on(t.scopeRegion, t.dueOn),
    // The sessions not yet recorded (overdue, due, planned lists): a small share of a year's.
    index('service_occurrences_open_idx').on(t.scopeRegion, t.dueOn).where(sql`${t.recordKind} is null`),
    index('service_occurrences_team_due_idx').on(t.teamId, t.dueOn),
  ],
);

export type ServicePlanRow = typeof servicePlans.$inferSelect;
export type ServiceOccurrenceRow = typeof serviceOccurrences.$inferSelect;
export type StandingVisitRow = typeof standingVisits.$inferSelect;
