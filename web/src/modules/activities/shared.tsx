import { Tag } from 'antd';
import {
  formatTime as chinaClock,
  formatDate as chinaDate,
  formatDateTime as chinaDateTime,
  chinaPickerValue,
  pickedChinaTime,
} from '../../app/format.ts';
import { type MessageKey, type Translate, useT } from '../../app/i18n.tsx';
import {
  ACTIVITY_KINDS,
  ACTIVITY_STATUS_NAMES,
  ACTIVITY_STATUSES,
  type ActivityAction,
  type ActivityKind,
  type ActivityStatus,
  type ActivitySummary,
  type ApplicationStatus,
  isActivityKind,
  isActivityStatus,
  type JobFairMode,
  KIND_SPECS,
  type MeetingStatus,
  OUTCOME_NAMES,
  type OutcomeKind,
  type ParticipantRole,
  REGISTRATION_STATUS_NAMES,
  type RegistrationStatus,
  type RegistrationView,
  ROLE_NAMES,
} from './types.ts';

// ---------- China time ----------
// Activities happen in China: their times are read and written as China time,
// whatever the browser's zone, as the server lays out meeting slots. The one
// formatter for the whole web is app/format.ts; these are its names here.

export { chinaClock, chinaDate, chinaDateTime, chinaPickerValue, pickedChinaTime };

/** 2026-12-10 13:30–17:30, or from one day to another. */
export function activityTime(t: Translate, activity: Pick<ActivitySummary, 'startsAt' | 'endsAt'>): string {
  const start = chinaDateTime(activity.startsAt);
  if (chinaDate(activity.startsAt) === chinaDate(activity.endsAt)) {
    return `${start}–${chinaClock(activity.endsAt)}`;
  }
  return t('activities.timeRange', { start, end: chinaDateTime(activity.endsAt) });
}

// ---------- names ----------

export const KIND_COLORS: Record<ActivityKind, string> = {
  matchmaking: 'blue',
  forum: 'purple',
  visit: 'cyan',
  job_fair: 'orange',
  study_tour: 'green',
  training: 'geekblue',
  care: 'magenta',
};

export function kindLabel(t: Translate, kind: string): string {
  return isActivityKind(kind) ? t(KIND_SPECS[kind].name) : kind;
}

export function kindOptions(t: Translate): { value: ActivityKind; label: string }[] {
  return ACTIVITY_KINDS.map((kind) => ({ value: kind, label: kindLabel(t, kind) }));
}

/** 项目对接会, 招聘会 … in their colours. */
export function KindTag({ kind }: { kind: string }) {
  const t = useT();
  return (
    <Tag
      color={isActivityKind(kind) ? KIND_COLORS[kind] : 'default'}
      style={{ marginInlineEnd: 0 }}
      data-testid="activity-kind"
    >
      {kindLabel(t, kind)}
    </Tag>
  );
}

const STATUS_COLORS: Record<ActivityStatus, string> = {
  draft: 'default',
  published: 'green',
  closed: 'orange',
  finished: 'blue',
  cancelled: 'red',
};

export function statusLabel(t: Translate, status: string): string {
  return isActivityStatus(status) ? t(ACTIVITY_STATUS_NAMES[status]) : status;
}

export function statusOptions(t: Translate): { value: ActivityStatus; label: string }[] {
  return ACTIVITY_STATUSES.map((status) => ({ value: status, label: statusLabel(t, status) }));
}

/** 筹备中, 报名中, 报名截止, 已结束, 已取消 in their colours. */
export function ActivityStatusTag({ status }: { status: string }) {
  const t = useT();
  return (
    <Tag
      color={isActivityStatus(status) ? STATUS_COLORS[status] : 'default'}
      style={{ marginInlineEnd: 0 }}
      data-testid="activity-status"
    >
      {statusLabel(t, status)}
    </Tag>
  );
}

const ACTION_KEYS: Record<ActivityAction, MessageKey> = {
  publish: 'activities.action.publish',
  close: 'activities.action.close',
  reopen: 'activities.action.reopen',
  finish: 'activities.action.finish',
  cancel: 'activities.action.cancel',
};

export function actionLabel(t: Translate, action: ActivityAction): string {
  return t(ACTION_KEYS[action]);
}

export function roleLabel(t: Translate, role: string): string {
  const name = ROLE_NAMES[role as ParticipantRole];
  return name ? t(name) : role;
}

export function roleOptions(t: Translate, roles: readonly ParticipantRole[]) {
  return roles.map((role) => ({ value: role, label: roleLabel(t, role) }));
}

const REGISTRATION_COLORS: Record<RegistrationStatus, string> = {
  pending: 'gold',
  confirmed: 'green',
  waitlisted: 'orange',
  rejected: 'red',
  cancelled: 'default',
};

export function registrationStatusLabel(t: Translate, status: string): string {
  const name = REGISTRATION_STATUS_NAMES[status as RegistrationStatus];
  return name ? t(name) : status;
}

