/**
 * The life of a list item as a table: which action moves it from which
 * states to which, and who may take it. Every status change goes through
 * ListsService.transition, which checks this table.
 *
 *   draft ──submit──▶ submitted ──publish──▶ published ──start──▶ in_progress ──keepOpen─┐
 *     ▲                 │  │                    │  │                 │   ▲──────────────────┘
 *     └──withdraw/reject┘  │                    │  └──close / solve──┴──▶ closed
 *                          │                    └──expire (deadline)──────▶ expired
 *   closed / expired ──reopen──▶ published
 *
 * solve and keepOpen answer 「该需求是否已解决？」, which the enterprise is asked when
 * an order of its demand closes with an outcome (solvedAskedAt): 已解决 closes the
 * demand as solved; 尚未解决 keeps it open and is offered only while the question stands.
 */
import {
  type Workflow,
  type WorkflowTransition,
  actionsFor as workflowActionsFor,
} from '../../platform/workflow.ts';

export const STATUSES = ['draft', 'submitted', 'published', 'in_progress', 'closed', 'expired'] as const;
export type Status = (typeof STATUSES)[number];

/** The statuses anyone in the region may see; drafts and submissions are seen by their owner and operators. */
export const PUBLIC_STATUSES: readonly Status[] = ['published', 'in_progress', 'closed'];

/** The statuses matching suggests: open items. */
export const OPEN_STATUSES: readonly Status[] = ['published', 'in_progress'];

export const STATUS_NAMES: Record<Status, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '待审核', en: 'Submitted' },
  published: { zh: '已发布', en: 'Published' },
  in_progress: { zh: '对接中', en: 'In progress' },
  closed: { zh: '已关闭', en: 'Closed' },
  expired: { zh: '已过期', en: 'Expired' },
};

/** Who takes an action: the owner (the posting organisation or person), an operator (lists.manage), or the system. */
export type Party = 'owner' | 'operator' | 'system';

/** One row of the table; `reason`: the action needs one (shown to the owner). */
export type Transition = WorkflowTransition<Status, Party>;

export const TRANSITIONS = {
  submit: { from: ['draft'], to: 'submitted', by: ['owner', 'operator'] },
  withdraw: { from: ['submitted'], to: 'draft', by: ['owner', 'operator'] },
  reject: { from: ['submitted'], to: 'draft', by: ['operator'], reason: true },
  publish: { from: ['draft', 'submitted'], to: 'published', by: ['operator'] },
  start: { from: ['published'], to: 'in_progress', by: ['owner', 'operator'] },
  close: { from: ['published', 'in_progress'], to: 'closed', by: ['owner', 'operator'] },
  solve: { from: ['published', 'in_progress'], to: 'closed', by: ['owner', 'operator'] },
  keepOpen: { from: ['in_progress'], to: 'in_progress', by: ['owner'] },
  expire: { from: ['published'], to: 'expired', by: ['system'] },
  reopen: { from: ['closed', 'expired'], to: 'published', by: ['operator'] },
} as const satisfies Record<string, Transition>;

export type Action = keyof typeof TRANSITIONS;
export const ACTIONS = Object.keys(TRANSITIONS) as Action[];

export const ACTION_NAMES: Record<Action, { zh: string; en: string }> = {
  submit: { zh: '提交审核', en: 'submit' },
  withdraw: { zh: '撤回', en: 'withdraw' },
  reject: { zh: '退回', en: 'reject' },
  publish: { zh: '发布', en: 'publish' },
  start: { zh: '开始对接', en: 'start' },
  close: { zh: '关闭', en: 'close' },
  solve: { zh: '已解决', en: 'mark solved' },
  keepOpen: { zh: '尚未解决', en: 'not solved yet' },
  expire: { zh: '过期', en: 'expire' },
  reopen: { zh: '重新发布', en: 'reopen' },
};

/** The list workflow for platform/workflow: the table and the names of its statuses and actions. */
export const LIST_WORKFLOW: Workflow<Status, Action, Party> = {
  transitions: TRANSITIONS,
  statusNames: STATUS_NAMES,
  actionNames: ACTION_NAMES,
};

/** The actions a party may take on an item in this status (for buttons in the web). */
export function actionsFor(status: Status, parties: readonly Party[]): Action[] {
  return workflowActionsFor(LIST_WORKFLOW, status, parties);
}

/** Owners edit their drafts; operators edit anything not yet closed. */
export function editable(status: Status, parties: readonly Party[]): boolean {
  if (parties.includes('operator')) return status !== 'closed';
  return parties.includes('owner') && status === 'draft';
}
