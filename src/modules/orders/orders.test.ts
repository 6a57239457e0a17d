import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { order, publishedDemand, talentIds } from '../../../test/support/factories.ts';
import { type Client, type TestPlatform, testPlatform, upload } from '../../../test/support/platform.ts';
import { downloadedSheet } from '../../../test/support/sheets.ts';
import { talents } from '../registry/schema.ts';
import {
  decide,
  ORDER_ACTIONS,
  ORDER_STATUSES,
  ORDER_TRANSITIONS,
  type OrderParty,
  type OrderStatus,
} from './machine.ts';

const PARTIES: OrderParty[] = ['enterprise', 'operator', 'institution', 'offered', 'assignee', 'system'];

describe('the order table', () => {
  it('moves only along its rows, for the parties listed, and asks for reasons where it says so', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ORDER_STATUSES),
        fc.constantFrom(...ORDER_ACTIONS),
        fc.subarray(PARTIES),
        fc.option(fc.string(), { nil: undefined }),
        (status, action, parties, reason) => {
          const verdict = decide(status, action, parties, reason);
          const row = ORDER_TRANSITIONS[action];
          const allowed =
            (row.from as readonly OrderStatus[]).includes(status) &&
            (row.by as readonly OrderParty[]).some((p) => parties.includes(p)) &&
            (!('reason' in row) || !!reason?.trim());
          expect(verdict.ok).toBe(allowed);
          if (verdict.ok) expect(verdict.to).toBe(row.to);
        },
      ),
    );
    // Terminal states stay terminal.
    for (const action of ORDER_ACTIONS) {
      expect(decide('closed', action, PARTIES, 'x').ok).toBe(false);
      expect(decide('cancelled', action, PARTIES, 'x').ok).toBe(false);
    }
  });
});

