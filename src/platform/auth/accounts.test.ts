import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestPlatform, testPlatform } from '../../../test/support/platform.ts';

describe('account administration', () => {
  let p: TestPlatform;
  let operator: Client;
  let auditor: Client;
  beforeAll(async () => {
    p = await testPlatform();
    operator = await p.signIn('operator');
    auditor = await p.signIn('auditor');
  });
  afterAll(() => p.close());

  const newExpert = {
    username: 'zhang.wei',
    displayName: '张伟',
    mobile: '13800138000',
    role: 'expert',
    regionCode: '330522',
    password: 'first-Pass-2026',
  };

  it('creates an account, stores the mobile encrypted, masks it, and audits the creation without secrets', async () => {
    const res = await operator.post('/api/users', newExpert);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      username: 'zhang.wei',
      mobile: '138****8000',
      regionName: '浙江省湖州市长兴县',
    });
    const [row] = await p.database.rows<Record<string, string>>(
      sql`select mobile_enc, mobile_hash, password_hash from users where username = 'zhang.wei'`,
    );
    expect(row!.mobile_enc).not.toContain('13800138000');
    expect(p.cipher.decrypt(row!.mobile_enc!)).toBe('13800138000');
    expect(row!.password_hash).toMatch(/^\$argon2id\$/);

    const audit = await auditor.get(`/api/audit?entity=user&entityId=${res.body.id}`);
    expect(audit.body.items).toHaveLength(1);
    const entry = audit.body.items[0];
    expect(entry).toMatchObject({
      action: 'user.create',
      actorName: '王敏',
      actorRole: 'operator',
      regionCode: '330522',
    });
    expect(entry.changes.username).toEqual({ to: 'zhang.wei' });
    expect(entry.changes.passwordHash).toEqual({ to: '[redacted]' });
    expect(JSON.stringify(entry)).not.toContain('13800138000');
    expect(JSON.stringify(entry)).not.toContain('argon2');
  });

  it('refuses duplicates, naming the existing account', async () => {
    const sameName = await operator.post('/api/users', {
      ...newExpert,
      username: 'ZHANG.WEI',
      mobile: undefined,
    });
    expect(sameName.status).toBe(409);
    expect(sameName.body.error.code).toBe('USER_USERNAME_TAKEN');
    const sameMobile = await operator.post('/api/users', {
      ...newExpert,
      username: 'other',
      mobile: '138 0013 8000',
    });
    expect(sameMobile.status).toBe(409);
    expect(sameMobile.body.error.code).toBe('USER_MOBILE_TAKEN');
    expect(sameMobile.body.error.message).toContain('zhang.wei');
  });

  it('edits with the version it read; a stale version is a conflict and changes nothing', async () => {
    const list = await operator.get('/api/users?q=zhang');
    const user = list.body.items[0];
    const first = await operator.patch(`/api/users/${user.id}`, {
      version: user.version,
      displayName: '张伟（教授）',
    });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(user.version + 1);
    const stale = await operator.patch(`/api/users/${user.id}`, {
      version: user.version,
      displayName: '旧版本',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    expect((await operator.get(`/api/users/${user.id}`)).body.displayName).toBe('张伟（教授）');
    const audit = await auditor.get(`/api/audit?entity=user&entityId=${user.id}&action=user.update`);
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0].changes).toEqual({ displayName: { from: '张伟', to: '张伟（教授）' } });
  });

  it('disabling an account ends its sessions and refuses sign-in', async () => {
    const session = await p.signIn('zhang.wei', 'first-Pass-2026');
    expect((await session.get('/api/auth/me')).status).toBe(200);
    const user = (await operator.get('/api/users?q=zhang')).body.items[0];
    const res = await operator.patch(`/api/users/${user.id}`, { version: user.version, disabled: true });
    expect(res.status).toBe(200);
    expect((await session.get('/api/auth/me')).status).toBe(401);
    const login = await p
      .anonymous()
      .post('/api/auth/login', { username: 'zhang.wei', password: 'first-Pass-2026' });
    expect(login.status).toBe(403);
    expect(login.body.error.code).toBe('AUTH_ACCOUNT_DISABLED');
  });

  it('a changed role governs the account from its very next request (sessions are not trusted stale)', async () => {
    const created = await operator.post('/api/users', {
      ...newExpert,
      username: 'li.na',
      displayName: '李娜',
      mobile: '13800138001',
    });
    expect(created.status).toBe(201);
    const session = await p.signIn('li.na', 'first-Pass-2026');
    const before = await session.get('/api/auth/me');
    expect(before.body.user.permissions).not.toContain('users.manage');
    expect((await session.get('/api/users')).status).toBe(403);
    const res = await operator.patch(`/api/users/${created.body.id}`, {
      version: created.body.version,
      role: 'operator',
    });
    expect(res.status).toBe(200);
    const after = await session.get('/api/auth/me');
    expect(after.body.user.role).toBe('operator');
    expect(after.body.user.permissions).toContain('users.manage');
    expect((await session.get('/api/users')).status).toBe(200);
  });

  it('resets a password: the old one stops working and the reset is audited', async () => {
    const users = await operator.get('/api/users?q=expert');
    const expert = users.body.items.find((u: { username: string }) => u.username === 'expert');
    const res = await operator.post(`/api/users/${expert.id}/password`, { newPassword: 'reset-Pass-2026' });
    expect(res.status).toBe(200);
    await expect(p.signIn('expert')).rejects.toThrow(/401/);
    expect((await p.signIn('expert', 'reset-Pass-2026')).cookie).toBeTruthy();
    const audit = await auditor.get(`/api/audit?action=user.password.reset&entityId=${expert.id}`);
    expect(audit.body.items[0].changes.password).toEqual({ from: '[redacted]', to: '[redacted]' });
  });

  it('cannot disable its own account', async () => {
    const me = await operator.get('/api/auth/me');
    const self = await operator.get(`/api/users/${me.body.user.id}`);
    const res = await operator.patch(`/api/users/${me.body.user.id}`, {
      version: self.body.version,
      disabled: true,
    });
    expect(res.body.error.code).toBe('USER_CANNOT_DISABLE_SELF');
  });

  it('lists organisations of its region for the account form', async () => {
    const res = await operator.get('/api/organisations');
    expect(res.status).toBe(200);
    expect(res.body.items.map((o: { name: string }) => o.name)).toContain('德清绿源新材料有限公司');
  });
});
