import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { inject } from 'vitest';
import { type Config, ephemeralSecrets, loadConfig } from '../../src/config.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { createPlatform, type Platform } from '../../src/main.ts';
import { ManualClock } from '../../src/platform/clock.ts';
import { createPglite, type Database, openDatabase } from '../../src/platform/db/client.ts';
import {
  DEMO_PASSWORD,
  DEMO_SNAPSHOTS,
  type DemoSnapshot,
  secretsOf,
  TEST_START,
  withDatabase,
} from '../global-setup.ts';

export { DEMO_PASSWORD };

export interface TestPlatform extends Platform {
  clock: ManualClock;
  /** Signs in through the real HTTP route and returns a client that carries the cookie and CSRF token. */
  signIn(username: string, password?: string): Promise<Client>;
  /** A client with no session. */
  anonymous(): Client;
  /** Row counts of every table, to prove a refused request changed nothing. */
  tableCounts(): Promise<Record<string, number>>;
}

export interface InjectResult {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON the API answered
  body: any;
  headers: Record<string, unknown>;
}

export interface Client {
  request(
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<InjectResult>;
  get(url: string): Promise<InjectResult>;
  post(url: string, body?: unknown): Promise<InjectResult>;
  patch(url: string, body?: unknown): Promise<InjectResult>;
  put(url: string, body?: unknown): Promise<InjectResult>;
  cookie: string | null;
  csrfToken: string | null;
}

/**
 * A fresh database: PGlite from the migrated dump, or a copy of the PostgreSQL
 * template; with the demo already in it when a snapshot is named.
 */
async function freshDatabase(
  snapshot: DemoSnapshot | undefined,
): Promise<{ database: Database; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `caiqiao_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const template = snapshot ? inject('pgDemo')[snapshot] : inject('pgTemplate');
    await admin.query(`create database ${name} template ${template}`);
    const database = await openDatabase({ databaseUrl: withDatabase(url, name) });
    return {
      database,
      drop: async () => {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const file = snapshot ? inject('pgliteDemo')[snapshot]! : inject('pgliteDump');
  const pglite = await createPglite({ loadDataDir: new Blob([readFileSync(file)]) });
  return { database: await openDatabase({ pglite }), drop: async () => {} };
}

/** Configuration that leaves the seeded demo as it is (anything else, a holiday, may change what is seeded). */
const SNAPSHOT_SAFE_CONFIG = new Set<keyof Config>(['webDir', 'importMaxBytes', 'cacheMs', 'metricsToken']);

/** The seeded snapshot a platform can start from, if any. */
function snapshotFor(options: TestPlatformOptions): DemoSnapshot | undefined {
  if (options.demo === false) return undefined;
  if (!Object.keys(options.config ?? {}).every((k) => SNAPSHOT_SAFE_CONFIG.has(k as keyof Config)))
    return undefined;
  const parts = { orders: options.demoOrders !== false, commissioners: options.demoCommissioners !== false };
  return (Object.keys(DEMO_SNAPSHOTS) as DemoSnapshot[]).find(
    (key) =>
      DEMO_SNAPSHOTS[key].orders === parts.orders &&
      DEMO_SNAPSHOTS[key].commissioners === parts.commissioners,
  );
}

export interface TestPlatformOptions {
  /** Load the demo accounts (password DEMO_PASSWORD). Default true. */
  demo?: boolean;
  /** Leave the demo's service orders out (tests that count every order of the region). Default true. */
  demoOrders?: boolean;
  /**
   * Leave the demo's commissioner round and contact duties out (tests that open their own rounds
   * for the demo expert, or count every duty of the demo operator). Default true.
   */
  demoCommissioners?: boolean;
  config?: Partial<Config>;
}

export async function testPlatform(options: TestPlatformOptions = {}): Promise<TestPlatform> {
  const snapshot = snapshotFor(options);
  const { database, drop } = await freshDatabase(snapshot);
  const clock = new ManualClock(new Date(TEST_START));
  const config = loadConfig(
    { LOG_LEVEL: 'silent', CHECK_RESPONSES: 'true' },
    {
      // A snapshot's encrypted fields were written with the run's secrets; anything else gets its own.
      secrets: snapshot ? secretsOf(inject('testSecrets')) : ephemeralSecrets(),
      webDir: undefined,
      dataDir: '/nonexistent',
      ...options.config,
    },
  );
  const platform = await createPlatform(config, { database, clock });
  if (options.demo !== false && !snapshot)
    await seedDemo(platform, DEMO_PASSWORD, {
      orders: options.demoOrders !== false,
      commissioners: options.demoCommissioners !== false,
    });

  const client = (cookie: string | null, csrfToken: string | null): Client => {
    const c: Client = {
      cookie,
      csrfToken,
      async request(method, url, body, headers = {}) {
        const res = await platform.app.inject({
          method: method as 'GET',
          url,
          headers: {
            ...(c.cookie ? { cookie: c.cookie } : {}),
            ...(c.csrfToken ? { 'x-csrf-token': c.csrfToken } : {}),
            ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
            ...headers,
          },
          ...(body !== undefined
            ? { payload: typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body) }
            : {}),
        });
        let parsed: unknown = res.body;
        try {
          parsed = JSON.parse(res.body);
        } catch {}
        return { status: res.statusCode, body: parsed, headers: res.headers };
      },
      get: (url) => c.request('GET', url),
      post: (url, body) => c.request('POST', url, body ?? {}),
      patch: (url, body) => c.request('PATCH', url, body ?? {}),
      put: (url, body) => c.request('PUT', url, body ?? {}),
    };
    return c;
  };

  const closePlatform = platform.close.bind(platform);
  const test: TestPlatform = Object.assign(platform, {
    clock,
    anonymous: () => client(null, null),
    async signIn(username: string, password = DEMO_PASSWORD) {
      const res = await platform.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password },
      });
      if (res.statusCode !== 200)
        throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
      const session = res.cookies.find((k) => k.name === 'caiqiao_session');
      return client(`caiqiao_session=${session!.value}`, JSON.parse(res.body).csrfToken);
    },
    async tableCounts() {
      const tables = await database.rows<{ name: string }>(
        sql`select tablename as name from pg_tables where schemaname = 'public' order by 1`,
      );
      const counts: Record<string, number> = {};
      for (const { name } of tables) {
        const [row] = await database.rows<{ n: number }>(
          sql`select count(*)::int as n from ${sql.identifier(name)}`,
        );
        counts[name] = row?.n ?? 0;
      }
      return counts;
    },
    async close() {
      await closePlatform();
      await drop();
    },
  });
  return test;
}

/** Posts one file as multipart/form-data (field `file`), as a browser's upload does. */
export function upload(client: Client, url: string, fileName: string, data: Buffer): Promise<InjectResult> {
  const boundary = `----caiqiao${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return client.request('POST', url, Buffer.concat([head, data, tail]), {
    'content-type': `multipart/form-data; boundary=${boundary}`,
  });
}
