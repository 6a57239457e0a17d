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
export const SESSION_KINDS = ['salon', 'visit', 'consultation', 'research', 'transfer'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export const SESSION_KIND_NAMES: Record<SessionKind, { zh: string; en: string }> = {
  salon: { zh: '微沙龙', en: 'Micro-salon' },
  visit: { zh: '团队走访', en: 'Team visit' },
  consultation: { zh: '深度会诊', en: 'In-depth consultation' },
  research: { zh: '研究课题', en: 'Research project' },
  transfer: { zh: '成果转化', en: 'Achievement transfer' },
};

/** How many of each session a period holds; a count of 0 plans none. */
export interface CadenceEntry {
  period: Period;
  count: number;
}
export type Cadence = Record<SessionKind, CadenceEntry>;

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
