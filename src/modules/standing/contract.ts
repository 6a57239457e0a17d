import { z } from 'zod';
import { calendarDate, pageQuery, recordVersion } from '../../platform/auth/contract.ts';
import {
  CARE_OCCASIONS,
  CONTACT_MODES,
  OCCURRENCE_STATES,
  OVERVIEW_SORTS,
  PERIODS,
  RECORD_KINDS,
  SERVICE_KINDS,
  SESSION_KINDS,
  SUBJECTS,
  TEAM_SESSION_KINDS,
  type TeamSessionKind,
} from './constants.ts';

export const cadenceEntry = z.strictObject({
  period: z.enum(PERIODS),
  /** How many sessions each period holds; 0 plans none. */
  count: z.number().int().min(0).max(7),
});

export const cadence = z.strictObject(
  Object.fromEntries(TEAM_SESSION_KINDS.map((k) => [k, cadenceEntry])) as Record<
    TeamSessionKind,
    typeof cadenceEntry
  >,
);

/** A plan's year in a path or query. */
export const planYearParam = z.coerce.number().int().min(2000).max(2100);

/** A team's plan for a year: create it (no version) or change it (the version it was read at). */
export const planInput = z.strictObject({
  cadence,
  services: z.partialRecord(z.enum(SERVICE_KINDS), z.string().trim().max(500)).default({}),
  goal: z.string().trim().max(1000).optional(),
  milestones: z
    .array(
      z.strictObject({ year: z.number().int().min(2000).max(2100), text: z.string().trim().min(1).max(300) }),
    )
    .max(10)
    .default([]),
  /** The first day sessions are planned from when the plan is made (default: today, or 1 January of a later year). */
  from: calendarDate.optional(),
  version: recordVersion.optional(),
});
export type PlanInput = z.infer<typeof planInput>;

export const recordRef = z.object({
  kind: z.enum(RECORD_KINDS),
  activityId: z.string().uuid().nullable(),
  activityCode: z.string().nullable(),
  activityTitle: z.string().nullable(),
  visitId: z.string().uuid().nullable(),
  visitSummary: z.string().nullable(),
  files: z.number().int(),
  doneOn: z.string(),
  recordedByName: z.string().nullable(),
  recordedAt: z.string().nullable(),
});

export const occurrenceView = z.object({
  id: z.string().uuid(),
  /** A team's session, a commissioner's visit to an enterprise, or a contact duty's contact. */
  subject: z.enum(SUBJECTS),
  teamId: z.string().uuid().nullable(),
  teamName: z.string().nullable(),
  pairingId: z.string().uuid().nullable(),
  dutyId: z.string().uuid().nullable(),
  /** The commissioner, or the duty's assignee. */
  personName: z.string().nullable(),
  /** The enterprise served, or the talent a duty keeps in touch with. */
  counterpartName: z.string().nullable(),
  enterpriseId: z.string().uuid().nullable(),
  /** The commissioner's registry record (a commissioner's visit), for a link to their portfolio. */
  commissionerId: z.string().uuid().nullable(),
  /** Whose it is, as one line: the team's name, 张三 → 某公司, 李四 联系 王五. */
  subjectLabel: z.string(),
  regionCode: z.string(),
  kind: z.enum(SESSION_KINDS),
  occasion: z.enum(CARE_OCCASIONS).nullable(),
  period: z.enum(PERIODS),
  periodStart: z.string(),
  periodEnd: z.string(),
  /** 第12周 / 3月 / 第一季度 / 上半年 / 2026年, in the caller's language. */
  periodLabel: z.string(),
  seq: z.number().int(),
  dueOn: z.string(),
  state: z.enum(OCCURRENCE_STATES),
  /** Whether the caller may record it (a member of the team, or the region's operator). */
  canRecord: z.boolean(),
  record: recordRef.nullable(),
  version: z.number().int(),
});
export type OccurrenceView = z.infer<typeof occurrenceView>;

export const tally = z.object({
  planned: z.number().int(),
  done: z.number().int(),
  overdue: z.number().int(),
  due: z.number().int(),
});
export type Tally = z.infer<typeof tally>;

export const planView = z.object({
  /** Null while the team has no plan for the year (the defaults are shown to start from). */
  id: z.string().uuid().nullable(),
  teamId: z.string().uuid(),
  year: z.number().int(),
  cadence,
  services: z.partialRecord(z.enum(SERVICE_KINDS), z.string()),
  goal: z.string().nullable(),
  milestones: z.array(z.object({ year: z.number().int(), text: z.string() })),
  /** Whether the official holiday schedule of the year is known (otherwise weekends only). */
  calendarKnown: z.boolean(),
  today: z.string(),
  occurrences: z.array(occurrenceView),
  byKind: z.record(z.string(), tally),
  /** Per month, January first: sessions due that month and what became of them. */
  byMonth: z.array(tally),
  version: z.number().int().nullable(),
});
export type PlanView = z.infer<typeof planView>;

const visitInput = z.strictObject({
  /** The day of the visit (China date); today by the platform's clock when left out. */
  visitedOn: calendarDate.optional(),
  /** How the contact was made (on site by default). */
  mode: z.enum(CONTACT_MODES).optional(),
  enterpriseId: z.string().uuid().optional(),
  place: z.string().trim().max(200).optional(),
  people: z.string().trim().max(500).optional(),
  summary: z.string().trim().min(2).max(5000),
  /** 发现的问题与需求: what the enterprise said. */
  findings: z.string().trim().max(5000).optional(),
});

