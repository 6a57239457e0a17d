import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
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
import { users } from '../../platform/auth/schema.ts';
import { bytea } from '../../platform/io/schema.ts';
import { activities } from '../activities/schema.ts';
import { listItems } from '../lists/schema.ts';
import { enterprises, talents } from '../registry/schema.ts';
import { teams } from '../teams/schema.ts';
import type {
  Cadence,
  CadenceEntry,
  CareOccasion,
  ContactMode,
  DutySubject,
  LeftReason,
  PairingStatus,
  Period,
  RecordKind,
  RoundKind,
  RoundSide,
  RoundStatus,
  ServiceKind,
  SessionKind,
  Subject,
} from './constants.ts';

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

/**
 * 科技特派员选派轮次: an office pairs experts with enterprises for a term.
 * Participants state preferences, the platform proposes pairs from matching,
 * the operator confirms; a make-up round (parent: the round it follows)
 * pairs the enterprises left over.
 */
export const commissionerRounds = pgTable(
  'commissioner_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    scopeRegion: text('scope_region').notNull(),
    name: text('name').notNull(),
    kind: text('kind').$type<RoundKind>().notNull().default('main'),
    parentId: uuid('parent_id').references((): AnyPgColumn => commissionerRounds.id),
    termStart: date('term_start', { mode: 'string' }).notNull(),
    termEnd: date('term_end', { mode: 'string' }).notNull(),
    /** 每位特派员最多服务的企业数: counted over every term the expert holds at once. */
    portfolioLimit: integer('portfolio_limit').notNull(),
    /** How often a commissioner visits each enterprise of the portfolio. */
    visitCadence: jsonb('visit_cadence').$type<CadenceEntry>().notNull(),
    status: text('status').$type<RoundStatus>().notNull().default('open'),
    proposedAt: timestamp('proposed_at', { withTimezone: true }),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    confirmedBy: uuid('confirmed_by'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('commissioner_rounds_region_name_uq').on(t.scopeRegion, t.name),
    index('commissioner_rounds_parent_idx').on(t.parentId),
  ],
);

/**
 * A participant of a round: an enterprise (what it needs) or an expert, with
 * the other side's participants it prefers, best first (stated by itself or
 * entered by the operator).
 */
export const commissionerEntries = pgTable(
  'commissioner_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => commissionerRounds.id, { onDelete: 'cascade' }),
    side: text('side').$type<RoundSide>().notNull(),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    talentId: uuid('talent_id').references(() => talents.id),
    need: text('need'),
    /** The other side's enterprises or talents (registry ids), best first. */
    preferences: uuid('preferences').array().notNull().default([]),
    preferencesByName: text('preferences_by_name'),
    preferencesAt: timestamp('preferences_at', { withTimezone: true }),
    /** Why the last proposal left this enterprise without a commissioner. */
    leftReason: text('left_reason').$type<LeftReason>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'commissioner_entries_one_party',
      sql`(${t.side} = 'enterprise' and ${t.enterpriseId} is not null and ${t.talentId} is null) or (${t.side} = 'expert' and ${t.talentId} is not null and ${t.enterpriseId} is null)`,
    ),
    uniqueIndex('commissioner_entries_enterprise_uq')
      .on(t.roundId, t.enterpriseId)
      .where(sql`${t.enterpriseId} is not null`),
    uniqueIndex('commissioner_entries_talent_uq')
      .on(t.roundId, t.talentId)
      .where(sql`${t.talentId} is not null`),
  ],
);

/**
 * A commissioner and an enterprise: proposed during a round, a term once
 * confirmed (its visits planned on the calendar), ended when the term is
 * over or ended early with a reason. One open pair per enterprise a round.
 */
