import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  type InjectResult,
  type TestPlatform,
  testPlatform,
  upload,
} from './support/platform.ts';

/**
 * Ids a request carries are resolved through the caller's scope. An operator
 * of 杭州市 (330100), who cannot read 湖州's records, names them in every id
 * field of every write route: each request is refused as if the record did
 * not exist, nothing is written, and no answer carries a 湖州 name.
 *
 * The list of id fields comes from the server's own OpenAPI document, so a
 * route added later with an id field fails the last test until it is here.
 */

interface Foreign {
  talent: { id: string; name: string };
  enterprise: { id: string; name: string };
  institution: { id: string; name: string; organisationId: string };
  team: { id: string; name: string };
  station: { id: string; name: string };
  activity: string;
  demand: { id: string; title: string };
  talentDemand: { id: string; title: string };
  order: { id: string; code: string; visitId: string };
  forum: { registrationId: string; outcomeId: string };
  meeting: { id: string; enterpriseRegistrationId: string; expertRegistrationId: string };
  fair: { positionId: string; employerRegistrationId: string; applicationId: string };
}

interface Own {
  expert: string;
  enterprise: string;
  demand: string;
  order: { id: string; version: number };
  team: { id: string; version: number };
  /** Sessions of the own team's plan: a salon (an activity records it) and a visit. */
  salon: string;
  visit: string;
  forum: string;
  meeting: { id: string; enterpriseRegistrationId: string; expertRegistrationId: string };
  fair: { id: string; positionId: string; employerRegistrationId: string; applicantRegistrationId: string };
  item: { id: string; version: number };
  talent: { id: string; version: number };
  user: { id: string; version: number };
}

const ACTIVITY_TIMES = { startsAt: '2026-03-20T09:00:00+08:00', endsAt: '2026-03-20T17:00:00+08:00' };

