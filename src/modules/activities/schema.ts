import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations } from '../../platform/access/schema.ts';
import { listItems } from '../lists/schema.ts';
import { serviceOrders } from '../orders/schema.ts';
import { enterprises, institutions, talents } from '../registry/schema.ts';
import type { ApplicationStatus, CheckInMethod, MeetingStatus } from './constants.ts';
import type { ActivityStatus, RegistrationStatus } from './machine.ts';

/**
 * 活动: a matchmaking meeting, forum or salon, site visit, job fair, study
 * tour or internship programme, training class or talent-care event, held by
 * a region's office. Kind-specific settings live in `details` (see kinds.ts).
 */
export const activities = pgTable(
  'activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 活动编号, e.g. HD-20260315-02 (numbered per day; older ones end in four hex digits). */
    code: text('code').notNull(),
    /** See kinds.ts: matchmaking | forum | visit | job_fair | study_tour | training | care */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    place: text('place'),
    regionCode: text('region_code').notNull(),
    /** The office region that maintains it (scope). */
    scopeRegion: text('scope_region').notNull(),
    /** 主办、承办、协办 as written. */
    organisers: text('organisers').array().notNull().default([]),
    /** Seats for participants who take one (see kinds.ts); null: no limit. */
    capacity: integer('capacity'),
    /** Registrations wait for an operator's approval. */
    needsApproval: boolean('needs_approval').notNull().default(false),
    registrationClosesAt: timestamp('registration_closes_at', { withTimezone: true }),
    /** draft | published | closed | finished | cancelled (machine.ts) */
    status: text('status').$type<ActivityStatus>().notNull().default('draft'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('activities_code_uq').on(t.code),
    index('activities_scope_idx').on(t.scopeRegion, t.startsAt),
    index('activities_starts_idx').on(t.startsAt),
  ],
);

/** The demands, achievements or positions an activity features (推介项目). */
export const activityItems = pgTable(
  'activity_items',
  {
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id),
    listItemId: uuid('list_item_id')
      .notNull()
      .references(() => listItems.id),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.listItemId] })],
);

/**
 * 报名: one participant of an activity — a person (an expert, a student, an
 * applicant, a guest written in by hand or imported) or an organisation (an
 * enterprise, an employer, a host) — with the role they come in.
 */
export const registrations = pgTable(
  'activity_registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Arrival order (first come, first served on the waiting list), whatever the clock says. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id),
    /** See kinds.ts (enterprise, expert, employer, applicant, host, student, speaker, attendee). */
    role: text('role').notNull(),
    /** The account that registered itself, when it did. */
    userId: uuid('user_id'),
    talentId: uuid('talent_id').references(() => talents.id),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    institutionId: uuid('institution_id').references(() => institutions.id),
    /** The organisation whose accounts act for this registration (an enterprise's staff). */
    organisationId: uuid('organisation_id').references(() => organisations.id),
    /** Who it is, as shown on lists and badges. */
    name: text('name').notNull(),
    organisationName: text('organisation_name'),
    /** Mobile number, AES-GCM encrypted (guests and imports); masked in views. */
    mobileEnc: text('mobile_enc'),
    /** self | invited | imported | operator */
    source: text('source').notNull(),
    /** pending | confirmed | waitlisted | rejected | cancelled */
    status: text('status').$type<RegistrationStatus>().notNull(),
    /** Takes a seat (counted against capacity). */
    seated: boolean('seated').notNull().default(true),
    note: text('note'),
    /** The identity this registration is unique on within the activity (user:…, talent:…, enterprise:…, mobile:…). */
    identity: text('identity').notNull(),
    /**
     * 签到码: the short code a person reads out at the desk when the QR code will
     * not scan (6–8 letters and digits, unique within the activity).
     */
    shortCode: text('short_code').notNull(),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    /** qr | code | search | recorded (constants.ts CHECK_IN_METHODS) */
    checkInMethod: text('check_in_method').$type<CheckInMethod>(),
    checkedInBy: uuid('checked_in_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    // One live registration per identity and activity (a cancelled one may be followed by a new one).
    uniqueIndex('activity_registrations_identity_uq')
      .on(t.activityId, t.identity)
      .where(sql`${t.status} <> 'cancelled'`),
    uniqueIndex('activity_registrations_short_code_uq').on(t.activityId, t.shortCode),
    index('activity_registrations_activity_idx').on(t.activityId, t.status, t.seq),
    index('activity_registrations_user_idx').on(t.userId),
    index('activity_registrations_org_idx').on(t.organisationId),
    index('activity_registrations_talent_idx').on(t.talentId),
    // Statistics: who came (checked in) and which experts took part, per activity.
    index('activity_registrations_checked_in_idx').on(t.activityId).where(sql`${t.checkedInAt} is not null`),
    index('activity_registrations_experts_idx').on(t.activityId).where(sql`${t.talentId} is not null`),
  ],
);

/**
 * 一对一洽谈 at a matchmaking meeting: proposed by the matching engine (or
 * asked for by a participant or an operator), accepted by both sides, then
 * given a time slot and a table.
 */
