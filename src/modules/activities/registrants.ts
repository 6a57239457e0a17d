import type { FieldCipher } from '../../platform/crypto/fields.ts';
import type { Executor } from '../../platform/db/client.ts';
import type { NotificationsService } from '../../platform/notifications/service.ts';
import { maskMobile } from '../../reference/mobile.ts';
import { RegistryRepository } from '../registry/repository.ts';
import type { CheckInCodes } from './checkin.ts';
import type { RegistrationView } from './contract.ts';
import type { ParticipantRole } from './kinds.ts';
import type { RegistrationRow } from './schema.ts';

/**
 * The people behind registrations, as every part of the module shows and
 * reaches them: a registration's view (masked mobile, expert code, place on
 * the waiting list, the registrant's own check-in code), and the in-app
 * message to their account or their organisation's.
 */
export class Registrants {
  constructor(
    private readonly cipher: FieldCipher,
    private readonly codes: CheckInCodes,
    private readonly notifications: NotificationsService,
  ) {}

  /** Tells the people behind registrations: their own accounts, or their organisation's (in the caller's transaction). */
  async tell(
    tx: Executor,
    registrations: readonly RegistrationRow[],
    message: { kind: string; title: string; body: string | null; link: string },
  ): Promise<void> {
    const users = [
      ...registrations.map((r) => r.userId),
      ...(await this.notifications.membersOf(
        tx,
        registrations.filter((r) => !r.userId).map((r) => r.organisationId),
      )),
    ].filter((u): u is string => !!u);
    await this.notifications.send(tx, users, message);
  }

  /** The registry codes of the experts among these registrations. */
  async talentCodes(db: Executor, rows: readonly RegistrationRow[]): Promise<Map<string, string>> {
    const ids = [...new Set(rows.map((r) => r.talentId).filter((x): x is string => !!x))];
    const found = await new RegistryRepository(db).linkedByIds('talents', ids);
    return new Map([...found].map(([id, t]) => [id, t.code]));
  }

  /**
   * A registration as the API answers it. `own`: the registrant's view, which
   * carries the check-in codes (the QR's signed one and the 签到码) once
   * confirmed; otherwise the organisers', who see every 签到码 on their list.
   */
  view(
    row: RegistrationRow,
    own: boolean,
    waitlist: readonly string[] = [],
    codes: ReadonlyMap<string, string> = new Map(),
  ): RegistrationView & {
    checkInCode: string | null;
  } {
    const position = waitlist.indexOf(row.id);
    return {
      id: row.id,
      role: row.role as ParticipantRole,
      name: row.name,
      organisationName: row.organisationName,
      mobile: row.mobileEnc ? maskMobile(this.cipher.decrypt(row.mobileEnc)) : null,
      talentId: row.talentId,
      talentCode: row.talentId ? (codes.get(row.talentId) ?? null) : null,
      enterpriseId: row.enterpriseId,
      institutionId: row.institutionId,
      source: row.source,
      status: row.status,
      seated: row.seated,
      waitlistPosition: position >= 0 ? position + 1 : null,
      note: row.note,
      checkedInAt: row.checkedInAt?.toISOString() ?? null,
      checkInMethod: row.checkInMethod,
      shortCode: !own || row.status === 'confirmed' ? row.shortCode : null,
      createdAt: row.createdAt.toISOString(),
      version: row.version,
      checkInCode: own && row.status === 'confirmed' ? this.codes.sign(row.activityId, row.id) : null,
    };
  }
}
