import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus, talentIds, transition } from '../../../test/support/factories.ts';
import { type Client, type TestPlatform, testPlatform } from '../../../test/support/platform.ts';

interface Entry {
  id: string;
  partyId: string;
  name: string;
  room: number | null;
  held: number | null;
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
interface Term {
  pairingId: string;
  enterpriseId: string;
  enterpriseName: string;
  visits: number;
  refined: number;
  refinedDrafts: number;
  status: string;
  version: number;
}

/**
 * The demo holds a confirmed round of its own: 陈志远 (ZJ-0001, the `expert`
 * account) serves QY-001 (the `enterprise` account's), QY-007 and QY-003 at
 * the limit of three; ZJ-0003 serves QY-004 (src/demo/standing.ts).
 */
describe('tech commissioners: a round from preferences to terms, visits and refined demands', () => {
  let p: TestPlatform;
  let admin: Client;
  let operator: Client;
  let expert: Client;
  let enterprise: Client;
  let talents: Record<string, string>;
  let companies: Record<string, string>;
  let roundId: string;
  let confirmed: Round;
  const ENTERPRISES = ['QY-001', 'QY-002', 'QY-005', 'QY-006'];

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

  it('gathers enterprises, experts and their preferences, and proposes pairs within each expert’s room', async () => {
    const created = expectStatus(
      await operator.post('/api/standing/rounds', {
        name: '2026年度科技特派员补充选派',
        termStart: '2026-03-02',
        termEnd: '2028-03-01',
        portfolioLimit: 2,
      }),
      201,
    ).body as Round;
    roundId = created.id;
    expect(created.status).toBe('open');
    const taken = await operator.post('/api/standing/rounds', {
      name: '2026年度科技特派员补充选派',
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
        enterprises: ENTERPRISES.map((c) => ({ id: companies[c] })),
        experts: [{ id: talents['ZJ-0001'] }, { id: talents['ZJ-0002'] }, { id: talents['ZJ-0004'] }],
      }),
      200,
    ).body as Round;
    expect(joined.enterprises).toHaveLength(4);
    // 陈志远 already serves three enterprises over this term (the demo's round): no room at a limit of two.
    const room = Object.fromEntries(joined.experts.map((x) => [x.partyId, [x.held, x.room]]));
    expect(room[talents['ZJ-0001']!]).toEqual([3, 0]);
    expect(room[talents['ZJ-0002']!]).toEqual([0, 2]);

    // The enterprise states its own preference; one outside the round is refused; it cannot propose.
    const own = expectStatus(await enterprise.get(`/api/standing/rounds/${roundId}`), 200).body as Round;
    expect(own.myEntryId).toBeTruthy();
    expect(own.pairs).toEqual([]);
    const outsider = await enterprise.put(`/api/standing/rounds/${roundId}/preferences`, {
      preferences: [talents['ZJ-0003']],
    });
    expect(expectStatus(outsider, 400).body.error.code).toBe('ROUND_PREFERENCE_UNKNOWN');
    expectStatus(
      await enterprise.put(`/api/standing/rounds/${roundId}/preferences`, {
        preferences: [talents['ZJ-0002']],
      }),
      200,
    );
    expect((await enterprise.post(`/api/standing/rounds/${roundId}/propose`)).status).toBe(403);
    // The operator enters an expert's preference for them.
    const zj2 = joined.experts.find((x) => x.partyId === talents['ZJ-0002'])!;
    expectStatus(
      await operator.put(`/api/standing/rounds/${roundId}/entries/${zj2.id}/preferences`, {
        preferences: [companies['QY-002']],
      }),
      200,
    );

    const proposed = expectStatus(await operator.post(`/api/standing/rounds/${roundId}/propose`), 200)
      .body as Round;
    expect(proposed.status).toBe('proposed');
    // Every enterprise is paired or listed as left over with why, and no expert passes their room.
    const paired = proposed.pairs.map((x) => x.enterpriseId);
    expect([...paired, ...proposed.left.map((l) => l.enterpriseId)].sort()).toEqual(
      ENTERPRISES.map((c) => companies[c]).sort(),
    );
    for (const x of joined.experts) {
      expect(proposed.pairs.filter((pair) => pair.talentId === x.partyId).length).toBeLessThanOrEqual(
        x.room!,
      );
    }
    // QY-001 has its commissioner already: left over as served, whatever it prefers.
    expect(proposed.left).toContainEqual({
      enterpriseId: companies['QY-001'],
      reason: 'served',
      name: expect.any(String),
    });
    for (const pair of proposed.pairs.filter(
      (x) => x.talentId === talents['ZJ-0002'] && x.enterpriseId === companies['QY-002'],
    )) {
      expect(pair.reasons.map((r) => r.zh)).toContain('专家意向第1位');
    }

    const served = await operator.put(`/api/standing/rounds/${roundId}/pairs`, {
      enterpriseId: companies['QY-001'],
      talentId: talents['ZJ-0002'],
    });
    expect(expectStatus(served, 409).body.error.code).toBe('COMMISSIONER_ENTERPRISE_SERVED');
    expect(served.body.error.message).toContain('陈志远');
    const full = await operator.put(`/api/standing/rounds/${roundId}/pairs`, {
      enterpriseId: companies['QY-005'],
      talentId: talents['ZJ-0001'],
    });
    expect(expectStatus(full, 409).body.error.code).toBe('COMMISSIONER_PORTFOLIO_FULL');
    expect(full.body.error.message).toBe('陈志远已服务 3 家企业，达到每人 2 家的上限');
  });

  it('confirms once: the pairs become terms with monthly visits on working days; a make-up round takes the rest', async () => {
    const before = expectStatus(await operator.get(`/api/standing/rounds/${roundId}`), 200).body as Round;
    confirmed = expectStatus(
      await operator.post(`/api/standing/rounds/${roundId}/confirm`, { version: before.version }),
      200,
    ).body as Round;
    expect(confirmed.status).toBe('confirmed');
    expect(confirmed.pairs.length).toBeGreaterThan(0);
    expect(confirmed.pairs.every((x) => x.status === 'confirmed')).toBe(true);
    // Confirming again changes nothing.
    const again = expectStatus(
      await operator.post(`/api/standing/rounds/${roundId}/confirm`, { version: before.version }),
      200,
    ).body as Round;
    expect(again.pairs.map((x) => x.id)).toEqual(confirmed.pairs.map((x) => x.id));
    for (const pair of confirmed.pairs) {
      const visits = expectStatus(
        await operator.get(`/api/standing/occurrences?pairingId=${pair.id}&pageSize=100`),
        200,
      ).body;
      // A visit a month from March 2026 to February 2028.
      expect(visits.total).toBe(24);
      for (const o of visits.items as { dueOn: string; kind: string }[]) {
        expect(o.kind).toBe('commission_visit');
        expect(p.calendar.isWorkday(o.dueOn), o.dueOn).toBe(true);
      }
    }
    const changed = await operator.put(`/api/standing/rounds/${roundId}/pairs`, {
      enterpriseId: confirmed.pairs[0]!.enterpriseId,
      talentId: null,
    });
    expect(expectStatus(changed, 409).body.error.code).toBe('ROUND_CONFIRMED');

    // The make-up round takes those left over that no commissioner serves (QY-001 has one).
    const leftOver = confirmed.left.map((l) => l.enterpriseId).filter((id) => id !== companies['QY-001']);
    const makeup = await operator.post(`/api/standing/rounds/${roundId}/makeup`, {});
    if (leftOver.length === 0) {
      expect(expectStatus(makeup, 409).body.error.code).toBe('ROUND_NOTHING_LEFT');
    } else {
      const round = expectStatus(makeup, 201).body as Round;
      expect(round.enterprises.map((x) => x.partyId).sort()).toEqual(leftOver.sort());
      expect(round.experts.every((x) => (x.room ?? 0) > 0)).toBe(true);
    }
  });

  it('lets the commissioner log a visit from their due list and refine a demand the enterprise then confirms', async () => {
    const portfolio = expectStatus(await expert.get('/api/standing/portfolio'), 200).body;
    expect(portfolio.terms).toHaveLength(3);
    const term = (portfolio.terms as Term[]).find((t) => t.enterpriseId === companies['QY-001'])!;
    const mine = expectStatus(
      await expert.get(`/api/standing/occurrences?mine=true&pairingId=${term.pairingId}&pageSize=100`),
      200,
    ).body;
    const march = (
      mine.items as { id: string; periodStart: string; state: string; subjectLabel: string }[]
    ).find((o) => o.periodStart === '2026-03-01')!;
    expect(march.state).not.toBe('done');
    expect(march.subjectLabel).toBe('陈志远 → 德清绿源新材料有限公司');
    const recorded = expectStatus(
      await expert.post(`/api/standing/occurrences/${march.id}/record`, {
        visit: {
          summary: '走访企业，了解热压成型产线',
          findings: '模具温控不均，废品率偏高',
          mode: 'onsite',
        },
      }),
      200,
    ).body;
    expect(recorded.state).toBe('done');
    // Another commissioner's visit is not this expert's to record.
    const other = (
      await operator.get(`/api/standing/occurrences?pairingId=${confirmed.pairs[0]!.id}&pageSize=1`)
    ).body.items[0];
    const stranger = await expert.post(`/api/standing/occurrences/${other.id}/record`, {
      visit: { summary: '冒名登记' },
    });
    expect(stranger.status).toBe(404);

    const visitId = recorded.record.visitId as string;
    const visit = expectStatus(await expert.get(`/api/standing/visits/${visitId}`), 200).body;
    expect(visit.enterpriseId).toBe(companies['QY-001']);
    expect(visit.canRefine).toBe(true);
    const refined = expectStatus(
      await expert.post(`/api/standing/visits/${visitId}/demands`, {
        title: '热压模具温度均匀性控制',
        description: '企业热压模具温度不均导致构件废品率偏高，需要模具温控与工艺参数优化方案。',
        keywords: ['热压', '温度控制'],
      }),
      201,
    ).body;
    expect(refined.refinedDemands).toHaveLength(1);
    expect(refined.refinedDemands[0].status).toBe('draft');
    const after = (expectStatus(await expert.get('/api/standing/portfolio'), 200).body.terms as Term[]).find(
      (t) => t.pairingId === term.pairingId,
    )!;
    expect([after.visits, after.refined, after.refinedDrafts]).toEqual([
      term.visits + 1,
      term.refined + 1,
      term.refinedDrafts + 1,
    ]);

    // The enterprise finds it among its drafts and confirms it by submitting it.
    const drafts = expectStatus(await enterprise.get('/api/lists/demands?mine=true&status=draft'), 200).body
      .items;
    const draft = drafts.find((d: { id: string }) => d.id === refined.refinedDemands[0].id);
    expect(draft).toMatchObject({ title: '热压模具温度均匀性控制', status: 'draft' });
    await transition(enterprise, '/api/lists/demands', draft, { action: 'submit' });
    const confirmedByEnterprise = (
      expectStatus(await expert.get('/api/standing/portfolio'), 200).body.terms as Term[]
    ).find((t) => t.pairingId === term.pairingId)!;
    expect(confirmedByEnterprise.refinedDrafts).toBe(term.refinedDrafts);
    // Operators see any commissioner's portfolio of the region; an expert only their own.
    expectStatus(await operator.get(`/api/standing/portfolio?talentId=${talents['ZJ-0001']}`), 200);
    expect((await expert.get(`/api/standing/portfolio?talentId=${talents['ZJ-0003']}`)).status).toBe(404);
  });

  it('ends a term early with a reason and drops its visits from today on', async () => {
    const pair = confirmed.pairs[0]!;
    const portfolio = expectStatus(
      await operator.get(`/api/standing/portfolio?talentId=${pair.talentId}`),
      200,
    ).body;
    const term = (portfolio.terms as Term[]).find((t) => t.pairingId === pair.id)!;
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
    // ZJ-0003 serves QY-004 in Huzhou (the demo's round).
    expectStatus(
      await admin.post(`/api/standing/rounds/${round.id}/entries`, {
        enterprises: [{ id: hz.id }],
        experts: [{ id: talents['ZJ-0003'] }],
      }),
      200,
    );
    const pair = { enterpriseId: hz.id, talentId: talents['ZJ-0003'] };
    const blocked = await admin.put(`/api/standing/rounds/${round.id}/pairs`, pair);
    expect(expectStatus(blocked, 409).body.error.code).toBe('COMMISSIONER_CROSS_REGION');
    expect(blocked.body.error.message).toContain('湖州市');
    // Huzhou allows it; Hangzhou not yet: still refused.
    expectStatus(await operator.put('/api/standing/settings', { allowSharedCommissioners: true }), 200);
    expect((await admin.put(`/api/standing/rounds/${round.id}/pairs`, pair)).status).toBe(409);
    expectStatus(
      await admin.put('/api/standing/settings', { regionCode: '330100', allowSharedCommissioners: true }),
      200,
    );
    const paired = expectStatus(await admin.put(`/api/standing/rounds/${round.id}/pairs`, pair), 200)
      .body as Round;
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
    const visible = expectStatus(
      await hangzhou.get('/api/standing/occurrences?subject=commission&pageSize=200'),
      200,
    ).body.items as { regionCode: string }[];
    expect(visible.every((o) => o.regionCode.startsWith('3301'))).toBe(true);
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
