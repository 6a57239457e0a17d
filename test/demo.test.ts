import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestPlatform, testPlatform } from './support/platform.ts';

describe('demo data', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await testPlatform();
  });
  afterAll(() => p.close());

  it('gives every registry page realistic content in the demo city', async () => {
    const operator = await p.signIn('operator');
    for (const kind of ['talents', 'enterprises', 'institutions', 'stations']) {
      const res = await operator.get(`/api/registry/${kind}`);
      expect(res.status, kind).toBe(200);
      expect(res.body.total, kind).toBeGreaterThanOrEqual(4);
    }
    const experts = await operator.get('/api/registry/talents?q=复合材料');
    expect(experts.body.items.length).toBeGreaterThan(0);
    expect(experts.body.items[0].disciplines.map((d: { name: string }) => d.name)).toContain('复合材料');
  });

  it('links the demo expert and enterprise accounts to their profiles', async () => {
    const expert = await (await p.signIn('expert')).get('/api/profile');
    expect(expert.status).toBe(200);
    expect(expert.body).toMatchObject({ kind: 'talents', record: { name: '陈志远', code: 'ZJ-0001' } });
    const enterprise = await (await p.signIn('enterprise')).get('/api/profile');
    expect(enterprise.body).toMatchObject({
      kind: 'enterprises',
      record: { name: '德清绿源新材料有限公司' },
    });
  });

  it('has service orders at every stage: the board, the expert’s inbox and the funnel show them', async () => {
    const operator = await p.signIn('operator');
    const orders = (await operator.get('/api/orders?pageSize=50')).body.items;
    expect(orders.map((o: { status: string }) => o.status).sort()).toEqual([
      'cancelled',
      'closed',
      'dispatched',
      'in_service',
      'placed',
    ]);
    const served = orders.find((o: { status: string }) => o.status === 'in_service');
    const view = (await operator.get(`/api/orders/${served.id}`)).body;
    expect(view.teamName).toBe('湖州新材料助企服务团');
    expect(view.visits).toHaveLength(1);
    const expert = await p.signIn('expert');
    const mine = (await expert.get('/api/orders?pageSize=50')).body.items.map(
      (o: { status: string }) => o.status,
    );
    expect(mine.sort()).toEqual(['closed', 'dispatched', 'in_service']);
    const dashboard = (await operator.get('/api/insights/dashboard')).body;
    expect(dashboard.funnel).toMatchObject({
      placed: 5,
      dispatched: 3,
      accepted: 2,
      closed: 1,
      cancelled: 1,
    });
    const agreements = dashboard.headline.find((h: { key: string }) => h.key === 'agreements_signed');
    expect(agreements.amountYuan).toBeGreaterThanOrEqual(200_000);
  });

  it('leaves the audit chain intact', async () => {
    expect((await p.audit.verify()).ok).toBe(true);
  });
});
