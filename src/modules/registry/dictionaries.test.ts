import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestPlatform, testPlatform, upload } from '../../../test/support/platform.ts';
import { xlsx } from '../../../test/support/sheets.ts';

describe('dictionaries (数据字典)', () => {
  let p: TestPlatform;
  let operator: Client;
  let admin: Client;
  beforeAll(async () => {
    p = await testPlatform();
    operator = await p.signIn('operator');
    admin = await p.signIn('admin');
  });
  afterAll(() => p.close());

  it('ships the built-in code lists', async () => {
    const kinds = await operator.get('/api/dictionaries');
    const count = (kind: string) => kinds.body.items.find((k: { kind: string }) => k.kind === kind).count;
    expect(count('industry')).toBe(117);
    expect(count('discipline')).toBeGreaterThan(200);
    const industries = await operator.get('/api/dictionaries/industry');
    expect(industries.body.items.find((e: { code: string }) => e.code === 'C')).toMatchObject({
      name: '制造业',
      builtIn: true,
    });
  });

  it('adds an entry that imports then resolve by name and alias, and audits it', async () => {
    const res = await admin.put('/api/dictionaries/cluster/K99', { name: '湖羊产业', aliases: ['湖羊'] });
    expect(res.status).toBe(200);
    const bad = await admin.put('/api/dictionaries/discipline/99901', {
      name: '无上级',
      parentCode: '999',
    });
    expect(bad.body.error.code).toBe('DICTIONARY_PARENT_UNKNOWN');
    const file = await xlsx(['编号', '企业名称', '主导产业'], [['DICT-E1', '湖羊养殖有限公司', '湖羊']]);
    const job = (await upload(operator, '/api/imports/enterprises', 'e.xlsx', file)).body;
    expect(job).toMatchObject({ valid: 1, flagged: 0 });
    const audit = await (await p.signIn('auditor')).get(
      '/api/audit?entity=dictionary_entry&entityId=cluster:K99',
    );
    expect(audit.body.items[0]).toMatchObject({ action: 'dictionary.create' });
  });

  it('imports a complete code list from Excel and uses it at once', async () => {
    const file = await xlsx(
      ['代码', '名称', '上级代码', '别名'],
      [
        ['52021', '大模型技术', '52020', '大模型；LLM'],
        ['52022', '具身智能', '52020', ''],
        ['', '缺代码', '', ''],
      ],
    );
    const job = (await upload(admin, '/api/imports/dictionary.discipline', 'd.xlsx', file)).body;
    expect(job).toMatchObject({ total: 3, valid: 2, rejected: 1, toCreate: 2 });
    const started = await admin.post(`/api/import-jobs/${job.id}/commit`);
    expect(started.status).toBe(202);
    for (
      let i = 0;
      i < 100 && (await admin.get(`/api/import-jobs/${job.id}`)).body.status !== 'committed';
      i++
    ) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const created = await operator.post('/api/registry/talents', {
      code: 'LLM-1',
      name: '大模型专家',
      disciplines: ['52021'],
    });
    expect(created.status).toBe(201);
    expect(created.body.disciplines).toEqual([{ code: '52021', name: '大模型技术' }]);
    const bySection = await operator.get('/api/registry/talents?discipline=520');
    expect(bySection.body.items.map((t: { code: string }) => t.code)).toContain('LLM-1');
  });

  it('lets only platform administrators edit the code lists every region shares', async () => {
    const expert = await p.signIn('expert');
    expect((await expert.put('/api/dictionaries/cluster/K98', { name: 'x' })).status).toBe(403);
    expect((await expert.get('/api/dictionaries/cluster')).status).toBe(200);
    // A city's operator would change the list for every other city too.
    expect((await operator.put('/api/dictionaries/cluster/K98', { name: 'x' })).status).toBe(403);
    const sheet = await xlsx(['代码', '名称'], [['K98', 'x']]);
    expect((await upload(operator, '/api/imports/dictionary.cluster', 'd.xlsx', sheet)).status).toBe(403);
    expect(
      (await operator.get('/api/dictionaries/cluster')).body.items.map((e: { code: string }) => e.code),
    ).not.toContain('K98');
    const roles = await admin.put('/api/roles/operator/permissions', {
      permissions: ['dictionaries.manage'],
    });
    expect(roles.body.error.code).toBe('GRANT_VIOLATES_SEPARATION');
  });
});

describe('masking per role', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await testPlatform();
    const operator = await p.signIn('operator');
    await operator.post('/api/registry/talents', {
      code: 'MASK-1',
      name: '遮蔽测试',
      regionCode: '330502',
      mobile: '13912345678',
      idNumber: '11010519491231002X',
    });
  });
  afterAll(() => p.close());

  it.each(['admin', 'operator', 'auditor'])(
    '%s sees masked personal data in lists, details and exports',
    async (role) => {
      const client = await p.signIn(role);
      const list = await client.get('/api/registry/talents?q=mask-1');
      // The list shows the mobile masked and carries no ID number (no list shows it); the record's page masks both.
      expect(list.body.items[0]).toMatchObject({ mobile: '139****5678' });
      expect(list.body.items[0]).not.toHaveProperty('idNumber');
      const detail = await client.get(`/api/registry/talents/${list.body.items[0].id}`);
      expect(detail.body).toMatchObject({ mobile: '139****5678', idNumber: '110***********002X' });
      const csv = await client.request('GET', '/api/registry/talents/export?format=csv&q=mask-1');
      expect(String(csv.body)).toContain('139****5678');
      expect(String(csv.body)).not.toContain('13912345678');
    },
  );

  it('only roles with personal.reveal may export unmasked, and that export is audited', async () => {
    const auditor = await p.signIn('auditor');
    const refused = await auditor.request('GET', '/api/registry/talents/export?format=csv&reveal=true');
    expect(refused.status).toBe(403);
    const operator = await p.signIn('operator');
    const csv = await operator.request('GET', '/api/registry/talents/export?format=csv&q=mask-1&reveal=true');
    expect(String(csv.body)).toContain('13912345678');
    const audit = await auditor.get('/api/audit?action=talent.export.reveal');
    expect(audit.body.items[0].changes.rows).toEqual({ to: 1 });
  });
});
