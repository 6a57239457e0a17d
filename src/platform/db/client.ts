import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { type DirectoryLock, lockFile } from './lock.ts';
import { reuseStatements } from './statements.ts';
import { takeTurns } from './turns.ts';

/** A Drizzle handle: the database itself or an open transaction. Repositories take one of these. */
export type Executor = PgDatabase<PgQueryResultHKT, Record<string, never>>;

export interface Database {
  /** Which engine is underneath: embedded PGlite or a PostgreSQL server. */
  kind: 'pglite' | 'postgres';
  db: Executor;
  /** Runs fn in one transaction; everything it writes commits or nothing does. */
  transaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T>;
  /** Raw rows of a statement (used by migrations, backup and health checks only). */
  rows<T = Record<string, unknown>>(query: SQL): Promise<T[]>;
  close(): Promise<void>;
  /** The PGlite instance when kind is 'pglite' (for data-dir dumps in backups and tests). */
  pglite?: PGlite;
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** A PGlite instance made by the caller (tests load one from a migrated dump). */
  pglite?: PGlite;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // A failed idle client must not crash the process; the next query reconnects.
    pool.on('error', () => {});
    const db = drizzleNodePg(pool) as unknown as Executor;
    return wrap('postgres', db, () => pool.end());
  }
  let client = options.pglite;
  let lock: DirectoryLock | undefined;
  if (!client) {
    const dataDir = resolve(options.dataDir ?? './var');
    const dir = join(dataDir, 'pgdata');
    mkdirSync(dir, { recursive: true });
    // PGlite's files are one process's: a second process writing them loses its writes (or worse).
    lock = lockFile(`${dir}.lock`, dataDir);
    try {
      client = await createPglite({ dataDir: dir });
    } catch (err) {
      lock.release();
      throw err;
    }
  }
  // Statements one per turn of the event loop, so a busy server still accepts and answers (see takeTurns);
  // a text run again is not parsed and planned again (see reuseStatements).
  const pglite = takeTurns(reuseStatements(client));
  const db = drizzlePglite(pglite) as unknown as Executor;
  const database = wrap('pglite', db, async () => {
    try {
      await pglite.close();
    } finally {
      lock?.release();
    }
  });
  database.pglite = pglite;
  return database;
}

/** A PGlite instance with the extensions the schema uses (pg_trgm for substring search). */
export function createPglite(options: Omit<PGliteOptions, 'extensions'> = {}): Promise<PGlite> {
  return PGlite.create({ ...options, extensions: { pg_trgm } });
}

/** Work queued to run at the end of a transaction, just before it commits (see beforeCommit). */
const commitHooks = new WeakMap<object, (() => Promise<void>)[]>();

/**
 * Runs `hook` at the end of the transaction `tx` (after its body, before the
 * commit; a failing hook rolls it back). Returns false when `tx` is not a
 * transaction opened by Database.transaction, and the caller should do the
 * work at once. Used to take a contended lock as late as possible (the audit
 * chain), so it is held for the last statement and the commit only.
 */
export function beforeCommit(tx: Executor, hook: () => Promise<void>): boolean {
  const hooks = commitHooks.get(tx);
  if (!hooks) return false;
  hooks.push(hook);
  return true;
}

function wrap(kind: Database['kind'], db: Executor, close: () => Promise<void>): Database {
  let closed = false;
  return {
    kind,
    db,
    transaction: (fn) =>
      db.transaction(async (raw) => {
        const tx = raw as unknown as Executor;
        const hooks: (() => Promise<void>)[] = [];
        commitHooks.set(tx, hooks);
        const value = await fn(tx);
        // Hooks may queue more hooks; run until none is left.
        for (let i = 0; i < hooks.length; i++) await hooks[i]!();
        commitHooks.delete(tx);
        return value;
      }),
    async rows<T>(query: SQL) {
      const result = (await db.execute(query)) as unknown as { rows: T[] };
      return result.rows;
    },
    async close() {
      if (closed) return;
      closed = true;
      await close();
    },
  };
}

/** True when the database answers a trivial query. */
export async function isReady(database: Database): Promise<boolean> {
  try {
    await database.rows(sql`select 1 as ok`);
    return true;
  } catch {
    return false;
  }
}

/** PostgreSQL error code of a failed query (drizzle wraps driver errors in `cause`). */
export function pgErrorCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let depth = 0; depth < 4 && e && typeof e === 'object'; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

export const PG_UNIQUE_VIOLATION = '23505';
