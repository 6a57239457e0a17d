import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestPlatform, testPlatform } from '../../../test/support/platform.ts';

const validUser = {
  username: 'new.expert',
  displayName: '新专家',
  role: 'expert',
  regionCode: '330502',
  password: 'valid-Pass-2026',
};

describe('malformed requests', () => {
  let p: TestPlatform;
  let admin: Client;
  beforeAll(async () => {
    p = await testPlatform();
    admin = await p.signIn('admin');
  });
  afterAll(() => p.close());

  const cases: {
    name: string;
    method: string;
    url: string;
    body?: string;
    headers?: Record<string, string>;
    status: number;
    code: string;
    field?: string;
  }[] = [
    {
      name: 'wrong type',
      method: 'POST',
      url: '/api/users',
      body: JSON.stringify({ ...validUser, username: 123 }),
      status: 400,
      code: 'VALIDATION_FAILED',
      field: 'body.username',
    },
    {
      name: 'missing field',
      method: 'POST',
      url: '/api/users',
      body: JSON.stringify({ ...validUser, role: undefined }),
      status: 400,
      code: 'VALIDATION_FAILED',
      field: 'body.role',
    },
    {
      name: 'unknown field',
      method: 'POST',
      url: '/api/users',
      body: JSON.stringify({ ...validUser, isAdmin: true }),
      status: 400,
      code: 'VALIDATION_FAILED',
      field: 'body',
    },
    {
      name: 'unknown region code',
      method: 'POST',
      url: '/api/users',
      body: JSON.stringify({ ...validUser, regionCode: '339999' }),
      status: 400,
      code: 'VALIDATION_FAILED',
      field: 'body.regionCode',
    },
    {
      name: 'bad mobile',
      method: 'POST',
      url: '/api/users',
      body: JSON.stringify({ ...validUser, mobile: '12345' }),
      status: 400,
      code: 'VALIDATION_FAILED',
      field: 'body.mobile',
    },
    {
      name: 'broken JSON',
      method: 'POST',
      url: '/api/users',
      body: '{"username": "x",',
      status: 400,
      code: 'MALFORMED_JSON',
    },
    {
      name: 'empty JSON body',
      method: 'POST',
      url: '/api/users',
      body: '',
      status: 400,
      code: 'MALFORMED_JSON',
    },
    {
      name: 'JSON null',
      method: 'POST',
      url: '/api/users',
      body: 'null',
      status: 400,
      code: 'VALIDATION_FAILED',
    },
    {
      name: 'huge body',
      method: 'POST',
      url: '/api/users',
      body: JSON.stringify({ ...validUser, displayName: 'x'.repeat(2 * 1024 * 1024) }),
      status: 413,
      code: 'BODY_TOO_LARGE',
    },
    {
      name: 'unsupported content type',
      method: 'POST',
      url: '/api/users',
      body: 'username=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    },
    {
      name: 'bad query value',
      method: 'GET',
      url: '/api/users?page=-1',
      status: 400,
      code: 'VALIDATION_FAILED',
      field: 'query.page',
    },
    {
      name: 'unknown query parameter',
      method: 'GET',
      url: '/api/users?sort=evil',
      status: 400,
      code: 'VALIDATION_FAILED',
      field: 'query',
    },
    {
      name: 'bad id in path',
      method: 'GET',
      url: '/api/users/not-a-uuid',
      status: 400,
      code: 'VALIDATION_FAILED',
      field: 'params.id',
    },
    { name: 'unknown route', method: 'GET', url: '/api/nothing-here', status: 404, code: 'ROUTE_NOT_FOUND' },
    { name: 'unknown method', method: 'DELETE', url: '/api/auth/me', status: 404, code: 'ROUTE_NOT_FOUND' },
  ];

  for (const c of cases) {
    it(`${c.name}: ${c.status} ${c.code}`, async () => {
      const before = await p.tableCounts();
      const res = await admin.request(c.method, c.url, c.body, {
        ...(c.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...c.headers,
      });
      expect(res.status).toBe(c.status);
      expect(res.body.error.code).toBe(c.code);
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
      expect(res.body.requestId).toBeTruthy();
      if (c.field) {
        const paths = res.body.error.fields.map((f: { path: string }) => f.path);
        expect(paths).toContain(c.field);
      }
      expect(await p.tableCounts()).toEqual(before);
    });
  }

  it('names the unknown field and never echoes the input back', async () => {
    const res = await admin.request('POST', '/api/users', JSON.stringify({ ...validUser, isAdmin: true }));
    expect(res.body.error.fields[0].message).toContain('isAdmin');
    const secret = await admin.request('POST', '/api/users', JSON.stringify({ ...validUser, password: 'a' }));
    expect(JSON.stringify(secret.body)).not.toContain('"a"');
  });

  it('answers in English when the language cookie says so', async () => {
    const res = await admin.request('POST', '/api/users', '{"username": 1}', {
      cookie: `${admin.cookie}; caiqiao_lang=en-US`,
    });
    expect(res.body.error.message).toBe('The request has invalid fields');
    expect(res.body.error.fields[0].message).toMatch(/expected string/i);
  });

  it('never answers 500, whatever body is sent to any route', async () => {
    const garbage = [
      'null',
      '[]',
      '"text"',
      '12',
      '{"page": {"$gt": 1}}',
      '{"__proto__": {"x": 1}}',
      '{}',
      '{"a":',
    ];
    for (const route of p.routes().filter((r) => r.url.startsWith('/api/') && r.method !== 'GET')) {
      if (route.url === '/api/auth/logout') continue;
      const url = route.url.replace(/:(\w+)/g, 'x');
      for (const body of garbage) {
        const res = await admin.request(route.method, url, body, { 'content-type': 'application/json' });
        expect(res.status, `${route.method} ${url} ${body}`).toBeLessThan(500);
      }
    }
  });
});
