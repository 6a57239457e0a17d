import type { Locale } from '../../platform/i18n/locale.ts';
import { addDays } from '../../reference/china-time.ts';
import { periodLabel } from './cadence.ts';
import { CARE_OCCASION_NAMES, DUE_WITHIN_DAYS, type OccurrenceState } from './constants.ts';
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
  const lang = locale === 'en-US' ? 'en' : 'zh';
  return {
    id: o.id,
    subject: o.subject,
    teamId: o.teamId,
    teamName: o.teamName,
    pairingId: o.pairingId,
    dutyId: o.dutyId,
    personName: o.personName,
    counterpartName: o.counterpartName,
    enterpriseId: o.enterpriseId,
    commissionerId: o.subject === 'commission' ? o.talentId : null,
    subjectLabel: subjectLabel(o, lang),
    regionCode: o.scopeRegion,
    kind: o.kind,
    occasion: o.occasion,
    period: o.period,
    periodStart: o.periodStart,
    periodEnd: o.periodEnd,
    // A care visit is named by its occasion (5·30科技工作者日, 春节前), the rest by their period.
    periodLabel: o.occasion
      ? CARE_OCCASION_NAMES[o.occasion][lang]
      : periodLabel(o.period, o.periodStart, lang),
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

/** Whose an occurrence is, as one line: the team, 张三 → 某公司 (a commissioner), 李四 联系 王五 (a duty). */
export function subjectLabel(
  o: Pick<OccurrenceWithRecord, 'subject' | 'teamName' | 'personName' | 'counterpartName'>,
  lang: 'zh' | 'en',
): string {
  if (o.subject === 'team') return o.teamName ?? '';
  if (o.subject === 'commission') return `${o.personName ?? ''} → ${o.counterpartName ?? ''}`;
  return lang === 'zh'
    ? `${o.personName ?? ''} 联系 ${o.counterpartName ?? ''}`
    : `${o.personName ?? ''} keeps in touch with ${o.counterpartName ?? ''}`;
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
