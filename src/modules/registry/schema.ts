import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations } from '../../platform/access/schema.ts';

/** A value kept as written because no dictionary knew it (e.g. a region name), shown to operators to fix. */
export interface Flag {
  field: string;
  value: string;
  reason: string;
}

/**
 * Columns every registry record has. `regionCode` is where the record is;
 * `scopeRegion` is the region whose office maintains it and decides who sees
 * it (an academician in Beijing can serve a county in Zhejiang).
 */
const recordColumns = () => ({
  id: uuid('id').primaryKey().defaultRandom(),
  /** 编号: the external code, unique per kind; imports upsert on it. */
  code: text('code').notNull(),
  name: text('name').notNull(),
  regionCode: text('region_code'),
  /** The region as written when it could not be resolved to a code. */
  regionText: text('region_text'),
  scopeRegion: text('scope_region').notNull(),
  flags: jsonb('flags').$type<Flag[]>().notNull().default([]),
  /** Lower-cased name, codes and free text, for substring search (trigram index). */
  searchText: text('search_text').notNull().default(''),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  archivedAt: timestamp('archived_at', { withTimezone: true }),
  version: integer('version').notNull().default(1),
});

export const institutions = pgTable(
  'institutions',
  {
    ...recordColumns(),
    /** university | institute | society | other */
    kind: text('kind').notNull().default('university'),
    disciplines: text('disciplines').array().notNull().default([]),
    disciplineTags: text('discipline_tags').array().notNull().default([]),
    contactName: text('contact_name'),
    contactMobileEnc: text('contact_mobile_enc'),
    contactMobileHash: text('contact_mobile_hash'),
    contactEmail: text('contact_email'),
    address: text('address'),
    description: text('description'),
    organisationId: uuid('organisation_id').references(() => organisations.id),
  },
  (t) => [
    uniqueIndex('institutions_code_uq').on(t.code),
    index('institutions_name_idx').on(t.name),
    index('institutions_scope_idx').on(t.scopeRegion),
    index('institutions_search_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);

export const enterprises = pgTable(
  'enterprises',
  {
    ...recordColumns(),
    /** 统一社会信用代码 (GB 32100), unique when present. */
    creditCode: text('credit_code'),
    industries: text('industries').array().notNull().default([]),
    industryTags: text('industry_tags').array().notNull().default([]),
    /** 主导产业 cluster code or text. */
    cluster: text('cluster'),
    /** large | medium | small | micro */
    size: text('size'),
    qualifications: text('qualifications').array().notNull().default([]),
    contactName: text('contact_name'),
    contactMobileEnc: text('contact_mobile_enc'),
    contactMobileHash: text('contact_mobile_hash'),
    contactEmail: text('contact_email'),
    address: text('address'),
    description: text('description'),
    organisationId: uuid('organisation_id').references(() => organisations.id),
  },
  (t) => [
    uniqueIndex('enterprises_code_uq').on(t.code),
    uniqueIndex('enterprises_credit_code_uq').on(t.creditCode),
    index('enterprises_scope_idx').on(t.scopeRegion),
    index('enterprises_updated_idx').on(t.updatedAt.desc().nullsFirst(), t.code),
    index('enterprises_name_prefix_idx').using('btree', sql`${t.name} text_pattern_ops`),
    index('enterprises_industry_tags_idx').using('gin', t.industryTags),
    index('enterprises_search_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);

/** One person record for talents and experts; `isExpert` marks those who serve as experts. */
export const talents = pgTable(
  'talents',
  {
    ...recordColumns(),
    gender: text('gender'),
    birthYear: smallint('birth_year'),
    /** Dictionary code, or null with the text kept in educationText. */
    education: text('education'),
    educationText: text('education_text'),
    title: text('title'),
    titleText: text('title_text'),
    /** 正高级 | 副高级 | 中级 | 初级 */
    titleLevel: text('title_level'),
    employerName: text('employer_name'),
    institutionId: uuid('institution_id').references(() => institutions.id),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    disciplines: text('disciplines').array().notNull().default([]),
    disciplineTags: text('discipline_tags').array().notNull().default([]),
    industries: text('industries').array().notNull().default([]),
    industryTags: text('industry_tags').array().notNull().default([]),
    researchInterests: text('research_interests'),
    representativeWork: text('representative_work'),
    honours: text('honours').array().notNull().default([]),
    /** The highest honour level held: 院士 | 国家级 | 省级 | 市级. */
    honourLevel: text('honour_level'),
    tags: text('tags').array().notNull().default([]),
    isExpert: boolean('is_expert').notNull().default(true),
    mobileEnc: text('mobile_enc'),
    mobileHash: text('mobile_hash'),
    email: text('email'),
    idNumberEnc: text('id_number_enc'),
    idNumberHash: text('id_number_hash'),
    /** The person's own account, when they have one (their profile page). */
    userId: uuid('user_id'),
  },
  (t) => [
    uniqueIndex('talents_code_uq').on(t.code),
    uniqueIndex('talents_id_number_hash_uq').on(t.idNumberHash),
    uniqueIndex('talents_user_uq').on(t.userId),
    index('talents_scope_idx').on(t.scopeRegion, t.name),
    // Plain DESC (nulls first) so that `order by updated_at desc` walks the index.
    index('talents_updated_idx').on(t.updatedAt.desc().nullsFirst(), t.code),
    index('talents_name_idx').on(t.name, t.code),
    index('talents_name_prefix_idx').using('btree', sql`${t.name} text_pattern_ops`),
    index('talents_region_idx').on(t.regionCode),
    index('talents_institution_idx').on(t.institutionId),
    index('talents_discipline_tags_idx').using('gin', t.disciplineTags),
    index('talents_industry_tags_idx').using('gin', t.industryTags),
    index('talents_search_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);

/** 人才驿站 / 人才工作站: a place in a county or park where teams meet enterprises. */
export const stations = pgTable(
  'stations',
  {
    ...recordColumns(),
    /** station (驿站) | workstation (工作站) */
    kind: text('kind').notNull().default('station'),
    hostName: text('host_name'),
    hostOrganisationId: uuid('host_organisation_id').references(() => organisations.id),
    liaisonName: text('liaison_name'),
    liaisonMobileEnc: text('liaison_mobile_enc'),
    liaisonMobileHash: text('liaison_mobile_hash'),
    address: text('address'),
    description: text('description'),
  },
  (t) => [
    uniqueIndex('stations_code_uq').on(t.code),
    index('stations_scope_idx').on(t.scopeRegion),
    index('stations_search_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);

/** 数据字典: editable code lists (industries, disciplines, titles, honours, qualifications …). */
export const dictionaryEntries = pgTable(
  'dictionary_entries',
  {
    kind: text('kind').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    parentCode: text('parent_code'),
    level: text('level'),
    aliases: text('aliases').array().notNull().default([]),
    builtIn: boolean('built_in').notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.code] })],
);
