import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus, talentIds } from '../../../test/support/factories.ts';
import { type Client, type TestPlatform, testPlatform } from '../../../test/support/platform.ts';

interface Occurrence {
  id: string;
  kind: string;
  dueOn: string;
  periodLabel: string;
  occasion: string | null;
  state: string;
  dutyId: string | null;
  subjectLabel: string;
}

describe('contact duties: an office’s people keep in touch with talents and enterprises', () => {
  let p: TestPlatform;
  let operator: Client;
  let expert: Client;
  let operatorId: string;
  let expertUserId: string;
  let talents: Record<string, string>;
  let dutyId: string;
  const occurrences = async (client: Client, query: string): Promise<Occurrence[]> =>
    expectStatus(await client.get(`/api/standing/occurrences?pageSize=100&${query}`), 200).body.items;

  beforeAll(async () => {
    p = await testPlatform({ demo: true, demoOrders: false, demoCommissioners: false });
    operator = await p.signIn('operator');
    expert = await p.signIn('expert');
    operatorId = expectStatus(await operator.get('/api/auth/me'), 200).body.user.id;
    expertUserId = expectStatus(await expert.get('/api/auth/me'), 200).body.user.id;
    talents = await talentIds(operator);
  });
  afterAll(() => p.close());

  it('plans a quarter’s contact and the care visits of 5·30 and Mid-Autumn on working days', async () => {
    const duty = expectStatus(
      await operator.post('/api/standing/duties', {
        assigneeUserId: operatorId,
        subject: 'talent',
        talentId: talents['ZJ-0003'],
        note: '重点联系的省级领军人才',
      }),
      201,
    ).body;
    dutyId = duty.id;
    expect(duty).toMatchObject({
      startOn: '2026-03-02',
      endOn: '2026-12-31',
      cadence: { period: 'quarter', count: 1 },
      care: true,
      assigneeName: '王敏',
    });
    const planned = await occurrences(operator, `dutyId=${dutyId}`);
    expect(planned.filter((o) => o.kind === 'contact').map((o) => o.dueOn)).toEqual([
      '2026-03-31',
      '2026-06-30',
      '2026-09-30',
      '2026-12-31',
    ]);
    // 30 May 2026 is a Saturday: the care visit is due the Friday before; Mid-Autumn's first day off is 25 September.
    // The Spring Festival of 2026 has passed (today is 2 March), so it is not planned.
    const care = planned.filter((o) => o.kind === 'care');
    expect(care.map((o) => [o.occasion, o.dueOn, o.periodLabel])).toEqual([
      ['workers_day', '2026-05-29', '5·30科技工作者日'],
      ['mid_autumn', '2026-09-24', '中秋节前'],
    ]);
    expect(planned[0]?.subjectLabel).toMatch(/^王敏 联系 \S+/);
  });

  it('refuses an assignee who is not the office’s, a duty held already, and an end before the start', async () => {
    const notStaff = await operator.post('/api/standing/duties', {
      assigneeUserId: expertUserId,
      subject: 'talent',
      talentId: talents['ZJ-0004'],
    });
    expect(expectStatus(notStaff, 400).body.error.code).toBe('DUTY_ASSIGNEE_UNKNOWN');
    const twice = await operator.post('/api/standing/duties', {
      assigneeUserId: operatorId,
      subject: 'talent',
      talentId: talents['ZJ-0003'],
    });
    expect(expectStatus(twice, 409).body.error.code).toBe('DUTY_EXISTS');
    const backwards = await operator.post('/api/standing/duties', {
      assigneeUserId: operatorId,
      subject: 'talent',
      talentId: talents['ZJ-0005'],
      startOn: '2026-06-01',
      endOn: '2026-05-01',
    });
    expect(expectStatus(backwards, 400).body.error.code).toBe('DUTY_SPAN_INVALID');
    const mismatched = await operator.post('/api/standing/duties', {
      assigneeUserId: operatorId,
      subject: 'enterprise',
      talentId: talents['ZJ-0005'],
    });
    expect(mismatched.status).toBe(400);
    // An expert cannot assign duties.
    expect(
      (
        await expert.post('/api/standing/duties', {
          assigneeUserId: operatorId,
          subject: 'talent',
          talentId: talents['ZJ-0005'],
        })
      ).status,
    ).toBe(403);
  });

  it('puts the duty on its assignee’s own list, done by a phone call logged there', async () => {
    const mine = await occurrences(operator, 'mine=true&subject=duty');
    const march = mine.find((o) => o.dutyId === dutyId && o.kind === 'contact')!;
    expect(march.state).toBe('planned');
    const done = expectStatus(
      await operator.post(`/api/standing/occurrences/${march.id}/record`, {
        visit: { mode: 'phone', summary: '电话了解近期科研进展与人才引进需求' },
      }),
      200,
    ).body;
    expect(done.state).toBe('done');
    const visit = expectStatus(await operator.get(`/api/standing/visits/${done.record.visitId}`), 200).body;
    expect(visit).toMatchObject({ mode: 'phone', talentId: talents['ZJ-0003'], dutyId });
    const duty = expectStatus(await operator.get(`/api/standing/duties/${dutyId}`), 200).body;
    expect(duty.total).toMatchObject({ planned: 6, done: 1, overdue: 0 });
    expect(duty.lastContactOn).toBe('2026-03-02');
    expect(duty.nextDueOn).toBe('2026-05-29');
    // Another city's operator sees nothing of it, by id or in a list.
    const admin = await p.signIn('admin');
    expectStatus(
      await admin.post('/api/users', {
        username: 'hz.duty.operator',
        displayName: '杭州运营',
        role: 'operator',
        regionCode: '330100',
        password: 'scope-Test-2026',
      }),
      201,
    );
    const hangzhou = await p.signIn('hz.duty.operator', 'scope-Test-2026');
    expect((await hangzhou.get(`/api/standing/duties/${dutyId}`)).status).toBe(404);
    expect(expectStatus(await hangzhou.get('/api/standing/duties'), 200).body.total).toBe(0);
    expect(
      (
        await hangzhou.post(`/api/standing/occurrences/${march.id}/unrecord`, {
          reason: '越权撤销',
          version: done.version,
        })
      ).status,
    ).toBe(404);
    // The expert neither sees the office's duty nor records it.
    expect((await expert.get(`/api/standing/duties/${dutyId}`)).status).toBe(404);
    const next = mine.find((o) => o.dutyId === dutyId && o.kind === 'care')!;
    expect(
      (await expert.post(`/api/standing/occurrences/${next.id}/record`, { visit: { summary: '冒名登记' } }))
        .status,
    ).toBe(404);
  });

  it('reminds the assignee before a contact is due and tells the office once it is overdue', async () => {
    p.clock.set(new Date('2026-05-27T09:00:00+08:00'));
    operator = await p.signIn('operator');
    const run = await p.standing.remind();
    expect(run.reminded).toBeGreaterThan(0);
    const inbox = expectStatus(await operator.get('/api/notifications?unread=true'), 200).body;
    // The care visit of 29 May is due within three working days; nothing of the duty is overdue.
    const told = inbox.items.filter((n: { title: string }) => n.title.startsWith('联系服务 王敏'));
    expect(told.map((n: { title: string; body: string }) => [n.title, n.body])).toEqual([
      ['联系服务 王敏：1 次计划服务即将到期', expect.stringMatching(/^2026-05-29 关怀走访 \S+$/)],
    ]);
    p.clock.set(new Date('2026-06-01T09:00:00+08:00'));
    operator = await p.signIn('operator');
    await p.standing.remind();
    const later = expectStatus(await operator.get('/api/notifications?unread=true'), 200).body;
    expect(
      later.items.some((n: { title: string }) => n.title === '联系服务 王敏：1 次计划服务已逾期未登记'),
    ).toBe(true);
  });

  it('re-plans only what is ahead when the cadence changes, and ends with a reason', async () => {
    const before = expectStatus(await operator.get(`/api/standing/duties/${dutyId}`), 200).body;
    const changed = expectStatus(
      await operator.put(`/api/standing/duties/${dutyId}`, {
        cadence: { period: 'month', count: 1 },
        care: false,
        endOn: '2026-12-31',
        version: before.version,
      }),
      200,
    ).body;
    const planned = await occurrences(operator, `dutyId=${dutyId}`);
    // The March contact stays recorded; the overdue care visit of May stays owed; June to December monthly.
    expect(planned.filter((o) => o.state === 'done')).toHaveLength(1);
    expect(planned.filter((o) => o.kind === 'contact' && o.dueOn >= '2026-06-01')).toHaveLength(7);
    expect(planned.some((o) => o.kind === 'care' && o.dueOn > '2026-06-01')).toBe(false);
    const ended = expectStatus(
      await operator.post(`/api/standing/duties/${dutyId}/end`, {
        reason: '人才调往外省工作',
        version: changed.version,
      }),
      200,
    ).body;
    expect(ended.endReason).toBe('人才调往外省工作');
    expect(
      (await occurrences(operator, `dutyId=${dutyId}`)).filter((o) => o.dueOn >= '2026-06-01'),
    ).toHaveLength(0);
    const again = await operator.put(`/api/standing/duties/${dutyId}`, {
      cadence: { period: 'month', count: 1 },
      care: false,
      endOn: '2026-12-31',
      version: ended.version,
    });
    expect(expectStatus(again, 409).body.error.code).toBe('DUTY_ENDED');
  });
});
