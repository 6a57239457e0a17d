import { z } from 'zod';
import {
  ACTIVITY_KINDS,
  type ActivityKind,
  DEFAULT_MEETING_GRID,
  JOB_FAIR_MODES,
  KIND_SPECS,
  type KindSpec,
  type ParticipantRole,
} from './constants.ts';

/**
 * The kinds of activity a talent office holds, each with the roles people
 * and organisations come in, the outcomes it records (constants.ts), and its
 * own settings (validated into `activities.details`).
 */
export {
  ACTIVITY_KINDS,
  type ActivityKind,
  type ActivityOutcomeKind,
  ORGANISATION_ROLES,
  OUTCOME_KINDS,
  OUTCOME_NAMES,
  type ParticipantRole,
  ROLE_NAMES,
  ROLES,
} from './constants.ts';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm');

/** 1:1 meeting grid of a matchmaking meeting: slots of equal length from a start time, at numbered tables. */
export const meetingGrid = z.strictObject({
  firstSlotAt: time.default(DEFAULT_MEETING_GRID.firstSlotAt),
  slotMinutes: z.number().int().min(5).max(120).default(DEFAULT_MEETING_GRID.slotMinutes),
  slots: z.number().int().min(1).max(48).default(DEFAULT_MEETING_GRID.slots),
  tables: z.number().int().min(1).max(500).default(DEFAULT_MEETING_GRID.tables),
});
export type MeetingGrid = z.infer<typeof meetingGrid>;

/** Each kind's own settings (`details`): only the kind's own keys are accepted. */
export const KIND_DETAILS = {
  matchmaking: z.strictObject({ meetings: meetingGrid.default(meetingGrid.parse({})) }),
  forum: z.strictObject({ theme: z.string().trim().max(200).optional() }),
  visit: z.strictObject({ route: z.string().trim().max(500).optional() }),
  job_fair: z.strictObject({
    booths: z.number().int().min(1).max(2000).optional(),
    /** 线上 / 线下 / 线上线下 */
    mode: z.enum(JOB_FAIR_MODES).default('offline'),
  }),
  study_tour: z.strictObject({
    school: z.string().trim().max(100).optional(),
    days: z.number().int().min(1).max(365).optional(),
  }),
  training: z.strictObject({
    hours: z.number().min(0.5).max(2000).optional(),
    certificate: z.boolean().default(false),
    curriculum: z.string().trim().max(4000).optional(),
  }),
  care: z.strictObject({ services: z.string().trim().max(1000).optional() }),
} as const satisfies Record<ActivityKind, z.ZodType<Record<string, unknown>>>;

type Kind = KindSpec & { details: z.ZodType<Record<string, unknown>> };

export const KINDS = Object.fromEntries(
  ACTIVITY_KINDS.map((kind): [ActivityKind, Kind] => [
    kind,
    { ...KIND_SPECS[kind], details: KIND_DETAILS[kind] },
  ]),
) as Record<ActivityKind, Kind>;

/** Seat-taking: everyone but the invited partners of the kind. */
export function takesSeat(kind: ActivityKind, role: ParticipantRole): boolean {
  return !KINDS[kind].unseated.includes(role);
}