describe('references to records outside the caller’s scope', () => {
  let p: TestPlatform;
  let hz: Client;
  let huzhou: Client;
  const foreign = {} as Foreign;
  const own = {} as Own;
  /** Standing service: 杭州's own commissioner round, a 湖州 round's entry, and 湖州's operator account. */
  const standing = {} as { round: string; expertEntry: string; foreignEntry: string; foreignUser: string };

  beforeAll(async () => {
    p = await testPlatform();
    const admin = await p.signIn('admin');
    huzhou = await p.signIn('operator');
    const created = await admin.post('/api/users', {
      username: 'hz.operator',
      displayName: '杭州运营',
      role: 'operator',
      regionCode: '330100',
      password: 'scope-Test-2026',
    });
    expect(created.status).toBe(201);
    hz = await p.signIn('hz.operator', 'scope-Test-2026');
    const ok = (res: InjectResult) => {
      expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBeLessThan(300);
      return res.body;
    };

    // ---- 湖州: what the demo holds, and a few things made here ----
    const first = async (url: string) => ok(await huzhou.get(url)).items[0];
    const talent = await first('/api/registry/talents?q=ZJ-0001');
    foreign.talent = { id: talent.id, name: talent.name };
    const enterprise = await first('/api/registry/enterprises?q=QY-001');
    foreign.enterprise = { id: enterprise.id, name: enterprise.name };
    const institution = await first('/api/registry/institutions?q=JG-001');
    foreign.institution = {
      id: institution.id,
      name: institution.name,
      organisationId: institution.organisationId,
    };
    expect(foreign.institution.organisationId).toBeTruthy();
    const team = await first('/api/teams');
    foreign.team = { id: team.id, name: team.name };
    const station = await first('/api/registry/stations?q=YZ-002');
    foreign.station = { id: station.id, name: station.name };
    const demand = await first('/api/lists/demands?status=published');
    foreign.demand = { id: demand.id, title: demand.title };
    const talentDemand = await first('/api/lists/talent-demands?status=published');
    foreign.talentDemand = { id: talentDemand.id, title: talentDemand.title };
    const orders = ok(await huzhou.get('/api/orders?pageSize=50')).items as { id: string; code: string }[];
    let visitId = '';
    for (const o of orders) {
      const detail = ok(await huzhou.get(`/api/orders/${o.id}`));
      if (detail.visits.length > 0) {
        foreign.order = { id: o.id, code: o.code, visitId: detail.visits[0].id };
        visitId = detail.visits[0].id;
      }
    }
    expect(visitId).not.toBe('');
    const activities = ok(await huzhou.get('/api/activities?pageSize=50')).items as {
      id: string;
      kind: string;
    }[];
    const huzhouForum = activities.find((a) => a.kind === 'training')!;
    foreign.activity = huzhouForum.id;
    const outcome = ok(
      await huzhou.post(`/api/activities/${huzhouForum.id}/outcomes`, { kind: 'trained', count: 1 }),
    );
    const huzhouMeeting = activities.find((a) => a.kind === 'matchmaking')!;
    const people = ok(await huzhou.get(`/api/activities/${huzhouMeeting.id}/registrations?pageSize=100`))
      .items as { id: string; role: string; status: string }[];
    const e = people.find((r) => r.role === 'enterprise')!;
    const x = people.find((r) => r.role === 'expert')!;
    const meeting = ok(
      await huzhou.post(`/api/activities/${huzhouMeeting.id}/meetings`, {
        enterpriseRegistrationId: e.id,
        expertRegistrationId: x.id,
      }),
    );
    foreign.forum = { registrationId: e.id, outcomeId: outcome.items[0].id };
    foreign.meeting = {
      id: meeting.id ?? meeting.items?.[0]?.id,
      enterpriseRegistrationId: e.id,
      expertRegistrationId: x.id,
    };
    const fair = ok(
      await huzhou.post('/api/activities', {
        kind: 'job_fair',
        title: '湖州春季招聘会',
        regionCode: '330502',
        ...ACTIVITY_TIMES,
      }),
    );
    ok(
      await huzhou.post(`/api/activities/${fair.id}/transition`, {
        action: 'publish',
        version: fair.version,
      }),
    );
    const employer = ok(
      await huzhou.post(`/api/activities/${fair.id}/registrations`, {
        enterpriseId: foreign.enterprise.id,
        role: 'employer',
      }),
    );
    const position = ok(
      await huzhou.post(`/api/activities/${fair.id}/positions`, {
        employerRegistrationId: employer.id,
        title: '研发工程师',
      }),
    );
    const applicant = ok(
      await huzhou.post(`/api/activities/${fair.id}/registrations`, {
        talentId: foreign.talent.id,
        role: 'applicant',
      }),
    );
    const applied = ok(
      await huzhou.post(`/api/activities/${fair.id}/positions/${position.items[0].id}/applications`, {
        applicantRegistrationId: applicant.id,
      }),
    );
    foreign.fair = {
      positionId: position.items[0].id,
      employerRegistrationId: employer.id,
      applicationId: applied.items[0].applications[0].id,
    };

    // ---- 杭州: the operator's own records, each request's valid context ----
    const expert = ok(
      await hz.post('/api/registry/talents', {
        code: 'HZ-E1',
        name: '钱塘专家',
        regionCode: '330106',
        isExpert: true,
      }),
    );
    own.expert = expert.id;
    own.talent = { id: expert.id, version: expert.version };
    own.enterprise = ok(
      await hz.post('/api/registry/enterprises', {
        code: 'HZ-Q1',
        name: '钱塘科技有限公司',
        regionCode: '330106',
      }),
    ).id;
    const item = ok(
      await hz.post('/api/lists/demands', {
        code: 'HZ-D1',
        title: '钱塘测试需求',
        enterpriseId: own.enterprise,
        regionCode: '330106',
      }),
    );
    own.item = { id: item.id, version: item.version };
    const published = ok(
      await hz.post(`/api/lists/demands/${item.id}/transition`, { action: 'publish', version: item.version }),
    );
    own.item = { id: published.id, version: published.version };
    own.demand = published.id;
    const order = ok(await hz.post('/api/orders', { demandId: own.demand }));
    own.order = { id: order.id, version: order.version };
    const ownTeam = ok(
      await hz.post('/api/teams', {
        name: '钱塘服务团',
        kind: 'assistance',
        regionCode: '330100',
        leaderTalentId: own.expert,
      }),
    );
    own.team = { id: ownTeam.id, version: ownTeam.version };
    const ownPlan = ok(
      await hz.put(`/api/standing/teams/${ownTeam.id}/plans/2026`, {
        cadence: ok(await hz.get(`/api/standing/teams/${ownTeam.id}/plans/2026`)).cadence,
      }),
    );
    own.salon = ownPlan.occurrences.find((o: { kind: string }) => o.kind === 'salon').id;
    own.visit = ownPlan.occurrences.find((o: { kind: string }) => o.kind === 'visit').id;
    const activity = async (kind: string) => {
      const a = ok(
        await hz.post('/api/activities', {
          kind,
          title: `钱塘${kind}`,
          regionCode: '330106',
          ...ACTIVITY_TIMES,
        }),
      );
      ok(await hz.post(`/api/activities/${a.id}/transition`, { action: 'publish', version: a.version }));
      return a.id as string;
    };
    own.forum = await activity('forum');
    const meetingId = await activity('matchmaking');
    const ownE = ok(
      await hz.post(`/api/activities/${meetingId}/registrations`, { enterpriseId: own.enterprise }),
    );
    const ownX = ok(await hz.post(`/api/activities/${meetingId}/registrations`, { talentId: own.expert }));
    own.meeting = { id: meetingId, enterpriseRegistrationId: ownE.id, expertRegistrationId: ownX.id };
    const fairId = await activity('job_fair');
    const ownEmployer = ok(
      await hz.post(`/api/activities/${fairId}/registrations`, {
        enterpriseId: own.enterprise,
        role: 'employer',
      }),
    );
    const ownApplicant = ok(
      await hz.post(`/api/activities/${fairId}/registrations`, { talentId: own.expert, role: 'applicant' }),
    );
    const ownPosition = ok(
      await hz.post(`/api/activities/${fairId}/positions`, {
        employerRegistrationId: ownEmployer.id,
        title: '工程师',
      }),
    );
    own.fair = {
      id: fairId,
      positionId: ownPosition.items[0].id,
      employerRegistrationId: ownEmployer.id,
      applicantRegistrationId: ownApplicant.id,
    };
    const me = ok(await admin.get('/api/users?q=hz.operator')).items[0];
    own.user = { id: me.id, version: me.version };
    const round = ok(
      await hz.post('/api/standing/rounds', {
        name: '钱塘特派员选派',
        termStart: '2026-03-02',
        termEnd: '2027-03-01',
      }),
    );
    const joined = ok(
      await hz.post(`/api/standing/rounds/${round.id}/entries`, {
        enterprises: [{ id: own.enterprise }],
        experts: [{ id: own.expert }],
      }),
    );
    const theirRound = ok(
      await huzhou.post('/api/standing/rounds', {
        name: '湖州测试选派',
        termStart: '2026-03-02',
        termEnd: '2027-03-01',
      }),
    );
    const theirs = ok(
      await huzhou.post(`/api/standing/rounds/${theirRound.id}/entries`, {
        enterprises: [{ id: foreign.enterprise.id }],
      }),
    );
    standing.round = round.id;
    standing.expertEntry = joined.experts[0].id;
    standing.foreignEntry = theirs.enterprises[0].id;
    standing.foreignUser = ok(await huzhou.get('/api/auth/me')).user.id;
  });
  afterAll(() => p.close());

  /** Every id field of every write route, named as `METHOD /path field`, with a request that names a 湖州 record. */
  const CASES: Record<string, () => Promise<InjectResult>> = {
    'POST /api/users organisationId': () =>
      hz.post('/api/users', {
        username: 'hz.new',
        displayName: '新账号',
        role: 'institution',
        regionCode: '330106',
        password: 'scope-Test-2026',
        organisationId: foreign.institution.organisationId,
      }),
    'PATCH /api/users/{id} organisationId': () =>
      hz.patch(`/api/users/${own.user.id}`, {
        version: own.user.version,
        organisationId: foreign.institution.organisationId,
      }),
    'POST /api/registry/talents institutionId': () =>
      hz.post('/api/registry/talents', {
        code: 'HZ-T2',
        name: '钱塘甲',
        institutionId: foreign.institution.id,
      }),
    'POST /api/registry/talents enterpriseId': () =>
      hz.post('/api/registry/talents', {
        code: 'HZ-T3',
        name: '钱塘乙',
        enterpriseId: foreign.enterprise.id,
      }),
    'PATCH /api/registry/talents/{id} institutionId': () =>
      hz.patch(`/api/registry/talents/${own.talent.id}`, {
        version: own.talent.version,
        institutionId: foreign.institution.id,
      }),
    'PATCH /api/registry/talents/{id} enterpriseId': () =>
      hz.patch(`/api/registry/talents/${own.talent.id}`, {
        version: own.talent.version,
        enterpriseId: foreign.enterprise.id,
      }),
    ...Object.fromEntries(
      ['demands', 'talent-demands', 'achievements'].flatMap((kind) =>
        (['enterpriseId', 'institutionId'] as const).flatMap((field) => {
          const id = () => (field === 'enterpriseId' ? foreign.enterprise.id : foreign.institution.id);
          return [
            [
              `POST /api/lists/${kind} ${field}`,
              () =>
                hz.post(`/api/lists/${kind}`, {
                  code: `HZ-${kind}-${field}`,
                  title: '钱塘条目',
                  [field]: id(),
                }),
            ],
            [
              `PATCH /api/lists/${kind}/{id} ${field}`,
              () =>
                kind === 'demands'
                  ? hz.patch(`/api/lists/demands/${own.item.id}`, {
                      version: own.item.version,
                      [field]: id(),
                    })
                  : hz.post(`/api/lists/${kind}`, {
                      code: `HZ-${kind}-p-${field}`,
                      title: '钱塘条目',
                      [field]: id(),
                    }),
            ],
          ];
        }),
      ),
    ),
    'POST /api/teams leaderTalentId': () =>
      hz.post('/api/teams', {
        name: '钱塘二团',
        kind: 'assistance',
        regionCode: '330100',
        leaderTalentId: foreign.talent.id,
      }),
    'POST /api/teams members[].talentId': () =>
      hz.post('/api/teams', {
        name: '钱塘三团',
        kind: 'assistance',
        regionCode: '330100',
        leaderTalentId: own.expert,
        members: [{ talentId: foreign.talent.id }],
      }),
    'PUT /api/teams/{id} leaderTalentId': () =>
      hz.put(`/api/teams/${own.team.id}`, {
        name: '钱塘服务团',
        kind: 'assistance',
        regionCode: '330100',
        leaderTalentId: foreign.talent.id,
        version: own.team.version,
      }),
    'PUT /api/teams/{id} members[].talentId': () =>
      hz.put(`/api/teams/${own.team.id}`, {
        name: '钱塘服务团',
        kind: 'assistance',
        regionCode: '330100',
        leaderTalentId: own.expert,
        members: [{ talentId: foreign.talent.id }],
        version: own.team.version,
      }),
    'POST /api/teams stationId': () =>
      hz.post('/api/teams', {
        name: '钱塘五团',
        kind: 'assistance',
        regionCode: '330100',
        leaderTalentId: own.expert,
        stationId: foreign.station.id,
      }),
    'PUT /api/teams/{id} stationId': () =>
      hz.put(`/api/teams/${own.team.id}`, {
        name: '钱塘服务团',
        kind: 'assistance',
        regionCode: '330100',
        leaderTalentId: own.expert,
        stationId: foreign.station.id,
        version: own.team.version,
      }),
    'PUT /api/standing/teams/{teamId}/plans/{year} {teamId}': () =>
      hz.put(`/api/standing/teams/${foreign.team.id}/plans/2026`, {
        cadence: {
          salon: { period: 'week', count: 1 },
          visit: { period: 'month', count: 1 },
          consultation: { period: 'quarter', count: 1 },
          research: { period: 'half', count: 1 },
          transfer: { period: 'year', count: 1 },
        },
      }),
    'POST /api/standing/occurrences/{id}/record activityId': () =>
      hz.post(`/api/standing/occurrences/${own.salon}/record`, { activityId: foreign.activity }),
    'POST /api/standing/occurrences/{id}/record visit.enterpriseId': () =>
      hz.post(`/api/standing/occurrences/${own.visit}/record`, {
        visit: { summary: '走访', enterpriseId: foreign.enterprise.id },
      }),
    'POST /api/standing/rounds/{id}/entries enterprises[].id': () =>
      hz.post(`/api/standing/rounds/${standing.round}/entries`, {
        enterprises: [{ id: foreign.enterprise.id }],
      }),
    'POST /api/standing/rounds/{id}/entries experts[].id': () =>
      hz.post(`/api/standing/rounds/${standing.round}/entries`, { experts: [{ id: foreign.talent.id }] }),
    'DELETE /api/standing/rounds/{id}/entries/{entryId} {entryId}': () =>
      hz.request('DELETE', `/api/standing/rounds/${standing.round}/entries/${standing.foreignEntry}`),
    'PUT /api/standing/rounds/{id}/entries/{entryId}/preferences preferences[]': () =>
      hz.put(`/api/standing/rounds/${standing.round}/entries/${standing.expertEntry}/preferences`, {
        preferences: [foreign.enterprise.id],
      }),
    'PUT /api/standing/rounds/{id}/entries/{entryId}/preferences {entryId}': () =>
      hz.put(`/api/standing/rounds/${standing.round}/entries/${standing.foreignEntry}/preferences`, {
        preferences: [],
      }),
    'PUT /api/standing/rounds/{id}/pairs enterpriseId': () =>
      hz.put(`/api/standing/rounds/${standing.round}/pairs`, {
        enterpriseId: foreign.enterprise.id,
        talentId: own.expert,
      }),
    'PUT /api/standing/rounds/{id}/pairs talentId': () =>
      hz.put(`/api/standing/rounds/${standing.round}/pairs`, {
        enterpriseId: own.enterprise,
        talentId: foreign.talent.id,
      }),
    'POST /api/standing/duties assigneeUserId': () =>
      hz.post('/api/standing/duties', {
        assigneeUserId: standing.foreignUser,
        subject: 'enterprise',
        enterpriseId: own.enterprise,
      }),
    'POST /api/standing/duties talentId': () =>
      hz.post('/api/standing/duties', {
        assigneeUserId: own.user.id,
        subject: 'talent',
        talentId: foreign.talent.id,
      }),
    'POST /api/standing/duties enterpriseId': () =>
      hz.post('/api/standing/duties', {
        assigneeUserId: own.user.id,
        subject: 'enterprise',
        enterpriseId: foreign.enterprise.id,
      }),
    'POST /api/orders demandId': () => hz.post('/api/orders', { demandId: foreign.demand.id }),
    'POST /api/orders/{id}/transition experts[]': () =>
      hz.post(`/api/orders/${own.order.id}/transition`, {
        action: 'dispatch',
        version: own.order.version,
        experts: [foreign.talent.id],
      }),
    'POST /api/orders/{id}/transition institutionId': () =>
      hz.post(`/api/orders/${own.order.id}/transition`, {
        action: 'dispatch',
        version: own.order.version,
        institutionId: foreign.institution.id,
      }),
    'POST /api/orders/{id}/transition teamId': () =>
      hz.post(`/api/orders/${own.order.id}/transition`, {
        action: 'dispatch',
        version: own.order.version,
        teamId: foreign.team.id,
      }),
    'POST /api/orders/{id}/visits/{visitId}/attachments {visitId}': () =>
      upload(
        hz,
        `/api/orders/${own.order.id}/visits/${foreign.order.visitId}/attachments`,
        '现场照片.pdf',
        Buffer.from('%PDF-1.4\n%%EOF\n'),
      ),
    'POST /api/activities featured[]': () =>
      hz.post('/api/activities', {
        kind: 'forum',
        title: '钱塘论坛',
        regionCode: '330106',
        ...ACTIVITY_TIMES,
        featured: [foreign.demand.id],
      }),
    'PUT /api/activities/{id} featured[]': async () => {
      const a = (await hz.get(`/api/activities/${own.forum}`)).body;
      return hz.put(`/api/activities/${own.forum}`, {
        title: a.title,
        regionCode: '330106',
        ...ACTIVITY_TIMES,
        featured: [foreign.demand.id],
        version: a.version,
      });
    },
    'POST /api/activities/{id}/registrations talentId': () =>
      hz.post(`/api/activities/${own.forum}/registrations`, { talentId: foreign.talent.id }),
    'POST /api/activities/{id}/registrations enterpriseId': () =>
      hz.post(`/api/activities/${own.forum}/registrations`, { enterpriseId: foreign.enterprise.id }),
    'POST /api/activities/{id}/registrations institutionId': () =>
      hz.post(`/api/activities/${own.forum}/registrations`, { institutionId: foreign.institution.id }),
    'POST /api/activities/{id}/registrations/{registrationId} {registrationId}': () =>
      hz.post(`/api/activities/${own.forum}/registrations/${foreign.forum.registrationId}`, {
        action: 'approve',
      }),
    'POST /api/activities/{id}/check-in registrationId': () =>
      hz.post(`/api/activities/${own.forum}/check-in`, { registrationId: foreign.forum.registrationId }),
    'POST /api/activities/{id}/meetings enterpriseRegistrationId': () =>
      hz.post(`/api/activities/${own.meeting.id}/meetings`, {
        enterpriseRegistrationId: foreign.meeting.enterpriseRegistrationId,
        expertRegistrationId: own.meeting.expertRegistrationId,
      }),
    'POST /api/activities/{id}/meetings expertRegistrationId': () =>
      hz.post(`/api/activities/${own.meeting.id}/meetings`, {
        enterpriseRegistrationId: own.meeting.enterpriseRegistrationId,
        expertRegistrationId: foreign.meeting.expertRegistrationId,
      }),
    'POST /api/activities/{id}/meetings demandId': () =>
      hz.post(`/api/activities/${own.meeting.id}/meetings`, {
        enterpriseRegistrationId: own.meeting.enterpriseRegistrationId,
        expertRegistrationId: own.meeting.expertRegistrationId,
        demandId: foreign.demand.id,
      }),
    'POST /api/activities/{id}/meetings/{meetingId} {meetingId}': () =>
      hz.post(`/api/activities/${own.meeting.id}/meetings/${foreign.meeting.id}`, {
        action: 'cancel',
        version: 1,
        reason: '测试',
      }),
    'POST /api/activities/{id}/positions employerRegistrationId': () =>
      hz.post(`/api/activities/${own.fair.id}/positions`, {
        employerRegistrationId: foreign.fair.employerRegistrationId,
        title: '工程师',
      }),
    'POST /api/activities/{id}/positions listItemId': () =>
      hz.post(`/api/activities/${own.fair.id}/positions`, {
        employerRegistrationId: own.fair.employerRegistrationId,
        title: '工程师',
        listItemId: foreign.talentDemand.id,
      }),
    'POST /api/activities/{id}/positions/{positionId}/applications {positionId}': () =>
      hz.post(`/api/activities/${own.fair.id}/positions/${foreign.fair.positionId}/applications`, {
        applicantRegistrationId: own.fair.applicantRegistrationId,
      }),
    'POST /api/activities/{id}/positions/{positionId}/applications applicantRegistrationId': () =>
      hz.post(`/api/activities/${own.fair.id}/positions/${own.fair.positionId}/applications`, {
        applicantRegistrationId: foreign.forum.registrationId,
      }),
    'POST /api/activities/{id}/applications/{applicationId} {applicationId}': () =>
      hz.post(`/api/activities/${own.fair.id}/applications/${foreign.fair.applicationId}`, {
        status: 'hired',
      }),
    ...Object.fromEntries(
      (
        [
          ['listItemId', () => foreign.demand.id],
          ['orderId', () => foreign.order.id],
          ['registrationId', () => foreign.forum.registrationId],
        ] as const
      ).map(([field, id]) => [
        `POST /api/activities/{id}/outcomes ${field}`,
        () => hz.post(`/api/activities/${own.forum}/outcomes`, { kind: 'agreement', [field]: id() }),
      ]),
    ),
    // An outcome's parties: one of 湖州's among the operator's own is refused all the same.
    ...Object.fromEntries(
      (
        [
          ['institutionIds', () => foreign.institution.id, () => []],
          ['enterpriseIds', () => foreign.enterprise.id, () => [own.enterprise]],
          ['talentIds', () => foreign.talent.id, () => [own.expert]],
        ] as const
      ).map(([field, id, mine]) => [
        `POST /api/activities/{id}/outcomes ${field}[]`,
        () =>
          hz.post(`/api/activities/${own.forum}/outcomes`, { kind: 'agreement', [field]: [...mine(), id()] }),
      ]),
    ),
    'DELETE /api/activities/{id}/outcomes/{outcomeId} {outcomeId}': () =>
      hz.request('DELETE', `/api/activities/${own.forum}/outcomes/${foreign.forum.outcomeId}`),
  };

  /** What no refusal may say: the names of 湖州's records. */
  const secrets = () => [
    foreign.talent.name,
    foreign.enterprise.name,
    foreign.institution.name,
    foreign.team.name,
    foreign.station.name,
    foreign.demand.title,
    foreign.talentDemand.title,
    foreign.order.code,
  ];

  for (const [key, call] of Object.entries(CASES)) {
    it(`refuses ${key} naming another region's record, writes nothing and tells nothing`, async () => {
      const before = await p.tableCounts();
      const res = await call();
      expect([400, 404, 409], `${key} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`).toContain(
        res.status,
      );
      expect(res.body.error.code).toMatch(/^[A-Z_]+$/);
      // Refused for naming the record, not for a malformed request or a stale version.
      expect(['VALIDATION_FAILED', 'VERSION_CONFLICT', 'FORBIDDEN'], key).not.toContain(res.body.error.code);
      const text = JSON.stringify(res.body);
      for (const secret of secrets()) expect(text, key).not.toContain(secret);
      expect(await p.tableCounts(), key).toEqual(before);
    });
  }

  it('the same requests naming the operator’s own records succeed (the refusals above are about scope)', async () => {
    const team = await hz.post('/api/teams', {
      name: '钱塘四团',
      kind: 'assistance',
      regionCode: '330100',
      leaderTalentId: own.expert,
    });
    expect(team.status).toBe(201);
    const registered = await hz.post(`/api/activities/${own.forum}/registrations`, {
      enterpriseId: own.enterprise,
    });
    expect(registered.status).toBe(201);
    const dispatched = await hz.post(`/api/orders/${own.order.id}/transition`, {
      action: 'dispatch',
      version: own.order.version,
      experts: [own.expert],
    });
    expect(dispatched.status).toBe(200);
    const meeting = await hz.post(`/api/activities/${own.meeting.id}/meetings`, {
      enterpriseRegistrationId: own.meeting.enterpriseRegistrationId,
      expertRegistrationId: own.meeting.expertRegistrationId,
    });
    expect(meeting.status).toBe(201);
    const outcome = await hz.post(`/api/activities/${own.forum}/outcomes`, {
      kind: 'agreement',
      enterpriseIds: [own.enterprise],
      talentIds: [own.expert],
    });
    expect(outcome.status).toBe(201);
  });

  /** Routes whose ids only ever select among the caller's own records: others' ids are passed over, untouched. */
  const OWN_ONLY = [
    'POST /api/notifications/read ids[]',
    // A participant's own preferences name the round's other side only (checked against its entries, each
    // scope-checked when added); the operator's route for a participant is the case above, on the same check.
    'PUT /api/standing/rounds/{id}/preferences preferences[]',
  ];

  it('marks only the caller’s own messages read, whatever ids it is given', async () => {
    const theirs = (await huzhou.get('/api/notifications?unread=true')).body.items[0];
    expect(theirs).toBeTruthy();
    const res = await hz.post('/api/notifications/read', { ids: [theirs.id] });
    expect(res.status).toBe(200);
    const still = (await huzhou.get('/api/notifications?unread=true')).body.items;
    expect(still.map((n: { id: string }) => n.id)).toContain(theirs.id);
  });

  it('links an imported row to a name of the caller’s own region only', async () => {
    const csv = Buffer.from(`编号,姓名,工作单位,是否专家\nHZ-IMP1,钱塘戊,${foreign.institution.name},是\n`);
    const job = (await upload(hz, '/api/imports/talents', 'talents.csv', csv)).body;
    expect(job.valid).toBe(1);
    expect((await hz.post(`/api/import-jobs/${job.id}/commit`)).status).toBe(202);
    for (
      let i = 0;
      i < 100 && (await hz.get(`/api/import-jobs/${job.id}`)).body.status !== 'committed';
      i++
    ) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const row = (await hz.get('/api/registry/talents?q=HZ-IMP1')).body.items[0];
    expect(row.employerName).toBe(foreign.institution.name);
    expect(row.institutionId).not.toBe(foreign.institution.id);
    // 湖州's institution account does not see 杭州's expert among its own.
    const institution = await p.signIn('institution');
    expect((await institution.get('/api/registry/talents?q=HZ-IMP1')).body.items).toEqual([]);
    const items = [['HZ-ACH1', '钱塘成果', foreign.institution.name]];
    const sheet = Buffer.from(`编号,成果名称,完成单位\n${items.map((r) => r.join(',')).join('\n')}\n`);
    const achievements = (await upload(hz, '/api/imports/achievements', 'a.csv', sheet)).body;
    expect(achievements.valid).toBe(1);
    await hz.post(`/api/import-jobs/${achievements.id}/commit`);
    for (
      let i = 0;
      i < 100 && (await hz.get(`/api/import-jobs/${achievements.id}`)).body.status !== 'committed';
      i++
    ) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const found = (await hz.get('/api/lists/achievements?q=HZ-ACH1')).body.items[0];
    const item = (await hz.get(`/api/lists/achievements/${found.id}`)).body;
    expect(item.ownerName).toBe(foreign.institution.name);
    // Linked to 杭州's own record of that name (made by the talent import above), not to 湖州's.
    expect(item.institutionId).toBe(row.institutionId);
    expect(item.institutionId).not.toBe(foreign.institution.id);
  });

  it('says only that a unique value is registered when its holder lies outside the caller’s scope', async () => {
    const idNumber = '11010519491231002X';
    const stored = await huzhou.post('/api/registry/talents', {
      code: 'HU-ID1',
      name: '湖州持证人',
      idNumber,
    });
    expect(stored.status).toBe(201);
    const sameId = await hz.post('/api/registry/talents', { code: 'HZ-ID1', name: '钱塘丙', idNumber });
    expect(sameId.status).toBe(409);
    expect(sameId.body.error.code).toBe('REGISTRY_ID_NUMBER_REGISTERED');
    expect(sameId.body.error.message).toBe('该身份证号已登记');
    const sameCode = await hz.post('/api/registry/talents', { code: 'ZJ-0002', name: '钱塘丁' });
    expect(sameCode.status).toBe(409);
    expect(sameCode.body.error.code).toBe('REGISTRY_CODE_REGISTERED');
    expect(JSON.stringify(sameCode.body)).not.toMatch(/王雪梅/);
    // Inside the scope the holder is named, so the office can find the record.
    const inScope = await huzhou.post('/api/registry/talents', {
      code: 'HU-ID2',
      name: '湖州重复',
      idNumber,
    });
    expect(inScope.body.error.code).toBe('REGISTRY_ID_NUMBER_TAKEN');
    expect(inScope.body.error.message).toContain('湖州持证人');
    // An account of 杭州 that an administrator linked to 湖州's expert: 杭州 learns it is taken, not by whom.
    const admin = await p.signIn('admin');
    expect(
      (
        await admin.post('/api/users', {
          username: 'hz.shared',
          displayName: '共用账号',
          role: 'expert',
          regionCode: '330106',
          password: 'scope-Test-2026',
        })
      ).status,
    ).toBe(201);
    expect(
      (await admin.put(`/api/registry/talents/${foreign.talent.id}/account`, { username: 'hz.shared' }))
        .status,
    ).toBe(200);
    const linked = await hz.put(`/api/registry/talents/${own.expert}/account`, { username: 'hz.shared' });
    expect(linked.status).toBe(409);
    expect(linked.body.error.code).toBe('REGISTRY_ACCOUNT_LINKED');
    expect(JSON.stringify(linked.body)).not.toContain(foreign.talent.name);
    const listCode = await hz.post('/api/lists/demands', {
      code: (await huzhou.get(`/api/lists/demands/${foreign.demand.id}`)).body.code,
      title: '钱塘',
    });
    expect(listCode.body.error.code).toBe('LIST_CODE_REGISTERED');
    expect(JSON.stringify(listCode.body)).not.toContain(foreign.demand.title);
  });

  it('covers every id field of every write route the server declares', () => {
    const doc = p.app.swagger() as { paths: Record<string, Record<string, Operation>> };
    const declared: string[] = [];
    for (const [url, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        if (method === 'get' || method === 'head') continue;
        const fields = idFields(op.requestBody?.content?.['application/json']?.schema, '');
        // Ids in the path below the first: a record of the parent named in the path.
        const nested = (op.parameters ?? [])
          .filter((x) => x.in === 'path' && x.name !== 'id' && x.schema?.format === 'uuid')
          .map((x) => `{${x.name}}`);
        for (const field of [...fields, ...nested]) declared.push(`${method.toUpperCase()} ${url} ${field}`);
      }
    }
    expect(declared.length).toBeGreaterThan(30);
    expect(declared.filter((k) => !(k in CASES) && !OWN_ONLY.includes(k))).toEqual([]);
  });
});

interface JsonSchema {
  type?: string | string[];
  format?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}
interface Operation {
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  parameters?: { in: string; name: string; schema?: JsonSchema }[];
}

/** The paths of the uuid-valued fields in a JSON schema (`members[].talentId`, `experts[]`). */
function idFields(schema: JsonSchema | undefined, path: string): string[] {
  if (!schema) return [];
  const out: string[] = [];
  if (schema.format === 'uuid' && path) out.push(path);
  for (const [name, child] of Object.entries(schema.properties ?? {})) {
    out.push(...idFields(child, path ? `${path}.${name}` : name));
  }
  if (schema.items) out.push(...idFields(schema.items, `${path}[]`));
  for (const alt of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) {
    out.push(...idFields(alt, path));
  }
  return [...new Set(out)];
}
