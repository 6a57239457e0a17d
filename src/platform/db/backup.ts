import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { Database, Executor } from './client.ts';
import { dbError } from './errors.ts';
import { migrateDatabase } from './migrate.ts';

const FORMAT = 'caiqiao-backup';
const FORMAT_VERSION = 1;
const MIGRATIONS_TABLE = '__drizzle_migrations';
const BATCH = 500;
/** Left out of backups: sign-ins are not data worth keeping, and a restore starts with everyone signed out. */
const EXCLUDED = new Set(['sessions']);
/** Encrypted columns are named `…_enc`; this many values of each are opened with the key before a backup. */
const SAMPLE = 5;
/** How many encrypted values of an old backup (one without a key id) are opened with the key before a restore. */
const RESTORE_SAMPLE = 50;

/**
 * The field key as backups see it: its id (never the key), and whether a
 * ciphertext was sealed with it. FieldCipher is one.
 */
export interface BackupKey {
  readonly keyId: string;
  opens(sealed: string): boolean;
}

interface Header {
  format: typeof FORMAT;
  version: number;
  createdAt: string;
  engine: Database['kind'];
  migrations: number;
  tables: string[];
  /** Id of the key that encrypted the personal data in it (absent in backups made before it was recorded). */
  keyId?: string;
  /** Tables left out on purpose. */
  excluded?: string[];
}

export interface BackupSummary {
  tables: Record<string, number>;
}

/**
 * Writes a logical backup: gzip'd JSON lines, a header and then every row of
 * every table but sessions, parents before children, from one consistent
 * snapshot. The format is the same for PGlite and PostgreSQL, so a backup of
 * one restores into the other. The header names the key that encrypted the
 * personal data (its id); a key that does not open that data writes no backup.
 */
