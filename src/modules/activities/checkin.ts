import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * 签到码: what the attendee's QR code carries. It names one registration and
 * one activity and is signed by the server (HMAC-SHA256 under a key derived
 * from the platform's secret), so it cannot be forged or moved to another
 * activity; the server checks the registration's current status on every scan.
 *
 *   HD1.<activity id>.<registration id>.<signature, base64url>
 */
const PREFIX = 'HD1';

export class CheckInCodes {
  private readonly key: Buffer;

  constructor(secret: string | Buffer) {
    this.key = createHmac('sha256', secret).update('caiqiao/activity-check-in/v1').digest();
  }

  sign(activityId: string, registrationId: string): string {
    return `${PREFIX}.${activityId}.${registrationId}.${this.mac(activityId, registrationId)}`;
  }

  /** The ids the code names when its signature is good; null for anything else. */
  verify(code: string): { activityId: string; registrationId: string } | null {
    const parts = code.trim().split('.');
    if (parts.length !== 4 || parts[0] !== PREFIX) return null;
    const [, activityId, registrationId, mac] = parts as [string, string, string, string];
    const expected = Buffer.from(this.mac(activityId, registrationId));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    return { activityId, registrationId };
  }

  private mac(activityId: string, registrationId: string): string {
    return createHmac('sha256', this.key)
      .update(`${activityId}|${registrationId}`)
      .digest()
      .subarray(0, 18)
      .toString('base64url');
  }
}
