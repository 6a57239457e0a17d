import { asc, getTableColumns, isNull, sql, type Table } from 'drizzle-orm';
import { pgTable, real } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestPlatform, testPlatform } from '../../../test/support/platform.ts';
import { activities } from '../../modules/activities/schema.ts';
import { listItems } from '../../modules/lists/schema.ts';
import { serviceOrders } from '../../modules/orders/schema.ts';
import { enterprises, institutions, stations, talents } from '../../modules/registry/schema.ts';
import { KeptReads, pageRowOf, selectPage } from './pages.ts';

describe('a list page’s rows read as JSON (pageRowOf)', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await testPlatform();
  });
  afterAll(() => p.close());

  const tables: [string, Table][] = [
    ['talents', talents],
    ['enterprises', enterprises],
    ['institutions', institutions],
    ['stations', stations],
    ['list items', listItems],
    ['service orders', serviceOrders],
    ['activities', activities],
  ];
  for (const [name, table] of tables) {
    it(`${name}: every demo record reads as drizzle reads it, without the search and filter columns`, async () => {
      const db = p.database.db;
      const id = getTableColumns(table).id!;
      const { value, read } = pageRowOf(table);
      const whole = (await db.select().from(table).orderBy(asc(id))) as Record<string, unknown>[];
      const asJson = (await db.select({ row: value }).from(table).orderBy(asc(id))).map((r) => read(r.row));
      expect(whole.length).toBeGreaterThan(0);
      const leftOut = ['searchText', 'mobileHash', 'idNumberHash', 'contactMobileHash', 'liaisonMobileHash'];
      const shown = whole.map((row) =>
        Object.fromEntries(Object.entries(row).filter(([k]) => !leftOut.includes(k) && !k.endsWith('Tags'))),
      );
      expect(asJson).toEqual(shown);
      // Dates stay dates, to the millisecond.
      expect((asJson[0] as { createdAt: unknown }).createdAt).toBeInstanceOf(Date);
    });
  }

  it('a list page read over its rows only keeps its order, offset and filter (selectPage)', async () => {
    const db = p.database.db;
    const where = isNull(talents.archivedAt);
    const orderBy = [asc(talents.name), asc(talents.code)];
    const { value, read } = pageRowOf(talents);
    const page = (offset: number) =>
      selectPage(db, { row: value }, talents, { where, orderBy, limit: 5, offset });
    for (const offset of [0, 5, 30]) {
      const cut = await page(offset);
      const plain = await db
        .select()
        .from(talents)
        .where(where)
        .orderBy(...orderBy)
        .limit(5)
        .offset(offset);
      expect(cut.map((r) => read(r.row).code)).toEqual(plain.map((r) => r.code));
      if (offset === 0) expect(cut).toHaveLength(5);
    }
    // The object is built above the cut: PostgreSQL's plan evaluates it after the limit.
    const plan = (
      await p.database.rows<{ 'QUERY PLAN': string }>(sql`explain (verbose, costs off) ${page(0)}`)
    ).map((r) => r['QUERY PLAN']);
    const built = plan.findIndex((line) => line.includes('json_build_object'));
    const limit = plan.findIndex((line) => line.includes('Limit'));
    expect(built).toBeGreaterThanOrEqual(0);
    expect(built).toBeLessThan(limit);
  });

  it('a list that shows some columns reads those alone, each as the whole row has it', async () => {
    const db = p.database.db;
    const only = ['id', 'code', 'disciplines', 'updatedAt', 'mobileEnc'];
    const { value, read } = pageRowOf(talents, only);
    const rows = (await db.select({ row: value }).from(talents).orderBy(asc(talents.id))).map((r) =>
      read(r.row),
    );
    const whole = await db.select().from(talents).orderBy(asc(talents.id));
    expect(rows).toEqual(
      whole.map((row) => ({
        id: row.id,
        code: row.code,
        disciplines: row.disciplines,
        updatedAt: row.updatedAt,
        mobileEnc: row.mobileEnc,
      })),
    );
    // The whole row is another reading, kept beside it.
    expect(
      Object.keys(read((await db.select({ row: pageRowOf(talents).value }).from(talents))[0]!.row)),
    ).toContain('researchInterests');
    expect(() => pageRowOf(talents, ['id', 'nickname'])).toThrow(/no column nickname/);
  });

  it('refuses a column whose JSON would differ from what the driver gives (a float, here)', () => {
    const measured = pgTable('measured', { id: real('id') });
    expect(() => pageRowOf(measured)).toThrow(/needs its own reading/);
  });
});

describe('plain lists’ reads kept briefly (KeptReads)', () => {
  /** A read that answers when told to, counting how often it was started. */
  function reads() {
    const started: ((value: string) => void)[] = [];
    return {
      started,
      load: () => new Promise<string>((resolve) => started.push(resolve)),
    };
  }

  it('callers that come while a page is read wait for that read instead of reading again', async () => {
    const kept = new KeptReads<string>(2_000);
    const { started, load } = reads();
    const answers = Promise.all([
      kept.through('p1', load),
      kept.through('p1', load),
      kept.through('p1', load),
    ]);
    expect(started).toHaveLength(1);
    started[0]!('page one');
    expect(await answers).toEqual(['page one', 'page one', 'page one']);
    // Kept: the next caller is answered without a read.
    expect(await kept.through('p1', load)).toBe('page one');
    expect(started).toHaveLength(1);
    // Another key is another read.
    void kept.through('p2', load);
    expect(started).toHaveLength(2);
  });

  it('a change during a read: later callers read afresh, and the earlier read is not kept', async () => {
    const kept = new KeptReads<string>(2_000);
    const { started, load } = reads();
    const before = kept.through('p1', load);
    kept.forget();
    const after = kept.through('p1', load);
    expect(started).toHaveLength(2);
    started[0]!('before the change');
    started[1]!('after the change');
    expect(await before).toBe('before the change');
    expect(await after).toBe('after the change');
    expect(await kept.through('p1', load)).toBe('after the change');
    expect(started).toHaveLength(2);
  });

  it('keeps nothing with no keeping time, and nothing past it', async () => {
    const none = new KeptReads<string>(0);
    let n = 0;
    const count = async () => `read ${++n}`;
    expect(await none.through('p1', count)).toBe('read 1');
    expect(await none.through('p1', count)).toBe('read 2');
    const brief = new KeptReads<string>(30);
    expect(await brief.through('p1', count)).toBe('read 3');
    expect(await brief.through('p1', count)).toBe('read 3');
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(await brief.through('p1', count)).toBe('read 4');
  });

  it('a failed read is not kept: the next caller reads again', async () => {
    const kept = new KeptReads<string>(2_000);
    await expect(kept.through('p1', () => Promise.reject(new Error('database gone')))).rejects.toThrow(
      'database gone',
    );
    expect(await kept.through('p1', async () => 'read again')).toBe('read again');
  });
});
