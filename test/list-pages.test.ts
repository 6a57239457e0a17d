import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestPlatform, testPlatform } from './support/platform.ts';

/**
 * A list page carries its total in the page's own query (platform/db/pages.ts
 * pageWithTotal), and a list's first request runs as a prepared statement: each
 * page tells the same total as the first, so does a page past the end (which
 * has no row to carry it), and the prepared list and a filtered one of the
 * same rows agree, for managers and for the narrower scopes of other roles.
 */
const LISTS = [
  '/api/registry/talents',
  '/api/registry/enterprises',
  '/api/registry/institutions',
  '/api/registry/stations',
  '/api/lists/demands',
  '/api/lists/talent-demands',
  '/api/lists/achievements',
  '/api/orders',
  '/api/activities',
];

interface Page {
  items: { id: string }[];
  total: number;
  totalCapped?: boolean;
}

describe('list pages and their totals', () => {
  let p: TestPlatform;
  const clients: Record<string, Client> = {};
  beforeAll(async () => {
    p = await testPlatform();
    for (const who of ['admin', 'operator', 'expert', 'enterprise']) clients[who] = await p.signIn(who);
  });
  afterAll(() => p.close());

  for (const who of ['admin', 'operator', 'expert', 'enterprise']) {
    it(`${who}: every page, and a page past the end, tells the first page's total`, async () => {
      const client = clients[who]!;
      for (const list of LISTS) {
        const get = async (query: string) => {
          const res = await client.get(`${list}?${query}`);
          return res.status === 403 ? null : (res.body as Page);
        };
        const all = await get('page=1&pageSize=100');
        if (!all) continue;
        expect(all.totalCapped ?? false, list).toBe(false);
        expect(all.items.length, list).toBe(all.total);
        const seen: string[] = [];
        const pages = Math.max(1, Math.ceil(all.total / 2));
        for (let page = 1; page <= pages; page++) {
          const one = (await get(`page=${page}&pageSize=2`))!;
          expect(one.total, `${list} page ${page}`).toBe(all.total);
          seen.push(...one.items.map((i) => i.id));
        }
        expect(seen, list).toEqual(all.items.map((i) => i.id));
        const past = (await get(`page=${pages + 3}&pageSize=2`))!;
        expect(past.items, list).toEqual([]);
        expect(past.total, list).toBe(all.total);
      }
    });
  }
});
