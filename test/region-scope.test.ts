import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestPlatform, testPlatform } from './support/platform.ts';

/**
 * An operator of one city sees its counties and nothing of another city:
 * not by id, not in lists, not by filtering, and cannot change or create there.
 */
describe('region scope', () => {
  let p: TestPlatform;
  let admin: Client;
  let huzhou: Client;
  let deqing: Client;
  let hangzhouExpert: { id: string; version: number };
  let anjiExpert: { id: string };

  beforeAll(async () => {
    p = await testPlatform();
    admin = await p.signIn('admin');
    const mk = async (username: string, role: string, regionCode: string) => {
      const res = await admin.post('/api/users', {
        username,
        displayName: username,
        role,
        regionCode,
        password: 'scope-Test-2026',
      });
      expect(res.status).toBe(201);
      return res.body;
    };
    hangzhouExpert = await mk('hz.expert', 'expert', '330106'); // 杭州市西湖区
    await mk('hz.operator', 'operator', '330100');
    anjiExpert = await mk('aj.expert', 'expert', '330523'); // 湖州市安吉县
    await mk('dq.operator', 'operator', '330521'); // 湖州市德清县
    huzhou = await p.signIn('operator');
    deqing = await p.signIn('dq.operator', 'scope-Test-2026');
  });
  afterAll(() => p.close());

  it('a city operator cannot read a record of another city by id', async () => {
    const res = await huzhou.get(`/api/users/${hangzhouExpert.id}`);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('USER_NOT_FOUND');
    expect((await huzhou.get(`/api/users/${anjiExpert.id}`)).status).toBe(200);
  });

  it('a city operator cannot change a record of another city, and the record stays as it was', async () => {
    const res = await huzhou.patch(`/api/users/${hangzhouExpert.id}`, {
      version: hangzhouExpert.version,
      displayName: '被篡改',
    });
    expect(res.status).toBe(404);
    const reset = await huzhou.post(`/api/users/${hangzhouExpert.id}/password`, {
      newPassword: 'hijack-Pass-2026',
    });
    expect(reset.status).toBe(404);
    const stored = await admin.get(`/api/users/${hangzhouExpert.id}`);
    expect(stored.body.displayName).toBe('hz.expert');
    expect(stored.body.version).toBe(hangzhouExpert.version);
    expect((await p.signIn('hz.expert', 'scope-Test-2026')).cookie).toBeTruthy();
  });

  it('lists never contain records of another city, whatever the filter', async () => {
    const all = await huzhou.get('/api/users?pageSize=200');
    expect(all.status).toBe(200);
    const regions: string[] = all.body.items.map((u: { regionCode: string }) => u.regionCode);
    expect(regions.length).toBeGreaterThan(0);
    expect(regions.every((r) => r.startsWith('3305'))).toBe(true);
    expect(all.body.total).toBe(regions.length);
    const filtered = await huzhou.get('/api/users?regionCode=330100');
    expect(filtered.body.items).toEqual([]);
    const searched = await huzhou.get('/api/users?q=hz.');
    expect(searched.body.items).toEqual([]);
  });

  it('a county operator sees only that county', async () => {
    const res = await deqing.get('/api/users?pageSize=200');
    const regions: string[] = res.body.items.map((u: { regionCode: string }) => u.regionCode);
    expect(new Set(regions)).toEqual(new Set(['330521']));
    expect((await deqing.get(`/api/users/${anjiExpert.id}`)).status).toBe(404);
  });

  it('an operator cannot create an account outside their region or give a role above theirs', async () => {
    const outside = await huzhou.post('/api/users', {
      username: 'outside',
      displayName: '外地',
      role: 'expert',
      regionCode: '330106',
      password: 'scope-Test-2026',
    });
    expect(outside.status).toBe(403);
    expect(outside.body.error.code).toBe('USER_REGION_OUT_OF_SCOPE');
    const elevated = await huzhou.post('/api/users', {
      username: 'elevated',
      displayName: '越权',
      role: 'admin',
      regionCode: '330502',
      password: 'scope-Test-2026',
    });
    expect(elevated.status).toBe(403);
    expect(elevated.body.error.code).toBe('USER_ROLE_NOT_ASSIGNABLE');
    const moveAway = await huzhou.patch(`/api/users/${anjiExpert.id}`, { version: 1, regionCode: '330106' });
    expect(moveAway.body.error.code).toBe('USER_REGION_OUT_OF_SCOPE');
  });

  it('the platform admin sees every region', async () => {
    const res = await admin.get('/api/users?pageSize=200');
    const regions: string[] = res.body.items.map((u: { regionCode: string }) => u.regionCode);
    expect(regions).toContain('330106');
    expect(regions).toContain('330523');
  });

  it('the standing service office view counts only the caller’s region', async () => {
    const rows = async (client: Client, subject: string) =>
      (await client.get(`/api/standing/overview/rows?subject=${subject}&sort=name&pageSize=100`)).body;
    // 湖州 has the demo's teams, commissioners and contact duties.
    for (const subject of ['team', 'commission', 'duty'])
      expect((await rows(huzhou, subject)).total).toBeGreaterThan(0);
    // 杭州 sees none of them, in the rows or in the summary.
    const hangzhou = await p.signIn('hz.operator', 'scope-Test-2026');
    for (const subject of ['team', 'commission', 'duty'])
      expect(await rows(hangzhou, subject)).toMatchObject({ items: [], total: 0 });
    const summary = (await hangzhou.get('/api/standing/overview')).body;
    expect(
      summary.subjects.team.owners + summary.subjects.commission.owners + summary.subjects.duty.owners,
    ).toBe(0);
    expect(summary.total.planned).toBe(0);
    // 德清 sees only teams registered in the county, not the city's (teams are scoped like the teams module).
    const ids = (items: { id: string; regionName: string }[]) => items.map((t) => t.id).sort();
    const teams = (await rows(deqing, 'team')).items;
    const cityTeams = (await rows(huzhou, 'team')).items as { id: string; regionName: string }[];
    expect(cityTeams.length).toBeGreaterThan(0);
    expect(ids(teams)).toEqual(ids(cityTeams.filter((t) => t.regionName.includes('德清县'))));
  });
});
