import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitImport } from '../../../test/support/factories.ts';
import { type Client, type TestPlatform, testPlatform, upload } from '../../../test/support/platform.ts';
import { xlsx } from '../../../test/support/sheets.ts';
import { accountActor } from '../../main.ts';
import type { Actor } from '../access/actor.ts';
import type { ImportKind } from './import.ts';
import { sheetsBeingRead } from './table.ts';

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
    expect(await fileSize(p, job.id)).toBeNull();
  });
});

/** The bytes of a job's uploaded file still stored, or null when it was dropped. */
async function fileSize(p: TestPlatform, id: string): Promise<number | null> {
  const [row] = await p.database.rows<{ n: number | null }>(
    sql`select octet_length(file_data) as n from import_jobs where id = ${id}`,
  );
  return row!.n;
}

describe('uploaded files are kept only while they wait to be committed', () => {
  let p: TestPlatform;
  let operator: Client;
  beforeAll(async () => {
    p = await testPlatform();
    operator = await p.signIn('operator');
  });
  afterAll(() => p.close());

  it('drops the file when the job is committed; the counts and the report of rows stay', async () => {
    const file = await xlsx(
      ['编号', '姓名', '所在地区', '手机'],
      [
        ['KEEP-1', '保留一', '德清县', ''],
        ['KEEP-2', '保留二', '火星市', ''],
        ['KEEP-3', '保留三', '德清县', '12345'],
      ],
    );
    const job = (await upload(operator, '/api/imports/talents', 'keep.xlsx', file)).body;
    expect(await fileSize(p, job.id)).toBeGreaterThan(0);
    const done = await commitImport(operator, job.id);
    expect(done).toMatchObject({
      status: 'committed',
      created: 2,
      total: 3,
      valid: 2,
      rejected: 1,
      flagged: 1,
    });
    expect(await fileSize(p, job.id)).toBeNull();
    const after = (await operator.get(`/api/import-jobs/${job.id}`)).body;
    expect(after.report.map((r: { rowNumber: number; status: string }) => [r.rowNumber, r.status])).toEqual([
      [3, 'flagged'],
      [4, 'rejected'],
    ]);
  });

  it('drops the file of an abandoned preview at once; such a job cannot be committed', async () => {
    const file = await xlsx(['编号', '姓名'], [['GONE-1', '放弃']]);
    const job = (await upload(operator, '/api/imports/talents', 'gone.xlsx', file)).body;
    const abandoned = await operator.post(`/api/import-jobs/${job.id}/abandon`);
    expect(abandoned.status).toBe(200);
    expect(abandoned.body).toMatchObject({ status: 'abandoned', total: 1, valid: 1 });
    expect(await fileSize(p, job.id)).toBeNull();
    const commit = await operator.post(`/api/import-jobs/${job.id}/commit`);
    expect(commit.status).toBe(409);
    expect(commit.body.error.code).toBe('IMPORT_JOB_STATE');
    const again = await operator.post(`/api/import-jobs/${job.id}/abandon`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('IMPORT_JOB_CLOSED');
    expect((await operator.get('/api/registry/talents?q=gone-1')).body.total).toBe(0);
  });

  it('a preview not committed within a day expires with the hourly sweep and loses its file', async () => {
    const file = await xlsx(['编号', '姓名'], [['OLD-1', '旧']]);
    const old = (await upload(operator, '/api/imports/talents', 'old.xlsx', file)).body;
    const recent = (await upload(operator, '/api/imports/talents', 'new.xlsx', file)).body;
    await p.database.rows(
      sql`update import_jobs set updated_at = now() - interval '25 hours' where id = ${old.id}`,
    );
    // A finished job that still holds a file (written before files were dropped at commit).
    const finished = (await upload(operator, '/api/imports/talents', 'done.xlsx', file)).body;
    await p.database.rows(sql`update import_jobs set status = 'committed' where id = ${finished.id}`);
    expect(await p.imports.sweep()).toBe(2);
    expect((await operator.get(`/api/import-jobs/${old.id}`)).body).toMatchObject({
      status: 'expired',
      total: 1,
      valid: 1,
    });
    expect(await fileSize(p, old.id)).toBeNull();
    expect(await fileSize(p, finished.id)).toBeNull();
    expect(await fileSize(p, recent.id)).toBeGreaterThan(0);
    expect((await operator.post(`/api/import-jobs/${old.id}/commit`)).status).toBe(409);
  });
});

describe('a row that fails at commit', () => {
  let p: TestPlatform;
  let actor: Actor;
  beforeAll(async () => {
    p = await testPlatform();
    actor = (await accountActor(p, 'operator'))!;
  });
  afterAll(() => p.close());

  /** An import kind whose rows run a statement with their 姓名 in it, on the real database. */
  function probe(
    kind: string,
    statement: (name: string) => ReturnType<typeof sql>,
  ): ImportKind<{ name: string }> {
    return {
      kind,
      label: { zh: '探针', en: 'Probe' },
      permission: 'registry.manage',
      columns: [
        { key: 'code', header: '编号', headerEn: 'Code', required: true },
        { key: 'name', header: '姓名', headerEn: 'Name', required: true },
      ],
      prepare: async () => (cells) => ({
        code: cells.code ?? null,
        data: { name: cells.name ?? '' },
        errors: [],
        flags: [],
      }),
      existing: async () => new Map(),
      commitBatch: async (tx, _actor, rows) => {
        for (const row of rows) await tx.execute(statement(row.data.name));
        return { created: rows.length, updated: 0 };
      },
    };
  }

  it('is reported on its row, with no query or value in it, and the other rows are written', async () => {
    // A name that is not a number makes PostgreSQL refuse the row, quoting the value in its message;
    // a huge one passes a limit of the database (as a value too long for an index would).
    p.imports.register(probe('probe.rows', (name) => sql`select array_fill(1, array[${name}::int])`));
    const file = await xlsx(
      ['编号', '姓名'],
      [
        ['P-1', '1'],
        ['P-2', '陈志远'],
        ['P-3', '3'],
        ['P-4', '2000000000'],
      ],
    );
    const job = await p.imports.preview(actor, 'probe.rows', 'probe.xlsx', file);
    expect(job).toMatchObject({ total: 4, valid: 4 });
    const done = await p.imports.commit(actor, job.id);
    expect(done).toMatchObject({ status: 'committed', error: null, created: 2, valid: 2, rejected: 2 });
    const refused = (code: string, rowNumber: number, message: string) => ({
      rowNumber,
      code,
      status: 'rejected',
      errors: [{ column: '整行', message }],
      flags: [],
    });
    expect(done.report).toEqual([
      refused('P-2', 3, '数据库不接受该行的数据，未导入（22P02）'),
      refused('P-4', 5, '数据库不接受该行的数据，未导入（54000）'),
    ]);
    expect(JSON.stringify(done)).not.toContain('陈志远');
  });

  it('the job fails only for the database, and its error and the log say what failed, not the query', async () => {
    p.imports.register(probe('probe.job', (name) => sql`select * from ${sql.identifier(`表_${name}`)}`));
    const file = await xlsx(['编号', '姓名'], [['J-1', '王雪梅']]);
    const job = await p.imports.preview(actor, 'probe.job', 'probe.xlsx', file);
    const logged: string[] = [];
    await p.imports.commitInBackground(actor, job.id, (failure) => logged.push(failure));
    let failed = await p.imports.get(actor, job.id);
    for (let i = 0; i < 100 && failed.status === 'committing'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      failed = await p.imports.get(actor, job.id);
    }
    expect(failed.status).toBe('failed');
    expect(failed.error).toContain('42P01');
    expect(logged).toEqual(['database error 42P01']);
    for (const text of [failed.error!, ...logged]) {
      expect(text).not.toContain('王雪梅');
      expect(text).not.toMatch(/select/i);
    }
    expect(await fileSize(p, job.id)).toBeNull();
  });
});

describe('reading a large file', () => {
  let p: TestPlatform;
  let operator: Client;
  beforeAll(async () => {
    p = await testPlatform();
    operator = await p.signIn('operator');
  });
  afterAll(() => p.close());

  // Short rows: a million of them stay under the 20 MB upload limit.
  const csv = (rows: number) =>
    Buffer.from(
      `编号,姓名\r\n${Array.from({ length: rows }, (_, i) => `L${i},人${i % 10}`).join('\r\n')}\r\n`,
    );

  it('answers other requests while a 200,000-row file is read, off the thread that answers them', async () => {
    const file = csv(200_000);
    const started = performance.now();
    let finished = 0;
    const preview = upload(operator, '/api/imports/talents', 'big.csv', file).finally(() => {
      finished = performance.now();
    });
    const answers: { ms: number; reading: number }[] = [];
    while (!finished) {
      const t = performance.now();
      const health = await p.app.inject({ method: 'GET', url: '/healthz' });
      expect(health.statusCode).toBe(200);
      answers.push({ ms: performance.now() - t, reading: sheetsBeingRead() });
      await new Promise((r) => setTimeout(r, 10));
    }
    const res = await preview;
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
    expect(res.body).toMatchObject({ total: 200_000, valid: 200_000 });
    const whileReading = answers.filter((a) => a.reading > 0).map((a) => a.ms);
    console.log(
      `200,000-row preview: ${((finished - started) / 1000).toFixed(1)} s; /healthz answered ${answers.length} times, ` +
        `${whileReading.length} while the sheet was read, slowest ${Math.max(...answers.map((a) => a.ms)).toFixed(0)} ms`,
    );
    // Answered while a worker thread was still reading the sheet (a parse on this thread answers nothing meanwhile).
    expect(whileReading.length).toBeGreaterThan(0);
    expect(sheetsBeingRead()).toBe(0);
  }, 180_000);

  it('refuses a file over the row limit as soon as the count passes it, with the limit named', async () => {
    const before = await p.tableCounts();
    const started = performance.now();
    const res = await upload(operator, '/api/imports/talents', 'million.csv', csv(1_000_000));
    const seconds = (performance.now() - started) / 1000;
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('IMPORT_TOO_MANY_ROWS');
    expect(res.body.error.message).toContain('200000');
    console.log(`1,000,000-row csv refused after ${seconds.toFixed(1)} s`);
    expect(sheetsBeingRead()).toBe(0);
    expect(await p.tableCounts()).toEqual(before);
    const over = await upload(operator, '/api/imports/talents', 'over.csv', csv(200_001));
    expect(over.body.error.code).toBe('IMPORT_TOO_MANY_ROWS');
  }, 120_000);
});
