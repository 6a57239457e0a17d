import type { Actor } from '../../platform/access/actor.ts';
import type { AuditService } from '../../platform/audit/service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCipher } from '../../platform/crypto/fields.ts';
import type { Database, Executor } from '../../platform/db/client.ts';
import { httpError } from '../../platform/http/errors.ts';
import { chinaDate } from '../../reference/china-time.ts';
import { References } from '../registry/references.ts';
import { RegistryRepository } from '../registry/repository.ts';
import { type OrganisationAccount, SELF_ORGANISATION_ROLES } from './constants.ts';
import type { RegisterRequest } from './contract.ts';
import { activitiesError } from './errors.ts';
import { type ActivityKind, KINDS, ORGANISATION_ROLES, type ParticipantRole, ROLE_NAMES } from './kinds.ts';
import {
  ACTIVITY_STATUS_NAMES,
  LIVE_REGISTRATION,
  REGISTRATION_STATUS_NAMES,
  type RegistrationStatus,
} from './machine.ts';
import type { Registrants } from './registrants.ts';
import { ActivitiesRepository, NO_COUNTS } from './repository.ts';
import type { ActivityRow, RegistrationRow } from './schema.ts';
import { type Participant, rethrowDuplicate, type Seats } from './seats.ts';
import type { ActivitiesService } from './service.ts';

/**
 * Registrations: people and organisations register (or an organiser
 * registers or invites them); organisers approve, reject and list them;
 * either side cancels. Who a registration is for is resolved here, the seat
 * it gets by Seats.
 */
