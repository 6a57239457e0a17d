import { z } from 'zod';
import { pageQuery } from '../../platform/auth/contract.ts';
import { SESSION_KINDS } from './constants.ts';

/**
 * 团队成效: what came of a team's work so far — the outcomes of the orders
 * dispatched to it (once the enterprise confirmed them) and of the activities
 * that were its sessions' records, each once.
 */

export const OUTCOME_SOURCES = ['order', 'activity'] as const;
export type OutcomeSource = (typeof OUTCOME_SOURCES)[number];

export const teamOutcomesQuery = z.strictObject({ ...pageQuery });

export const teamOutcomesView = z.object({
  teamId: z.string().uuid(),
  /** Every outcome by kind (not only this page): an order's 引进人才 and an activity's 录用 are one kind, talent. */
  byKind: z.array(
    z.object({
      kind: z.string(),
      name: z.string(),
      /** How many (an activity's outcome may report several: 12 contacts, 30 trained). */
      count: z.number().int(),
      /** Agreements and transfers; null for kinds without amounts. */
      amountYuan: z.number().nullable(),
    }),
  ),
  items: z.array(
    z.object({
      id: z.string().uuid(),
      source: z.enum(OUTCOME_SOURCES),
      /** The order's outcome kind (agreement, solved, transfer, talent) or the activity's (contact, agreement …). */
      kind: z.string(),
      kindName: z.string(),
      count: z.number().int(),
      amountYuan: z.number().nullable(),
      note: z.string().nullable(),
      /** The China date it happened. */
      happenedOn: z.string(),
      /** Where it came from: the order dispatched to the team, or the activity that was a session's record. */
      from: z.object({
        id: z.string().uuid(),
        code: z.string(),
        title: z.string(),
        link: z.string(),
      }),
      /** The session the activity was the record of (an activity's outcome). */
      session: z
        .object({
          id: z.string().uuid(),
          kind: z.enum(SESSION_KINDS),
          kindName: z.string(),
          dueOn: z.string(),
        })
        .nullable(),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TeamOutcomesView = z.infer<typeof teamOutcomesView>;
