/**
 * A fuzzer for the whole HTTP API: every route the running app registered, called as several
 * signed-in roles with malformed input, checking that no answer is a 5xx and that every 4xx has
 * the error shape (a stable code and a message in the caller's language).
 *
 * Inputs start from the route's own schema (the OpenAPI document the app emits) — a plausible
 * request, with ids of real records collected from earlier answers — and then one thing is
 * broken: a field's type or value (NUL and control characters, huge strings, negative and huge
 * numbers, bad uuids, dates that do not exist), the shape (unknown keys, missing fields, another
 * top-level type), the bytes (truncated or invalid JSON, invalid UTF-8, deep nesting), the content
 * type, a multipart upload (no boundary, truncated, odd files and file names, sheets whose cells
 * are garbage), the query string or a path parameter.
 *
 * Used by test/fuzz.test.ts (a fast slice in CI) and bench/fuzz.ts (`npm run fuzz`, ≥ 10,000).
 * It imports nothing of vitest, so a plain script can run it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';

/** What the fuzzer needs of the app: Fastify's inject and the OpenAPI document. */
export interface FuzzApp {
  inject(options: {
    method: string;
    url: string;
    headers?: Record<string, string>;
    payload?: string | Buffer;
    remoteAddress?: string;
  }): Promise<{ statusCode: number; body: string; rawPayload: Buffer; headers: Record<string, unknown> }>;
  swagger(): unknown;
}

export interface FuzzRoute {
  method: string;
  url: string;
  /** The route's declared access: 'public', 'authenticated' or a permission. */
  access?: string;
}

export interface FuzzOptions {
  app: FuzzApp;
  /** The app's routes (`platform.routes()`); those outside /api are called too. */
  routes: readonly FuzzRoute[];
  /**
   * Demo usernames to call as, signed in with `password`. Each request goes to a role that may
   * call the route (so that the input is what is tested), one in ten to any role.
   */
  roles: readonly string[];
  password: string;
  requests: number;
  seed?: number;
  /** A request taking longer than this is a failure (a hang). Default 30 s. */
  timeoutMs?: number;
  onProgress?: (done: number, report: FuzzReport) => void;
  /** A directory to write each failure's whole request to (`<n>.json` and the body as `<n>.body`). */
  dumpDir?: string;
  /** Only the routes whose `METHOD /url` matches (to chase one failure); all by default. */
  only?: RegExp;
  /**
   * Spread the time rather than the requests: a route that has taken more than three times the
   * median route's time so far gives its turn to the next (uploads read in a worker thread cost
   * ten times a validation error). For a fast slice; off by default (every route the same count).
   */
  balanceTime?: boolean;
}

export interface FuzzFailure {
  why: string;
  role: string;
  strategy: string;
  method: string;
  url: string;
  contentType: string | undefined;
  payload: string;
  status: number;
  answer: string;
}

export interface FuzzReport {
  total: number;
  byStatus: Record<string, number>;
  byStrategy: Record<string, Record<string, number>>;
  /** Routes (METHOD template) called, with how many calls each. */
  byRoute: Record<string, number>;
  failures: FuzzFailure[];
  /** Sessions that had to be signed in again (a fuzzed request ended one). */
  resignIns: number;
  /** Milliseconds spent per route, warm-up included. */
  msByRoute: Record<string, number>;
}

/* ------------------------------------------------------------------ randomness */

type Rng = () => number;

function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  constructor(readonly next: Rng) {}
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  /** One of the keys, with probability proportional to its weight. */
  weighted<K extends string>(weights: Record<K, number>): K {
    const entries = Object.entries(weights) as [K, number][];
    let r = this.next() * entries.reduce((s, [, w]) => s + w, 0);
    for (const [k, w] of entries) {
      r -= w;
      if (r < 0) return k;
    }
    return entries[entries.length - 1]![0];
  }
  uuid(): string {
    const hex = () => this.int(16).toString(16);
    const h = (n: number) => Array.from({ length: n }, hex).join('');
    return `${h(8)}-${h(4)}-4${h(3)}-${'89ab'[this.int(4)]}${h(3)}-${h(12)}`;
  }
  text(min: number, max: number): string {
    const alphabet = '人才科技服务企业专家需求成果湖州德清吴兴abcdefgXYZ0123456789 -_.，。';
    const length = this.between(min, Math.min(max, min + 24));
    return Array.from({ length }, () => alphabet[this.int(alphabet.length)]).join('');
  }
}

