import type { Actor } from '../../platform/access/actor.ts';
import { publicPrefix, regionInScope, scopeOf } from '../../platform/access/scope.ts';
import type { AuditService } from '../../platform/audit/service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCipher } from '../../platform/crypto/fields.ts';
import type { Database, Executor } from '../../platform/db/client.ts';
import { httpError } from '../../platform/http/errors.ts';
import type { ImportKind } from '../../platform/io/import.ts';
import type { NotificationsService } from '../../platform/notifications/service.ts';
import { decide, statusRefusalParams } from '../../platform/workflow.ts';
import { chinaDate } from '../../reference/china-time.ts';
import type { ListsService } from '../lists/service.ts';
import type { CheckInCodes } from './checkin.ts';
import { CheckInDesk } from './checkin-desk.ts';
import { SELF_ORGANISATION_ROLES } from './constants.ts';
import type { ActivitiesQuery, ActivityInput, ActivityUpdate, ActivityView } from './contract.ts';
import { activitiesError } from './errors.ts';
import { ActivityExports } from './export.ts';
import { registrationsImport } from './import.ts';
import { type ActivityKind, KINDS, ORGANISATION_ROLES, type ParticipantRole } from './kinds.ts';
import { ACTIVITY_WORKFLOW, type ActivityAction, activityActionsFor, LIVE_REGISTRATION } from './machine.ts';
import { Registrants } from './registrants.ts';
import { organisationAccount, RegistrationsService } from './registrations.ts';
import {
  ActivitiesRepository,
  type ActivityScope,
  type Counts,
  listFilter,
  NO_COUNTS,
} from './repository.ts';
import type { ActivityRow } from './schema.ts';
import { Seats } from './seats.ts';

/**
 * Activities: the region's organisers (activities.manage) set them up and run
 * them; people and organisations register (or are invited or imported), with
 * approval, capacity and a waiting list decided one at a time per activity
 * (the activity row is locked while a seat is decided); at the door a signed
 * QR code or a name search checks them in.
 *
 * This service is the activity itself and its lifecycle, and who may see and
 * run it; the rest of the module's use cases hang off it, each in its file:
 * registrations (registrations.ts, seats in seats.ts), the check-in desk
 * (checkin-desk.ts), the sheets (export.ts) and the registration import
 * (import.ts, an ImportKind for platform/io). Meetings and work (meetings.ts, work.ts) are wired beside it.
 */
