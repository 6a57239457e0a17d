import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/client.ts';
import type { NotificationsService } from '../../platform/notifications/service.ts';
import { chinaDate } from '../../reference/china-time.ts';
import type { WorkCalendar } from '../../reference/workdays.ts';
import { TeamsRepository } from '../teams/repository.ts';
import { REMIND_WORKING_DAYS, SESSION_KIND_NAMES } from './constants.ts';
import { StandingRepository } from './repository.ts';

/** How many sessions one run looks at; the next run takes the rest. */
const BATCH = 2000;

type Due = Awaited<ReturnType<StandingRepository['toRemind']>>[number];

/**
 * Once a day: those who answer for occurrences (a team's members, a
 * commissioner, a duty's assignee) are reminded of those due within the
 * next working days, and the region's operators (with a team's leader, or
 * the commissioner or assignee) are told of those past their day without a
 * record. One message per team, commissioner or assignee and run, each
 * occurrence told once (reminded_at, overdue_notified_at), in the same
 * transaction as the messages.
 */
export class StandingReminders {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly calendar: WorkCalendar,
    private readonly notifications: NotificationsService,
  ) {}

  async run(): Promise<{ reminded: number; overdue: number }> {
    const now = this.clock.now();
    const today = chinaDate(now);
    const until = chinaDate(new Date(this.calendar.addWorkingDays(now, REMIND_WORKING_DAYS).getTime() - 1));
    return this.database.transaction(async (tx) => {
      const repo = new StandingRepository(tx);
      const due = await repo.toRemind(today, until, BATCH);
      const overdue = await repo.toFlagOverdue(today, BATCH);
      const teamIds = [...due, ...overdue].flatMap((d) => (d.occurrence.teamId ? [d.occurrence.teamId] : []));
      const members = await new TeamsRepository(tx).members([...new Set(teamIds)]);
      const liaisons = await repo.liaisons({ teamIds: [...new Set(teamIds)] });
      /** The accounts that answer for a group: a team's members, the commissioner, the assignee. */
      const responsible = (first: Due): string[] => {
        const o = first.occurrence;
        if (o.teamId) {
          return [
            ...new Set([
              ...members.filter((m) => m.teamId === o.teamId && m.userId).map((m) => m.userId as string),
              ...liaisons.filter((l) => l.teamId === o.teamId).map((l) => l.userId),
            ]),
          ];
        }
        if (o.assigneeUserId) return [o.assigneeUserId];
        return first.commissionerUserId ? [first.commissionerUserId] : [];
      };
      for (const rows of grouped(due).values()) {
        const first = rows[0]!;
        await this.notifications.send(tx, responsible(first), {
          kind: 'standing.due',
          title: `${nameOf(first)}：${rows.length} 次计划服务即将到期`,
          body: describe(rows),
          link: linkOf(first),
        });
      }
      for (const rows of grouped(overdue).values()) {
        const first = rows[0]!;
        const o = first.occurrence;
        // A team's leader hears of it with the office; a commissioner or an assignee answers for theirs.
        const told = o.teamId
          ? members
              .filter((m) => m.teamId === o.teamId && m.talentId === first.leaderTalentId && m.userId)
              .map((m) => m.userId as string)
          : responsible(first);
        const operators = await this.notifications.operatorsOf(tx, o.scopeRegion);
        await this.notifications.send(tx, [...new Set([...operators, ...told])], {
          kind: 'standing.overdue',
          title: `${nameOf(first)}：${rows.length} 次计划服务已逾期未登记`,
          body: describe(rows),
          link: linkOf(first),
        });
      }
      await repo.markReminded(
        due.map((d) => d.occurrence.id),
        now,
        'remindedAt',
      );
      await repo.markReminded(
        overdue.map((d) => d.occurrence.id),
        now,
        'overdueNotifiedAt',
      );
      return { reminded: due.length, overdue: overdue.length };
    });
  }
}

/** One message per team, commissioner or assignee a run. */
function grouped(rows: readonly Due[]): Map<string, Due[]> {
  const out = new Map<string, Due[]>();
  for (const r of rows) {
    const o = r.occurrence;
    const key = o.teamId ?? o.talentId ?? o.assigneeUserId ?? o.id;
    const list = out.get(key) ?? [];
    list.push(r);
    out.set(key, list);
  }
  return out;
}

/** Whose the occurrences are: the team, the commissioner, the assignee. */
function nameOf(first: Due): string {
  if (first.occurrence.teamId) return first.teamName ?? '';
  const who = first.personName ?? '';
  return first.occurrence.subject === 'commission' ? `科技特派员 ${who}` : `联系服务 ${who}`;
}

/** Where the message leads: the team's plan, the commissioner's portfolio, the duties page. */
function linkOf(first: Due): string {
  const o = first.occurrence;
  if (o.teamId) return `/teams/${o.teamId}?tab=plan`;
  return o.subject === 'commission' ? `/standing/portfolio?talentId=${o.talentId}` : '/standing/duties';
}

/** At most five lines: 3月31日 团队走访 … and how many more. */
function describe(rows: readonly Due[]): string {
  const lines = rows
    .slice(0, 5)
    .map(
      (r) =>
        `${r.occurrence.dueOn} ${SESSION_KIND_NAMES[r.occurrence.kind].zh}${r.counterpartName ? ` ${r.counterpartName}` : ''}`,
    );
  if (rows.length > 5) lines.push(`等共 ${rows.length} 次`);
  return lines.join('\n');
}