export async function backupDatabase(
  database: Database,
  file: string,
  key: BackupKey,
): Promise<BackupSummary> {
  const summary: BackupSummary = { tables: {} };
  const lines: string[] = [];
  await database.transaction(async (tx) => {
    await tx.execute(sql`set transaction isolation level repeatable read`);
    await checkKeyOpensData(tx, key);
    const tables = (await tablesInDependencyOrder(tx)).filter((t) => !EXCLUDED.has(t));
    const [migrations] = await rows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from ${sql.identifier(MIGRATIONS_TABLE)}`,
    );
    const header: Header = {
      format: FORMAT,
      version: FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      engine: database.kind,
      migrations: migrations?.n ?? 0,
      tables,
      keyId: key.keyId,
      excluded: [...EXCLUDED],
    };
    lines.push(JSON.stringify(header));
    for (const table of tables) {
      let offset = 0;
      summary.tables[table] = 0;
      for (;;) {
        const batch = await rows<{ j: string }>(
          tx,
          sql`select row_to_json(t)::text as j from ${sql.identifier(table)} t order by ctid limit ${BATCH * 10} offset ${offset}`,
        );
        for (const { j } of batch) lines.push(`{"t":${JSON.stringify(table)},"r":${j}}`);
        summary.tables[table] += batch.length;
        offset += batch.length;
        if (batch.length < BATCH * 10) break;
      }
    }
  });
  await pipeline(
    Readable.from(lines.map((l) => `${l}\n`)),
    createGzip(),
    createWriteStream(file, { mode: 0o600 }),
  );
  return summary;
}

/**
 * Replaces the whole database with a backup: checks that the personal data in
 * it opens with this installation's key (the header's key id; for an older
 * backup without one, a sample of its ciphertexts) and refuses before writing
 * anything if not; then drops the schema, migrates it afresh, and loads every
 * row in one transaction (all or nothing).
 */
export async function restoreDatabase(
  database: Database,
  file: string,
  key: BackupKey,
): Promise<BackupSummary> {
  const lines = () => {
    const input = createInterface({
      input: createReadStream(file).pipe(createGunzip()),
      crlfDelay: Infinity,
    });
    return input[Symbol.asyncIterator]();
  };
  const iterator = lines();
  let header: Partial<Header> | undefined;
  try {
    const first = await iterator.next();
    header = first.done ? undefined : (JSON.parse(first.value) as Partial<Header>);
  } catch {
    // Not gzip, or not JSON: not ours.
  }
  if (header?.format !== FORMAT || header.version !== FORMAT_VERSION) {
    await iterator.return?.();
    throw dbError('BACKUP_FORMAT_UNKNOWN', { params: { file, format: FORMAT, version: FORMAT_VERSION } });
  }
  try {
    await checkBackupKey(file, header, key, lines);
  } catch (err) {
    await iterator.return?.();
    throw err;
  }
  await database.rows(sql`drop schema if exists public cascade`);
  await database.rows(sql`create schema public`);
  await migrateDatabase(database);
  const summary: BackupSummary = { tables: {} };
  await database.transaction(async (tx) => {
    let table = '';
    let pending: unknown[] = [];
    // A table the backup holds is replaced whole: rows a migration seeded (the first rule sets) give way
    // to the backup's own, which include them. A table the backup does not know keeps its seed.
    const cleared = new Set<string>();
    const flush = async () => {
      if (pending.length === 0) return;
      if (!cleared.has(table)) {
        await tx.execute(sql`delete from ${sql.identifier(table)}`);
        cleared.add(table);
      }
      await tx.execute(
        sql`insert into ${sql.identifier(table)} select * from json_populate_recordset(null::${sql.identifier(table)}, ${JSON.stringify(pending)}::json)`,
      );
      summary.tables[table] = (summary.tables[table] ?? 0) + pending.length;
      pending = [];
    };
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      if (!next.value) continue;
      const { t, r } = JSON.parse(next.value) as { t: string; r: unknown };
      if (t === MIGRATIONS_TABLE || EXCLUDED.has(t)) continue;
      if (t !== table || pending.length >= BATCH) {
        await flush();
        table = t;
      }
      pending.push(r);
    }
    await flush();
    await resetSequences(tx);
  });
  return summary;
}

/** Refuses a backup whose personal data the key here cannot open (before anything is written). */
async function checkBackupKey(
  file: string,
  header: Partial<Header>,
  key: BackupKey,
  lines: () => AsyncIterableIterator<string>,
): Promise<void> {
  if (header.keyId !== undefined) {
    if (header.keyId !== key.keyId) {
      throw dbError('BACKUP_KEY_MISMATCH', { params: { file, backupKeyId: header.keyId, keyId: key.keyId } });
    }
  } else {
    // Made before backups named their key: try the key on the ciphertexts themselves.
    const scan = lines();
    await scan.next();
    let tried = 0;
    for (let next = await scan.next(); !next.done && tried < RESTORE_SAMPLE; next = await scan.next()) {
      if (!next.value) continue;
      const { r } = JSON.parse(next.value) as { r: Record<string, unknown> };
      for (const [column, value] of Object.entries(r)) {
        if (!column.endsWith('_enc') || typeof value !== 'string') continue;
        tried++;
        if (!key.opens(value)) {
          await scan.return?.();
          throw dbError('BACKUP_KEY_UNVERIFIED', { params: { file, keyId: key.keyId } });
        }
      }
    }
    await scan.return?.();
  }
}

/** Refuses a key that does not open the personal data already encrypted in the database. */
async function checkKeyOpensData(tx: Executor, key: BackupKey): Promise<void> {
  const columns = await rows<{ table_name: string; column_name: string }>(
    tx,
    sql`select table_name, column_name from information_schema.columns
        where table_schema = 'public' and right(column_name, 4) = '_enc' order by 1, 2`,
  );
  for (const { table_name, column_name } of columns) {
    const sample = await rows<{ v: string }>(
      tx,
      sql`select ${sql.identifier(column_name)} as v from ${sql.identifier(table_name)}
          where ${sql.identifier(column_name)} is not null limit ${SAMPLE}`,
    );
    if (sample.some(({ v }) => !key.opens(v)))
      throw dbError('BACKUP_KEY_WRONG', { params: { keyId: key.keyId } });
  }
}

async function rows<T>(tx: Executor, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await tx.execute(query)) as unknown as { rows: T[] }).rows;
}

/** Tables of the public schema, each after the tables its foreign keys point to. */
async function tablesInDependencyOrder(tx: Executor): Promise<string[]> {
  const tables = (
    await rows<{ name: string }>(
      tx,
      sql`select tablename as name from pg_tables where schemaname = 'public' order by 1`,
    )
  ).map((r) => r.name);
  const edges = await rows<{ child: string; parent: string }>(
    tx,
    sql`select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
        from pg_constraint c join pg_namespace n on n.oid = c.connamespace
        where c.contype = 'f' and n.nspname = 'public'`,
  );
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set()]));
  for (const { child, parent } of edges) {
    const c = child.replace(/"/g, '');
    const p = parent.replace(/"/g, '');
    if (c !== p) parents.get(c)?.add(p);
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter(
      (t) => !placed.has(t) && [...(parents.get(t) ?? [])].every((p) => placed.has(p)),
    );
    if (ready.length === 0) throw new Error('foreign keys form a cycle; cannot order tables for backup');
    for (const t of ready) {
      placed.add(t);
      ordered.push(t);
    }
  }
  return ordered;
}

/** After loading rows with explicit ids, serial sequences must continue past them. */
async function resetSequences(tx: Executor): Promise<void> {
  const serials = await rows<{ table_name: string; column_name: string }>(
    tx,
    sql`select table_name, column_name from information_schema.columns
        where table_schema = 'public' and column_default like 'nextval(%'`,
  );
  for (const { table_name, column_name } of serials) {
    await tx.execute(
      sql`select setval(pg_get_serial_sequence(${`public.${table_name}`}, ${column_name}),
            coalesce((select max(${sql.identifier(column_name)}) from ${sql.identifier(table_name)}), 1),
            (select max(${sql.identifier(column_name)}) is not null from ${sql.identifier(table_name)}))`,
    );
  }
}
