import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activity,
  commitImport,
  idOf,
  order as placeOrder,
  publishedDemand,
  talentIds,
  transition,
  type Versioned,
} from '../../../test/support/factories.ts';
import { type Client, type TestPlatform, testPlatform, upload } from '../../../test/support/platform.ts';
import { xlsx } from '../../../test/support/sheets.ts';
import { METRIC_KEYS, type MetricKey } from './metrics.ts';

/**
 * A dataset with known counts, made through the API in the second quarter of
 * 2026 (the demo data lies outside it), with a ledger of what each figure
 * must be; the dashboard, the drill-down, the breakdowns and the report must
 * all agree with the ledger.
 */
describe('insights over a seeded dataset', () => {
  let p: TestPlatform;
  let operator: Client;
  let enterprise: Client;
  let expert: Client;
  let admin: Client;
  let experts: Record<string, string>;
  const PERIOD = 'from=2026-04-01&to=2026-06-30';
  /** What every metric must add up to in PERIOD for 湖州 (refs are codes of the records counted). */
  const expected: Record<MetricKey, { value: number; amountYuan?: number; refs?: string[] }> = {} as never;
  const refs: Partial<Record<MetricKey, string[]>> = {};
  /** The quarter's orders by what became of them (codes). */
  const orders = { closed: '', cancelled: '', waiting: '' };
  const add = (key: MetricKey, ref: string, value = 1, amountYuan = 0) => {
    const e = expected[key] ?? { value: 0, amountYuan: 0 };
    e.value += value;
    e.amountYuan = (e.amountYuan ?? 0) + amountYuan;
    expected[key] = e;
    refs[key] = [...(refs[key] ?? []), ref];
  };

  /** An Excel download of the operator's, read back. */
  const workbook = async (url: string) => {
    const file = await p.app.inject({ method: 'GET', url, headers: { cookie: operator.cookie! } });
    expect(file.statusCode, url).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    return book;
  };

  /** Moves the clock and signs everyone in again (sessions expire over weeks). */
  const at = async (iso: string) => {
    p.clock.set(new Date(iso));
    operator = await p.signIn('operator');
    enterprise = await p.signIn('enterprise');
    expert = await p.signIn('expert');
    admin = await p.signIn('admin');
  };

  /** A demand of the demo enterprise in 德清县, published by the operator. */
  const demand = async (code: string, industries: string[]) =>
    publishedDemand(operator, operator, {
      code,
      title: `测试需求${code}`,
      description: '复合材料构件连接工艺改进',
      industries,
      enterpriseId: await idOf(operator, '/api/registry/enterprises', 'QY-001'),
      regionCode: '330521',
    });

  const move = (client: Client, order: Versioned, body: Record<string, unknown>) =>
    transition(client, '/api/orders', order, body);

  beforeAll(async () => {
    p = await testPlatform({ demo: true });
    operator = await p.signIn('operator');
    experts = await talentIds(operator);

    // April: two demands (manufacturing, software) and a forum with two people checked in.
    await at('2026-04-08T10:00:00+08:00');
    const d1 = await demand('Q2-XQ-01', ['29']);
    add('demands_posted', 'Q2-XQ-01');
    const d2 = await demand('Q2-XQ-02', ['65']);
    add('demands_posted', 'Q2-XQ-02');
    await at('2026-04-10T09:30:00+08:00');
    const forum = await activity(operator, {
      kind: 'forum',
      title: '季度新材料沙龙',
      startsAt: '2026-04-10T09:00:00+08:00',
      endsAt: '2026-04-10T11:00:00+08:00',
    });
    add('activities_held', forum.code);
    const chen = await operator.post(`/api/activities/${forum.id}/registrations`, {
      talentId: experts['ZJ-0001'],
    });
    const guest = await operator.post(`/api/activities/${forum.id}/registrations`, { name: '访客甲' });
    const ent = await enterprise.post(`/api/activities/${forum.id}/registrations`, {});
    expect(ent.status, JSON.stringify(ent.body)).toBe(201);
    // A university came too (registered, not checked in): involved, and below it signs.
    const jg = {
      '001': await idOf(operator, '/api/registry/institutions', 'JG-001'),
      '002': await idOf(operator, '/api/registry/institutions', 'JG-002'),
      '003': await idOf(operator, '/api/registry/institutions', 'JG-003'),
    };
    const qy002 = await idOf(operator, '/api/registry/enterprises', 'QY-002');
    const university = await operator.post(`/api/activities/${forum.id}/registrations`, {
      institutionId: jg['001'],
    });
    expect(university.status, JSON.stringify(university.body)).toBe(201);
    add('institutions_involved', 'JG-001');
    for (const r of [chen.body, guest.body]) {
      const res = await operator.post(`/api/activities/${forum.id}/check-in`, { registrationId: r.id });
      expect(res.body.counted).toBe(true);
      add('activity_attendance', forum.code);
    }
    add('experts_involved', 'ZJ-0001');
    add('enterprises_served', 'QY-001');
    // Talks with a third institution are contacts, not a signature.
    await operator.post(`/api/activities/${forum.id}/outcomes`, {
      kind: 'contact',
      count: 12,
      institutionIds: [jg['003']],
    });
    add('contacts_made', forum.code, 12);
    // One agreement, between the university and two enterprises.
    const signed = await operator.post(`/api/activities/${forum.id}/outcomes`, {
      kind: 'agreement',
      amountYuan: 200_000,
      listItemId: d2.id,
      institutionIds: [jg['001']],
      enterpriseIds: [await idOf(operator, '/api/registry/enterprises', 'QY-001'), qy002],
    });
    expect(signed.status, JSON.stringify(signed.body)).toBe(201);
    add('agreements_signed', forum.code, 1, 200_000);
    add('institutions_signed', 'JG-001');
    add('enterprises_signed', 'QY-001');
    add('enterprises_signed', 'QY-002');

    // May: an order from the first demand, served by the demo expert and closed with an agreement and a solved problem;
    // a second order cancelled; a third dispatched and not yet accepted. A training class with 30 trained.
    await at('2026-05-06T09:00:00+08:00');
    let order = await placeOrder({ enterprise, operator, expert }, d1.id, 'accepted', {
      experts: [experts['ZJ-0001']!],
    });
    add('orders_placed', order.code);
    // ZJ-0001 also came to the forum: one person, counted once (see below).
    order = await move(expert, order, { action: 'start' });
    order = await move(expert, order, {
      action: 'finish',
      outcomes: [{ kind: 'agreement', amountYuan: 300_000 }, { kind: 'solved' }],
    });
    await at('2026-05-20T15:00:00+08:00');
    order = await move(enterprise, order, { action: 'confirm', rating: 5 });
    add('orders_closed', order.code);
    add('agreements_signed', order.code, 1, 300_000);
    // The order's enterprise signed (already counted at the forum: once).
    add('problems_solved', order.code);
    const closedOrder = order;

    let cancelled = await placeOrder({ enterprise }, d1.id);
    add('orders_placed', cancelled.code);
    cancelled = await move(enterprise, cancelled, { action: 'cancel', reason: '需求变更' });
    const waiting = await placeOrder({ enterprise, operator }, d1.id, 'dispatched', {
      experts: [experts['ZJ-0003']!],
    });
    add('orders_placed', waiting.code);
    Object.assign(orders, { closed: closedOrder.code, cancelled: cancelled.code, waiting: waiting.code });

    const training = await activity(operator, {
      kind: 'training',
      title: '专利实务培训',
      startsAt: '2026-05-20T09:00:00+08:00',
      endsAt: '2026-05-20T17:00:00+08:00',
    });
    add('activities_held', training.code);
    await operator.post(`/api/activities/${training.id}/outcomes`, { kind: 'trained', count: 30 });
    add('people_trained', training.code, 30);
    // Trainees are attendance too (培训人才 is part of 活动参与).
    add('activity_attendance', training.code, 30);

    // June: a job fair with intents, an agreement recorded at the fair for the order already closed (one
    // agreement, not two), and a talent hired.
    await at('2026-06-12T10:00:00+08:00');
    const fair = await activity(operator, {
      kind: 'job_fair',
      title: '夏季人才招聘会',
      startsAt: '2026-06-12T09:00:00+08:00',
      endsAt: '2026-06-12T16:00:00+08:00',
    });
    add('activities_held', fair.code);
    await operator.post(`/api/activities/${fair.id}/outcomes`, { kind: 'hire_intent', count: 5 });
    add('hire_intents', fair.code, 5);
    await operator.post(`/api/activities/${fair.id}/outcomes`, { kind: 'hired', count: 2 });
    add('talents_introduced', fair.code, 2);
    // It names a second institution: a party of the order's agreement, counted with the order (closed in May).
    const forumAgain = await operator.post(`/api/activities/${forum.id}/outcomes`, {
      kind: 'agreement',
      amountYuan: 300_000,
      orderId: closedOrder.id,
      note: '与订单同一协议',
      institutionIds: [jg['002']],
      enterpriseIds: [qy002],
    });
    expect(forumAgain.status, JSON.stringify(forumAgain.body)).toBe(201);
    add('institutions_signed', 'JG-002');

    // Not counted: a draft, a cancelled activity, one planned for July, and one in 杭州 (another city).
    await activity(
      operator,
      {
        kind: 'forum',
        title: '筹备中沙龙',
        startsAt: '2026-06-01T09:00:00+08:00',
        endsAt: '2026-06-01T11:00:00+08:00',
      },
      'draft',
    );
    const dropped = await activity(operator, {
      kind: 'forum',
      title: '取消的沙龙',
      startsAt: '2026-06-02T09:00:00+08:00',
      endsAt: '2026-06-02T11:00:00+08:00',
    });
    await operator.post(`/api/activities/${dropped.id}/transition`, {
      action: 'cancel',
      version: dropped.version,
      reason: '场地冲突',
    });
    await activity(operator, {
      kind: 'forum',
      title: '七月沙龙',
      startsAt: '2026-07-02T09:00:00+08:00',
      endsAt: '2026-07-02T11:00:00+08:00',
    });
    const hz = await activity(admin, {
      kind: 'forum',
      title: '杭州人才沙龙',
      regionCode: '330106',
      startsAt: '2026-06-05T09:00:00+08:00',
      endsAt: '2026-06-05T11:00:00+08:00',
    });
    await admin.post(`/api/activities/${hz.id}/outcomes`, { kind: 'contact', count: 99 });

    for (const key of METRIC_KEYS) expected[key] ??= { value: 0, amountYuan: 0 };
    // One person, one enterprise: distinct counts.
    expected.experts_involved.value = 1;
    refs.experts_involved = ['ZJ-0001'];
    // 湖州's and 杭州's: an agreement of 杭州 between 杭州's records is counted in 杭州 only.
    const hzInstitution = await admin.post('/api/registry/institutions', {
      code: 'HZ-JG1',
      name: '钱塘大学',
      regionCode: '330106',
    });
    expect(hzInstitution.status, JSON.stringify(hzInstitution.body)).toBe(201);
    expect(
      (
        await admin.post(`/api/activities/${hz.id}/outcomes`, {
          kind: 'agreement',
          institutionIds: [hzInstitution.body.id],
        })
      ).status,
    ).toBe(201);
    await at('2026-07-15T10:00:00+08:00');

    // 常态化服务: whatever the demo's teams, commissioners and contact duties have due in the quarter, as the
    // standing module lists them (one row per occurrence, none recorded in the quarter, so every one past
    // is overdue by 15 July), each subject in figures of its own.
    type Due = {
      teamName: string | null;
      subjectLabel: string;
      state: string;
      record: { kind: string; doneOn: string } | null;
    };
    const dueOf = async (subject: string): Promise<Due[]> => {
      const page = (
        await operator.get(
          `/api/standing/occurrences?subject=${subject}&from=2026-04-01&to=2026-06-30&pageSize=200`,
        )
      ).body;
      expect(page.total).toBeLessThanOrEqual(200);
      return page.items;
    };
    const inQuarter = (doneOn: string) => doneOn >= '2026-04-01' && doneOn <= '2026-06-30';
    for (const o of await dueOf('team')) {
      add('sessions_planned', o.teamName!);
      if (o.state === 'done') add('sessions_done', o.teamName!);
      if (o.state === 'overdue') add('sessions_overdue', o.teamName!);
      if (o.record?.kind === 'visit' && inQuarter(o.record.doneOn)) add('standing_visits', o.teamName!);
      if (!refs.teams_planned?.includes(o.teamName!)) add('teams_planned', o.teamName!);
    }
    // A commissioner's visit reads 陈志远 → 德清绿源新材料有限公司; commissioners and enterprises count by their codes.
    const codes = new Map<string, string>();
    for (const kind of ['talents', 'enterprises']) {
      for (const r of (await operator.get(`/api/registry/${kind}?pageSize=100`)).body.items as {
        code: string;
        name: string;
      }[])
        codes.set(r.name, r.code);
    }
    for (const o of await dueOf('commission')) {
      const [commissioner, enterprise] = o.subjectLabel.split(' → ').map((n) => codes.get(n)!) as [
        string,
        string,
      ];
      add('commission_visits_planned', o.subjectLabel);
      if (o.state === 'done') add('commission_visits_done', o.subjectLabel);
      if (o.state === 'overdue') add('commission_visits_overdue', o.subjectLabel);
      if (!refs.commissioners_serving?.includes(commissioner)) add('commissioners_serving', commissioner);
      if (!refs.commission_enterprises?.includes(enterprise)) add('commission_enterprises', enterprise);
    }
    for (const o of await dueOf('duty')) {
      add('duty_contacts_planned', o.subjectLabel);
      if (o.state === 'done') add('duty_contacts_done', o.subjectLabel);
      if (o.state === 'overdue') add('duty_contacts_overdue', o.subjectLabel);
    }
    // The demo's refined demand was refined on 2 March: none in the quarter (refined_demands stays 0).
  }, 120_000);
  afterAll(() => p.close());

  it('gives every figure the value counted independently, and lists exactly its records', async () => {
    const res = await operator.get(`/api/insights/dashboard?${PERIOD}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.region.name).toBe('浙江省湖州市');
    for (const key of METRIC_KEYS) {
      const figure = res.body.headline.find((h: { key: string }) => h.key === key);
      expect(figure.value, key).toBe(expected[key].value);
      if (figure.amountYuan !== null) expect(figure.amountYuan, key).toBe(expected[key].amountYuan);
      const records = await operator.get(`/api/insights/metrics/${key}/records?${PERIOD}&pageSize=200`);
      expect(records.status).toBe(200);
      expect(records.body.value, key).toBe(expected[key].value);
      // One row per record counted: two check-ins at one forum are two rows; a person or an enterprise once.
      const got = records.body.items.map((r: { ref: string }) => r.ref).sort();
      expect(got, key).toEqual([...(refs[key] ?? [])].sort());
    }
  });

  it('breaks figures down by month, county, industry and kind, each bar adding up and drilling down', async () => {
    const months = (
      await operator.get(`/api/insights/metrics/activities_held/breakdown?${PERIOD}&dimension=month`)
    ).body.items;
    expect(months.map((m: { key: string; value: number }) => [m.key, m.value])).toEqual([
      ['2026-04', 1],
      ['2026-05', 1],
      ['2026-06', 1],
    ]);
    expect(months[0].label).toBe('4月');
    const kinds = (
      await operator.get(`/api/insights/metrics/activities_held/breakdown?${PERIOD}&dimension=kind`)
    ).body.items;
    expect(kinds.map((k: { label: string }) => k.label).sort()).toEqual(
      ['培训班', '招聘会', '论坛沙龙'].sort(),
    );
    const industries = (
      await operator.get(`/api/insights/metrics/demands_posted/breakdown?${PERIOD}&dimension=industry`)
    ).body.items;
    expect(industries.map((i: { key: string; value: number }) => [i.key, i.value]).sort()).toEqual([
      ['C', 1],
      ['I', 1],
    ]);
    const drill = await operator.get(
      `/api/insights/metrics/demands_posted/records?${PERIOD}&dimension=industry&value=C`,
    );
    expect(drill.body.items.map((r: { ref: string }) => r.ref)).toEqual(['Q2-XQ-01']);
    expect(drill.body.items[0].link).toMatch(/^\/lists\/demands\//);
    const counties = (
      await operator.get(`/api/insights/metrics/demands_posted/breakdown?${PERIOD}&dimension=region`)
    ).body.items;
    expect(counties).toEqual([{ key: '330521', label: '德清县', value: 2, amountYuan: null }]);
    const wrong = await operator.get(
      `/api/insights/metrics/experts_involved/breakdown?${PERIOD}&dimension=industry`,
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('INSIGHTS_DIMENSION_INVALID');
  });

  it('compares with the same period last year and the period before, and shows the order funnel', async () => {
    const d = (await operator.get(`/api/insights/dashboard?${PERIOD}`)).body;
    const held = d.headline.find((h: { key: string }) => h.key === 'activities_held');
    expect(held.lastYear.value).toBe(0);
    // The quarter before (January to March) holds the demo data's March items.
    const demands = d.headline.find((h: { key: string }) => h.key === 'demands_posted');
    expect(demands.previous.value).toBeGreaterThan(0);
    expect(d.funnel).toMatchObject({
      placed: 3,
      dispatched: 2,
      accepted: 1,
      closed: 1,
      effective: 1,
      cancelled: 1,
    });
    expect(d.funnel.steps.map((s: { status: string }) => s.status)).toContain('awaiting_confirmation');
  });

  it('lists the orders behind every step of the funnel, and the orders late now', async () => {
    const d = (await operator.get(`/api/insights/dashboard?${PERIOD}`)).body;
    const stages = {
      placed: [orders.closed, orders.cancelled, orders.waiting],
      dispatched: [orders.closed, orders.waiting],
      accepted: [orders.closed],
      closed: [orders.closed],
      effective: [orders.closed],
      cancelled: [orders.cancelled],
    };
    for (const [stage, codes] of Object.entries(stages)) {
      const res = await operator.get(`/api/insights/funnel/${stage}/records?${PERIOD}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.total, stage).toBe(d.funnel[stage]);
      expect(res.body.items.map((r: { ref: string }) => r.ref).sort(), stage).toEqual([...codes].sort());
      expect(res.body.items[0].link).toMatch(/^\/orders\//);
    }
    const late = (await operator.get(`/api/insights/funnel/overdue/records?${PERIOD}`)).body;
    expect(late.total).toBe(d.funnel.overdueNow);
    expect(late.items.map((r: { ref: string }) => r.ref)).toContain(orders.waiting);
    expect(late.items.every((r: { kind: string }) => r.kind !== 'closed' && r.kind !== 'cancelled')).toBe(
      true,
    );
    const unknown = await operator.get(`/api/insights/funnel/lost/records?${PERIOD}`);
    expect(unknown.status).toBe(400);
    const elsewhere = await operator.get(`/api/insights/funnel/placed/records?${PERIOD}&regionCode=330106`);
    expect(elsewhere.status).toBe(403);

    const sheet = (await workbook(`/api/insights/funnel/dispatched/records.xlsx?${PERIOD}`)).worksheets[0]!;
    expect(sheet.name).toBe('订单漏斗·派单');
    const codes = sheet.getColumn(1).values.slice(2).map(String).sort();
    expect(codes).toEqual([orders.closed, orders.waiting].sort());
  });

  it('keeps figures to the caller’s region', async () => {
    const elsewhere = await operator.get(`/api/insights/dashboard?${PERIOD}&regionCode=330106`);
    expect(elsewhere.status).toBe(403);
    const hz = (await admin.get(`/api/insights/dashboard?${PERIOD}&regionCode=330100`)).body;
    const held = hz.headline.find((h: { key: string }) => h.key === 'activities_held');
    const contacts = hz.headline.find((h: { key: string }) => h.key === 'contacts_made');
    expect([held.value, contacts.value]).toEqual([1, 99]);
    const signedThere = hz.headline.find((h: { key: string }) => h.key === 'institutions_signed');
    expect(signedThere.value).toBe(1);
    // A county of 湖州: only its own records.
    const dq = (await operator.get(`/api/insights/dashboard?${PERIOD}&regionCode=330521`)).body;
    expect(dq.headline.find((h: { key: string }) => h.key === 'demands_posted').value).toBe(2);
    expect(dq.headline.find((h: { key: string }) => h.key === 'activities_held').value).toBe(0);
    expect((await expert.get('/api/insights/dashboard')).status).toBe(403);
  });

  it('writes a Word report whose sentences carry the same figures, and the same figures as JSON', async () => {
    const json = (await operator.get(`/api/insights/report?${PERIOD}&format=json`)).body;
    for (const m of json.metrics) expect(m.value, m.key).toBe(expected[m.key as MetricKey].value);
    const file = await p.app.inject({
      method: 'GET',
      url: `/api/insights/report?${PERIOD}`,
      headers: { cookie: operator.cookie! },
    });
    expect(file.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(file.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<w:p[ >]/g, '\n$&').replace(/<[^>]+>/g, '');
    expect(text).toContain('浙江省湖州市人才科技服务工作简报');
    expect(text).toContain('（2026年4月1日至6月30日）');
    expect(text).toContain('共举办各类对接活动3场次、参与32人次');
    expect(text).toContain('发布技术需求2项');
    expect(text).toContain('受理企业点单3个、办结1个');
    expect(text).toContain('促成签订合作协议2项，金额50万元');
    // Who signed, and who took part.
    expect(text).toMatch(/签订合作协议2项、金额50万元(（[^）]*）)?，涉及2家高校院所、2家企业；/);
    expect(text).toContain('参与服务的专家1人、高校院所1家、企业1家');
    expect(text).toContain('帮助企业解决技术难题1个');
    expect(text).toContain('其中论坛沙龙1场次');
    // Sections with nothing to say are left out: no achievements were published or transferred.
    expect(text).not.toContain('转化科技成果');
    expect(text).not.toContain('科技成果0项');
    expect(Object.keys(zip.files).filter((f) => f.startsWith('word/media/')).length).toBeGreaterThanOrEqual(
      1,
    );
  });

  it('exports the records behind a figure and every dashboard table to Excel', async () => {
    const sheet = (await workbook(`/api/insights/metrics/agreements_signed/records.xlsx?${PERIOD}`))
      .worksheets[0]!;
    expect(sheet.rowCount).toBe(3);
    const amounts = [2, 3].map((i) => Number(sheet.getRow(i).getCell(7).value)).sort();
    expect(amounts).toEqual([20, 30]);
    const dash = await workbook(`/api/insights/dashboard.xlsx?${PERIOD}`);
    expect(dash.worksheets[0]!.name).toBe('主要指标');
    expect(dash.worksheets.map((w) => w.name)).toContain('订单漏斗');
  });

  // Last: it adds an order to the quarter.
  it('counts an order closed with nothing to show as closed, not as closed with an outcome', async () => {
    const before = (await operator.get(`/api/insights/dashboard?${PERIOD}`)).body.funnel;
    await at('2026-06-20T09:00:00+08:00');
    const demandId = (await operator.get('/api/lists/demands?q=Q2-XQ-01')).body.items[0].id;
    let order = await placeOrder({ enterprise, operator, expert }, demandId, 'accepted', {
      experts: [experts['ZJ-0001']!],
    });
    order = await move(expert, order, { action: 'start' });
    order = await move(expert, order, { action: 'finish', outcomes: [{ kind: 'none' }] });
    order = await move(enterprise, order, { action: 'confirm', rating: 3 });
    const after = (await operator.get(`/api/insights/dashboard?${PERIOD}`)).body.funnel;
    expect(after.closed).toBe(before.closed + 1);
    expect(after.effective).toBe(before.effective);
    const effective = (await operator.get(`/api/insights/funnel/effective/records?${PERIOD}`)).body;
    expect(effective.total).toBe(after.effective);
    expect(effective.items.map((r: { ref: string }) => r.ref)).not.toContain(order.code);
    const closed = (await operator.get(`/api/insights/funnel/closed/records?${PERIOD}`)).body;
    expect(closed.items.map((r: { ref: string }) => r.ref)).toContain(order.code);
  });
});

/**
 * Offices enter last year's work today: a list imported with its 发布日期, an
 * activity held last year and its outcomes, an order's agreement signed last
 * year. Each counts in last year's period and month (card, drill-down, report),
 * not in this one, whatever day it was typed in.
 */
describe('figures count by when things happened, not when they were entered', () => {
  let p: TestPlatform;
  let operator: Client;
  const LAST_YEAR = 'from=2025-01-01&to=2025-12-31';
  const THIS_YEAR = 'from=2026-01-01&to=2026-03-02';
  const codes = { forum: '', training: '', order: '' };

  const figure = async (query: string, key: MetricKey) => {
    const res = await operator.get(`/api/insights/dashboard?${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.headline.find((h: { key: string }) => h.key === key);
  };
  const refsOf = async (query: string, key: MetricKey) =>
    (await operator.get(`/api/insights/metrics/${key}/records?${query}&pageSize=200`)).body.items
      .map((r: { ref: string }) => r.ref)
      .sort();

  beforeAll(async () => {
    p = await testPlatform({ demo: true });
    const today = p.clock.now();
    // Last December an enterprise ordered a service on a demand it had published, and the expert took it
    // (an order's outcome cannot predate the order, which is placed when it is placed).
    p.clock.set(new Date('2025-12-10T10:00:00+08:00'));
    operator = await p.signIn('operator');
    let enterprise = await p.signIn('enterprise');
    let expert = await p.signIn('expert');
    const experts = await talentIds(operator);
    const d = await publishedDemand(operator, operator, {
      code: 'BK-XQ-2',
      title: '复合材料连接工艺',
      description: '复合材料构件连接工艺改进',
      industries: ['29'],
      enterpriseId: await idOf(operator, '/api/registry/enterprises', 'QY-001'),
      regionCode: '330521',
    });
    let order = await placeOrder({ enterprise, operator, expert }, d.id, 'accepted', {
      experts: [experts['ZJ-0001']!],
    });
    codes.order = order.code;

    // Today is 2026-03-02 (China): everything below is entered today.
    p.clock.set(today);
    operator = await p.signIn('operator');
    enterprise = await p.signIn('enterprise');
    expert = await p.signIn('expert');

    // A demand published last November, imported with its 发布日期.
    const sheet = await xlsx(
      ['编号', '需求名称', '发布日期'],
      [['BK-XQ-1', '丝绸印染废水回用', '2025-11-03']],
    );
    const job = (await upload(operator, '/api/imports/demands', '往年需求.xlsx', sheet)).body;
    expect(job, JSON.stringify(job)).toMatchObject({ valid: 1, flagged: 0 });
    expect((await commitImport(operator, job.id)).created).toBe(1);

    // A forum held last November: one guest checked in, contacts (dated by the activity) and an agreement
    // signed a week later.
    const forum = await activity(operator, {
      kind: 'forum',
      title: '往年新材料沙龙',
      startsAt: '2025-11-12T09:00:00+08:00',
      endsAt: '2025-11-12T11:00:00+08:00',
    });
    codes.forum = forum.code;
    const guest = await operator.post(`/api/activities/${forum.id}/registrations`, { name: '往年访客' });
    expect(guest.status, JSON.stringify(guest.body)).toBe(201);
    const checked = await operator.post(`/api/activities/${forum.id}/check-in`, {
      registrationId: guest.body.id,
    });
    expect(checked.body.counted, JSON.stringify(checked.body)).toBe(true);
    expect(
      (await operator.post(`/api/activities/${forum.id}/outcomes`, { kind: 'contact', count: 7 })).status,
    ).toBe(201);
    const signed = await operator.post(`/api/activities/${forum.id}/outcomes`, {
      kind: 'agreement',
      amountYuan: 100_000,
      happenedOn: '2025-11-20',
      institutionIds: [await idOf(operator, '/api/registry/institutions', 'JG-003')],
      enterpriseIds: [await idOf(operator, '/api/registry/enterprises', 'QY-007')],
    });
    expect(signed.status, JSON.stringify(signed.body)).toBe(201);

    // A training class held last December: two students and a speaker checked in, 20 trained reported.
    const training = await activity(operator, {
      kind: 'training',
      title: '往年专利实务培训',
      startsAt: '2025-12-02T09:00:00+08:00',
      endsAt: '2025-12-03T17:00:00+08:00',
    });
    codes.training = training.code;
    for (const [name, role] of [
      ['学员甲', 'student'],
      ['学员乙', 'student'],
      ['讲师丙', 'speaker'],
    ]) {
      const r = await operator.post(`/api/activities/${training.id}/registrations`, { name, role });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      const c = await operator.post(`/api/activities/${training.id}/check-in`, { registrationId: r.body.id });
      expect(c.status, JSON.stringify(c.body)).toBe(200);
    }
    await operator.post(`/api/activities/${training.id}/outcomes`, { kind: 'trained', count: 20 });

    // The order is served and closed today; its agreement and the problem it solved date from 20 December.
    order = await transition(expert, '/api/orders', order, { action: 'start' });
    order = await transition(expert, '/api/orders', order, {
      action: 'finish',
      outcomes: [
        { kind: 'agreement', amountYuan: 300_000, happenedOn: '2025-12-20' },
        { kind: 'solved', happenedOn: '2025-12-20' },
      ],
    });
    await transition(enterprise, '/api/orders', order, { action: 'confirm', rating: 5 });
  }, 120_000);
  afterAll(() => p.close());

  it('counts them in last year’s period and not in this one: cards, drill-downs and months', async () => {
    const lastYear: [MetricKey, number, string[]][] = [
      ['demands_posted', 2, ['BK-XQ-1', 'BK-XQ-2']],
      ['activities_held', 2, [codes.forum, codes.training].sort()],
      ['contacts_made', 7, [codes.forum]],
      ['agreements_signed', 2, [codes.forum, codes.order].sort()],
      ['problems_solved', 1, [codes.order]],
      ['institutions_signed', 1, ['JG-003']],
      ['enterprises_signed', 2, ['QY-001', 'QY-007']],
      ['people_trained', 20, [codes.training]],
    ];
    for (const [key, value, refs] of lastYear) {
      expect((await figure(LAST_YEAR, key)).value, key).toBe(value);
      expect(await refsOf(LAST_YEAR, key), key).toEqual(refs);
      const now = await refsOf(THIS_YEAR, key);
      // (QY-001, the demo enterprise, also signed this year in the demo data.)
      for (const ref of refs.filter((r) => r !== 'QY-001'))
        expect(now, `${key} this year`).not.toContain(ref);
    }
    expect((await figure(LAST_YEAR, 'agreements_signed')).amountYuan).toBe(400_000);
    // The order itself was closed today: 办结订单 counts when the enterprise confirmed.
    expect(await refsOf(THIS_YEAR, 'orders_closed')).toContain(codes.order);
    expect(await refsOf(LAST_YEAR, 'orders_closed')).not.toContain(codes.order);

    // The months they happened in, and each month's bar lists them.
    const month = async (key: MetricKey) =>
      (
        await operator.get(`/api/insights/metrics/${key}/breakdown?${LAST_YEAR}&dimension=month`)
      ).body.items.map((m: { key: string; value: number }) => [m.key, m.value]);
    expect(await month('activities_held')).toEqual([
      ['2025-11', 1],
      ['2025-12', 1],
    ]);
    expect(await month('agreements_signed')).toEqual([
      ['2025-11', 1],
      ['2025-12', 1],
    ]);
    expect(await month('demands_posted')).toEqual([
      ['2025-11', 1],
      ['2025-12', 1],
    ]);
    const december = await operator.get(
      `/api/insights/metrics/agreements_signed/records?${LAST_YEAR}&dimension=month&value=2025-12`,
    );
    expect(december.body.items.map((r: { ref: string; at: string }) => [r.ref, r.at])).toEqual([
      [codes.order, '2025-12-19T16:00:00.000Z'],
    ]);
    // Attendance goes by the activity's day, not the day the check-in was typed in.
    const attendance = (
      await operator.get(`/api/insights/metrics/activity_attendance/breakdown?${LAST_YEAR}&dimension=month`)
    ).body.items.map((m: { key: string; value: number }) => [m.key, m.value]);
    expect(attendance).toEqual([
      ['2025-11', 1],
      ['2025-12', 21],
    ]);
  });

  it('counts a training class’s trainees as attendance: 培训人才 never exceeds 活动参与', async () => {
    // December holds only the training class: 20 trainees reported (its students' check-ins are those
    // trainees, not more), and the speaker who checked in.
    const DECEMBER = 'from=2025-12-01&to=2025-12-31';
    expect((await figure(DECEMBER, 'people_trained')).value).toBe(20);
    expect((await figure(DECEMBER, 'activity_attendance')).value).toBe(21);
    expect((await figure(LAST_YEAR, 'activity_attendance')).value).toBe(22);
    for (const query of [LAST_YEAR, DECEMBER, THIS_YEAR, '']) {
      const trained = (await figure(query, 'people_trained')).value;
      expect((await figure(query, 'activity_attendance')).value, query).toBeGreaterThanOrEqual(trained);
    }
  });

  it('compares this year with last on the cards, and the report and workbooks use the same dates', async () => {
    const signed = await figure('from=2026-01-01&to=2026-12-31', 'agreements_signed');
    expect(signed.lastYear).toMatchObject({ value: 2, amountYuan: 400_000 });
    const json = (await operator.get(`/api/insights/report?${LAST_YEAR}&format=json`)).body;
    const m = (key: string) => json.metrics.find((x: { key: string }) => x.key === key);
    expect([m('agreements_signed').value, m('people_trained').value, m('activity_attendance').value]).toEqual(
      [2, 20, 22],
    );
    expect(m('demands_posted').value).toBe(2);
    const file = await p.app.inject({
      method: 'GET',
      url: `/api/insights/metrics/agreements_signed/records.xlsx?${LAST_YEAR}`,
      headers: { cookie: operator.cookie! },
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const rows = book.worksheets[0]!.getSheetValues().slice(2) as unknown[][];
    expect(rows.map((r) => [r[1], r[3]]).sort()).toEqual(
      [
        [codes.forum, '2025-11-20'],
        [codes.order, '2025-12-20'],
      ].sort(),
    );
  });
});
