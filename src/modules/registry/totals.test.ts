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

/** The page the talents list opens with, as the web asks for it. */
async function openingPage(client: Client) {
  const res = await client.get('/api/registry/talents?page=1&pageSize=20');
  expect(res.status).toBe(200);
  return res.body as {
    items: {
      id: string;
      code: string;
      employerName: string | null;
      version: number;
      regionCode: string | null;
    }[];
    total: number;
  };
}

describe("a registry list's total and opening pages", () => {
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

  it('shows an edit made here on the very next opening page', async () => {
    const first = (await openingPage(operator)).items[3]!;
    const edited = await operator.patch(`/api/registry/talents/${first.id}`, {
      version: first.version,
      employerName: '太湖实验室',
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const next = (await openingPage(operator)).items;
    expect(next.find((t) => t.id === first.id)).toMatchObject({
      employerName: '太湖实验室',
      version: first.version + 1,
    });
  });

  it("shows another process's edit within two seconds, not before (the page is kept that long)", async () => {
    const first = (await openingPage(operator)).items[0]!;
    await p.database.rows(sql`update talents set employer_name = '南太湖研究院' where id = ${first.id}`);
    expect((await openingPage(operator)).items[0]!.employerName).toBe(first.employerName);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect((await openingPage(operator)).items[0]!.employerName).toBe('南太湖研究院');
  });

  it('names a code list entry as renamed here on the very next page', async () => {
    const admin = await p.signIn('admin');
    const titled = (await admin.get('/api/registry/talents?page=1&pageSize=20')).body.items.find(
      (t: { title: unknown }) => t.title,
    ) as { id: string; title: { code: string; name: string } };
    expect(titled).toBeDefined();
    const entry = (await admin.get('/api/dictionaries/title')).body.items.find(
      (e: { code: string }) => e.code === titled.title.code,
    );
    const renamed = await admin.put(`/api/dictionaries/title/${entry.code}`, {
      name: `${entry.name}（新）`,
      parentCode: entry.parentCode,
      level: entry.level,
      aliases: entry.aliases,
    });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    const again = (await admin.get('/api/registry/talents?page=1&pageSize=20')).body.items.find(
      (t: { id: string }) => t.id === titled.id,
    );
    expect(again.title).toEqual({ code: entry.code, name: `${entry.name}（新）` });
  });

  it('answers each scope its own page, whoever asked first', async () => {
    const admin = await p.signIn('admin');
    const made = await admin.post('/api/users', {
      username: 'dq.kept',
      displayName: '德清操作员',
      role: 'operator',
      regionCode: '330521',
      password: 'kept-Test-2026',
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const deqing = await p.signIn('dq.kept', 'kept-Test-2026');
    const city = await openingPage(operator);
    const county = await openingPage(deqing);
    expect(county.total).toBeLessThan(city.total);
    expect(county.items.every((t) => t.regionCode?.startsWith('330521'))).toBe(true);
    // And the city's page, asked after the county's, is still the city's.
    expect((await openingPage(operator)).total).toBe(city.total);
  });

  it('keeps each order its own page', async () => {
    const codes = async (sort: string) =>
      (await operator.get(`/api/registry/talents?page=1&pageSize=20&sort=${sort}`)).body.items.map(
        (t: { code: string }) => t.code,
      );
    const inDatabase = async (order: string) =>
      (
        await p.database.rows<{ code: string }>(
          sql`select code from talents where archived_at is null and scope_region like '3305%'
              order by ${sql.raw(order)} limit 20`,
        )
      ).map((r) => r.code);
    // Each order asked twice (the second answer is the kept page), as the database orders it.
    for (const [sort, order] of [
      ['updatedAt', 'updated_at desc, code'],
      ['name', 'name, code'],
      ['code', 'code'],
      ['name', 'name, code'],
    ] as const) {
      expect(await codes(sort)).toEqual(await inDatabase(order));
    }
    expect(await codes('name')).not.toEqual(await codes('updatedAt'));
  });
});
