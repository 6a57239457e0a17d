import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type Client, type TestPlatform, testPlatform, upload } from '../../../test/support/platform.ts';
import { createHttpApp } from './app.ts';

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
    {
      name: 'a path that does not decode',
      method: 'GET',
      url: '/api/users/%E4%B8',
      status: 400,
      code: 'URL_INVALID',
    },
    {
      name: 'a path parameter over the router’s limit',
      method: 'GET',
      url: `/api/users/${'x'.repeat(500)}`,
      status: 414,
      code: 'URL_TOO_LONG',
    },
    {
      name: 'a version past PostgreSQL’s integer',
      method: 'PATCH',
      url: '/api/users/00000000-0000-4000-8000-000000000000',
      body: JSON.stringify({ version: 2 ** 31, displayName: '版本' }),
      status: 400,
      code: 'VALIDATION_FAILED',
      field: 'body.version',
    },
    {
      name: 'a date that does not exist, in a query',
      method: 'GET',
      url: '/api/activities?from=2026-02-30',
      status: 400,
      code: 'VALIDATION_FAILED',
      field: 'query.from',
    },
    {
      name: 'a month that does not exist, in a period',
      method: 'GET',
      url: '/api/insights/dashboard?from=2026-13-01',
      status: 400,
      code: 'VALIDATION_FAILED',
      field: 'query.from',
    },
    {
      name: 'a date that does not exist, in a body',
      method: 'POST',
      url: '/api/lists/demands',
      body: JSON.stringify({ code: 'D-DATE', title: '日期', deadline: '2026-02-30' }),
      status: 400,
      code: 'VALIDATION_FAILED',
      field: 'body.deadline',
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

  describe('control characters (PostgreSQL refuses NUL)', () => {
    const refused = [
      ['NUL in q', 'GET', '/api/registry/talents?q=a%00b', undefined, 'query.q'],
      ['NUL in industry', 'GET', '/api/lists/demands?industry=%00', undefined, 'query.industry'],
      ['NUL in a path parameter', 'PUT', '/api/dictionaries/industry/A%00', { name: '测试' }, 'params.code'],
      [
        'a control character in a free-text field',
        'POST',
        '/api/lists/demands',
        { code: 'N-1', title: '需求\u0001' },
        'body.title',
      ],
      [
        'NUL in a nested field',
        'POST',
        '/api/lists/demands',
        { code: 'N-2', title: '需求', keywords: ['好', 'a\u0000'] },
        'body.keywords.1',
      ],
      ['NUL in a key', 'POST', '/api/lists/demands', { code: 'N-3', title: '需求', 'x\u0000': 1 }, 'body.x?'],
      // Half a surrogate pair is no character; PGlite refused it as invalid UTF-8 (a 500).
      ['a lone surrogate', 'PUT', '/api/dictionaries/industry/A01', { name: '农业\ud800' }, 'body.name'],
    ] as const;
    for (const [name, method, url, body, field] of refused) {
      it(`${name}: 400 VALIDATION_FAILED on ${field}`, async () => {
        const before = await p.tableCounts();
        const res = await admin.request(method, url, body === undefined ? undefined : JSON.stringify(body));
        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe('VALIDATION_FAILED');
        expect(res.body.error.fields).toContainEqual({
          path: field,
          message: expect.stringMatching(/控制字符|无法识别的字符/),
        });
        expect(await p.tableCounts()).toEqual(before);
      });
    }

    it('keeps tabs and new lines in free text', async () => {
      const description = '第一行\n\t第二行\r\n第三行';
      const res = await admin.post('/api/lists/demands', {
        code: 'N-TAB',
        title: '带换行的需求',
        description,
      });
      expect(res.status).toBe(201);
      expect(res.body.description).toBe(description);
    });
  });

  describe('multipart uploads that are not', () => {
    const uploads = () =>
      p
        .routes()
        .filter(
          (r) =>
            r.method === 'POST' && /\/imports\/|\/batch$|\/attachments$|registrations\/import$/.test(r.url),
        );

    it('finds all 19 upload routes', () => {
      expect(uploads()).toHaveLength(19);
    });

    it('answers 400 UPLOAD_MALFORMED for no boundary and for a truncated body, on every upload route', async () => {
      const activity = (await admin.get('/api/activities')).body.items[0].id;
      for (const route of uploads()) {
        // Real ids where the route needs them, so the upload itself is what is read.
        // (The registrations and outcomes imports name their activity in the query string.)
        const url =
          route.url.replace(':id', activity).replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000') +
          (/\/activity-(registrations|outcomes)$/.test(route.url) ? `?activityId=${activity}` : '');
        const head =
          '--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\nPK\u0003\u0004';
        const bodies: [string, string, string][] = [
          ['no boundary', 'multipart/form-data', head],
          ['truncated in the file', 'multipart/form-data; boundary=XyZ', head],
          [
            'truncated in the headers',
            'multipart/form-data; boundary=XyZ',
            '--XyZ\r\nContent-Disposition: form-da',
          ],
        ];
        for (const [name, type, body] of bodies) {
          const res = await admin.request('POST', url, body, { 'content-type': type });
          const what = `${route.url}: ${name}`;
          expect(res.status, what).toBe(400);
          // Cut before a file starts, there is simply no file (the route's own "no file" code).
          if (name !== 'truncated in the headers') expect(res.body.error.code, what).toBe('UPLOAD_MALFORMED');
          expect(res.body.error.message, what).toMatch(/[\u4e00-\u9fff]/);
        }
      }
    });

    it('keeps control characters out of an uploaded file name, and a long one keeps its extension', async () => {
      const sheet = Buffer.from('代码,名称\nZZ1,测试荣誉\n');
      const res = await upload(admin, '/api/imports/dictionary.honour', 'a\u0000b.csv', sheet);
      expect(res.status).toBe(200);
      expect(res.body.fileName).toBe('ab.csv');
      // A 300-character name was stored cut to 200, without its .csv: the preview passed, the commit failed.
      const long = await upload(admin, '/api/imports/dictionary.honour', `${'长'.repeat(300)}.csv`, sheet);
      expect(long.status).toBe(200);
      expect(long.body.fileName).toBe(`${'长'.repeat(196)}.csv`);
      const emoji = await upload(admin, '/api/imports/dictionary.honour', `${'😀'.repeat(150)}.csv`, sheet);
      expect(emoji.body.fileName).toBe(`${'😀'.repeat(98)}.csv`);
      expect((await admin.post(`/api/import-jobs/${long.body.id}/commit`)).status).toBe(202);
      let job = long.body;
      for (let i = 0; i < 50 && !['committed', 'failed'].includes(job.status); i++) {
        await new Promise((r) => setTimeout(r, 100));
        job = (await admin.get(`/api/import-jobs/${long.body.id}`)).body;
      }
      expect(job).toMatchObject({ status: 'committed', error: null });
    });
  });

  describe('validation a route does itself', () => {
    it('any ZodError that reaches the error handler is VALIDATION_FAILED with its fields', async () => {
      const { app } = await createHttpApp({
        logLevel: 'silent',
        bodyLimitBytes: 1024,
        trustProxy: false,
        webDir: undefined,
        checkResponses: true,
        sessions: { resolve: async () => null },
        ready: async () => true,
      });
      app.post('/api/parses-itself', { config: { access: 'public' } }, async (request) =>
        z.strictObject({ count: z.number() }).parse(request.body),
      );
      const res = await app.inject({ method: 'POST', url: '/api/parses-itself', payload: { count: 'x' } });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'count' }] });
      await app.close();
    });

    it('PATCH /api/profile with an unknown field: 400 VALIDATION_FAILED naming it', async () => {
      const expert = await p.signIn('expert');
      const profile = (await expert.get('/api/profile')).body;
      const res = await expert.patch('/api/profile', { version: profile.record.version, isAdmin: true });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.fields).toEqual([{ path: 'body', message: expect.stringContaining('isAdmin') }]);
      const wrongType = await expert.patch('/api/profile', {
        version: profile.record.version,
        researchInterests: 7,
      });
      expect(wrongType.status).toBe(400);
      expect(wrongType.body.error.fields[0].path).toBe('body.researchInterests');
    });
  });
});
