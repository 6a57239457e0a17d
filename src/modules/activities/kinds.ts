import { z } from 'zod';

/**
 * The kinds of activity a talent office holds, each with the roles people
 * and organisations come in, the outcomes it records, and its own settings
 * (validated into `activities.details`).
 */
export const ACTIVITY_KINDS = [
  'matchmaking',
  'forum',
  'visit',
  'job_fair',
  'study_tour',
  'training',
  'care',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const ROLES = [
  'enterprise',
  'expert',
  'employer',
  'applicant',
  'host',
  'student',
  'speaker',
  'attendee',
] as const;
export type ParticipantRole = (typeof ROLES)[number];

export const ROLE_NAMES: Record<ParticipantRole, { zh: string; en: string }> = {
  enterprise: { zh: '需求企业', en: 'Enterprise' },
  expert: { zh: '专家', en: 'Expert' },
  employer: { zh: '招聘单位', en: 'Employer' },
  applicant: { zh: '求职者', en: 'Applicant' },
  host: { zh: '接待单位', en: 'Host' },
  student: { zh: '学员/学生', en: 'Student' },
  speaker: { zh: '嘉宾/讲师', en: 'Speaker' },
  attendee: { zh: '参会人员', en: 'Attendee' },
};

/** Who a role is: a person (an account, an expert, a guest) or an organisation. */
export const ORGANISATION_ROLES: ReadonlySet<ParticipantRole> = new Set(['enterprise', 'employer', 'host']);

export const OUTCOME_KINDS = [
  'contact',
  'agreement',
  'hire_intent',
  'hired',
  'trained',
  'served',
  'other',
] as const;
export type ActivityOutcomeKind = (typeof OUTCOME_KINDS)[number];

export const OUTCOME_NAMES: Record<ActivityOutcomeKind, { zh: string; en: string; unit: string }> = {
  contact: { zh: '对接洽谈', en: 'Contacts made', unit: '次' },
  agreement: { zh: '签约合作', en: 'Agreements signed', unit: '项' },
  hire_intent: { zh: '达成就业/引才意向', en: 'Intents to hire', unit: '人' },
  hired: { zh: '录用/引进人才', en: 'Hired', unit: '人' },
  trained: { zh: '培训人次', en: 'People trained', unit: '人次' },
  served: { zh: '服务人次', en: 'People served', unit: '人次' },
  other: { zh: '其他成效', en: 'Other', unit: '项' },
};

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm');

/** 1:1 meeting grid of a matchmaking meeting: slots of equal length from a start time, at numbered tables. */
export const meetingGrid = z.strictObject({
  firstSlotAt: time.default('14:00'),
  slotMinutes: z.number().int().min(5).max(120).default(20),
  slots: z.number().int().min(1).max(48).default(6),
  tables: z.number().int().min(1).max(500).default(10),
});
export type MeetingGrid = z.infer<typeof meetingGrid>;

interface KindSpec {
  name: { zh: string; en: string };
  /** Roles one may register in; the first is the default. */
  roles: readonly ParticipantRole[];
  /** Roles that do not take a seat (invited partners: speakers, employers, hosts). */
  unseated: readonly ParticipantRole[];
  outcomes: readonly ActivityOutcomeKind[];
  details: z.ZodType<Record<string, unknown>>;
}

export const KINDS: Record<ActivityKind, KindSpec> = {
  matchmaking: {
    name: { zh: '项目对接会', en: 'Matchmaking meeting' },
    roles: ['enterprise', 'expert', 'attendee'],
    unseated: [],
    outcomes: ['contact', 'agreement', 'other'],
    details: z.strictObject({ meetings: meetingGrid.default(meetingGrid.parse({})) }),
  },
  forum: {
    name: { zh: '论坛沙龙', en: 'Forum or salon' },
    roles: ['attendee', 'speaker', 'expert', 'enterprise'],
    unseated: ['speaker'],
    outcomes: ['contact', 'agreement', 'other'],
    details: z.strictObject({ theme: z.string().trim().max(200).optional() }),
  },
  visit: {
    name: { zh: '考察走访', en: 'Site visit' },
    roles: ['attendee', 'expert', 'host'],
    unseated: ['host'],
    outcomes: ['contact', 'agreement', 'other'],
    details: z.strictObject({ route: z.string().trim().max(500).optional() }),
  },
  job_fair: {
    name: { zh: '招聘会', en: 'Job fair' },
    roles: ['applicant', 'employer'],
    unseated: ['employer'],
    outcomes: ['contact', 'hire_intent', 'hired', 'other'],
    details: z.strictObject({
      booths: z.number().int().min(1).max(2000).optional(),
      /** 线上 / 线下 / 线上线下 */
      mode: z.enum(['offline', 'online', 'hybrid']).default('offline'),
    }),
  },
  study_tour: {
    name: { zh: '研学实习', en: 'Study tour or internship' },
    roles: ['student', 'host'],
    unseated: ['host'],
    outcomes: ['hire_intent', 'hired', 'trained', 'other'],
    details: z.strictObject({
      school: z.string().trim().max(100).optional(),
      days: z.number().int().min(1).max(365).optional(),
    }),
  },
  training: {
    name: { zh: '培训班', en: 'Training class' },
    roles: ['student', 'speaker'],
    unseated: ['speaker'],
    outcomes: ['trained', 'other'],
    details: z.strictObject({
      hours: z.number().min(0.5).max(2000).optional(),
      certificate: z.boolean().default(false),
      curriculum: z.string().trim().max(4000).optional(),
    }),
  },
  care: {
    name: { zh: '人才关爱活动', en: 'Talent care event' },
    roles: ['attendee'],
    unseated: [],
    outcomes: ['served', 'other'],
    details: z.strictObject({ services: z.string().trim().max(1000).optional() }),
  },
};

/** Seat-taking: everyone but the invited partners of the kind. */
export function takesSeat(kind: ActivityKind, role: ParticipantRole): boolean {
  return !KINDS[kind].unseated.includes(role);
}
