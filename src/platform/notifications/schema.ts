import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** 站内消息: what a user is told by the platform (an order offered to them, a step overdue …). */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull(),
    /** e.g. order.dispatch, order.overdue */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body'),
    /** The page it is about, e.g. /orders/<id>. */
    link: text('link'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
    /** The e-mail copy (an outbox): null when none is sent, else pending | sent | failed. */
    emailState: text('email_state'),
    emailAttempts: integer('email_attempts').notNull().default(0),
    /** Sent, or (while pending) not to be tried again before this time. */
    emailAt: timestamp('email_at', { withTimezone: true }),
    emailError: text('email_error'),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.readAt, t.createdAt.desc()),
    index('notifications_email_idx').on(t.emailAt).where(sql`${t.emailState} = 'pending'`),
  ],
);

export type NotificationRow = typeof notifications.$inferSelect;
