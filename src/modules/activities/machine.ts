/**
 * The life of an activity, and of a registration, as tables. Every change of
 * status goes through ActivitiesService, which checks these.
 *
 *   draft ──publish──▶ published ──close──▶ closed ──finish──▶ finished
 *                         ▲  └──────finish──────┘▲
 *                         └──────reopen─────────┘
 *   draft / published / closed ──cancel──▶ cancelled
 */
import { type Workflow, actionsFor as workflowActionsFor } from '../../platform/workflow.ts';

export const ACTIVITY_STATUSES = ['draft', 'published', 'closed', 'finished', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export const ACTIVITY_STATUS_NAMES: Record<ActivityStatus, { zh: string; en: string }> = {
  draft: { zh: '筹备中', en: 'Draft' },
  published: { zh: '报名中', en: 'Open for registration' },
  closed: { zh: '报名截止', en: 'Registration closed' },
  finished: { zh: '已结束', en: 'Finished' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

/** Who takes an action on an activity: those who manage it (its organiser, an operator of its region). */
export type ActivityParty = 'manager';

export const ACTIVITY_TRANSITIONS = {
  publish: { from: ['draft'], to: 'published', by: ['manager'] },
  close: { from: ['published'], to: 'closed', by: ['manager'] },
  reopen: { from: ['closed'], to: 'published', by: ['manager'] },
  finish: { from: ['published', 'closed'], to: 'finished', by: ['manager'] },
  cancel: { from: ['draft', 'published', 'closed'], to: 'cancelled', by: ['manager'], reason: true },
} as const satisfies Record<
  string,
  { from: readonly ActivityStatus[]; to: ActivityStatus; by: readonly ActivityParty[]; reason?: boolean }
>;
export type ActivityAction = keyof typeof ACTIVITY_TRANSITIONS;
export const ACTIVITY_ACTIONS = Object.keys(ACTIVITY_TRANSITIONS) as ActivityAction[];

export const ACTIVITY_ACTION_NAMES: Record<ActivityAction, { zh: string; en: string }> = {
  publish: { zh: '发布报名', en: 'publish' },
  close: { zh: '截止报名', en: 'close registration' },
  reopen: { zh: '重新开放报名', en: 'reopen registration' },
  finish: { zh: '结束活动', en: 'finish' },
  cancel: { zh: '取消活动', en: 'cancel' },
};

/** The activity workflow for platform/workflow: the table and the names of its statuses and actions. */
export const ACTIVITY_WORKFLOW: Workflow<ActivityStatus, ActivityAction, ActivityParty> = {
  transitions: ACTIVITY_TRANSITIONS,
  statusNames: ACTIVITY_STATUS_NAMES,
  actionNames: ACTIVITY_ACTION_NAMES,
};

/** The actions a manager may take on an activity in this status (buttons in the web). */
export function activityActionsFor(status: ActivityStatus): ActivityAction[] {
  return workflowActionsFor(ACTIVITY_WORKFLOW, status, ['manager']);
}

/**
 *   (register) ──▶ pending ──approve──▶ confirmed / waitlisted (when full)
 *   (register) ──▶ confirmed, or waitlisted when full (no approval needed)
 *   waitlisted ──(a seat frees)──▶ confirmed
 *   pending / waitlisted ──reject──▶ rejected
 *   pending / confirmed / waitlisted ──cancel──▶ cancelled
 */
export const REGISTRATION_STATUSES = ['pending', 'confirmed', 'waitlisted', 'rejected', 'cancelled'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export const REGISTRATION_STATUS_NAMES: Record<RegistrationStatus, { zh: string; en: string }> = {
  pending: { zh: '待审核', en: 'Pending approval' },
  confirmed: { zh: '报名成功', en: 'Confirmed' },
  waitlisted: { zh: '候补', en: 'Waiting list' },
  rejected: { zh: '未通过', en: 'Rejected' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

/** The statuses of a live registration (one per identity and activity). */
export const LIVE_REGISTRATION: readonly RegistrationStatus[] = ['pending', 'confirmed', 'waitlisted'];
