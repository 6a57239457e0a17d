/**
 * What differs per kind of activity (the roles people and organisations come
 * in, the outcomes it records) and the activities' other code values that the
 * web shares. Each kind's settings (`details`) are validated in kinds.ts; the
 * statuses and actions are in machine.ts. Pure data: the web bundles this file.
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
  'institution',
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
  institution: { zh: '高校院所', en: 'University or institute' },
  employer: { zh: '招聘单位', en: 'Employer' },
  applicant: { zh: '求职者', en: 'Applicant' },
  host: { zh: '接待单位', en: 'Host' },
  student: { zh: '学员/学生', en: 'Student' },
  speaker: { zh: '嘉宾/讲师', en: 'Speaker' },
  attendee: { zh: '参会人员', en: 'Attendee' },
};

/** Who a role is: a person (an account, an expert, a guest) or an organisation. */
export const ORGANISATION_ROLES: ReadonlySet<ParticipantRole> = new Set([
  'enterprise',
  'institution',
  'employer',
  'host',
]);

/**
 * The organisation roles an organisation's own account registers itself in:
 * an institution's as 高校院所, an enterprise's in the others. (An organiser
 * may also name an institution as a host.)
 */
export const SELF_ORGANISATION_ROLES = {
  enterprise: ['enterprise', 'employer', 'host'],
  institution: ['institution'],
} as const satisfies Record<string, readonly ParticipantRole[]>;
export type OrganisationAccount = keyof typeof SELF_ORGANISATION_ROLES;

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

/** What an outcome's party is: an institution (高校院所), an enterprise or an expert of the registry. */
export const OUTCOME_PARTY_KINDS = ['institution', 'enterprise', 'talent'] as const;
export type OutcomePartyKind = (typeof OUTCOME_PARTY_KINDS)[number];

export const OUTCOME_PARTY_NAMES: Record<OutcomePartyKind, { zh: string; en: string }> = {
  institution: { zh: '高校院所', en: 'Universities and institutes' },
  enterprise: { zh: '企业', en: 'Enterprises' },
  talent: { zh: '专家人才', en: 'Experts and talents' },
};

/** Parties of one kind an outcome may name (a signing ceremony of a whole meeting is several outcomes). */
export const MAX_OUTCOME_PARTIES = 50;

/** The one outcome that carries an amount in yuan (OUTCOME_AMOUNT_ONLY_AGREEMENT). */
export const OUTCOME_WITH_AMOUNT: ActivityOutcomeKind = 'agreement';

export interface KindSpec {
  name: { zh: string; en: string };
  /** Roles one may register in; the first is the default. */
  roles: readonly ParticipantRole[];
  /** Roles that do not take a seat (invited partners: speakers, employers, hosts). */
  unseated: readonly ParticipantRole[];
  outcomes: readonly ActivityOutcomeKind[];
}

export const KIND_SPECS: Record<ActivityKind, KindSpec> = {
  matchmaking: {
    name: { zh: '项目对接会', en: 'Matchmaking meeting' },
    roles: ['enterprise', 'expert', 'institution', 'attendee'],
    unseated: [],
    outcomes: ['contact', 'agreement', 'other'],
  },
  forum: {
    name: { zh: '论坛沙龙', en: 'Forum or salon' },
    roles: ['attendee', 'speaker', 'expert', 'enterprise', 'institution'],
    unseated: ['speaker'],
    outcomes: ['contact', 'agreement', 'other'],
  },
  visit: {
    name: { zh: '考察走访', en: 'Site visit' },
    roles: ['attendee', 'expert', 'host', 'institution'],
    unseated: ['host'],
    outcomes: ['contact', 'agreement', 'other'],
  },
  job_fair: {
    name: { zh: '招聘会', en: 'Job fair' },
    roles: ['applicant', 'employer'],
    unseated: ['employer'],
    outcomes: ['contact', 'hire_intent', 'hired', 'other'],
  },
  study_tour: {
    name: { zh: '研学实习', en: 'Study tour or internship' },
    roles: ['student', 'host'],
    unseated: ['host'],
    outcomes: ['hire_intent', 'hired', 'trained', 'other'],
  },
  training: {
    name: { zh: '培训班', en: 'Training class' },
    roles: ['student', 'speaker'],
    unseated: ['speaker'],
    outcomes: ['trained', 'other'],
  },
  care: {
    name: { zh: '人才关爱活动', en: 'Talent care event' },
    roles: ['attendee'],
    unseated: [],
    outcomes: ['served', 'other'],
  },
};

/** Kinds with 1:1 meetings (MEETINGS_NOT_MATCHMAKING otherwise). */
export function hasMeetings(kind: ActivityKind): boolean {
  return kind === 'matchmaking';
}

/** Kinds with positions: 招聘岗位, 实习岗位 (POSITIONS_NOT_SUPPORTED otherwise). */
export function hasPositions(kind: ActivityKind): boolean {
  return kind === 'job_fair' || kind === 'study_tour';
}

/** The 1:1 meeting grid a matchmaking meeting starts with (China time). */
export const DEFAULT_MEETING_GRID = { firstSlotAt: '14:00', slotMinutes: 20, slots: 6, tables: 10 } as const;

/** How a job fair is held: 线下 / 线上 / 线上线下. */
export const JOB_FAIR_MODES = ['offline', 'online', 'hybrid'] as const;
export type JobFairMode = (typeof JOB_FAIR_MODES)[number];

/** How someone was checked in: scanned, 签到码 typed, found by name at the desk, or recorded as having come (补录). */
export const CHECK_IN_METHODS = ['qr', 'code', 'search', 'recorded'] as const;
export type CheckInMethod = (typeof CHECK_IN_METHODS)[number];
export const CHECK_IN_METHOD_NAMES: Record<CheckInMethod, { zh: string; en: string }> = {
  qr: { zh: '扫码', en: 'QR code' },
  code: { zh: '签到码', en: 'check-in code' },
  search: { zh: '查找', en: 'search' },
  recorded: { zh: '补录', en: 'recorded' },
};

export const REGISTRATION_ACTIONS = ['approve', 'reject', 'cancel'] as const;

/** The import kind of registration sheets (platform/io: /api/imports/activity-registrations?activityId=…). */
export const REGISTRATION_IMPORT_KIND = 'activity-registrations';

/** The import kind of outcome sheets (成效表: /api/imports/activity-outcomes?activityId=…). */
export const OUTCOME_IMPORT_KIND = 'activity-outcomes';

export const MEETING_STATUSES = ['proposed', 'accepted', 'declined', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MEETING_ACTIONS = ['accept', 'decline', 'cancel'] as const;

export const APPLICATION_STATUSES = ['interested', 'interviewed', 'intent', 'hired', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** How far an application may move: forward along the path, or withdrawn before an intent. */
export const APPLICATION_NEXT: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  interested: ['interviewed', 'intent', 'hired', 'withdrawn'],
  interviewed: ['intent', 'hired', 'withdrawn'],
  intent: ['hired'],
  hired: [],
  withdrawn: [],
};
