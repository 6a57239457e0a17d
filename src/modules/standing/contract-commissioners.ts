import { z } from 'zod';
import { calendarDate, pageQuery, recordVersion } from '../../platform/auth/contract.ts';
import {
  DUTY_SUBJECTS,
  LEFT_REASONS,
  PAIRING_STATUSES,
  ROUND_KINDS,
  ROUND_SIDES,
  ROUND_STATUSES,
} from './constants.ts';
import { cadenceEntry, tally } from './contract.ts';

/**
 * The contract of the tech commissioners (rounds, pairs, portfolios, the
 * regions' setting) and the contact duties, beside contract.ts (team plans,
 * the occurrences of every kind and their records).
 */

// ---------- tech commissioners ----------

const bilingual = z.object({ zh: z.string(), en: z.string() });

export const roundInput = z
  .strictObject({
    name: z.string().trim().min(2).max(100),
    /** The round's region (default the caller's own); within the caller's scope. */
    regionCode: z
      .string()
      .regex(/^\d{6}$/)
      .optional(),
    termStart: calendarDate,
    termEnd: calendarDate,
    portfolioLimit: z.number().int().min(1).max(20).optional(),
    visitCadence: cadenceEntry.optional(),
  })
  .refine((r) => r.termEnd > r.termStart, { path: ['termEnd'], message: '任期结束须晚于开始' });
export type RoundInput = z.infer<typeof roundInput>;

export const entriesInput = z.strictObject({
  enterprises: z
    .array(z.strictObject({ id: z.string().uuid(), need: z.string().trim().max(1000).optional() }))
    .max(500)
    .default([]),
  experts: z
    .array(z.strictObject({ id: z.string().uuid() }))
    .max(500)
    .default([]),
});
export type EntriesInput = z.infer<typeof entriesInput>;

/** A participant's preferences: the other side's participants (registry ids), best first. */
export const preferencesInput = z.strictObject({
  preferences: z.array(z.string().uuid()).max(5),
  need: z.string().trim().max(1000).optional(),
});
export type PreferencesInput = z.infer<typeof preferencesInput>;

/** The operator sets (talentId) or clears (null) the pair proposed for an enterprise. */
export const pairInput = z.strictObject({
  enterpriseId: z.string().uuid(),
  talentId: z.string().uuid().nullable(),
});
export type PairInput = z.infer<typeof pairInput>;

export const versionInput = z.strictObject({ version: recordVersion });
export const endInput = z.strictObject({ reason: z.string().trim().min(2).max(500), version: recordVersion });
export type EndInput = z.infer<typeof endInput>;

export const makeupInput = z.strictObject({ name: z.string().trim().min(2).max(100).optional() });

const pairView = z.object({
  id: z.string().uuid(),
  talentId: z.string().uuid(),
  talentName: z.string(),
  enterpriseId: z.string().uuid(),
  enterpriseName: z.string(),
  status: z.enum(PAIRING_STATUSES),
  score: z.number().int().nullable(),
  reasons: z.array(bilingual),
  termStart: z.string(),
  termEnd: z.string(),
  version: z.number().int(),
});
export type PairView = z.infer<typeof pairView>;

const entryView = z.object({
  id: z.string().uuid(),
  side: z.enum(ROUND_SIDES),
  /** The registry record: an enterprise or a talent. */
  partyId: z.string().uuid(),
  name: z.string(),
  regionCode: z.string().nullable(),
  /** A talent's title and employer, for the enterprise choosing. */
  detail: z.string().nullable(),
  need: z.string().nullable(),
  /** Hidden (empty) for a participant looking at others' entries. */
  preferences: z.array(z.object({ id: z.string().uuid(), name: z.string() })),
  preferencesByName: z.string().nullable(),
  leftReason: z.enum(LEFT_REASONS).nullable(),
  /** An expert's portfolio: terms held in other rounds now, and the room left in this one. */
  held: z.number().int().nullable(),
  room: z.number().int().nullable(),
});

export const roundView = z.object({
  id: z.string().uuid(),
  name: z.string(),
  kind: z.enum(ROUND_KINDS),
  parentId: z.string().uuid().nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  termStart: z.string(),
  termEnd: z.string(),
  portfolioLimit: z.number().int(),
  visitCadence: cadenceEntry,
  status: z.enum(ROUND_STATUSES),
  proposedAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  enterprises: z.array(entryView),
  experts: z.array(entryView),
  pairs: z.array(pairView),
  /** The enterprises without a pair (with why, after a proposal). */
  left: z.array(
    z.object({ enterpriseId: z.string().uuid(), name: z.string(), reason: z.enum(LEFT_REASONS).nullable() }),
  ),
  /** The caller's own entry, for an enterprise or expert stating preferences. */
  myEntryId: z.string().uuid().nullable(),
  canManage: z.boolean(),
  version: z.number().int(),
});
export type RoundView = z.infer<typeof roundView>;