/* ------------------------------------------------------------------ nasty values */

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function deepArray(depth: number): unknown {
  let v: unknown = [];
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

/** Strings a careless parser, a database or a template engine trips over. */
const NASTY_STRINGS: readonly (() => string)[] = [
  () => '',
  () => ' ',
  () => '\u0000',
  () => 'a\u0000b',
  () => '\u0001\u0002\u001f',
  () => '\u001b[31mred',
  () => '\t\r\n',
  () => '\ud800',
  () => '\udfff\ud800x',
  () => '𠮷野家😀',
  () => '\u202eevil',
  () => '\ufeffBOM',
  () => '<script>alert(1)</script>',
  () => "' OR '1'='1",
  () => '"; DROP TABLE users; --',
  () => '%00',
  () => '%',
  () => '_%\\',
  () => '../../../../etc/passwd',
  () => '$' + '{7*7}{{7*7}}',
  () => 'NaN',
  () => 'Infinity',
  () => '-1',
  () => '1e309',
  () => '9'.repeat(400),
  () => 'x'.repeat(70_000),
  () => '测'.repeat(20_000),
  () => 'null',
  () => '2026-02-30',
  () => '0000-00-00',
  () => '2026-13-01T00:00:00Z',
  () => '2026-03-01T25:61:00+08:00',
  () => '+275760-09-13T00:00:00.000Z',
  () => '-271821-04-20T00:00:00.000Z',
  () => '00000000-0000-0000-0000-000000000000',
  () => 'ffffffff-ffff-ffff-ffff-ffffffffffff',
  () => '00000000-0000-0000-0000-00000000000g',
  () => 'AAAAAAAA-AAAA-4AAA-8AAA-AAAAAAAAAAAA',
  () => '{00000000-0000-4000-8000-000000000000}',
  () => '000000',
  () => '999999',
  () => '330599',
  () => 'admin',
  () => ' padded ',
];

/** Values of any JSON type that a field is unlikely to expect. */
const NASTY_VALUES: readonly (() => unknown)[] = [
  () => null,
  () => true,
  () => false,
  () => 0,
  () => -1,
  () => -0,
  () => 1.5,
  () => 2 ** 31,
  () => -(2 ** 31) - 1,
  () => 2 ** 53 + 2,
  () => 1e308,
  () => -1e308,
  () => 5e-324,
  () => [],
  () => [null],
  () => ['\u0000'],
  () => {},
  () => ({ $gt: '' }),
  () => JSON.parse('{"__proto__":{"polluted":true}}'),
  () => ({ constructor: { prototype: { polluted: true } } }),
  () => deepArray(64),
  () => Array.from({ length: 5_000 }, (_, i) => i),
  () => Array.from({ length: 200 }, () => 'x'.repeat(100)),
];

/* ------------------------------------------------------------------ schemas */

interface Schema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  multipleOf?: number;
  minItems?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  nullable?: boolean;
  default?: unknown;
}

interface Operation {
  parameters?: { in: string; name: string; required?: boolean; schema: Schema }[];
  requestBody?: { content?: Record<string, { schema: Schema }> };
}

/** Values that make a field named so plausible (so that the one broken thing is what is tested). */
const FIELD_HINTS: [RegExp, readonly unknown[]][] = [
  [/regionCode$/i, ['330502', '330500', '330521', '330100', '330000', '3305', '33']],
  [/mobile$/i, ['13812345678', '13900001111']],
  [/email$/i, ['someone@example.cn']],
  [/^(from|to|visitedOn|deadline)$/, ['2026-01-01', '2026-03-02', '2026-12-31']],
  [/^(username)$/, ['fuzz.user', 'x']],
  // Strong, but never the accounts' own: the fuzzing sessions' passwords must not change.
  [/password$/i, ['another-Password-2026']],
];

/** Which list a field's id most likely comes from (pool keys are list URLs). */
const ID_HINTS: [RegExp, string][] = [
  [/talent|expert|leader|members/i, '/api/registry/talents'],
  [/enterprise/i, '/api/registry/enterprises'],
  [/institution/i, '/api/registry/institutions'],
  [/demand|listItem/i, '/api/lists/demands'],
  [/order/i, '/api/orders'],
  [/team/i, '/api/teams'],
  [/organisation/i, '/api/organisations'],
  [/^ids$/, '/api/notifications'],
];

/* ------------------------------------------------------------------ the fuzzer */

interface Session {
  username: string;
  cookie: string;
  csrf: string;
  userId: string;
  permissions: Set<string>;
}

interface Case {
  strategy: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  remoteAddress?: string;
  /** The caller asked for English messages. */
  english: boolean;
}

interface Target {
  route: FuzzRoute;
  key: string;
  op: Operation;
  query: { name: string; required: boolean; schema: Schema }[];
  path: Map<string, Schema>;
  body: Schema | undefined;
  /** A POST without a JSON body: an upload (or a command without input); gets multipart cases too. */
  upload: boolean;
}

