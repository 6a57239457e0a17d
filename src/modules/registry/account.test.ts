import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestPlatform, testPlatform } from '../../../test/support/platform.ts';

describe('linking an expert record to an account', () => {
  let p: TestPlatform;
  let operator: Client;
  let talents: Record<string, string>;

  beforeAll(async () => {
    p = await testPlatform({ demo: true });
    operator = await p.signIn('operator');
    const items = (await operator.get('/api/registry/talents?pageSize=50&sort=code')).body.items;
    talents = Object.fromEntries(items.map((t: { code: string; id: string }) => [t.code, t.id]));
  });
  afterAll(() => p.close());

  it('links an account so that the expert keeps the profile and gets dispatched orders; one record per account', async () => {
    expect(
      (await operator.get(`/api/registry/talents/${talents['ZJ-0001']}/account`)).body.account.username,
    ).toBe('expert');
    const created = await operator.post('/api/users', {
      username: 'wang.xuemei',
      displayName: '王雪梅',
      role: 'expert',
      regionCode: '330502',
      password: 'expert-Password-2026',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const linked = await operator.put(`/api/registry/talents/${talents['ZJ-0002']}/account`, {
      username: 'Wang.Xuemei',
    });
    expect(linked.status, JSON.stringify(linked.body)).toBe(200);
    expect(linked.body.account).toMatchObject({ username: 'wang.xuemei', role: 'expert' });

    // The expert now keeps that record as their profile.
    const expert = await p.signIn('wang.xuemei', 'expert-Password-2026');
    expect((await expert.get('/api/profile')).body.record.code).toBe('ZJ-0002');

    // One account, one record: the demo expert's account is taken.
    const taken = await operator.put(`/api/registry/talents/${talents['ZJ-0003']}/account`, {
      username: 'expert',
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('REGISTRY_ACCOUNT_TAKEN');
    expect(taken.body.error.message).toContain('ZJ-0001');
    const unknown = await operator.put(`/api/registry/talents/${talents['ZJ-0003']}/account`, {
      username: 'nobody',
    });
    expect(unknown.body.error.code).toBe('REGISTRY_ACCOUNT_UNKNOWN');

    const unlinked = await operator.put(`/api/registry/talents/${talents['ZJ-0002']}/account`, {
      username: null,
    });
    expect(unlinked.body.account).toBeNull();
    expect((await expert.get('/api/profile')).status).not.toBe(200);
    const audit = await (await p.signIn('auditor')).get(`/api/audit?entityId=${talents['ZJ-0002']}`);
    expect(audit.body.items.filter((i: { action: string }) => i.action === 'talent.account')).toHaveLength(2);
    // Only those who manage the registry link accounts.
    const expertAgain = await p.signIn('expert');
    expect(
      (await expertAgain.put(`/api/registry/talents/${talents['ZJ-0002']}/account`, { username: 'expert' }))
        .status,
    ).toBe(403);
  });
});
