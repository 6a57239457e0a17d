import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus, talentIds } from '../../../test/support/factories.ts';
import { type Client, type TestPlatform, testPlatform } from '../../../test/support/platform.ts';

interface Entry {
  id: string;
  partyId: string;
  name: string;
  room: number | null;
  leftReason: string | null;
}
interface Pair {
  id: string;
  talentId: string;
  enterpriseId: string;
  status: string;
  reasons: { zh: string }[];
}
interface Round {
  id: string;
  status: string;
  enterprises: Entry[];
  experts: Entry[];
  pairs: Pair[];
  left: { enterpriseId: string; reason: string | null }[];
  myEntryId: string | null;
  version: number;
}

describe('tech commissioners: a round from preferences to terms, visits and refined demands', () => {
  let p: TestPlatform;
  let admin: Client;
  let operator: Client;
  let expert: Client;
  let enterprise: Client;
  let talents: Record<string, string>;
  let companies: Record<string, string>;
  let roundId: string;

  beforeAll(async () => {
    p = await testPlatform({ demo: true, demoOrders: false });
    admin = await p.signIn('admin');
    operator = await p.signIn('operator');
    expert = await p.signIn('expert');
    enterprise = await p.signIn('enterprise');
    talents = await talentIds(operator);
    const list = expectStatus(await operator.get('/api/registry/enterprises?pageSize=50&sort=code'), 200).body
      .items as { code: string; id: string }[];
    companies = Object.fromEntries(list.map((e) => [e.code, e.id]));
  });
  afterAll(() => p.close());

  it('gathers enterprises, experts and their preferences, and proposes pairs within the portfolio limit', async () => {
    const created = expectStatus(
      await operator.post('/api/standing/rounds', {
        name: '2026年度科技特派员选派',
        termStart: '2026-03-02',
        termEnd: '2028-03-01',
        portfolioLimit: 1,
      }),
      201,
    ).body as Round;
    roundId = created.id;
    expect(created.status).toBe('open');
    const taken = await operator.post('/api/standing/rounds', {
      name: '2026年度科技特派员选派',
      termStart: '2026-03-02',
      termEnd: '2027-03-01',
    });
    expect(expectStatus(taken, 409).body.error.code).toBe('ROUND_NAME_TAKEN');
    const tooLong = await operator.post('/api/standing/rounds', {
      name: '五年期',
      termStart: '2026-03-02',
      termEnd: '2031-03-01',
    });
    expect(expectStatus(tooLong, 400).body.error.code).toBe('ROUND_TERM_TOO_LONG');

    const joined = expectStatus(
      await operator.post(`/api/standing/rounds/${roundId}/entries`, {
        enterprises: ['QY-001', 'QY-002', 'QY-003', 'QY-004'].map((c) => ({
          id: companies[c],
          need: c === 'QY-001' ? '碳纤维汽车轻量化构件的成型工艺' : undefined,
        })),
        experts: [{ id: talents['ZJ-0001'] }, { id: talents['ZJ-0002'] }],
      }),
      200,
    ).body as Round;
    expect(joined.enterprises).toHaveLength(4);
    expect(joined.experts.map((x) => x.room)).toEqual([1, 1]);

    // The enterprise states its own preference; a preference outside the round is refused.
    const own = expectStatus(await enterprise.get(`/api/standing/rounds/${roundId}`), 200).body as Round;
    expect(own.myEntryId).toBeTruthy();
    expect(own.pairs).toEqual([]);
    const outsider = await enterprise.put(`/api/standing/rounds/${roundId}/preferences`, {
      preferences: [talents['ZJ-0003']],
    });
    expect(expectStatus(outsider, 400).body.error.code).toBe('ROUND_PREFERENCE_UNKNOWN');
    expectStatus(
      await enterprise.put(`/api/standing/rounds/${roundId}/preferences`, {
        preferences: [talents['ZJ-0001'], talents['ZJ-0002']],
      }),
      200,
    );
    // The enterprise cannot propose: that is the office's.
    expect((await enterprise.post(`/api/standing/rounds/${roundId}/propose`)).status).toBe(403);

    const proposed = expectStatus(await operator.post(`/api/standing/rounds/${roundId}/propose`), 200)
      .body as Round;
    expect(proposed.status).toBe('proposed');
    // Every enterprise is paired or listed as left over, and no expert serves more than the limit.
    const paired = proposed.pairs.map((x) => x.enterpriseId);
    expect([...paired, ...proposed.left.map((l) => l.enterpriseId)].sort()).toEqual(
      ['QY-001', 'QY-002', 'QY-003', 'QY-004'].map((c) => companies[c]).sort(),
    );
    for (const t of [talents['ZJ-0001'], talents['ZJ-0002']]) {
      expect(proposed.pairs.filter((x) => x.talentId === t).length).toBeLessThanOrEqual(1);
    }
    expect(proposed.left.every((l) => l.reason === 'no_capacity' || l.reason === 'no_fit')).toBe(true);
    const qy1 = proposed.pairs.find((x) => x.enterpriseId === companies['QY-001']);
    // The enterprise's first choice, who fits it best too (composites for cars), with both said as reasons.
    expect(qy1?.talentId).toBe(talents['ZJ-0001']);
    expect(qy1?.reasons.map((r) => r.zh)).toContain('企业意向第1位');
    expect(qy1?.reasons.some((r) => r.zh.startsWith('共同关键词'))).toBe(true);

    // Pairing a full expert with another enterprise is refused, naming the limit.
    const leftOver = proposed.left[0]!.enterpriseId;
    const full = await operator.put(`/api/standing/rounds/${roundId}/pairs`, {
      enterpriseId: leftOver,
      talentId: talents['ZJ-0002'],
    });
    expect(expectStatus(full, 409).body.error.code).toBe('COMMISSIONER_PORTFOLIO_FULL');
  });

  it('confirms once: the pairs become terms with monthly visits on working days; a make-up round takes the rest', async () => {
    const before = expectStatus(await operator.get(`/api/standing/rounds/${roundId}`), 200).body as Round;
    const confirmed = expectStatus(
      await operator.post(`/api/standing/rounds/${roundId}/confirm`, { version: before.version }),
      200,
    ).body as Round;
    expect(confirmed.status).toBe('confirmed');
    expect(confirmed.pairs.every((x) => x.status === 'confirmed')).toBe(true);
    // Confirming again changes nothing.
    const again = expectStatus(
      await operator.post(`/api/standing/rounds/${roundId}/confirm`, { version: before.version }),
      200,
    ).body as Round;
    expect(again.pairs.map((x) => x.id)).toEqual(confirmed.pairs.map((x) => x.id));
    const visits = expectStatus(
      await operator.get('/api/standing/occurrences?subject=commission&pageSize=200'),
      200,
    ).body;
    // Two terms, a visit a month from March 2026 to February 2028: 24 each.
    expect(visits.total).toBe(48);
    for (const o of visits.items as { dueOn: string; kind: string }[]) {
      expect(o.kind).toBe('commission_visit');
      expect(p.calendar.isWorkday(o.dueOn), o.dueOn).toBe(true);
    }
    const changed = await operator.put(`/api/standing/rounds/${roundId}/pairs`, {
      enterpriseId: companies['QY-001'],
      talentId: null,
    });
    expect(expectStatus(changed, 409).body.error.code).toBe('ROUND_CONFIRMED');

    const makeup = expectStatus(await operator.post(`/api/standing/rounds/${roundId}/makeup`, {}), 201)
      .body as Round;
    expect(makeup.enterprises.map((x) => x.partyId).sort()).toEqual(
      confirmed.left.map((l) => l.enterpriseId).sort(),
    );
    // Both experts are full, so only a new one can take the rest.
    expect(makeup.experts).toEqual([]);
    expectStatus(
      await operator.post(`/api/standing/rounds/${makeup.id}/entries`, {
        experts: [{ id: talents['ZJ-0004'] }],
      }),
      200,
    );
    const proposed = expectStatus(await operator.post(`/api/standing/rounds/${makeup.id}/propose`), 200)
      .body as Round;
    expect(proposed.pairs.length + proposed.left.length).toBe(2);
    expect(proposed.pairs.length).toBeLessThanOrEqual(1);
  });

  it('lets the commissioner log a visit from their due list and refine a demand the enterprise then confirms', async () => {
    const ownTerm = (await operator.get(`/api/standing/rounds/${roundId}`)).body.pairs.find(
      (x: Pair) => x.talentId === talents['ZJ-0001'],
    ) as Pair;
    const mine = expectStatus(
      await expert.get('/api/standing/occurrences?mine=true&subject=commission'),
      200,
    ).body;
    const first = (
      mine.items as { id: string; pairingId: string; subjectLabel: string; state: string }[]
    ).find((o) => o.pairingId === ownTerm.id)!;
    expect(first.subjectLabel).toContain('陈志远 →');
    const recorded = expectStatus(
      await expert.post(`/api/standing/occurrences/${first.id}/record`, {
        visit: {
          summary: '走访企业，了解正极材料产线情况',
          findings: '烧结温度波动大，批次一致性差',
          mode: 'onsite',
        },
      }),
      200,
    ).body;
    expect(recorded.state).toBe('done');
    // Another commissioner's visit is not this expert's to record.
    const others = (
      await operator.get('/api/standing/occurrences?subject=commission&pageSize=200')
    ).body.items.find((o: { pairingId: string }) => o.pairingId !== ownTerm.id);
    expect(
      (await expert.post(`/api/standing/occurrences/${others.id}/record`, { visit: { summary: '冒名登记' } }))
        .status,
    ).toBe(404);

    const visitId = recorded.record.visitId as string;
    const visit = expectStatus(await expert.get(`/api/standing/visits/${visitId}`), 200).body;
    expect(visit.enterpriseId).toBe(ownTerm.enterpriseId);
    expect(visit.canRefine).toBe(true);
    const refined = expectStatus(
      await expert.post(`/api/standing/visits/${visitId}/demands`, {
        title: '正极材料烧结温度均匀性控制',
        description: '企业烧结窑温度波动导致批次一致性差，需要温控与工艺参数优化方案。',
        keywords: ['烧结', '温度控制'],
      }),
      201,
    ).body;
    expect(refined.refinedDemands).toHaveLength(1);
    expect(refined.refinedDemands[0].status).toBe('draft');
    const portfolio = expectStatus(await expert.get('/api/standing/portfolio'), 200).body;
    const term = portfolio.terms.find((t: { pairingId: string }) => t.pairingId === ownTerm.id);
    expect(term).toMatchObject({ visits: 1, refined: 1, refinedDrafts: 1, status: 'confirmed' });
    expect(term.lastVisitOn).toBe('2026-03-02');
    // Operators see any commissioner's portfolio of the region; an expert only their own.
    expectStatus(await operator.get(`/api/standing/portfolio?talentId=${talents['ZJ-0001']}`), 200);
    expect((await expert.get(`/api/standing/portfolio?talentId=${talents['ZJ-0002']}`)).status).toBe(404);
  });

  it('ends a term early with a reason and drops its visits from today on', async () => {
    const portfolio = expectStatus(
      await operator.get(`/api/standing/portfolio?talentId=${talents['ZJ-0002']}`),
      200,
    ).body;
    const term = portfolio.terms[0];
    const ended = expectStatus(
      await operator.post(`/api/standing/pairings/${term.pairingId}/end`, {
        reason: '企业迁出本市',
        version: term.version,
      }),
      200,
    ).body;
    expect(ended.status).toBe('ended');
    const left = (await operator.get(`/api/standing/occurrences?pairingId=${term.pairingId}`)).body;
    expect(left.total).toBe(0);
    const twice = await operator.post(`/api/standing/pairings/${term.pairingId}/end`, {
      reason: '企业迁出本市',
      version: ended.version,
    });
    expect(expectStatus(twice, 409).body.error.code).toBe('PAIRING_NOT_CONFIRMED');
  });

  it('lets an expert serve in a second region only when both regions allow it', async () => {
    const hz = expectStatus(
      await admin.post('/api/registry/enterprises', {
        code: 'HZ-T1',
        name: '西湖智造有限公司',
        regionCode: '330106',
      }),
      201,
    ).body;
    const round = expectStatus(
      await admin.post('/api/standing/rounds', {
        name: '杭州市科技特派员选派',
        regionCode: '330100',
        termStart: '2026-03-02',
        termEnd: '2027-03-01',
      }),
      201,
    ).body as Round;
    expectStatus(
      await admin.post(`/api/standing/rounds/${round.id}/entries`, {
        enterprises: [{ id: hz.id }],
        experts: [{ id: talents['ZJ-0001'] }],
      }),
      200,
    );
    const blocked = await admin.put(`/api/standing/rounds/${round.id}/pairs`, {
      enterpriseId: hz.id,
      talentId: talents['ZJ-0001'],
    });
    expect(expectStatus(blocked, 409).body.error.code).toBe('COMMISSIONER_CROSS_REGION');
    expect(blocked.body.error.message).toContain('湖州市');
    // Huzhou allows it; Hangzhou not yet: still refused.
    expectStatus(await operator.put('/api/standing/settings', { allowSharedCommissioners: true }), 200);
    expect(
      (
        await admin.put(`/api/standing/rounds/${round.id}/pairs`, {
          enterpriseId: hz.id,
          talentId: talents['ZJ-0001'],
        })
      ).status,
    ).toBe(409);
    expectStatus(
      await admin.put('/api/standing/settings', { regionCode: '330100', allowSharedCommissioners: true }),
      200,
    );
    const paired = expectStatus(
      await admin.put(`/api/standing/rounds/${round.id}/pairs`, {
        enterpriseId: hz.id,
        talentId: talents['ZJ-0001'],
      }),
      200,
    ).body as Round;
    expect(paired.pairs).toHaveLength(1);
    // The Huzhou operator sees nothing of Hangzhou's round.
    expect((await operator.get(`/api/standing/rounds/${round.id}`)).status).toBe(404);
  });

  it('shows another city’s operator nothing of this city’s rounds, terms, visits or settings', async () => {
    expectStatus(
      await admin.post('/api/users', {
        username: 'hz.standing.operator',
        displayName: '杭州运营',
        role: 'operator',
        regionCode: '330100',
        password: 'scope-Test-2026',
      }),
      201,
    );
    const hangzhou = await p.signIn('hz.standing.operator', 'scope-Test-2026');
    const rounds = expectStatus(await hangzhou.get('/api/standing/rounds'), 200).body.items as {
      name: string;
    }[];
    expect(rounds.map((r) => r.name)).toEqual(['杭州市科技特派员选派']);
    expect((await hangzhou.get(`/api/standing/rounds/${roundId}`)).status).toBe(404);
    expect((await hangzhou.post(`/api/standing/rounds/${roundId}/propose`)).status).toBe(404);
    expect((await hangzhou.get(`/api/standing/portfolio?talentId=${talents['ZJ-0001']}`)).status).toBe(404);
    const term = (await operator.get(`/api/standing/portfolio?talentId=${talents['ZJ-0001']}`)).body.terms[0];
    const end = await hangzhou.post(`/api/standing/pairings/${term.pairingId}/end`, {
      reason: '越权结束',
      version: term.version,
    });
    expect(end.status).toBe(404);
    expect(
      expectStatus(
        await hangzhou.get('/api/standing/occurrences?subject=commission&pageSize=200'),
        200,
      ).body.items.every((o: { regionCode: string }) => o.regionCode.startsWith('3301')),
    ).toBe(true);
    const settings = await hangzhou.put('/api/standing/settings', {
      regionCode: '330500',
      allowSharedCommissioners: false,
    });
    expect(expectStatus(settings, 403).body.error.code).toBe('ROUND_REGION_OUTSIDE');
    expect(
      expectStatus(await operator.get('/api/standing/settings'), 200).body.allowSharedCommissioners,
    ).toBe(true);
  });
});
