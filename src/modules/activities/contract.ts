import { z } from 'zod';
import {
  calendarDate,
  mobile,
  pageQuery,
  recordVersion,
  regionCode,
  regionFilter,
} from '../../platform/auth/contract.ts';
import {
  ACTIVITY_KINDS,
  APPLICATION_STATUSES,
  CHECK_IN_METHODS,
  MAX_OUTCOME_PARTIES,
  MEETING_ACTIONS,
  MEETING_STATUSES,
  OUTCOME_KINDS,
  OUTCOME_PARTY_KINDS,
  REGISTRATION_ACTIONS,
  ROLES,
} from './constants.ts';
import { ACTIVITY_ACTIONS, ACTIVITY_STATUSES, REGISTRATION_STATUSES } from './machine.ts';

const text = (max: number) => z.string().trim().max(max);
const dateTime = z.string().datetime({ offset: true });

export const activityInput = z.strictObject({
  kind: z.enum(ACTIVITY_KINDS),
  title: z.string().trim().min(2).max(120),
  description: text(8000).optional(),
  startsAt: dateTime,
  endsAt: dateTime,
  place: text(200).optional(),
  regionCode,
  organisers: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
  /** Seats; absent for no limit. */
  capacity: z.number().int().min(1).max(100_000).nullable().optional(),
  needsApproval: z.boolean().default(false),
  registrationClosesAt: dateTime.nullable().optional(),
  /** Kind-specific settings (kinds.ts), e.g. the 1:1 meeting grid of a matchmaking meeting. */
  details: z.record(z.string(), z.unknown()).default({}),
  /** Demands, achievements or talent demands it features. */
  featured: z.array(z.string().uuid()).max(500).default([]),
});
export type ActivityInput = z.infer<typeof activityInput>;

export const activityUpdate = activityInput.omit({ kind: true }).extend({ version: recordVersion });
export type ActivityUpdate = z.infer<typeof activityUpdate>;

export const activityTransition = z.strictObject({
  action: z.enum(ACTIVITY_ACTIONS),
  version: recordVersion,
  reason: text(1000).optional(),
});

export const activitiesQuery = z.strictObject({
  ...pageQuery,
  kind: z.enum(ACTIVITY_KINDS).optional(),
  status: z.enum(ACTIVITY_STATUSES).optional(),
  /** Title, code or place (substring). */
  q: text(64).optional(),
  /** A province, city or county: '3305' or '330500' (regionFilter). */
  regionCode: regionFilter.optional(),
  /** Activities that overlap [from, to] (dates, China time), for the calendar. */
  from: calendarDate.optional(),
  to: calendarDate.optional(),
  /** Only activities the caller registered for. */
  mine: z.enum(['true', 'false']).optional(),
});
export type ActivitiesQuery = z.infer<typeof activitiesQuery>;

/** The activities the caller sees, with the list's filters, as one sheet (活动台账). */
export const activitiesExportQuery = activitiesQuery.omit({ page: true, pageSize: true }).extend({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
});
export type ActivitiesExportQuery = z.infer<typeof activitiesExportQuery>;

const counts = z.object({
  confirmed: z.number().int(),
  /** Confirmed and taking a seat: what the capacity is measured against. */
  seated: z.number().int(),
  pending: z.number().int(),
  waitlisted: z.number().int(),
  checkedIn: z.number().int(),
});

export const activitySummary = z.object({
  id: z.string().uuid(),
  code: z.string(),
  kind: z.enum(ACTIVITY_KINDS),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string().nullable(),
  regionCode: z.string(),
  capacity: z.number().int().nullable(),
  needsApproval: z.boolean(),
  registrationClosesAt: z.string().nullable(),
  status: z.enum(ACTIVITY_STATUSES),
  counts,
  version: z.number().int(),
});