describe('service orders over HTTP', () => {
  let p: TestPlatform;
  let enterprise: Client;
  let operator: Client;
  let expert: Client;
  let institution: Client;
  let demandId: string;
  let experts: Record<string, string>;

  beforeAll(async () => {
    p = await testPlatform({ demo: true });
    enterprise = await p.signIn('enterprise');
    operator = await p.signIn('operator');
    expert = await p.signIn('expert');
    institution = await p.signIn('institution');
    demandId = (await operator.get('/api/lists/demands?q=XQ-2026-001')).body.items[0].id;
    experts = await talentIds(operator);
  });
  afterAll(() => p.close());

  /** How many closed orders matching counts for an expert (its outcome reason on the demand's suggestions). */
  const closedFor = async (code: string): Promise<number> => {
    const res = await operator.get(
      `/api/matching/suggestions?from=demands&id=${demandId}&against=experts&top=10`,
    );
    const found = res.body.items.find((r: { code: string }) => r.code === code);
    const outcome = found?.reasons.find((r: { factor: string }) => r.factor === 'outcome');
    return Number(/已完成服务 (\d+) 次/.exec(outcome?.label ?? '')?.[1] ?? 0);
  };

  const place = (key?: string) => order({ enterprise }, demandId, 'placed', { idempotencyKey: key });
  /** An order of the demand, dispatched to the demo expert (ZJ-0001) and accepted by them. */
  const accepted = () =>
    order({ enterprise, operator, expert }, demandId, 'accepted', { experts: [experts['ZJ-0001']!] });
  const move = (client: Client, order: { id: string; version: number }, body: Record<string, unknown>) =>
    client.post(`/api/orders/${order.id}/transition`, { version: order.version, ...body });

  it('runs the whole loop: place, dispatch, decline, redispatch, accept, serve, confirm with a rating', async () => {
    let order = await place();
    expect(order.status).toBe('placed');
    // The demand is being worked on now.
    expect((await enterprise.get(`/api/lists/demands/${demandId}`)).body.status).toBe('in_progress');
    expect(order.actions).toEqual(['cancel']);

    let res = await move(operator, order, {
      action: 'dispatch',
      experts: [experts['ZJ-0001'], experts['ZJ-0002']],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    order = res.body;
    expect(order.status).toBe('dispatched');
    // The expert is told in the inbox, sees the order and may accept or decline it.
    const inbox = await expert.get('/api/notifications?unread=true');
    expect(inbox.body.unread).toBeGreaterThan(0);
    const offer = inbox.body.items.find((m: { link: string }) => m.link === `/orders/${order.id}`);
    expect(offer.title).toBe('新的服务订单：汽车轻量化碳纤维复合材料构件连接技术');
    expect((await expert.post('/api/notifications/read', { ids: [offer.id] })).body.unread).toBe(
      inbox.body.unread - 1,
    );
    const seen = await expert.get(`/api/orders/${order.id}`);
    expect(seen.body.actions.sort()).toEqual(['accept', 'decline']);

    const noReason = await move(expert, order, { action: 'decline' });
    expect(noReason.body.error.code).toBe('ORDER_REASON_REQUIRED');
    res = await move(expert, order, { action: 'decline', reason: '本月在外出差' });
    order = res.body;
    const operatorInbox = (await operator.get('/api/notifications')).body.items;
    expect(operatorInbox.map((m: { title: string; body: string }) => `${m.title}｜${m.body}`)).toContain(
      '专家拒单：汽车轻量化碳纤维复合材料构件连接技术｜陈志远：本月在外出差',
    );
    expect(order.status).toBe('dispatched'); // ZJ-0002 may still accept

    res = await move(operator, order, { action: 'redispatch', experts: [experts['ZJ-0001']] });
    order = res.body;
    expect(order.round).toBe(2);
    res = await move(expert, order, { action: 'accept' });
    order = res.body;
    expect(order.status).toBe('accepted');
    order = (await move(expert, order, { action: 'start' })).body;
    const visit = await expert.post(`/api/orders/${order.id}/visits`, {
      visitedOn: '2026-02-27',
      place: '德清绿源新材料有限公司车间',
      people: '陈志远、企业技术部',
      summary: '现场查看连接部位开裂样件，提出胶接—铆接混合方案',
    });
    expect(visit.status, JSON.stringify(visit.body)).toBe(201);
    expect(visit.body.visits[0].by).toBe('陈志远');
    const empty = await move(expert, visit.body, { action: 'finish' });
    expect(empty.body.error.code).toBe('ORDER_OUTCOME_REQUIRED');
    order = (
      await move(expert, visit.body, {
        action: 'finish',
        outcomes: [
          { kind: 'agreement', amountYuan: 300000, note: '签订技术开发合同' },
          { kind: 'solved', note: '连接开裂问题解决' },
        ],
      })
    ).body;
    expect(order.status).toBe('awaiting_confirmation');
    const toConfirm = (await enterprise.get('/api/notifications?unread=true')).body.items;
    expect(toConfirm.map((m: { title: string }) => m.title)).toContain(
      '服务已完成，请确认办结并评价：汽车轻量化碳纤维复合材料构件连接技术',
    );
    // Undated outcomes happened today (the platform's China date).
    expect(order.outcomes).toEqual([
      { kind: 'agreement', amountYuan: 300000, note: '签订技术开发合同', happenedOn: '2026-03-02' },
      { kind: 'solved', amountYuan: null, note: '连接开裂问题解决', happenedOn: '2026-03-02' },
    ]);

    const unrated = await move(enterprise, order, { action: 'confirm' });
    expect(unrated.body.error.code).toBe('ORDER_RATING_REQUIRED');
    // What matching knew of the expert's closed orders before this one (the demo's own, rated 5).
    const servedBefore = await closedFor('ZJ-0001');
    res = await move(enterprise, order, { action: 'confirm', rating: 5, comment: '解决了连接开裂问题' });
    order = res.body;
    expect(order.status).toBe('closed');
    expect(order.rating).toBe(5);
    const late = await expert.post(`/api/orders/${order.id}/visits`, {
      visitedOn: '2026-03-02',
      summary: '回访',
    });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('ORDER_NOT_IN_SERVICE');

    // The closed, well-rated order now counts for the expert in matching.
    const suggestions = await operator.get(
      `/api/matching/suggestions?from=demands&id=${demandId}&against=experts&top=10`,
    );
    const chen = suggestions.body.items.find((r: { code: string }) => r.code === 'ZJ-0001');
    expect(chen.reasons.map((r: { label: string }) => r.label)).toContain(
      `已完成服务 ${servedBefore + 1} 次，平均评分 5.0`,
    );

    expect(order.events.map((e: { action: string }) => e.action)).toEqual([
      'place',
      'dispatch',
      'decline',
      'redispatch',
      'accept',
      'start',
      'finish',
      'confirm',
    ]);
    expect(order.events[2].reason).toBe('本月在外出差');
    const offers = order.offers.map(
      (o: { round: number; name: string; state: string }) => `${o.round}:${o.state}`,
    );
    expect(offers.sort()).toEqual(['1:declined', '1:withdrawn', '2:accepted']);
    const audit = await (await p.signIn('auditor')).get(`/api/audit?entityId=${order.id}`);
    expect(audit.body.items.map((i: { action: string }) => i.action)).toContain('order.visit');
    expect(audit.body.items.length).toBe(9);
  });

  it('shows the enterprise and its contact: whole to the expert who accepted and to the enterprise, masked to others', async () => {
    // The demand's enterprise (德清绿源) is given a contact mobile to be seen.
    const demand = (await operator.get(`/api/lists/demands/${demandId}`)).body;
    const record = (await operator.get(`/api/registry/enterprises/${demand.enterpriseId}`)).body;
    const edited = await operator.patch(`/api/registry/enterprises/${record.id}`, {
      contactName: '沈建华',
      contactMobile: '13905721234',
      version: record.version,
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);

    const placed = await place();
    const dispatched = (await move(operator, placed, { action: 'dispatch', experts: [experts['ZJ-0001']] }))
      .body;
    const masked = {
      id: record.id,
      name: '德清绿源新材料有限公司',
      contactName: '沈**',
      contactMobile: '139****1234',
      masked: true,
    };
    const whole = { ...masked, contactName: '沈建华', contactMobile: '13905721234', masked: false };
    // Offered, not yet accepted: the expert sees whom the order is for, not how to reach them.
    expect((await expert.get(`/api/orders/${placed.id}`)).body.enterprise).toEqual(masked);
    expect((await operator.get(`/api/orders/${placed.id}`)).body.enterprise).toEqual(masked);
    expect((await enterprise.get(`/api/orders/${placed.id}`)).body.enterprise).toEqual(whole);

    const acceptedOrder = (await move(expert, dispatched, { action: 'accept' })).body;
    expect(acceptedOrder.enterprise).toEqual(whole);
    expect((await expert.get(`/api/orders/${placed.id}`)).body.enterprise).toEqual(whole);
    expect((await operator.get(`/api/orders/${placed.id}`)).body.enterprise).toEqual(masked);
    const auditor = await p.signIn('auditor');
    // The list does not carry it.
    const listed = (await expert.get('/api/orders?pageSize=100')).body.items;
    expect(listed.find((o: { id: string }) => o.id === placed.id)).not.toHaveProperty('enterprise');
    // Handing the contact over is recorded with the acceptance, as the registry records a reveal.
    const audit = (await auditor.get(`/api/audit?entityId=${placed.id}`)).body.items;
    const accept = audit.find((row: { action: string }) => row.action === 'order.accept');
    expect(accept.changes.revealed).toEqual({ to: ['contactName', 'contactMobile'] });
  });

  it('refuses illegal and stale moves with the current state, and changes nothing', async () => {
    const order = await place();
    const accept = await move(operator, order, { action: 'accept' });
    expect(accept.status).toBe(409);
    expect(accept.body.error.code).toBe('ORDER_TRANSITION_NOT_ALLOWED');
    expect(accept.body.error.message).toContain('待派单');
    const byEnterprise = await move(enterprise, order, { action: 'dispatch', experts: [experts['ZJ-0001']] });
    expect(byEnterprise.status).toBe(403);
    const dispatched = (await move(operator, order, { action: 'dispatch', experts: [experts['ZJ-0003']] }))
      .body;
    const stale = await move(operator, order, { action: 'cancel', reason: '重复下单' });
    expect(stale.status).toBe(409);
    const now = (await operator.get(`/api/orders/${order.id}`)).body;
    expect(now.status).toBe('dispatched');
    expect(now.version).toBe(dispatched.version);
    expect(now.events).toHaveLength(2);
    // An expert the order was not offered to does not even see it.
    const other = await expert.get(`/api/orders/${order.id}`);
    expect(other.status).toBe(404);
  });

  it('applies a request with an Idempotency-Key once and answers a retry with the first answer', async () => {
    const first = await place('place-key-0001');
    const again = await place('place-key-0001');
    expect(again.id).toBe(first.id);
    const orders = (await operator.get('/api/orders?pageSize=100')).body.items.filter(
      (o: { id: string }) => o.id === first.id,
    );
    expect(orders).toHaveLength(1);
    const body = { action: 'dispatch', version: first.version, experts: [experts['ZJ-0004']] };
    const headers = { 'idempotency-key': 'dispatch-key-0001' };
    const one = await operator.request('POST', `/api/orders/${first.id}/transition`, body, headers);
    const two = await operator.request('POST', `/api/orders/${first.id}/transition`, body, headers);
    expect(one.status).toBe(200);
    expect(two.status).toBe(200);
    expect(two.body.version).toBe(one.body.version);
    expect(two.body.events).toHaveLength(2);
    const reused = await operator.request(
      'POST',
      `/api/orders/${first.id}/transition`,
      { action: 'cancel', version: one.body.version, reason: '测试' },
      headers,
    );
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('lets one of two dispatchers win a race; the other gets 409 and nothing is half-applied', async () => {
    const order = await place();
    const second = await p.signIn('operator');
    const results = await Promise.all([
      move(operator, order, { action: 'dispatch', experts: [experts['ZJ-0005']] }),
      move(second, order, { action: 'dispatch', experts: [experts['ZJ-0006']] }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const now = (await operator.get(`/api/orders/${order.id}`)).body;
    expect(now.events.map((e: { action: string }) => e.action)).toEqual(['place', 'dispatch']);
    expect(now.offers).toHaveLength(1);
  });

  it('dispatches to a team: the leader answers for it, then every member serves and sees the order', async () => {
    const teams = (await operator.get('/api/teams?q=新材料')).body.items;
    expect(teams).toHaveLength(1);
    const team = teams[0];
    expect(team.leader.name).toBe('陈志远');
    let order = await place();
    const res = await move(operator, order, { action: 'dispatch', teamId: team.id });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    order = res.body;
    expect(order.teamName).toBe('湖州新材料助企服务团');
    expect(order.offers.map((o: { name: string }) => o.name)).toEqual(['陈志远']);
    // An institution the order was not sent to cannot touch it, teams or not.
    expect((await move(institution, order, { action: 'redispatch', teamId: team.id })).status).toBe(404);

    // A member with an account (the leader here) accepts for the team.
    const inbox = (await expert.get('/api/orders?status=dispatched&pageSize=100')).body.items;
    expect(inbox.map((o: { id: string }) => o.id)).toContain(order.id);
    // The list says what the order itself says: the team, and that the expert answers it.
    expect(inbox.find((o: { id: string }) => o.id === order.id)).toMatchObject({
      teamName: '湖州新材料助企服务团',
      actions: expect.arrayContaining(['accept']),
    });
    order = (await move(expert, order, { action: 'accept' })).body;
    expect(order.status).toBe('accepted');
    expect(order.canLogVisit).toBe(true);
    expect((await enterprise.get(`/api/orders/${order.id}`)).body.canLogVisit).toBe(false);

    // Another member gets an account: they see the order and may serve it, though it was never offered to them.
    const memberTalent = team.members.find((m: { leader: boolean }) => !m.leader).talentId;
    const admin = await p.signIn('admin');
    const created = await admin.post('/api/users', {
      username: `team-member-${order.code.slice(-6).toLowerCase()}`,
      displayName: '团队成员',
      role: 'expert',
      regionCode: '330502',
      password: 'team-Member-2026',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    // (Profiles are linked to accounts by the seed and the profile page; here the link is set directly.)
    await p.database.db.update(talents).set({ userId: created.body.id }).where(eq(talents.id, memberTalent));
    const teammate = await p.signIn(created.body.username, 'team-Member-2026');
    const seen = await teammate.get(`/api/orders/${order.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.actions).toEqual(['start']);
    // So does their list, where the team's members are read with the page.
    const theirs = (await teammate.get('/api/orders?pageSize=100')).body.items;
    expect(theirs.find((o: { id: string }) => o.id === order.id).actions).toEqual(['start']);
    order = (await move(teammate, order, { action: 'start' })).body;
    expect(order.status).toBe('in_service');
    const visit = await teammate.post(`/api/orders/${order.id}/visits`, {
      visitedOn: '2026-03-01',
      summary: '团队成员上门调试',
    });
    expect(visit.status).toBe(201);
    const unknown = await move(operator, await place(), { action: 'dispatch', teamId: randomUUID() });
    expect(unknown.body.error.code).toBe('ORDER_TEAM_UNKNOWN');
  });

  it('keeps files on a visit: type checked by content, size-limited, downloaded by parties only', async () => {
    let order = await accepted();
    order = (
      await expert.post(`/api/orders/${order.id}/visits`, { visitedOn: '2026-03-02', summary: '现场取样' })
    ).body;
    const visitId = order.visits[0].id;
    const url = `/api/orders/${order.id}/visits/${visitId}/attachments`;
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2048, 0x20)]);
    const res = await upload(expert, url, '现场照片与纪要.pdf', pdf);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const file = res.body.visits[0].attachments[0];
    expect(file).toMatchObject({
      name: '现场照片与纪要.pdf',
      size: pdf.length,
      contentType: 'application/pdf',
    });

    // A program renamed to .pdf, an unknown type and an empty file are refused; nothing is stored.
    const fake = await upload(expert, url, 'setup.pdf', Buffer.from('MZ\x90\x00 not a pdf'));
    expect(fake.status).toBe(415);
    expect(fake.body.error.code).toBe('ORDER_ATTACHMENT_TYPE');
    expect((await upload(expert, url, 'run.exe', pdf)).body.error.code).toBe('ORDER_ATTACHMENT_TYPE');
    expect((await upload(expert, url, 'a.txt', Buffer.alloc(0))).body.error.code).toBe(
      'ORDER_ATTACHMENT_EMPTY',
    );
    const big = await upload(expert, url, 'big.pdf', Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024)]));
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('ORDER_ATTACHMENT_TOO_LARGE');
    // The enterprise is a party but does not serve the order: it reads the files, it does not add them.
    expect((await upload(enterprise, url, 'x.pdf', pdf)).body.error.code).toBe('ORDER_NOT_YOURS');
    const now = (await enterprise.get(`/api/orders/${order.id}`)).body;
    expect(now.visits[0].attachments).toHaveLength(1);

    const download = await p.app.inject({
      method: 'GET',
      url: `/api/orders/${order.id}/attachments/${file.id}`,
      headers: { cookie: enterprise.cookie! },
    });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(String(download.headers['content-disposition'])).toContain(
      encodeURIComponent('现场照片与纪要.pdf'),
    );
    // Someone the order is not about cannot fetch it, even with the right ids.
    const stranger = await p.signIn('institution');
    const refused = await stranger.get(`/api/orders/${order.id}/attachments/${file.id}`);
    expect(refused.status).toBe(404);
  });

  it('refuses a visit dated after today in China, and takes one dated today there (or undated)', async () => {
    const order = await accepted();
    const before = p.clock.now();
    // 01:00 on 3 March in China is still 2 March in UTC: China's today is what counts.
    p.clock.set(new Date('2026-03-03T01:00:00+08:00'));
    try {
      // Signed in at that hour (the file's sessions would have lapsed overnight).
      const expert = await p.signIn('expert');
      const tomorrow = await expert.post(`/api/orders/${order.id}/visits`, {
        visitedOn: '2026-03-04',
        summary: '预约的下次走访',
      });
      expect(tomorrow.status).toBe(400);
      expect(tomorrow.body.error.code).toBe('VISIT_DATE_IN_FUTURE');
      expect(tomorrow.body.error.message).toBe('走访日期不能晚于今天（2026-03-03）');
      // Nothing was logged.
      expect((await expert.get(`/api/orders/${order.id}`)).body.visits).toEqual([]);
      const today = await expert.post(`/api/orders/${order.id}/visits`, {
        visitedOn: '2026-03-03',
        summary: '凌晨抢修后的现场记录',
      });
      expect(today.status, JSON.stringify(today.body)).toBe(201);
      // Without a date, the visit is today's by the platform's clock (a phone's may be off).
      const undated = await expert.post(`/api/orders/${order.id}/visits`, { summary: '电话回访' });
      expect(undated.status, JSON.stringify(undated.body)).toBe(201);
      expect(undated.body.visits.map((v: { visitedOn: string }) => v.visitedOn)).toEqual([
        '2026-03-03',
        '2026-03-03',
      ]);
    } finally {
      p.clock.set(before);
    }
  });

  it('replaces the outcomes when the enterprise sends the order back and the expert finishes again', async () => {
    let order = await accepted();
    order = (await move(expert, order, { action: 'start' })).body;
    order = (await move(expert, order, { action: 'finish', outcomes: [{ kind: 'none' }] })).body;
    order = (await move(enterprise, order, { action: 'reopen', reason: '问题尚未解决' })).body;
    expect(order.status).toBe('in_service');
    order = (
      await move(expert, order, { action: 'finish', outcomes: [{ kind: 'agreement', amountYuan: 300000 }] })
    ).body;
    expect(order.outcomes).toEqual([
      { kind: 'agreement', amountYuan: 300000, note: null, happenedOn: '2026-03-02' },
    ]);
  });

  it('dates each outcome when it happened: not after today in China, not before the order was placed', async () => {
    const now = p.clock.now();
    // Placed and taken on 20 February; entered on 2 March (sessions signed in at each hour).
    p.clock.set(new Date('2026-02-20T10:00:00+08:00'));
    let placed: { id: string; version: number };
    try {
      placed = await order(
        {
          enterprise: await p.signIn('enterprise'),
          operator: await p.signIn('operator'),
          expert: await p.signIn('expert'),
        },
        demandId,
        'accepted',
        { experts: [experts['ZJ-0001']!] },
      );
    } finally {
      p.clock.set(now);
    }
    const expert = await p.signIn('expert');
    let current = (await move(expert, placed, { action: 'start' })).body;
    const finish = (outcomes: Record<string, unknown>[]) =>
      move(expert, current, { action: 'finish', outcomes });

    const tomorrow = await finish([{ kind: 'agreement', amountYuan: 200000, happenedOn: '2026-03-03' }]);
    expect(tomorrow.status).toBe(400);
    expect(tomorrow.body.error).toMatchObject({
      code: 'ORDER_OUTCOME_DATE_IN_FUTURE',
      message: '成效日期不能晚于今天（2026-03-02）',
    });
    const early = await finish([{ kind: 'solved' }, { kind: 'agreement', happenedOn: '2026-02-19' }]);
    expect(early.status).toBe(400);
    expect(early.body.error).toMatchObject({
      code: 'ORDER_OUTCOME_DATE_BEFORE_ORDER',
      message: '成效日期不能早于下单日期（2026-02-20）',
    });
    const malformed = await finish([{ kind: 'solved', happenedOn: '2026-02-30' }]);
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('VALIDATION_FAILED');
    // Nothing was recorded by the refusals.
    expect((await expert.get(`/api/orders/${placed.id}`)).body).toMatchObject({
      status: 'in_service',
      outcomes: [],
    });

    const done = await finish([
      { kind: 'agreement', amountYuan: 200000, note: '上周签约', happenedOn: '2026-02-25' },
      { kind: 'solved', happenedOn: '2026-02-20' },
      { kind: 'talent' },
    ]);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    current = done.body;
    expect(
      done.body.outcomes.map((x: { kind: string; happenedOn: string }) => [x.kind, x.happenedOn]),
    ).toEqual([
      ['agreement', '2026-02-25'],
      ['solved', '2026-02-20'],
      ['talent', '2026-03-02'],
    ]);
    // The history keeps the dates with the step, which is itself dated when it was entered.
    const step = done.body.events.find((e: { action: string }) => e.action === 'finish');
    expect(step.at).toBe(p.clock.now().toISOString());
    expect(step.details.outcomes.map((x: { happenedOn: string }) => x.happenedOn)).toEqual([
      '2026-02-25',
      '2026-02-20',
      '2026-03-02',
    ]);
    // 台账: 成效日期, earliest first.
    const sheet = await downloadedSheet(p.app, (await p.signIn('operator')).cookie!, '/api/orders/export');
    expect(sheet.rows.find((r) => r.订单号 === done.body.code)?.成效日期).toBe(
      '2026-02-20；2026-02-25；2026-03-02',
    );
  });

  it('asks the enterprise whether the demand is solved when an order of it closes with an outcome', async () => {
    const enterpriseId = (await enterprise.get(`/api/lists/demands/${demandId}`)).body.enterpriseId;
    const demand = await publishedDemand(operator, operator, {
      title: '竹纤维复合板材阻燃改性',
      enterpriseId,
      regionCode: '330521',
    });
    const url = `/api/lists/demands/${demand.id}`;
    /** An order of the demand served and confirmed with these outcomes. */
    const closedWith = async (outcomes: Record<string, unknown>[]) => {
      let o = await order({ enterprise, operator, expert }, demand.id, 'accepted', {
        experts: [experts['ZJ-0001']!],
      });
      o = (await move(expert, o, { action: 'start' })).body;
      o = (await move(expert, o, { action: 'finish', outcomes })).body;
      const res = await move(enterprise, o, { action: 'confirm', rating: 4 });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body;
    };

    // Closed with nothing to show: nobody is asked.
    await closedWith([{ kind: 'none' }]);
    let seen = (await enterprise.get(url)).body;
    expect([seen.status, seen.solvedAskedAt]).toEqual(['in_progress', null]);
    expect(seen.actions).not.toContain('keepOpen');

    // Closed with an outcome: the demand asks, and the enterprise is told where to answer.
    const closed = await closedWith([{ kind: 'solved', note: '阻燃等级达到B1' }]);
    seen = (await enterprise.get(url)).body;
    expect(seen.solvedAskedAt).toBe(closed.statusChangedAt);
    expect(seen.actions).toEqual(expect.arrayContaining(['solve', 'keepOpen']));
    const inbox = (await enterprise.get('/api/notifications?unread=true')).body.items;
    const ask = inbox.find((m: { link: string }) => m.link === `/lists/demands/${demand.id}`);
    expect(ask.title).toBe('请确认需求是否已解决：竹纤维复合板材阻燃改性');
    // Only its owner answers 尚未解决 (an operator who did not post it cannot); the answer keeps the
    // demand open and the question goes.
    const admin = await p.signIn('admin');
    const byOperator = await admin.post(`${url}/transition`, { action: 'keepOpen', version: seen.version });
    expect(byOperator.status).toBe(403);
    const kept = await enterprise.post(`${url}/transition`, { action: 'keepOpen', version: seen.version });
    expect(kept.status, JSON.stringify(kept.body)).toBe(200);
    expect([kept.body.status, kept.body.solvedAskedAt, kept.body.statusChangedAt]).toEqual([
      'in_progress',
      null,
      seen.statusChangedAt,
    ]);
    expect(kept.body.actions).not.toContain('keepOpen');
    const again = await enterprise.post(`${url}/transition`, {
      action: 'keepOpen',
      version: kept.body.version,
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('LIST_SOLVED_NOT_ASKED');

    // The next order with an outcome asks again; 已解决 closes the demand.
    await closedWith([{ kind: 'agreement', amountYuan: 80000 }]);
    seen = (await enterprise.get(url)).body;
    expect(seen.solvedAskedAt).not.toBeNull();
    const solved = await enterprise.post(`${url}/transition`, { action: 'solve', version: seen.version });
    expect([solved.body.status, solved.body.solvedAskedAt]).toEqual(['closed', null]);
    const audit = (await (await p.signIn('auditor')).get(`/api/audit?entityId=${demand.id}`)).body.items;
    expect(audit.map((row: { action: string }) => row.action)).toEqual(
      expect.arrayContaining(['demand.keepOpen', 'demand.solve']),
    );
  });

  it('lets an institution dispatch an order sent to it only to its own experts', async () => {
    const order = await place();
    const jg001 = (await operator.get('/api/registry/institutions?q=JG-001')).body.items[0].id;
    const sent = (await move(operator, order, { action: 'dispatch', institutionId: jg001 })).body;
    expect(sent.institutionId).toBe(jg001);
    const seen = await institution.get(`/api/orders/${order.id}`);
    expect(seen.body.actions).toContain('redispatch');
    const foreign = await move(institution, sent, { action: 'redispatch', experts: [experts['ZJ-0002']] });
    expect(foreign.body.error.code).toBe('ORDER_EXPERT_UNKNOWN');
    const own = await move(institution, sent, { action: 'redispatch', experts: [experts['ZJ-0001']] });
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    expect(own.body.institutionName).toBe('浙北理工学院');
    // The institution's list names it too, and offers it what the order itself does.
    const listed = (await institution.get('/api/orders?pageSize=100')).body.items.find(
      (o: { id: string }) => o.id === order.id,
    );
    expect(listed).toMatchObject({ institutionName: '浙北理工学院' });
    expect(listed.actions).toEqual((await institution.get(`/api/orders/${order.id}`)).body.actions);
    // The operator takes it back and sends it to an expert directly: the institution is out of it.
    const back = await move(operator, own.body, { action: 'redispatch', experts: [experts['ZJ-0002']] });
    expect(back.body.institutionId).toBeNull();
    expect((await institution.get(`/api/orders/${order.id}`)).status).toBe(404);
  });

  it('exports exactly the orders the caller sees, with who serves, where each stands and what came of it', async () => {
    const sheetOf = (client: Client, query = '') =>
      downloadedSheet(p.app, client.cookie!, `/api/orders/export${query}`);
    const listed = (await operator.get('/api/orders?pageSize=200')).body;
    const all = await sheetOf(operator);
    expect(all.count).toBe(listed.total);
    expect(all.rows.map((r) => r.订单号).sort()).toEqual(
      listed.items.map((o: { code: string }) => o.code).sort(),
    );
    const closed = listed.items.find(
      (o: { status: string; rating: number | null }) => o.status === 'closed' && o.rating,
    );
    const row = all.rows.find((r) => r.订单号 === closed.code)!;
    expect(row.状态).toBe('已办结');
    expect(row.评分).toBe(String(closed.rating));
    expect(row.承接).toContain('陈志远');
    expect(row.服务成效).not.toBe('');
    expect(row.办结时间).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    // The list's filters apply; an expert exports only the orders that are theirs.
    const cancelled = await sheetOf(operator, '?status=cancelled');
    expect(cancelled.rows.every((r) => r.状态 === '已取消')).toBe(true);
    expect(cancelled.count).toBe(
      listed.items.filter((o: { status: string }) => o.status === 'cancelled').length,
    );
    const theirs = (await expert.get('/api/orders?pageSize=200')).body;
    const his = await sheetOf(expert);
    expect(his.rows.map((r) => r.订单号).sort()).toEqual(
      theirs.items.map((o: { code: string }) => o.code).sort(),
    );
    expect(his.count).toBeLessThan(all.count);
    const csv = await p.app.inject({
      method: 'GET',
      url: '/api/orders/export?format=csv',
      headers: { cookie: operator.cookie! },
    });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.startsWith('\uFEFF订单号,订单名称,企业')).toBe(true);
    expect((await (await p.signIn('reviewer')).get('/api/orders/export')).status).toBe(403);
  });

  it('never leaves the table and never loses history under random commands from random roles', async () => {
    const clients = () => ({ enterprise, operator, expert, institution });
    const command = fc.record({
      who: fc.constantFrom('enterprise', 'operator', 'expert', 'institution'),
      action: fc.constantFrom(...ORDER_ACTIONS),
      reason: fc.constantFrom(undefined, '原因'),
      rating: fc.constantFrom(undefined, 4),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 10 }), async (commands) => {
        let order = await place();
        let applied = 1;
        for (const c of commands) {
          const client = clients()[c.who as 'enterprise'];
          const res = await move(client, order, {
            action: c.action,
            ...(c.reason ? { reason: c.reason } : {}),
            ...(c.rating ? { rating: c.rating } : {}),
            ...(c.action.endsWith('dispatch') ? { experts: [experts['ZJ-0001']] } : {}),
            ...(c.action === 'finish' ? { outcomes: [{ kind: 'none' }] } : {}),
          });
          expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
          const now = (await operator.get(`/api/orders/${order.id}`)).body;
          expect(ORDER_STATUSES).toContain(now.status);
          if (res.status === 200) {
            applied++;
            const event = now.events.at(-1);
            const row = ORDER_TRANSITIONS[c.action];
            expect((row.from as readonly string[]).includes(event.fromStatus)).toBe(true);
            expect([row.to, event.fromStatus]).toContain(event.toStatus);
          }
          expect(now.events).toHaveLength(applied);
          order = now;
        }
      }),
      { numRuns: 30 },
    );
  });
});

describe('order deadlines', () => {
  let p: TestPlatform;
  let enterprise: Client;
  let operator: Client;
  let demandId: string;
  let expertId: string;
  beforeAll(async () => {
    // The sweep and the board count every order of the region: only this test's, not the demo's.
    p = await testPlatform({ demo: true, demoOrders: false });
    enterprise = await p.signIn('enterprise');
    operator = await p.signIn('operator');
    demandId = (await operator.get('/api/lists/demands?q=XQ-2026-001')).body.items[0].id;
    expertId = (await operator.get('/api/registry/talents?q=ZJ-0003')).body.items[0].id;
  });
  afterAll(() => p.close());

  it('sends an unanswered dispatch back to the queue and escalates other late steps once', async () => {
    // Monday 2026-03-02 09:00 CST in the test clock.
    const placed = (await enterprise.post('/api/orders', { demandId })).body;
    expect(placed.stepDueAt).toBe(new Date('2026-03-05T00:00:00+08:00').toISOString()); // 2 working days
    const waiting = (await enterprise.post('/api/orders', { demandId })).body;
    const dispatched = (
      await operator.post(`/api/orders/${placed.id}/transition`, {
        action: 'dispatch',
        version: placed.version,
        experts: [expertId],
      })
    ).body;
    expect(dispatched.stepDueAt).toBe(new Date('2026-03-06T00:00:00+08:00').toISOString()); // 3 working days
    expect(await p.orders.sweepDeadlines()).toEqual({ timedOut: 0, escalated: 0 });

    p.clock.advanceMinutes(5 * 24 * 60); // Saturday 03-07
    expect(await p.orders.sweepDeadlines()).toEqual({ timedOut: 1, escalated: 1 });
    expect(await p.orders.sweepDeadlines()).toEqual({ timedOut: 0, escalated: 0 });
    const admin = await p.signIn('admin');
    const back = (await admin.get(`/api/orders/${placed.id}`)).body;
    expect(back.status).toBe('placed');
    expect(back.events.map((e: { action: string }) => e.action)).toEqual(['place', 'dispatch', 'timeout']);
    expect(back.offers.map((o: { state: string }) => o.state)).toEqual(['withdrawn']);
    expect(back.overdue).toBe(false);
    const late = (await admin.get(`/api/orders/${waiting.id}`)).body;
    expect(late.status).toBe('placed');
    expect(late.overdue).toBe(true);
    expect(late.events.map((e: { action: string }) => e.action)).toEqual(['place', 'overdue']);
    // The region's operator is told of both.
    const told = (await p.signIn('operator')).get('/api/notifications');
    const titles = (await told).body.items.map((m: { title: string }) => m.title);
    expect(titles.filter((t: string) => t.startsWith('订单环节超时'))).toHaveLength(1);
    expect(titles.filter((t: string) => t.startsWith('派单超时未接'))).toHaveLength(1);

    // The board counts them and times the steps that were left.
    const board = (await admin.get('/api/orders/board')).body;
    expect(board.statuses.find((x: { status: string }) => x.status === 'placed')).toEqual({
      status: 'placed',
      count: 2,
      overdue: 1,
    });
    expect(board.steps.find((x: { status: string }) => x.status === 'dispatched')).toMatchObject({
      transitions: 1,
      medianHours: 120,
    });
    expect((await (await p.signIn('enterprise')).get('/api/orders/board')).status).toBe(403);
  });
});
