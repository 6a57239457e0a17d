import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestPlatform, testPlatform } from '../../../test/support/platform.ts';

const talent = {
  code: 'T-TOTAL-1',
  name: '沈立',
  regionCode: '330502',
  employerName: '浙北理工学院',
};

/** The total the talents list opens with (no filter, the default order), as the web asks for it. */
async function openingTotal(client: Client): Promise<number> {
  const res = await client.get('/api/registry/talents?page=1&pageSize=20');
  expect(res.status).toBe(200);
  return res.body.total;
}

describe("a registry list's total", () => {
  let p: TestPlatform;
  let operator: Client;

  beforeAll(async () => {
    p = await testPlatform();
    operator = await p.signIn('operator');
  });
  afterAll(() => p.close());

  it('counts a record created or archived here on the very next page', async () => {
    const before = await openingTotal(operator);
    const created = await operator.post('/api/registry/talents', talent);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(await openingTotal(operator)).toBe(before + 1);
    const secondPage = await operator.get('/api/registry/talents?page=2&pageSize=20');
    expect(secondPage.body.total).toBe(before + 1);

    const archived = await operator.post(`/api/registry/talents/${created.body.id}/archive`, {
      version: created.body.version,
      archived: true,
    });
    expect(archived.status, JSON.stringify(archived.body)).toBe(200);
    expect(await openingTotal(operator)).toBe(before);
  });

  it("counts another process's record within two seconds", async () => {
    const before = await openingTotal(operator);
    // Written past this process's services, as another server or the CLI would.
    await p.database.rows(sql`
      insert into talents (code, name, region_code, scope_region, search_text)
      values ('T-TOTAL-2', '钱程', '330502', '330502', 't-total-2 钱程')`);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect(await openingTotal(operator)).toBe(before + 1);
  });
});
