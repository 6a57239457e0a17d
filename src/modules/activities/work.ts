import type { Actor } from '../../platform/access/actor.ts';
import type { AuditService } from '../../platform/audit/service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db/client.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import type { ImportKind } from '../../platform/io/import.ts';
import { chinaDate } from '../../reference/china-time.ts';
import type { ListsService } from '../lists/service.ts';
import type { OrdersService } from '../orders/service.ts';
import { APPLICATION_NEXT, type ApplicationStatus, hasPositions } from './constants.ts';
import type { ActivityOutcomeInput } from './contract.ts';
import { activitiesError } from './errors.ts';
import type { ActivityKind, ActivityOutcomeKind } from './kinds.ts';
import { ActivityOutcomes, partiesOf } from './outcomes.ts';
import { outcomesImport } from './outcomes-import.ts';
import { PositionsRepository } from './positions-repository.ts';
import { ActivitiesRepository } from './repository.ts';
import type { ActivityRow } from './schema.ts';
import type { ActivitiesService } from './service.ts';

const APPLICATION_NAMES: Record<ApplicationStatus, string> = {
  interested: '有意向投递',
  interviewed: '已面谈',
  intent: '达成意向',
  hired: '已录用',
  withdrawn: '已撤回',
};
/** The outcome an application records when it reaches these steps (counted by statistics). */
const OUTCOME_OF: Partial<Record<ApplicationStatus, ActivityOutcomeKind>> = {
  intent: 'hire_intent',
  hired: 'hired',
};

/**
 * What an activity produces: positions and applications at a job fair (and
 * internship places on a study tour), and the outcomes every activity
 * records (outcomes.ts: typed, counted, linked to the demands, achievements
 * and orders they concern, naming the institutions, enterprises and people
 * that took part). An intent to hire or a hire is recorded from here.
 */
