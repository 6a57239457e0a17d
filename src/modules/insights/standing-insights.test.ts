import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activity,
  combinedTeam,
  expectStatus,
  transition,
  type Versioned,
} from '../../../test/support/factories.ts';
import type { Client, TestPlatform } from '../../../test/support/platform.ts';
import { testPlatform } from '../../../test/support/platform.ts';
import { STANDING_METRIC_KEYS } from './constants.ts';

interface Session {
  id: string;
  kind: string;
  dueOn: string;
  state: string;
}

interface Figure {
  key: string;
  value: number;
  amountYuan: number | null;
  lastYear: { value: number };
  previous: { value: number };
}

/**
 * 常态化服务 on the dashboard and in the report (#16): a combined team of 德清县
 * plans its year on 2 March 2026, holds its first micro-salon as an activity
 * that reached an agreement, logs its March visit, and lets the rest of March
 * lapse. In April, March's figures must be the plan's sessions counted one by
 * one, and the agreement must count once — as the activity's outcome.
 */
describe('insights: the assistance teams’ sessions held against plan', () => {
  let p: TestPlatform;
  let operator: Client;
  let teamId: string;
  let salonActivity: Versioned;
  let march: Session[];
  const REGION = 'regionCode=330521';
  const MARCH = `${REGION}&from=2026-03-01&to=2026-03-31`;
  const plan = () => `/api/standing/teams/${teamId}/plans/2026`;
  const dashboard = async (query: string) =>
    expectStatus(await operator.get(`/api/insights/dashboard?${query}`), 200).body;
  const headline = (d: { headline: Figure[] }) => new Map(d.headline.map((h) => [h.key, h]));
  const records = async (key: string, query: string) =>
    expectStatus(await operator.get(`/api/insights/metrics/${key}/records?${query}&pageSize=200`), 200).body;

  beforeAll(async () => {
    p = await testPlatform({ demo: true, demoOrders: false });
    operator = await p.signIn('operator');
    teamId = (await combinedTeam(operator, { regionCode: '330521' })).id;
    const empty = expectStatus(await operator.get(plan()), 200).body;
    const made = expectStatus(await operator.put(plan(), { cadence: empty.cadence }), 200).body;
    march = (made.occurrences as Session[]).filter((o) => o.dueOn <= '2026-03-31');
    salonActivity = await activity(operator, {
      kind: 'forum',
      title: '地理信息微沙龙（第一期）',
      regionCode: '330521',
      startsAt: '2026-03-02T08:00:00+08:00',
      endsAt: '2026-03-02T08:50:00+08:00',
    });
    // The salon reached an agreement: an outcome of the activity, recorded before the session is.
    expectStatus(
      await operator.post(`/api/activities/${salonActivity.id}/outcomes`, {
        kind: 'agreement',
        amountYuan: 150_000,
      }),
      201,
    );
  });
  afterAll(() => p.close());

  it('counts an outcome reached at a session’s activity once: recording the session moves only the session figures', async () => {
    const before = headline(await dashboard(MARCH));
    expect(before.get('agreements_signed')).toMatchObject({ value: 1, amountYuan: 150_000 });
    expect(before.get('sessions_done')!.value).toBe(0);

    const salon = march.find((o) => o.kind === 'salon')!;
    expectStatus(
      await operator.post(`/api/standing/occurrences/${salon.id}/record`, { activityId: salonActivity.id }),
      200,
    );
    const after = headline(await dashboard(MARCH));
    expect(after.get('sessions_done')!.value).toBe(1);
    // Every other figure stays as it was: the agreement, its amount, the activity itself.
    for (const [key, figure] of before) {
      if ((STANDING_METRIC_KEYS as readonly string[]).includes(key)) continue;
      expect({ value: after.get(key)!.value, amount: after.get(key)!.amountYuan }, key).toEqual({
        value: figure.value,
        amount: figure.amountYuan,
      });
    }
    const agreements = await records('agreements_signed', MARCH);
    expect(agreements.items).toHaveLength(1);
    expect(agreements.items[0]).toMatchObject({ source: 'activity', ref: salonActivity.code });
  });

  it('gives March held against plan in April: planned, done, overdue, fulfilment and visits, each opening into its sessions', async () => {
    const visit = march.find((o) => o.kind === 'visit')!;
    const logged = expectStatus(
      await operator.post(`/api/standing/occurrences/${visit.id}/record`, {
        visit: { place: '德清地理信息小镇', summary: '走访三家测绘企业', findings: '实景三维建模精度不足' },
      }),
      200,
    ).body;
    expect(logged.record.doneOn).toBe('2026-03-02');

    p.clock.set(new Date('2026-04-02T09:00:00+08:00'));
    operator = await p.signIn('operator');
    const d = await dashboard(MARCH);
    const h = headline(d);
    const planned = march.length;
    expect(planned).toBe(6); // four weekly salons, the monthly visit and the quarter's consultation
    expect(h.get('teams_planned')!.value).toBe(1);
    expect(h.get('sessions_planned')!.value).toBe(planned);
    expect(h.get('sessions_done')!.value).toBe(2);
    expect(h.get('sessions_overdue')!.value).toBe(planned - 2);
    expect(h.get('standing_visits')!.value).toBe(1);
    // February had no plan: nothing to compare with.
    expect(h.get('sessions_planned')!.previous.value).toBe(0);
    expect(h.get('sessions_planned')!.lastYear.value).toBe(0);

    const of = (kind: string) => march.filter((o) => o.kind === kind).length;
    expect(d.standing).toMatchObject({
      planned,
      done: 2,
      overdue: planned - 2,
      fulfilment: Math.round(200 / planned),
      lastYear: null,
    });
    const salons = d.standing.byKind.find((k: { kind: string }) => k.kind === 'salon');
    expect(salons).toMatchObject({ key: 'session.salon', label: '微沙龙', planned: of('salon'), done: 1 });
    expect(d.standing.byKind.find((k: { kind: string }) => k.kind === 'consultation')).toMatchObject({
      label: '深度会诊',
      planned: of('consultation'),
      done: 0,
      fulfilment: 0,
    });

    // The drill-down lists exactly the sessions: team, kind, due day, state and the record.
    const done = await records('sessions_done', MARCH);
    expect(done.value).toBe(2);
    const byKind = new Map(
      done.items.map((r: { session: { kind: string } }) => [r.session.kind, r.session] as const),
    );
    expect(byKind.get('salon')).toMatchObject({
      teamName: '德清地理信息组合式人才帮扶团',
      state: 'done',
      stateName: '已完成',
      record: {
        kind: 'activity',
        title: '地理信息微沙龙（第一期）',
        link: `/activities/${salonActivity.id}`,
      },
    });
    expect(byKind.get('visit')).toMatchObject({
      dueOn: visit.dueOn,
      record: { kind: 'visit', title: '走访三家测绘企业', doneOn: '2026-03-02', link: null },
    });
    const overdue = await records('sessions_overdue', MARCH);
    expect(overdue.total).toBe(planned - 2);
    expect(
      overdue.items.every(
        (r: { session: { state: string; record: unknown } }) =>
          r.session.state === 'overdue' && r.session.record === null,
      ),
    ).toBe(true);
    expect(overdue.items[0].link).toBe(`/teams/${teamId}?tab=plan&year=2026`);
    const salonBar = await records('sessions_planned', `${MARCH}&dimension=kind&value=session.salon`);
    expect(salonBar.total).toBe(of('salon'));
    expect(salonBar.items[0].kindName).toBe('微沙龙');
    const kinds = expectStatus(
      await operator.get(`/api/insights/metrics/sessions_planned/breakdown?${MARCH}&dimension=kind`),
      200,
    ).body.items;
    expect(kinds.find((k: { key: string }) => k.key === 'session.visit')).toMatchObject({
      label: '团队走访',
      value: 1,
    });
    const visits = await records('standing_visits', MARCH);
    expect(visits.items.map((r: { title: string }) => r.title)).toEqual([
      '德清地理信息组合式人才帮扶团：走访三家测绘企业',
    ]);
    expect(visits.items[0].at.slice(0, 10)).toBe('2026-03-01'); // 2 March in China, as an instant in UTC

    // Another county of the city holds none of them; the city holds them all.
    expect(
      headline(await dashboard('regionCode=330502&from=2026-03-01&to=2026-03-31')).get('sessions_planned')!
        .value,
    ).toBe(0);
    const city = headline(await dashboard('from=2026-03-01&to=2026-03-31'));
    expect(city.get('sessions_planned')!.value).toBeGreaterThanOrEqual(planned);
  });

  it('writes 常态化服务 into the work report and its workbook, every figure traced to the sessions', async () => {
    const d = await dashboard(MARCH);
    const planned = d.standing.planned as number;
    const json = expectStatus(await operator.get(`/api/insights/report?${MARCH}&format=json`), 200).body;
    expect(json.standing).toMatchObject({ planned, done: 2, overdue: planned - 2 });
    expect(json.metrics.find((m: { key: string }) => m.key === 'sessions_done')).toMatchObject({
      name: '完成计划服务',
      value: 2,
    });

    const word = await p.app.inject({
      method: 'GET',
      url: `/api/insights/report?${MARCH}`,
      headers: { cookie: operator.cookie! },
    });
    expect(word.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(word.rawPayload)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('常态化服务');
    expect(text).toContain(
      `本期1个帮扶团计划开展服务${planned}次，已完成2次，完成率${Math.round(200 / planned)}%，其中微沙龙计划`,
    );
    expect(text).toContain('开展走访1次。');
    expect(text).toContain(`另有${planned - 2}次服务逾期未登记记录，已提醒督办。`);

    const file = await p.app.inject({
      method: 'GET',
      url: `/api/insights/dashboard.xlsx?${MARCH}`,
      headers: { cookie: operator.cookie! },
    });
    expect(file.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const list = book.getWorksheet('常态化服务明细')!;
    expect(list.rowCount - 1).toBe(planned);
    const rows = list.getSheetValues().slice(2) as unknown[][];
    const salon = rows.find((r) => r[2] === '微沙龙' && r[5] === '已完成')!;
    expect(salon.slice(1)).toEqual([
      '德清地理信息组合式人才帮扶团',
      '微沙龙',
      expect.stringMatching(/^第\d+周$/),
      march.find((o) => o.kind === 'salon')!.dueOn,
      '已完成',
      '活动：地理信息微沙龙（第一期）',
      '2026-03-02',
    ]);
    const summary = book.getWorksheet('常态化服务')!;
    const total = (summary.getSheetValues() as unknown[][]).find((r) => r?.[1] === '合计')!;
    expect(total.slice(1, 5)).toEqual(['合计', planned, 2, planned - 2]);

    const done = await p.app.inject({
      method: 'GET',
      url: `/api/insights/metrics/sessions_done/records.xlsx?${MARCH}`,
      headers: { cookie: operator.cookie! },
    });
    const doneBook = new ExcelJS.Workbook();
    await doneBook.xlsx.load(done.rawPayload as unknown as ArrayBuffer);
    const sheet = doneBook.worksheets[0]!;
    expect(sheet.getRow(1).values).toContain('服务记录');
    expect(sheet.rowCount - 1).toBe(2);
  });
});

/**
 * The tech commissioners and contact duties on the dashboard and in the report (#16), over the demo's
 * own: a round of the city whose term began on 2 January 2026 — 陈志远 (ZJ-0001) with three
 * enterprises and 李立新 (ZJ-0003) with one, their January and February visits logged but for 陈志远's
 * February visit to 安吉竹韵家居 — a demand refined at his first visit to 德清绿源 on 2 March, still the
 * enterprise's draft; and 王敏's two contact duties from 2 March (src/demo/standing.ts).
 */
describe('insights: tech commissioners’ visits, refined demands and contact duties', () => {
  let p: TestPlatform;
  let operator: Client;
  let enterprise: Client;
  /** From the term's start to the demo's today (2 March 2026), in the city. */
  const TERM = 'from=2026-01-01&to=2026-03-02';
  const MARCH = 'from=2026-03-01&to=2026-03-31';
  const dashboard = async (query: string) =>
    expectStatus(await operator.get(`/api/insights/dashboard?${query}`), 200).body;
  const headline = (d: { headline: Figure[] }) => new Map(d.headline.map((h) => [h.key, h.value]));
  const records = async (key: string, query: string) =>
    expectStatus(await operator.get(`/api/insights/metrics/${key}/records?${query}&pageSize=200`), 200).body;

  beforeAll(async () => {
    p = await testPlatform({ demo: true, demoOrders: false });
    operator = await p.signIn('operator');
    enterprise = await p.signIn('enterprise');
  });
  afterAll(() => p.close());

  it('counts the commissioners’ visits against plan, the commissioners and enterprises, each opening into its records', async () => {
    const d = await dashboard(TERM);
    const h = headline(d);
    // Four terms, a visit each in January and February: seven logged, one overdue.
    expect([
      h.get('commissioners_serving'),
      h.get('commission_enterprises'),
      h.get('commission_visits_planned'),
      h.get('commission_visits_done'),
      h.get('commission_visits_overdue'),
    ]).toEqual([2, 4, 8, 7, 1]);
    expect(d.standing.commissions).toEqual({
      commissioners: 2,
      enterprises: 4,
      planned: 8,
      done: 7,
      overdue: 1,
      fulfilment: Math.round(700 / 8),
    });
    // The teams' figures are the teams' alone: the commissioners' visits are not sessions.
    const teamSessions = await records('sessions_planned', TERM);
    expect(
      teamSessions.items.every((r: { session: { subject: string } }) => r.session.subject === 'team'),
    ).toBe(true);
    expect(d.standing.byKind.map((k: { kind: string }) => k.kind)).toEqual([
      'salon',
      'visit',
      'consultation',
      'research',
      'transfer',
    ]);
    expect(h.get('standing_visits')).toBe(
      (await records('standing_visits', TERM)).items.filter((r: { link: string }) =>
        r.link.startsWith('/teams/'),
      ).length,
    );

    const overdue = await records('commission_visits_overdue', TERM);
    expect(overdue.items).toHaveLength(1);
    expect(overdue.items[0]).toMatchObject({
      ref: '陈志远 → 安吉竹韵家居有限公司',
      kindName: '走访企业',
      session: {
        subject: 'commission',
        teamId: null,
        teamName: '陈志远 → 安吉竹韵家居有限公司',
        kind: 'commission_visit',
        periodLabel: '2月',
        state: 'overdue',
        record: null,
      },
    });
    expect(overdue.items[0].link).toMatch(/^\/standing\/portfolio\?talentId=[0-9a-f-]{36}$/);
    const done = await records('commission_visits_done', TERM);
    expect(done.value).toBe(7);
    expect(
      done.items.every(
        (r: { session: { state: string; record: { kind: string } } }) =>
          r.session.state === 'done' && r.session.record.kind === 'visit',
      ),
    ).toBe(true);
    const people = await records('commissioners_serving', TERM);
    expect(people.items.map((r: { ref: string; title: string }) => [r.ref, r.title]).sort()).toEqual([
      ['ZJ-0001', '陈志远'],
      ['ZJ-0003', '李立新'],
    ]);
    const firms = await records('commission_enterprises', TERM);
    expect(firms.items.map((r: { ref: string }) => r.ref).sort()).toEqual([
      'QY-001',
      'QY-003',
      'QY-004',
      'QY-007',
    ]);
    // A county of the city holds none: the round is the city office's.
    expect(headline(await dashboard(`regionCode=330521&${TERM}`)).get('commission_visits_planned')).toBe(0);
  });

  it('counts a refined demand when refined, and as confirmed once the enterprise submits it', async () => {
    const before = headline(await dashboard(TERM));
    expect([before.get('refined_demands'), before.get('refined_confirmed')]).toEqual([1, 0]);
    const refined = await records('refined_demands', TERM);
    expect(refined.items).toHaveLength(1);
    expect(refined.items[0]).toMatchObject({
      title: '碳纤维汽车构件快速热压成型与在线质量检测技术',
      kindName: '技术需求',
    });
    expect(refined.items[0].link).toMatch(/^\/lists\/demands\//);
    // Refined on 2 March: not in February.
    expect(headline(await dashboard('from=2026-02-01&to=2026-02-28')).get('refined_demands')).toBe(0);

    const draft = expectStatus(await enterprise.get(refined.items[0].link.replace(/^/, '/api')), 200).body;
    expect(draft.status).toBe('draft');
    await transition(enterprise, '/api/lists/demands', draft, { action: 'submit' });
    const after = headline(await dashboard(TERM));
    expect([after.get('refined_demands'), after.get('refined_confirmed')]).toEqual([1, 1]);
    expect((await records('refined_confirmed', TERM)).items[0].ref).toBe(refined.items[0].ref);
  });

  it('counts the contact duties’ contacts and care visits against plan, by kind', async () => {
    const march = expectStatus(
      await operator.get('/api/standing/occurrences?subject=duty&from=2026-03-01&to=2026-03-31&pageSize=50'),
      200,
    ).body.items as { id: string; kind: string; subjectLabel: string }[];
    // Each duty's first quarterly contact falls on 31 March.
    expect(march.map((o) => o.kind)).toEqual(['contact', 'contact']);
    const talent = march.find((o) => o.subjectLabel === '王敏 联系 吴一鸣')!;
    expectStatus(
      await operator.post(`/api/standing/occurrences/${talent.id}/record`, {
        visit: { mode: 'phone', summary: '电话了解科研进展与团队引才需求' },
      }),
      200,
    );
    const d = await dashboard(MARCH);
    const h = headline(d);
    expect([
      h.get('duty_contacts_planned'),
      h.get('duty_contacts_done'),
      h.get('duty_contacts_overdue'),
    ]).toEqual([2, 1, 0]);
    expect(d.standing.duties).toMatchObject({ planned: 2, done: 1, overdue: 0, fulfilment: 100 });
    expect(
      d.standing.duties.byKind.map((k: { kind: string; planned: number; done: number }) => [
        k.kind,
        k.planned,
        k.done,
      ]),
    ).toEqual([
      ['contact', 2, 1],
      ['care', 0, 0],
    ]);
    const done = await records('duty_contacts_done', MARCH);
    expect(done.items).toHaveLength(1);
    expect(done.items[0]).toMatchObject({
      ref: '王敏 联系 吴一鸣',
      link: '/standing/duties',
      session: {
        subject: 'duty',
        kind: 'contact',
        state: 'done',
        record: { kind: 'visit', title: '电话了解科研进展与团队引才需求', doneOn: '2026-03-02' },
      },
    });
    // The care visits come later in the year (newest first): Mid-Autumn and 5·30 for the talent; the enterprise's duty has none.
    const year = headline(await dashboard('from=2026-03-01&to=2026-12-31'));
    const care = await records(
      'duty_contacts_planned',
      'from=2026-03-01&to=2026-12-31&dimension=kind&value=session.care',
    );
    expect(
      care.items.map((r: { ref: string; session: { periodLabel: string } }) => [
        r.ref,
        r.session.periodLabel,
      ]),
    ).toEqual([
      ['王敏 联系 吴一鸣', '中秋节前'],
      ['王敏 联系 吴一鸣', '5·30科技工作者日'],
    ]);
    // Both duties' four quarterly contacts from 31 March to 31 December, and the talent's two care visits.
    expect(year.get('duty_contacts_planned')).toBe(8 + 2);
  });

  it('writes the commissioners and the contact duties into the work report and its workbook', async () => {
    const json = expectStatus(await operator.get(`/api/insights/report?${TERM}&format=json`), 200).body;
    expect(json.standing.commissions).toMatchObject({
      commissioners: 2,
      enterprises: 4,
      planned: 8,
      done: 7,
    });
    expect(json.standing.refined).toEqual({ total: 1, confirmed: 1 });
    const word = await p.app.inject({
      method: 'GET',
      url: `/api/insights/report?${TERM}`,
      headers: { cookie: operator.cookie! },
    });
    expect(word.statusCode).toBe(200);
    const text = (
      await (await JSZip.loadAsync(word.rawPayload)).file('word/document.xml')!.async('string')
    ).replace(/<[^>]+>/g, '');
    expect(text).toContain(
      `本期2名科技特派员结对服务4家企业，计划走访8次，已走访7次，完成率${Math.round(700 / 8)}%，逾期未走访1次；在走访中挖掘凝练企业技术需求1项，企业已确认1项。`,
    );
    const marchWord = await p.app.inject({
      method: 'GET',
      url: `/api/insights/report?${MARCH}`,
      headers: { cookie: operator.cookie! },
    });
    const marchText = (
      await (await JSZip.loadAsync(marchWord.rawPayload)).file('word/document.xml')!.async('string')
    ).replace(/<[^>]+>/g, '');
    // March's contacts: one made on 2 March, the other not yet due (31 March).
    expect(marchText).toContain('联系服务计划2次，已完成1次，到期服务完成率100%。');

    const file = await p.app.inject({
      method: 'GET',
      url: `/api/insights/dashboard.xlsx?${TERM}`,
      headers: { cookie: operator.cookie! },
    });
    expect(file.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const visits = book.getWorksheet('特派员走访明细')!;
    expect(visits.getRow(1).getCell(1).value).toBe('特派员 → 企业');
    expect(visits.rowCount - 1).toBe(8);
    const rows = visits.getSheetValues().slice(2) as unknown[][];
    expect(rows.filter((r) => r[5] === '已逾期').map((r) => r[1])).toEqual(['陈志远 → 安吉竹韵家居有限公司']);
    const summary = (book.getWorksheet('常态化服务')!.getSheetValues() as unknown[][]).filter(Boolean);
    const row = (label: string) => summary.find((r) => r[1] === label)?.slice(1, 5);
    expect(row('走访企业')).toEqual(['走访企业', 8, 7, 1]);
    expect(row('开展服务的特派员（人）')).toEqual(['开展服务的特派员（人）', 2]);
    expect(row('结对企业（家）')).toEqual(['结对企业（家）', 4]);
    expect(row('凝练需求（项）')).toEqual(['凝练需求（项）', 1]);
    expect(row('企业已确认（项）')).toEqual(['企业已确认（项）', 1]);
    expect(book.getWorksheet('联系服务明细')!.rowCount).toBe(1);
  });
});
