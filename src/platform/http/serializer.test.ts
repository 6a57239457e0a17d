import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type TestPlatform, testPlatform } from '../../../test/support/platform.ts';
import { createHttpApp } from './app.ts';
import { compilesToJsonSchema, forFastJsonStringify, responseSerializerCompiler } from './serializer.ts';

const view = z.object({
  id: z.string(),
  name: z.string(),
  title: z.object({ code: z.string(), name: z.string() }).nullable(),
  mobile: z.string().nullable(),
  tags: z.array(z.string()),
  kind: z.enum(['station', 'workstation']),
  amount: z.number().nullable(),
  count: z.number().int(),
  note: z.string().optional(),
  byMonth: z.record(z.string(), z.number()),
  archived: z.boolean(),
});

async function appWith(checkResponses: boolean) {
  const { app } = await createHttpApp({
    logLevel: 'silent',
    bodyLimitBytes: 1024,
    trustProxy: false,
    webDir: undefined,
    checkResponses,
    sessions: { resolve: async () => null },
    ready: async () => true,
  });
  let reply: unknown;
  app.get(
    '/api/thing',
    { config: { access: 'public' }, schema: { response: { 200: view } } },
    async () => reply as z.infer<typeof view>,
  );
  await app.ready();
  return {
    get: async (value: unknown) => {
      reply = value;
      const res = await app.inject({ method: 'GET', url: '/api/thing' });
      return { status: res.statusCode, body: res.body };
    },
    close: () => app.close(),
  };
}

const row = {
  id: 'a1',
  name: '陈志远 "quoted" \\ 换行\n',
  title: { code: 'T1', name: '教授' },
  mobile: '139****2295',
  tags: ['复合材料'],
  kind: 'station',
  amount: null,
  count: 3,
  byMonth: { '2026-01': 2 },
  archived: false,
};

describe('response serialisation from the zod schemas', () => {
  it('writes what JSON.stringify would, and only the schema’s fields', async () => {
    const app = await appWith(false);
    const sealed = {
      ...row,
      mobileEnc: 'ciphertext',
      mobileHash: 'hash',
      title: { ...row.title, secret: 1 },
    };
    const res = await app.get(sealed);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual(row);
    expect(res.body).not.toContain('ciphertext');
    expect(res.body).not.toContain('secret');
    expect((await app.get({ ...row, title: null, note: '备注' })).body).toBe(
      JSON.stringify({ ...row, title: null, note: '备注' }),
    );
    await app.close();
  });

  it('with checks on, a reply that does not fit its schema is an error, not a guess', async () => {
    const app = await appWith(true);
    expect((await app.get(row)).status).toBe(200);
    // Without the check an integer is truncated and a missing nullable field refused by name;
    // with it zod's own refusal stands, as it did before.
    expect((await app.get({ ...row, count: 2.5 })).status).toBe(500);
    expect((await app.get({ ...row, kind: 'elsewhere' })).status).toBe(500);
    expect((await app.get({ ...row, tags: 'one' })).status).toBe(500);
    await app.close();
  });

  it('writes each branch of a union by its own fields (a profile is a talent’s or an enterprise’s)', () => {
    const profile = z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('talent'), name: z.string(), title: z.string().nullable() }),
      z.object({ kind: z.literal('enterprise'), name: z.string(), creditCode: z.string() }),
    ]);
    const write = responseSerializerCompiler({ check: true })({ schema: profile, method: 'GET', url: '/p' });
    const enterprise = { kind: 'enterprise', name: '湖州新材料', creditCode: '91330500MA2B' };
    const talent = { kind: 'talent', name: '陈志远', title: null };
    expect(JSON.parse(write({ ...enterprise, mobileEnc: 'sealed' }))).toEqual(enterprise);
    expect(JSON.parse(write(talent))).toEqual(talent);
  });

  it('turns zod’s “or null” into a nullable type and drops what only constrains', () => {
    const json = z.toJSONSchema(view, { target: 'draft-7', io: 'output' });
    const fast = forFastJsonStringify(json) as { properties: Record<string, Record<string, unknown>> };
    expect(fast.properties.title).toMatchObject({ type: 'object', nullable: true });
    expect(fast.properties.mobile).toEqual({ type: 'string', nullable: true });
    expect(fast.properties.kind).toEqual({ type: 'string', enum: ['station', 'workstation'] });
    expect(fast.properties.count).toEqual({ type: 'integer' });
    expect(JSON.stringify(fast)).not.toContain('anyOf');
  });

  describe('every route of the platform', () => {
    let p: TestPlatform;
    beforeAll(async () => {
      p = await testPlatform();
    });
    afterAll(() => p.close());

    it('has its reply schemas written by fast-json-stringify', () => {
      const throughZod: string[] = [];
      let schemas = 0;
      for (const route of p.routes()) {
        for (const [status, schema] of Object.entries(route.responses)) {
          schemas++;
          if (!compilesToJsonSchema(schema as z.ZodType))
            throughZod.push(`${route.method} ${route.url} ${status}`);
        }
      }
      expect(schemas).toBeGreaterThan(100);
      expect(throughZod).toEqual([]);
    });
  });
});