export const meetings = pgTable(
  'activity_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id),
    /** The enterprise side and the expert side (registrations of this activity). */
    enterpriseRegistrationId: uuid('enterprise_registration_id')
      .notNull()
      .references(() => registrations.id),
    expertRegistrationId: uuid('expert_registration_id')
      .notNull()
      .references(() => registrations.id),
    /** The demand it is about, when the proposal came from one. */
    demandId: uuid('demand_id').references(() => listItems.id),
    /** matching | participant | operator */
    source: text('source').notNull(),
    score: real('score'),
    reasons: jsonb('reasons').$type<string[]>().notNull().default([]),
    /** proposed | accepted | declined | cancelled */
    status: text('status').$type<MeetingStatus>().notNull().default('proposed'),
    enterpriseAccepted: boolean('enterprise_accepted').notNull().default(false),
    expertAccepted: boolean('expert_accepted').notNull().default(false),
    declineReason: text('decline_reason'),
    /** 0-based slot and 1-based table, once scheduled. */
    slot: integer('slot'),
    tableNo: integer('table_no'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('activity_meetings_pair_uq')
      .on(t.activityId, t.enterpriseRegistrationId, t.expertRegistrationId)
      .where(sql`${t.status} <> 'cancelled'`),
    index('activity_meetings_activity_idx').on(t.activityId, t.status),
  ],
);

/** 招聘岗位 at a job fair (or 实习岗位 on a study tour): an employer's position with the number sought. */
export const positions = pgTable(
  'activity_positions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id),
    employerRegistrationId: uuid('employer_registration_id')
      .notNull()
      .references(() => registrations.id),
    title: text('title').notNull(),
    headcount: integer('headcount').notNull().default(1),
    requirements: text('requirements'),
    salary: text('salary'),
    /** The talent cooperation demand it comes from, when it does. */
    listItemId: uuid('list_item_id').references(() => listItems.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('activity_positions_activity_idx').on(t.activityId)],
);

/** An applicant's interest in a position, and how far it went (interested → interviewed → intent → hired). */
export const applications = pgTable(
  'activity_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id),
    positionId: uuid('position_id')
      .notNull()
      .references(() => positions.id),
    applicantRegistrationId: uuid('applicant_registration_id')
      .notNull()
      .references(() => registrations.id),
    /** interested | interviewed | intent | hired | withdrawn */
    status: text('status').$type<ApplicationStatus>().notNull().default('interested'),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('activity_applications_uq').on(t.positionId, t.applicantRegistrationId),
    index('activity_applications_activity_idx').on(t.activityId),
  ],
);

/**
 * 活动成效: what came of an activity, typed so statistics count it, each
 * linked to the records it concerns and naming its parties (the institutions,
 * enterprises and experts of activity_outcome_parties). An agreement that also
 * closed a service order carries the order, so the two channels count it once.
 */
export const activityOutcomes = pgTable(
  'activity_outcomes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id),
    /** contact | agreement | hire_intent | hired | trained | served | other (kinds.ts) */
    kind: text('kind').notNull(),
    /** How many (contacts made, people trained …); 1 for an agreement. */
    count: integer('count').notNull().default(1),
    amountFen: bigint('amount_fen', { mode: 'number' }),
    note: text('note'),
    listItemId: uuid('list_item_id').references(() => listItems.id),
    orderId: uuid('order_id').references(() => serviceOrders.id),
    /** The registration it came from (the applicant an application hired), when it did. */
    registrationId: uuid('registration_id').references(() => registrations.id),
    /** The China date it happened (an agreement signed), not after the day it was entered; figures count by it. */
    happenedOn: date('happened_on', { mode: 'string' }).notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('activity_outcomes_activity_idx').on(t.activityId),
    index('activity_outcomes_kind_idx').on(t.kind, t.happenedOn),
    index('activity_outcomes_order_idx').on(t.orderId),
  ],
);

/**
 * The parties an outcome names, one row each: an institution, an enterprise
 * or an expert (talent) of the registry — an agreement's signatories, the
 * employer and the person hired. Statistics count the distinct institutions
 * and enterprises that signed from here.
 */
export const outcomeParties = pgTable(
  'activity_outcome_parties',
  {
    outcomeId: uuid('outcome_id')
      .notNull()
      .references(() => activityOutcomes.id, { onDelete: 'cascade' }),
    institutionId: uuid('institution_id').references(() => institutions.id),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    talentId: uuid('talent_id').references(() => talents.id),
  },
  (t) => [
    check(
      'activity_outcome_parties_one_record',
      sql`num_nonnulls(${t.institutionId}, ${t.enterpriseId}, ${t.talentId}) = 1`,
    ),
    index('activity_outcome_parties_outcome_idx').on(t.outcomeId),
    // Statistics: the institutions and enterprises that signed.
    index('activity_outcome_parties_institution_idx')
      .on(t.institutionId)
      .where(sql`${t.institutionId} is not null`),
    index('activity_outcome_parties_enterprise_idx')
      .on(t.enterpriseId)
      .where(sql`${t.enterpriseId} is not null`),
  ],
);

export type ActivityRow = typeof activities.$inferSelect;
export type RegistrationRow = typeof registrations.$inferSelect;
export type MeetingRow = typeof meetings.$inferSelect;
export type OutcomeRow = typeof activityOutcomes.$inferSelect;
export type OutcomePartyRow = typeof outcomeParties.$inferSelect;
