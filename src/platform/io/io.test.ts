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
});
