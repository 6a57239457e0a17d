import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../src/demo/seed.ts';
import {
  DEFAULT_GRANTS,
  grantAllowed,
  type Permission,
  ROLES,
  type Role,
} from '../src/platform/access/permissions.ts';
import { createHttpApp } from '../src/platform/http/app.ts';
import type { RouteEntry } from '../src/platform/http/types.ts';
import { type Client, type TestPlatform, testPlatform } from './support/platform.ts';

/**
 * Every registered route × every role. The route table comes from the app
 * itself, so routes added by later modules are covered without editing this file.
 */

/** Valid requests for some routes, so a forbidden caller is refused even when the input is perfect. */
const EXAMPLES: Record<string, () => unknown> = {
  'POST /api/users': () => ({
    username: `m${randomUUID().slice(0, 8)}`,
    displayName: '矩阵测试',
    role: 'expert',
    regionCode: '330502',
    password: 'matrix-Test-2026',
  }),
  // Sets the reviewer's grants to what they are, so later roles' cells still see the defaults.
  'PUT /api/roles/:role/permissions': () => ({ permissions: DEFAULT_GRANTS.reviewer }),
  'POST /api/users/:id/password': () => ({ newPassword: 'matrix-Reset-2026' }),
  'POST /api/lists/demands': () => ({ code: `M-${randomUUID().slice(0, 8)}`, title: '矩阵测试需求' }),
  'POST /api/lists/talent-demands': () => ({ code: `M-${randomUUID().slice(0, 8)}`, title: '矩阵测试岗位' }),
  'POST /api/lists/achievements': () => ({ code: `M-${randomUUID().slice(0, 8)}`, title: '矩阵测试成果' }),
  'POST /api/orders': () => ({ demandId: randomUUID() }),
  'POST /api/orders/:id/transition': () => ({ action: 'cancel', version: 1, reason: '矩阵测试' }),
  'POST /api/orders/:id/visits': () => ({ visitedOn: '2026-03-01', summary: '矩阵测试' }),
  'POST /api/teams': () => ({ name: '矩阵测试团队', regionCode: '330502', leaderTalentId: randomUUID() }),
  'POST /api/activities': () => ({
    kind: 'forum',
    title: '矩阵测试活动',
    startsAt: '2026-03-20T09:00:00+08:00',
    endsAt: '2026-03-20T12:00:00+08:00',
    regionCode: '330502',
  }),
  'POST /api/activities/:id/transition': () => ({ action: 'publish', version: 1 }),
  'POST /api/activities/:id/registrations/:registrationId': () => ({ action: 'approve' }),
  'POST /api/activities/:id/check-in': () => ({ registrationId: randomUUID() }),
  'POST /api/activities/:id/outcomes': () => ({ kind: 'contact', count: 3 }),
  'POST /api/activities/:id/meetings/:meetingId': () => ({ action: 'accept', version: 1 }),
  'POST /api/activities/:id/applications/:applicationId': () => ({ status: 'intent' }),
  'POST /api/teams/:id/archive': () => ({ archived: true, version: 1 }),
  'PUT /api/registry/talents/:id/account': () => ({ username: null }),
  'PUT /api/teams/:id': () => ({
    name: '矩阵测试团队',
    regionCode: '330502',
    leaderTalentId: randomUUID(),
    version: 1,
  }),
};

const PARAMS: Record<string, string> = { role: 'reviewer' };

function concreteUrl(route: RouteEntry): string {
  return route.url.replace(/:(\w+)/g, (_m, name: string) => PARAMS[name] ?? randomUUID());
}

function allowed(role: Role, route: RouteEntry): boolean {
  if (route.access === 'public' || route.access === 'authenticated') return true;
  const permission = route.access as Permission;
  return DEFAULT_GRANTS[role].includes(permission) && grantAllowed(role, permission);
}

