/**
 * The service order workflow as a table (企业点单 → 派单 → 专家接单 → 服务 → 确认).
 * Every status change goes through OrdersService.transition, which checks
 * this table: the action must start from the order's status, and the caller
 * must be one of the parties allowed to take it.
 *
 *   placed ──dispatch──▶ dispatched ──accept──▶ accepted ──start──▶ in_service
 *     ▲  ▲                  │  │ └─redispatch (institution to its experts; operator re-targets)
 *     │  └─decline / timeout┘  │                                   │ finish (with outcomes)
 *     │                        ▼                                   ▼
 *     └──────── cancel ──▶ cancelled         awaiting_confirmation ──confirm (rating)──▶ closed
 *                                                 └─reopen──▶ in_service
 */
import {
  actionsFor,
  decide as decideWorkflow,
  type Refusal,
  type Verdict,
  type Workflow,
  type WorkflowTransition,
} from '../../platform/workflow.ts';

export const ORDER_STATUSES = [
  'placed',
  'dispatched',
  'accepted',
  'in_service',
  'awaiting_confirmation',
  'closed',
  'cancelled',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_STATUS_NAMES: Record<OrderStatus, { zh: string; en: string }> = {
  placed: { zh: '待派单', en: 'Placed' },
  dispatched: { zh: '已派单', en: 'Dispatched' },
  accepted: { zh: '已接单', en: 'Accepted' },
  in_service: { zh: '服务中', en: 'In service' },
  awaiting_confirmation: { zh: '待确认', en: 'Awaiting confirmation' },
  closed: { zh: '已办结', en: 'Closed' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

/**
 * Who takes an action on an order: the enterprise that placed it, an operator
 * of its region, the institution it was dispatched to, an expert it was
 * offered to (or who accepted it), or the system (deadlines).
 */
export type OrderParty = 'enterprise' | 'operator' | 'institution' | 'offered' | 'assignee' | 'system';

/** One row of the table; `reason`: the action needs one (a decline, a cancellation, a reopening). */
export type OrderTransition = WorkflowTransition<OrderStatus, OrderParty>;

export const ORDER_TRANSITIONS = {
  dispatch: { from: ['placed'], to: 'dispatched', by: ['operator', 'institution'] },
  redispatch: { from: ['dispatched'], to: 'dispatched', by: ['operator', 'institution'] },
  accept: { from: ['dispatched'], to: 'accepted', by: ['offered'] },
  /** The last open offer declined: the order goes back to the queue (earlier offers stay in the history). */
  decline: { from: ['dispatched'], to: 'placed', by: ['offered'], reason: true },
  timeout: { from: ['dispatched'], to: 'placed', by: ['system'] },
  start: { from: ['accepted'], to: 'in_service', by: ['assignee', 'operator'] },
  finish: { from: ['in_service'], to: 'awaiting_confirmation', by: ['assignee', 'operator'] },
  confirm: { from: ['awaiting_confirmation'], to: 'closed', by: ['enterprise', 'operator'] },
  reopen: { from: ['awaiting_confirmation'], to: 'in_service', by: ['enterprise'], reason: true },
  cancel: {
    from: ['placed', 'dispatched', 'accepted'],
    to: 'cancelled',
    by: ['enterprise', 'operator'],
    reason: true,
  },
} as const satisfies Record<string, OrderTransition>;

export type OrderAction = keyof typeof ORDER_TRANSITIONS;
export const ORDER_ACTIONS = Object.keys(ORDER_TRANSITIONS) as OrderAction[];

export const ORDER_ACTION_NAMES: Record<OrderAction, { zh: string; en: string }> = {
  dispatch: { zh: '派单', en: 'dispatch' },
  redispatch: { zh: '改派', en: 'redispatch' },
  accept: { zh: '接单', en: 'accept' },
  decline: { zh: '拒单', en: 'decline' },
  timeout: { zh: '超时退回', en: 'time out' },
  start: { zh: '开始服务', en: 'start' },
  finish: { zh: '服务完成', en: 'finish' },
  confirm: { zh: '确认办结', en: 'confirm' },
  reopen: { zh: '退回继续服务', en: 'reopen' },
  cancel: { zh: '取消', en: 'cancel' },
};

/** The order workflow for platform/workflow: the table and the names of its statuses and actions. */
export const ORDER_WORKFLOW: Workflow<OrderStatus, OrderAction, OrderParty> = {
  transitions: ORDER_TRANSITIONS,
  statusNames: ORDER_STATUS_NAMES,
  actionNames: ORDER_ACTION_NAMES,
};

export type { Refusal };

/** The table's verdict on one action: the next status, or why not. */
export function decide(
  status: OrderStatus,
  action: OrderAction,
  parties: readonly OrderParty[],
  reason?: string,
): Verdict<OrderStatus> {
  return decideWorkflow(ORDER_WORKFLOW, status, action, parties, reason);
}

/** The actions the parties may take now (buttons in the web; the system's own are left out). */
export function orderActionsFor(status: OrderStatus, parties: readonly OrderParty[]): OrderAction[] {
  return actionsFor(ORDER_WORKFLOW, status, parties, ['system']);
}
