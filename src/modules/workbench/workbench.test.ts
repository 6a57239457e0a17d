import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activity,
  expectStatus,
  idOf,
  order,
  publishedDemand,
  talentIds,
  transition,
  type Versioned,
} from '../../../test/support/factories.ts';
import { type Client, type TestPlatform, testPlatform } from '../../../test/support/platform.ts';
import { chinaWeek } from './service.ts';

interface Task {
  key: string;
  count: number;
  capped: boolean;
  link: string;
}

const ROLES = [
  'admin',
  'operator',
  'institution',
  'enterprise',
  'expert',
  'provider',
  'reviewer',
  'auditor',
] as const;

/**
 * 工作台 (#15 §2): the home lists what waits for the caller, and each count is
 * the total of the list its link opens — checked here over HTTP against the
 * list routes themselves, for every role, as records move, and across regions.
 */
describe('workbench', () => {
  let p: TestPlatform;
  let admin: Client;
  let operator: Client;
  let enterprise: Client;
  let expert: Client;
  let institution: Client;
  let clients: Record<string, Client>;
  let experts: Record<string, string>;

  beforeAll(async () => {
    p = await testPlatform({ demo: true });
    admin = await p.signIn('admin');
    clients = {};
    for (const role of ROLES) clients[role] = await p.signIn(role);
    operator = clients.operator!;
    enterprise = clients.enterprise!;
    expert = clients.expert!;
    institution = clients.institution!;
    experts = await talentIds(operator);
  });
  afterAll(() => p.close());

  async function tasksOf(client: Client): Promise<Task[]> {
    return expectStatus(await client.get('/api/workbench'), 200).body.tasks;
  }

  async function counts(client: Client): Promise<Record<string, number>> {
    return Object.fromEntries((await tasksOf(client)).map((t) => [t.key, t.count]));
  }

  /** Every task's count is the total of GET on its link's list API, with the same filter. */
  async function expectCountsEqualLists(client: Client, who: string) {
    const tasks = await tasksOf(client);
    for (const task of tasks) {
      const list = expectStatus(await client.get(`/api${task.link}`), 200).body;
      expect(task.count, `${who}: ${task.key} ${task.link}`).toBe(list.total);
      expect(task.capped, `${who}: ${task.key}`).toBe(list.totalCapped ?? false);
    }
    return tasks;
  }

  it('answers each role the tasks of its part, each a link to its list with the filter', async () => {
    const keys = async (role: string) => (await tasksOf(clients[role]!)).map((t) => t.key);
    expect(await keys('enterprise')).toEqual([
      'demands.draft',
      'demands.submitted',
      'demands.published',
      'orders.confirm',
      'activities.myWeek',
    ]);
    expect(await keys('expert')).toEqual(['orders.answer', 'orders.serve', 'activities.myWeek']);
    expect(await keys('institution')).toEqual([
      'orders.institutionDispatch',
      'orders.institutionOffered',
      'activities.myWeek',
    ]);
    const operatorKeys = await keys('operator');
    expect(operatorKeys).toEqual([
      'orders.placed',
      'orders.overdue',
      'review.demands',
      'review.talent-demands',
      'review.achievements',
      'activities.week',
      'flagged.demands',
      'flagged.talent-demands',
      'flagged.achievements',
      'flagged.talents',
      'flagged.enterprises',
      'flagged.institutions',
      'flagged.stations',
    ]);
    expect(await keys('admin')).toEqual(operatorKeys);
    expect(await keys('provider')).toEqual(['activities.myWeek']);
    // The auditor changes nothing: nothing waits for them.
    expect(await keys('auditor')).toEqual([]);

    const links = Object.fromEntries((await tasksOf(operator)).map((t) => [t.key, t.link]));
    expect(links['orders.placed']).toBe('/orders?status=placed');
    expect(links['orders.overdue']).toBe('/orders?overdue=true');
    expect(links['review.demands']).toBe('/lists/demands?status=submitted');
    expect(links['flagged.talents']).toBe('/registry/talents?flagged=true');
    // The clock stands on Monday 2 March 2026 (China time): this week is 2–8 March.
    expect(links['activities.week']).toBe('/activities?from=2026-03-02&to=2026-03-08');
    const mine = Object.fromEntries((await tasksOf(enterprise)).map((t) => [t.key, t.link]));
    expect(mine['demands.draft']).toBe('/lists/demands?status=draft&mine=true');
    expect(mine['orders.confirm']).toBe('/orders?todo=confirm');

    expect((await p.anonymous().get('/api/workbench')).status).toBe(401);
  });

  it("equals its lists' totals for every role, on the demo data", async () => {
    for (const role of ROLES) await expectCountsEqualLists(clients[role]!, role);
    // The demo has something waiting, so the equalities above are not all 0 = 0.
    expect((await counts(operator))['orders.placed']).toBeGreaterThan(0);
    expect((await counts(expert))['orders.answer']).toBeGreaterThan(0);
    expect((await counts(expert))['orders.serve']).toBeGreaterThan(0);
    expect((await counts(enterprise))['demands.published']).toBeGreaterThan(0);
  });

  it('moves with the records: placed → dispatched → accepted → finished; drafts submitted', async () => {
    const demand = await publishedDemand(operator, operator, {
      title: '工作台测试需求：注塑件翘曲变形',
      regionCode: '330521',
      enterpriseId: await idOf(operator, '/api/registry/enterprises', 'QY-001'),
    });
    const before = { operator: await counts(operator), expert: await counts(expert) };

    const placed = await order({ enterprise: operator }, demand.id);
    expect((await counts(operator))['orders.placed']).toBe(before.operator['orders.placed']! + 1);

    // Dispatched to the demo expert: it leaves the queue and waits for the expert's answer.
    const dispatched = await transition(operator, '/api/orders', placed, {
      action: 'dispatch',
      experts: [experts['ZJ-0001']],
    });
    expect((await counts(operator))['orders.placed']).toBe(before.operator['orders.placed']);
    expect((await counts(expert))['orders.answer']).toBe(before.expert['orders.answer']! + 1);
    await expectCountsEqualLists(expert, 'expert');

    // Accepted: no longer an offer to answer, an order to serve.
    const accepted = await transition(expert, '/api/orders', dispatched, { action: 'accept' });
    expect(await counts(expert)).toMatchObject({
      'orders.answer': before.expert['orders.answer'],
      'orders.serve': before.expert['orders.serve']! + 1,
    });

    // Finished: the enterprise (QY-001's account) has it to confirm.
    const confirmBefore = (await counts(enterprise))['orders.confirm']!;
    const started = await transition(expert, '/api/orders', accepted, { action: 'start' });
    await transition(expert, '/api/orders', started, { action: 'finish', outcomes: [{ kind: 'solved' }] });
    expect((await counts(expert))['orders.serve']).toBe(before.expert['orders.serve']);
    expect((await counts(enterprise))['orders.confirm']).toBe(confirmBefore + 1);
    await expectCountsEqualLists(enterprise, 'enterprise');

    // The enterprise's own demands by state.
    const mineBefore = await counts(enterprise);
    const draft: Versioned = expectStatus(
      await enterprise.post('/api/lists/demands', { title: '工作台测试：企业草稿需求' }),
      201,
    ).body;
    expect((await counts(enterprise))['demands.draft']).toBe(mineBefore['demands.draft']! + 1);
    const reviewBefore = (await counts(operator))['review.demands']!;
    await transition(enterprise, '/api/lists/demands', draft, { action: 'submit' });
    expect(await counts(enterprise)).toMatchObject({
      'demands.draft': mineBefore['demands.draft'],
      'demands.submitted': mineBefore['demands.submitted']! + 1,
    });
    expect((await counts(operator))['review.demands']).toBe(reviewBefore + 1);
    await expectCountsEqualLists(operator, 'operator');
  });

  it("follows an order sent to the institution: to dispatch to its experts, then its experts' offers", async () => {
    const demand = await publishedDemand(operator, operator, {
      title: '工作台测试需求：学校派单',
      regionCode: '330502',
      enterpriseId: await idOf(operator, '/api/registry/enterprises', 'QY-001'),
    });
    const before = await counts(institution);
    const placed = await order({ enterprise: operator }, demand.id);
    const sent = await transition(operator, '/api/orders', placed, {
      action: 'dispatch',
      institutionId: await idOf(operator, '/api/registry/institutions', 'JG-001'),
    });
    expect(await counts(institution)).toMatchObject({
      'orders.institutionDispatch': before['orders.institutionDispatch']! + 1,
      'orders.institutionOffered': before['orders.institutionOffered'],
    });
    await expectCountsEqualLists(institution, 'institution');

    // The institution offers it to its expert: no longer to dispatch, waiting for the expert.
    const answerBefore = (await counts(expert))['orders.answer']!;
    const offered = await transition(institution, '/api/orders', sent, {
      action: 'redispatch',
      experts: [experts['ZJ-0001']],
    });
    expect(await counts(institution)).toMatchObject({
      'orders.institutionDispatch': before['orders.institutionDispatch'],
      'orders.institutionOffered': before['orders.institutionOffered']! + 1,
    });
    expect((await counts(expert))['orders.answer']).toBe(answerBefore + 1);

    // The expert declines (the last open offer): back in the queue, the institution's to dispatch again.
    await transition(expert, '/api/orders', offered, { action: 'decline', reason: '时间冲突' });
    expect(await counts(institution)).toMatchObject({
      'orders.institutionDispatch': before['orders.institutionDispatch']! + 1,
      'orders.institutionOffered': before['orders.institutionOffered'],
    });
    expect((await counts(expert))['orders.answer']).toBe(answerBefore);
    await expectCountsEqualLists(institution, 'institution');
  });

  it("counts this week's activities and the overdue steps", async () => {
    const before = await counts(operator);
    // Wednesday of this week, and one a week later (not this week).
    await activity(operator, {
      kind: 'forum',
      title: '工作台测试：本周论坛',
      startsAt: '2026-03-04T09:00:00+08:00',
      endsAt: '2026-03-04T17:00:00+08:00',
    });
    await activity(operator, {
      kind: 'forum',
      title: '工作台测试：下周论坛',
      startsAt: '2026-03-11T09:00:00+08:00',
      endsAt: '2026-03-11T17:00:00+08:00',
    });
    expect((await counts(operator))['activities.week']).toBe(before['activities.week']! + 1);

    // Three weeks on, every open step is past its deadline (the clock moves the list and the count alike).
    const now = p.clock.now();
    p.clock.advanceMinutes(21 * 24 * 60);
    try {
      // A session of its own: the others would be idle that long.
      const later = await expectCountsEqualLists(await p.signIn('operator'), 'operator, three weeks on');
      expect(later.find((t) => t.key === 'orders.overdue')!.count).toBeGreaterThan(0);
    } finally {
      p.clock.set(now);
    }
  });

  it("never counts another region's records", async () => {
    const mk = async (username: string, role: string, regionCode: string) =>
      expectStatus(
        await admin.post('/api/users', {
          username,
          displayName: username,
          role,
          regionCode,
          password: 'bench-Test-2026',
        }),
        201,
      );
    await mk('wb.hz.operator', 'operator', '330100');
    const hangzhou = await p.signIn('wb.hz.operator', 'bench-Test-2026');
    const huzhouBefore = await counts(operator);
    const hangzhouBefore = await counts(hangzhou);

    // In 杭州: a submitted demand, a placed order, an activity this week.
    const submitted: Versioned = expectStatus(
      await hangzhou.post('/api/lists/demands', { title: '杭州的待审核需求', regionCode: '330106' }),
      201,
    ).body;
    await transition(hangzhou, '/api/lists/demands', submitted, { action: 'submit' });
    const open = await publishedDemand(hangzhou, hangzhou, {
      title: '杭州的已发布需求',
      regionCode: '330106',
    });
    await order({ enterprise: hangzhou }, open.id);
    await activity(hangzhou, {
      kind: 'forum',
      title: '杭州本周论坛',
      regionCode: '330106',
      startsAt: '2026-03-05T09:00:00+08:00',
      endsAt: '2026-03-05T17:00:00+08:00',
    });

    expect(await counts(operator)).toEqual(huzhouBefore);
    expect(await counts(hangzhou)).toMatchObject({
      'review.demands': hangzhouBefore['review.demands']! + 1,
      'orders.placed': hangzhouBefore['orders.placed']! + 1,
      'activities.week': hangzhouBefore['activities.week']! + 1,
    });
    await expectCountsEqualLists(hangzhou, 'hangzhou operator');
    await expectCountsEqualLists(operator, 'huzhou operator');
  });

  it('takes the China week of today, Monday to Sunday', () => {
    expect(chinaWeek(new Date('2026-03-02T09:00:00+08:00'))).toEqual({
      from: '2026-03-02',
      to: '2026-03-08',
    });
    // Sunday 23:30 in China is still that week; 16:30 UTC on Sunday is already Monday in China.
    expect(chinaWeek(new Date('2026-03-08T23:30:00+08:00'))).toEqual({
      from: '2026-03-02',
      to: '2026-03-08',
    });
    expect(chinaWeek(new Date('2026-03-08T16:30:00Z'))).toEqual({ from: '2026-03-09', to: '2026-03-15' });
    // Across a month's and a year's end.
    expect(chinaWeek(new Date('2026-01-01T12:00:00+08:00'))).toEqual({
      from: '2025-12-29',
      to: '2026-01-04',
    });
  });
});
