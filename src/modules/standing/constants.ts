/**
 * 常态化服务: the standing cadence of an assistance team (the "1346" plan)
 * and its code values that the web shows too. Pure data: the web bundles
 * this file.
 */

/** The periods a cadence counts in. A week runs Monday to Sunday, cut at the year's ends. */
export const PERIODS = ['week', 'month', 'quarter', 'half', 'year'] as const;
export type Period = (typeof PERIODS)[number];

export const PERIOD_NAMES: Record<Period, { zh: string; en: string }> = {
  week: { zh: '每周', en: 'Weekly' },
  month: { zh: '每月', en: 'Monthly' },
  quarter: { zh: '每季度', en: 'Quarterly' },
  half: { zh: '每半年', en: 'Half-yearly' },
  year: { zh: '每年', en: 'Yearly' },
};

/**
 * The six-step cadence's planned sessions (the sixth step, the three-year
 * industry goal, is the plan's goal and milestones, not a session).
 */
export const TEAM_SESSION_KINDS = ['salon', 'visit', 'consultation', 'research', 'transfer'] as const;
export type TeamSessionKind = (typeof TEAM_SESSION_KINDS)[number];

/**
 * Every kind of planned occurrence on the one calendar: a team's sessions,
 * a commissioner's visit to an enterprise of the portfolio (走访企业), a
 * contact duty's contact (联系服务) and its care visits (关怀走访: 5·30 and
 * before the holidays).
 */