/** 待审核, 报名成功, 候补 (with the place on the list), 未通过, 已取消. */
export function RegistrationStatusTag({
  registration,
}: {
  registration: Pick<RegistrationView, 'status' | 'waitlistPosition'>;
}) {
  const t = useT();
  const { status, waitlistPosition } = registration;
  return (
    <Tag
      color={REGISTRATION_COLORS[status] ?? 'default'}
      style={{ marginInlineEnd: 0 }}
      data-testid="registration-status"
    >
      {status === 'waitlisted' && waitlistPosition !== null
        ? t('activities.registration.waitlistedAt', { position: waitlistPosition })
        : registrationStatusLabel(t, status)}
    </Tag>
  );
}

const SOURCE_KEYS: Record<string, MessageKey> = {
  self: 'activities.source.self',
  invited: 'activities.source.invited',
  imported: 'activities.source.imported',
  operator: 'activities.source.operator',
};

export function sourceLabel(t: Translate, source: string): string {
  const key = SOURCE_KEYS[source];
  return key ? t(key) : source;
}

const MEETING_KEYS: Record<MeetingStatus, MessageKey> = {
  proposed: 'activities.meeting.status.proposed',
  accepted: 'activities.meeting.status.accepted',
  declined: 'activities.meeting.status.declined',
  cancelled: 'activities.meeting.status.cancelled',
};

const MEETING_COLORS: Record<MeetingStatus, string> = {
  proposed: 'blue',
  accepted: 'green',
  declined: 'red',
  cancelled: 'default',
};

/** 待确认, 已确认, 已谢绝, 已取消. */
export function MeetingStatusTag({ status }: { status: MeetingStatus }) {
  const t = useT();
  return (
    <Tag color={MEETING_COLORS[status]} style={{ marginInlineEnd: 0 }} data-testid="meeting-status">
      {t(MEETING_KEYS[status])}
    </Tag>
  );
}

const MEETING_SOURCE_KEYS: Record<string, MessageKey> = {
  matching: 'activities.meeting.source.matching',
  operator: 'activities.meeting.source.operator',
  participant: 'activities.meeting.source.participant',
};

export function meetingSourceLabel(t: Translate, source: string): string {
  const key = MEETING_SOURCE_KEYS[source];
  return key ? t(key) : source;
}

const APPLICATION_KEYS: Record<ApplicationStatus, MessageKey> = {
  interested: 'activities.application.interested',
  interviewed: 'activities.application.interviewed',
  intent: 'activities.application.intent',
  hired: 'activities.application.hired',
  withdrawn: 'activities.application.withdrawn',
};

const APPLICATION_COLORS: Record<ApplicationStatus, string> = {
  interested: 'blue',
  interviewed: 'cyan',
  intent: 'gold',
  hired: 'green',
  withdrawn: 'default',
};

export function applicationLabel(t: Translate, status: ApplicationStatus): string {
  return t(APPLICATION_KEYS[status]);
}

export function ApplicationStatusTag({ status }: { status: ApplicationStatus }) {
  const t = useT();
  return (
    <Tag color={APPLICATION_COLORS[status]} style={{ marginInlineEnd: 0 }} data-testid="application-status">
      {applicationLabel(t, status)}
    </Tag>
  );
}

/** The outcomes' units in both languages (the server's OUTCOME_NAMES carry the Chinese one). */
const OUTCOME_UNIT_KEYS: Record<OutcomeKind, MessageKey> = {
  contact: 'activities.unit.times',
  agreement: 'activities.unit.items',
  hire_intent: 'activities.unit.people',
  hired: 'activities.unit.people',
  trained: 'activities.unit.personTimes',
  served: 'activities.unit.personTimes',
  other: 'activities.unit.items',
};

export function outcomeLabel(t: Translate, kind: OutcomeKind): string {
  return t(OUTCOME_NAMES[kind]);
}

/** 次, 项, 人, 人次. */
export function outcomeUnit(t: Translate, kind: OutcomeKind): string {
  return t(OUTCOME_UNIT_KEYS[kind]);
}

const MODE_KEYS: Record<JobFairMode, MessageKey> = {
  offline: 'activities.mode.offline',
  online: 'activities.mode.online',
  hybrid: 'activities.mode.hybrid',
};

export function modeLabel(t: Translate, mode: string): string {
  const key = MODE_KEYS[mode as JobFairMode];
  return key ? t(key) : mode;
}

/** A registration as a select option reads: 陈志远 · 浙北理工学院 (专家). */
export function registrationLabel(t: Translate, registration: RegistrationView): string {
  const who =
    registration.organisationName && registration.organisationName !== registration.name
      ? `${registration.name} · ${registration.organisationName}`
      : registration.name;
  const code = registration.talentCode ? ` ${registration.talentCode}` : '';
  return `${who}${code}（${roleLabel(t, registration.role)}）`;
}

/** The 签到码 grouped for reading out: 7KQ-M4P (6), 7KQM-4P2 (7), 7KQM-4P2X (8). */
export function groupShortCode(code: string): string {
  const cut = code.length > 6 ? 4 : 3;
  return `${code.slice(0, cut)}-${code.slice(cut)}`;
}
