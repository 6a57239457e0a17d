import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { AuditActor } from '../../platform/access/actor.ts';
import { diffChanges } from '../../platform/audit/changes.ts';
import type { AuditService } from '../../platform/audit/service.ts';
import type { Database, Executor } from '../../platform/db/client.ts';
import type { ImportKind } from '../../platform/io/import.ts';
import {
  BUILT_IN_DICTIONARIES,
  DICTIONARY_NAMES,
  type DictionaryEntry,
  type DictionaryKind,
  resolveDictionaryValue,
} from '../../reference/dictionaries/index.ts';
import { DICTIONARY_KINDS } from '../../reference/dictionaries/kinds.ts';
import type { DictionaryEntryInput } from './contract.ts';
import { registryError } from './errors.ts';
import { dictionaryEntries } from './schema.ts';

export { DICTIONARY_KINDS };

export type DictionaryRow = typeof dictionaryEntries.$inferSelect;

export class DictionaryRepository {
  constructor(private readonly db: Executor) {}

  all(): Promise<DictionaryRow[]> {
    return this.db
      .select()
      .from(dictionaryEntries)
      .orderBy(asc(dictionaryEntries.kind), asc(dictionaryEntries.sortOrder), asc(dictionaryEntries.code));
  }

  async byKey(kind: string, code: string): Promise<DictionaryRow | undefined> {
    const [row] = await this.db
      .select()
      .from(dictionaryEntries)
      .where(and(eq(dictionaryEntries.kind, kind), eq(dictionaryEntries.code, code)));
    return row;
  }

  async insertMissing(rows: (typeof dictionaryEntries.$inferInsert)[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 500) {
      await this.db
        .insert(dictionaryEntries)
        .values(rows.slice(i, i + 500))
        .onConflictDoNothing();
    }
  }

  /** Changes with any insert, update or delete (rows and their update times), to notice another process's edits. */
  async stamp(): Promise<string> {
    const [row] = await this.db
      .select({
        n: count(),
        t: sql<string>`coalesce(sum(extract(epoch from ${dictionaryEntries.updatedAt})), 0)::text`,
      })
      .from(dictionaryEntries);
    return `${row?.n ?? 0}:${row?.t ?? ''}`;
  }

  async upsert(row: typeof dictionaryEntries.$inferInsert): Promise<DictionaryRow> {
    const [saved] = await this.db
      .insert(dictionaryEntries)
      .values(row)
      .onConflictDoUpdate({
        target: [dictionaryEntries.kind, dictionaryEntries.code],
        set: {
          name: row.name,
          parentCode: row.parentCode ?? null,
          level: row.level ?? null,
          aliases: row.aliases ?? [],
          active: row.active ?? true,
          updatedAt: row.updatedAt ?? new Date(),
        },
      })
      .returning();
    return saved!;
  }
}

/** The code lists as one process holds them. */
interface DictionaryCache {
  /** When the database was last seen to hold this (a full read, or a stamp that had not changed). */
  at: number;
  /** Row count and update times of the table when it was read: another process's edit changes it. */
  stamp: string;
  byKind: Map<string, DictionaryEntry[]>;
  byKey: Map<string, DictionaryRow>;
  /** The snapshot over this copy, made on first use. */
  snapshot?: DictionarySnapshot;
}

/**
 * The code lists (数据字典) as data: built-in entries are written on start when
 * missing; operators edit entries and import complete lists. Lookups go
 * through a per-process copy that a request never waits to refresh once it is
 * held: this process's own edits reload it as they commit (and the next lookup
 * waits for that reload, so a change is seen at once); other processes' edits
 * are noticed in the background, by a cheap stamp of the table checked when a
 * lookup finds the copy older than `cacheMs` and by `refresh()` on a timer.
 * With `cacheMs` 0 every lookup reads the table (tests use it to catch a
 * lookup outside an open transaction).
 */
