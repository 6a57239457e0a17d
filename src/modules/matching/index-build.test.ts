import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestPlatform, testPlatform, upload } from '../../../test/support/platform.ts';
import { xlsx } from '../../../test/support/sheets.ts';

async function importExperts(client: Client, rows: string[][]) {
  const file = await xlsx(['编号', '姓名', '所在地区', '职称', '研究方向'], rows);
  const job = (await upload(client, '/api/imports/talents', 'experts.xlsx', file)).body;
  expect(job.valid).toBe(rows.length);
  expect((await client.post(`/api/import-jobs/${job.id}/commit`)).status).toBe(202);
  let status = '';
  for (const until = Date.now() + 120_000; Date.now() < until; ) {
    status = (await client.get(`/api/import-jobs/${job.id}`)).body.status;
    if (status === 'committed') return;
    expect(status).not.toBe('failed');
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`import did not finish: ${status}`);
}

/**
 * The index is built from one full read of the records; the changes an
 * import queued before that read are already in it and are not read again.
 */
describe('building the matching index after an import', () => {
  let p: TestPlatform;
  let operator: Client;
  const n = 1200; // three commit batches
  beforeAll(async () => {
    // The demo's commissioner round proposes pairs through matching, which builds the index: left out here.
    p = await testPlatform({ demoCommissioners: false });
    operator = await p.signIn('operator');
  });
  afterAll(() => p.close());

  it('reads each record once, and stays correct', { timeout: 300_000 }, async () => {
    const rows = Array.from({ length: n }, (_, i) => [
      `IX-${String(i).padStart(4, '0')}`,
      `索引专家${i}`,
      '德清县',
      '教授',
      i === 7 ? '钙钛矿叠层太阳能电池封装' : '复合材料界面改性',
    ]);
    await importExperts(operator, rows);
    expect(p.matching.stats).toEqual({ read: 0, applied: 0, covered: 0 }); // nothing built yet

    await p.matching.ready();
    const { read, applied, covered } = p.matching.stats;
    expect(read).toBeGreaterThanOrEqual(n);
    expect(covered).toBeGreaterThanOrEqual(n); // every queued change was in the full read …
    expect(applied).toBe(0); // … so none was read again

    const search = (text: string) =>
      operator.post('/api/matching/search', { text, against: 'experts', top: 3 });
    const found = await search('钙钛矿叠层太阳能电池封装');
    expect(found.body.items[0].code).toBe('IX-0007');

    // A change after the build is still followed, by reading that one record.
    const list = await operator.get('/api/registry/talents?q=IX-0100');
    const target = list.body.items.find((t: { code: string }) => t.code === 'IX-0100');
    const current = (await operator.get(`/api/registry/talents/${target.id}`)).body;
    const edited = await operator.patch(`/api/registry/talents/${target.id}`, {
      version: current.version,
      researchInterests: '固态电解质界面快充',
    });
    expect(edited.status).toBe(200);
    const after = await search('固态电解质界面快充');
    expect(after.body.items[0].code).toBe('IX-0100');
    expect(p.matching.stats.applied).toBe(1);
  });
});
