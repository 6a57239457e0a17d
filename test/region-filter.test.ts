import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestPlatform, testPlatform } from './support/platform.ts';

/**
 * A region filter means the same on every list (issue 13, item 15): '3305' and
 * '330500' are the city, '33' and '330000' the province, a county is itself.
 * The web's region picker sends 6-digit codes.
 */
const LISTS = [
  '/api/activities',
  '/api/registry/talents',
  '/api/registry/enterprises',
  '/api/registry/institutions',
  '/api/registry/stations',
  '/api/lists/demands',
  '/api/lists/talent-demands',
  '/api/lists/achievements',
  '/api/users',
];

describe('region filters', () => {
  let p: TestPlatform;
  let admin: Client;
  beforeAll(async () => {
    p = await testPlatform();
    admin = await p.signIn('admin');
  });
  afterAll(() => p.close());

  const codes = async (url: string) => {
    const res = await admin.get(url);
    expect(res.status, `${url}: ${JSON.stringify(res.body).slice(0, 300)}`).toBe(200);
    return (res.body.items as { id: string }[]).map((i) => i.id).sort();
  };

  for (const list of LISTS) {
    it(`${list}: a city or province by its short or 6-digit code, a county by its own`, async () => {
      const all = await codes(`${list}?pageSize=200`);
      const city = await codes(`${list}?pageSize=200&regionCode=3305`);
      expect(city.length, 'the demo city has records').toBeGreaterThan(0);
      expect(await codes(`${list}?pageSize=200&regionCode=330500`)).toEqual(city);
      const province = await codes(`${list}?pageSize=200&regionCode=33`);
      expect(await codes(`${list}?pageSize=200&regionCode=330000`)).toEqual(province);
      expect(province).toEqual(expect.arrayContaining(city));
      const county = await codes(`${list}?pageSize=200&regionCode=330502`);
      expect(city).toEqual(expect.arrayContaining(county));
      expect(await codes(`${list}?pageSize=200&regionCode=000000`)).toEqual(all);
      // Another city of the province: none of the demo city's records.
      const hangzhou = await codes(`${list}?pageSize=200&regionCode=330100`);
      expect(hangzhou.filter((id) => city.includes(id))).toEqual([]);
    });

    it(`${list}: a code that names no region is refused, not an empty page or a 500`, async () => {
      for (const code of ['3', '330', '33050', '339900', '001', '0012']) {
        const res = await admin.get(`${list}?regionCode=${code}`);
        expect(res.status, code).toBe(400);
        expect(res.body.error.code).toBe('VALIDATION_FAILED');
        expect(res.body.error.fields[0].path).toBe('query.regionCode');
      }
    });
  }

  it('the activities export filters the same way', async () => {
    const a = await p.app.inject({
      method: 'GET',
      url: '/api/activities/export?format=csv&regionCode=330500',
      headers: { cookie: admin.cookie! },
    });
    const b = await p.app.inject({
      method: 'GET',
      url: '/api/activities/export?format=csv&regionCode=3305',
      headers: { cookie: admin.cookie! },
    });
    expect(a.statusCode).toBe(200);
    expect(Number(a.headers['x-row-count'])).toBeGreaterThan(0);
    expect(a.headers['x-row-count']).toBe(b.headers['x-row-count']);
  });
});
