import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activity, combinedTeam, expectStatus } from '../../../test/support/factories.ts';
import { type Client, type TestPlatform, testPlatform, upload } from '../../../test/support/platform.ts';

/** A tiny PNG: what a phone's camera would send, shortened. */
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');

interface Occurrence {
  id: string;
  kind: string;
  periodStart: string;
  dueOn: string;
  state: string;
  canRecord: boolean;
  record: {
    kind: string;
    activityId: string | null;
    visitId: string | null;
    doneOn: string;
    files: number;
  } | null;
}

describe('standing service: a combined team’s plan, its sessions and their records', () => {
  let p: TestPlatform;
  let operator: Client;
  let expert: Client;
  let teamId: string;
  const plan = (year = 2026) => `/api/standing/teams/${teamId}/plans/${year}`;
  const sessions = async (client: Client = operator): Promise<Occurrence[]> =>
    expectStatus(await client.get(plan()), 200).body.occurrences;
  const first = async (kind: string, periodStart?: string) =>
    (await sessions()).find((o) => o.kind === kind && (!periodStart || o.periodStart === periodStart))!;

  beforeAll(async () => {
    p = await testPlatform({ demo: true, demoOrders: false });
    operator = await p.signIn('operator');
    expert = await p.signIn('expert');
    // The demo expert (ZJ-0001) serves in this team as one of its experts.
    teamId = (await combinedTeam(operator)).id;
  });
  afterAll(() => p.close());

  it('shows the defaults until a plan is made, then plans the year from today on working days', async () => {
    const empty = expectStatus(await operator.get(plan()), 200).body;
    expect(empty).toMatchObject({
      id: null,
      version: null,
      occurrences: [],
      calendarKnown: true,
      today: '2026-03-02',
    });
    expect(empty.cadence.salon).toEqual({ period: 'week', count: 1 });

    const made = expectStatus(
      await operator.put(plan(), {
        cadence: empty.cadence,
        services: { direction: '研判地理信息产业链短板', links: '对接浙江大学地球科学学院' },
        goal: '三年内培育两家省级专精特新企业',
        milestones: [{ year: 2027, text: '建成产业创新联合体' }],
      }),
      200,
    ).body;
    expect(made.version).toBe(1);
    const days = made.occurrences as Occurrence[];
    // Nothing before today is planned, and nothing falls on a day off.
    expect(days.every((o) => o.dueOn >= '2026-03-02')).toBe(true);
    for (const o of days) expect(p.calendar.isWorkday(o.dueOn), o.dueOn).toBe(true);
    const kinds = (k: string) => days.filter((o) => o.kind === k);
    expect(kinds('visit')).toHaveLength(10); // March to December
    expect(kinds('consultation').map((o) => o.dueOn)).toEqual([
      '2026-03-31',
      '2026-06-30',
      '2026-09-30',
      '2026-12-31',
    ]);
    expect(kinds('research')).toHaveLength(2);
    expect(kinds('transfer')).toHaveLength(1);
    // This week's salon is due on Friday and counts as due soon; later ones are planned.
    expect(kinds('salon')[0]).toMatchObject({ periodStart: '2026-03-02', dueOn: '2026-03-06', state: 'due' });
    expect(kinds('salon')[3]!.state).toBe('planned');
    expect(made.byMonth[2].planned).toBe(kinds('salon').filter((o) => o.dueOn < '2026-04-01').length + 2);

    const again = await operator.put(plan(), { cadence: empty.cadence });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('PLAN_EXISTS');
    const audit = await p.database.rows<{ action: string }>(
      sql`select action from audit_log where entity_id = ${teamId}`,
    );
    expect(audit.map((a) => a.action)).toContain('standing.plan.create');
  });

  it('records a salon by the activity it became, once; refuses a wrong kind, a future day and a taken activity', async () => {
    const salon = await first('salon', '2026-03-02');
    const held = await activity(operator, {
      kind: 'forum',
      title: '地理信息微沙龙（第一期）',
      regionCode: '330521',
      startsAt: '2026-03-02T08:00:00+08:00',
      endsAt: '2026-03-02T08:50:00+08:00',
    });
    const wrongKind = await operator.post(`/api/standing/occurrences/${salon.id}/record`, {
      visit: { summary: '走访了企业' },
    });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.error.code).toBe('OCCURRENCE_RECORD_KIND');
    expect(wrongKind.body.error.message).toContain('微沙龙须以活动登记');

    const done = expectStatus(
      await operator.post(`/api/standing/occurrences/${salon.id}/record`, { activityId: held.id }),
      200,
    ).body;
    expect(done).toMatchObject({
      state: 'done',
      record: { kind: 'activity', activityId: held.id, doneOn: '2026-03-02' },
    });
    expect(done.record.activityTitle).toBe('地理信息微沙龙（第一期）');

    const twice = await expert.post(`/api/standing/occurrences/${salon.id}/record`, { activityId: held.id });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('OCCURRENCE_ALREADY_RECORDED');

    // The half year's research project may be an activity too, but not one that already counts.
    const research = await first('research');
    const taken = await operator.post(`/api/standing/occurrences/${research.id}/record`, {
      activityId: held.id,
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('OCCURRENCE_ACTIVITY_TAKEN');

    const later = await activity(operator, {
      kind: 'forum',
      title: '地理信息微沙龙（第二期）',
      regionCode: '330521',
      startsAt: '2026-03-12T14:00:00+08:00',
      endsAt: '2026-03-12T16:00:00+08:00',
    });
    // A wrong link is taken back by the operator, with a reason; the session is open again and may be recorded anew.
    const wrong = await first('research');
    const linked = expectStatus(
      await operator.post(`/api/standing/occurrences/${wrong.id}/record`, {
        visit: { summary: '误登记的调研' },
      }),
      200,
    ).body;
    const byExpert = await expert.post(`/api/standing/occurrences/${wrong.id}/unrecord`, {
      reason: '登记错了',
      version: linked.version,
    });
    expect(byExpert.status).toBe(403);
    const noReason = await operator.post(`/api/standing/occurrences/${wrong.id}/unrecord`, {
      version: linked.version,
    });
    expect(noReason.body.error.code).toBe('VALIDATION_FAILED');
    const undone = expectStatus(
      await operator.post(`/api/standing/occurrences/${wrong.id}/unrecord`, {
        reason: '应登记在下半年的研究课题',
        version: linked.version,
      }),
      200,
    ).body;
    expect(undone).toMatchObject({ record: null, canRecord: true });
    const again = await operator.post(`/api/standing/occurrences/${wrong.id}/unrecord`, {
      reason: '再次撤销',
      version: undone.version,
    });
    expect(again.body.error.code).toBe('OCCURRENCE_NOT_RECORDED');

    const nextSalon = (await sessions()).filter((o) => o.kind === 'salon')[1]!;
    const future = await operator.post(`/api/standing/occurrences/${nextSalon.id}/record`, {
      activityId: later.id,
    });
    expect(future.status).toBe(400);
    expect(future.body.error.code).toBe('OCCURRENCE_DATE_IN_FUTURE');
    expect((await first('salon', nextSalon.periodStart)).record).toBeNull();
  });

  it('lets the team’s expert log a visit with findings and a photo from a phone; others may not', async () => {
    const visit = await first('visit', '2026-03-01');
    // The expert's own list holds the sessions of the teams they serve in, each theirs to record.
    const mine = expectStatus(
      await expert.get(`/api/standing/occurrences?mine=true&teamId=${teamId}&pageSize=100`),
      200,
    ).body;
    expect(mine.total).toBe((await sessions()).length);
    expect(mine.items.every((o: Occurrence & { teamId: string }) => o.teamId === teamId)).toBe(true);
    // A team the expert does not serve in lists nothing, even when named.
    const others = expectStatus(await operator.get('/api/teams?kind=commissioners'), 200).body.items as {
      id: string;
      members: { code: string }[];
    }[];
    const notTheirs = others.find((t) => !t.members.some((m) => m.code === 'ZJ-0001'))!;
    const none = await expert.get(`/api/standing/occurrences?mine=true&teamId=${notTheirs.id}`);
    expect(none.body.total).toBe(0);
    expect(mine.items.find((o: Occurrence) => o.id === visit.id).canRecord).toBe(true);

    const tomorrow = await expert.post(`/api/standing/occurrences/${visit.id}/record`, {
      visit: { visitedOn: '2026-03-03', summary: '走访德清某测绘企业' },
    });
    expect(tomorrow.status).toBe(400);
    expect(tomorrow.body.error.code).toBe('OCCURRENCE_DATE_IN_FUTURE');

    const logged = expectStatus(
      await expert.post(`/api/standing/occurrences/${visit.id}/record`, {
        visit: {
          place: '德清地理信息小镇',
          summary: '走访三家企业，了解遥感数据处理瓶颈',
          findings: '实景三维建模精度不足',
        },
      }),
      200,
    ).body;
    expect(logged.record).toMatchObject({ kind: 'visit', doneOn: '2026-03-02', files: 0 });
    const visitId = logged.record.visitId as string;
    const photo = await upload(expert, `/api/standing/visits/${visitId}/files`, 'IMG_0001.png', PNG);
    expect(photo.status, JSON.stringify(photo.body)).toBe(201);
    const renamed = await upload(
      expert,
      `/api/standing/visits/${visitId}/files`,
      'a.png',
      Buffer.from('MZ not a picture'),
    );
    expect(renamed.status).toBe(415);
    const read = expectStatus(await operator.get(`/api/standing/visits/${visitId}`), 200).body;
    expect(read).toMatchObject({ findings: '实景三维建模精度不足', createdByName: expect.any(String) });
    expect(read.files).toHaveLength(1);
    expect((await first('visit', '2026-03-01')).record?.files).toBe(1);

    // An expert outside the team sees the team but may not record its sessions; another city's operator
    // is answered as if the session did not exist.
    const admin = await p.signIn('admin');
    for (const user of [
      { username: 'st.outsider', displayName: '王明', role: 'expert', regionCode: '330502' },
      { username: 'st.hangzhou', displayName: '杭州运营', role: 'operator', regionCode: '330100' },
    ]) {
      expectStatus(await admin.post('/api/users', { ...user, password: 'standing-Test-2026' }), 201);
    }
    const consultation = await first('consultation');
    const attempt = async (username: string) =>
      (await p.signIn(username, 'standing-Test-2026')).post(
        `/api/standing/occurrences/${consultation.id}/record`,
        {
          visit: { summary: '不是团队成员' },
        },
      );
    expect((await attempt('st.outsider')).body.error.code).toBe('OCCURRENCE_NOT_YOURS');
    expect((await attempt('st.hangzhou')).body.error.code).toBe('OCCURRENCE_NOT_FOUND');
    expect((await first('consultation')).record).toBeNull();
  });

  it('two people recording the same session at once make one record; the second is told', async () => {
    const consultation = await first('consultation');
    const [a, b] = await Promise.all([
      operator.post(`/api/standing/occurrences/${consultation.id}/record`, { visit: { summary: '会诊一' } }),
      expert.post(`/api/standing/occurrences/${consultation.id}/record`, { visit: { summary: '会诊二' } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.error.code).toBe('OCCURRENCE_ALREADY_RECORDED');
    const visits = await p.database.rows<{ n: number }>(
      sql`select count(*)::int as n from standing_visits where summary in ('会诊一', '会诊二')`,
    );
    expect(visits[0]!.n).toBe(1);
  });

  it('lets the station’s liaison, once given an account with the liaison’s mobile, see the team’s sessions and log a visit', async () => {
    const station = expectStatus(
      await operator.post('/api/registry/stations', {
        code: 'YZ-LT1',
        name: '安吉人才驿站（测试）',
        regionCode: '330523',
        liaisonName: '何晓东',
        liaisonMobile: '13957209901',
      }),
      201,
    ).body;
    const other = await combinedTeam(operator, {
      name: '安吉白茶组合式人才帮扶团',
      countyCode: '330523',
      industryCode: '01',
      industryName: '白茶种植',
      stationId: station.id,
    });
    const defaults = expectStatus(await operator.get(`/api/standing/teams/${other.id}/plans/2026`), 200).body;
    expectStatus(
      await operator.put(`/api/standing/teams/${other.id}/plans/2026`, { cadence: defaults.cadence }),
      200,
    );
    // Before the liaison has an account, nobody is the liaison; an account with another number is not either.
    const admin = await p.signIn('admin');
    const account = (username: string, mobile: string) =>
      admin.post('/api/users', {
        username,
        displayName: username,
        role: 'expert',
        regionCode: '330523',
        mobile,
        password: 'liaison-Test-2026',
      });
    expectStatus(await account('not.liaison', '13957209902'), 201);
    expectStatus(await account('liaison.he', '13957209901'), 201);
    const stranger = await p.signIn('not.liaison', 'liaison-Test-2026');
    expect((await stranger.get('/api/standing/occurrences?mine=true')).body.total).toBe(0);
    const liaison = await p.signIn('liaison.he', 'liaison-Test-2026');
    const mine = expectStatus(
      await liaison.get('/api/standing/occurrences?mine=true&kind=visit&pageSize=50'),
      200,
    ).body;
    expect(mine.total).toBe(10);
    expect(mine.items.every((o: Occurrence & { teamId: string }) => o.teamId === other.id)).toBe(true);
    const march = mine.items[0] as Occurrence;
    expect(
      (
        await stranger.post(`/api/standing/occurrences/${march.id}/record`, {
          visit: { summary: '冒名登记' },
        })
      ).status,
    ).toBe(403);
    const done = expectStatus(
      await liaison.post(`/api/standing/occurrences/${march.id}/record`, {
        visit: { summary: '陪同专家走访茶企，记录种植与加工难题', findings: '病虫害绿色防控缺技术' },
      }),
      200,
    ).body;
    expect(done.record.kind).toBe('visit');
  });

  it('flags what is overdue by the clock, tells the region once, and re-plans only the future', async () => {
    p.clock.set(new Date('2026-04-02T09:00:00+08:00'));
    // A month on, the sessions have lapsed: sign in again.
    operator = await p.signIn('operator');
    expert = await p.signIn('expert');
    const marchSalons = (await sessions()).filter((o) => o.kind === 'salon' && o.dueOn < '2026-04-01');
    expect(marchSalons.filter((o) => o.state === 'overdue').length).toBe(marchSalons.length - 1);

    const run = await p.standing.remind();
    expect(run.overdue).toBeGreaterThan(0);
    const inbox = expectStatus(await operator.get('/api/notifications?unread=true'), 200).body;
    const flagged = inbox.items.filter(
      (n: { title: string }) =>
        n.title.includes('已逾期未登记') && n.title.includes('德清地理信息组合式人才帮扶团'),
    );
    expect(flagged).toHaveLength(1);
    expect((await p.standing.remind()).overdue).toBe(0);

    const before = expectStatus(await operator.get(plan()), 200).body;
    const changed = expectStatus(
      await operator.put(plan(), {
        cadence: { ...before.cadence, salon: { period: 'week', count: 2 } },
        version: before.version,
      }),
      200,
    ).body;
    const salons = (changed.occurrences as Occurrence[]).filter((o) => o.kind === 'salon');
    // The past stays as it was (one done, the rest overdue); from today on, two a week.
    expect(salons.filter((o) => o.dueOn < '2026-04-02')).toHaveLength(marchSalons.length);
    expect(salons.filter((o) => o.periodStart === '2026-04-06')).toHaveLength(2);
    expect(salons.filter((o) => o.record).length).toBe(1);
    const stale = await operator.put(plan(), { cadence: before.cadence, version: before.version });
    expect(stale.status).toBe(409);
  });

  it('gives the office one view of its teams: planned, done and overdue per month', async () => {
    const rows = expectStatus(
      await operator.get('/api/standing/overview/rows?year=2026&subject=team'),
      200,
    ).body;
    const row = rows.items.find((t: { id: string }) => t.id === teamId);
    expect(row).toMatchObject({
      subject: 'team',
      hasPlan: true,
      countyName: expect.stringContaining('德清县'),
      industryName: '地理信息',
      outcomes: { count: 0, amountYuan: null },
      refined: null,
    });
    expect(row.byMonth[2].done).toBe(3);
    expect(row.byMonth[2].overdue).toBeGreaterThan(0);
    expect(row.fulfilment).toBeGreaterThan(0);
    expect(row.fulfilment).toBeLessThan(100);
    // The furthest behind first: fulfilment never rises down the page; a team with nothing owed comes last.
    const owed = (rows.items as { fulfilment: number | null }[]).map((r) => r.fulfilment);
    const known = owed.filter((f): f is number => f !== null);
    expect(known).toEqual([...known].sort((a, b) => a - b));
    expect(owed.slice(0, known.length)).toEqual(known);
    // The summary holds the same team figures in the region's months.
    const summary = expectStatus(await operator.get('/api/standing/overview?year=2026'), 200).body;
    expect(summary.subjects.team.owners).toBe(rows.total);
    expect(summary.subjects.team.byMonth[2].done).toBeGreaterThanOrEqual(3);
    expect(summary.byMonth[2].planned).toBeGreaterThanOrEqual(summary.subjects.team.byMonth[2].planned);
    // By name, a page at a time, and a search.
    const byName = expectStatus(
      await operator.get('/api/standing/overview/rows?year=2026&subject=team&sort=name&pageSize=1&page=2'),
      200,
    ).body;
    expect(byName.total).toBe(rows.total);
    expect(byName.items).toHaveLength(rows.total > 1 ? 1 : 0);
    const found = expectStatus(
      await operator.get(`/api/standing/overview/rows?year=2026&q=${encodeURIComponent('德清地理信息')}`),
      200,
    ).body;
    expect(found.items.map((r: { id: string }) => r.id)).toEqual([teamId]);
    expect(found.items[0].byMonth[2]).toEqual(row.byMonth[2]);
    const past = expectStatus(await operator.get('/api/standing/overview/rows?year=2026&page=99'), 200).body;
    expect(past).toMatchObject({ items: [], total: rows.total });
    expect((await operator.get('/api/standing/overview/rows?sort=random')).status).toBe(400);
    expect((await expert.get('/api/standing/overview/rows')).status).toBe(403);
    const forbidden = await expert.get('/api/standing/overview');
    expect(forbidden.status).toBe(403);
  });
});
