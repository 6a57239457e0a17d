import type { Actor } from '../../platform/access/actor.ts';
import { scopeOf } from '../../platform/access/scope.ts';
import type { AuditService } from '../../platform/audit/service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db/client.ts';
import { httpError } from '../../platform/http/errors.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import type { NotificationsService } from '../../platform/notifications/service.ts';
import { chinaDate } from '../../reference/china-time.ts';
import type { WorkCalendar } from '../../reference/workdays.ts';
import type { ActivitiesService } from '../activities/service.ts';
import type { ListsService } from '../lists/service.ts';
import type { MatchingService } from '../matching/service.ts';
import { TeamsRepository } from '../teams/repository.ts';
import type { TeamRow } from '../teams/schema.ts';
import { teamsSeenPrefix } from '../teams/service.ts';
import { planYear } from './cadence.ts';
import { CommissionersService } from './commissioners.ts';
import { DEFAULT_CADENCE, MONTHS } from './constants.ts';
import type { PlanInput, PlanView } from './contract.ts';
import { DutiesService } from './duties.ts';
import { standingError } from './errors.ts';
import { TeamOutcomes } from './outcomes.ts';
import { StandingOverview } from './overview.ts';
import { CommissionerDesk } from './portfolio.ts';
import { StandingRecords } from './recording.ts';
import { StandingReminders } from './reminders.ts';
import { type OccurrenceFilter, type OccurrenceOwner, StandingRepository } from './repository.ts';
import type { ServicePlanRow } from './schema.ts';
import { count, dueUntil, emptyTally, occurrenceView, stateOf } from './views.ts';
import { StandingVisits } from './visits.ts';

/**
 * 常态化服务: the standing cadence of assistance teams. An operator sets a
 * team's "1346" plan for a year; the platform plans its sessions on the
 * working-day calendar; each session is done only through its record (an
 * activity or a visit log, recording.ts); people are reminded before a
 * session is due and the region is told of what is overdue (reminders.ts).
 * This file is the module's face to routes, jobs and other modules.
 */
