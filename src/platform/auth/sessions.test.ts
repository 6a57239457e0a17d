import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, type TestPlatform, testPlatform } from '../../../test/support/platform.ts';

describe('sessions', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await testPlatform();
  });
  afterAll(() => p.close());

  it('sets an httpOnly, SameSite session cookie and a readable CSRF cookie', async () => {
    const res = await p.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'expert', password: DEMO_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const session = res.cookies.find((c) => c.name === 'caiqiao_session')!;
    const csrf = res.cookies.find((c) => c.name === 'caiqiao_csrf')!;
    expect(session.httpOnly).toBe(true);
    expect(session.sameSite).toBe('Lax');
    expect(csrf.httpOnly).toBeFalsy();
    expect(csrf.value).toBe(JSON.parse(res.body).csrfToken);
    expect(JSON.parse(res.body).user).toMatchObject({
      username: 'expert',
      role: 'expert',
      regionName: '浙江省湖州市吴兴区',
    });
  });

  it('signs out at once: the same cookie is refused afterwards', async () => {
    const c = await p.signIn('expert');
    expect((await c.get('/api/auth/me')).status).toBe(200);
    expect((await c.post('/api/auth/logout')).status).toBe(200);
    const after = await c.get('/api/auth/me');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('ends a session idle for longer than 30 minutes, but not one in use', async () => {
    const active = await p.signIn('reviewer');
    const idle = await p.signIn('reviewer');
    for (let i = 0; i < 3; i++) {
      p.clock.advanceMinutes(20);
      expect((await active.get('/api/auth/me')).status).toBe(200);
    }
    expect((await idle.get('/api/auth/me')).status).toBe(401);
    p.clock.advanceMinutes(31);
    expect((await active.get('/api/auth/me')).status).toBe(401);
  });

  it('ends every session after 12 hours however active it is', async () => {
    const c = await p.signIn('provider');
    for (let minutes = 0; minutes < 12 * 60 - 20; minutes += 20) {
      p.clock.advanceMinutes(20);
      expect((await c.get('/api/auth/me')).status, `after ${minutes + 20} min`).toBe(200);
    }
    p.clock.advanceMinutes(25);
    expect((await c.get('/api/auth/me')).status).toBe(401);
  });

  it('locks an account for 15 minutes after 5 failed attempts, even for the right password', async () => {
    const login = (password: string) =>
      p.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'institution', password },
      });
    for (let i = 0; i < 4; i++) {
      const res = await login('wrong-password-1');
      expect(res.statusCode).toBe(401);
      expect(JSON.parse(res.body).error.code).toBe('AUTH_INVALID_CREDENTIALS');
    }
    const fifth = await login('wrong-password-1');
    expect(fifth.statusCode).toBe(423);
    const locked = await login(DEMO_PASSWORD);
    expect(locked.statusCode).toBe(423);
    expect(JSON.parse(locked.body).error).toMatchObject({ code: 'AUTH_ACCOUNT_LOCKED' });
    expect(JSON.parse(locked.body).error.message).toContain('15分钟');
    p.clock.advanceMinutes(14);
    expect((await login(DEMO_PASSWORD)).statusCode).toBe(423);
    p.clock.advanceMinutes(2);
    expect((await login(DEMO_PASSWORD)).statusCode).toBe(200);
    const audit = await (await p.signIn('auditor')).get('/api/audit?action=auth.lock');
    expect(audit.body.items.length).toBe(1);
  });

  it('rate-limits an address that keeps failing, across accounts', async () => {
    const from = (ip: string, username: string) =>
      p.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: ip,
        payload: { username, password: 'not-the-password-9' },
      });
    for (let i = 0; i < p.config.login.ipMaxFailures; i++) {
      expect((await from('203.0.113.9', `nobody${i}`)).statusCode).toBe(401);
    }
    const limited = await from('203.0.113.9', 'operator');
    expect(limited.statusCode).toBe(429);
    expect(JSON.parse(limited.body).error.code).toBe('AUTH_IP_RATE_LIMITED');
    expect((await from('198.51.100.7', 'nobody')).statusCode).toBe(401);
    p.clock.advanceMinutes(16);
    expect((await from('203.0.113.9', 'nobody')).statusCode).toBe(401);
  });

  it('changing the password ends the other sessions and keeps this one', async () => {
    const here = await p.signIn('enterprise');
    const elsewhere = await p.signIn('enterprise');
    const wrong = await here.post('/api/auth/password', {
      currentPassword: 'not-it-123',
      newPassword: 'brand-New-2027',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('AUTH_WRONG_CURRENT_PASSWORD');
    const weak = await here.post('/api/auth/password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'short',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.error.fields[0]).toMatchObject({ path: 'body.newPassword' });
    expect(weak.body.error.fields[0].message).toContain('密码至少10位');

    const res = await here.post('/api/auth/password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'brand-New-2027',
    });
    expect(res.status).toBe(200);
    expect((await here.get('/api/auth/me')).status).toBe(200);
    expect((await elsewhere.get('/api/auth/me')).status).toBe(401);
    await expect(p.signIn('enterprise')).rejects.toThrow(/401/);
    expect((await p.signIn('enterprise', 'brand-New-2027')).cookie).toBeTruthy();

    const audit = await (await p.signIn('auditor')).get('/api/audit?action=user.password.change');
    const row = audit.body.items[0];
    expect(row.actorName).toBe('周建华');
    expect(row.changes.password).toEqual({ from: '[redacted]', to: '[redacted]' });
    expect(JSON.stringify(row)).not.toContain('brand-New-2027');
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const c = await p.signIn('operator');
    const res = await c.request('POST', '/api/auth/logout', {}, { 'x-csrf-token': 'forged' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('CSRF_TOKEN_INVALID');
    expect((await c.get('/api/auth/me')).status).toBe(200);
  });

  it('signs in with a mobile number as well as a username', async () => {
    const admin = await p.signIn('admin');
    const created = await admin.post('/api/users', {
      username: 'mobile.user',
      displayName: '手机用户',
      mobile: '+86 139-1234-5678',
      role: 'expert',
      regionCode: '330503',
      password: 'mobile-Login-2026',
    });
    expect(created.status).toBe(201);
    expect(created.body.mobile).toBe('139****5678');
    const res = await p.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: '13912345678', password: 'mobile-Login-2026' },
    });
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body).user.username).toBe('mobile.user');
    const found = await admin.get('/api/users?q=139-1234-5678');
    expect(found.body.items.map((u: { username: string }) => u.username)).toEqual(['mobile.user']);
  });
});
