import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations } from '../../platform/access/schema.ts';
import { enterprises, type Flag, institutions } from '../registry/schema.ts';
import type { ListKind } from './constants.ts';
import type { Status } from './machine.ts';

/**
 * The three lists in one table: enterprise technical demands (技术需求), talent
 * cooperation demands (人才合作需求) and tech achievements (科技成果). They share
 * the columns matching, curation and statistics read (title, text, keywords,
 * codes, region, owner, status); the few kind-specific columns are nullable.
 */
export const listItems = pgTable(
  'list_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** demands | talent-demands | achievements */
    kind: text('kind').$type<ListKind>().notNull(),
    /** 编号: unique per kind; imports upsert on it. */
    code: text('code').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    keywords: text('keywords').array().notNull().default([]),
    /** True when the keywords were extracted from the text rather than written by someone. */
    keywordsExtracted: boolean('keywords_extracted').notNull().default(false),
    industries: text('industries').array().notNull().default([]),
    industryTags: text('industry_tags').array().notNull().default([]),
    disciplines: text('disciplines').array().notNull().default([]),
    disciplineTags: text('discipline_tags').array().notNull().default([]),
    /** 所属领域 as written when no code list knew it (flagged). */
    fieldText: text('field_text'),
    /** 主导产业 the item is curated under. */
    cluster: text('cluster'),
    regionCode: text('region_code'),
    regionText: text('region_text'),
    scopeRegion: text('scope_region').notNull(),
    /** The enterprise (demands) or institution/enterprise (achievements) as written. */
    ownerName: text('owner_name'),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    institutionId: uuid('institution_id').references(() => institutions.id),
    /** The organisation whose accounts own the item (may edit and submit it). */
    organisationId: uuid('organisation_id').references(() => organisations.id),
    /** 合作方式 / 转化方式. */
    cooperationModes: text('cooperation_modes').array().notNull().default([]),
    /** Budget (demands) or asking price (achievements) in fen; null with amountNegotiable = 面议. */
    amountFen: bigint('amount_fen', { mode: 'number' }),
    amountNegotiable: boolean('amount_negotiable').notNull().default(false),
    deadline: date('deadline', { mode: 'string' }),
    /** Talent demands: how many people, and the terms offered. */
    headcount: integer('headcount'),
    terms: text('terms'),
    /** Achievements: maturity stage (实验室/小试/中试/产业化) and TRL 1–9; patent numbers. */
    stage: text('stage'),
    trl: smallint('trl'),
    patents: text('patents').array().notNull().default([]),
    contactName: text('contact_name'),
    /** draft | submitted | published | in_progress | closed | expired (see machine.ts) */
    status: text('status').$type<Status>().notNull().default('draft'),
    statusReason: text('status_reason'),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /**
     * Demands: when the enterprise was asked whether the demand is solved (an order of it
     * closed with an outcome); cleared by its answer, as by any status change.
     */
    solvedAskedAt: timestamp('solved_asked_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    flags: jsonb('flags').$type<Flag[]>().notNull().default([]),
    searchText: text('search_text').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('list_items_kind_code_uq').on(t.kind, t.code),
    index('list_items_scope_idx').on(t.kind, t.scopeRegion),
    index('list_items_status_idx').on(t.kind, t.status, t.updatedAt.desc().nullsFirst()),
    index('list_items_updated_idx').on(t.updatedAt),
    // Statistics: items published in a period.
    index('list_items_published_idx').on(t.kind, t.publishedAt),
    index('list_items_deadline_idx').on(t.deadline).where(sql`${t.status} = 'published'`),
    index('list_items_org_idx').on(t.organisationId),
    index('list_items_industry_tags_idx').using('gin', t.industryTags),
    index('list_items_discipline_tags_idx').using('gin', t.disciplineTags),
    index('list_items_search_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);

export type ListItemRow = typeof listItems.$inferSelect;
export type ListItemInsert = typeof listItems.$inferInsert;