export class DictionaryService {
  private cache: DictionaryCache | undefined;
  /** Bumped by every edit of this process; the copy is current when it was read at the newest. */
  private generation = 0;
  private cachedGeneration = -1;
  private refreshing: { generation: number; done: Promise<void> } | null = null;
  /** Full reads of the table so far (tests check that requests do not cause them). */
  reads = 0;

  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
    private readonly cacheMs = 5_000,
  ) {}

  /** Writes built-in entries that are not in the table yet; edited entries stay as edited. */
  async syncBuiltIns(): Promise<void> {
    const rows = DICTIONARY_KINDS.flatMap((kind) =>
      BUILT_IN_DICTIONARIES[kind].map((e, i) => ({
        kind,
        code: e.code,
        name: e.name,
        parentCode: e.parentCode,
        level: e.level ?? null,
        aliases: e.aliases ?? [],
        builtIn: true,
        sortOrder: i,
      })),
    );
    await new DictionaryRepository(this.database.db).insertMissing(rows);
    this.changed();
  }

  /**
   * Inside a transaction, pass it as `db`: PGlite has a single connection, so a
   * query outside the open transaction would wait for it forever.
   */
  private async load(db?: Executor): Promise<DictionaryCache> {
    if (this.cacheMs === 0) return this.read(db ?? this.database.db);
    const cache = this.cache;
    if (cache && this.cachedGeneration === this.generation) {
      // Never wait: look for other processes' edits behind this answer.
      if (Date.now() - cache.at >= this.cacheMs) void this.refresh(true).catch(() => {});
      return cache;
    }
    if (db) {
      // Not held yet, or this process just changed it, and a transaction is open: read
      // through it (a reload on the database handle would wait for this transaction).
      void this.refresh().catch(() => {});
      return this.read(db);
    }
    await this.refresh();
    return this.cache!;
  }

  /**
   * Brings the copy up to date. With `ifStale`, first compares the table's stamp and reads
   * it again only when another process changed it. One refresh runs at a time.
   */
  async refresh(ifStale = false): Promise<void> {
    if (this.cacheMs === 0) return;
    const wanted = this.generation;
    const running = this.refreshing;
    if (running && running.generation >= wanted) return running.done;
    const done = (async () => {
      await running?.done.catch(() => {});
      const current = this.cache;
      if (ifStale && current && this.cachedGeneration >= wanted) {
        const stamp = await new DictionaryRepository(this.database.db).stamp();
        if (stamp === current.stamp) {
          current.at = Date.now();
          return;
        }
      }
      const fresh = await this.read(this.database.db);
      if (wanted >= this.cachedGeneration) {
        this.cache = fresh;
        this.cachedGeneration = wanted;
      }
    })();
    const entry = { generation: wanted, done };
    this.refreshing = entry;
    void done
      .finally(() => {
        if (this.refreshing === entry) this.refreshing = null;
      })
      .catch(() => {});
    return done;
  }

  /** This process changed the table (committed): reload now, and make lookups wait for it. */
  private changed(): void {
    this.generation++;
    void this.refresh().catch(() => {});
  }

  private async read(db: Executor): Promise<DictionaryCache> {
    this.reads++;
    const repo = new DictionaryRepository(db);
    const stamp = await repo.stamp();
    const byKind = new Map<string, DictionaryEntry[]>();
    const byKey = new Map<string, DictionaryRow>();
    for (const row of await repo.all()) {
      byKey.set(`${row.kind}:${row.code}`, row);
      if (!row.active) continue;
      const list = byKind.get(row.kind) ?? [];
      list.push({
        code: row.code,
        name: row.name,
        parentCode: row.parentCode,
        aliases: row.aliases,
        ...(row.level ? { level: row.level } : {}),
      });
      byKind.set(row.kind, list);
    }
    return { at: Date.now(), stamp, byKind, byKey };
  }

  /**
   * A snapshot for one run of lookups (an import, a page of views). The same
   * object, and serial, while the copy it reads is current: a page kept in
   * process is kept under that serial, so names read again are not answered
   * from a page that showed the old ones.
   */
  async snapshot(db?: Executor): Promise<DictionarySnapshot> {
    const copy = await this.load(db);
    copy.snapshot ??= new DictionarySnapshot(copy.byKind, copy.byKey);
    return copy.snapshot;
  }

  async kinds() {
    const { byKind } = await this.load();
    return {
      items: DICTIONARY_KINDS.map((kind) => ({
        kind,
        name: DICTIONARY_NAMES[kind],
        count: byKind.get(kind)?.length ?? 0,
      })),
    };
  }

  async entries(kind: DictionaryKind) {
    const rows = (await new DictionaryRepository(this.database.db).all()).filter((r) => r.kind === kind);
    return { items: rows.map(entryView) };
  }

  async save(actor: AuditActor, kind: DictionaryKind, input: DictionaryEntryInput) {
    const saved = await this.database.transaction(async (tx) => {
      const repo = new DictionaryRepository(tx);
      if (input.parentCode && !(await repo.byKey(kind, input.parentCode))) {
        throw registryError('DICTIONARY_PARENT_UNKNOWN', { params: { code: input.parentCode } });
      }
      const before = await repo.byKey(kind, input.code);
      const row = await repo.upsert({ kind, ...input, builtIn: before?.builtIn ?? false });
      await this.audit.record(tx, actor, {
        action: before ? 'dictionary.update' : 'dictionary.create',
        entity: 'dictionary_entry',
        entityId: `${kind}:${input.code}`,
        changes: diffChanges(before ? entryView(before) : null, entryView(row)),
      });
      return row;
    });
    this.changed();
    // Saved either way; when this reload fails, the next lookup tries again.
    await this.refresh().catch(() => {});
    return entryView(saved);
  }

  /** One import kind per code list: 代码, 名称, 上级代码, 级别, 别名. */
  importKinds(): ImportKind<DictionaryEntryInput & { kind: DictionaryKind }>[] {
    return DICTIONARY_KINDS.map((kind) => ({
      kind: `dictionary.${kind}`,
      label: DICTIONARY_NAMES[kind],
      permission: 'dictionaries.manage',
      columns: [
        { key: 'code', header: '代码', headerEn: 'Code', required: true, example: '520', identifier: true },
        { key: 'name', header: '名称', headerEn: 'Name', required: true, example: '计算机科学技术' },
        { key: 'parentCode', header: '上级代码', headerEn: 'Parent code', aliases: ['父级代码'] },
        { key: 'level', header: '级别', headerEn: 'Level', aliases: ['层级'] },
        { key: 'aliases', header: '别名', headerEn: 'Aliases', hint: '多个别名用；分隔' },
      ],
      prepare: async () => (cells) => {
        const code = cells.code?.trim() ?? '';
        const name = cells.name?.trim() ?? '';
        const errors = [];
        if (!code || code.length > 16)
          errors.push({ column: '代码', value: code, message: '代码必填，最长16位' });
        if (!name || name.length > 64)
          errors.push({ column: '名称', value: name, message: '名称必填，最长64字' });
        const aliases = (cells.aliases ?? '')
          .split(/[;；,，、]/)
          .map((a) => a.trim())
          .filter(Boolean);
        return {
          code: code || null,
          data: errors.length
            ? null
            : {
                kind,
                code,
                name,
                parentCode: cells.parentCode?.trim() || null,
                level: cells.level?.trim() || null,
                aliases,
                active: true,
              },
          errors,
          flags: [],
        };
      },
      existing: async (db, _actor, codes) => {
        const rows = (await new DictionaryRepository(db).all()).filter(
          (r) => r.kind === kind && codes.includes(r.code),
        );
        return new Map(rows.map((r) => [r.code, { id: `${kind}:${r.code}`, inScope: true }]));
      },
      commitBatch: async (tx, actor, rows) => {
        const repo = new DictionaryRepository(tx);
        let created = 0;
        let updated = 0;
        const entries = [];
        for (const { data } of rows) {
          const before = await repo.byKey(kind, data.code);
          const row = await repo.upsert({ ...data, builtIn: before?.builtIn ?? false });
          if (before) updated++;
          else created++;
          entries.push({
            action: before ? 'dictionary.update' : 'dictionary.create',
            entity: 'dictionary_entry',
            entityId: `${kind}:${data.code}`,
            changes: diffChanges(before ? entryView(before) : null, entryView(row)),
          });
        }
        await this.audit.recordMany(tx, actor, entries);
        return { created, updated };
      },
      afterCommit: () => this.changed(),
    }));
  }
}

