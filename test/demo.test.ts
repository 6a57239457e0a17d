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

  it('reads like a real city: one name per expert, genders that fit, the professor’s institution, enterprise contacts', async () => {
    const operator = await p.signIn('operator');
    const talents = (await operator.get('/api/registry/talents?pageSize=100&sort=code')).body.items as {
      code: string;
      name: string;
      gender: string;
      institutionId: string | null;
      employerName: string | null;
      title: { name: string } | null;
    }[];
    expect(talents.length).toBeGreaterThanOrEqual(30);
    expect(new Set(talents.map((t) => t.name)).size).toBe(talents.length);
    const gender = new Map(talents.map((t) => [t.name, t.gender]));
    expect(['王雪梅', '张文静', '孙春燕', '钱佳琪', '方秀英'].map((n) => gender.get(n))).toEqual(
      Array(5).fill('female'),
    );
    expect(['陈志远', '刘宏伟', '赵国强', '沈建国'].map((n) => gender.get(n))).toEqual(Array(4).fill('male'));
    // Given names people read as a woman's are women's, and the other way round.
    for (const t of talents) {
      if (/[梅静燕琪英娟芬瑶琳桐怡敏清]$/.test(t.name)) expect(t.gender, t.name).toBe('female');
      if (/[远伟强峰宇鸣辉涛国军刚东杰栋阳]$/.test(t.name)) expect(t.gender, t.name).toBe('male');
    }
    // The professor (the demo expert) belongs to 浙北理工学院.
    const professor = talents.find((t) => t.code === 'ZJ-0001')!;
    expect(professor.title?.name).toBe('教授');
    const university = (await operator.get('/api/registry/institutions?q=JG-001')).body.items[0];
    expect(professor).toMatchObject({ institutionId: university.id, employerName: '浙北理工学院' });

    const enterprises = (await operator.get('/api/registry/enterprises?pageSize=100')).body.items as {
      name: string;
      contactName: string | null;
      contactMobile: string | null;
    }[];
    for (const e of enterprises) {
      expect(e.contactName, e.name).toMatch(/^[\u4e00-\u9fa5]{2,3}$/);
      expect(e.contactName, e.name).not.toMatch(/经理$/);
      expect(e.contactMobile, e.name).toMatch(/^1\d{2}\*{4}\d{4}$|^1\d{10}$/);
    }
    expect(new Set(enterprises.map((e) => e.contactName)).size).toBe(enterprises.length);
  });

  it('shows an institution’s administrator the expert count of its own 人才库', async () => {
    const institution = await p.signIn('institution');
    const card = (await institution.get('/api/registry/institutions')).body.items;
    expect(card).toHaveLength(1);
    const own = (await institution.get('/api/registry/talents?pageSize=100')).body;
    expect(own.total).toBeGreaterThan(0);
    expect(card[0]).toMatchObject({ code: 'JG-001', expertCount: own.total });
    const detail = (await institution.get(`/api/registry/institutions/${card[0].id}`)).body;
    expect(detail.expertCount).toBe(own.total);
    // The city's office sees all of the university's experts, and counts the same.
    const operator = await p.signIn('operator');
    const all = (await operator.get('/api/registry/talents?pageSize=100')).body.items.filter(
      (t: { institutionId: string }) => t.institutionId === card[0].id,
    );
    const seen = (await operator.get('/api/registry/institutions?q=JG-001')).body.items[0];
    expect(seen.expertCount).toBe(all.length);
    expect(all.length).toBeGreaterThanOrEqual(own.total);
  });

  it('counts trainees as attendance on the demo dashboard: 活动参与 is never below 培训人才', async () => {
    const operator = await p.signIn('operator');
    const headline = (await operator.get('/api/insights/dashboard')).body.headline as {
      key: string;
      value: number;
    }[];
    const value = (key: string) => headline.find((h) => h.key === key)!.value;
    expect(value('people_trained')).toBe(56);
    expect(value('activity_attendance')).toBeGreaterThanOrEqual(value('people_trained'));
  });

  it('has tech commissioners at work: the demo expert’s three enterprises, a visit overdue, a refined demand to confirm', async () => {
    // The test clock's today is 2 March 2026: the term began on 2 January, its visits due on each month's last working day.
    const expert = await p.signIn('expert');
    const portfolio = (await expert.get('/api/standing/portfolio')).body as {
      name: string;
      terms: {
        enterpriseName: string;
        termStart: string;
        visits: number;
        planned: number;
        overdue: number;
        lastVisitOn: string | null;
        refined: number;
        refinedDrafts: number;
      }[];
    };
    expect(portfolio.name).toBe('陈志远');
    expect(portfolio.terms.map((t) => t.enterpriseName).sort()).toEqual(
      ['安吉竹韵家居有限公司', '长兴绿色建材有限公司', '德清绿源新材料有限公司'].sort(),
    );
    expect(portfolio.terms.every((t) => t.termStart === '2026-01-02')).toBe(true);
    // January and February are past for each: five of the six visits logged, the sixth overdue.
    expect(portfolio.terms.map((t) => t.visits).reduce((a, b) => a + b)).toBe(5);
    expect(portfolio.terms.map((t) => t.overdue).reduce((a, b) => a + b)).toBe(1);
    const own = portfolio.terms.find((t) => t.enterpriseName === '德清绿源新材料有限公司')!;
    expect(own).toMatchObject({ visits: 2, overdue: 0, refined: 1, refinedDrafts: 1 });
    // The refined demand waits among the demo enterprise's drafts for it to confirm.
    const enterprise = await p.signIn('enterprise');
    const drafts = (await enterprise.get('/api/lists/demands?status=draft&pageSize=50')).body.items as {
      title: string;
    }[];
    expect(drafts.map((d) => d.title)).toContain('碳纤维汽车构件快速热压成型与在线质量检测技术');
    // The office sees both commissioners, and its operator's two contact duties.
    const operator = await p.signIn('operator');
    const overview = (await operator.get('/api/standing/overview/rows?subject=commission&sort=name')).body;
    expect(
      overview.items.map((c: { name: string; enterprises: number }) => [c.name, c.enterprises]).sort(),
    ).toEqual([
      ['李立新', 1],
      ['陈志远', 3],
    ]);
    const duties = (await operator.get('/api/standing/duties?mine=true')).body.items as {
      subject: string;
      assigneeName: string;
      care: boolean;
    }[];
    expect(duties.map((d) => [d.subject, d.assigneeName, d.care]).sort()).toEqual([
      ['enterprise', '王敏', false],
      ['talent', '王敏', true],
    ]);
  });

  it('leaves the audit chain intact', async () => {
    expect((await p.audit.verify()).ok).toBe(true);
  });
});
