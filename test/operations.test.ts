import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestPlatform, testPlatform } from './support/platform.ts';

describe('operations endpoints', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await testPlatform({ demo: false });
  });
  afterAll(() => p.close());

  it('answers health and readiness', async () => {
    expect((await p.anonymous().get('/healthz')).body).toEqual({ status: 'ok' });
    expect((await p.anonymous().get('/readyz')).body).toEqual({ status: 'ready' });
  });

  it('exposes Prometheus metrics including request durations', async () => {
    await p.anonymous().get('/healthz');
    const res = await p.anonymous().get('/metrics');
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('text/plain');
    expect(res.body).toContain('caiqiao_http_request_duration_seconds_bucket');
    expect(res.body).toMatch(
      /caiqiao_http_requests_total\{method="GET",route="\/healthz",status="200"\} \d+/,
    );
  });

  it('answers metrics to this machine only, not to a caller on another host', async () => {
    const outside = await p.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '203.0.113.7' });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.code).toBe('METRICS_FORBIDDEN');
    expect(outside.body).not.toContain('caiqiao_');
    const token = await p.app.inject({
      method: 'GET',
      url: '/metrics',
      remoteAddress: '203.0.113.7',
      headers: { authorization: 'Bearer anything-at-all-long' },
    });
    expect(token.statusCode).toBe(403);
  });

  it('serves the OpenAPI document with every API route and its schemas', async () => {
    const res = await p.anonymous().get('/api/docs/json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    for (const route of p.routes().filter((r) => r.url.startsWith('/api/'))) {
      const path = route.url.replace(/:(\w+)/g, '{$1}');
      expect(res.body.paths[path], path).toBeDefined();
    }
    const login = res.body.paths['/api/auth/login'].post;
    expect(login.requestBody.content['application/json'].schema.required).toEqual(['username', 'password']);
    expect((await p.anonymous().get('/api/docs')).status).toBeLessThan(400);
  });

  it('gives every response a request id, and keeps a sane one the client sent', async () => {
    const own = await p.anonymous().request('GET', '/healthz', undefined, { 'x-request-id': 'lb-1234' });
    expect(own.headers['x-request-id']).toBe('lb-1234');
    const hostile = await p
      .anonymous()
      .request('GET', '/api/nowhere', undefined, { 'x-request-id': '<script>' });
    expect(hostile.headers['x-request-id']).not.toBe('<script>');
    expect(hostile.body.requestId).toBe(hostile.headers['x-request-id']);
  });

  it('starts without demo data when asked, and the catalogue grants exist', async () => {
    const roles = await p.access.listRoles();
    expect(roles.items.find((r) => r.role === 'auditor')!.permissions).toContain('audit.read');
    const users = await p.database.rows<{ n: number }>(sql`select count(*)::int as n from users`);
    expect(users[0]!.n).toBe(0);
  });
});

describe('metrics for a collector on another host', () => {
  const METRICS_TOKEN = 'collector-token-2026-abcdef';
  let p: TestPlatform;
  beforeAll(async () => {
    p = await testPlatform({ demo: false, config: { metricsToken: METRICS_TOKEN } });
  });
  afterAll(() => p.close());

  it('answers the bearer of METRICS_TOKEN and no other', async () => {
    const ask = (authorization?: string) =>
      p.app.inject({
        method: 'GET',
        url: '/metrics',
        remoteAddress: '198.51.100.20',
        ...(authorization ? { headers: { authorization } } : {}),
      });
    expect((await ask(`Bearer ${METRICS_TOKEN}`)).statusCode).toBe(200);
    expect((await ask(`Bearer ${METRICS_TOKEN}x`)).statusCode).toBe(403);
    expect((await ask()).statusCode).toBe(403);
  });
});
