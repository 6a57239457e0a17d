import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * An organisation an account belongs to: the talent office, an institution, an
 * enterprise or a service provider. Registry modules keep the full profile and
 * point at this row; scoping only needs the id, kind and region.
 */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    regionCode: text('region_code').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('organisations_region_idx').on(t.regionCode)],
);

/** Permissions are data: which role holds which permission. */
export const rolePermissions = pgTable(
  'role_permissions',
  {
    role: text('role').notNull(),
    permission: text('permission').notNull(),
  },
  (t) => [primaryKey({ columns: [t.role, t.permission] })],
);

/**
 * Permissions the catalogue has offered before. A permission new to the code
 * gets its default grants once; after that, administrators' edits stand.
 */
export const knownPermissions = pgTable('known_permissions', {
  permission: text('permission').primaryKey(),
  addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
});