export class ActivitiesService {
  /** How registrations are shown and their people told. */
  readonly registrants: Registrants;
  readonly registrations: RegistrationsService;
  readonly desk: CheckInDesk;
  readonly exports: ActivityExports;
  private readonly seats: Seats;
  private readonly registrationsImport: ImportKind;

  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    cipher: FieldCipher,
    codes: CheckInCodes,
    private readonly lists: ListsService,
    notifications: NotificationsService,
  ) {
    this.registrants = new Registrants(cipher, codes, notifications);
    this.seats = new Seats(audit, clock, cipher, this.registrants);
    this.registrations = new RegistrationsService(
      database,
      audit,
      clock,
      cipher,
      this,
      this.seats,
      this.registrants,
    );
    this.desk = new CheckInDesk(database, audit, clock, codes, this, this.registrants);
    this.exports = new ActivityExports(database, clock, cipher, this);
    this.registrationsImport = registrationsImport(this, this.seats, cipher);
  }

  /** What the module imports through platform/io: registration sheets. */
  importKinds(): ImportKind[] {
    return [this.registrationsImport];
  }

  scopeFor(actor: Actor): ActivityScope {
    const manager = actor.permissions.has('activities.manage');
    const prefix = scopeOf(actor).regionPrefix;
    return {
      regionPrefix: manager ? prefix : publicPrefix(prefix),
      manager,
      userId: actor.userId,
      organisationId: actor.organisationId,
    };
  }

  async list(actor: Actor, q: ActivitiesQuery) {
    const repo = new ActivitiesRepository(this.database.db);
    const { items, total } = await repo.list(this.scopeFor(actor), {
      ...listFilter(q),
      page: q.page,
      pageSize: q.pageSize,
    });
    return {
      items: items.map(({ counts, ...row }) => summary(row, counts)),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  async get(actor: Actor, id: string): Promise<ActivityView> {
    return this.view(this.database.db, actor, await this.find(this.database.db, actor, id));
  }

  /** An activity the caller can see. */
  async find(db: Executor, actor: Actor, id: string): Promise<ActivityRow> {
    const row = await new ActivitiesRepository(db).byId(id, this.scopeFor(actor));
    if (!row) throw activitiesError('ACTIVITY_NOT_FOUND');
    return row;
  }

  /** An activity the caller organises (activities.manage over its region). */
  async managed(db: Executor, actor: Actor, id: string): Promise<ActivityRow> {
    const row = await this.find(db, actor, id);
    if (!this.manages(actor, row)) throw activitiesError('ACTIVITY_NOT_MANAGER');
    return row;
  }

  manages(actor: Actor, row: ActivityRow): boolean {
    return actor.permissions.has('activities.manage') && regionInScope(row.scopeRegion, scopeOf(actor));
  }

  async create(actor: Actor, input: ActivityInput): Promise<ActivityView> {
    if (!actor.permissions.has('activities.manage')) throw activitiesError('ACTIVITY_NOT_MANAGER');
    if (!regionInScope(input.regionCode, scopeOf(actor)))
      throw activitiesError('ACTIVITY_REGION_OUT_OF_SCOPE');
    const fields = this.checkFields(input.kind, input);
    return this.database.transaction(async (tx) => {
      await this.checkFeatured(tx, actor, input.featured);
      const now = this.clock.now();
      const repo = new ActivitiesRepository(tx);
      const row = await repo.insert({
        ...fields,
        code: await activityCode(repo, new Date(input.startsAt)),
        kind: input.kind,
        regionCode: input.regionCode,
        scopeRegion: input.regionCode,
        status: 'draft',
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      });
      await repo.setFeatured(row.id, [...new Set(input.featured)]);
      await this.audit.record(tx, actor, {
        action: 'activity.create',
        entity: 'activity',
        entityId: row.id,
        regionCode: row.scopeRegion,
        changes: {
          title: { to: row.title },
          kind: { to: row.kind },
          startsAt: { to: row.startsAt.toISOString() },
        },
      });
      return this.view(tx, actor, row);
    });
  }

  async update(actor: Actor, id: string, input: ActivityUpdate): Promise<ActivityView> {
    return this.database.transaction(async (tx) => {
      const before = await this.managed(tx, actor, id);
      if (before.status === 'finished' || before.status === 'cancelled') {
        throw activitiesError('ACTIVITY_NOT_EDITABLE');
      }
      if (!regionInScope(input.regionCode, scopeOf(actor))) {
        throw activitiesError('ACTIVITY_REGION_OUT_OF_SCOPE');
      }
      const fields = this.checkFields(before.kind as ActivityKind, input);
      await this.checkFeatured(tx, actor, input.featured);
      const repo = new ActivitiesRepository(tx);
      await repo.lock(id);
      const after = await repo.update(id, input.version, {
        ...fields,
        regionCode: input.regionCode,
        scopeRegion: input.regionCode,
        updatedAt: this.clock.now(),
      });
      if (!after) throw httpError('VERSION_CONFLICT', { details: { currentVersion: before.version } });
      await repo.setFeatured(id, [...new Set(input.featured)]);
      // More seats: the waiting list moves up.
      const promoted = await this.seats.fillSeats(tx, after);
      await this.audit.record(tx, actor, {
        action: 'activity.update',
        entity: 'activity',
        entityId: id,
        regionCode: after.scopeRegion,
        changes: {
          title: { from: before.title, to: after.title },
          startsAt: { from: before.startsAt.toISOString(), to: after.startsAt.toISOString() },
          capacity: { from: before.capacity, to: after.capacity },
          ...(promoted.length > 0 ? { promoted: { to: promoted.map((r) => r.id) } } : {}),
        },
      });
      return this.view(tx, actor, after);
    });
  }

  async transition(
    actor: Actor,
    id: string,
    request: { action: ActivityAction; version: number; reason?: string | undefined },
  ): Promise<ActivityView> {
    return this.database.transaction(async (tx) => {
      const before = await this.managed(tx, actor, id);
      const status = before.status;
      // managed() has established the caller manages this activity.
      const verdict = decide(ACTIVITY_WORKFLOW, status, request.action, ['manager'], request.reason);
      if (!verdict.ok) {
        if (verdict.refusal === 'reason') throw activitiesError('ACTIVITY_REASON_REQUIRED');
        throw activitiesError('ACTIVITY_TRANSITION_NOT_ALLOWED', {
          params: statusRefusalParams(ACTIVITY_WORKFLOW, status, request.action),
          details: { status, version: before.version },
        });
      }
      const to = verdict.to;
      const after = await new ActivitiesRepository(tx).update(
        id,
        request.version,
        { status: to, updatedAt: this.clock.now() },
        status,
      );
      if (!after)
        throw httpError('VERSION_CONFLICT', { details: { currentVersion: before.version, status } });
      await this.audit.record(tx, actor, {
        action: `activity.${request.action}`,
        entity: 'activity',
        entityId: id,
        regionCode: after.scopeRegion,
        changes: {
          status: { from: status, to },
          ...(request.reason ? { reason: { to: request.reason } } : {}),
        },
      });
      if (request.action === 'cancel') {
        const everyone = (await new ActivitiesRepository(tx).allRegistrations(id)).filter((r) =>
          LIVE_REGISTRATION.includes(r.status),
        );
        await this.registrants.tell(tx, everyone, {
          kind: 'activity.cancel',
          title: `活动取消：${after.title}`,
          body: request.reason ?? null,
          link: `/activities/${id}`,
        });
      }
      return this.view(tx, actor, after);
    });
  }

  private checkFields(kind: ActivityKind, input: ActivityInput | ActivityUpdate) {
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    const closes = input.registrationClosesAt ? new Date(input.registrationClosesAt) : null;
    if (endsAt <= startsAt || (closes && closes > endsAt)) throw activitiesError('ACTIVITY_TIMES_INVALID');
    const parsed = KINDS[kind].details.safeParse(input.details ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw activitiesError('ACTIVITY_DETAILS_INVALID', {
        params: { problem: `${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim() },
      });
    }
    return {
      title: input.title,
      description: input.description ?? null,
      startsAt,
      endsAt,
      place: input.place ?? null,
      organisers: input.organisers,
      capacity: input.capacity ?? null,
      needsApproval: input.needsApproval,
      registrationClosesAt: closes,
      details: parsed.data,
    };
  }

  private async checkFeatured(tx: Executor, actor: Actor, ids: readonly string[]): Promise<void> {
    const wanted = [...new Set(ids)];
    const seen = await this.lists.visibleRows(actor, wanted, tx);
    if (seen.length !== wanted.length) throw activitiesError('ACTIVITY_FEATURED_UNKNOWN');
  }

  private async view(db: Executor, actor: Actor, row: ActivityRow): Promise<ActivityView> {
    const repo = new ActivitiesRepository(db);
    const scope = this.scopeFor(actor);
    const counts = (await repo.counts([row.id])).get(row.id) ?? NO_COUNTS;
    const featuredIds = await repo.featured(row.id);
    const featured = await this.lists.visibleRows(actor, featuredIds, db);
    const mine = await repo.mine(row.id, scope);
    const codes = await this.registrants.talentCodes(db, mine);
    const waitlist = (await repo.waitlist(row.id)).map((r) => r.id);
    const manage = this.manages(actor, row);
    const kind = KINDS[row.kind as ActivityKind];
    const open =
      row.status === 'published' &&
      (row.registrationClosesAt ?? row.endsAt).getTime() > this.clock.now().getTime() &&
      actor.permissions.has('activities.join');
    const taken = new Set(
      mine.map((m) => (ORGANISATION_ROLES.has(m.role as ParticipantRole) ? 'org' : 'person')),
    );
    // An enterprise's account registers the enterprise; an institution's the institution (or a person).
    const account = organisationAccount(actor);
    const canRegisterAs = open
      ? kind.roles.filter((r) => {
          const org = ORGANISATION_ROLES.has(r);
          if (taken.has(org ? 'org' : 'person')) return false;
          if (!org) return actor.role !== 'enterprise';
          return !!account && (SELF_ORGANISATION_ROLES[account] as readonly string[]).includes(r);
        })
      : [];
    return {
      ...summary(row, counts),
      description: row.description,
      organisers: row.organisers,
      details: row.details,
      featured: featured.map((f) => ({
        id: f.id,
        kind: f.kind,
        code: f.code,
        title: f.title,
        status: f.status,
      })),
      mine: mine.map((m) => this.registrants.view(m, true, waitlist, codes)),
      canRegisterAs,
      actions: manage ? activityActionsFor(row.status) : [],
      over: row.endsAt.getTime() <= this.clock.now().getTime(),
      manage,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }
}

function summary(row: ActivityRow, counts: Counts) {
  return {
    id: row.id,
    code: row.code,
    kind: row.kind as ActivityKind,
    title: row.title,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    place: row.place,
    regionCode: row.regionCode,
    capacity: row.capacity,
    needsApproval: row.needsApproval,
    registrationClosesAt: row.registrationClosesAt?.toISOString() ?? null,
    status: row.status,
    counts,
    version: row.version,
  };
}

/** 活动编号: HD-YYYYMMDD-NN, the China date it starts and its number that day (01, 02 … 100). */
async function activityCode(repo: ActivitiesRepository, startsAt: Date): Promise<string> {
  const prefix = `HD-${chinaDate(startsAt).replaceAll('-', '')}-`;
  return `${prefix}${String(await repo.nextNumber(prefix)).padStart(2, '0')}`;
}
