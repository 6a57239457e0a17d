/**
 * The orders module's code values and their names that the web shares (the
 * statuses and actions are in machine.ts). Pure data: the web bundles this file.
 */

/** 服务成效: what came of a service, recorded when it is finished. */
export const OUTCOME_KINDS = ['agreement', 'solved', 'transfer', 'talent', 'none'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

export const OUTCOME_NAMES: Record<OutcomeKind, { zh: string; en: string }> = {
  agreement: { zh: '签订合作协议', en: 'Cooperation agreement' },
  solved: { zh: '解决技术难题', en: 'Technical problem solved' },
  transfer: { zh: '成果转化', en: 'Achievement transferred' },
  talent: { zh: '引进人才', en: 'Talent introduced' },
  none: { zh: '无明显成效', en: 'No clear outcome' },
};

/** The outcomes that carry an amount in yuan (合作协议, 成果转化). */
export const OUTCOMES_WITH_AMOUNT: readonly OutcomeKind[] = ['agreement', 'transfer'];

/**
 * The steps of the order funnel (数据看板): every order placed, those dispatched
 * at least once, accepted at least once, closed, closed with an outcome, and
 * cancelled. repository.ts FUNNEL_STAGES holds each step's condition.
 */
export const FUNNEL_STAGE_KEYS = [
  'placed',
  'dispatched',
  'accepted',
  'closed',
  'effective',
  'cancelled',
] as const;
export type FunnelStage = (typeof FUNNEL_STAGE_KEYS)[number];

/**
 * 待办: the orders waiting for the caller, as the list filters them (the
 * workbench's tasks open these). answer: an offer to them still open;
 * serve: accepted or in service, and theirs to serve (their accepted offer, or
 * their team's order); confirm: finished, awaiting their organisation's
 * confirmation; dispatch: sent to their institution, or back in the queue from
 * it, with no expert offered it now; offered: sent to their institution, with
 * an offer to its experts still open.
 */
export const ORDER_TODOS = ['answer', 'serve', 'confirm', 'dispatch', 'offered'] as const;
export type OrderTodo = (typeof ORDER_TODOS)[number];

export const ORDER_TODO_NAMES: Record<OrderTodo, { zh: string; en: string }> = {
  answer: { zh: '待我接单', en: 'Offers to answer' },
  serve: { zh: '我在服务', en: 'Serving now' },
  confirm: { zh: '待我确认', en: 'To confirm' },
  dispatch: { zh: '待本机构派给专家', en: 'To dispatch to our experts' },
  offered: { zh: '待本机构专家接单', en: 'Awaiting our experts' },
};
