import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { ephemeralSecrets, loadConfig } from '../src/config.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { createPlatform, type Platform } from '../src/main.ts';

/** The demo account password of a benchmark's platform. */
export const BENCH_PASSWORD = 'bench-Pass-2026';

/**
 * A platform with the demo data in a fresh data directory (PGlite), or on
 * DATABASE_URL with the registries and import jobs emptied first; `close`
 * also removes the directory.
 */
export async function demoPlatform(): Promise<{ platform: Platform; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'caiqiao-bench-'));
  const env = {
    LOG_LEVEL: 'silent',
    DATA_DIR: dir,
    ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
  };
  const platform = await createPlatform(loadConfig(env, { secrets: ephemeralSecrets(), webDir: undefined }));
  const close = async () => {
    await platform.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    if (process.env.DATABASE_URL) {
      await platform.database.rows(
        sql`truncate talents, institutions, enterprises, stations, import_jobs cascade`,
      );
    }
    await seedDemo(platform, BENCH_PASSWORD);
  } catch (err) {
    await close();
    throw err;
  }
  return { platform, close };
}

/** The value at percentile `p` (0–100) of ascending `sorted` values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * A new, empty database on the PostgreSQL server of `url` (named after the
 * benchmark and this process), and how to drop it afterwards.
 */
export async function freshPostgres(
  url: string,
  bench: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `caiqiao_bench_${bench}_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