/** Recording a session: the activity it became, or the visit log written now. */
export const recordInput = z.union([
  z.strictObject({ activityId: z.string().uuid() }),
  z.strictObject({ visit: visitInput }),
]);
export type RecordInput = z.infer<typeof recordInput>;

/** 撤销登记: an operator takes back a wrong record, saying why; the session is open again. */
export const unrecordInput = z.strictObject({
  reason: z.string().trim().min(2).max(500),
  version: recordVersion,
});
export type UnrecordInput = z.infer<typeof unrecordInput>;

export const occurrencesQuery = z.strictObject({
  ...pageQuery,
  subject: z.enum(SUBJECTS).optional(),
  teamId: z.string().uuid().optional(),
  pairingId: z.string().uuid().optional(),
  dutyId: z.string().uuid().optional(),
  kind: z.enum(SESSION_KINDS).optional(),
  state: z.enum(OCCURRENCE_STATES).optional(),
  /** Only what the caller answers for: the teams they serve in, their terms, their duties. */
  mine: z.enum(['true', 'false']).optional(),
  from: calendarDate.optional(),
  to: calendarDate.optional(),
});

export const occurrencePage = z.object({
  items: z.array(occurrenceView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** The platform's China date the states were decided on (a form's "not after today"). */
  today: z.string(),
});

export const overviewQuery = z.strictObject({ year: planYearParam.optional() });

const subjectSummary = z.object({
  /** How many teams, commissioners (with a term in the year) or assignees (of duties running in it). */
  owners: z.number().int(),
  total: tally,
  byMonth: z.array(tally),
  /** Done out of those due by today, as a whole percentage; null when nothing was due yet. */
  fulfilment: z.number().int().nullable(),
});

/** 常态化服务总览: the region's year, per subject and in all, month by month. */
export const overviewView = z.object({
  year: z.number().int(),
  today: z.string(),
  subjects: z.object({ team: subjectSummary, commission: subjectSummary, duty: subjectSummary }),
  total: tally,
  byMonth: z.array(tally),
  fulfilment: z.number().int().nullable(),
});
export type OverviewView = z.infer<typeof overviewView>;

export const overviewRowsQuery = z.strictObject({
  year: planYearParam.optional(),
  subject: z.enum(SUBJECTS).default('team'),
  /** Part of the team's or person's name. */
  q: z.string().trim().max(64).optional(),
  /** The furthest behind first (default), the most overdue first, or by name. */
  sort: z.enum(OVERVIEW_SORTS).default('fulfilment'),
  ...pageQuery,
});

/** One team, commissioner or assignee in the office view, with its year month by month and what came of it. */
export const overviewRow = z.object({
  subject: z.enum(SUBJECTS),
  /** The team, the commissioner's registry record, or the assignee's account. */
  id: z.string().uuid(),
  name: z.string(),
  /** A team's region, county and leading industry; null for people. */
  regionName: z.string().nullable(),
  countyName: z.string().nullable(),
  industryName: z.string().nullable(),
  /** Whether a team has its plan for the year; null for people. */
  hasPlan: z.boolean().nullable(),
  /** The enterprises a commissioner served in the year; null for teams and assignees. */
  enterprises: z.number().int().nullable(),
  total: tally,
  byMonth: z.array(tally),
  fulfilment: z.number().int().nullable(),
  /** A team's outcomes in the year through its orders and sessions' activities, each once; null for people. */
  outcomes: z.object({ count: z.number().int(), amountYuan: z.number().nullable() }).nullable(),
  /** A commissioner's demands refined at visits in the year, and those the enterprise confirmed. */
  refined: z.object({ total: z.number().int(), confirmed: z.number().int() }).nullable(),
});
export type OverviewRow = z.infer<typeof overviewRow>;

export const overviewRowsView = z.object({
  year: z.number().int(),
  today: z.string(),
  items: z.array(overviewRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type OverviewRowsView = z.infer<typeof overviewRowsView>;

export const visitView = z.object({
  id: z.string().uuid(),
  teamId: z.string().uuid().nullable(),
  pairingId: z.string().uuid().nullable(),
  dutyId: z.string().uuid().nullable(),
  visitedOn: z.string(),
  mode: z.enum(CONTACT_MODES),
  enterpriseId: z.string().uuid().nullable(),
  talentId: z.string().uuid().nullable(),
  place: z.string().nullable(),
  people: z.string().nullable(),
  summary: z.string(),
  findings: z.string().nullable(),
  createdByName: z.string(),
  createdAt: z.string(),
  files: z.array(
    z.object({ id: z.string().uuid(), name: z.string(), contentType: z.string(), size: z.number().int() }),
  ),
  /** 凝练需求: the demands refined from this visit, drafts until the enterprise confirms them. */
  refinedDemands: z.array(refinedView()),
  /** Whether the caller may refine demands from it (the commissioner or the region's operator). */
  canRefine: z.boolean(),
});
export type VisitView = z.infer<typeof visitView>;

function refinedView() {
  return z.object({
    id: z.string().uuid(),
    code: z.string(),
    title: z.string(),
    /** The list item's status: 草稿 until the enterprise submits it. */
    status: z.string(),
  });
}

/** 凝练需求: a technical demand refined from what the enterprise said, entered as its draft. */
export const refineInput = z.strictObject({
  title: z.string().trim().min(4).max(200),
  description: z.string().trim().min(10).max(5000),
  keywords: z.array(z.string().trim().min(1).max(30)).max(10).default([]),
  deadline: calendarDate.optional(),
});
export type RefineInput = z.infer<typeof refineInput>;

export const fileView = z.object({
  id: z.string().uuid(),
  name: z.string(),
  contentType: z.string(),
  size: z.number().int(),
});