export async function fuzz(options: FuzzOptions): Promise<FuzzReport> {
  const seed = options.seed ?? 13;
  const rnd = new Random(mulberry32(seed));
  const timeoutMs = options.timeoutMs ?? 30_000;
  const { app } = options;
  const doc = app.swagger() as { paths: Record<string, Record<string, Operation>> };
  const patternArbs = new Map<string, fc.Arbitrary<string>>();

  /* ---- ids seen in answers: by the list URL they came from, and all of them */
  const pools = new Map<string, string[]>();
  const allIds: string[] = [];
  const protectedIds = new Set<string>();
  const addId = (key: string, id: string) => {
    if (protectedIds.has(id)) return;
    const pool = pools.get(key) ?? [];
    pools.set(key, pool);
    if (pool.length < 200 && !pool.includes(id)) pool.push(id);
    if (allIds.length < 5_000 && !allIds.includes(id)) allIds.push(id);
  };
  const harvest = (path: string, method: string, body: unknown) => {
    const ancestors = (p: string) => {
      const parts = p.split('/');
      const out: string[] = [];
      for (let i = parts.length; i >= 3; i--) out.push(parts.slice(0, i).join('/'));
      return out;
    };
    const visit = (value: unknown, at: string, depth: number) => {
      if (depth > 6 || value === null || typeof value !== 'object') return;
      if (Array.isArray(value)) {
        for (const item of value.slice(0, 50)) {
          const id = (item as { id?: unknown } | null)?.id;
          if (typeof id === 'string' && UUID_RE.test(id)) for (const a of ancestors(at)) addId(a, id);
          visit(item, at, depth + 1);
        }
        return;
      }
      for (const [k, v] of Object.entries(value)) {
        if (typeof v === 'string' && UUID_RE.test(v) && allIds.length < 5_000 && !protectedIds.has(v)) {
          if (!allIds.includes(v)) allIds.push(v);
        }
        if (Array.isArray(v)) visit(v, k === 'items' ? at : `${at}/${k}`, depth + 1);
        else visit(v, at, depth + 1);
      }
    };
    visit(body, path, 0);
    // A record created by a POST to a collection belongs to that collection; an import job to the jobs.
    const id = (body as { id?: unknown } | null)?.id;
    if (method === 'POST' && typeof id === 'string' && UUID_RE.test(id)) {
      addId(path.startsWith('/api/imports/') ? '/api/import-jobs' : path, id);
    }
  };

  /* ---- sessions */
  const signIn = async (username: string): Promise<Session> => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username, password: options.password }),
    });
    if (res.statusCode !== 200)
      throw new Error(`fuzz: sign-in of ${username}: ${res.statusCode} ${res.body}`);
    const cookie = [res.headers['set-cookie'] ?? []]
      .flat()
      .map((c) => String(c).split(';')[0]!.trim())
      .join('; ');
    const body = JSON.parse(res.body) as { csrfToken: string; user: { id: string; permissions: string[] } };
    protectedIds.add(body.user.id);
    return {
      username,
      cookie,
      csrf: body.csrfToken,
      userId: body.user.id,
      permissions: new Set(body.user.permissions),
    };
  };
  const sessions: Session[] = [];
  for (const role of options.roles) sessions.push(await signIn(role));

  /* ---- routes and their schemas */
  const targets: Target[] = [];
  for (const route of options.routes) {
    const openApiPath = route.url.replace(/:(\w+)/g, '{$1}');
    const op = doc.paths[openApiPath]?.[route.method.toLowerCase()] ?? {};
    const params = op.parameters ?? [];
    const body = op.requestBody?.content?.['application/json']?.schema;
    targets.push({
      route,
      key: `${route.method} ${route.url}`,
      op,
      query: params
        .filter((p) => p.in === 'query')
        .map((p) => ({ name: p.name, required: p.required === true, schema: p.schema })),
      path: new Map(params.filter((p) => p.in === 'path').map((p) => [p.name, p.schema])),
      body,
      upload: route.method === 'POST' && body === undefined,
    });
  }

  /* ---- import templates: headers for sheets that reach the row checks */
  const sheetHeaders: string[][] = [];
  const admin = sessions[0]!;
  for (const t of targets.filter((x) => x.route.method === 'GET' && /template|\.xlsx$/.test(x.route.url))) {
    if (t.route.url.includes(':')) continue;
    const res = await app.inject({ method: 'GET', url: t.route.url, headers: { cookie: admin.cookie } });
    if (res.statusCode !== 200) continue;
    try {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const row = book.worksheets[0]?.getRow(1).values as unknown[] | undefined;
      const headers = (row ?? []).slice(1).map((v) => String(v ?? '').replace(/\*$/, ''));
      if (headers.length > 0) sheetHeaders.push(headers);
    } catch {}
  }

  /* ---- value generation from a schema */
  const fromPattern = (pattern: string): string => {
    let arb = patternArbs.get(pattern);
    if (!arb) {
      try {
        arb = fc.stringMatching(new RegExp(pattern));
      } catch {
        arb = fc.constant('x');
      }
      patternArbs.set(pattern, arb);
    }
    return fc.sample(arb, { seed: rnd.int(2 ** 31), numRuns: 1 })[0] ?? '';
  };
  const idFor = (name: string): string => {
    const hinted = ID_HINTS.find(([re]) => re.test(name))?.[1];
    const pool = hinted ? pools.get(hinted) : undefined;
    if (pool?.length && rnd.chance(0.7)) return rnd.pick(pool);
    if (allIds.length && rnd.chance(0.6)) return rnd.pick(allIds);
    return rnd.uuid();
  };
  const generate = (schema: Schema | undefined, name: string, depth = 0): unknown => {
    if (!schema || depth > 6) return rnd.text(1, 8);
    if (schema.anyOf?.length) return generate(rnd.pick(schema.anyOf), name, depth + 1);
    if (schema.oneOf?.length) return generate(rnd.pick(schema.oneOf), name, depth + 1);
    if (schema.allOf?.length) return generate(schema.allOf[0], name, depth + 1);
    if (schema.const !== undefined) return schema.const;
    if (schema.enum?.length) return rnd.pick(schema.enum);
    if (schema.nullable && rnd.chance(0.1)) return null;
    const type = Array.isArray(schema.type) ? rnd.pick(schema.type) : schema.type;
    const hint = FIELD_HINTS.find(([re]) => re.test(name));
    switch (type) {
      case 'null':
        return null;
      case 'boolean':
        return rnd.chance(0.5);
      case 'integer':
      case 'number': {
        if (name === 'version') return rnd.between(1, 3);
        const min = schema.minimum ?? 0;
        const max = Math.min(schema.maximum ?? min + 100, min + 100);
        const n = rnd.between(Math.ceil(min), Math.floor(max));
        return type === 'number' && schema.multipleOf === undefined && rnd.chance(0.3) ? n + 0.5 : n;
      }
      case 'array': {
        const min = schema.minItems ?? 0;
        const count = rnd.between(min, Math.max(min, Math.min(schema.maxItems ?? 3, 3)));
        return Array.from({ length: count }, () => generate(schema.items, name, depth + 1));
      }
      case 'object': {
        const out: Record<string, unknown> = {};
        const required = new Set(schema.required ?? []);
        for (const [key, child] of Object.entries(schema.properties ?? {})) {
          if (required.has(key) || rnd.chance(0.5)) out[key] = generate(child, key, depth + 1);
        }
        if (!schema.properties && typeof schema.additionalProperties === 'object' && rnd.chance(0.5)) {
          out[rnd.text(1, 6)] = generate(schema.additionalProperties, name, depth + 1);
        }
        return out;
      }
      default: {
        if (hint && rnd.chance(0.8)) return rnd.pick(hint[1]);
        if (schema.format === 'uuid') return idFor(name);
        if (schema.format === 'date-time') {
          return new Date(
            Date.UTC(2026, rnd.int(12), 1 + rnd.int(28), rnd.int(24), rnd.int(60)),
          ).toISOString();
        }
        if (schema.format === 'email') return `u${rnd.int(1000)}@example.cn`;
        if (schema.pattern) return fromPattern(schema.pattern);
        return rnd.text(Math.max(1, schema.minLength ?? 1), schema.maxLength ?? 24);
      }
    }
  };

  /* ---- breaking one thing */
  const nasty = (): unknown => (rnd.chance(0.6) ? rnd.pick(NASTY_STRINGS)() : rnd.pick(NASTY_VALUES)());
  /** Every place in a JSON value: [parent, key] pairs. */
  const places = (value: unknown): [Record<string, unknown> | unknown[], string | number][] => {
    const out: [Record<string, unknown> | unknown[], string | number][] = [];
    const stack: unknown[] = [value];
    while (stack.length > 0 && out.length < 500) {
      const v = stack.pop();
      if (Array.isArray(v)) {
        v.forEach((item, i) => {
          out.push([v, i]);
          stack.push(item);
        });
      } else if (v !== null && typeof v === 'object') {
        for (const [k, item] of Object.entries(v)) {
          out.push([v as Record<string, unknown>, k]);
          stack.push(item);
        }
      }
    }
    return out;
  };
  const breakValue = (value: unknown): { value: unknown; how: string } => {
    const how = rnd.weighted({ leaf: 6, control: 2, unknownKey: 1, dropKey: 1, topLevel: 1 });
    const spots = places(value);
    if (how === 'topLevel' || spots.length === 0) return { value: nasty(), how: 'topLevel' };
    if (how === 'unknownKey') {
      const objects = [value, ...spots.map(([p, k]) => (p as Record<string, unknown>)[k as string])].filter(
        (v): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v),
      );
      if (objects.length > 0) {
        rnd.pick(objects)[rnd.pick(['isAdmin', '__proto__', 'constructor', 'x\u0000', '', 'id', 'version'])] =
          nasty();
        return { value, how };
      }
    }
    const [parent, key] = rnd.pick(spots);
    if (how === 'dropKey' && !Array.isArray(parent)) {
      delete (parent as Record<string, unknown>)[key as string];
      return { value, how };
    }
    if (how === 'control') {
      const current = (parent as Record<string, unknown>)[key as string];
      const text = typeof current === 'string' ? current : rnd.text(1, 8);
      const at = rnd.int(text.length + 1);
      const control = String.fromCharCode(rnd.pick([0, 1, 7, 8, 11, 12, 27, 31]));
      (parent as Record<string, unknown>)[key as string] = text.slice(0, at) + control + text.slice(at);
      return { value, how };
    }
    (parent as Record<string, unknown>)[key as string] = nasty();
    return { value, how: 'leaf' };
  };

  /* ---- URLs */
  const concreteUrl = (t: Target, breakParam: boolean): string => {
    const segments = t.route.url.split('/');
    const names = segments.filter((s) => s.startsWith(':'));
    const broken = breakParam && names.length > 0 ? rnd.pick(names) : null;
    let prefix = '';
    const out: string[] = [];
    for (const segment of segments) {
      let value = segment;
      if (segment.startsWith(':')) {
        const name = segment.slice(1);
        const schema = t.path.get(name);
        if (segment === broken) {
          value = rnd.pick([
            () => encode(String(nasty())).slice(0, 3000),
            () => '%00',
            () => '%ff%fe',
            () => '%E4%B8',
            () => '%zz',
            () => '..',
            () => '%2e%2e%2f%2e%2e',
            () => '-1',
            () => '99999999999999999999',
            () => 'x'.repeat(5_000),
            () => rnd.uuid().toUpperCase(),
            () => rnd.uuid(),
            () => '%20',
          ])();
        } else if (schema?.enum?.length) {
          value = String(rnd.pick(schema.enum));
          // Leave the role grants of the roles being fuzzed alone.
          if (t.route.url.includes('/roles/:role/')) value = 'reviewer';
        } else if (schema?.format === 'uuid' || /id$/i.test(name)) {
          const pool = pools.get(prefix);
          if (pool?.length && rnd.chance(0.8)) value = rnd.pick(pool);
          else if (allIds.length && rnd.chance(0.5)) value = rnd.pick(allIds);
          else value = rnd.uuid();
        } else {
          value = encode(String(generate(schema, name)));
        }
      }
      out.push(value);
      prefix = out.join('/');
    }
    return out.join('/');
  };
  const queryString = (t: Target, breakIt: boolean): string => {
    const pairs: string[] = [];
    const enc = (v: unknown) => encode(typeof v === 'string' ? v : JSON.stringify(v));
    for (const q of t.query) {
      if (!q.required && !rnd.chance(0.4)) continue;
      const v = generate(q.schema, q.name);
      pairs.push(`${q.name}=${enc(v)}`);
    }
    if (breakIt) {
      const name =
        t.query.length > 0 && rnd.chance(0.8) ? rnd.pick(t.query).name : rnd.pick(['sort', 'x', '']);
      const how = rnd.int(8);
      const value =
        how === 0
          ? rnd.pick(['%00', 'a%00b', '%01%1f', '%ff', '%E4%B8', '%', '%zz', '+', '%2B', '%0d%0a'])
          : how === 1
            ? `${enc(nasty())}&${name}=${enc(nasty())}` // the same key twice
            : how === 2
              ? 'x'.repeat(rnd.pick([100, 5_000, 60_000]))
              : enc(nasty());
      const key = how === 3 ? `${name}[a]` : how === 4 ? `${name}%00` : name;
      pairs.push(`${key}=${value}`.slice(0, 70_000));
      if (how === 5) pairs.push(`__proto__[x]=1`);
    }
    return pairs.length > 0 ? `?${pairs.join('&')}` : '';
  };

  /* ---- bodies */
  const sheetBytes = async (kind: 'csv' | 'xlsx'): Promise<Buffer> => {
    const headers = sheetHeaders.length > 0 ? rnd.pick(sheetHeaders) : ['姓名', '编号'];
    const cell = () =>
      rnd.chance(0.5)
        ? String(nasty()).slice(0, 40_000)
        : rnd.pick([
            '张三',
            'ZJ-0001',
            '330502',
            '湖州市',
            '13812345678',
            '330502199001051238',
            '',
            '2026-03-01',
          ]);
    const rows = Array.from({ length: rnd.between(0, 12) }, () => headers.map(cell));
    if (kind === 'csv') {
      const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
      const text = [headers, ...rows].map((r) => r.map(quote).join(',')).join(rnd.pick(['\n', '\r\n']));
      return rnd.chance(0.2) ? Buffer.from(text, 'latin1') : Buffer.from(text);
    }
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet(rnd.pick(['导入', 'Sheet1']));
    sheet.addRow(headers);
    for (const row of rows) {
      sheet.addRow(
        row.map((c) =>
          rnd.chance(0.1) ? Number(c) || 330502199001051200 : rnd.chance(0.05) ? { formula: '1/0' } : c,
        ),
      );
    }
    return Buffer.from(await book.xlsx.writeBuffer());
  };
  const multipart = async (): Promise<{ how: string; type: string; body: Buffer }> => {
    const boundary = `----fuzz${rnd.int(1e9)}`;
    const part = (name: string, fileName: string | null, data: Buffer, extra = '') =>
      Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${fileName === null ? '' : `; filename="${fileName}"`}${extra}\r\nContent-Type: application/octet-stream\r\n\r\n`,
        ),
        data,
        Buffer.from('\r\n'),
      ]);
    const end = Buffer.from(`--${boundary}--\r\n`);
    const how = rnd.weighted({
      noBoundary: 2,
      truncated: 3,
      garbageFile: 2,
      sheet: 5,
      emptyFile: 1,
      oddFileName: 2,
      twoFiles: 1,
      fieldOnly: 1,
      manyFields: 1,
      badHeaders: 1,
    });
    const ext = rnd.pick(['.xlsx', '.csv', '.txt', '.pdf', '.xls', '', '.png']);
    const garbage = () =>
      rnd.pick([
        () => Buffer.from(Array.from({ length: rnd.between(1, 4000) }, () => rnd.int(256))),
        () => Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(rnd.int(500), 7)]),
        () => Buffer.from('%PDF-1.4\n%garbage'),
        () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]),
        () => Buffer.from('\u0000\u0000\u0000'),
      ])();
    switch (how) {
      case 'noBoundary':
        return {
          how,
          type: 'multipart/form-data',
          body: Buffer.concat([part('file', `a${ext}`, garbage()), end]),
        };
      case 'truncated': {
        const whole = Buffer.concat([
          part('file', `a${ext}`, await sheetBytes(rnd.pick(['csv', 'xlsx']))),
          end,
        ]);
        return {
          how,
          type: `multipart/form-data; boundary=${boundary}`,
          body: whole.subarray(0, rnd.int(whole.length)),
        };
      }
      case 'garbageFile':
        return {
          how,
          type: `multipart/form-data; boundary=${boundary}`,
          body: Buffer.concat([part('file', `a${ext}`, garbage()), end]),
        };
      case 'sheet': {
        const kind = rnd.pick(['csv', 'xlsx'] as const);
        return {
          how,
          type: `multipart/form-data; boundary=${boundary}`,
          body: Buffer.concat([part('file', `表${rnd.int(100)}.${kind}`, await sheetBytes(kind)), end]),
        };
      }
      case 'emptyFile':
        return {
          how,
          type: `multipart/form-data; boundary=${boundary}`,
          body: Buffer.concat([part('file', 'a.xlsx', Buffer.alloc(0)), end]),
        };
      case 'oddFileName': {
        const name = rnd.pick([
          'a\u0000b.csv',
          '../../etc/passwd.csv',
          `${'长'.repeat(300)}.csv`,
          `${'😀'.repeat(150)}.csv`,
          '.csv',
          'a.csv\r\nX-Evil: 1',
          'a"b.csv',
          '',
        ]);
        return {
          how,
          type: `multipart/form-data; boundary=${boundary}`,
          body: Buffer.concat([part('file', name, await sheetBytes('csv')), end]),
        };
      }
      case 'twoFiles':
        return {
          how,
          type: `multipart/form-data; boundary=${boundary}`,
          body: Buffer.concat([
            part('file', 'a.csv', await sheetBytes('csv')),
            part('file2', 'b.csv', garbage()),
            end,
          ]),
        };
      case 'fieldOnly':
        return {
          how,
          type: `multipart/form-data; boundary=${boundary}`,
          body: Buffer.concat([part('file', null, Buffer.from('a\u0000b')), end]),
        };
      case 'manyFields':
        return {
          how,
          type: `multipart/form-data; boundary=${boundary}`,
          body: Buffer.concat([
            ...Array.from({ length: 12 }, (_, i) => part(`f${i}`, null, Buffer.from('x'))),
            part('file', 'a.csv', await sheetBytes('csv')),
            end,
          ]),
        };
      default:
        return {
          how,
          type: `multipart/form-data; boundary=${boundary}`,
          body: Buffer.concat([part('__proto__', 'a.csv', garbage(), `; filename*=UTF-8''%E4%B8`), end]),
        };
    }
  };
  const rawJson = (valid: unknown): { how: string; payload: string | Buffer } => {
    const text = JSON.stringify(valid) ?? '{}';
    const how = rnd.weighted({
      truncated: 3,
      trailing: 1,
      invalidUtf8: 1,
      utf16: 1,
      bom: 1,
      deep: 1,
      duplicateKeys: 1,
      proto: 1,
      bigNumber: 1,
      primitive: 1,
      empty: 1,
    });
    switch (how) {
      case 'truncated':
        return { how, payload: text.slice(0, rnd.int(Math.max(1, text.length))) };
      case 'trailing':
        return { how, payload: text + rnd.pick(['}', ',', 'x', '\u0000', ' {}']) };
      case 'invalidUtf8':
        return {
          how,
          payload: Buffer.concat([
            Buffer.from(text.slice(0, -1)),
            Buffer.from([0xff, 0xfe, 0xc3]),
            Buffer.from(text.slice(-1)),
          ]),
        };
      case 'utf16':
        return { how, payload: Buffer.from(`\ufeff${text}`, 'utf16le') };
      case 'bom':
        return { how, payload: `\ufeff${text}` };
      case 'deep': {
        const depth = rnd.pick([1_000, 50_000]);
        return { how, payload: `${'['.repeat(depth)}${']'.repeat(depth)}` };
      }
      case 'duplicateKeys':
        return { how, payload: text.replace(/^\{/, '{"version":1,"version":"x",') };
      case 'proto':
        return {
          how,
          payload: text.replace(/^\{/, '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}},'),
        };
      case 'bigNumber':
        return { how, payload: text.replace(/:(\d+)/, ':1e999').replace(/^\{/, '{"n":-1e999,') };
      case 'primitive':
        return { how, payload: rnd.pick(['null', 'true', '0', '"text"', '[]', '[{}]', '"\\u0000"']) };
      default:
        return { how, payload: '' };
    }
  };

  /* ---- one case */
  const makeCase = async (t: Target, session: Session): Promise<Case> => {
    const method = t.route.method;
    const headers: Record<string, string> = {};
    if (session.cookie) headers.cookie = session.cookie;
    if (method !== 'GET') headers['x-csrf-token'] = session.csrf;
    const hasParams = t.path.size > 0;
    const weights: Record<string, number> = t.body
      ? { body: 6, raw: 2, contentType: 1, query: 1, path: hasParams ? 2 : 0, headers: 1 }
      : t.upload
        ? { multipart: 6, raw: 1, contentType: 1, query: 1, path: hasParams ? 2 : 0, headers: 1 }
        : { query: 6, path: hasParams ? 3 : 0, headers: 1, raw: method === 'GET' ? 0 : 1 };
    const strategy = rnd.weighted(weights);
    const url = concreteUrl(t, strategy === 'path') + queryString(t, strategy === 'query');
    let english = false;
    let payload: string | Buffer | undefined;
    let how = '';
    const valid = t.body ? generate(t.body, 'body') : {};
    switch (strategy) {
      case 'body': {
        const broken = breakValue(valid);
        how = broken.how;
        payload = JSON.stringify(broken.value) ?? 'null';
        headers['content-type'] = 'application/json';
        break;
      }
      case 'raw': {
        const raw = rawJson(valid);
        how = raw.how;
        payload = raw.payload;
        headers['content-type'] = 'application/json';
        break;
      }
      case 'contentType': {
        const type = rnd.pick([
          'text/plain',
          'application/x-www-form-urlencoded',
          'application/xml',
          'application/json; charset=gbk',
          'application/JSON',
          'application/vnd.api+json',
          'multipart/form-data',
          'multipart/form-data; boundary=x',
          'multipart/mixed; boundary=x',
          'application/octet-stream',
          '',
        ]);
        how = type || 'none';
        payload = t.upload && rnd.chance(0.5) ? 'a=1&b=2' : JSON.stringify(valid);
        if (type) headers['content-type'] = type;
        break;
      }
      case 'multipart': {
        const m = await multipart();
        how = m.how;
        payload = m.body;
        headers['content-type'] = m.type;
        break;
      }
      case 'headers': {
        how = rnd.pick(['noCsrf', 'idempotency', 'english', 'badCookie', 'requestId']);
        if (how === 'noCsrf') delete headers['x-csrf-token'];
        if (how === 'idempotency')
          headers['idempotency-key'] = rnd.pick(['', ' ', 'x'.repeat(5_000), 'a b', rnd.uuid()]);
        if (how === 'english') {
          english = true;
          headers.cookie = `${headers.cookie ?? ''}; caiqiao_lang=en-US`;
        }
        if (how === 'badCookie')
          headers.cookie = `${headers.cookie ?? ''}; caiqiao_lang=%00; caiqiao_session=%ff%00`;
        if (how === 'requestId') headers['x-request-id'] = rnd.pick(['', '../x', 'x'.repeat(500)]);
        if (t.body) {
          payload = JSON.stringify(valid);
          headers['content-type'] = 'application/json';
        }
        break;
      }
      default:
        if (t.body) {
          payload = JSON.stringify(valid);
          headers['content-type'] = 'application/json';
        }
    }
    // Sign-in attempts come from other addresses, so that they do not lock out the fuzzing sessions.
    const remoteAddress =
      t.route.url === '/api/auth/login' ? `10.${rnd.int(256)}.${rnd.int(256)}.${rnd.int(256)}` : undefined;
    return {
      strategy: how ? `${strategy}:${how}` : strategy,
      method,
      url,
      headers,
      payload,
      remoteAddress,
      english,
    };
  };

  /* ---- checking an answer */
  const CJK = /[\u4e00-\u9fff]/;
  const problem = (c: Case, status: number, text: string): string | null => {
    if (status >= 500) return `${status}`;
    if (status < 400) return null;
    let body: { error?: { code?: unknown; message?: unknown }; requestId?: unknown };
    try {
      body = JSON.parse(text);
    } catch {
      return 'a 4xx that is not JSON';
    }
    const code = body.error?.code;
    const message = body.error?.message;
    if (typeof code !== 'string' || !/^[A-Z][A-Z0-9_]+$/.test(code)) return 'a 4xx without an error code';
    if (typeof message !== 'string' || message === '') return `${code} without a message`;
    if (!c.english && !CJK.test(message)) return `${code} without a Chinese message`;
    if (typeof body.requestId !== 'string') return `${code} without a requestId`;
    return null;
  };

  /* ---- sending, with a deadline */
  const send = async (c: Case) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      return await Promise.race([
        app.inject({
          method: c.method,
          url: c.url,
          headers: c.headers,
          ...(c.payload !== undefined ? { payload: c.payload } : {}),
          ...(c.remoteAddress ? { remoteAddress: c.remoteAddress } : {}),
        }),
        timeout,
      ]);
    } finally {
      clearTimeout(timer);
    }
  };
  const report: FuzzReport = {
    total: 0,
    byStatus: {},
    byStrategy: {},
    byRoute: {},
    failures: [],
    resignIns: 0,
    msByRoute: {},
  };
  const timed = async (t: Target, c: Case) => {
    const started = performance.now();
    try {
      return await send(c);
    } finally {
      report.msByRoute[t.key] = (report.msByRoute[t.key] ?? 0) + performance.now() - started;
    }
  };
  const allowed = (session: Session, t: Target) =>
    !t.route.access ||
    t.route.access === 'public' ||
    t.route.access === 'authenticated' ||
    session.permissions.has(t.route.access);

  /*
   * ---- warm-up: the JSON reads each role may call (downloads cost time and hold no ids), so the id
   * pools fill; a second round for routes with path parameters reaches nested lists.
   */
  const reads = targets.filter(
    (x) =>
      x.route.method === 'GET' && !/export|\.xlsx|\.png|template|report|\/docs|^\/(?!api)/.test(x.route.url),
  );
  for (let round = 0; round < 2; round++) {
    for (const session of sessions) {
      for (const t of reads.filter((x) => allowed(session, x) && (round === 0 || x.path.size > 0))) {
        const url = concreteUrl(t, false);
        const res = await timed(t, {
          strategy: 'warm-up',
          method: 'GET',
          url,
          headers: { cookie: session.cookie },
          english: false,
        });
        if (res.statusCode === 200 && String(res.headers['content-type']).includes('json')) {
          try {
            harvest(url.split('?')[0]!, 'GET', JSON.parse(res.body));
          } catch {}
        }
      }
    }
  }

  /* ---- the run */
  const seen = new Set<string>();
  const turns = new Map<string, number>();
  const fuzzed = options.only ? targets.filter((t) => options.only!.test(t.key)) : targets;
  /** Time spent fuzzing each route (the warm-up left out). */
  const spent = new Map<string, number>();
  const median = () => {
    const times = fuzzed.map((x) => spent.get(x.key) ?? 0).sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)]!;
  };
  let next = 0;
  const pickTarget = (): Target => {
    for (let tries = 0; ; tries++) {
      const t = fuzzed[next++ % fuzzed.length]!;
      const over = options.balanceTime && (spent.get(t.key) ?? 0) > 3 * median() + 50;
      if (!over || tries >= fuzzed.length) return t;
    }
  };
  for (let i = 0; i < options.requests; i++) {
    const t = pickTarget();
    const may = sessions.map((_, n) => n).filter((n) => allowed(sessions[n]!, t));
    const turn = turns.get(t.key) ?? 0;
    turns.set(t.key, turn + 1);
    const roleIndex = may.length > 0 && !rnd.chance(0.1) ? may[turn % may.length]! : rnd.int(sessions.length);
    const session = sessions[roleIndex]!;
    const c = await makeCase(t, session);
    let status: number;
    let text: string;
    const started = performance.now();
    try {
      const res = await timed(t, c);
      status = res.statusCode;
      text = res.body;
    } catch (err) {
      status = 0;
      text = String((err as Error).message);
    }
    spent.set(t.key, (spent.get(t.key) ?? 0) + performance.now() - started);
    report.total++;
    report.byStatus[status] = (report.byStatus[status] ?? 0) + 1;
    const family = c.strategy.split(':')[0]!;
    const byStrategy = report.byStrategy[family] ?? {};
    report.byStrategy[family] = byStrategy;
    byStrategy[status] = (byStrategy[status] ?? 0) + 1;
    report.byRoute[t.key] = (report.byRoute[t.key] ?? 0) + 1;
    const why = status === 0 ? text : problem(c, status, text);
    if (why) {
      // One example of each (route, failure, strategy) is enough to act on.
      const key = `${t.key} ${why} ${c.strategy}`;
      if (!seen.has(key)) {
        seen.add(key);
        report.failures.push({
          why,
          role: session.username,
          strategy: c.strategy,
          method: c.method,
          url: c.url.length > 300 ? `${c.url.slice(0, 300)}…(${c.url.length})` : c.url,
          contentType: c.headers['content-type'],
          payload: show(c.payload),
          status,
          answer: text.slice(0, 500),
        });
        if (options.dumpDir) {
          const n = report.failures.length;
          mkdirSync(options.dumpDir, { recursive: true });
          const request = { role: session.username, method: c.method, url: c.url, headers: c.headers };
          writeFileSync(join(options.dumpDir, `${n}.json`), JSON.stringify(request, null, 1));
          if (c.payload !== undefined) writeFileSync(join(options.dumpDir, `${n}.body`), c.payload);
        }
      }
    }
    if (status >= 200 && status < 300 && text.startsWith('{')) {
      try {
        harvest(c.url.split('?')[0]!, c.method, JSON.parse(text));
      } catch {}
    }
    // A fuzzed request may end the session (sign-out, a password change): sign in again.
    if (status === 401 && c.headers.cookie === session.cookie && (await isSignedOut(session))) {
      sessions[roleIndex] = await signIn(session.username);
      report.resignIns++;
    }
    options.onProgress?.(i + 1, report);
  }
  return report;

  async function isSignedOut(session: Session): Promise<boolean> {
    const res = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: session.cookie } });
    return res.statusCode === 401;
  }
}

/** encodeURIComponent, but a lone surrogate becomes the bytes it would have in CESU-8 (invalid UTF-8). */
function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return Array.from(text, (ch) => {
      try {
        return encodeURIComponent(ch);
      } catch {
        return '%ED%A0%80';
      }
    }).join('');
  }
}

function show(payload: string | Buffer | undefined): string {
  if (payload === undefined) return '';
  const text = Buffer.isBuffer(payload) ? payload.toString('latin1') : payload;
  const escaped = JSON.stringify(text.length > 600 ? `${text.slice(0, 600)}…(${text.length})` : text);
  return escaped.slice(1, -1);
}

/** A short table of a report for a terminal. */
export function formatReport(report: FuzzReport): string {
  const lines: string[] = [];
  const statuses = Object.entries(report.byStatus).sort(([a], [b]) => Number(a) - Number(b));
  lines.push(`${report.total} requests over ${Object.keys(report.byRoute).length} routes`);
  lines.push(`by status: ${statuses.map(([s, n]) => `${s}: ${n}`).join(', ')}`);
  for (const [strategy, counts] of Object.entries(report.byStrategy).sort()) {
    const parts = Object.entries(counts).sort(([a], [b]) => Number(a) - Number(b));
    lines.push(`  ${strategy.padEnd(12)} ${parts.map(([s, n]) => `${s}: ${n}`).join(', ')}`);
  }
  if (report.resignIns > 0) lines.push(`sessions signed in again: ${report.resignIns}`);
  const slowest = Object.entries(report.msByRoute)
    .sort(([, a], [, b]) => b - a)
    .slice(0, 5);
  lines.push(`slowest routes (total ms): ${slowest.map(([r, ms]) => `${r} ${Math.round(ms)}`).join('; ')}`);
  lines.push(`failures (distinct route × problem × input kind): ${report.failures.length}`);
  for (const f of report.failures.slice(0, 200)) {
    lines.push(`- ${f.why} · ${f.role} · ${f.strategy} · ${f.method} ${f.url}`);
    if (f.contentType) lines.push(`    content-type: ${f.contentType}`);
    if (f.payload) lines.push(`    sent: ${f.payload.slice(0, 400)}`);
    lines.push(`    answer ${f.status}: ${f.answer.slice(0, 400)}`);
  }
  return lines.join('\n');
}
