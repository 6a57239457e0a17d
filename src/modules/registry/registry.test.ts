import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestPlatform, testPlatform } from '../../../test/support/platform.ts';

const expert = {
  code: 'T-100',
  name: '林海',
  gender: 'male',
  birthYear: 1978,
  education: 'E1',
  title: 'T01',
  employerName: '浙北理工学院',
  regionCode: '330502',
  disciplines: ['52020'],
  industries: ['65'],
  researchInterests: '机器视觉缺陷检测；工业大数据',
  honours: ['H04'],
  mobile: '13800001111',
  email: 'linhai@example.cn',
  idNumber: '11010519491231002X',
};

describe('registries over the API', () => {
  let p: TestPlatform;
  let operator: Client;
  let auditor: Client;
  let created: { id: string; version: number };

  beforeAll(async () => {
    p = await testPlatform();
    operator = await p.signIn('operator');
    auditor = await p.signIn('auditor');
  });
  afterAll(() => p.close());

  it('creates an expert with dictionary names, masked personal data and an audit row without it', async () => {
    const res = await operator.post('/api/registry/talents', expert);
    expect(res.status).toBe(201);
    created = res.body;
    expect(res.body).toMatchObject({
      code: 'T-100',
      regionName: '浙江省湖州市吴兴区',
      title: { code: 'T01', name: '教授' },
      titleLevel: '正高级',
      honourLevel: '国家级',
      mobile: '138****1111',
      idNumber: '110***********002X',
      disciplines: [{ code: '52020', name: '人工智能' }],
    });
    const audit = await auditor.get(`/api/audit?entity=talent&entityId=${res.body.id}`);
    expect(audit.body.items[0].action).toBe('talent.create');
    const text = JSON.stringify(audit.body.items[0]);
    expect(text).not.toContain('13800001111');
    expect(text).not.toContain('11010519491231002X');
    expect(audit.body.items[0].changes.idNumberEnc).toEqual({ to: '[redacted]' });
  });

  it('finds it by keyword, discipline section and title level', async () => {
    const byWord = await operator.get(`/api/registry/talents?q=${encodeURIComponent('机器视觉')}`);
    expect(byWord.body.items.map((t: { code: string }) => t.code)).toEqual(['T-100']);
    const bySection = await operator.get('/api/registry/talents?discipline=520&titleLevel=正高级');
    expect(bySection.body.items.map((t: { code: string }) => t.code)).toContain('T-100');
    const byIndustrySection = await operator.get('/api/registry/talents?industry=I');
    expect(byIndustrySection.body.items.map((t: { code: string }) => t.code)).toContain('T-100');
  });

  it('lists the expert with what the list shows, and leaves the long texts and personal fields to the record', async () => {
    const list = await operator.get('/api/registry/talents?q=T-100');
    const item = list.body.items[0];
    const record = (await operator.get(`/api/registry/talents/${item.id}`)).body;
    const {
      birthYear,
      enterpriseId,
      industries,
      researchInterests,
      representativeWork,
      honours,
      email,
      idNumber,
      ...shown
    } = record;
    expect(item).toEqual(shown);
    expect(shown).toMatchObject({
      mobile: '138****1111',
      title: { name: '教授' },
      disciplines: [{ name: '人工智能' }],
    });
    expect(researchInterests).toBeTruthy();
    expect(idNumber).toBe('110***********002X');
  });

  it.each([
    ['a wrong ID check digit', { idNumber: '110105194912310021' }, 'body.idNumber'],
    ['a bad mobile', { mobile: '1380000' }, 'body.mobile'],
    ['a bad email', { email: 'not-an-email' }, 'body.email'],
    ['an unknown region code', { regionCode: '330599' }, 'body.regionCode'],
    ['a birth year out of range', { birthYear: 1850 }, 'body.birthYear'],
    ['a code with spaces', { code: 'T 1' }, 'body.code'],
  ])('refuses %s with the field named', async (_name, patch, field) => {
    const res = await operator.post('/api/registry/talents', {
      ...expert,
      code: 'T-BAD',
      idNumber: undefined,
      ...patch,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(field);
  });

  it('refuses duplicates and names the existing record', async () => {
    const sameCode = await operator.post('/api/registry/talents', {
      ...expert,
      idNumber: undefined,
      mobile: undefined,
    });
    expect(sameCode.status).toBe(409);
    expect(sameCode.body.error).toMatchObject({ code: 'REGISTRY_CODE_TAKEN' });
    expect(sameCode.body.error.message).toContain('林海');
    const sameId = await operator.post('/api/registry/talents', { ...expert, code: 'T-101', name: '另一人' });
    expect(sameId.status).toBe(409);
    expect(sameId.body.error.code).toBe('REGISTRY_ID_NUMBER_TAKEN');
    expect(sameId.body.error.message).toContain('T-100');
    const enterprise = {
      code: 'E-1',
      name: '测试企业有限公司',
      creditCode: '91350100M000100Y43',
      regionCode: '330521',
    };
    expect((await operator.post('/api/registry/enterprises', enterprise)).status).toBe(201);
    const sameCredit = await operator.post('/api/registry/enterprises', { ...enterprise, code: 'E-2' });
    expect(sameCredit.body.error.code).toBe('REGISTRY_CREDIT_CODE_TAKEN');
    const badCredit = await operator.post('/api/registry/enterprises', {
      ...enterprise,
      code: 'E-3',
      creditCode: '91350100M000100Y44',
    });
    expect(badCredit.body.error.fields[0].path).toBe('body.creditCode');
  });

  it('refuses a dictionary code that does not exist', async () => {
    const res = await operator.post('/api/registry/talents', {
      ...expert,
      code: 'T-102',
      idNumber: undefined,
      mobile: undefined,
      disciplines: ['99999'],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('REGISTRY_DICTIONARY_CODE_UNKNOWN');
  });

  it('edits with the version read; stale edits conflict; a fixed field loses its flag', async () => {
    const ok = await operator.patch(`/api/registry/talents/${created.id}`, {
      version: created.version,
      title: 'T05',
    });
    expect(ok.status).toBe(200);
    expect(ok.body.title).toEqual({ code: 'T05', name: '研究员' });
    const stale = await operator.patch(`/api/registry/talents/${created.id}`, {
      version: created.version,
      name: 'x',
    });
    expect(stale.status).toBe(409);
    const audit = await auditor.get(`/api/audit?entity=talent&entityId=${created.id}&action=talent.update`);
    expect(audit.body.items[0].changes.title).toEqual({ from: 'T01', to: 'T05' });
  });

  it('an edit changes only the fields it sends', async () => {
    const before = (await operator.get(`/api/registry/talents/${created.id}`)).body;
    expect(before.disciplines).toHaveLength(1);
    const res = await operator.patch(`/api/registry/talents/${created.id}`, {
      version: before.version,
      birthYear: 1979,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      birthYear: 1979,
      disciplines: before.disciplines,
      industries: before.industries,
      honours: before.honours,
      isExpert: before.isExpert,
      title: before.title,
    });
    const institution = (await operator.get('/api/registry/institutions?pageSize=1')).body.items[0];
    const edited = await operator.patch(`/api/registry/institutions/${institution.id}`, {
      version: institution.version,
      address: '新地址',
    });
    expect(edited.body).toMatchObject({ kind: institution.kind, disciplines: institution.disciplines });
  });

  it('reveals personal data only to a role that holds the permission, and audits each reveal', async () => {
    const res = await operator.post(`/api/registry/talents/${created.id}/reveal`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ mobile: '13800001111', idNumber: '11010519491231002X' });
    const audit = await auditor.get(`/api/audit?action=talent.reveal&entityId=${created.id}`);
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0].actorName).toBe('王敏');
    const institution = await p.signIn('institution');
    expect((await institution.post(`/api/registry/talents/${created.id}/reveal`)).status).toBe(403);
    const reviewer = await p.signIn('reviewer');
    expect((await reviewer.get('/api/registry/talents')).status).toBe(403);
  });

  it('archives: the record leaves the list and comes back when restored', async () => {
    const current = (await operator.get(`/api/registry/talents/${created.id}`)).body;
    const archived = await operator.post(`/api/registry/talents/${created.id}/archive`, {
      version: current.version,
      archived: true,
    });
    expect(archived.body.archived).toBe(true);
    const list = await operator.get('/api/registry/talents?pageSize=200');
    expect(list.body.items.map((t: { id: string }) => t.id)).not.toContain(created.id);
    const inArchive = await operator.get('/api/registry/talents?archived=true');
    expect(inArchive.body.items.map((t: { id: string }) => t.id)).toContain(created.id);
    await operator.post(`/api/registry/talents/${created.id}/archive`, {
      version: archived.body.version,
      archived: false,
    });
  });

  it('keeps an institution user to their own institution and its experts', async () => {
    // The demo links the institution account's organisation to 浙北理工学院.
    const institution = await p.signIn('institution');
    const own = await institution.get('/api/registry/institutions');
    expect(own.body.items.map((i: { name: string }) => i.name)).toEqual(['浙北理工学院']);
    const experts = await institution.get('/api/registry/talents?pageSize=200');
    expect(experts.body.total).toBeGreaterThan(0);
    expect(experts.body.items.every((t: { employerName: string }) => t.employerName === '浙北理工学院')).toBe(
      true,
    );
    expect((await institution.get('/api/registry/enterprises')).body.items).toEqual([]);
    const other = (await operator.get(`/api/registry/institutions?q=${encodeURIComponent('太湖生物')}`)).body
      .items[0];
    expect((await institution.get(`/api/registry/institutions/${other.id}`)).status).toBe(404);
  });

  it('gives a new enterprise its organisation, so an account attached to it keeps that profile', async () => {
    const created = await operator.post('/api/registry/enterprises', {
      code: 'ORG-E1',
      name: '吴兴新锐科技有限公司',
      regionCode: '330502',
    });
    expect(created.body.organisationId).toBeTruthy();
    const orgs = await operator.get(`/api/organisations?q=${encodeURIComponent('新锐')}`);
    expect(orgs.body.items).toEqual([
      expect.objectContaining({ id: created.body.organisationId, kind: 'enterprise' }),
    ]);
    const account = await operator.post('/api/users', {
      username: 'xinrui',
      displayName: '新锐科技',
      role: 'enterprise',
      regionCode: '330502',
      organisationId: created.body.organisationId,
      password: 'xinrui-Pass-2026',
    });
    expect(account.status).toBe(201);
    const me = await p.signIn('xinrui', 'xinrui-Pass-2026');
    const profile = await me.get('/api/profile');
    expect(profile.body).toMatchObject({ kind: 'enterprises', record: { code: 'ORG-E1' } });
    const audit = await auditor.get(`/api/audit?entity=organisation&entityId=${created.body.organisationId}`);
    expect(audit.body.items[0].action).toBe('organisation.create');
  });

  it('lets an expert keep their own profile but not their identity', async () => {
    const me = await p.signIn('expert');
    const profile = (await me.get('/api/profile')).body;
    const res = await me.patch('/api/profile', {
      version: profile.record.version,
      researchInterests: '复合材料回收再利用',
      name: '改名',
    });
    expect(res.status).toBe(200);
    expect(res.body.record.researchInterests).toBe('复合材料回收再利用');
    expect(res.body.record.name).toBe('陈志远');
  });
});

describe('region scope of the registries', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await testPlatform();
  });
  afterAll(() => p.close());

  it('a city operator sees nothing of another city, in any registry list, by id, or in exports', async () => {
    const admin = await p.signIn('admin');
    await admin.post('/api/users', {
      username: 'hz.op',
      displayName: '杭州运营',
      role: 'operator',
      regionCode: '330100',
      password: 'scope-Test-2026',
    });
    const hangzhou = await p.signIn('hz.op', 'scope-Test-2026');
    const ids: Record<string, string> = {};
    const bodies: Record<string, Record<string, unknown>> = {
      talents: { code: 'HZ-T1', name: '杭州专家', regionCode: '330106' },
      enterprises: { code: 'HZ-E1', name: '杭州企业有限公司', regionCode: '330106' },
      institutions: { code: 'HZ-I1', name: '杭州研究院', regionCode: '330106' },
      stations: { code: 'HZ-S1', name: '杭州人才驿站', regionCode: '330106' },
    };
    for (const [kind, body] of Object.entries(bodies)) {
      const res = await hangzhou.post(`/api/registry/${kind}`, body);
      expect(res.status, kind).toBe(201);
      ids[kind] = res.body.id;
    }
    const huzhou = await p.signIn('operator');
    for (const kind of Object.keys(bodies)) {
      const list = await huzhou.get(`/api/registry/${kind}?pageSize=200`);
      expect(
        list.body.items.map((r: { id: string }) => r.id),
        kind,
      ).not.toContain(ids[kind]);
      expect((await huzhou.get(`/api/registry/${kind}/${ids[kind]}`)).status, kind).toBe(404);
      const patch = await huzhou.patch(`/api/registry/${kind}/${ids[kind]}`, { version: 1, name: '篡改' });
      expect(patch.status, kind).toBe(404);
      const exported = await huzhou.request('GET', `/api/registry/${kind}/export?format=csv`);
      expect(exported.status).toBe(200);
      expect(String(exported.body)).not.toContain(String(bodies[kind]!.name));
      const own = await hangzhou.get(`/api/registry/${kind}?pageSize=200`);
      expect(own.body.items.map((r: { id: string }) => r.id)).toEqual([ids[kind]]);
    }
    const [row] = await p.database.rows<{ name: string }>(
      (await import('drizzle-orm')).sql`select name from talents where code = 'HZ-T1'`,
    );
    expect(row!.name).toBe('杭州专家');
  });
});
