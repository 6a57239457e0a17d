/**
 * The activities API's shapes (活动: 项目对接会, 招聘会, 培训班 …), as
 * src/modules/activities/{contract,kinds,machine}.ts define them.
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

export function isActivityKind(value: string | null | undefined): value is ActivityKind {
  return (ACTIVITY_KINDS as readonly string[]).includes(value ?? '');
}

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

/** Roles an organisation registers in (an account of the enterprise registers its enterprise). */
export const ORGANISATION_ROLES: readonly ParticipantRole[] = ['enterprise', 'employer', 'host'];

export const OUTCOME_KINDS = [
  'contact',
  'agreement',
  'hire_intent',
  'hired',
  'trained',
  'served',
  'other',
] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

/** What differs per kind (kinds.ts KINDS): the roles one registers in (the first is the default) and the outcomes it records. */
export const KIND_SPECS: Record<
  ActivityKind,
  { roles: readonly ParticipantRole[]; outcomes: readonly OutcomeKind[] }
> = {
  matchmaking: { roles: ['enterprise', 'expert', 'attendee'], outcomes: ['contact', 'agreement', 'other'] },
  forum: {
    roles: ['attendee', 'speaker', 'expert', 'enterprise'],
    outcomes: ['contact', 'agreement', 'other'],
  },
  visit: { roles: ['attendee', 'expert', 'host'], outcomes: ['contact', 'agreement', 'other'] },
  job_fair: { roles: ['applicant', 'employer'], outcomes: ['contact', 'hire_intent', 'hired', 'other'] },
  study_tour: { roles: ['student', 'host'], outcomes: ['hire_intent', 'hired', 'trained', 'other'] },
  training: { roles: ['student', 'speaker'], outcomes: ['trained', 'other'] },
  care: { roles: ['attendee'], outcomes: ['served', 'other'] },
};

/** Kinds with 1:1 meetings, and kinds with positions (招聘岗位, 实习岗位). */
export const hasMeetings = (kind: ActivityKind) => kind === 'matchmaking';
export const hasPositions = (kind: ActivityKind) => kind === 'job_fair' || kind === 'study_tour';

/** Only an agreement carries an amount (OUTCOME_AMOUNT_ONLY_AGREEMENT), and it counts one. */
export const OUTCOME_WITH_AMOUNT: OutcomeKind = 'agreement';

/**
 *   draft ──publish──▶ published ──close──▶ closed ──finish──▶ finished
 *   closed ──reopen──▶ published; draft / published / closed ──cancel──▶ cancelled
 */
