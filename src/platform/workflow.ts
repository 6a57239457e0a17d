/**
 * Workflows as transition tables: for each action, the statuses it starts
 * from, the status it leads to, the parties who may take it and whether it
 * needs a reason. `decide` is the one verdict for every module's workflow.
 * Pure: imports nothing but types, so the web may bundle a module's table.
 */
import type { Bilingual } from './i18n/locale.ts';

export interface WorkflowTransition<S extends string, P extends string> {
  from: readonly S[];
  to: S;
  by: readonly P[];
  /** The action needs a reason; a reason of only spaces is no reason. */
  reason?: boolean;
}

export interface Workflow<S extends string, A extends string, P extends string> {
  transitions: Record<A, WorkflowTransition<S, P>>;
  statusNames: Record<S, Bilingual>;
  actionNames: Record<A, Bilingual>;
}

/** Why an action cannot be taken: it does not start from this status, the caller is not a party, or a reason is missing. */
export type Refusal = 'status' | 'party' | 'reason';

export type Verdict<S extends string> = { ok: true; to: S } | { ok: false; refusal: Refusal };

/** A reason is given when it has something besides spaces. */
export function hasReason(reason: string | null | undefined): boolean {
  return !!reason?.trim();
}

/** The table's verdict on one action: the next status, or why not. */
export function decide<S extends string, A extends string, P extends string>(
  workflow: Workflow<S, A, P>,
  status: S,
  action: A,
  parties: readonly P[],
  reason?: string | null,
): Verdict<S> {
  const t = workflow.transitions[action];
  if (!t.from.includes(status)) return { ok: false, refusal: 'status' };
  if (!t.by.some((p) => parties.includes(p))) return { ok: false, refusal: 'party' };
  if (t.reason && !hasReason(reason)) return { ok: false, refusal: 'reason' };
  return { ok: true, to: t.to };
}

/** The actions the parties may take in this status (buttons in the web), leaving out those of `except` parties. */
export function actionsFor<S extends string, A extends string, P extends string>(
  workflow: Workflow<S, A, P>,
  status: S,
  parties: readonly P[],
  except: readonly P[] = [],
): A[] {
  return (Object.keys(workflow.transitions) as A[]).filter((a) => {
    const t = workflow.transitions[a];
    return t.from.includes(status) && t.by.some((p) => !except.includes(p) && parties.includes(p));
  });
}

/**
 * The params of a status refusal: the status and action names in both
 * languages, which translate() renders in the caller's language.
 */
export function statusRefusalParams<S extends string, A extends string, P extends string>(
  workflow: Workflow<S, A, P>,
  status: S,
  action: A,
): { status: Bilingual; action: Bilingual } {
  return { status: workflow.statusNames[status], action: workflow.actionNames[action] };
}
