/**
 * The life of a list item as a table: which action moves it from which
 * states to which, and who may take it. Every status change goes through
 * ListsService.transition, which checks this table.
 *
 *   draft ──submit──▶ submitted ──publish──▶ published ──start──▶ in_progress
 *     ▲                 │  │                    │  │                 │
 *     └──withdraw/reject┘  │                    │  └──────close──────┴──▶ closed
 *                          │                    └──expire (deadline)──────▶ expired
 *   closed / expired ──reopen──▶ published
 */
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

export interface Transition {
  from: readonly Status[];
  to: Status;
  by: readonly Party[];
  /** The action needs a reason (shown to the owner). */
  reason?: boolean;
}

export const TRANSITIONS = {
  submit: { from: ['draft'], to: 'submitted', by: ['owner', 'operator'] },
  withdraw: { from: ['submitted'], to: 'draft', by: ['owner', 'operator'] },
  reject: { from: ['submitted'], to: 'draft', by: ['operator'], reason: true },
  publish: { from: ['draft', 'submitted'], to: 'published', by: ['operator'] },
  start: { from: ['published'], to: 'in_progress', by: ['owner', 'operator'] },
  close: { from: ['published', 'in_progress'], to: 'closed', by: ['owner', 'operator'] },
  expire: { from: ['published'], to: 'expired', by: ['system'] },
  reopen: { from: ['closed', 'expired'], to: 'published', by: ['operator'] },
} as const satisfies Record<string, Transition>;

export type Action = keyof typeof TRANSITIONS;
export const ACTIONS = Object.keys(TRANSITIONS) as Action[];

/** The actions a party may take on an item in this status (for buttons in the web). */
export function actionsFor(status: Status, parties: readonly Party[]): Action[] {
  return ACTIONS.filter((action) => {
    const t: Transition = TRANSITIONS[action];
    return t.from.includes(status) && t.by.some((p) => parties.includes(p));
  });
}

/** Owners edit their drafts; operators edit anything not yet closed. */
export function editable(status: Status, parties: readonly Party[]): boolean {
  if (parties.includes('operator')) return status !== 'closed';
  return parties.includes('owner') && status === 'draft';
}
