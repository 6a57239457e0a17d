import type { Actor } from '../../platform/access/actor.ts';
import type { AuditService } from '../../platform/audit/service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCipher } from '../../platform/crypto/fields.ts';
import { type Executor, PG_UNIQUE_VIOLATION, pgErrorCode } from '../../platform/db/client.ts';
import { activitiesError } from './errors.ts';
import { type ActivityKind, type ParticipantRole, takesSeat } from './kinds.ts';
import { REGISTRATION_STATUS_NAMES, type RegistrationStatus } from './machine.ts';
import type { Registrants } from './registrants.ts';
import { ActivitiesRepository } from './repository.ts';
import type { ActivityRow, RegistrationRow } from './schema.ts';
import { newShortCode } from './short-codes.ts';

/** Who is registering: resolved from the request and the caller before any seat is taken. */
export interface Participant {
  role: ParticipantRole;
  identity: string;
  name: string;
  organisationName: string | null;
  userId: string | null;
  talentId: string | null;
  enterpriseId: string | null;
  institutionId: string | null;
  organisationId: string | null;
  mobile: string | null;
  note: string | null;
  source: 'self' | 'invited' | 'imported' | 'operator';
}

/**
 * Seats and the waiting list, for every way people come in (registering,
 * being registered by an organiser, a sheet): each seat is decided with the
 * activity row locked (`SELECT … FOR UPDATE`), so registrations for one
 * activity take turns, and the waiting list moves up in the transaction that
 * frees a seat.
 */
export class Seats {
  constructor(
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly cipher: FieldCipher,
    private readonly registrants: Registrants,
  ) {}

  /** Takes the seat decision for one participant (activity locked), writes the registration and its audit row. */
  async admit(
    tx: Executor,
    actor: Actor,
    activity: ActivityRow,
    who: Participant,
    manager: boolean,
  ): Promise<RegistrationRow> {
    const repo = new ActivitiesRepository(tx);
    const locked = (await repo.lock(activity.id))!;
    const existing = await repo.liveByIdentity(activity.id, who.identity);
    if (existing) {
      throw activitiesError('REGISTRATION_DUPLICATE', {
        params: { status: REGISTRATION_STATUS_NAMES[existing.status].zh },
        details: { registrationId: existing.id },
      });
    }
    const seated = takesSeat(locked.kind as ActivityKind, who.role);
    let status: RegistrationStatus;
    if (locked.needsApproval && !manager && seated) status = 'pending';
    else status = seated && !(await this.seatFree(repo, locked)) ? 'waitlisted' : 'confirmed';
    const now = this.clock.now();
    const row = await repo.insertRegistration({
      activityId: activity.id,
      role: who.role,
      userId: who.userId,
      talentId: who.talentId,
      enterpriseId: who.enterpriseId,
      institutionId: who.institutionId,
      organisationId: who.organisationId,
      name: who.name,
      organisationName: who.organisationName,
      mobileEnc: who.mobile ? this.cipher.encrypt(who.mobile) : null,
      source: who.source,
      status,
      seated,
      note: who.note,
      identity: who.identity,
      shortCode: await newShortCode(repo, activity.id),
      createdAt: now,
      updatedAt: now,
    });
    await this.audit.record(tx, actor, {
      action: 'activity.register',
      entity: 'activity',
      entityId: activity.id,
      regionCode: activity.scopeRegion,
      changes: {
        registration: { to: { id: row.id, name: row.name, role: row.role, status, source: row.source } },
      },
    });
    return row;
  }

  /** Whether a seat is free (the caller holds the activity's lock). */
  async seatFree(repo: ActivitiesRepository, activity: ActivityRow): Promise<boolean> {
    if (activity.capacity === null) return true;
    return (await repo.seatsTaken(activity.id)) < activity.capacity;
  }

  /** Moves the waiting list up while seats are free (the activity row is locked by the caller). */
  async fillSeats(tx: Executor, activity: ActivityRow): Promise<RegistrationRow[]> {
    const repo = new ActivitiesRepository(tx);
    const promoted: RegistrationRow[] = [];
    for (const next of await repo.waitlist(activity.id)) {
      if (!(await this.seatFree(repo, activity))) break;
      const row = await repo.updateRegistration(next.id, next.version, {
        status: 'confirmed',
        updatedAt: this.clock.now(),
      });
      if (row) promoted.push(row);
    }
    await this.registrants.tell(tx, promoted, {
      kind: 'activity.promoted',
      title: `候补转正：${activity.title}`,
      body: '您已由候补转为报名成功，请按时参加。',
      link: `/activities/${activity.id}`,
    });
    return promoted;
  }
}

/** A second live registration of one identity, stopped by the unique index: the same refusal as the check's. */
export function rethrowDuplicate(err: unknown): never {
  if (pgErrorCode(err) === PG_UNIQUE_VIOLATION) {
    throw activitiesError('REGISTRATION_DUPLICATE', { params: { status: '已报名' }, cause: err });
  }
  throw err;
}
