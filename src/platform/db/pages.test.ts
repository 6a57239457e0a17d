import { asc, getTableColumns, type Table } from 'drizzle-orm';
import { pgTable, real } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestPlatform, testPlatform } from '../../../test/support/platform.ts';
import { activities } from '../../modules/activities/schema.ts';
import { listItems } from '../../modules/lists/schema.ts';
import { serviceOrders } from '../../modules/orders/schema.ts';
import { enterprises, institutions, stations, talents } from '../../modules/registry/schema.ts';
import { pageRowOf } from './pages.ts';

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

  it('refuses a column whose JSON would differ from what the driver gives (a float, here)', () => {
    const measured = pgTable('measured', { id: real('id') });
    expect(() => pageRowOf(measured)).toThrow(/needs its own reading/);
  });
});
