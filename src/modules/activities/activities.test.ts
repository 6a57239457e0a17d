import ExcelJS from 'exceljs';
import jsqr from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activity,
  commitImport,
  idOf,
  talentIds,
  transition,
  type Versioned,
} from '../../../test/support/factories.ts';
import { type Client, type TestPlatform, testPlatform, upload } from '../../../test/support/platform.ts';
import { downloadedSheet, xlsx } from '../../../test/support/sheets.ts';

/** jsqr is CommonJS with a default export; its types describe the ESM shape. */
const jsQR = jsqr as unknown as (
  data: Uint8ClampedArray,
  width: number,
  height: number,
) => { data: string } | null;

const DAY = '2026-03-20';
const at = (time: string, day = DAY) => `${day}T${time}:00+08:00`;

describe('activities', () => {
  let p: TestPlatform;
  let operator: Client;
  let enterprise: Client;
  let expert: Client;
  let experts: Record<string, string>;

  beforeAll(async () => {
    p = await testPlatform({ demo: true });
    operator = await p.signIn('operator');
    enterprise = await p.signIn('enterprise');
    expert = await p.signIn('expert');
    experts = await talentIds(operator);
  });
  afterAll(() => p.close());

  /** An activity of the operator's on DAY, 09:00–17:00, a draft unless asked for published. */
  const create = (body: Record<string, unknown>, state: 'draft' | 'published' = 'draft') =>
    activity(operator, { startsAt: at('09:00'), endsAt: at('17:00'), ...body }, state);
  const publish = (draft: Versioned) => transition(operator, '/api/activities', draft, { action: 'publish' });

  it('validates an activity: times in order, settings of its kind, featured items the organiser sees', async () => {
    const backwards = await operator.post('/api/activities', {
      kind: 'forum',
      title: '倒序时间',
      startsAt: at('17:00'),
      endsAt: at('09:00'),
      regionCode: '330502',
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.code).toBe('ACTIVITY_TIMES_INVALID');
    const badGrid = await operator.post('/api/activities', {
      kind: 'matchmaking',
      title: '错误排程',
      startsAt: at('09:00'),
      endsAt: at('17:00'),
      regionCode: '330502',
      details: { meetings: { slotMinutes: 1 } },
    });
    expect(badGrid.status).toBe(400);
    expect(badGrid.body.error.code).toBe('ACTIVITY_DETAILS_INVALID');
    const elsewhere = await operator.post('/api/activities', {
      kind: 'forum',
      title: '杭州活动',
      startsAt: at('09:00'),
      endsAt: at('17:00'),
      regionCode: '330106',
    });
    expect(elsewhere.status).toBe(403);
    // Drafts are the organisers' own; once published, the city sees it.
    const draft = await create({ kind: 'forum', title: '新材料产业沙龙' });
    expect((await expert.get(`/api/activities/${draft.id}`)).status).toBe(404);
    await publish(draft);
    const seen = await expert.get(`/api/activities/${draft.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.canRegisterAs).toContain('expert');
    expect(seen.body.manage).toBe(false);
  });

  it('gives two people racing for the last seat one seat and one waiting-list place; a cancellation moves the list up', async () => {
    const activity = await create({ kind: 'training', title: '专利实务培训班', capacity: 1 }, 'published');
    const reviewer = await p.signIn('reviewer');
    const [a, b] = await Promise.all([
      expert.post(`/api/activities/${activity.id}/registrations`, {}),
      reviewer.post(`/api/activities/${activity.id}/registrations`, {}),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect([a.body.status, b.body.status].sort()).toEqual(['confirmed', 'waitlisted']);
    const again = await expert.post(`/api/activities/${activity.id}/registrations`, {});
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('REGISTRATION_DUPLICATE');

    // Twenty more, all at once, through the organiser: still one seat, a waiting list in order.
    const rush = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        operator.post(`/api/activities/${activity.id}/registrations`, {
          name: `学员${i}`,
          mobile: `1390572${String(2000 + i)}`,
        }),
      ),
    );
    expect(rush.every((r) => r.status === 201)).toBe(true);
    expect(rush.every((r) => r.body.status === 'waitlisted')).toBe(true);
    const list = (await operator.get(`/api/activities/${activity.id}/registrations?pageSize=50`)).body;
    expect(list.counts).toMatchObject({ confirmed: 1, waitlisted: 21 });
    const positions = list.items
      .filter((r: { status: string }) => r.status === 'waitlisted')
      .map((r: { waitlistPosition: number }) => r.waitlistPosition);
    expect(positions).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    expect(list.items.find((r: { name: string }) => r.name === '学员0').mobile).toBe('139****2000');

    const holder = [a, b].find((r) => r.body.status === 'confirmed')!;
    const holderClient = holder === a ? expert : reviewer;
    const waiting = [a, b].find((r) => r.body.status === 'waitlisted')!;
    const cancelled = await holderClient.post(
      `/api/activities/${activity.id}/registrations/${holder.body.id}`,
      {
        action: 'cancel',
      },
    );
    expect(cancelled.body.status).toBe('cancelled');
    const after = (await operator.get(`/api/activities/${activity.id}/registrations?pageSize=50`)).body;
    expect(after.counts).toMatchObject({ confirmed: 1, waitlisted: 20 });
    expect(after.items.find((r: { id: string }) => r.id === waiting.body.id).status).toBe('confirmed');
    // The promoted person is told.
    const waitingClient = holder === a ? reviewer : expert;
    const inbox = (await waitingClient.get('/api/notifications?unread=true')).body.items;
    expect(inbox.some((n: { title: string }) => n.title.includes('候补转正'))).toBe(true);
  });

  it('waits for approval where the activity asks for it', async () => {
    const activity = await create(
      { kind: 'care', title: '人才健康体检', capacity: 10, needsApproval: true },
      'published',
    );
    const mine = await expert.post(`/api/activities/${activity.id}/registrations`, {});
    expect(mine.body.status).toBe('pending');
    const self = await expert.post(`/api/activities/${activity.id}/registrations/${mine.body.id}`, {
      action: 'approve',
    });
    expect(self.status).toBe(403);
    const ok = await operator.post(`/api/activities/${activity.id}/registrations/${mine.body.id}`, {
      action: 'approve',
    });
    expect(ok.body.status).toBe('confirmed');
    const twice = await operator.post(`/api/activities/${activity.id}/registrations/${mine.body.id}`, {
      action: 'approve',
    });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('REGISTRATION_ACTION_NOT_ALLOWED');
  });

  it('checks in by a signed QR code bound to one registration and one activity, once', async () => {
    const first = await create({ kind: 'forum', title: '数字经济论坛' }, 'published');
    const second = await create({ kind: 'forum', title: '生物医药沙龙' }, 'published');
    const mine = (await expert.post(`/api/activities/${first.id}/registrations`, {})).body;
    expect(mine.checkInCode).toMatch(/^HD1\./);
    const other = (await expert.post(`/api/activities/${second.id}/registrations`, {})).body;

    // The QR image carries exactly the code.
    const png = await p.app.inject({
      method: 'GET',
      url: `/api/activities/${first.id}/registrations/${mine.id}/qr.png`,
      headers: { cookie: expert.cookie! },
    });
    expect(png.statusCode).toBe(200);
    const image = PNG.sync.read(png.rawPayload);
    const decoded = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
    expect(decoded?.data).toBe(mine.checkInCode);
    // Nobody else gets someone's code.
    const stranger = await p.signIn('reviewer');
    expect((await stranger.get(`/api/activities/${first.id}/registrations/${mine.id}/qr.png`)).status).toBe(
      404,
    );

    const checkIn = (id: string, body: object) => operator.post(`/api/activities/${id}/check-in`, body);
    const wrongActivity = await checkIn(second.id, { code: mine.checkInCode });
    expect(wrongActivity.status).toBe(409);
    expect(wrongActivity.body.error.code).toBe('CHECKIN_OTHER_ACTIVITY');
    expect(wrongActivity.body.error.message).toContain('数字经济论坛');
    const forged = `${mine.checkInCode.split('.').slice(0, 2).join('.')}.${other.id}.${mine.checkInCode.split('.')[3]}`;
    expect((await checkIn(first.id, { code: forged })).body.error.code).toBe('CHECKIN_CODE_INVALID');
    expect((await checkIn(first.id, { code: 'HD1.garbage' })).body.error.code).toBe('CHECKIN_CODE_INVALID');

    const ok = await checkIn(first.id, { code: mine.checkInCode });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ counted: true, checkedIn: 1 });
    expect(ok.body.registration.checkInMethod).toBe('qr');
    const twice = await checkIn(first.id, { code: mine.checkInCode });
    expect(twice.body).toMatchObject({ counted: false, checkedIn: 1 });

    // A cancelled registration's code no longer lets anyone in.
    await expert.post(`/api/activities/${second.id}/registrations/${other.id}`, { action: 'cancel' });
    const cancelled = await checkIn(second.id, { code: other.checkInCode });
    expect(cancelled.status).toBe(409);
    expect(cancelled.body.error.code).toBe('CHECKIN_NOT_CONFIRMED');
    expect(cancelled.body.error.message).toContain('已取消');

    // By search at the desk.
    const guest = (
      await operator.post(`/api/activities/${first.id}/registrations`, {
        name: '赵敏',
        organisationName: '湖州师范学院',
      })
    ).body;
    const found = (
      await operator.get(`/api/activities/${first.id}/registrations?q=${encodeURIComponent('赵敏')}`)
    ).body;
    expect(found.items.map((r: { id: string }) => r.id)).toEqual([guest.id]);
    const byName = await checkIn(first.id, { registrationId: guest.id });
    expect(byName.body).toMatchObject({ counted: true, checkedIn: 2 });

    const sheet = await p.app.inject({
      method: 'GET',
      url: `/api/activities/${first.id}/export/attendance`,
      headers: { cookie: operator.cookie! },
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(sheet.rawPayload as unknown as ArrayBuffer);
    const names = book.worksheets[0]!.getColumn(2).values.slice(2);
    expect(names).toEqual(['陈志远', '赵敏']);
    expect(book.worksheets[0]!.getRow(2).getCell(8).value).toBe('扫码');
  });

  it('proposes 1:1 meetings from matching, lets both sides accept, and lays them out without clashes', async () => {
    const demand = (await operator.get('/api/lists/demands?q=XQ-2026-001')).body.items[0];
    const meeting = await create(
      {
        kind: 'matchmaking',
        title: '新材料产学研对接会',
        featured: [demand.id],
        details: { meetings: { firstSlotAt: '14:00', slotMinutes: 20, slots: 3, tables: 2 } },
      },
      'published',
    );
    const mine = await enterprise.post(`/api/activities/${meeting.id}/registrations`, {});
    expect(mine.status, JSON.stringify(mine.body)).toBe(201);
    expect(mine.body.role).toBe('enterprise');
    for (const code of ['ZJ-0001', 'ZJ-0002', 'ZJ-0003', 'ZJ-0004', 'ZJ-0005', 'ZJ-0006']) {
      const res = await operator.post(`/api/activities/${meeting.id}/registrations`, {
        talentId: experts[code],
        invited: true,
      });
      expect(res.body.role).toBe('expert');
    }
    // Another enterprise, registered by the organiser.
    const other = (await operator.get('/api/registry/enterprises?q=QY-002')).body.items[0];
    await operator.post(`/api/activities/${meeting.id}/registrations`, { enterpriseId: other.id });

    const proposed = await operator.post(`/api/activities/${meeting.id}/meetings/propose`, {
      perEnterprise: 3,
    });
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(200);
    expect(proposed.body.added).toBeGreaterThanOrEqual(3);
    let list = (await operator.get(`/api/activities/${meeting.id}/meetings`)).body;
    const ours = list.items.filter(
      (m: { enterprise: { name: string } }) => m.enterprise.name === '德清绿源新材料有限公司',
    );
    expect(ours).toHaveLength(3);
    for (const m of ours) {
      expect(m.reasons.length).toBeGreaterThan(0);
      expect(m.demand.code).toMatch(/^XQ-/);
    }
    // A participant sees who else is confirmed (to ask for a meeting); someone not registered does not.
    const others = (await enterprise.get(`/api/activities/${meeting.id}/participants`)).body.items;
    expect(others.find((x: { talentCode: string | null }) => x.talentCode === 'ZJ-0001').role).toBe('expert');
    expect(
      (await (await p.signIn('reviewer')).get(`/api/activities/${meeting.id}/participants`)).status,
    ).toBe(404);
    // Proposing again adds nothing new for the same pairs.
    const again = await operator.post(`/api/activities/${meeting.id}/meetings/propose`, { perEnterprise: 3 });
    expect(again.body.added).toBe(0);

    // The enterprise sees its own meetings and accepts them; the organiser accepts for the experts.
    const seen = (await enterprise.get(`/api/activities/${meeting.id}/meetings`)).body.items;
    expect(seen).toHaveLength(3);
    for (const m of seen) {
      expect(m.actions).toContain('accept');
      const res = await enterprise.post(`/api/activities/${meeting.id}/meetings/${m.id}`, {
        action: 'accept',
        version: m.version,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    list = (await operator.get(`/api/activities/${meeting.id}/meetings`)).body;
    for (const m of list.items.filter((x: { status: string }) => x.status === 'proposed')) {
      await operator.post(`/api/activities/${meeting.id}/meetings/${m.id}`, {
        action: 'accept',
        version: m.version,
      });
    }
    const arranged = await operator.post(`/api/activities/${meeting.id}/meetings/arrange`, {});
    expect(arranged.status, JSON.stringify(arranged.body)).toBe(200);
    const placed = arranged.body.items.filter((m: { slot: number | null }) => m.slot !== null);
    expect(placed.length + arranged.body.unplaced).toBe(
      arranged.body.items.filter((m: { status: string }) => m.status === 'accepted').length,
    );
    const busy = new Set<string>();
    for (const m of placed) {
      for (const key of [
        `${m.enterprise.registrationId}@${m.slot}`,
        `${m.expert.registrationId}@${m.slot}`,
        `t${m.table}@${m.slot}`,
      ]) {
        expect(busy.has(key), key).toBe(false);
        busy.add(key);
      }
      expect(m.table).toBeLessThanOrEqual(2);
    }
    // Our three meetings fall in three different slots from 14:00, twenty minutes each.
    const times = placed
      .filter((m: { enterprise: { name: string } }) => m.enterprise.name === '德清绿源新材料有限公司')
      .map((m: { startsAt: string }) => m.startsAt)
      .sort();
    expect(times).toEqual([at('14:00'), at('14:20'), at('14:40')].map((t) => new Date(t).toISOString()));

    const file = await p.app.inject({
      method: 'GET',
      url: `/api/activities/${meeting.id}/export/schedule`,
      headers: { cookie: operator.cookie! },
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['按桌次', '按参会人']);
    expect(book.worksheets[0]!.rowCount).toBe(placed.length + 1);
    expect(book.worksheets[1]!.rowCount).toBe(placed.length * 2 + 1);

    // A meeting with someone not registered is refused.
    const stray = await operator.post(`/api/activities/${meeting.id}/meetings`, {
      enterpriseRegistrationId: mine.body.id,
      expertRegistrationId: mine.body.id,
    });
    expect(stray.body.error.code).toBe('MEETING_SIDES_INVALID');
  });

  it('records positions, applications and intents to hire at a job fair, as counted outcomes', async () => {
    const fair = await create(
      { kind: 'job_fair', title: '南太湖春季人才招聘会', capacity: 500 },
      'published',
    );
    const employer = (await enterprise.post(`/api/activities/${fair.id}/registrations`, {})).body;
    expect(employer.role).toBe('employer');
    expect(employer.seated).toBe(false);
    const posted = await enterprise.post(`/api/activities/${fair.id}/positions`, {
      employerRegistrationId: employer.id,
      title: '复合材料工艺工程师',
      headcount: 2,
      salary: '15-25万/年',
    });
    expect(posted.status, JSON.stringify(posted.body)).toBe(201);
    const position = posted.body.items[0];
    const applicant = (await expert.post(`/api/activities/${fair.id}/registrations`, { role: 'applicant' }))
      .body;
    expect(applicant.role).toBe('applicant');
    const applied = await expert.post(`/api/activities/${fair.id}/positions/${position.id}/applications`, {});
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    const application = applied.body.items[0].applications[0];
    // The applicant cannot mark themselves hired.
    const self = await expert.post(`/api/activities/${fair.id}/applications/${application.id}`, {
      status: 'hired',
    });
    expect(self.status).toBe(403);
    const intent = await enterprise.post(`/api/activities/${fair.id}/applications/${application.id}`, {
      status: 'intent',
    });
    expect(intent.status, JSON.stringify(intent.body)).toBe(200);
    expect(intent.body.items[0].intents).toBe(1);
    const back = await enterprise.post(`/api/activities/${fair.id}/applications/${application.id}`, {
      status: 'interested',
    });
    expect(back.body.error.code).toBe('APPLICATION_STEP_INVALID');
    const outcomes = (await operator.get(`/api/activities/${fair.id}/outcomes`)).body;
    expect(outcomes.totals).toEqual([{ kind: 'hire_intent', count: 1, amountYuan: 0 }]);
    // The employer is confirmed but takes no seat: capacity counts the applicant only.
    expect((await operator.get(`/api/activities/${fair.id}`)).body.counts).toMatchObject({
      confirmed: 2,
      seated: 1,
    });
    expect(outcomes.items[0].registration.name).toBe('陈志远');
    // The intent names its parties: the employer and the person.
    expect(outcomes.items[0].parties.map((x: { kind: string; name: string }) => [x.kind, x.name])).toEqual([
      ['enterprise', '德清绿源新材料有限公司'],
      ['talent', '陈志远'],
    ]);
  });

  it('records typed outcomes linked to records, refuses what the kind does not record, and exports them', async () => {
    const meeting = await create({ kind: 'matchmaking', title: '成效登记测试' });
    const found = (await operator.get('/api/lists/demands?q=XQ-2026-001')).body.items[0];
    const demand = (await operator.get(`/api/lists/demands/${found.id}`)).body;
    const jg001 = await idOf(operator, '/api/registry/institutions', 'JG-001');
    const jg002 = await idOf(operator, '/api/registry/institutions', 'JG-002');
    // An agreement names all its parties: two institutions, the enterprise and an expert.
    const agreement = await operator.post(`/api/activities/${meeting.id}/outcomes`, {
      kind: 'agreement',
      amountYuan: 1_200_000,
      listItemId: demand.id,
      institutionIds: [jg002, jg001, jg001],
      enterpriseIds: [demand.enterpriseId],
      talentIds: [experts['ZJ-0001']],
      note: '签订技术开发合同',
    });
    expect(agreement.status, JSON.stringify(agreement.body)).toBe(201);
    expect(
      agreement.body.items[0].parties.map((x: { kind: string; code: string }) => `${x.kind}:${x.code}`),
    ).toEqual(['institution:JG-001', 'institution:JG-002', 'enterprise:QY-001', 'talent:ZJ-0001']);
    const unknownParty = await operator.post(`/api/activities/${meeting.id}/outcomes`, {
      kind: 'agreement',
      institutionIds: [jg001, '00000000-0000-4000-8000-000000000000'],
    });
    expect(unknownParty.body.error.code).toBe('OUTCOME_LINK_UNKNOWN');
    expect(unknownParty.body.error.message).toContain('高校院所');
    p.clock.advanceMinutes(1);
    await operator.post(`/api/activities/${meeting.id}/outcomes`, { kind: 'contact', count: 18 });
    const wrongKind = await operator.post(`/api/activities/${meeting.id}/outcomes`, {
      kind: 'trained',
      count: 3,
    });
    expect(wrongKind.body.error.code).toBe('OUTCOME_KIND_INVALID');
    const amountOnContact = await operator.post(`/api/activities/${meeting.id}/outcomes`, {
      kind: 'contact',
      amountYuan: 5,
    });
    expect(amountOnContact.body.error.code).toBe('OUTCOME_AMOUNT_ONLY_AGREEMENT');
    const badLink = await operator.post(`/api/activities/${meeting.id}/outcomes`, {
      kind: 'agreement',
      orderId: '00000000-0000-4000-8000-000000000000',
    });
    expect(badLink.body.error.code).toBe('OUTCOME_LINK_UNKNOWN');
    const result = (await operator.get(`/api/activities/${meeting.id}/outcomes`)).body;
    expect(result.totals).toEqual(
      expect.arrayContaining([
        { kind: 'agreement', count: 1, amountYuan: 1_200_000 },
        { kind: 'contact', count: 18, amountYuan: 0 },
      ]),
    );
    expect(result.items[0].listItem.code).toBe('XQ-2026-001');
    const file = await p.app.inject({
      method: 'GET',
      url: `/api/activities/${meeting.id}/export/outcomes`,
      headers: { cookie: operator.cookie! },
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const row = book.worksheets[0]!.getRow(2);
    expect(row.getCell(1).value).toBe('签约合作');
    expect(row.getCell(3).value).toBe(1_200_000);
    expect(row.getCell(6).value).toBe('浙北理工学院、湖州绿色制造研究院');
    expect(row.getCell(7).value).toBe('德清绿源新材料有限公司');
    expect(row.getCell(8).value).toBe('陈志远');
    // Removing an outcome removes its parties with it.
    const extra = await operator.post(`/api/activities/${meeting.id}/outcomes`, {
      kind: 'other',
      institutionIds: [jg001],
      note: '误登记',
    });
    const removed = await operator.request(
      'DELETE',
      `/api/activities/${meeting.id}/outcomes/${extra.body.items.find((o: { kind: string }) => o.kind === 'other').id}`,
    );
    expect(removed.status).toBe(200);
    expect(removed.body.items.map((o: { kind: string }) => o.kind).sort()).toEqual(['agreement', 'contact']);
  });

  it('the demo’s matchmaking meeting has a university among its participants and an agreement it signed', async () => {
    const meeting = (await operator.get('/api/activities?kind=matchmaking&q=南太湖新材料')).body.items[0];
    const people = (await operator.get(`/api/activities/${meeting.id}/registrations?role=institution`)).body;
    expect(people.items.map((r: { name: string }) => r.name)).toEqual(['浙北理工学院']);
    const outcomes = (await operator.get(`/api/activities/${meeting.id}/outcomes`)).body;
    const signed = outcomes.items.find((o: { kind: string }) => o.kind === 'agreement');
    expect(signed.parties.map((x: { kind: string; code: string }) => `${x.kind}:${x.code}`)).toEqual([
      'institution:JG-001',
      'enterprise:QY-001',
      'talent:ZJ-0007',
    ]);
  });

  it('exports the activities the caller sees as a 台账, with registrations, check-ins and outcomes', async () => {
    const sheetOf = async (client: Client, query = '') =>
      (await downloadedSheet(p.app, client.cookie!, `/api/activities/export${query}`)).rows;
    const codes = (rows: Record<string, string>[]) => rows.map((r) => r.活动编号).sort();
    const listed = (await operator.get('/api/activities?pageSize=200')).body;
    const all = await sheetOf(operator);
    expect(codes(all)).toEqual(listed.items.map((a: { code: string }) => a.code).sort());
    // The outcomes recorded above, in the unit of each kind, and the agreement's amount.
    const recorded = all.find((r) => r.活动名称 === '成效登记测试')!;
    expect(recorded.活动成效).toContain('签约合作1项');
    expect(recorded.活动成效).toContain('对接洽谈18次');
    expect(recorded['签约金额（元）']).toBe('1200000');
    const held = listed.items.find((a: { counts: { checkedIn: number } }) => a.counts.checkedIn > 0);
    expect(all.find((r) => r.活动编号 === held.code)!.签到).toBe(String(held.counts.checkedIn));
    // The list counts each activity's registrations as its own page does.
    for (const a of listed.items as { id: string; counts: unknown }[])
      expect(a.counts).toEqual((await operator.get(`/api/activities/${a.id}`)).body.counts);
    // The list's filters apply; another account exports only what it sees.
    const fairs = await sheetOf(operator, '?kind=job_fair');
    expect(fairs.length).toBe((await operator.get('/api/activities?kind=job_fair&pageSize=200')).body.total);
    expect(new Set(fairs.map((r) => r.类型)).size).toBe(1);
    const theirs = (await enterprise.get('/api/activities?pageSize=200')).body;
    expect(codes(await sheetOf(enterprise))).toEqual(
      theirs.items.map((a: { code: string }) => a.code).sort(),
    );
  });

  /** A registration sheet through the import pipeline: the preview job with its row issues. */
  const previewSheet = async (activityId: string, fileName: string, file: Buffer, client = operator) =>
    upload(client, `/api/imports/activity-registrations?activityId=${activityId}`, fileName, file);
  /** Each row's issues as `row:message`, refusals and flags alike. */
  const issuesOf = (job: { report: { rowNumber: number; errors: Issue[]; flags: Issue[] }[] }) =>
    job.report.flatMap((r) => [...r.errors, ...r.flags].map((i) => `${r.rowNumber}:${i.message}`));
  type Issue = { column: string; message: string };

  it('imports a registration sheet as people write it, keeping rows with unknown roles or bad numbers', async () => {
    const fair = await create({ kind: 'study_tour', title: '大学生暑期研学', capacity: 3 });
    const file = await xlsx(
      ['序号', '姓名', '联系电话', '学校/单位', '身份', '备注'],
      [
        [1, '王小明', '139-0572-3001', '浙北理工学院', '学生', null],
        [2, '李华', '12345', '浙北理工学院', '学生', '电话有误'],
        [3, '周杰', '13905723003', '湖州职业技术学院', '志愿者', null],
        [4, '', '', '', '', ''],
        [5, '', '13905723005', '某单位', '学生', null],
        [6, '王小明', '13905723001', '浙北理工学院', '学生', '重复'],
        [7, '钱多多', '13905723007', '湖州师范学院', '实习生', null],
      ],
    );
    // Only the activity's organisers import into it; an activity they cannot see is not found.
    expect((await previewSheet(fair.id, '报名表.xlsx', file, expert)).status).toBe(403);
    const unknown = await previewSheet('00000000-0000-4000-8000-000000000000', '报名表.xlsx', file);
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'ACTIVITY_NOT_FOUND']);
    const res = await previewSheet(fair.id, '报名表.xlsx', file);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // The blank row (only its 序号) is passed over; the row without a name and the repeated person are refused.
    expect(res.body).toMatchObject({ status: 'previewed', total: 6, valid: 4, flagged: 2, rejected: 2 });
    expect(issuesOf(res.body)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^3:手机号“12345”有误/),
        expect.stringMatching(/^4:身份“志愿者”未识别/),
        expect.stringMatching(/^6:缺少姓名/),
        '7:手机与第2行重复',
      ]),
    );
    // Nothing is registered until the preview is committed.
    const before = await operator.get(`/api/activities/${fair.id}/registrations?pageSize=50`);
    expect(before.body.total).toBe(0);
    const done = await commitImport(operator, res.body.id);
    expect(done).toMatchObject({ status: 'committed', created: 4, rejected: 2 });
    const registered = (await operator.get(`/api/activities/${fair.id}/registrations?pageSize=50`)).body;
    expect(registered.counts).toMatchObject({ confirmed: 3, waitlisted: 1 });
    const list = registered.items;
    const zhou = list.find((r: { name: string }) => r.name === '周杰');
    expect(zhou.note).toContain('身份：志愿者');
    expect(list.find((r: { name: string }) => r.name === '李华').mobile).toBeNull();
    // The same sheet again: everyone in it is registered already, by mobile or by name and organisation.
    const again = (await previewSheet(fair.id, '报名表.xlsx', file)).body;
    expect(again).toMatchObject({ total: 6, valid: 0, rejected: 6 });
    expect(issuesOf(again)).toEqual(
      expect.arrayContaining(['2:该手机已登记', '3:该姓名已登记', '8:该手机已登记']),
    );
  });

  it('imports a csv as Excel writes it: a mobile shown as 1.39057E+10 is left out and said so, a stray NUL dropped', async () => {
    const tour = await create({ kind: 'study_tour', title: '导出表报名', capacity: 10 });
    // A NUL in a cell made PostgreSQL refuse the row and the whole import answer 500, its query in the log.
    const csv = Buffer.from(
      '姓名,手机,单位\r\n孙\u0000丽,1.39057E+10,浙北理工学院\r\n赵强,13905724002,湖州师范学院\r\n',
    );
    const res = await previewSheet(tour.id, '报名.csv', csv);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ total: 2, valid: 2, flagged: 1, rejected: 0 });
    expect(res.body.report).toEqual([
      {
        rowNumber: 2,
        code: null,
        status: 'flagged',
        errors: [],
        flags: [
          {
            column: '手机',
            message: '手机被 Excel 存成了数字（位数已丢失），已登记但未记手机号；请将该列设为文本',
          },
        ],
      },
    ]);
    expect(await commitImport(operator, res.body.id)).toMatchObject({ status: 'committed', created: 2 });
    const registered = (await operator.get(`/api/activities/${tour.id}/registrations?pageSize=50`)).body;
    expect(registered.counts.confirmed).toBe(2);
    expect(
      registered.items
        .map((r: { name: string; mobile: string | null }) => [r.name, r.mobile !== null])
        .sort(),
    ).toEqual([
      ['孙丽', false],
      ['赵强', true],
    ]);
  });

  it('refuses a row whose name, organisation or note is longer than a registration by hand allows', async () => {
    const tour = await create({ kind: 'study_tour', title: '长名字报名', capacity: 10 });
    // A long name (that does not compress) overflowed the index of who is registered: the import answered 500.
    const text = (n: number) =>
      Array.from({ length: n }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20000))).join('');
    const csv = Buffer.from(
      `姓名,单位,备注\r\n${text(5000)},浙北理工学院,\r\n钱进,${text(200)},\r\n吴敏,湖州师范学院,${text(600)}\r\n郑好,湖州师范学院,\r\n`,
    );
    const res = await previewSheet(tour.id, '报名.csv', csv);
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
    expect(res.body).toMatchObject({ total: 4, valid: 1, rejected: 3 });
    expect(issuesOf(res.body)).toEqual([
      '2:姓名超过 64 个字，未登记',
      '3:单位超过 128 个字，未登记',
      '4:备注超过 500 个字，未登记',
    ]);
    expect(await commitImport(operator, res.body.id)).toMatchObject({ status: 'committed', created: 1 });
    const registered = (await operator.get(`/api/activities/${tour.id}/registrations?pageSize=50`)).body;
    expect(registered.counts.confirmed).toBe(1);
  });

  it('registers institutions: the institution’s own account, an organiser’s pick, and a sheet’s 高校院所 rows', async () => {
    const meeting = await create({ kind: 'matchmaking', title: '校企对接会', capacity: 50 }, 'published');
    const institution = await p.signIn('institution');
    const jg001 = await idOf(operator, '/api/registry/institutions', 'JG-001');
    const jg002 = await idOf(operator, '/api/registry/institutions', 'JG-002');
    // Each organisation account is offered its own kind of organisation, never the other's.
    expect((await institution.get(`/api/activities/${meeting.id}`)).body.canRegisterAs).toContain(
      'institution',
    );
    const asEnterprise = (await enterprise.get(`/api/activities/${meeting.id}`)).body.canRegisterAs;
    expect(asEnterprise).toContain('enterprise');
    expect(asEnterprise).not.toContain('institution');
    const wrongSide = await enterprise.post(`/api/activities/${meeting.id}/registrations`, {
      role: 'institution',
    });
    expect(wrongSide.body.error.code).toBe('REGISTRATION_NO_PROFILE');
    // The institution account registers its institution (浙北理工学院, JG-001), as an enterprise account does.
    const own = await institution.post(`/api/activities/${meeting.id}/registrations`, {});
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    expect(own.body).toMatchObject({
      role: 'institution',
      institutionId: jg001,
      name: '浙北理工学院',
      status: 'confirmed',
    });
    expect((await institution.get(`/api/activities/${meeting.id}`)).body.mine[0].institutionId).toBe(jg001);
    // An organiser picks one from the registry.
    const picked = await operator.post(`/api/activities/${meeting.id}/registrations`, {
      institutionId: jg002,
    });
    expect(picked.status, JSON.stringify(picked.body)).toBe(201);
    expect(picked.body).toMatchObject({ role: 'institution', institutionId: jg002 });
    // A kind where institutions do not come as 高校院所 refuses the role.
    const training = await create({ kind: 'training', title: '无高校院所身份的培训' }, 'published');
    const refused = await operator.post(`/api/activities/${training.id}/registrations`, {
      institutionId: jg002,
    });
    expect(refused.body.error.code).toBe('REGISTRATION_ROLE_INVALID');

    // A sheet: 高校院所 in its several spellings; a 单位 the registry knows is linked, one it does not is flagged.
    const file = await xlsx(
      ['姓名', '手机', '单位', '身份'],
      [
        ['沈教授', '13905725001', '湖州绿色制造研究院', '科研院所'],
        ['韩老师', '13905725002', '浙北理工学院', '高校'],
        ['蒋研究员', '13905725003', '外省某研究所', '高校院所'],
        ['杨经理', '13905725004', '某公司', '企业'],
      ],
    );
    const preview = await previewSheet(meeting.id, '报名表.xlsx', file);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body).toMatchObject({ total: 4, valid: 4, flagged: 1, rejected: 0 });
    expect(issuesOf(preview.body)).toEqual([
      '4:单位“外省某研究所”未在本地区高校院所库中找到，已按原文登记，未关联档案',
    ]);
    expect(await commitImport(operator, preview.body.id)).toMatchObject({ status: 'committed', created: 4 });
    const rows = (
      await operator.get(`/api/activities/${meeting.id}/registrations?pageSize=50`)
    ).body.items.map((r: { name: string; role: string; institutionId: string | null }) => [
      r.name,
      r.role,
      r.institutionId,
    ]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['沈教授', 'institution', jg002],
        ['韩老师', 'institution', jg001],
        ['蒋研究员', 'institution', null],
        ['杨经理', 'enterprise', null],
      ]),
    );
    // 杭州's operator, who cannot see 湖州's institutions, gets no link to them.
    const admin = await p.signIn('admin');
    const hz = (
      await admin.post('/api/users', {
        username: 'hz.activities',
        displayName: '杭州活动',
        role: 'operator',
        regionCode: '330100',
        password: 'scope-Test-2026',
      })
    ).body;
    expect(hz.id).toBeTruthy();
    const hzOperator = await p.signIn('hz.activities', 'scope-Test-2026');
    const hzMeeting = await activity(hzOperator, {
      kind: 'matchmaking',
      title: '杭州校企对接会',
      regionCode: '330106',
      startsAt: at('09:00'),
      endsAt: at('17:00'),
    });
    const elsewhere = await previewSheet(
      hzMeeting.id,
      '报名表.xlsx',
      await xlsx(['姓名', '单位', '身份'], [['韩老师', '浙北理工学院', '高校']]),
      hzOperator,
    );
    expect(elsewhere.body).toMatchObject({ valid: 1, flagged: 1 });
  });

  it('numbers activities by the China day they start: no two share a 编号, even created at once', async () => {
    const day = '2026-05-06';
    const made = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        activity(operator, {
          kind: 'forum',
          title: `编号测试${i}`,
          startsAt: at('09:00', day),
          endsAt: at('12:00', day),
        }),
      ),
    );
    const codes = made.map((m) => m.code as string).sort();
    expect(codes).toEqual(['01', '02', '03', '04', '05', '06'].map((n) => `HD-20260506-${n}`));
    // 00:30 China time on the 7th is still the 6th in UTC: the China date names it.
    const lateNight = await activity(operator, {
      kind: 'forum',
      title: '夜场',
      startsAt: '2026-05-07T00:30:00+08:00',
      endsAt: '2026-05-07T02:00:00+08:00',
    });
    expect(lateNight.code).toBe('HD-20260507-01');
  });

  it('records an activity after it was held: created today for last month, who came checked in on its day', async () => {
    // Today is 2 March 2026; the salon was held on 10 February and is entered now.
    const held = await activity(operator, {
      kind: 'forum',
      title: '二月人才沙龙（补录）',
      startsAt: '2026-02-10T14:00:00+08:00',
      endsAt: '2026-02-10T17:00:00+08:00',
    });
    expect(held).toMatchObject({ status: 'published', code: expect.stringMatching(/^HD-20260210-\d{2}$/) });
    // Over by the platform's clock, whatever the browser's says; one of later this month is not.
    expect((await operator.get(`/api/activities/${held.id}`)).body.over).toBe(true);
    const coming = await activity(operator, {
      kind: 'forum',
      title: '三月沙龙',
      startsAt: at('09:00'),
      endsAt: at('12:00'),
    });
    expect((await operator.get(`/api/activities/${coming.id}`)).body.over).toBe(false);
    const register = (client: Client, body: Record<string, unknown>) =>
      client.post(`/api/activities/${held.id}/registrations`, body);
    // A participant cannot register for it any more, nor say they came.
    expect((await expert.get(`/api/activities/${held.id}`)).body.canRegisterAs).toEqual([]);
    const self = await register(expert, {});
    expect([self.status, self.body.error.code]).toEqual([409, 'REGISTRATION_CLOSED']);
    const claim = await register(expert, { attended: true });
    expect([claim.status, claim.body.error.code]).toEqual([403, 'ACTIVITY_NOT_MANAGER']);

    // The organiser records who came: two by hand, then ends it, then one more from the sign-in sheet.
    expect((await register(operator, { talentId: experts['ZJ-0001'], attended: true })).status).toBe(201);
    const guest = await register(operator, {
      name: '沈立',
      organisationName: '湖州丝绸集团',
      attended: true,
    });
    expect(guest.status, JSON.stringify(guest.body)).toBe(201);
    const finished = await transition(
      operator,
      '/api/activities',
      (await operator.get(`/api/activities/${held.id}`)).body,
      { action: 'finish' },
    );
    expect(finished.status).toBe('finished');
    const sheet = await xlsx(
      ['姓名', '单位', '签到'],
      [
        ['钱涛', '德清县科技局', '是'],
        ['孙悦', '湖州师范学院', '否'],
        ['赵明', '湖州职业技术学院', '迟到'],
      ],
    );
    const preview = (await previewSheet(held.id, '签到表.xlsx', sheet)).body;
    expect(preview).toMatchObject({ valid: 3, flagged: 1, rejected: 0 });
    expect(issuesOf(preview)).toEqual(['4:签到“迟到”未识别（应为“是”或“否”），已登记为未签到']);
    expect((await commitImport(operator, preview.id)).created).toBe(3);
    // After it ended, a registration that is not an attendance is refused, even an organiser's.
    const late = await register(operator, { name: '未到场的人' });
    expect([late.status, late.body.error.code]).toEqual([409, 'REGISTRATION_CLOSED']);

    // Three came, checked in at the activity's start, not on the day they were entered.
    const came = (await operator.get(`/api/activities/${held.id}/registrations?checkedIn=true&pageSize=50`))
      .body;
    expect(came.counts.checkedIn).toBe(3);
    expect(
      came.items
        .map((r: { name: string; checkedInAt: string; checkInMethod: string }) => [
          r.name,
          r.checkedInAt,
          r.checkInMethod,
        ])
        .sort(),
    ).toEqual([
      ['沈立', '2026-02-10T06:00:00.000Z', 'recorded'],
      ['钱涛', '2026-02-10T06:00:00.000Z', 'recorded'],
      ['陈志远', '2026-02-10T06:00:00.000Z', 'recorded'],
    ]);
    // The desk checks in someone found afterwards on the same day, too.
    const sun = (await operator.get(`/api/activities/${held.id}/registrations?q=孙悦`)).body.items[0];
    const desk = await operator.post(`/api/activities/${held.id}/check-in`, { registrationId: sun.id });
    expect(desk.body).toMatchObject({ counted: true, checkedIn: 4 });
    expect(desk.body.registration.checkedInAt).toBe('2026-02-10T06:00:00.000Z');

    // Figures count the attendance on the activity's day: in February, none of it in March.
    const attendance = async (period: string) =>
      (
        await operator.get(`/api/insights/metrics/activity_attendance/records?${period}&pageSize=200`)
      ).body.items.filter((r: { ref: string }) => r.ref === held.code);
    expect(await attendance('from=2026-02-01&to=2026-02-28')).toHaveLength(4);
    expect(await attendance('from=2026-03-01&to=2026-03-02')).toHaveLength(0);

    // The audit keeps when each was entered and by whom, with the activity's date.
    const audit = (
      await (await p.signIn('auditor')).get(`/api/audit?entityId=${held.id}&action=activity.checkin`)
    ).body.items;
    expect(audit).toHaveLength(4);
    for (const row of audit) {
      expect(row).toMatchObject({
        at: p.clock.now().toISOString(),
        actorRole: 'operator',
        changes: { checkedInAt: { to: '2026-02-10T06:00:00.000Z' }, activityOn: { to: '2026-02-10' } },
      });
    }
  });

  it('keeps activities to their region and their organisers', async () => {
    const admin = await p.signIn('admin');
    const hangzhou = await admin.post('/api/activities', {
      kind: 'forum',
      title: '杭州人才沙龙',
      startsAt: at('09:00'),
      endsAt: at('12:00'),
      regionCode: '330106',
    });
    expect(hangzhou.status).toBe(201);
    await admin.post(`/api/activities/${hangzhou.body.id}/transition`, { action: 'publish', version: 1 });
    expect((await operator.get(`/api/activities/${hangzhou.body.id}`)).status).toBe(404);
    const list = (await operator.get('/api/activities?pageSize=100')).body.items;
    expect(list.some((a: { id: string }) => a.id === hangzhou.body.id)).toBe(false);
    // Participants cannot see the registration list or check people in.
    const local = await create({ kind: 'forum', title: '本地沙龙' }, 'published');
    expect((await expert.get(`/api/activities/${local.id}/registrations`)).status).toBe(403);
    // The calendar filter: activities overlapping a date range.
    const inMarch = (await operator.get('/api/activities?from=2026-03-20&to=2026-03-20&pageSize=100')).body
      .items;
    expect(inMarch.some((a: { id: string }) => a.id === local.id)).toBe(true);
    const inApril = (await operator.get('/api/activities?from=2026-04-01&to=2026-04-30&pageSize=100')).body
      .items;
    expect(inApril.some((a: { id: string }) => a.id === local.id)).toBe(false);
  });
});