function entryView(row: DictionaryRow) {
  return {
    kind: row.kind,
    code: row.code,
    name: row.name,
    parentCode: row.parentCode,
    level: row.level,
    aliases: row.aliases,
    builtIn: row.builtIn,
    active: row.active,
  };
}

let snapshots = 0;

/** Lookups over one consistent view of the code lists. */
export class DictionarySnapshot {
  /** Which loaded copy of the code lists this is (a new number whenever they are read again). */
  readonly serial = ++snapshots;

  constructor(
    private readonly byKind: Map<string, DictionaryEntry[]>,
    private readonly byKey: Map<string, DictionaryRow>,
  ) {}

  /** The entry a spreadsheet cell means, by code, name or alias. */
  resolve(kind: DictionaryKind, text: string): DictionaryEntry | undefined {
    return resolveDictionaryValue(this.byKind.get(kind) ?? [], text);
  }

  has(kind: DictionaryKind, code: string): boolean {
    return this.byKey.has(`${kind}:${code}`);
  }

  name(kind: DictionaryKind, code: string): string {
    return this.byKey.get(`${kind}:${code}`)?.name ?? code;
  }

  named(kind: DictionaryKind, codes: readonly string[] | null | undefined): { code: string; name: string }[] {
    return (codes ?? []).map((code) => ({ code, name: this.name(kind, code) }));
  }

  level(kind: DictionaryKind, code: string): string | null {
    return this.byKey.get(`${kind}:${code}`)?.level ?? null;
  }

  /** The code with all its ancestors, for hierarchical filters (a section finds its divisions). */
  withAncestors(kind: DictionaryKind, codes: readonly string[]): string[] {
    const out = new Set<string>();
    for (const code of codes) {
      let current: string | null | undefined = code;
      for (let depth = 0; current && depth < 8 && !out.has(current); depth++) {
        out.add(current);
        current = this.byKey.get(`${kind}:${current}`)?.parentCode;
      }
    }
    return [...out];
  }
}
