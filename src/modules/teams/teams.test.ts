import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestPlatform, testPlatform } from '../../../test/support/platform.ts';

describe('service teams', () => {
  let p: TestPlatform;
  let operator: Client;
  let experts: Record<string, string>;

  beforeAll(async () => {
    p = await testPlatform({ demo: true });
    operator = await p.signIn('operator');
    const talents = (await operator.get('/api/registry/talents?pageSize=50&sort=code')).body.items;
    experts = Object.fromEntries(talents.map((t: { code: string; id: string }) => [t.code, t.id]));
  });
  afterAll(() => p.close());

  it('sets up a team with a leader who is always a member, changes it, and audits both', async () => {
    const created = await operator.post('/api/teams', {
      name: '吴兴数字化转型服务团',
      regionCode: '330502',
      leaderTalentId: experts['ZJ-0002'],
      members: [{ talentId: experts['ZJ-0004'], duty: '工业软件' }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.leader.talentId).toBe(experts['ZJ-0002']);
    expect(created.body.members.map((m: { talentId: string; leader: boolean }) => m.leader)).toEqual([
      true,
      false,
    ]);
    expect(created.body.kind).toBe('assistance');

    const same = await operator.post('/api/teams', {
      name: '吴兴数字化转型服务团',
      regionCode: '330502',
      leaderTalentId: experts['ZJ-0006'],
    });
    expect(same.status).toBe(409);
    expect(same.body.error.code).toBe('TEAM_NAME_TAKEN');

    const changed = await operator.put(`/api/teams/${created.body.id}`, {
      name: '吴兴数字化转型服务团',
      regionCode: '330502',
      leaderTalentId: experts['ZJ-0004'],
      members: [{ talentId: experts['ZJ-0006'] }],
      version: created.body.version,
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.members.map((m: { talentId: string }) => m.talentId).sort()).toEqual(
      [experts['ZJ-0004'], experts['ZJ-0006']].sort(),
    );
    const stale = await operator.put(`/api/teams/${created.body.id}`, {
      name: '改名',
      regionCode: '330502',
      leaderTalentId: experts['ZJ-0004'],
      version: created.body.version,
    });
    expect(stale.status).toBe(409);
    expect((await operator.get(`/api/teams/${created.body.id}`)).body.name).toBe('吴兴数字化转型服务团');

    // Found by a member's name too.
    const byMember = await operator.get(`/api/teams?q=${encodeURIComponent(changed.body.members[1].name)}`);
    expect(byMember.body.items.map((t: { id: string }) => t.id)).toContain(created.body.id);

    // Archiving leaves the members alone (and a dispatch no longer finds the team).
    const archived = await operator.post(`/api/teams/${created.body.id}/archive`, {
      archived: true,
      version: changed.body.version,
    });
    expect(archived.status, JSON.stringify(archived.body)).toBe(200);
    expect(archived.body.archived).toBe(true);
    expect(archived.body.members).toHaveLength(2);
    expect(archived.body.members[0].code).toMatch(/^ZJ-/);
    expect(archived.body.regionName).toContain('吴兴区');
    const active = (await operator.get('/api/teams?archived=false&pageSize=50')).body.items;
    expect(active.map((t: { id: string }) => t.id)).not.toContain(created.body.id);

    const audit = await (await p.signIn('auditor')).get(`/api/audit?entityId=${created.body.id}`);
    expect(audit.body.items.map((i: { action: string }) => i.action).sort()).toEqual([
      'team.archive',
      'team.create',
      'team.update',
    ]);
  });

  it('refuses members that are not experts of the registry, and regions outside the caller’s', async () => {
    const unknown = await operator.post('/api/teams', {
      name: '无名团队',
      regionCode: '330502',
      leaderTalentId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('TEAM_MEMBER_UNKNOWN');
    expect(unknown.body.error.fields[0].path).toBe('body.leaderTalentId');
    const elsewhere = await operator.post('/api/teams', {
      name: '杭州团队',
      regionCode: '330106',
      leaderTalentId: experts['ZJ-0002'],
    });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.error.code).toBe('TEAM_REGION_OUT_OF_SCOPE');
    const badRegion = await operator.post('/api/teams', {
      name: '错误地区',
      regionCode: '999999',
      leaderTalentId: experts['ZJ-0002'],
    });
    expect(badRegion.status).toBe(400);
  });

  it('shows teams of the caller’s region only', async () => {
    const expert = await p.signIn('expert');
    const mine = (await expert.get('/api/teams')).body.items.map((t: { name: string }) => t.name);
    expect(mine).toContain('湖州新材料助企服务团');
    const enterprise = await p.signIn('enterprise');
    expect((await enterprise.get('/api/teams')).status).toBe(403);
  });

  it('sets up a 组合式人才帮扶团 only as its composition rules allow, naming each rule that failed', async () => {
    const rules = (await operator.get('/api/teams/composition-rules?kind=combined')).body;
    expect(rules.version).toBe(1);
    expect(rules.conditions).toContain('须有且只有一名首席专家');
    const team = (over: Record<string, unknown>) => ({
      name: '安吉绿色家居帮扶团',
      kind: 'combined',
      regionCode: '330500',
      leaderTalentId: experts['ZJ-0002'],
      leaderRole: 'chief',
      countyCode: '330523',
      industryName: '绿色家居',
      members: [
        { talentId: experts['ZJ-0004'], role: 'expert' },
        { talentId: experts['ZJ-0006'], role: 'expert' },
        { talentId: experts['ZJ-0008'], role: 'manager' },
      ],
      ...over,
    });
    const noChief = await operator.post('/api/teams', team({ leaderRole: 'expert' }));
    expect(noChief.status).toBe(400);
    expect(noChief.body.error.code).toBe('TEAM_COMPOSITION_RULE');
    expect(noChief.body.error.message).toBe('团队组成不符合组建规则（第1版）：须有且只有一名首席专家');
    const bare = await operator.post('/api/teams', team({ members: [], countyCode: undefined }));
    expect(bare.body.error.details.failed).toEqual(['expertCount', 'managerCount', 'countyCode']);
    const english = await operator.request('POST', '/api/teams', team({ members: [] }), {
      'accept-language': 'en-US',
    });
    expect(english.body.error.message).toContain('At least one technology manager');
    // A chief expert outside the registry is refused as an unknown member, naming the field.
    const stranger = await operator.post(
      '/api/teams',
      team({ leaderTalentId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(stranger.body.error.code).toBe('TEAM_MEMBER_UNKNOWN');
    const farCounty = await operator.post('/api/teams', team({ countyCode: '330106' }));
    expect(farCounty.body.error.code).toBe('TEAM_COUNTY_OUT_OF_SCOPE');

    const made = await operator.post('/api/teams', team({}));
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({
      kind: 'combined',
      countyName: expect.stringContaining('安吉县'),
      industryName: '绿色家居',
    });
    expect(made.body.members.map((m: { role: string }) => m.role)).toEqual([
      'chief',
      'expert',
      'expert',
      'manager',
    ]);
    // Other kinds of team are not bound by these rules.
    const plain = await operator.post('/api/teams', {
      ...team({ kind: 'other', name: '其他团队' }),
      members: [],
    });
    expect(plain.status).toBe(201);
  });

  it('keeps composition rules as data: an administrator stores a new version, the old one stays on record', async () => {
    const admin = await p.signIn('admin');
    const before = (await admin.get('/api/teams/composition-rules?kind=combined')).body;
    const looser = {
      kind: 'combined',
      name: { zh: '组合式人才帮扶团组建规则（试行）', en: 'Combined team composition (trial)' },
      rule: {
        all: [
          {
            fact: 'chiefCount',
            op: 'eq',
            value: 1,
            name: { zh: '须有一名首席专家', en: 'One chief expert' },
          },
          { fact: 'memberCount', op: 'gte', value: 3 },
        ],
      },
    };
    expect((await operator.request('PUT', '/api/teams/composition-rules', looser)).status).toBe(403);
    const unknownFact = await admin.request('PUT', '/api/teams/composition-rules', {
      ...looser,
      rule: { fact: 'salary', op: 'gte', value: 1 },
    });
    expect(unknownFact.body.error.code).toBe('TEAM_RULE_FACT_UNKNOWN');
    const tooDeep = await admin.request('PUT', '/api/teams/composition-rules', {
      ...looser,
      rule: {
        all: [
          {
            all: [
              {
                all: [
                  {
                    all: [
                      {
                        all: [
                          {
                            all: [
                              { all: [{ all: [{ all: [{ fact: 'chiefCount', op: 'eq', value: 1 }] }] }] },
                            ],
                          },
                        ],
                      },
                    ],
                  },
                ],
              },
            ],
          },
        ],
      },
    });
    expect(tooDeep.body.error.code).toBe('VALIDATION_FAILED');

    const saved = await admin.request('PUT', '/api/teams/composition-rules', looser);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.version).toBe(before.version + 1);
    expect(saved.body.conditions).toEqual(['须有一名首席专家', '团队总人数 ≥ 3名']);
    // A team of a chief and two plain members now passes; a team without a chief still does not.
    const small = await operator.post('/api/teams', {
      name: '小型帮扶团',
      kind: 'combined',
      regionCode: '330500',
      leaderTalentId: experts['ZJ-0010'],
      leaderRole: 'chief',
      members: [{ talentId: experts['ZJ-0012'] }, { talentId: experts['ZJ-0014'] }],
    });
    expect(small.status, JSON.stringify(small.body)).toBe(201);
    const noChief = await operator.post('/api/teams', {
      name: '无首席帮扶团',
      kind: 'combined',
      regionCode: '330500',
      leaderTalentId: experts['ZJ-0010'],
      members: [{ talentId: experts['ZJ-0012'] }, { talentId: experts['ZJ-0014'] }],
    });
    expect(noChief.body.error.message).toContain('（第2版）：须有一名首席专家');
    const versions = await p.database.rows<{ version: number }>(
      sql`select version from rule_sets where key = 'teams.composition.combined' order by version`,
    );
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    const audit = await admin.get('/api/audit?action=rules.update');
    expect(audit.status).toBe(403); // the auditor alone reads the log
    const auditor = await p.signIn('auditor');
    expect((await auditor.get('/api/audit?action=rules.update')).body.items).toHaveLength(1);
  });
});
