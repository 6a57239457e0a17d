import type { Actor } from '../../platform/access/actor.ts';
import { scopeOf } from '../../platform/access/scope.ts';
import type { AuditService } from '../../platform/audit/service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db/client.ts';
import { httpError } from '../../platform/http/errors.ts';
import { chinaDate } from '../../reference/china-time.ts';
import type { WorkCalendar } from '../../reference/workdays.ts';
import { References } from '../registry/references.ts';
import { overseesRegion } from './access.ts';
import { careYear, planSpan } from './cadence.ts';
import { DEFAULT_CONTACT_CADENCE, MAX_TERM_YEARS } from './constants.ts';
import type { DutyChangeInput, DutyInput, DutyView, EndInput } from './contract-commissioners.ts';
import { DutiesRepository, type DutyFilter } from './duties-repository.ts';
import { standingError } from './errors.ts';
import { type PlannedOccurrence, StandingRepository } from './repository.ts';
import type { ContactDutyRow } from './schema.ts';

/**
 * 联系服务: an office assigns its leaders and staff (operator accounts of the
 * region) to talents or enterprises to keep in touch with, at a cadence (one
 * contact a quarter by default) and with the care visits of 5·30 and before
 * the Spring Festival and Mid-Autumn. Each is an occurrence on the one
 * calendar, done only through its visit log, and on the assignee's home page.
 */
