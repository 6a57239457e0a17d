import { customType, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** bytea as a Buffer on both drivers (PGlite answers Uint8Array). */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
  toDriver: (value) => value,
});

export interface RowIssue {
  /** The column's header as the template names it. */
  column: string;
  value?: string;
  message: string;
}

export interface RowReport {
  rowNumber: number;
  code: string | null;
  status: 'rejected' | 'flagged';
  errors: RowIssue[];
  flags: RowIssue[];
}

/**
 * An uploaded spreadsheet between preview and commit. The file itself (gzip)
 * is kept only while the job waits to be committed, so that any server
 * process can commit it: it holds personal data, so it is dropped when the
 * job is committed, fails, is abandoned or expires. The counts and the report
 * (the rows with issues) stay.
 */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    /** The job's parameters (ImportKind.options): what the rows go into, e.g. an activity. */
    options: jsonb('options').$type<Record<string, unknown>>().notNull().default({}),
    fileName: text('file_name').notNull(),
    /** The uploaded file, gzipped, while the job is previewed; null once it is no longer needed. */
    fileData: bytea('file_data'),
    createdBy: uuid('created_by'),
    actorName: text('actor_name').notNull(),
    scopeRegion: text('scope_region').notNull(),
    /** previewed → committing → committed | failed; previewed → abandoned | expired */
    status: text('status').notNull(),
    total: integer('total').notNull().default(0),
    valid: integer('valid').notNull().default(0),
    flagged: integer('flagged').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
    toCreate: integer('to_create').notNull().default(0),
    toUpdate: integer('to_update').notNull().default(0),
    processed: integer('processed').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    ignoredHeaders: text('ignored_headers').array().notNull().default([]),
    report: jsonb('report').$type<RowReport[]>().notNull().default([]),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Moves with every committed batch; a committing job that stops moving was interrupted. */
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('import_jobs_created_by_idx').on(t.createdBy, t.createdAt)],
);
