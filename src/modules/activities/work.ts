import type { Actor } from '../../platform/access/actor.ts';
import type { AuditService } from '../../platform/audit/service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db/client.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import type { ColumnSpec } from '../../platform/io/columns.ts';
import { exportXlsx } from '../../platform/io/workbook.ts';
import { chinaDateTime } from '../../reference/china-time.ts';
import type { ListsService } from '../lists/service.ts';
import type { OrdersService } from '../orders/service.ts';
import { References } from '../registry/references.ts';
import { RegistryRepository } from '../registry/repository.ts';
import { APPLICATION_NEXT, type ApplicationStatus, hasPositions, OUTCOME_WITH_AMOUNT } from './constants.ts';
import type { ActivityOutcomeInput } from './contract.ts';
import { activitiesError } from './errors.ts';
import { type ActivityKind, type ActivityOutcomeKind, KINDS, OUTCOME_NAMES } from './kinds.ts';
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
 * records — typed, counted, and linked to the demands, achievements, orders,
 * enterprises and people they concern.
 */
export class ActivityWorkService {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly activities: ActivitiesService,
    private readonly lists: ListsService,
    private readonly orders: OrdersService,
  ) {}

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
      const employer = await repo.registration(id, input.employerRegistrationId);
      if (!employer || !['employer', 'host'].includes(employer.role) || employer.status !== 'confirmed') {
        throw activitiesError('POSITION_EMPLOYER_INVALID');
      }
      const own = !!actor.organisationId && employer.organisationId === actor.organisationId;
      if (!own && !this.activities.manages(actor, activity)) throw activitiesError('ACTIVITY_NOT_MANAGER');
      if (input.listItemId && (await this.lists.visibleRows(actor, [input.listItemId], tx)).length === 0) {
        throw activitiesError('OUTCOME_LINK_UNKNOWN', { params: { what: '人才需求' } });
      }
      const row = await repo.insertPosition({
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
      const position = await repo.position(id, positionId);
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
      const row = await repo.insertApplication({
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
      const application = await repo.application(id, applicationId);
      if (!application) throw activitiesError('APPLICATION_NOT_FOUND');
      const position = (await repo.position(id, application.positionId))!;
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
      const after = await repo.updateApplication(application.id, from, {
        status: input.status,
        note: input.note ?? application.note,
        updatedAt: this.clock.now(),
      });
      if (!after) throw activitiesError('APPLICATION_STEP_INVALID', { params: { from: '—', to: '—' } });
      const outcome = OUTCOME_OF[input.status];
      if (outcome) {
        await repo.insertOutcome({
          activityId: id,
          kind: outcome,
          count: 1,
          note: `${employer?.name ?? ''}：${position.title}`,
          enterpriseId: employer?.enterpriseId ?? null,
          talentId: applicant?.talentId ?? null,
          registrationId: applicant?.id ?? null,
          listItemId: position.listItemId,
          createdBy: actor.userId,
          createdAt: this.clock.now(),
        });
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
    const manager = this.activities.manages(actor, activity);
    const positions = await repo.positions(activity.id);
    const applications = await repo.applications(activity.id);
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

  // ---------- outcomes ----------

  async outcomes(actor: Actor, id: string) {
    const activity = await this.activities.find(this.database.db, actor, id);
    return this.outcomesResult(this.database.db, actor, activity);
  }

  /** 成效登记 by an organiser: the kind must be one the activity's kind records; links must be records the organiser sees. */
  async addOutcome(actor: Actor, id: string, input: ActivityOutcomeInput) {
    return this.database.transaction(async (tx) => {
      const activity = await this.activities.managed(tx, actor, id);
      const kind = KINDS[activity.kind as ActivityKind];
      if (!kind.outcomes.includes(input.kind)) {
        throw activitiesError('OUTCOME_KIND_INVALID', { params: { kind: OUTCOME_NAMES[input.kind].zh } });
      }
      if (input.amountYuan !== undefined && input.kind !== OUTCOME_WITH_AMOUNT) {
        throw activitiesError('OUTCOME_AMOUNT_ONLY_AGREEMENT');
      }
      await this.checkLinks(tx, actor, id, input);
      const row = await new ActivitiesRepository(tx).insertOutcome({
        activityId: id,
        kind: input.kind,
        count: input.kind === 'agreement' ? 1 : input.count,
        amountFen: input.amountYuan === undefined ? null : Math.round(input.amountYuan * 100),
        note: input.note ?? null,
        listItemId: input.listItemId ?? null,
        orderId: input.orderId ?? null,
        enterpriseId: input.enterpriseId ?? null,
        talentId: input.talentId ?? null,
        registrationId: input.registrationId ?? null,
        createdBy: actor.userId,
        createdAt: this.clock.now(),
      });
      await this.audit.record(tx, actor, {
        action: 'activity.outcome.add',
        entity: 'activity',
        entityId: id,
        regionCode: activity.scopeRegion,
        changes: {
          outcome: { to: { id: row.id, kind: row.kind, count: row.count, amountFen: row.amountFen } },
        },
      });
      return this.outcomesResult(tx, actor, activity);
    });
  }

  async removeOutcome(actor: Actor, id: string, outcomeId: string) {
    return this.database.transaction(async (tx) => {
      const activity = await this.activities.managed(tx, actor, id);
      const row = await new ActivitiesRepository(tx).deleteOutcome(id, outcomeId);
      if (!row) throw activitiesError('OUTCOME_NOT_FOUND');
      await this.audit.record(tx, actor, {
        action: 'activity.outcome.remove',
        entity: 'activity',
        entityId: id,
        regionCode: activity.scopeRegion,
        changes: {
          outcome: { from: { id: row.id, kind: row.kind, count: row.count, amountFen: row.amountFen } },
        },
      });
      return this.outcomesResult(tx, actor, activity);
    });
  }

  /** 成效表 as Excel. */
  async exportOutcomes(actor: Actor, id: string, locale: Locale) {
    const activity = await this.activities.managed(this.database.db, actor, id);
    const { items } = await this.outcomesResult(this.database.db, actor, activity);
    const en = locale === 'en-US';
    const columns: ColumnSpec[] = [
      { key: 'kind', header: '成效类型', headerEn: 'Outcome' },
      { key: 'count', header: '数量', headerEn: 'Count' },
      { key: 'amount', header: '金额（万元）', headerEn: 'Amount (10k CNY)' },
      { key: 'listItem', header: '关联需求/成果', headerEn: 'Demand / achievement' },
      { key: 'order', header: '关联订单', headerEn: 'Order' },
      { key: 'enterprise', header: '企业', headerEn: 'Enterprise' },
      { key: 'person', header: '人员', headerEn: 'Person' },
      { key: 'note', header: '说明', headerEn: 'Note' },
      { key: 'at', header: '登记时间', headerEn: 'Recorded' },
    ];
    const rows = items.map((o) => ({
      kind: en ? OUTCOME_NAMES[o.kind].en : OUTCOME_NAMES[o.kind].zh,
      count: o.count,
      amount: o.amountYuan === null ? '' : Math.round(o.amountYuan / 100) / 100,
      listItem: o.listItem ? `${o.listItem.code} ${o.listItem.title}` : '',
      order: o.order?.code ?? '',
      enterprise: o.enterprise?.name ?? '',
      person: o.talent?.name ?? o.registration?.name ?? '',
      note: o.note ?? '',
      at: chinaDateTime(new Date(o.createdAt)),
    }));
    return {
      fileName: `${activity.title}-成效表.xlsx`,
      data: await exportXlsx(en ? 'Outcomes' : '成效表', columns, rows, locale),
    };
  }

  private async checkLinks(tx: Executor, actor: Actor, activityId: string, input: ActivityOutcomeInput) {
    if (input.listItemId && (await this.lists.visibleRows(actor, [input.listItemId], tx)).length === 0) {
      throw activitiesError('OUTCOME_LINK_UNKNOWN', { params: { what: '需求或成果' } });
    }
    if (input.orderId && !(await this.orders.codeOf(actor, input.orderId, tx))) {
      throw activitiesError('OUTCOME_LINK_UNKNOWN', { params: { what: '服务订单' } });
    }
    const references = new References(tx, actor);
    if (input.enterpriseId) {
      await references.one(
        'enterprises',
        input.enterpriseId,
        () => activitiesError('OUTCOME_LINK_UNKNOWN', { params: { what: '企业' } }),
        { anyOrganisation: true, archived: true },
      );
    }
    if (input.talentId) {
      await references.one(
        'talents',
        input.talentId,
        () => activitiesError('OUTCOME_LINK_UNKNOWN', { params: { what: '人才' } }),
        { anyOrganisation: true, archived: true },
      );
    }
    if (
      input.registrationId &&
      !(await new ActivitiesRepository(tx).registration(activityId, input.registrationId))
    ) {
      throw activitiesError('OUTCOME_LINK_UNKNOWN', { params: { what: '报名人员' } });
    }
  }

  private async outcomesResult(db: Executor, actor: Actor, activity: ActivityRow) {
    const repo = new ActivitiesRepository(db);
    const rows = await repo.outcomes(activity.id);
    const listItems = new Map(
      (
        await this.lists.visibleRows(
          actor,
          [...new Set(rows.map((r) => r.listItemId).filter((x): x is string => !!x))],
          db,
        )
      ).map((x) => [x.id, x]),
    );
    const registry = new RegistryRepository(db);
    const enterprises = await registry.linkedByIds('enterprises', [
      ...new Set(rows.map((r) => r.enterpriseId).filter((x): x is string => !!x)),
    ]);
    const talents = await registry.linkedByIds('talents', [
      ...new Set(rows.map((r) => r.talentId).filter((x): x is string => !!x)),
    ]);
    const people = await repo.registrationsByIds([
      ...new Set(rows.map((r) => r.registrationId).filter((x): x is string => !!x)),
    ]);
    const orderCodes = new Map<string, string>();
    for (const orderId of new Set(rows.map((r) => r.orderId).filter((x): x is string => !!x))) {
      const code = await this.orders.codeOf(actor, orderId, db);
      if (code) orderCodes.set(orderId, code);
    }
    const totals = new Map<ActivityOutcomeKind, { count: number; amountFen: number }>();
    for (const r of rows) {
      const t = totals.get(r.kind as ActivityOutcomeKind) ?? { count: 0, amountFen: 0 };
      t.count += r.count;
      t.amountFen += r.amountFen ?? 0;
      totals.set(r.kind as ActivityOutcomeKind, t);
    }
    return {
      items: rows.map((r) => {
        const item = r.listItemId ? listItems.get(r.listItemId) : undefined;
        const e = r.enterpriseId ? enterprises.get(r.enterpriseId) : undefined;
        const t = r.talentId ? talents.get(r.talentId) : undefined;
        const p = r.registrationId ? people.get(r.registrationId) : undefined;
        return {
          id: r.id,
          kind: r.kind as ActivityOutcomeKind,
          count: r.count,
          amountYuan: r.amountFen === null ? null : r.amountFen / 100,
          note: r.note,
          listItem: item ? { id: item.id, kind: item.kind, code: item.code, title: item.title } : null,
          order:
            r.orderId && orderCodes.has(r.orderId)
              ? { id: r.orderId, code: orderCodes.get(r.orderId)! }
              : null,
          enterprise: e ? { id: e.id, name: e.name } : null,
          talent: t ? { id: t.id, name: t.name } : null,
          registration: p ? { id: p.id, name: p.name } : null,
          createdAt: r.createdAt.toISOString(),
        };
      }),
      totals: [...totals].map(([kind, t]) => ({ kind, count: t.count, amountYuan: t.amountFen / 100 })),
    };
  }
}