export class DutiesService {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly calendar: WorkCalendar,
  ) {}

  private today(): string {
    return chinaDate(this.clock.now());
  }

  private canManage(actor: Actor): boolean {
    return actor.permissions.has('standing.manage');
  }

  /** A duty's contacts and care visits from one day to its end. */
  private occurrences(duty: ContactDutyRow, from: string): PlannedOccurrence[] {
    const start = from > duty.startOn ? from : duty.startOn;
    if (start > duty.endOn) return [];
    const out: PlannedOccurrence[] = planSpan(this.calendar, start, duty.endOn, { contact: duty.cadence });
    if (duty.care) {
      for (let y = Number(start.slice(0, 4)); y <= Number(duty.endOn.slice(0, 4)); y++) {
        out.push(...careYear(this.calendar, y).filter((c) => c.dueOn >= start && c.dueOn <= duty.endOn));
      }
    }
    return out;
  }

  private async plan(db: Executor, duty: ContactDutyRow, from: string): Promise<number> {
    return new StandingRepository(db).addOccurrences(
      {
        subject: 'duty',
        ownerId: duty.id,
        dutyId: duty.id,
        assigneeUserId: duty.assigneeUserId,
        scopeRegion: duty.scopeRegion,
      },
      this.occurrences(duty, from),
    );
  }

  private checkSpan(startOn: string, endOn: string) {
    const years = (Date.parse(endOn) - Date.parse(startOn)) / (365.25 * 86_400_000);
    if (endOn < startOn || years > MAX_TERM_YEARS) {
      throw standingError('DUTY_SPAN_INVALID', {
        params: { years: MAX_TERM_YEARS },
        fields: [{ path: 'body.endOn', message: `结束日期须在开始日期之后，且不超过${MAX_TERM_YEARS}年` }],
      });
    }
  }

  async create(actor: Actor, input: DutyInput): Promise<DutyView> {
    const today = this.today();
    const startOn = input.startOn ?? today;
    const endOn = input.endOn ?? `${startOn.slice(0, 4)}-12-31`;
    this.checkSpan(startOn, endOn);
    const id = await this.database.transaction(async (tx) => {
      const prefix = scopeOf(actor).regionPrefix;
      const repo = new DutiesRepository(tx);
      const assignee = await repo.assignee(input.assigneeUserId, prefix);
      if (!assignee) {
        throw standingError('DUTY_ASSIGNEE_UNKNOWN', {
          fields: [{ path: 'body.assigneeUserId', message: '须为本地区的运营人员账号' }],
        });
      }
      const refs = new References(tx, actor);
      const party =
        input.subject === 'talent'
          ? await refs.one('talents', input.talentId ?? '', () => standingError('STANDING_TALENT_UNKNOWN'))
          : await refs.one('enterprises', input.enterpriseId ?? '', () =>
              standingError('STANDING_ENTERPRISE_UNKNOWN'),
            );
      const now = this.clock.now();
      const duty = await repo.insert({
        // The duty is the assignee's office's: seen and overseen where the assignee works.
        scopeRegion: assignee.regionCode,
        assigneeUserId: assignee.id,
        subject: input.subject,
        talentId: input.subject === 'talent' ? party.id : null,
        enterpriseId: input.subject === 'enterprise' ? party.id : null,
        cadence: input.cadence ?? DEFAULT_CONTACT_CADENCE,
        care: input.care,
        startOn,
        endOn,
        note: input.note ?? null,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      });
      if (!duty) throw standingError('DUTY_EXISTS', { params: { name: assignee.displayName } });
      const planned = await this.plan(tx, duty, today);
      await this.audit.record(tx, actor, {
        action: 'standing.duty.create',
        entity: 'contact_duty',
        entityId: duty.id,
        regionCode: duty.scopeRegion,
        changes: {
          assignee: { to: assignee.displayName },
          party: { to: { subject: duty.subject, id: party.id, name: party.name } },
          cadence: { to: duty.cadence },
          span: { to: [duty.startOn, duty.endOn] },
          planned: { to: planned },
        },
      });
      return duty.id;
    });
    return this.get(actor, id);
  }

  /** The region's duties (an office), or one's own (`mine`, and anyone who is not the office). */
  async list(
    actor: Actor,
    q: DutyFilter & { mine?: 'true' | 'false' | undefined; page: number; pageSize: number },
  ) {
    const mine = q.mine === 'true' || !this.canManage(actor);
    const { rows, total } = await new DutiesRepository(this.database.db).page(
      {
        regionPrefix: mine ? '' : scopeOf(actor).regionPrefix,
        assigneeUserId: mine ? actor.userId : q.assigneeUserId,
        subject: q.subject,
        ended: q.ended,
      },
      this.today(),
      q.page,
      q.pageSize,
    );
    return { items: rows.map((r) => this.view(actor, r)), total, page: q.page, pageSize: q.pageSize };
  }

  async get(actor: Actor, id: string): Promise<DutyView> {
    const repo = new DutiesRepository(this.database.db);
    const duty = await repo.duty(id, '');
    // A duty is seen by its assignee and by those who oversee its region.
    if (!duty || (duty.assigneeUserId !== actor.userId && !overseesRegion(actor, duty.scopeRegion))) {
      throw standingError('DUTY_NOT_FOUND');
    }
    const { rows } = await repo.page({ regionPrefix: '', id }, this.today(), 1, 1);
    return this.view(actor, rows[0]!);
  }

  /**
   * Changes a running duty's cadence, care visits, end or note: its
   * occurrences from today that nobody recorded are planned again; the past
   * and every record stay.
   */
  async change(actor: Actor, id: string, input: DutyChangeInput): Promise<DutyView> {
    const today = this.today();
    await this.database.transaction(async (tx) => {
      const repo = new DutiesRepository(tx);
      const before = await repo.duty(id, scopeOf(actor).regionPrefix);
      if (!before) throw standingError('DUTY_NOT_FOUND');
      if (before.endedAt) throw standingError('DUTY_ENDED');
      this.checkSpan(before.startOn, input.endOn);
      const after = await repo.update(id, input.version, {
        cadence: input.cadence,
        care: input.care,
        endOn: input.endOn,
        ...(input.note !== undefined ? { note: input.note } : {}),
        updatedAt: this.clock.now(),
      });
      if (!after) throw httpError('VERSION_CONFLICT', { details: { currentVersion: before.version } });
      const dropped = await new StandingRepository(tx).dropUnrecordedFrom(id, today);
      const planned = await this.plan(tx, after, today);
      await this.audit.record(tx, actor, {
        action: 'standing.duty.update',
        entity: 'contact_duty',
        entityId: id,
        regionCode: after.scopeRegion,
        changes: {
          cadence: { from: before.cadence, to: after.cadence },
          care: { from: before.care, to: after.care },
          endOn: { from: before.endOn, to: after.endOn },
          replanned: { from: dropped, to: planned },
        },
      });
    });
    return this.get(actor, id);
  }

  /** Ends a duty, saying why: its occurrences from today that nobody recorded are dropped. */
  async end(actor: Actor, id: string, input: EndInput): Promise<DutyView> {
    await this.database.transaction(async (tx) => {
      const repo = new DutiesRepository(tx);
      const before = await repo.duty(id, scopeOf(actor).regionPrefix);
      if (!before) throw standingError('DUTY_NOT_FOUND');
      if (before.endedAt) throw standingError('DUTY_ENDED');
      const now = this.clock.now();
      const after = await repo.update(id, input.version, {
        endedAt: now,
        endReason: input.reason,
        updatedAt: now,
      });
      if (!after) throw httpError('VERSION_CONFLICT', { details: { currentVersion: before.version } });
      const dropped = await new StandingRepository(tx).dropUnrecordedFrom(id, this.today());
      await this.audit.record(tx, actor, {
        action: 'standing.duty.end',
        entity: 'contact_duty',
        entityId: id,
        regionCode: before.scopeRegion,
        changes: {
          endedAt: { to: now.toISOString() },
          reason: { to: input.reason },
          dropped: { to: dropped },
        },
      });
    });
    return this.get(actor, id);
  }

  private view(actor: Actor, r: Awaited<ReturnType<DutiesRepository['page']>>['rows'][number]): DutyView {
    const d = r.duty;
    return {
      id: d.id,
      regionCode: d.scopeRegion,
      assigneeUserId: d.assigneeUserId,
      assigneeName: r.assigneeName,
      subject: d.subject,
      partyId: (d.talentId ?? d.enterpriseId) as string,
      partyName: r.partyName,
      cadence: d.cadence,
      care: d.care,
      startOn: d.startOn,
      endOn: d.endOn,
      note: d.note,
      endedAt: d.endedAt?.toISOString() ?? null,
      endReason: d.endReason,
      total: {
        planned: Number(r.planned),
        done: Number(r.done),
        overdue: Number(r.overdue),
        due: Number(r.due),
      },
      lastContactOn: r.lastContactOn,
      nextDueOn: r.nextDueOn,
      canManage: this.canManage(actor) && !d.endedAt,
      version: d.version,
    };
  }
}
