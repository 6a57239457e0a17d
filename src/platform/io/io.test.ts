import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestPlatform, testPlatform, upload } from '../../../test/support/platform.ts';
import { xlsx } from '../../../test/support/sheets.ts';

describe('interrupted imports', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await testPlatform();
  });
  afterAll(() => p.close());

  it('a job left committing by a stopped process is marked failed at the next start, and can be told apart', async () => {
    const operator = await p.signIn('operator');
    const file = await xlsx(['编号', '姓名'], [['INT-1', '中断']]);
    const job = (await upload(operator, '/api/imports/talents', 'x.xlsx', file)).body;
    // As if a process had claimed the job and died eleven minutes ago.
    await p.database.rows(
      sql`update import_jobs set status = 'committing', updated_at = now() - interval '11 minutes' where id = ${job.id}`,
    );
    const fresh = (await upload(operator, '/api/imports/talents', 'y.xlsx', file)).body;
    await p.database.rows(sql`update import_jobs set status = 'committing' where id = ${fresh.id}`);
    expect(await p.imports.failInterrupted()).toBe(1);
    const stale = await operator.get(`/api/import-jobs/${job.id}`);
    expect(stale.body).toMatchObject({ status: 'failed' });
    expect(stale.body.error).toContain('中断');
    expect((await operator.get(`/api/import-jobs/${fresh.id}`)).body.status).toBe('committing');
  });

  it('keeps an uploaded file for a week after its import finished, then only the report', async () => {
    const operator = await p.signIn('operator');
    const file = await xlsx(['编号', '姓名'], [['OLD-1', '旧']]);
    const old = (await upload(operator, '/api/imports/talents', 'old.xlsx', file)).body;
    const recent = (await upload(operator, '/api/imports/talents', 'new.xlsx', file)).body;
    await p.database.rows(
      sql`update import_jobs set status = 'committed', updated_at = now() - interval '8 days' where id = ${old.id}`,
    );
    await p.database.rows(sql`update import_jobs set status = 'committed' where id = ${recent.id}`);
    expect(await p.imports.dropOldFiles()).toBe(1);
    const sizes = await p.database.rows<{ id: string; n: number }>(
      sql`select id, octet_length(file_data) as n from import_jobs where id in (${old.id}, ${recent.id})`,
    );
    expect(sizes.find((r) => r.id === old.id)!.n).toBe(0);
    expect(sizes.find((r) => r.id === recent.id)!.n).toBeGreaterThan(0);
    expect((await operator.get(`/api/import-jobs/${old.id}`)).body).toMatchObject({ total: 1, valid: 1 });
  });
});