const registrationView = z.object({
  id: z.string().uuid(),
  role: z.enum(ROLES),
  name: z.string(),
  organisationName: z.string().nullable(),
  /** Masked unless the caller may see personal data. */
  mobile: z.string().nullable(),
  talentId: z.string().nullable(),
  /** The expert's registry code (ZJ-0001), to tell namesakes apart. */
  talentCode: z.string().nullable(),
  enterpriseId: z.string().nullable(),
  institutionId: z.string().nullable(),
  source: z.string(),
  status: z.enum(REGISTRATION_STATUSES),
  seated: z.boolean(),
  /** 1-based place on the waiting list. */
  waitlistPosition: z.number().int().nullable(),
  note: z.string().nullable(),
  checkedInAt: z.string().nullable(),
  /** qr | code (the 签到码 typed at the desk) | search */
  checkInMethod: z.enum(CHECK_IN_METHODS).nullable(),
  /**
   * 签到码: 6–8 letters and digits the person reads out when the QR code will not scan.
   * For the organisers always; for the registrant once confirmed, like the QR code.
   */
  shortCode: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type RegistrationView = z.infer<typeof registrationView>;

export const myRegistrationView = registrationView.extend({
  /** What the QR code carries (shown on the attendee's phone); only for a confirmed registration. */
  checkInCode: z.string().nullable(),
});

export const activityView = activitySummary.extend({
  description: z.string().nullable(),
  organisers: z.array(z.string()),
  details: z.record(z.string(), z.unknown()),
  featured: z.array(
    z.object({ id: z.string(), kind: z.string(), code: z.string(), title: z.string(), status: z.string() }),
  ),
  /** The caller's own live registrations (a person, or their organisation's). */
  mine: z.array(myRegistrationView),
  /** Roles the caller may register in now (empty when registration is not open to them). */
  canRegisterAs: z.array(z.enum(ROLES)),
  /** Status actions the caller may take (operators). */
  actions: z.array(z.enum(ACTIVITY_ACTIONS)),
  /** It has ended by the platform's clock (a browser's may be off): whoever is added now came. */
  over: z.boolean(),
  manage: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ActivityView = z.infer<typeof activityView>;

export const activityPage = z.object({
  items: z.array(activitySummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/**
 * A registration: the caller registers themselves (or their organisation) in
 * a role; an operator registers anyone — an expert or an enterprise of the
 * registry, or a guest by name and mobile.
 */
export const registerRequest = z.strictObject({
  role: z.enum(ROLES).optional(),
  talentId: z.string().uuid().optional(),
  enterpriseId: z.string().uuid().optional(),
  institutionId: z.string().uuid().optional(),
  name: text(64).optional(),
  organisationName: text(128).optional(),
  mobile: mobile.optional(),
  note: text(500).optional(),
  /** Operators: invited (邀请) rather than registered by hand. */
  invited: z.boolean().optional(),
  /**
   * Organisers: the person came (出席), recorded at the door or after the activity was held:
   * registered and checked in, at the activity's start when it is already over.
   */
  attended: z.boolean().optional(),
});
export type RegisterRequest = z.infer<typeof registerRequest>;

export const registrationAction = z.strictObject({
  action: z.enum(REGISTRATION_ACTIONS),
  reason: text(500).optional(),
});

export const registrationsQuery = z.strictObject({
  ...pageQuery,
  status: z.enum(REGISTRATION_STATUSES).optional(),
  role: z.enum(ROLES).optional(),
  /** Name, organisation or the last digits of the mobile (check-in by search). */
  q: text(64).optional(),
  checkedIn: z.enum(['true', 'false']).optional(),
});

export const registrationPage = z.object({
  items: z.array(registrationView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  counts,
});

export const checkInRequest = z.union([
  z.strictObject({ code: z.string().trim().min(10).max(300) }),
  /** The 签到码 as staff typed it: any case, spaces and hyphens ignored. */
  z.strictObject({ shortCode: z.string().trim().min(1).max(20) }),
  z.strictObject({ registrationId: z.string().uuid() }),
]);

export const checkInResult = z.object({
  /** False when the person had already checked in (reported, not counted twice). */
  counted: z.boolean(),
  registration: registrationView,
  checkedIn: z.number().int(),
});

/** Who else is at a matchmaking meeting (confirmed), for a participant asking for a meeting: public details only. */
export const participantsView = z.object({
  items: z.array(
    z.object({
      registrationId: z.string().uuid(),
      role: z.enum(ROLES),
      name: z.string(),
      organisationName: z.string().nullable(),
      talentCode: z.string().nullable(),
    }),
  ),
});

export const meetingView = z.object({
  id: z.string().uuid(),
  enterprise: z.object({ registrationId: z.string(), name: z.string() }),
  expert: z.object({ registrationId: z.string(), name: z.string() }),
  demand: z.object({ id: z.string(), code: z.string(), title: z.string() }).nullable(),
  source: z.string(),
  score: z.number().nullable(),
  reasons: z.array(z.string()),
  status: z.enum(MEETING_STATUSES),
  enterpriseAccepted: z.boolean(),
  expertAccepted: z.boolean(),
  declineReason: z.string().nullable(),
  slot: z.number().int().nullable(),
  table: z.number().int().nullable(),
  /** The slot's start and end (ISO), once scheduled. */
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  /** What the caller may do: accept / decline (their side), cancel (operators). */
  actions: z.array(z.enum(MEETING_ACTIONS)),
  version: z.number().int(),
});
export type MeetingView = z.infer<typeof meetingView>;

export const meetingsResult = z.object({
  items: z.array(meetingView),
  grid: z.object({
    firstSlotAt: z.string(),
    slotMinutes: z.number().int(),
    slots: z.number().int(),
    tables: z.number().int(),
  }),
  /** Accepted meetings the last timetable run could not place. */
  unplaced: z.number().int(),
});

export const proposeRequest = z.strictObject({
  /** Suggestions per enterprise (best first). */
  perEnterprise: z.number().int().min(1).max(10).default(3),
});

/** What a proposal run added: meetings, for how many enterprises and experts, and how many without a demand. */
export const proposeResult = z.object({
  added: z.number().int(),
  enterprises: z.number().int(),
  experts: z.number().int(),
  withoutDemand: z.number().int(),
});

export const meetingRequest = z.strictObject({
  enterpriseRegistrationId: z.string().uuid(),
  expertRegistrationId: z.string().uuid(),
  demandId: z.string().uuid().optional(),
});

export const meetingAction = z.strictObject({
  action: z.enum(MEETING_ACTIONS),
  version: recordVersion,
  reason: text(500).optional(),
});

export const positionInput = z.strictObject({
  employerRegistrationId: z.string().uuid(),
  title: z.string().trim().min(1).max(100),
  headcount: z.number().int().min(1).max(10_000).default(1),
  requirements: text(2000).optional(),
  salary: text(100).optional(),
  listItemId: z.string().uuid().optional(),
});

export const applicationRequest = z.strictObject({
  /** Operators name the applicant; an applicant applies as themselves. */
  applicantRegistrationId: z.string().uuid().optional(),
  note: text(500).optional(),
});

export const applicationUpdate = z.strictObject({
  status: z.enum(APPLICATION_STATUSES),
  note: text(500).optional(),
});

export const positionsResult = z.object({
  items: z.array(
    z.object({
      id: z.string().uuid(),
      employer: z.object({ registrationId: z.string(), name: z.string() }),
      title: z.string(),
      headcount: z.number().int(),
      requirements: z.string().nullable(),
      salary: z.string().nullable(),
      listItemId: z.string().nullable(),
      applications: z.array(
        z.object({
          id: z.string().uuid(),
          applicant: z.object({ registrationId: z.string(), name: z.string() }),
          status: z.enum(APPLICATION_STATUSES),
          note: z.string().nullable(),
        }),
      ),
      /** Intents and hires so far, against the headcount. */
      intents: z.number().int(),
      hired: z.number().int(),
    }),
  ),
});

/** The records of one kind an outcome names as its parties (an agreement's signatories …). */
const partyIds = z.array(z.string().uuid()).max(MAX_OUTCOME_PARTIES).default([]);

export const outcomeInput = z.strictObject({
  kind: z.enum(OUTCOME_KINDS),
  count: z.number().int().min(1).max(1_000_000).default(1),
  amountYuan: z.number().min(0).max(1e12).multipleOf(0.01).optional(),
  note: text(1000).optional(),
  listItemId: z.string().uuid().optional(),
  orderId: z.string().uuid().optional(),
  /** Its parties: institutions (高校院所), enterprises and experts of the registry, as many as took part. */
  institutionIds: partyIds,
  enterpriseIds: partyIds,
  talentIds: partyIds,
  /** The registration it came from, when it did. */
  registrationId: z.string().uuid().optional(),
  /**
   * The China date it happened (an agreement signed): today or earlier (a later one is
   * ACTIVITY_OUTCOME_DATE_IN_FUTURE); without it, the activity's last day or today if that is to come.
   */
  happenedOn: calendarDate.optional(),
});
type OutcomeRequest = z.infer<typeof outcomeInput>;
type PartyField = 'institutionIds' | 'enterpriseIds' | 'talentIds';
/** An outcome as the service records it: parties left out are none. */
export type ActivityOutcomeInput = Omit<OutcomeRequest, PartyField> &
  Partial<Pick<OutcomeRequest, PartyField>>;

const outcomeParty = z.object({
  kind: z.enum(OUTCOME_PARTY_KINDS),
  id: z.string(),
  code: z.string(),
  name: z.string(),
});
export type OutcomeParty = z.infer<typeof outcomeParty>;

export const outcomesResult = z.object({
  items: z.array(
    z.object({
      id: z.string().uuid(),
      kind: z.enum(OUTCOME_KINDS),
      count: z.number().int(),
      amountYuan: z.number().nullable(),
      note: z.string().nullable(),
      listItem: z
        .object({ id: z.string(), kind: z.string(), code: z.string(), title: z.string() })
        .nullable(),
      order: z.object({ id: z.string(), code: z.string() }).nullable(),
      /** Institutions first, then enterprises, then experts, each in the order named. */
      parties: z.array(outcomeParty),
      registration: z.object({ id: z.string(), name: z.string() }).nullable(),
      /** The China date it happened (YYYY-MM-DD). */
      happenedOn: z.string(),
      createdAt: z.string(),
    }),
  ),
  /** Totals per kind: count and amount. */
  totals: z.array(z.object({ kind: z.enum(OUTCOME_KINDS), count: z.number().int(), amountYuan: z.number() })),
});