describe('authorisation matrix', () => {
  let p: TestPlatform;
  let routes: RouteEntry[];
  beforeAll(async () => {
    p = await testPlatform();
    routes = p.routes().filter((r) => r.url.startsWith('/api/'));
  });
  afterAll(() => p.close());

  it('knows the foundation routes and gives every one a declared access', () => {
    const keys = routes.map((r) => `${r.method} ${r.url}`);
    for (const expected of [
      'POST /api/auth/login',
      'GET /api/auth/me',
      'GET /api/audit',
      'POST /api/users',
    ]) {
      expect(keys).toContain(expected);
    }
    for (const route of routes) expect(route.access, `${route.method} ${route.url}`).toBeTruthy();
  });

  it('refuses to register a route that does not declare who may call it', async () => {
    const { app } = await createHttpApp({
      logLevel: 'silent',
      bodyLimitBytes: 1024,
      trustProxy: false,
      webDir: undefined,
      checkResponses: true,
      sessions: { resolve: async () => null },
      ready: async () => true,
    });
    expect(() => app.get('/api/undeclared', async () => ({}))).toThrow(/declares no access/);
    await app.close();
  });

  it('answers 401 to anonymous callers on every non-public route', async () => {
    const anonymous = p.anonymous();
    for (const route of routes.filter((r) => r.access !== 'public')) {
      const res = await anonymous.request(
        route.method,
        concreteUrl(route),
        route.method === 'GET' ? undefined : {},
      );
      expect(res.status, `${route.method} ${route.url}`).toBe(401);
      expect(res.body.error.code).toBe('UNAUTHENTICATED');
    }
  });

  for (const role of ROLES) {
    it(`${role}: forbidden cells answer 403 and change nothing; allowed cells pass the gate`, async () => {
      const account = DEMO_ACCOUNTS.find((a) => a.role === role)!;
      let client: Client = await p.signIn(account.username);
      const forbidden = routes.filter((r) => !allowed(role, r));
      const before = await p.tableCounts();
      for (const route of forbidden) {
        const example = EXAMPLES[`${route.method} ${route.url}`];
        const body = route.method === 'GET' ? undefined : (example?.() ?? {});
        const res = await client.request(route.method, concreteUrl(route), body);
        expect(res.status, `${role} ${route.method} ${route.url}`).toBe(403);
        expect(res.body.error.code).toBe('FORBIDDEN');
      }
      expect(await p.tableCounts()).toEqual(before);

      for (const route of routes.filter((r) => allowed(role, r) && r.access !== 'public')) {
        const example = EXAMPLES[`${route.method} ${route.url}`];
        const body = route.method === 'GET' ? undefined : (example?.() ?? {});
        const res = await client.request(route.method, concreteUrl(route), body);
        const cell = `${role} ${route.method} ${route.url} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`;
        expect([401, 403], cell).not.toContain(res.status);
        expect(res.status, cell).toBeLessThan(500);
        // Signing out (or a password change) ends the session: sign in again for the next cell.
        if (route.url === '/api/auth/logout') client = await p.signIn(account.username);
      }
    });
  }

  it('holds separation of duties: only the auditor reads the audit log, and the auditor changes nothing', async () => {
    const admin = await p.signIn('admin');
    expect((await admin.get('/api/audit')).status).toBe(403);
    const grant = await admin.put('/api/roles/admin/permissions', {
      permissions: ['audit.read', 'users.read'],
    });
    expect(grant.status).toBe(400);
    expect(grant.body.error.code).toBe('GRANT_VIOLATES_SEPARATION');
    const writeToAuditor = await admin.put('/api/roles/auditor/permissions', {
      permissions: ['audit.read', 'users.manage'],
    });
    expect(writeToAuditor.body.error.code).toBe('GRANT_VIOLATES_SEPARATION');
    const auditor = await p.signIn('auditor');
    expect((await auditor.get('/api/audit')).status).toBe(200);
    expect((await auditor.post('/api/users', EXAMPLES['POST /api/users']!())).status).toBe(403);
  });

  it('applies an edited grant: a permission taken from a role is refused at once', async () => {
    const admin = await p.signIn('admin');
    const operator = await p.signIn('operator');
    expect((await operator.get('/api/users')).status).toBe(200);
    const roles = await admin.get('/api/roles');
    const current: string[] = roles.body.items.find(
      (r: { role: string }) => r.role === 'operator',
    ).permissions;
    const res = await admin.put('/api/roles/operator/permissions', {
      permissions: current.filter((x) => x !== 'users.read'),
    });
    expect(res.status).toBe(200);
    expect(res.body.permissions).not.toContain('users.read');
    // The grants cache lives for a few seconds; a fresh read after the edit sees the change in this process.
    expect((await operator.get('/api/users')).status).toBe(403);
    const audit = await (await p.signIn('auditor')).get('/api/audit?entity=role&entityId=operator');
    expect(audit.body.items[0].action).toBe('role.permissions.set');
    expect(audit.body.items[0].changes.permissions.from).toContain('users.read');
    expect(audit.body.items[0].changes.permissions.to).not.toContain('users.read');
  });
});
