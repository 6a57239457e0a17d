import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { stations, talents } from '../registry/schema.ts';
import type { MemberRole } from './constants.ts';

/**
 * 服务团队: a standing group of experts an office sends to enterprises
 * together (助企服务团, 科技特派员团队). Orders are dispatched to a team through
 * its leader; once accepted, every member serves it.
 */
export const teams = pgTable(
  'teams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** assistance (助企服务团) | commissioners (科技特派员团队) | other */
    kind: text('kind').notNull().default('assistance'),
    description: text('description'),
    regionCode: text('region_code').notNull(),
    /** The leader (团长): an expert of the registry who answers dispatches for the team. */
    leaderTalentId: uuid('leader_talent_id')
      .notNull()
      .references(() => talents.id),
    /** 结对县（市、区）: the county an assistance team is paired with (GB/T 2260), within the team's region. */
    countyCode: text('county_code'),
    /** 主导产业: the county's one leading industry, a GB/T 4754 code, or text no code list knows (kept, flagged). */
    industryCode: text('industry_code'),
    industryName: text('industry_name'),
    /** 人才驿站: where the team meets the county's enterprises; its liaison (联络员) is the station's. */
    stationId: uuid('station_id').references(() => stations.id),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('teams_region_name_uq').on(t.regionCode, t.name),
    index('teams_region_idx').on(t.regionCode),
  ],
);

export const teamMembers = pgTable(
  'team_members',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    talentId: uuid('talent_id')
      .notNull()
      .references(() => talents.id),
    /** chief (首席专家) | expert (专家) | manager (技术经理人) | member: what the composition rules count. */
    role: text('role').$type<MemberRole>().notNull().default('member'),
    /** What the member brings (e.g. 材料工艺), free text. */
    duty: text('duty'),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.talentId] }), index('team_members_talent_idx').on(t.talentId)],
);

export type TeamRow = typeof teams.$inferSelect;