export const commissionerPairings = pgTable(
  'commissioner_pairings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => commissionerRounds.id),
    scopeRegion: text('scope_region').notNull(),
    talentId: uuid('talent_id')
      .notNull()
      .references(() => talents.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    termStart: date('term_start', { mode: 'string' }).notNull(),
    termEnd: date('term_end', { mode: 'string' }).notNull(),
    status: text('status').$type<PairingStatus>().notNull().default('proposed'),
    /** The proposal's 匹配度 (0–100) and why; null for a pair the operator chose. */
    score: integer('score'),
    reasons: jsonb('reasons').$type<{ zh: string; en: string }[]>().notNull().default([]),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    confirmedBy: uuid('confirmed_by'),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endReason: text('end_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('commissioner_pairings_round_enterprise_uq')
      .on(t.roundId, t.enterpriseId)
      .where(sql`${t.status} <> 'ended'`),
    index('commissioner_pairings_talent_idx').on(t.talentId, t.status),
    index('commissioner_pairings_scope_idx').on(t.scopeRegion, t.status),
    index('commissioner_pairings_enterprise_idx').on(t.enterpriseId),
  ],
);

/**
 * A region's standing-service settings. An expert holds commissioner terms
 * in more than one region only if every region involved allows it.
 */
export const standingSettings = pgTable('standing_settings', {
  regionCode: text('region_code').primaryKey(),
  allowSharedCommissioners: boolean('allow_shared_commissioners').notNull().default(false),
  updatedBy: uuid('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * 联系服务: an office's leader or staff member (an account of the region)
 * keeps in touch with a talent or an enterprise at a cadence, with the
 * care visits of 5·30 and before the holidays.
 */
export const contactDuties = pgTable(
  'contact_duties',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    scopeRegion: text('scope_region').notNull(),
    assigneeUserId: uuid('assignee_user_id')
      .notNull()
      .references(() => users.id),
    subject: text('subject').$type<DutySubject>().notNull(),
    talentId: uuid('talent_id').references(() => talents.id),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    cadence: jsonb('cadence').$type<CadenceEntry>().notNull(),
    care: boolean('care').notNull().default(true),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    endOn: date('end_on', { mode: 'string' }).notNull(),
    note: text('note'),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endReason: text('end_reason'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    check(
      'contact_duties_one_subject',
      sql`(${t.subject} = 'talent' and ${t.talentId} is not null and ${t.enterpriseId} is null) or (${t.subject} = 'enterprise' and ${t.enterpriseId} is not null and ${t.talentId} is null)`,
    ),
    index('contact_duties_scope_idx').on(t.scopeRegion),
    index('contact_duties_assignee_idx').on(t.assigneeUserId),
    uniqueIndex('contact_duties_open_uq')
      .on(t.assigneeUserId, t.subject, sql`coalesce(${t.talentId}, ${t.enterpriseId})`)
      .where(sql`${t.endedAt} is null`),
  ],
);

/** 服务记录 of the standing service: a visit with its findings, and the files taken there. */
export const standingVisits = pgTable(
  'standing_visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    scopeRegion: text('scope_region').notNull(),
    teamId: uuid('team_id').references(() => teams.id),
    /** The commissioner's term or the contact duty the visit was made for. */
    pairingId: uuid('pairing_id').references(() => commissionerPairings.id),
    dutyId: uuid('duty_id').references(() => contactDuties.id),
    visitedOn: date('visited_on', { mode: 'string' }).notNull(),
    /** 联系方式: on site, by phone, video or at a meeting. */
    mode: text('mode').$type<ContactMode>().notNull().default('onsite'),
    /** The enterprise visited, when it is one of the registry's. */
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    /** The talent contacted (a contact duty's). */
    talentId: uuid('talent_id').references(() => talents.id),
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
    index('standing_visits_pairing_idx').on(t.pairingId, t.visitedOn),
  ],
);

/**
 * 凝练需求: a technical demand a commissioner refined from what an enterprise
 * said at a visit. It enters the demands list as a draft of the enterprise,
 * which confirms it by submitting it (lists' own workflow).
 */
export const refinedDemands = pgTable(
  'refined_demands',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    visitId: uuid('visit_id')
      .notNull()
      .references(() => standingVisits.id),
    pairingId: uuid('pairing_id').references(() => commissionerPairings.id),
    listItemId: uuid('list_item_id')
      .notNull()
      .references(() => listItems.id),
    scopeRegion: text('scope_region').notNull(),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('refined_demands_item_uq').on(t.listItemId),
    index('refined_demands_visit_idx').on(t.visitId),
    index('refined_demands_scope_idx').on(t.scopeRegion, t.createdAt),
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
 * One planned occurrence on the one calendar: a team's session, a
 * commissioner's visit to an enterprise, or a contact duty's contact or care
 * visit (`subject`, and the plan, pairing or duty it belongs to: `owner_id`).
 * It has a kind, the period it belongs to (its first and last day, cut at the
 * year's ends), its place in that period, and the working day it is due.
 * Done only through its record — an activity or a visit — set once
 * (compare-and-set: two people recording at once make one record).
 */
export const serviceOccurrences = pgTable(
  'service_occurrences',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subject: text('subject').$type<Subject>().notNull().default('team'),
    /** The plan, pairing or duty the occurrence belongs to (its slot is unique within it). */
    ownerId: uuid('owner_id').notNull(),
    planId: uuid('plan_id').references(() => servicePlans.id),
    teamId: uuid('team_id').references(() => teams.id),
    pairingId: uuid('pairing_id').references(() => commissionerPairings.id),
    dutyId: uuid('duty_id').references(() => contactDuties.id),
    /** Who answers for it: the commissioner (a registry talent) or the duty's assignee (an account). */
    talentId: uuid('talent_id').references(() => talents.id),
    assigneeUserId: uuid('assignee_user_id').references(() => users.id),
    scopeRegion: text('scope_region').notNull(),
    kind: text('kind').$type<SessionKind>().notNull(),
    /** A care visit's occasion (5·30, Spring Festival, Mid-Autumn). */
    occasion: text('occasion').$type<CareOccasion>(),
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
    check(
      'service_occurrences_owner',
      sql`(${t.subject} = 'team' and ${t.planId} = ${t.ownerId} and ${t.teamId} is not null) or (${t.subject} = 'commission' and ${t.pairingId} = ${t.ownerId} and ${t.talentId} is not null) or (${t.subject} = 'duty' and ${t.dutyId} = ${t.ownerId} and ${t.assigneeUserId} is not null)`,
    ),
    uniqueIndex('service_occurrences_slot_uq').on(t.ownerId, t.kind, t.periodStart, t.seq),
    uniqueIndex('service_occurrences_activity_uq').on(t.activityId).where(sql`${t.activityId} is not null`),
    uniqueIndex('service_occurrences_visit_uq').on(t.visitId).where(sql`${t.visitId} is not null`),
    index('service_occurrences_scope_due_idx').on(t.scopeRegion, t.dueOn),
    // The sessions not yet recorded (overdue, due, planned lists): a small share of a year's.
    index('service_occurrences_open_idx').on(t.scopeRegion, t.dueOn).where(sql`${t.recordKind} is null`),
    index('service_occurrences_team_due_idx').on(t.teamId, t.dueOn),
    index('service_occurrences_talent_due_idx').on(t.talentId, t.dueOn).where(sql`${t.talentId} is not null`),
    index('service_occurrences_assignee_due_idx')
      .on(t.assigneeUserId, t.dueOn)
      .where(sql`${t.assigneeUserId} is not null`),
    index('service_occurrences_pairing_idx').on(t.pairingId).where(sql`${t.pairingId} is not null`),
  ],
);

export type ServicePlanRow = typeof servicePlans.$inferSelect;
export type ServiceOccurrenceRow = typeof serviceOccurrences.$inferSelect;
export type StandingVisitRow = typeof standingVisits.$inferSelect;
export type CommissionerRoundRow = typeof commissionerRounds.$inferSelect;
export type CommissionerEntryRow = typeof commissionerEntries.$inferSelect;
export type CommissionerPairingRow = typeof commissionerPairings.$inferSelect;
export type ContactDutyRow = typeof contactDuties.$inferSelect;