export class ActivityWorkService {
  /** The outcomes every activity records (outcomes.ts). */
  private readonly recorded: ActivityOutcomes;
  private readonly outcomesImport: ImportKind;

  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly activities: ActivitiesService,
    private readonly lists: ListsService,
    orders: OrdersService,
  ) {
    this.recorded = new ActivityOutcomes(database, audit, clock, activities, lists, orders);
    this.outcomesImport = outcomesImport(activities, this.recorded, lists, orders, clock);
  }

  /** What the module's work imports through platform/io: outcome sheets (outcomes-import.ts). */
  importKinds(): ImportKind[] {
    return [this.outcomesImport];
  }

  // ---------- positions ----------

  async positions(actor: Actor, id: string) {
    const activity = await this.withPositions(this.database.db, actor, id);
    return this.positionsResult(this.database.db, actor, activity);
  }

  /** An organiser, or the employer (host) itself, posts a position. */
  async addPosition(
    actor: Actor,
    id: string,
    input: {
      employerRegistrationId: string;
      title: string;
      headcount: number;
      requirements?: string | undefined;
      salary?: string | undefined;
      listItemId?: string | undefined;
    },
  ) {
    return this.database.transaction(async (tx) => {
      const activity = await this.withPositions(tx, actor, id);
      const repo = new ActivitiesRepository(tx);
      const jobs = new PositionsRepository(tx);
      const employer = await repo.registration(id, input.employerRegistrationId);
      if (!employer || !['employer', 'host'].includes(employer.role) || employer.status !== 'confirmed') {
        throw activitiesError('POSITION_EMPLOYER_INVALID');
      }
      const own = !!actor.organisationId && employer.organisationId === actor.organisationId;
      if (!own && !this.activities.manages(actor, activity)) throw activitiesError('ACTIVITY_NOT_MANAGER');
      if (input.listItemId && (await this.lists.visibleRows(actor, [input.listItemId], tx)).length === 0) {
        throw activitiesError('OUTCOME_LINK_UNKNOWN', { params: { what: '人才需求' } });
      }
      const row = await jobs.insertPosition({
        activityId: id,
        employerRegistrationId: employer.id,
        title: input.title,
        headcount: input.headcount,
        requirements: input.requirements ?? null,
        salary: input.salary ?? null,
        listItemId: input.listItemId ?? null,
        createdAt: this.clock.now(),
      });
      await this.audit.record(tx, actor, {
        action: 'activity.position.add',
        entity: 'activity',
        entityId: id,
        regionCode: activity.scopeRegion,
        changes: {
          position: {
            to: { id: row.id, title: row.title, headcount: row.headcount, employer: employer.name },
          },
        },
      });
      return this.positionsResult(tx, actor, activity);
    });
  }

  /** An applicant (student) registers interest in a position; an organiser can do it for them. */
  async apply(
    actor: Actor,
    id: string,
    positionId: string,
    input: { applicantRegistrationId?: string | undefined; note?: string | undefined },
  ) {
    return this.database.transaction(async (tx) => {
      const activity = await this.withPositions(tx, actor, id);
      const repo = new ActivitiesRepository(tx);
      const jobs = new PositionsRepository(tx);
      const position = await jobs.position(id, positionId);
      if (!position) throw activitiesError('POSITION_NOT_FOUND');
      const manager = this.activities.manages(actor, activity);
      let applicant = input.applicantRegistrationId
        ? await repo.registration(id, input.applicantRegistrationId)
        : (await repo.mine(id, this.activities.scopeFor(actor))).find((r) =>
            ['applicant', 'student'].includes(r.role),
          );
      if (applicant && !manager && applicant.userId !== actor.userId) applicant = undefined;
      if (
        !applicant ||
        !['applicant', 'student'].includes(applicant.role) ||
        applicant.status !== 'confirmed'
      ) {
        throw activitiesError('APPLICATION_APPLICANT_INVALID');
      }
      const row = await jobs.insertApplication({
        activityId: id,
        positionId,
        applicantRegistrationId: applicant.id,
        note: input.note ?? null,
        createdAt: this.clock.now(),
        updatedAt: this.clock.now(),
      });
      if (!row) throw activitiesError('APPLICATION_DUPLICATE');
      await this.audit.record(tx, actor, {
        action: 'activity.application.add',
        entity: 'activity',
        entityId: id,
        regionCode: activity.scopeRegion,
        changes: { application: { to: { id: row.id, position: position.title, applicant: applicant.name } } },
      });
      return this.positionsResult(tx, actor, activity);
    });
  }

  /**
   * The employer (or an organiser) moves an application on; an intent to hire
   * or a hire is also recorded as the activity's outcome, linked to the person.
   */
  async updateApplication(
    actor: Actor,
    id: string,
    applicationId: string,
    input: { status: ApplicationStatus; note?: string | undefined },
  ) {
    return this.database.transaction(async (tx) => {
      const activity = await this.withPositions(tx, actor, id);
      const repo = new ActivitiesRepository(tx);
      const jobs = new PositionsRepository(tx);
      const application = await jobs.application(id, applicationId);
      if (!application) throw activitiesError('APPLICATION_NOT_FOUND');
      const position = (await jobs.position(id, application.positionId))!;
      const employer = await repo.registration(id, position.employerRegistrationId);
      const applicant = await repo.registration(id, application.applicantRegistrationId);
      const employerSide = !!actor.organisationId && employer?.organisationId === actor.organisationId;
      const applicantSide = applicant?.userId === actor.userId;
      const manager = this.activities.manages(actor, activity);
      // The applicant may only withdraw; the employer and organisers move it on.
      if (!manager && !employerSide && !(applicantSide && input.status === 'withdrawn')) {
        throw activitiesError('ACTIVITY_NOT_MANAGER');
      }
      const from = application.status;
      if (!APPLICATION_NEXT[from].includes(input.status)) {
        throw activitiesError('APPLICATION_STEP_INVALID', {
          params: { from: APPLICATION_NAMES[from], to: APPLICATION_NAMES[input.status] },
        });
      }
      const after = await jobs.updateApplication(application.id, from, {
        status: input.status,
        note: input.note ?? application.note,
        updatedAt: this.clock.now(),
      });
      if (!after) throw activitiesError('APPLICATION_STEP_INVALID', { params: { from: '—', to: '—' } });
      const outcome = OUTCOME_OF[input.status];
      if (outcome) {
        await repo.insertOutcome(
          {
            activityId: id,
            kind: outcome,
            count: 1,
            note: `${employer?.name ?? ''}：${position.title}`,
            registrationId: applicant?.id ?? null,
            listItemId: position.listItemId,
            happenedOn: chinaDate(this.clock.now()),
            createdBy: actor.userId,
            createdAt: this.clock.now(),
          },
          // The employer (an enterprise, or an institution as host) and the person hired.
          partiesOf(employer, applicant),
        );
      }
      await this.audit.record(tx, actor, {
        action: 'activity.application.update',
        entity: 'activity',
        entityId: id,
        regionCode: activity.scopeRegion,
        changes: {
          application: { to: { id: application.id, applicant: applicant?.name, position: position.title } },
          status: { from, to: input.status },
        },
      });
      return this.positionsResult(tx, actor, activity);
    });
  }

  private async withPositions(db: Executor, actor: Actor, id: string): Promise<ActivityRow> {
    const activity = await this.activities.find(db, actor, id);
    if (!hasPositions(activity.kind as ActivityKind)) {
      throw activitiesError('POSITIONS_NOT_SUPPORTED');
    }
    return activity;
  }

  /** Positions by employer with their applications; applicants see only their own applications. */
  private async positionsResult(db: Executor, actor: Actor, activity: ActivityRow) {
    const repo = new ActivitiesRepository(db);
    const jobs = new PositionsRepository(db);
    const manager = this.activities.manages(actor, activity);
    const positions = await jobs.positions(activity.id);
    const applications = await jobs.applications(activity.id);
    const people = await repo.registrationsByIds([
      ...new Set([
        ...positions.map((p) => p.employerRegistrationId),
        ...applications.map((a) => a.applicantRegistrationId),
      ]),
    ]);
    return {
      items: positions.map((p) => {
        const employer = people.get(p.employerRegistrationId)!;
        const employerSide = !!actor.organisationId && employer.organisationId === actor.organisationId;
        const mine = applications.filter((a) => a.positionId === p.id);
        const visible = mine.filter(
          (a) => manager || employerSide || people.get(a.applicantRegistrationId)?.userId === actor.userId,
        );
        return {
          id: p.id,
          employer: { registrationId: employer.id, name: employer.name },
          title: p.title,
          headcount: p.headcount,
          requirements: p.requirements,
          salary: p.salary,
          listItemId: p.listItemId,
          applications: visible.map((a) => ({
            id: a.id,
            applicant: {
              registrationId: a.applicantRegistrationId,
              name: people.get(a.applicantRegistrationId)!.name,
            },
            status: a.status,
            note: a.note,
          })),
          intents: mine.filter((a) => a.status === 'intent' || a.status === 'hired').length,
          hired: mine.filter((a) => a.status === 'hired').length,
        };
      }),
    };
  }

  // ---------- outcomes (outcomes.ts) ----------

  outcomes(actor: Actor, id: string) {
    return this.recorded.list(actor, id);
  }

  addOutcome(actor: Actor, id: string, input: ActivityOutcomeInput) {
    return this.recorded.add(actor, id, input);
  }

  removeOutcome(actor: Actor, id: string, outcomeId: string) {
    return this.recorded.remove(actor, id, outcomeId);
  }

  exportOutcomes(actor: Actor, id: string, locale: Locale) {
    return this.recorded.export(actor, id, locale);
  }
}