export const SESSION_KINDS = [...TEAM_SESSION_KINDS, 'commission_visit', 'contact', 'care'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

/** Whose an occurrence is: a team's plan, a commissioner's term with one enterprise, or a contact duty. */
export const SUBJECTS = ['team', 'commission', 'duty'] as const;
export type Subject = (typeof SUBJECTS)[number];

export const SUBJECT_NAMES: Record<Subject, { zh: string; en: string }> = {
  team: { zh: '人才帮扶团', en: 'Assistance team' },
  commission: { zh: '科技特派员', en: 'Tech commissioner' },
  duty: { zh: '联系服务', en: 'Contact duty' },
};

export const SESSION_KIND_NAMES: Record<SessionKind, { zh: string; en: string }> = {
  salon: { zh: '微沙龙', en: 'Micro-salon' },
  visit: { zh: '团队走访', en: 'Team visit' },
  consultation: { zh: '深度会诊', en: 'In-depth consultation' },
  research: { zh: '研究课题', en: 'Research project' },
  transfer: { zh: '成果转化', en: 'Achievement transfer' },
  commission_visit: { zh: '走访企业', en: 'Enterprise visit' },
  contact: { zh: '联系服务', en: 'Contact' },
  care: { zh: '关怀走访', en: 'Care visit' },
};

/** How many of each session a period holds; a count of 0 plans none. */
export interface CadenceEntry {
  period: Period;
  count: number;
}
export type Cadence = Record<TeamSessionKind, CadenceEntry>;

/** The "1346" plan's cadence unless a team is set otherwise. */
export const DEFAULT_CADENCE: Cadence = {
  salon: { period: 'week', count: 1 },
  visit: { period: 'month', count: 1 },
  consultation: { period: 'quarter', count: 1 },
  research: { period: 'half', count: 1 },
  transfer: { period: 'year', count: 1 },
};

/**
 * What makes a session done: an activity (with its registrations, check-in
 * and outcomes) or a visit log (with its files and findings). Which a kind
 * accepts is fixed here.
 */
export const RECORD_KINDS = ['activity', 'visit'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const SESSION_RECORDS: Record<SessionKind, readonly RecordKind[]> = {
  salon: ['activity'],
  visit: ['visit'],
  consultation: ['activity', 'visit'],
  research: ['visit', 'activity'],
  transfer: ['activity', 'visit'],
  commission_visit: ['visit'],
  contact: ['visit'],
  care: ['visit'],
};

/** The four kinds of service of the "1346" plan, each a line of what the team will do. */
export const SERVICE_KINDS = ['direction', 'research', 'support', 'links'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

export const SERVICE_KIND_NAMES: Record<ServiceKind, { zh: string; en: string }> = {
  direction: { zh: '产业发展方向把脉', en: 'Industry direction' },
  research: { zh: '科研供给', en: 'Research supply' },
  support: { zh: '人才与技术支撑', en: 'Talent and technology support' },
  links: { zh: '校地合作对接', en: 'Links to universities' },
};

/**
 * Where an occurrence stands, decided from its record and the platform's
 * China date: done (its record exists), overdue (its day has passed), due
 * (within the next seven days) or planned.
 */
export const OCCURRENCE_STATES = ['done', 'overdue', 'due', 'planned'] as const;
export type OccurrenceState = (typeof OCCURRENCE_STATES)[number];

export const OCCURRENCE_STATE_NAMES: Record<OccurrenceState, { zh: string; en: string }> = {
  done: { zh: '已完成', en: 'Done' },
  overdue: { zh: '已逾期', en: 'Overdue' },
  due: { zh: '即将到期', en: 'Due soon' },
  planned: { zh: '计划中', en: 'Planned' },
};

/** How many days ahead an occurrence counts as due, and its responsible people are reminded. */
export const DUE_WITHIN_DAYS = 7;
export const REMIND_WORKING_DAYS = 3;

/** January to December, for tallies per month. */
export const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

// ---------- tech commissioners (科技特派员) ----------

/** A pairing round: a main round, or a make-up round for the enterprises a round left over. */
export const ROUND_KINDS = ['main', 'makeup'] as const;
export type RoundKind = (typeof ROUND_KINDS)[number];

/**
 * open: participants and their preferences are gathered; proposed: the
 * platform proposed pairs, which the operator may change; confirmed: the
 * pairs are terms, their visits planned. Proposing again while not
 * confirmed replaces the proposals.
 */
export const ROUND_STATUSES = ['open', 'proposed', 'confirmed'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

export const ROUND_STATUS_NAMES: Record<RoundStatus, { zh: string; en: string }> = {
  open: { zh: '征集意向', en: 'Gathering preferences' },
  proposed: { zh: '已生成建议', en: 'Pairs proposed' },
  confirmed: { zh: '已确认', en: 'Confirmed' },
};

/** The two sides of a round. */
export const ROUND_SIDES = ['enterprise', 'expert'] as const;
export type RoundSide = (typeof ROUND_SIDES)[number];

/** proposed (during a round) → confirmed (a term) → ended (its term over, or ended early with a reason). */
export const PAIRING_STATUSES = ['proposed', 'confirmed', 'ended'] as const;
export type PairingStatus = (typeof PAIRING_STATUSES)[number];

export const PAIRING_STATUS_NAMES: Record<PairingStatus, { zh: string; en: string }> = {
  proposed: { zh: '建议', en: 'Proposed' },
  confirmed: { zh: '服务中', en: 'In term' },
  ended: { zh: '已结束', en: 'Ended' },
};

/** Why an enterprise of a round was left without a commissioner. */
export const LEFT_REASONS = ['no_capacity', 'no_fit', 'served'] as const;
export type LeftReason = (typeof LEFT_REASONS)[number];

export const LEFT_REASON_NAMES: Record<LeftReason, { zh: string; en: string }> = {
  no_capacity: { zh: '专家名额已满', en: 'Every fitting expert’s portfolio is full' },
  no_fit: { zh: '没有合适的专家', en: 'No expert fits' },
  served: { zh: '已有科技特派员服务', en: 'Already served by a commissioner' },
};

/** How many enterprises a commissioner serves at most, unless the round says otherwise. */
export const DEFAULT_PORTFOLIO_LIMIT = 3;
/** A commissioner visits each enterprise of the portfolio once a month unless the round says otherwise. */
export const DEFAULT_VISIT_CADENCE: CadenceEntry = { period: 'month', count: 1 };
/** The longest term a round sets (years). */
export const MAX_TERM_YEARS = 3;

// ---------- contact duties (联系服务) ----------

/** Whom a contact duty keeps in touch with. */
export const DUTY_SUBJECTS = ['talent', 'enterprise'] as const;
export type DutySubject = (typeof DUTY_SUBJECTS)[number];

/** One contact a quarter unless the duty says otherwise. */
export const DEFAULT_CONTACT_CADENCE: CadenceEntry = { period: 'quarter', count: 1 };

/**
 * 关怀走访: the care visits of a contact duty — on 全国科技工作者日 (30 May)
 * and before the Spring Festival and the Mid-Autumn Festival — each due on
 * the last working day before the day (the holidays' from the working-day
 * calendar; a year it does not know yet plans 5·30 only).
 */
export const CARE_OCCASIONS = ['workers_day', 'spring_festival', 'mid_autumn'] as const;
export type CareOccasion = (typeof CARE_OCCASIONS)[number];

export const CARE_OCCASION_NAMES: Record<CareOccasion, { zh: string; en: string }> = {
  workers_day: { zh: '5·30科技工作者日', en: 'Tech Workers’ Day (30 May)' },
  spring_festival: { zh: '春节前', en: 'Before the Spring Festival' },
  mid_autumn: { zh: '中秋节前', en: 'Before the Mid-Autumn Festival' },
};

/** How a contact was made. */
export const CONTACT_MODES = ['onsite', 'phone', 'video', 'meeting'] as const;
export type ContactMode = (typeof CONTACT_MODES)[number];

export const CONTACT_MODE_NAMES: Record<ContactMode, { zh: string; en: string }> = {
  onsite: { zh: '上门走访', en: 'On site' },
  phone: { zh: '电话联系', en: 'Phone' },
  video: { zh: '视频联系', en: 'Video call' },
  meeting: { zh: '座谈会', en: 'Meeting' },
};

/** What the office view's rows are ordered by: the furthest behind first, the most overdue first, or by name. */
export const OVERVIEW_SORTS = ['fulfilment', 'overdue', 'name'] as const;
export type OverviewSort = (typeof OVERVIEW_SORTS)[number];
