import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activity } from '../../../test/support/factories.ts';
import { type Client, type TestPlatform, testPlatform } from '../../../test/support/platform.ts';

const at = (time: string) => `2026-03-20T${time}:00+08:00`;

/** 签到码: the short code a person reads out at the desk when the QR code will not scan. */
describe('check-in by the 签到码', () => {
  let p: TestPlatform;
  let operator: Client;
  let expert: Client;

  beforeAll(async () => {
    p = await testPlatform({ demo: true });
    operator = await p.signIn('operator');
    expert = await p.signIn('expert');
  });
  afterAll(() => p.close());

  const published = (title: string, body: Record<string, unknown> = {}) =>
    activity(operator, { kind: 'forum', title, startsAt: at('09:00'), endsAt: at('17:00'), ...body });
  const checkIn = (id: string, shortCode: string) =>
    operator.post(`/api/activities/${id}/check-in`, { shortCode });
  const registrations = async (id: string) =>
    (await operator.get(`/api/activities/${id}/registrations?pageSize=100`)).body.items as {
      id: string;
      name: string;
      shortCode: string | null;
      checkedInAt: string | null;
    }[];

  it('shows the registrant a 6–8 character code, and no two registrations of an activity share one', async () => {
    const forum = await published('人才政策宣讲会');
    const mine = (await expert.post(`/api/activities/${forum.id}/registrations`, {})).body;
    expect(mine.status).toBe('confirmed');
    expect(mine.shortCode).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6,8}$/);
    // The activity page answers the same code in the caller's own registration.
    const page = (await expert.get(`/api/activities/${forum.id}`)).body;
    expect(page.mine[0].shortCode).toBe(mine.shortCode);

    const guests = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        operator.post(`/api/activities/${forum.id}/registrations`, {
          name: `来宾${i}`,
          mobile: `1390572${String(3000 + i)}`,
        }),
      ),
    );
    expect(guests.every((g) => g.status === 201)).toBe(true);
    // The organisers' list shows everyone's code, each a different one.
    const list = await registrations(forum.id);
    expect(list).toHaveLength(31);
    const codes = list.map((r) => r.shortCode);
    expect(codes.every((c) => typeof c === 'string' && /^[2-9A-Z]{6,8}$/.test(c))).toBe(true);
    expect(new Set(codes).size).toBe(31);
    expect(list.find((r) => r.id === mine.id)?.shortCode).toBe(mine.shortCode);
  });

  it('keeps the code from a registrant until they are confirmed, as the QR code is', async () => {
    const care = await published('人才健康体检', { kind: 'care', needsApproval: true });
    const pending = (await expert.post(`/api/activities/${care.id}/registrations`, {})).body;
    expect(pending.status).toBe('pending');
    expect(pending.shortCode).toBeNull();
    expect((await expert.get(`/api/activities/${care.id}`)).body.mine[0].shortCode).toBeNull();
    // The organiser sees it; checking the pending registration in by it is refused.
    const [listed] = await registrations(care.id);
    expect(listed?.shortCode).toMatch(/^[2-9A-Z]{6}$/);
    const early = await checkIn(care.id, listed!.shortCode!);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('CHECKIN_NOT_CONFIRMED');
    await operator.post(`/api/activities/${care.id}/registrations/${pending.id}`, { action: 'approve' });
    expect((await expert.get(`/api/activities/${care.id}`)).body.mine[0].shortCode).toBe(listed!.shortCode);
  });

  it('checks in by the code as staff type it, once; refuses a cancelled one; does not find another activity’s', async () => {
    const first = await published('数字经济沙龙');
    const second = await published('生物医药论坛');
    const mine = (await expert.post(`/api/activities/${first.id}/registrations`, {})).body;
    const code: string = mine.shortCode;
    // Lower case, with a space and a hyphen in it, as somebody reading it off a phone types it.
    const typed = ` ${code.slice(0, 3).toLowerCase()} -${code.slice(3).toLowerCase()}`;

    const ok = await checkIn(first.id, typed);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ counted: true, checkedIn: 1 });
    expect(ok.body.registration).toMatchObject({ id: mine.id, name: '陈志远', checkInMethod: 'code' });
    expect((await registrations(first.id)).find((r) => r.id === mine.id)?.checkedInAt).toBeTruthy();
    const twice = await checkIn(first.id, code);
    expect(twice.status).toBe(200);
    expect(twice.body).toMatchObject({ counted: false, checkedIn: 1 });
    expect(twice.body.registration.checkedInAt).toBe(ok.body.registration.checkedInAt);

    // Audited as the other ways in are, saying how.
    const audit = await (await p.signIn('auditor')).get(
      `/api/audit?entity=activity&entityId=${first.id}&action=activity.checkin`,
    );
    const entries = audit.body.items as { changes: { registration: { to: { method: string } } } }[];
    expect(entries.map((e) => e.changes.registration.to.method)).toEqual(['code']);

    // A code of another activity is not looked up there: just not found.
    const elsewhere = (await expert.post(`/api/activities/${second.id}/registrations`, {})).body;
    const wrong = await checkIn(first.id, elsewhere.shortCode);
    expect(wrong.status).toBe(404);
    expect(wrong.body.error).toMatchObject({
      code: 'CHECKIN_SHORT_CODE_UNKNOWN',
      message: '签到码不存在，请核对后重试或按姓名查找',
    });
    expect((await checkIn(first.id, 'ZZZZZZZZ')).body.error.code).toBe('CHECKIN_SHORT_CODE_UNKNOWN');

    // A cancelled registration's code lets nobody in.
    await expert.post(`/api/activities/${second.id}/registrations/${elsewhere.id}`, { action: 'cancel' });
    const cancelled = await checkIn(second.id, elsewhere.shortCode);
    expect(cancelled.status).toBe(409);
    expect(cancelled.body.error.code).toBe('CHECKIN_NOT_CONFIRMED');
    expect(cancelled.body.error.message).toContain('已取消');

    // Bad input is answered as such, never a 500; the desk is the organisers'.
    expect((await checkIn(first.id, '   ')).status).toBe(400);
    expect((await checkIn(first.id, 'X'.repeat(40))).status).toBe(400);
    const self = await expert.post(`/api/activities/${first.id}/check-in`, { shortCode: code });
    expect(self.status).toBe(403);
    expect((await registrations(second.id)).every((r) => !r.checkedInAt)).toBe(true);
  });
});
