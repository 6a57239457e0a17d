import type { Locale } from '../../platform/i18n/locale.ts';
import { addDays } from '../../reference/china-time.ts';
import { periodLabel } from './cadence.ts';
import { DUE_WITHIN_DAYS, type OccurrenceState } from './constants.ts';
import type { OccurrenceView, Tally } from './contract.ts';
import type { OccurrenceWithRecord } from './repository.ts';

/** The last day that still counts as due soon. */
export function dueUntil(today: string): string {
  return addDays(today, DUE_WITHIN_DAYS);
}

/** Where a session stands on a China date: only a record makes it done. */
export function stateOf(o: { recordKind: string | null; dueOn: string }, today: string): OccurrenceState {
  if (o.recordKind) return 'done';
  if (o.dueOn < today) return 'overdue';
  return o.dueOn <= dueUntil(today) ? 'due' : 'planned';
}

export function occurrenceView(
  o: OccurrenceWithRecord,
  today: string,
  locale: Locale,
  canRecord: boolean,
): OccurrenceView {
  return {
    id: o.id,
    teamId: o.teamId,
    teamName: o.teamName,
    regionCode: o.scopeRegion,
    kind: o.kind,
    period: o.period,
    periodStart: o.periodStart,
    periodEnd: o.periodEnd,
    periodLabel: periodLabel(o.period, o.periodStart, locale === 'en-US' ? 'en' : 'zh'),
    seq: o.seq,
    dueOn: o.dueOn,
    state: stateOf(o, today),
    canRecord: canRecord && !o.recordKind,
    record: o.recordKind
      ? {
          kind: o.recordKind,
          activityId: o.activityId,
          activityCode: o.activityCode,
          activityTitle: o.activityTitle,
          visitId: o.visitId,
          visitSummary: o.visitSummary,
          files: o.files,
          doneOn: o.doneOn ?? o.dueOn,
          recordedByName: o.recordedByName,
          recordedAt: o.recordedAt?.toISOString() ?? null,
        }
      : null,
    version: o.version,
  };
}

export const emptyTally = (): Tally => ({ planned: 0, done: 0, overdue: 0, due: 0 });

/** Adds one session to a tally. */
export function count(t: Tally, state: OccurrenceState): void {
  t.planned++;
  if (state !== 'planned') t[state]++;
}

/** Adds a tally to another. */
export function add(to: Tally, t: Tally): void {
  to.planned += t.planned;
  to.done += t.done;
  to.overdue += t.overdue;
  to.due += t.due;
}

/** Done out of those whose day has come (done early counts too), as a whole percentage. */
export function fulfilment(t: Tally): number | null {
  const owed = t.done + t.overdue;
  return owed === 0 ? null : Math.round((100 * t.done) / owed);
}