export class StandingService {
  readonly records: StandingRecords;
  readonly visits: StandingVisits;
  /** 科技特派员: rounds, pairs and terms; the desk beside them (portfolios, settings). */
  readonly commissioners: CommissionersService;
  readonly desk: CommissionerDesk;
  /** 联系服务. */
  readonly duties: DutiesService;
  /** 团队成效: what came of a team's orders and sessions so far. */
  readonly outcomes: TeamOutcomes;
  /** 常态化服务总览: the office's year per subject, and its teams and people page by page. */
  readonly overview: StandingOverview;
  private readonly reminders: StandingReminders;

  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly calendar: WorkCalendar,
    deps: {
      activities: ActivitiesService;
      notifications: NotificationsService;
      matching: MatchingService;
      lists: ListsService;
    },
  ) {
    this.records = new StandingRecords(database, audit, clock, deps.activities);
    this.visits = new StandingVisits(database, audit, clock, this.records, deps.lists);
    this.commissioners = new CommissionersService(database, audit, clock, calendar, deps.matching);
    this.desk = new CommissionerDesk(database, audit, clock);
    this.duties = new DutiesService(database, audit, clock, calendar);
    this.outcomes = new TeamOutcomes(database);
    this.overview = new StandingOverview(database, () => this.today());
    this.reminders = new StandingReminders(database, clock, calendar, deps.notifications);
  }

  private today(): string {
    return chinaDate(this.clock.now());
  }

  private async team(
    db: Executor,
    actor: Actor,
    teamId: string,
    prefix = teamsSeenPrefix(actor),
  ): Promise<TeamRow> {
    const team = await new TeamsRepository(db).byId(teamId, prefix);
    if (!team) throw standingError('PLAN_TEAM_NOT_FOUND');
    return team;
  }

  /** A team's plan for a year with every session and where it stands; the defaults while there is none. */
  async plan(actor: Actor, teamId: string, year: number, locale: Locale): Promise<PlanView> {
    const db = this.database.db;
    const team = await this.team(db, actor, teamId);
    const plan = await new StandingRepository(db).plan(team.id, year);
    return this.planView(db, actor, team, year, plan, locale);
  }

  /**
   * Makes or changes a team's plan. Making it plans the year's sessions from
   * its first day (`from`: today by default, 1 January of a later year or of
   * a past one being entered afterwards). Changing the cadence re-plans
   * only the sessions from today on that nobody has recorded; the past and
   * every record stay. A past year's cadence no longer changes.
   */
  async savePlan(
    actor: Actor,
    teamId: string,
    year: number,
    input: PlanInput,
    locale: Locale,
  ): Promise<PlanView> {
    const today = this.today();
    const thisYear = Number(today.slice(0, 4));
    if (input.from && !input.from.startsWith(`${year}-`)) {
      throw standingError('PLAN_FROM_OUTSIDE_YEAR', {
        params: { year },
        fields: [{ path: 'body.from', message: `须在${year}年内` }],
      });
    }
    return this.database.transaction(async (tx) => {
      const team = await this.team(tx, actor, teamId, scopeOf(actor).regionPrefix);
      if (team.archivedAt) throw standingError('PLAN_TEAM_ARCHIVED');
      const repo = new StandingRepository(tx);
      const before = await repo.plan(team.id, year);
      const now = this.clock.now();
      const fields = {
        cadence: input.cadence,
        services: input.services,
        goal: input.goal ?? null,
        milestones: input.milestones,
        updatedAt: now,
      };
      let plan: ServicePlanRow;
      let replanned = 0;
      if (!before) {
        if (input.version !== undefined) throw standingError('PLAN_NOT_FOUND');
        const inserted = await repo.insertPlan({
          ...fields,
          teamId: team.id,
          scopeRegion: team.regionCode,
          year,
          createdBy: actor.userId,
          createdAt: now,
        });
        if (!inserted) throw standingError('PLAN_EXISTS');
        plan = inserted;
        const from = input.from ?? (year === thisYear ? today : `${year}-01-01`);
        replanned = await repo.addOccurrences(
          planOwner(plan),
          planYear(this.calendar, year, plan.cadence).filter((s) => s.dueOn >= from),
        );
      } else {
        if (input.version === undefined) throw standingError('PLAN_EXISTS');
        const cadenceChanged = JSON.stringify(before.cadence) !== JSON.stringify(input.cadence);
        if (cadenceChanged && year < thisYear) throw standingError('PLAN_YEAR_OVER', { params: { year } });
        const after = await repo.updatePlan(before.id, input.version, fields);
        if (!after) throw httpError('VERSION_CONFLICT', { details: { currentVersion: before.version } });
        plan = after;
        if (cadenceChanged) {
          await repo.dropUnrecordedFrom(plan.id, today);
          replanned = await repo.addOccurrences(
            planOwner(plan),
            planYear(this.calendar, year, plan.cadence).filter((s) => s.dueOn >= today),
          );
        }
      }
      await this.audit.record(tx, actor, {
        action: before ? 'standing.plan.update' : 'standing.plan.create',
        entity: 'team',
        entityId: team.id,
        regionCode: team.regionCode,
        changes: {
          year: { to: year },
          cadence: { from: before?.cadence ?? null, to: plan.cadence },
          goal: { from: before?.goal ?? null, to: plan.goal },
          planned: { to: replanned },
        },
      });
      return this.planView(tx, actor, team, year, plan, locale);
    });
  }

  private async planView(
    db: Executor,
    actor: Actor,
    team: TeamRow,
    year: number,
    plan: ServicePlanRow | undefined,
    locale: Locale,
  ): Promise<PlanView> {
    const today = this.today();
    const sessions = plan ? await new StandingRepository(db).ofOwner(plan.id) : [];
    const canRecord = await this.records.canRecord(db, actor, team);
    const byKind: PlanView['byKind'] = {};
    const byMonth = MONTHS.map(emptyTally);
    for (const s of sessions) {
      const state = stateOf(s, today);
      const kind = byKind[s.kind] ?? emptyTally();
      byKind[s.kind] = kind;
      count(kind, state);
      count(byMonth[Number(s.dueOn.slice(5, 7)) - 1]!, state);
    }
    return {
      id: plan?.id ?? null,
      teamId: team.id,
      year,
      cadence: plan?.cadence ?? DEFAULT_CADENCE,
      services: plan?.services ?? {},
      goal: plan?.goal ?? null,
      milestones: plan?.milestones ?? [],
      calendarKnown: this.calendar.knows(year),
      today,
      occurrences: sessions.map((s) => occurrenceView(s, today, locale, canRecord)),
      byKind,
      byMonth,
      version: plan?.version ?? null,
    };
  }

  /**
   * Planned occurrences across the region: an office's due and overdue
   * lists (every team, commissioner and duty), or a person's own (`mine`:
   * the teams they serve in, their commissioner terms, their duties).
   */
  async occurrences(
    actor: Actor,
    q: {
      subject?: OccurrenceFilter['subject'];
      teamId?: string | undefined;
      pairingId?: string | undefined;
      dutyId?: string | undefined;
      kind?: OccurrenceFilter['kind'];
      state?: OccurrenceFilter['state'];
      mine?: 'true' | 'false' | undefined;
      from?: string | undefined;
      to?: string | undefined;
      page: number;
      pageSize: number;
    },
    locale: Locale,
  ) {
    const db = this.database.db;
    const repo = new StandingRepository(db);
    const today = this.today();
    const office = actor.permissions.has('standing.manage') || actor.permissions.has('teams.manage');
    const mineOnly = q.mine === 'true' || !office;
    const { items, total } = await repo.page(
      {
        regionPrefix: mineOnly ? '' : scopeOf(actor).regionPrefix,
        mine: mineOnly ? { userId: actor.userId, teamIds: await repo.teamsOfUser(actor.userId) } : undefined,
        subject: q.subject,
        teamIds: q.teamId ? [q.teamId] : undefined,
        pairingId: q.pairingId,
        dutyId: q.dutyId,
        kind: q.kind,
        state: q.state,
        today,
        dueUntil: dueUntil(today),
        from: q.from,
        to: q.to,
      },
      q.page,
      q.pageSize,
    );
    // What is listed is what the caller may record: their own, or (an operator) the region's.
    return {
      items: items.map((o) => occurrenceView(o, today, locale, true)),
      total,
      page: q.page,
      pageSize: q.pageSize,
      today,
    };
  }

  /** The daily reminders and overdue flags (jobs.ts). */
  remind() {
    return this.reminders.run();
  }
}

/** A team plan as the owner of its sessions. */
function planOwner(plan: ServicePlanRow): OccurrenceOwner {
  return {
    subject: 'team',
    ownerId: plan.id,
    planId: plan.id,
    teamId: plan.teamId,
    scopeRegion: plan.scopeRegion,
  };
}
