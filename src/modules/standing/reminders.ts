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
 * Once a day: the people of a team are reminded of the sessions due within
 * the next working days, and the region's operators (and the team's leader)
 * are told of sessions past their day without a record. One message per
 * team and run, each session told once (reminded_at, overdue_notified_at),
 * in the same transaction as the messages.
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
      const teams = new TeamsRepository(tx);
      const due = await repo.toRemind(today, until, BATCH);
      const overdue = await repo.toFlagOverdue(today, BATCH);
      const members = await teams.members([...new Set([...due, ...overdue].map((d) => d.occurrence.teamId))]);
      const accounts = (teamId: string) =>
        members.filter((m) => m.teamId === teamId && m.userId).map((m) => m.userId as string);
      for (const [teamId, sessions] of byTeam(due)) {
        const first = sessions[0]!;
        await this.notifications.send(tx, accounts(teamId), {
          kind: 'standing.due',
          title: `${first.teamName}：${sessions.length} 次计划服务即将到期`,
          body: describe(sessions),
          link: `/teams/${teamId}?tab=plan`,
        });
      }
      for (const [teamId, sessions] of byTeam(overdue)) {
        const first = sessions[0]!;
        const leader = members.find(
          (m) => m.teamId === teamId && m.talentId === first.leaderTalentId,
        )?.userId;
        const operators = await this.notifications.operatorsOf(tx, first.occurrence.scopeRegion);
        await this.notifications.send(tx, [...operators, ...(leader ? [leader] : [])], {
          kind: 'standing.overdue',
          title: `${first.teamName}：${sessions.length} 次计划服务已逾期未登记`,
          body: describe(sessions),
          link: `/teams/${teamId}?tab=plan`,
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

function byTeam(rows: readonly Due[]): Map<string, Due[]> {
  const out = new Map<string, Due[]>();
  for (const r of rows) {
    const list = out.get(r.occurrence.teamId) ?? [];
    list.push(r);
    out.set(r.occurrence.teamId, list);
  }
  return out;
}

/** At most five lines: 3月31日 团队走访 … and how many more. */
function describe(rows: readonly Due[]): string {
  const lines = rows
    .slice(0, 5)
    .map((r) => `${r.occurrence.dueOn} ${SESSION_KIND_NAMES[r.occurrence.kind].zh}`);
  if (rows.length > 5) lines.push(`等共 ${rows.length} 次`);
  return lines.join('\n');
}
