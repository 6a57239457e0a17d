import QRCode from 'qrcode';
import type { Actor } from '../../platform/access/actor.ts';
import type { AuditService } from '../../platform/audit/service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/client.ts';
import { chinaDate } from '../../reference/china-time.ts';
import type { CheckInCodes } from './checkin.ts';
import { activitiesError } from './errors.ts';
import { ACTIVITY_STATUS_NAMES, REGISTRATION_STATUS_NAMES } from './machine.ts';
import type { Registrants } from './registrants.ts';
import { attendedAt } from './registrations.ts';
import { ActivitiesRepository, NO_COUNTS } from './repository.ts';
import type { ActivitiesService } from './service.ts';
import { normaliseShortCode } from './short-codes.ts';

/** What the desk answers when the registration a check-in names is not there, by how it was named. */
const NOT_FOUND = {
  qr: 'CHECKIN_CODE_INVALID',
  code: 'CHECKIN_SHORT_CODE_UNKNOWN',
  search: 'REGISTRATION_NOT_FOUND',
} as const;

/**
 * The check-in desk at the door: a registrant's QR code (signed by
 * CheckInCodes, checked against the activity and the registration as it is
 * at the moment of the scan), the 签到码 they read out when the QR code will
 * not scan, or a registration found by name.
 */
export class CheckInDesk {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly codes: CheckInCodes,
    private readonly activities: ActivitiesService,
    private readonly registrants: Registrants,
  ) {}

  /**
   * 签到: by the QR code on the attendee's phone (checked against this
   * activity and the registration as it is now), by the 签到码 typed at the
   * desk (looked up within this activity only, so another activity's code is
   * simply not found), or by a registration found by search. The same rules
   * hold for all three: confirmed only, and a second check-in is reported
   * and not counted.
   */
  async checkIn(
    actor: Actor,
    id: string,
    request: { code: string } | { shortCode: string } | { registrationId: string },
  ) {
    return this.database.transaction(async (tx) => {
      const activity = await this.activities.managed(tx, actor, id);
      const status = activity.status;
      if (status === 'draft' || status === 'cancelled') {
        throw activitiesError('CHECKIN_NOT_OPEN', { params: { status: ACTIVITY_STATUS_NAMES[status].zh } });
      }
      const repo = new ActivitiesRepository(tx);
      let registrationId: string;
      let method: 'qr' | 'code' | 'search';
      if ('code' in request) {
        const decoded = this.codes.verify(request.code);
        if (!decoded) throw activitiesError('CHECKIN_CODE_INVALID');
        if (decoded.activityId !== id) {
          const other = await new ActivitiesRepository(tx).byIdUnscoped(decoded.activityId);
          throw activitiesError('CHECKIN_OTHER_ACTIVITY', {
            params: { title: other?.title ?? '（未知活动）' },
          });
        }
        registrationId = decoded.registrationId;
        method = 'qr';
      } else if ('shortCode' in request) {
        const found = await repo.registrationByShortCode(id, normaliseShortCode(request.shortCode));
        if (!found) throw activitiesError('CHECKIN_SHORT_CODE_UNKNOWN');
        registrationId = found.id;
        method = 'code';
      } else {
        registrationId = request.registrationId;
        method = 'search';
      }
      const before = await repo.registration(id, registrationId);
      if (!before) throw activitiesError(NOT_FOUND[method]);
      if (before.status !== 'confirmed') {
        throw activitiesError('CHECKIN_NOT_CONFIRMED', {
          params: { status: REGISTRATION_STATUS_NAMES[before.status].zh },
        });
      }
      let row = before;
      let counted = false;
      if (!before.checkedInAt) {
        const now = this.clock.now();
        // Checked in after the activity ended (recorded later): on the activity's day, not today's.
        const at = attendedAt(activity, now);
        const after = await repo.updateRegistration(before.id, before.version, {
          checkedInAt: at,
          checkInMethod: method,
          checkedInBy: actor.userId,
          updatedAt: now,
        });
        if (after) {
          row = after;
          counted = true;
          await this.audit.record(tx, actor, {
            action: 'activity.checkin',
            entity: 'activity',
            entityId: id,
            regionCode: activity.scopeRegion,
            changes: {
              registration: { to: { id: row.id, name: row.name, method } },
              ...(at !== now
                ? { checkedInAt: { to: at.toISOString() }, activityOn: { to: chinaDate(activity.startsAt) } }
                : {}),
            },
          });
        } else {
          row = (await repo.registration(id, registrationId)) ?? before;
        }
      }
      const counts = (await repo.counts([id])).get(id) ?? NO_COUNTS;
      return {
        counted,
        registration: this.registrants.view(row, false, [], await this.registrants.talentCodes(tx, [row])),
        checkedIn: counts.checkedIn,
      };
    });
  }

  /** The QR code (PNG) of a confirmed registration, for the registrant (or an organiser) to show at the door. */
  async qrCode(actor: Actor, id: string, registrationId: string): Promise<Buffer> {
    const activity = await this.activities.find(this.database.db, actor, id);
    const row = await new ActivitiesRepository(this.database.db).registration(id, registrationId);
    const own =
      !!row &&
      (row.userId === actor.userId ||
        (!!actor.organisationId && row.organisationId === actor.organisationId));
    if (!row || (!own && !this.activities.manages(actor, activity)))
      throw activitiesError('REGISTRATION_NOT_FOUND');
    if (row.status !== 'confirmed') {
      throw activitiesError('CHECKIN_NOT_CONFIRMED', {
        params: { status: REGISTRATION_STATUS_NAMES[row.status].zh },
      });
    }
    return QRCode.toBuffer(this.codes.sign(id, row.id), {
      type: 'png',
      width: 360,
      margin: 2,
      errorCorrectionLevel: 'M',
    });
  }
}