export class RegistrationsService {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly cipher: FieldCipher,
    private readonly activities: ActivitiesService,
    private readonly seats: Seats,
    private readonly registrants: Registrants,
  ) {}

  /**
   * 报名: the caller registers themselves (or their organisation), or an
   * organiser registers anyone. The seat is decided with the activity row
   * locked, so two people taking the last seat at once get one seat and one
   * place on the waiting list.
   */
  async register(actor: Actor, id: string, request: RegisterRequest) {
    const registration = await this.database
      .transaction(async (tx) => {
        const activity = await this.activities.find(tx, actor, id);
        const manager = this.activities.manages(actor, activity);
        // Who came is recorded by the organisers only; a participant registers, the desk checks them in.
        if (request.attended && !manager) throw activitiesError('ACTIVITY_NOT_MANAGER');
        this.checkOpen(activity, manager, request.attended === true);
        const who = await this.participant(tx, actor, activity, request, manager);
        const row = await this.seats.admit(tx, actor, activity, who, manager);
        return request.attended ? this.markAttended(tx, actor, activity, row) : row;
      })
      .catch(rethrowDuplicate);
    return this.registrants.view(
      registration,
      true,
      [],
      await this.registrants.talentCodes(this.database.db, [registration]),
    );
  }

  /** Approve or reject (organisers), or cancel (organisers, or the registrant). */
  async act(
    actor: Actor,
    id: string,
    registrationId: string,
    request: { action: 'approve' | 'reject' | 'cancel'; reason?: string | undefined },
  ) {
    const row = await this.database.transaction(async (tx) => {
      const activity = await this.activities.find(tx, actor, id);
      const repo = new ActivitiesRepository(tx);
      const locked = (await repo.lock(id))!;
      const before = await repo.registration(id, registrationId);
      if (!before) throw activitiesError('REGISTRATION_NOT_FOUND');
      const manager = this.activities.manages(actor, activity);
      const own =
        before.userId === actor.userId ||
        (!!actor.organisationId && before.organisationId === actor.organisationId);
      if (!manager && !(request.action === 'cancel' && own)) throw activitiesError('ACTIVITY_NOT_MANAGER');
      const status = before.status;
      const allowed: Record<typeof request.action, RegistrationStatus[]> = {
        approve: ['pending'],
        reject: ['pending', 'waitlisted'],
        cancel: [...LIVE_REGISTRATION],
      };
      if (!allowed[request.action].includes(status)) {
        throw activitiesError('REGISTRATION_ACTION_NOT_ALLOWED', {
          params: {
            status: REGISTRATION_STATUS_NAMES[status].zh,
            action: { approve: '通过', reject: '不通过', cancel: '取消' }[request.action],
          },
        });
      }
      let to: RegistrationStatus;
      if (request.action === 'approve') {
        to = before.seated && !(await this.seats.seatFree(repo, locked)) ? 'waitlisted' : 'confirmed';
      } else to = request.action === 'reject' ? 'rejected' : 'cancelled';
      const after = await repo.updateRegistration(before.id, before.version, {
        status: to,
        ...(request.reason ? { note: [before.note, request.reason].filter(Boolean).join('；') } : {}),
        updatedAt: this.clock.now(),
      });
      if (!after) throw httpError('VERSION_CONFLICT', { details: { currentVersion: before.version } });
      await this.audit.record(tx, actor, {
        action: `activity.registration.${request.action}`,
        entity: 'activity',
        entityId: id,
        regionCode: activity.scopeRegion,
        changes: {
          registration: { to: { id: before.id, name: before.name } },
          status: { from: status, to },
          ...(request.reason ? { reason: { to: request.reason } } : {}),
        },
      });
      if (request.action !== 'cancel' || !own) {
        await this.registrants.tell(tx, [after], {
          kind: `activity.registration.${request.action}`,
          title: `报名${REGISTRATION_STATUS_NAMES[to].zh}：${activity.title}`,
          body: request.reason ?? null,
          link: `/activities/${id}`,
        });
      }
      if (status === 'confirmed' && before.seated) await this.seats.fillSeats(tx, locked);
      return after;
    });
    return this.registrants.view(row, true, [], await this.registrants.talentCodes(this.database.db, [row]));
  }

  async list(
    actor: Actor,
    id: string,
    q: {
      status?: RegistrationStatus | undefined;
      role?: ParticipantRole | undefined;
      q?: string | undefined;
      checkedIn?: 'true' | 'false' | undefined;
      page: number;
      pageSize: number;
    },
  ) {
    const activity = await this.activities.managed(this.database.db, actor, id);
    const repo = new ActivitiesRepository(this.database.db);
    const { items, total } = await repo.registrations(activity.id, {
      status: q.status,
      role: q.role,
      q: q.q,
      ...(q.checkedIn ? { checkedIn: q.checkedIn === 'true' } : {}),
      page: q.page,
      pageSize: q.pageSize,
    });
    const waitlist = (await repo.waitlist(activity.id)).map((r) => r.id);
    const counts = (await repo.counts([activity.id])).get(activity.id) ?? NO_COUNTS;
    const codes = await this.registrants.talentCodes(this.database.db, items);
    return {
      items: items.map((r) => this.registrants.view(r, false, waitlist, codes)),
      total,
      page: q.page,
      pageSize: q.pageSize,
      counts,
    };
  }

  /**
   * 参会名单 for a matchmaking meeting's participants: who else is confirmed
   * (name, organisation, role, expert code), so that one side can ask the
   * other for a meeting. Organisers and confirmed participants only.
   */
  async participants(actor: Actor, id: string) {
    const activity = await this.activities.find(this.database.db, actor, id);
    const repo = new ActivitiesRepository(this.database.db);
    const mine = await repo.mine(id, this.activities.scopeFor(actor));
    if (!this.activities.manages(actor, activity) && !mine.some((r) => r.status === 'confirmed')) {
      throw activitiesError('REGISTRATION_NOT_FOUND');
    }
    const rows = (await repo.allRegistrations(id)).filter((r) => r.status === 'confirmed');
    const codes = await this.registrants.talentCodes(this.database.db, rows);
    return {
      items: rows.map((r) => ({
        registrationId: r.id,
        role: r.role as ParticipantRole,
        name: r.name,
        organisationName: r.organisationName,
        talentCode: r.talentId ? (codes.get(r.talentId) ?? null) : null,
      })),
    };
  }

  /**
   * 出席: a registration an organiser records as having come (an activity entered after it was held,
   * or a registration by hand at the door), confirmed and checked in — at the activity's start when
   * it is already over, so that it counts on the activity's day; the audit row keeps when it was
   * entered and by whom. Checked-in registrations stay as they are.
   */
  async markAttended(
    tx: Executor,
    actor: Actor,
    activity: ActivityRow,
    row: RegistrationRow,
  ): Promise<RegistrationRow> {
    if (activity.status === 'draft' || activity.status === 'cancelled') {
      throw activitiesError('CHECKIN_NOT_OPEN', {
        params: { status: ACTIVITY_STATUS_NAMES[activity.status].zh },
      });
    }
    if (row.checkedInAt) return row;
    const now = this.clock.now();
    const at = attendedAt(activity, now);
    // They came: a seat they held or not (a full activity's waiting list, recorded afterwards).
    const after = await new ActivitiesRepository(tx).updateRegistration(row.id, row.version, {
      status: 'confirmed',
      checkedInAt: at,
      checkInMethod: 'recorded',
      checkedInBy: actor.userId,
      updatedAt: now,
    });
    if (!after) throw httpError('VERSION_CONFLICT', { details: { currentVersion: row.version } });
    await this.audit.record(tx, actor, {
      action: 'activity.checkin',
      entity: 'activity',
      entityId: activity.id,
      regionCode: activity.scopeRegion,
      changes: {
        registration: { to: { id: after.id, name: after.name, method: 'recorded' } },
        checkedInAt: { to: at.toISOString() },
        activityOn: { to: chinaDate(activity.startsAt) },
      },
    });
    return after;
  }

  private checkOpen(activity: ActivityRow, manager: boolean, attended: boolean): void {
    const status = activity.status;
    const closesAt = activity.registrationClosesAt ?? activity.endsAt;
    const open = status === 'published' && closesAt.getTime() > this.clock.now().getTime();
    // Organisers also register people before publishing and at the door, and record who came after it ended.
    const organiserOpen =
      manager &&
      (status === 'draft' ||
        status === 'published' ||
        status === 'closed' ||
        (status === 'finished' && attended));
    if (!open && !organiserOpen) {
      throw activitiesError('REGISTRATION_CLOSED', {
        params: {
          status: open ? '' : status === 'published' ? '报名已截止' : ACTIVITY_STATUS_NAMES[status].zh,
        },
      });
    }
  }

  /** Who a registration is for: the caller themselves, or (organisers) the named expert, enterprise or guest. */
  private async participant(
    tx: Executor,
    actor: Actor,
    activity: ActivityRow,
    request: RegisterRequest,
    manager: boolean,
  ): Promise<Participant> {
    const kind = KINDS[activity.kind as ActivityKind];
    const registry = new RegistryRepository(tx);
    const naming = request.talentId || request.enterpriseId || request.institutionId || request.name;
    const base = {
      userId: null,
      talentId: null,
      enterpriseId: null,
      institutionId: null,
      organisationId: null,
      organisationName: request.organisationName ?? null,
      mobile: request.mobile ?? null,
      note: request.note ?? null,
    };
    let who: Omit<Participant, 'role'> & { role?: ParticipantRole };
    if (manager && naming) {
      // Organisers name people and organisations of their own region only.
      const references = new References(tx, actor);
      const missing = () => activitiesError('REGISTRATION_WHO_UNKNOWN');
      const source = request.invited ? 'invited' : 'operator';
      if (request.talentId) {
        const t = await references.one('talents', request.talentId, missing, { anyOrganisation: true });
        who = {
          ...base,
          source,
          identity: `talent:${t.id}`,
          name: t.name,
          talentId: t.id,
          userId: t.userId,
          organisationName: request.organisationName ?? t.employerName ?? null,
          role: t.isExpert ? 'expert' : undefined,
        };
      } else if (request.enterpriseId || request.institutionId) {
        const k = request.enterpriseId ? 'enterprises' : 'institutions';
        const org = await references.one(k, (request.enterpriseId ?? request.institutionId)!, missing, {
          anyOrganisation: true,
        });
        who = {
          ...base,
          source,
          identity: `${k === 'enterprises' ? 'enterprise' : 'institution'}:${org.id}`,
          name: request.name ?? org.name,
          organisationName: org.name,
          enterpriseId: k === 'enterprises' ? org.id : null,
          institutionId: k === 'institutions' ? org.id : null,
          organisationId: org.organisationId,
          // An institution comes as 高校院所 where the kind has them; elsewhere in the role asked (a host).
          role: k === 'enterprises' ? 'enterprise' : 'institution',
        };
      } else {
        const name = request.name!;
        who = {
          ...base,
          source,
          identity: request.mobile
            ? `mobile:${this.cipher.lookupHash(request.mobile)}`
            : `name:${name}|${request.organisationName ?? ''}`,
          name,
        };
      }
    } else {
      // Registering oneself, or one's organisation: an enterprise's account as the enterprise, an
      // institution's as the institution (高校院所), in the kind's first role for them unless asked.
      const account = organisationAccount(actor);
      const ownRole = account
        ? kind.roles.find((r) => (SELF_ORGANISATION_ROLES[account] as readonly string[]).includes(r))
        : undefined;
      const orgRole = request.role
        ? ORGANISATION_ROLES.has(request.role)
          ? request.role
          : undefined
        : ownRole;
      if (orgRole) {
        const institution = orgRole === 'institution';
        const org = actor.organisationId
          ? await registry.byColumn(
              institution ? 'institutions' : 'enterprises',
              'organisationId',
              actor.organisationId,
            )
          : undefined;
        if (!org) {
          throw activitiesError('REGISTRATION_NO_PROFILE', {
            params: { what: institution ? '高校院所' : '企业' },
          });
        }
        who = {
          ...base,
          source: 'self',
          identity: `${institution ? 'institution' : 'enterprise'}:${org.id}`,
          name: org.name,
          organisationName: org.name,
          enterpriseId: institution ? null : org.id,
          institutionId: institution ? org.id : null,
          organisationId: org.organisationId,
          userId: actor.userId,
          role: orgRole,
        };
      } else {
        const talent = await registry.byColumn('talents', 'userId', actor.userId);
        if (request.role === 'expert' && !talent?.isExpert) {
          throw activitiesError('REGISTRATION_NO_PROFILE', { params: { what: '专家' } });
        }
        who = {
          ...base,
          source: 'self',
          identity: talent ? `talent:${talent.id}` : `user:${actor.userId}`,
          name: talent?.name ?? actor.displayName,
          organisationName: request.organisationName ?? talent?.employerName ?? null,
          talentId: talent?.id ?? null,
          userId: actor.userId,
          role: request.role ?? (talent?.isExpert && kind.roles.includes('expert') ? 'expert' : undefined),
        };
      }
    }
    const role =
      request.role ?? who.role ?? kind.roles.find((r) => !ORGANISATION_ROLES.has(r)) ?? kind.roles[0]!;
    if (!kind.roles.includes(role)) {
      throw activitiesError('REGISTRATION_ROLE_INVALID', { params: { role: ROLE_NAMES[role].zh } });
    }
    return { ...who, role };
  }
}

/**
 * When someone who came is checked in: now, while the activity is on (or about to be); the
 * activity's start once it is over (recorded afterwards), so that figures count it on its day.
 */
export function attendedAt(activity: Pick<ActivityRow, 'startsAt' | 'endsAt'>, now: Date): Date {
  return now.getTime() > activity.endsAt.getTime() ? activity.startsAt : now;
}

/** The kind of organisation an account acts for, when it is an enterprise's or an institution's. */
export function organisationAccount(actor: Actor): OrganisationAccount | null {
  return actor.role === 'enterprise' || actor.role === 'institution' ? actor.role : null;
}
