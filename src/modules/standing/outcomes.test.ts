import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activity, expectStatus, transition, type Versioned } from '../../../test/support/factories.ts';
import { type Client, type TestPlatform, testPlatform } from '../../../test/support/platform.ts';

interface Outcome {
  source: string;
  kind: string;
  kindName: string;
  count: number;
  amountYuan: number | null;
  happenedOn: string;
  from: { code: string; title: string; link: string };
  session: { kind: string; kindName: string; dueOn: string } | null;
}

/**
 * 团队成效 (#16): the demo's 湖州新材料助企服务团 (led by the demo expert) serves an order
 * dispatched to it to a signed agreement and a solved problem, and holds its first weekly
 * micro-salon as an activity that brings an agreement for that same order, contacts and a
 * proposal. The team's outcomes list each once, newest first, with where each came from.
 */
describe('standing: a team’s outcomes so far, from its orders and its sessions’ activities', () => {
  let p: TestPlatform;
  let operator: Client;
  let expert: Client;
  let teamId: string;
  let order: Versioned & { code: string };
  let salonActivity: Versioned & { code: string };
  const outcomes = async (client: Client, query = '') =>
    expectStatus(await client.get(`/api/standing/teams/${teamId}/outcomes?pageSize=50${query}`), 200).body;
  const agreements = async () =>
    (await operator.get('/api/insights/dashboard?from=2026-03-01&to=2026-03-31')).body.headline.find(
      (h: { key: string }) => h.key === 'agreements_signed',
    );

  beforeAll(async () => {
    p = await testPlatform({ demo: true });
    operator = await p.signIn('operator');
    expert = await p.signIn('expert');
    const teams = expectStatus(await operator.get('/api/teams?pageSize=50'), 200).body.items as {
      id: string;
      name: string;
    }[];
    teamId = teams.find((t) => t.name === '湖州新材料助企服务团')!.id;
  });
  afterAll(() => p.close());

  it('lists nothing before anything came of the team’s work', async () => {
    const empty = await outcomes(operator);
    expect(empty).toMatchObject({ teamId, items: [], byKind: [], total: 0 });
  });

  it('lists an order’s outcomes once the enterprise confirmed it, and a session’s activity’s once, newest first', async () => {
    const before = await agreements();
    // The demo order being served by the team: the leader finishes it, the office confirms by phone.
    const list = expectStatus(await operator.get('/api/orders?pageSize=50'), 200).body.items as {
      id: string;
      teamName: string | null;
      status: string;
    }[];
    const served = list.find((o) => o.teamName === '湖州新材料助企服务团' && o.status === 'in_service')!;
    order = expectStatus(await operator.get(`/api/orders/${served.id}`), 200).body;
    order = (await transition(expert, '/api/orders', order, {
      action: 'finish',
      outcomes: [
        { kind: 'agreement', amountYuan: 300_000, note: '签订复合材料连接工艺开发合同' },
        { kind: 'solved', note: '解决构件胶接开裂问题' },
      ],
    })) as typeof order;
    // Finished is not yet confirmed: nothing counts until the enterprise confirms.
    expect((await outcomes(operator)).total).toBe(0);
    order = (await transition(operator, '/api/orders', order, {
      action: 'confirm',
      rating: 5,
    })) as typeof order;

    // Three days on, the team's first weekly salon: an activity whose agreement is the order's own.
    p.clock.set(new Date('2026-03-05T09:00:00+08:00'));
    operator = await p.signIn('operator');
    expert = await p.signIn('expert');
    const plan = expectStatus(await operator.get(`/api/standing/teams/${teamId}/plans/2026`), 200).body;
    const made = expectStatus(
      await operator.put(`/api/standing/teams/${teamId}/plans/2026`, { cadence: plan.cadence }),
      200,
    ).body;
    const salon = (made.occurrences as { id: string; kind: string; dueOn: string }[]).find(
      (o) => o.kind === 'salon',
    )!;
    salonActivity = (await activity(operator, {
      kind: 'forum',
      title: '新材料微沙龙（第一期）',
      regionCode: '330502',
      startsAt: '2026-03-05T08:00:00+08:00',
      endsAt: '2026-03-05T08:50:00+08:00',
    })) as Versioned & { code: string };
    for (const body of [
      { kind: 'agreement', amountYuan: 300_000, orderId: order.id, note: '沙龙上签约' },
      { kind: 'contact', count: 5 },
      { kind: 'other', note: '形成县域复合材料产业技术路线建议' },
    ]) {
      expectStatus(await operator.post(`/api/activities/${salonActivity.id}/outcomes`, body), 201);
    }
    // Not yet the team's: the activity is no session's record until it is recorded as one.
    expect((await outcomes(operator)).items.map((o: Outcome) => o.source)).toEqual(['order', 'order']);
    expectStatus(
      await operator.post(`/api/standing/occurrences/${salon.id}/record`, { activityId: salonActivity.id }),
      200,
    );

    const all = await outcomes(operator);
    expect(all.total).toBe(4);
    const items = all.items as Outcome[];
    // Newest first: the salon's (5 March) before the order's (2 March).
    expect(items.map((o) => o.happenedOn)).toEqual(['2026-03-05', '2026-03-05', '2026-03-02', '2026-03-02']);
    expect(
      items
        .slice(0, 2)
        .map((o) => [o.source, o.kind])
        .sort(),
    ).toEqual([
      ['activity', 'contact'],
      ['activity', 'other'],
    ]);
    expect(
      items
        .slice(2)
        .map((o) => [o.source, o.kind])
        .sort(),
    ).toEqual([
      ['order', 'agreement'],
      ['order', 'solved'],
    ]);
    // Where each came from: the order by its code, the activity with the session it was the record of.
    const agreement = items.find((o) => o.kind === 'agreement')!;
    expect(agreement).toMatchObject({
      source: 'order',
      kindName: '签订合作协议',
      amountYuan: 300_000,
      from: { code: order.code, link: `/orders/${order.id}` },
      session: null,
    });
    expect(items.find((o) => o.kind === 'contact')).toMatchObject({
      count: 5,
      kindName: '对接洽谈',
      from: {
        code: salonActivity.code,
        title: '新材料微沙龙（第一期）',
        link: `/activities/${salonActivity.id}`,
      },
      session: { kind: 'salon', kindName: '微沙龙', dueOn: salon.dueOn },
    });
    // By kind over all: one agreement (not two), its amount once.
    expect(all.byKind).toEqual(
      expect.arrayContaining([
        { kind: 'agreement', name: '签订合作协议', count: 1, amountYuan: 300_000 },
        { kind: 'solved', name: '解决技术难题', count: 1, amountYuan: null },
        { kind: 'contact', name: '对接洽谈', count: 5, amountYuan: null },
        { kind: 'other', name: '其他成效', count: 1, amountYuan: null },
      ]),
    );
    expect(all.byKind).toHaveLength(4);
    // The dashboard counts the agreement once too.
    expect((await agreements()).value).toBe(before.value + 1);
    // And so does the office view's row of the team: 1 + 1 + 5 + 1 outcomes, the agreement's amount once.
    const rows = expectStatus(
      await operator.get(
        `/api/standing/overview/rows?year=2026&subject=team&q=${encodeURIComponent('新材料助企')}`,
      ),
      200,
    ).body;
    expect(rows.items.map((r: { id: string }) => r.id)).toEqual([teamId]);
    expect(rows.items[0].outcomes).toEqual({ count: 8, amountYuan: 300_000 });

    // Pages: newest first across them; a page past the end still tells the total.
    const second = expectStatus(
      await operator.get(`/api/standing/teams/${teamId}/outcomes?page=2&pageSize=3`),
      200,
    ).body;
    expect(second).toMatchObject({ total: 4, page: 2 });
    expect(second.items).toHaveLength(1);
    const past = expectStatus(
      await operator.get(`/api/standing/teams/${teamId}/outcomes?page=5&pageSize=3`),
      200,
    ).body;
    expect(past).toMatchObject({ items: [], total: 4 });
    const english = expectStatus(
      await operator.request('GET', `/api/standing/teams/${teamId}/outcomes`, undefined, {
        'accept-language': 'en-US',
      }),
      200,
    ).body;
    expect(english.items.find((o: Outcome) => o.kind === 'contact').kindName).toBe('Contacts made');
  });

  it('shows the team’s outcomes to those who see the team, and no one else', async () => {
    // The team's leader, the demo expert, sees them as the office does.
    expect((await outcomes(expert)).total).toBe(4);
    const admin = await p.signIn('admin');
    expectStatus(
      await admin.post('/api/users', {
        username: 'hz.outcomes.operator',
        displayName: '杭州运营',
        role: 'operator',
        regionCode: '330100',
        password: 'scope-Test-2026',
      }),
      201,
    );
    const hangzhou = await p.signIn('hz.outcomes.operator', 'scope-Test-2026');
    const foreign = await hangzhou.get(`/api/standing/teams/${teamId}/outcomes`);
    expect(expectStatus(foreign, 404).body.error.code).toBe('PLAN_TEAM_NOT_FOUND');
    expect((await operator.get('/api/standing/teams/not-a-uuid/outcomes')).status).toBe(400);
    expect((await operator.get(`/api/standing/teams/${teamId}/outcomes?pageSize=1000`)).status).toBe(400);
    expect((await p.anonymous().get(`/api/standing/teams/${teamId}/outcomes`)).status).toBe(401);
  });
});