export const ACTIVITY_STATUSES = ['draft', 'published', 'closed', 'finished', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export function isActivityStatus(value: string | null | undefined): value is ActivityStatus {
  return (ACTIVITY_STATUSES as readonly string[]).includes(value ?? '');
}

export const ACTIVITY_ACTIONS = ['publish', 'close', 'reopen', 'finish', 'cancel'] as const;
export type ActivityAction = (typeof ACTIVITY_ACTIONS)[number];

export const REGISTRATION_STATUSES = ['pending', 'confirmed', 'waitlisted', 'rejected', 'cancelled'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** A registration that holds (or waits for) a place. */
export const LIVE_REGISTRATION: readonly RegistrationStatus[] = ['pending', 'confirmed', 'waitlisted'];

export type RegistrationAction = 'approve' | 'reject' | 'cancel';

/** 1:1 meeting grid of a matchmaking meeting (China time). */
export interface MeetingGrid {
  /** HH:mm */
  firstSlotAt: string;
  slotMinutes: number;
  slots: number;
  tables: number;
}

export const DEFAULT_GRID: MeetingGrid = { firstSlotAt: '14:00', slotMinutes: 20, slots: 6, tables: 10 };

export const JOB_FAIR_MODES = ['offline', 'online', 'hybrid'] as const;
export type JobFairMode = (typeof JOB_FAIR_MODES)[number];

/** `details`, per kind (kinds.ts): only the kind's own keys are accepted. */
export interface ActivityDetails {
  meetings?: MeetingGrid;
  theme?: string;
  route?: string;
  booths?: number;
  mode?: JobFairMode;
  school?: string;
  days?: number;
  hours?: number;
  certificate?: boolean;
  curriculum?: string;
  services?: string;
}

export interface Counts {
  confirmed: number;
  /** Confirmed and taking a seat: measured against the capacity. */
  seated: number;
  pending: number;
  waitlisted: number;
  checkedIn: number;
}

export interface ActivitySummary {
  id: string;
  /** HD-YYYYMMDD-XXXX */
  code: string;
  kind: ActivityKind;
  title: string;
  startsAt: string;
  endsAt: string;
  place: string | null;
  regionCode: string;
  /** Null for no limit. */
  capacity: number | null;
  needsApproval: boolean;
  registrationClosesAt: string | null;
  status: ActivityStatus;
  counts: Counts;
  version: number;
}

export interface RegistrationView {
  id: string;
  role: ParticipantRole;
  name: string;
  organisationName: string | null;
  /** Masked (139****2000). */
  mobile: string | null;
  talentId: string | null;
  /** The expert's registry code (ZJ-0001). */
  talentCode: string | null;
  enterpriseId: string | null;
  institutionId: string | null;
  /** self, invited, imported, operator */
  source: string;
  status: RegistrationStatus;
  /** Whether it takes a seat (invited partners — speakers, employers, hosts — do not). */
  seated: boolean;
  /** 1-based place on the waiting list. */
  waitlistPosition: number | null;
  note: string | null;
  checkedInAt: string | null;
  /** qr or search */
  checkInMethod: string | null;
  createdAt: string;
  version: number;
}

export interface MyRegistration extends RegistrationView {
  /** What the QR code carries; only for a confirmed registration. */
  checkInCode: string | null;
}

export interface FeaturedItem {
  id: string;
  /** demands, talent-demands, achievements */
  kind: string;
  code: string;
  title: string;
  status: string;
}

export interface ActivityView extends ActivitySummary {
  description: string | null;
  organisers: string[];
  details: ActivityDetails;
  featured: FeaturedItem[];
  /** The caller's own live registrations (a person, or their organisation's). */
  mine: MyRegistration[];
  /** Roles the caller may register in now (empty when registration is not open to them). */
  canRegisterAs: ParticipantRole[];
  /** Status actions the caller may take. */
  actions: ActivityAction[];
  /** The caller organises it (registrations, check-in, meetings, outcomes). */
  manage: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface ActivityPage {
  items: ActivitySummary[];
  total: number;
  page: number;
  pageSize: number;
}

/** What GET /api/activities filters by. */
export interface ActivityFilters {
  kind?: ActivityKind;
  status?: ActivityStatus;
  /** Title, code or place. */
  q?: string;
  regionCode?: string;
  /** Only the caller's own. */
  mine?: 'true';
}

export interface ActivityQuery extends ActivityFilters {
  page: number;
  pageSize: number;
  /** YYYY-MM-DD (China): activities overlapping [from, to]. */
  from?: string;
  to?: string;
}

/** The list page's parameters (in the URL). */
export interface ActivityListParams extends ActivityFilters {
  page: number;
  pageSize: number;
  view?: 'calendar';
  /** YYYY-MM: the calendar's month. */
  month?: string;
}

/** POST /api/activities. */
export interface ActivityInput {
  kind: ActivityKind;
  title: string;
  description?: string;
  startsAt: string;
  endsAt: string;
  place?: string;
  regionCode: string;
  organisers: string[];
  capacity: number | null;
  needsApproval: boolean;
  registrationClosesAt: string | null;
  details: ActivityDetails;
  featured: string[];
}

/** PUT /api/activities/:id: everything but the kind, and the version it was read at. */
export type ActivityUpdate = Omit<ActivityInput, 'kind'> & { version: number };

export interface TransitionBody {
  action: ActivityAction;
  version: number;
  reason?: string;
}

/** POST …/registrations: a participant sends {role?}; organisers name the person. */
export interface RegisterBody {
  role?: ParticipantRole;
  talentId?: string;
  enterpriseId?: string;
  name?: string;
  organisationName?: string;
  mobile?: string;
  note?: string;
  invited?: boolean;
}

export interface RegistrationQuery {
  page: number;
  pageSize: number;
  status?: RegistrationStatus;
  role?: ParticipantRole;
  /** Name, organisation or the mobile's last digits. */
  q?: string;
  checkedIn?: 'true' | 'false';
}

export interface RegistrationPage {
  items: RegistrationView[];
  total: number;
  page: number;
  pageSize: number;
  counts: Counts;
}

export interface ImportResult {
  rows: number;
  confirmed: number;
  pending: number;
  waitlisted: number;
  /** Rows already registered: kept as they were. */
  duplicates: number;
  issues: { row: number; message: string }[];
}

export interface CheckInResult {
  /** False when the person had already checked in (reported, not counted twice). */
  counted: boolean;
  registration: RegistrationView;
  checkedIn: number;
}

export const MEETING_STATUSES = ['proposed', 'accepted', 'declined', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export type MeetingAction = 'accept' | 'decline' | 'cancel';

export interface MeetingView {
  id: string;
  enterprise: { registrationId: string; name: string };
  expert: { registrationId: string; name: string };
  demand: { id: string; code: string; title: string } | null;
  /** matching, operator, participant */
  source: string;
  score: number | null;
  reasons: string[];
  status: MeetingStatus;
  enterpriseAccepted: boolean;
  expertAccepted: boolean;
  declineReason: string | null;
  /** 0-based slot and 1-based table, once laid out. */
  slot: number | null;
  table: number | null;
  startsAt: string | null;
  endsAt: string | null;
  /** What the caller may do. */
  actions: MeetingAction[];
  version: number;
}

export interface MeetingsResult {
  items: MeetingView[];
  grid: MeetingGrid;
  /** Accepted meetings the last layout could not place. */
  unplaced: number;
}

export interface ProposeResult {
  added: number;
  enterprises: number;
  experts: number;
  withoutDemand: number;
}

export const APPLICATION_STATUSES = ['interested', 'interviewed', 'intent', 'hired', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** How far an application may move (work.ts NEXT). */
export const APPLICATION_NEXT: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  interested: ['interviewed', 'intent', 'hired', 'withdrawn'],
  interviewed: ['intent', 'hired', 'withdrawn'],
  intent: ['hired'],
  hired: [],
  withdrawn: [],
};

export interface PositionView {
  id: string;
  employer: { registrationId: string; name: string };
  title: string;
  headcount: number;
  requirements: string | null;
  salary: string | null;
  listItemId: string | null;
  applications: {
    id: string;
    applicant: { registrationId: string; name: string };
    status: ApplicationStatus;
    note: string | null;
  }[];
  intents: number;
  hired: number;
}

export interface PositionInput {
  employerRegistrationId: string;
  title: string;
  headcount: number;
  requirements?: string;
  salary?: string;
}

export interface OutcomeView {
  id: string;
  kind: OutcomeKind;
  count: number;
  amountYuan: number | null;
  note: string | null;
  listItem: { id: string; kind: string; code: string; title: string } | null;
  order: { id: string; code: string } | null;
  enterprise: { id: string; name: string } | null;
  talent: { id: string; name: string } | null;
  registration: { id: string; name: string } | null;
  createdAt: string;
}

export interface OutcomesResult {
  items: OutcomeView[];
  totals: { kind: OutcomeKind; count: number; amountYuan: number }[];
}

export interface OutcomeInput {
  kind: OutcomeKind;
  count: number;
  amountYuan?: number;
  note?: string;
  listItemId?: string;
  enterpriseId?: string;
  talentId?: string;
  registrationId?: string;
}

/** GET /api/activities/:id/participants: who is confirmed, public details only. */
export interface ParticipantsResult {
  items: {
    registrationId: string;
    role: ParticipantRole;
    name: string;
    organisationName: string | null;
    talentCode: string | null;
  }[];
}