export const roundsQuery = z.strictObject({ ...pageQuery });
export const roundPage = z.object({
  items: z.array(
    z.object({
      id: z.string().uuid(),
      name: z.string(),
      kind: z.enum(ROUND_KINDS),
      regionName: z.string(),
      termStart: z.string(),
      termEnd: z.string(),
      status: z.enum(ROUND_STATUSES),
      enterprises: z.number().int(),
      experts: z.number().int(),
      pairs: z.number().int(),
      createdAt: z.string(),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const portfolioQuery = z.strictObject({ talentId: z.string().uuid().optional() });
export const portfolioView = z.object({
  talentId: z.string().uuid(),
  name: z.string(),
  terms: z.array(
    z.object({
      pairingId: z.string().uuid(),
      roundId: z.string().uuid(),
      enterpriseId: z.string().uuid(),
      enterpriseName: z.string(),
      regionName: z.string().nullable(),
      termStart: z.string(),
      termEnd: z.string(),
      status: z.enum(PAIRING_STATUSES),
      endReason: z.string().nullable(),
      lastVisitOn: z.string().nullable(),
      visits: z.number().int(),
      planned: z.number().int(),
      overdue: z.number().int(),
      nextDueOn: z.string().nullable(),
      openDemands: z.number().int(),
      refined: z.number().int(),
      /** Refined demands the enterprise has not confirmed yet. */
      refinedDrafts: z.number().int(),
      openOrders: z.number().int(),
      version: z.number().int(),
    }),
  ),
  canManage: z.boolean(),
});
export type PortfolioView = z.infer<typeof portfolioView>;

export const settingsQuery = z.strictObject({
  regionCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});
export const settingsInput = z.strictObject({
  regionCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  allowSharedCommissioners: z.boolean(),
});
export const settingsView = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  allowSharedCommissioners: z.boolean(),
});

// ---------- contact duties ----------

export const dutyInput = z
  .strictObject({
    /** The office's leader or staff member: an account of the region (operator). */
    assigneeUserId: z.string().uuid(),
    subject: z.enum(DUTY_SUBJECTS),
    talentId: z.string().uuid().optional(),
    enterpriseId: z.string().uuid().optional(),
    cadence: cadenceEntry.optional(),
    /** Care visits on 5·30 and before the Spring Festival and Mid-Autumn (default yes). */
    care: z.boolean().default(true),
    /** Default today, and 31 December of that year. */
    startOn: calendarDate.optional(),
    endOn: calendarDate.optional(),
    note: z.string().trim().max(500).optional(),
  })
  .refine((d) => (d.subject === 'talent' ? d.talentId && !d.enterpriseId : d.enterpriseId && !d.talentId), {
    path: ['subject'],
    message: '联系对象须与类型一致（人才或企业）',
  });
export type DutyInput = z.infer<typeof dutyInput>;

export const dutyChangeInput = z.strictObject({
  cadence: cadenceEntry,
  care: z.boolean(),
  endOn: calendarDate,
  note: z.string().trim().max(500).nullable().optional(),
  version: recordVersion,
});
export type DutyChangeInput = z.infer<typeof dutyChangeInput>;

export const dutiesQuery = z.strictObject({
  ...pageQuery,
  mine: z.enum(['true', 'false']).optional(),
  assigneeUserId: z.string().uuid().optional(),
  subject: z.enum(DUTY_SUBJECTS).optional(),
  ended: z.enum(['true', 'false']).optional(),
});

export const dutyView = z.object({
  id: z.string().uuid(),
  regionCode: z.string(),
  assigneeUserId: z.string().uuid(),
  assigneeName: z.string(),
  subject: z.enum(DUTY_SUBJECTS),
  partyId: z.string().uuid(),
  partyName: z.string(),
  cadence: cadenceEntry,
  care: z.boolean(),
  startOn: z.string(),
  endOn: z.string(),
  note: z.string().nullable(),
  endedAt: z.string().nullable(),
  endReason: z.string().nullable(),
  total: tally,
  lastContactOn: z.string().nullable(),
  nextDueOn: z.string().nullable(),
  canManage: z.boolean(),
  version: z.number().int(),
});
export type DutyView = z.infer<typeof dutyView>;

export const dutyPage = z.object({
  items: z.array(dutyView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
