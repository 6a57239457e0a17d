import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { loadConfig, type Secrets } from '../src/config.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { createPlatform, prepareDatabase } from '../src/main.ts';
import { ManualClock } from '../src/platform/clock.ts';
import { createPglite, type Database, openDatabase } from '../src/platform/db/client.ts';

export const DEMO_PASSWORD = 'demo-Password-2026';
/** Where every test platform's clock starts (a Monday, a working day, in China time). */
export const TEST_START = '2026-03-02T09:00:00+08:00';

/**
 * The demo data sets most test files start from, seeded once per run and
 * copied for each file (a seed takes 2–3 s; a copy a fraction of that). A
 * file that asks for another mix, or for a configuration that changes what
 * is seeded (the holidays), seeds its own (test/support/platform.ts).
 */
export const DEMO_SNAPSHOTS = {
  demo: { orders: true, commissioners: true },
  demoWithoutOrders: { orders: false, commissioners: true },
} as const;
export type DemoSnapshot = keyof typeof DEMO_SNAPSHOTS;

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: a migrated data directory dump that each test loads (fast fresh database). */
    pgliteDump: string;
    /** PGlite: the dumps with the demo seeded, by snapshot. */
    pgliteDemo: Record<string, string>;
    /** PostgreSQL: a migrated template database each test copies. */
    pgTemplate: string;
    /** PostgreSQL: the templates with the demo seeded, by snapshot. */
    pgDemo: Record<string, string>;
    /** The secrets the snapshots were seeded with (their encrypted fields need the same key): hex. */
    testSecrets: { sessionSecret: string; fieldKey: string };
  }
}

/** The run's secrets, as the platform takes them. */
export function secretsOf(provided: { sessionSecret: string; fieldKey: string }): Secrets {
  return { sessionSecret: provided.sessionSecret, fieldKey: Buffer.from(provided.fieldKey, 'hex') };
}

/** Seeds one demo snapshot into an open, migrated database (left open for the caller to dump or close). */
async function seed(database: Database, secrets: Secrets, parts: (typeof DEMO_SNAPSHOTS)[DemoSnapshot]) {
  const config = loadConfig({ LOG_LEVEL: 'silent' }, { secrets, webDir: undefined, dataDir: '/nonexistent' });
  // The platform closes what it was given; the caller still needs the database (to dump it).
  const platform = await createPlatform(config, {
    database: { ...database, close: async () => {} },
    clock: new ManualClock(new Date(TEST_START)),
  });
  try {
    await seedDemo(platform, DEMO_PASSWORD, parts);
  } finally {
    await platform.close();
  }
}

/**
 * Migrates once per run, with the job queue's tables and queues, and seeds
 * the demo snapshots: into PGlite dumps, or into template databases on the
 * PostgreSQL server named by DATABASE_URL. Each test file then gets its own
 * fresh copy (see test/support/platform.ts).
 */
export default async function setup(project: TestProject) {
  const provided = {
    sessionSecret: randomBytes(32).toString('hex'),
    fieldKey: randomBytes(32).toString('hex'),
  };
  const secrets = secretsOf(provided);
  project.provide('testSecrets', provided);
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = `caiqiao_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const templates = [
      template,
      ...Object.keys(DEMO_SNAPSHOTS).map((key) => `${template}_${key.toLowerCase()}`),
    ];
    for (const name of templates) await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${template}`);
    const database = await openDatabase({ databaseUrl: withDatabase(url, template) });
    await prepareDatabase(database);
    await database.close();
    const demo: Record<string, string> = {};
    for (const [key, parts] of Object.entries(DEMO_SNAPSHOTS)) {
      const name = `${template}_${key.toLowerCase()}`;
      await admin.query(`create database ${name} template ${template}`);
      const seeded = await openDatabase({ databaseUrl: withDatabase(url, name) });
      try {
        await seed(seeded, secrets, parts);
      } finally {
        await seeded.close();
      }
      demo[key] = name;
    }
    project.provide('pgTemplate', template);
    project.provide('pgDemo', demo);
    project.provide('pgliteDump', '');
    project.provide('pgliteDemo', {});
    return async () => {
      for (const name of templates) await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'caiqiao-test-'));
  const pglite = await createPglite();
  const database = await openDatabase({ pglite });
  await prepareDatabase(database);
  const migrated = await pglite.dumpDataDir('none');
  const file = join(dir, 'migrated.tar');
  writeFileSync(file, Buffer.from(await migrated.arrayBuffer()));
  await database.close();
  const demo: Record<string, string> = {};
  for (const [key, parts] of Object.entries(DEMO_SNAPSHOTS)) {
    const client = await createPglite({ loadDataDir: migrated });
    const seeded = await openDatabase({ pglite: client });
    try {
      await seed(seeded, secrets, parts);
      const dump = await client.dumpDataDir('none');
      demo[key] = join(dir, `${key}.tar`);
      writeFileSync(demo[key], Buffer.from(await dump.arrayBuffer()));
    } finally {
      await seeded.close();
    }
  }
  project.provide('pgliteDump', file);
  project.provide('pgliteDemo', demo);
  project.provide('pgTemplate', '');
  project.provide('pgDemo', {});
  return () => rmSync(dir, { recursive: true, force: true });
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
