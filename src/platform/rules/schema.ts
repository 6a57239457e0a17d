import { integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Rules kept as data (team composition, and later certification tiers and
 * policy eligibility): each change is a new version of its key, so what a
 * decision was made under can always be read again. The newest version is
 * the one in force.
 */
export const ruleSets = pgTable(
  'rule_sets',
  {
    key: text('key').notNull(),
    version: integer('version').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    /** The rule tree (platform/rules/tree.ts), checked by its schema before it is stored. */
    rule: jsonb('rule').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.key, t.version] })],
);

export type RuleSetRow = typeof ruleSets.$inferSelect;
