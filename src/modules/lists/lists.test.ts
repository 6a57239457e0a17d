import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitImport, expectStatus } from '../../../test/support/factories.ts';
import { type Client, type TestPlatform, testPlatform, upload } from '../../../test/support/platform.ts';
import { downloadedSheet, xlsx } from '../../../test/support/sheets.ts';
import { parseAmount, parseDate, parseDay } from './cells.ts';
import { ACTIONS, STATUSES, TRANSITIONS } from './machine.ts';

describe('the lifecycle table', () => {
  it('only ever moves between known statuses, and the system alone expires', () => {
    for (const action of ACTIONS) {
      const t = TRANSITIONS[action];
      expect(STATUSES).toContain(t.to);
      for (const from of t.from) expect(STATUSES).toContain(from);
    }
    expect(TRANSITIONS.expire.by).toEqual(['system']);
    expect(TRANSITIONS.publish.by).not.toContain('owner');
    // 「该需求是否已解决？」: 已解决 closes the demand; 尚未解决 is the owner's answer and keeps it being worked on.
    expect(TRANSITIONS.solve.to).toBe('closed');
    expect(TRANSITIONS.keepOpen).toEqual({ from: ['in_progress'], to: 'in_progress', by: ['owner'] });
  });
});

describe('cells as people write them', () => {
  it('reads amounts in 万元 by default, with units and 面议', () => {
    expect(parseAmount('50')).toEqual({ yuan: 500_000, negotiable: false });
    expect(parseAmount('50万元')).toEqual({ yuan: 500_000, negotiable: false });
    expect(parseAmount('1.2亿')).toEqual({ yuan: 120_000_000, negotiable: false });
    expect(parseAmount('30,000元')).toEqual({ yuan: 30_000, negotiable: false });
    expect(parseAmount('面议')).toEqual({ yuan: null, negotiable: true });
    expect(parseAmount('大约五十万')).toBeUndefined();
  });
  it('reads dates the Chinese ways and refuses impossible ones', () => {
    expect(parseDate('2026/12/31')).toBe('2026-12-31');
    expect(parseDate('2026年6月1日')).toBe('2026-06-01');
    expect(parseDate('2026.2')).toBe('2026-02-28');
    expect(parseDate('2026-02-30')).toBeUndefined();
    expect(parseDay('20251103')).toBe('2025-11-03');
    expect(parseDay('2025/11/3 0:00:00')).toBe('2025-11-03');
    expect(parseDay('2025-11')).toBeUndefined();
    expect(parseDay('下周')).toBeUndefined();
  });
});

describe('technical demands: post, review, publish, expire', () => {
  let p: TestPlatform;
  let enterprise: Client;
  let operator: Client;
  let expert: Client;
  beforeAll(async () => {
    p = await testPlatform({ demo: true });
    enterprise = await p.signIn('enterprise');
    operator = await p.signIn('operator');
    expert = await p.signIn('expert');
  });
  afterAll(() => p.close());

  it('an enterprise drafts a demand, submits it; the operator publishes it; others then see it', async () => {
    const created = await enterprise.post('/api/lists/demands', {
      code: 'XQ-T-001',
      title: '汽车轻量化复合材料连接技术',
      description: '碳纤维复合材料与铝合金连接处易开裂，需要可靠的胶接与铆接工艺。',
      regionCode: '330521',
      amountYuan: 500000,
      cooperationModes: ['技术开发'],
      deadline: '2026-06-30',
    });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('draft');
    expect(created.body.ownerName).toBe('德清绿源新材料有限公司');
    expect(created.body.keywordsExtracted).toBe(true);
    expect(created.body.keywords.length).toBeGreaterThan(0);
    expect(created.body.actions).toEqual(['submit']);
    const id = created.body.id;

    // Not published: another party does not see it.
    expect((await expert.get(`/api/lists/demands/${id}`)).status).toBe(404);
    const publishByOwner = await enterprise.post(`/api/lists/demands/${id}/transition`, {
      action: 'publish',
      version: created.body.version,
    });
    expect(publishByOwner.status).toBe(403);
    expect(publishByOwner.body.error.code).toBe('LIST_NOT_YOURS');
    const startDraft = await enterprise.post(`/api/lists/demands/${id}/transition`, {
      action: 'start',
      version: created.body.version,
    });
    expect(startDraft.status).toBe(409);
    expect(startDraft.body.error.code).toBe('LIST_TRANSITION_NOT_ALLOWED');
    expect(startDraft.body.error.message).toContain('草稿');

    const submitted = await enterprise.post(`/api/lists/demands/${id}/transition`, {
      action: 'submit',
      version: created.body.version,
    });
    expect(submitted.body.status).toBe('submitted');
    const ownerPublish = await enterprise.post(`/api/lists/demands/${id}/transition`, {
      action: 'publish',
      version: submitted.body.version,
    });
    expect(ownerPublish.status).toBe(403);
    expect(ownerPublish.body.error.code).toBe('LIST_NOT_YOURS');

    const rejectWithoutReason = await operator.post(`/api/lists/demands/${id}/transition`, {
      action: 'reject',
      version: submitted.body.version,
    });
    expect(rejectWithoutReason.body.error.code).toBe('LIST_REASON_REQUIRED');
    const rejectWithSpaces = await operator.post(`/api/lists/demands/${id}/transition`, {
      action: 'reject',
      version: submitted.body.version,
      reason: '   ',
    });
    expect(rejectWithSpaces.body.error.code).toBe('LIST_REASON_REQUIRED');
    const published = await operator.post(`/api/lists/demands/${id}/transition`, {
      action: 'publish',
      version: submitted.body.version,
    });
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('published');
    expect(published.body.publishedAt).toBeTruthy();

    // A stale version is a conflict, and nothing changes.
    const stale = await operator.post(`/api/lists/demands/${id}/transition`, {
      action: 'close',
      version: submitted.body.version,
    });
    expect(stale.status).toBe(409);
    expect((await operator.get(`/api/lists/demands/${id}`)).body.status).toBe('published');

    const seen = await expert.get(`/api/lists/demands/${id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.actions).toEqual([]);
    // The owner may no longer edit a published demand; the operator may.
    const ownerEdit = await enterprise.patch(`/api/lists/demands/${id}`, {
      title: '改标题',
      version: published.body.version,
    });
    expect(ownerEdit.body.error.code).toBe('LIST_NOT_EDITABLE');

    const audit = await (await p.signIn('auditor')).get(`/api/audit?entityId=${id}`);
    expect(audit.body.items.map((i: { action: string }) => i.action).sort()).toEqual(
      ['demand.create', 'demand.publish', 'demand.submit'].sort(),
    );
  });

  it('lists each item with what the list shows and what its row may do; the rest is on its page', async () => {
    for (const client of [operator, enterprise]) {
      const items = (await client.get('/api/lists/demands?pageSize=50')).body.items;
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) {
        const page = (await client.get(`/api/lists/demands/${item.id}`)).body;
        const {
          description,
          keywords,
          keywordsExtracted,
          fieldText,
          cluster,
          enterpriseId,
          institutionId,
          cooperationModes,
          terms,
          patents,
          contactName,
          statusReason,
          statusChangedAt,
          publishedAt,
          solvedAskedAt,
          createdAt,
          ...shown
        } = page;
        // The same item, the same access (actions, editable, own) for this caller.
        expect(item).toEqual(shown);
      }
    }
  });

  it('numbers a demand posted without a code after the highest of its kind this year, once each when posted at once', async () => {
    const year = new Date(p.clock.now().getTime() + 8 * 3600_000).getUTCFullYear();
    // The demo's demands run XQ-2026-001 … 008; another year's or another pattern's codes do not count.
    await operator.post('/api/lists/demands', { code: `XQ-${year}-041`, title: '已编号需求' });
    await operator.post('/api/lists/demands', { code: `XQ-${year}-9A`, title: '手写编号' });
    await operator.post('/api/lists/demands', { code: `XQ-${year - 1}-500`, title: '去年的需求' });
    const posted = await Promise.all(
      ['一', '二', '三'].map((n) => enterprise.post('/api/lists/demands', { title: `未填编号的需求${n}` })),
    );
    expect(posted.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(posted.map((r) => r.body.code).sort()).toEqual([
      `XQ-${year}-042`,
      `XQ-${year}-043`,
      `XQ-${year}-044`,
    ]);
    // Other lists have their own letters; an operator may still give a code of their own.
    const achievement = await operator.post('/api/lists/achievements', { title: '自动编号成果' });
    expect(achievement.body.code).toMatch(new RegExp(`^CG-${year}-\\d{3,}$`));
    const own = await operator.post('/api/lists/achievements', { code: 'CG-自编-1', title: '自编号成果' });
    expect(own.body.code).toBe('CG-自编-1');
  });

  it('refuses a kind the role does not post and unknown codes, in Chinese', async () => {
    const res = await expert.post('/api/lists/demands', { code: 'XQ-X', title: '专家发布需求' });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('LIST_KIND_NOT_ALLOWED');
    const bad = await operator.post('/api/lists/achievements', {
      code: 'CG-X',
      title: '成果',
      disciplines: ['99999'],
    });
    expect(bad.status).toBe(400);
    const empty = await operator.post('/api/lists/achievements', { code: 'CG-Y', title: '' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('expires published items past their deadline, and reopens them only with a new deadline', async () => {
    const created = await operator.post('/api/lists/demands', {
      code: 'XQ-T-EXP',
      title: '竹材防霉处理工艺',
      deadline: '2026-03-10',
      regionCode: '330523',
    });
    const published = await operator.post(`/api/lists/demands/${created.body.id}/transition`, {
      action: 'publish',
      version: created.body.version,
    });
    expect(published.body.status).toBe('published');
    expect(await p.lists.expireDue()).toBe(0);
    p.clock.advanceMinutes(10 * 24 * 60);
    expect(await p.lists.expireDue()).toBe(1);
    // Ten days on, the session has ended: sign in again.
    operator = await p.signIn('operator');
    const expired = await operator.get(`/api/lists/demands/${created.body.id}`);
    expect(expired.body.status).toBe('expired');
    const reopen = await operator.post(`/api/lists/demands/${created.body.id}/transition`, {
      action: 'reopen',
      version: expired.body.version,
    });
    expect(reopen.body.error.code).toBe('LIST_DEADLINE_PASSED');
    const extended = await operator.patch(`/api/lists/demands/${created.body.id}`, {
      deadline: '2026-12-31',
      version: expired.body.version,
    });
    const reopened = await operator.post(`/api/lists/demands/${created.body.id}/transition`, {
      action: 'reopen',
      version: extended.body.version,
    });
    expect(reopened.body.status).toBe('published');
  });
});

describe('a region left out', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await testPlatform({ demo: true });
  });
  afterAll(() => p.close());

  it("is the owner's region, else the caller's own county or city; the form starts at the same", async () => {
    const enterprise = await p.signIn('enterprise');
    const operator = await p.signIn('operator');
    const admin = await p.signIn('admin');
    // The enterprise's account sits in 德清县 (330521); its record moves to 安吉县 (330523).
    const found = expectStatus(
      await operator.get(`/api/registry/enterprises?q=${encodeURIComponent('德清绿源')}`),
      200,
    ).body.items[0];
    const record = expectStatus(await operator.get(`/api/registry/enterprises/${found.id}`), 200).body;
    expectStatus(
      await operator.patch(`/api/registry/enterprises/${record.id}`, {
        regionCode: '330523',
        version: record.version,
      }),
      200,
    );

    // The enterprise's demand is where the enterprise is, not where its account was registered.
    expect(expectStatus(await enterprise.get('/api/lists/demands/defaults'), 200).body).toEqual({
      regionCode: '330523',
      regionName: '浙江省湖州市安吉县',
    });
    const own = expectStatus(
      await enterprise.post('/api/lists/demands', { title: '竹纤维增强复合板材' }),
      201,
    );
    expect(own.body.regionCode).toBe('330523');
    // One chosen or written stays as given.
    const chosen = await enterprise.post('/api/lists/demands', {
      title: '指定地区的需求',
      regionCode: '330502',
    });
    expect(chosen.body.regionCode).toBe('330502');
    const written = await enterprise.post('/api/lists/demands', {
      title: '写明地区的需求',
      regionText: '长三角',
    });
    expect([written.body.regionCode, written.body.regionText]).toEqual([null, '长三角']);

    // An operator's item for that enterprise is the enterprise's; one for nobody is the office's city.
    const linked = await operator.post('/api/lists/demands', {
      title: '代企业发布的需求',
      enterpriseId: record.id,
    });
    expect(linked.body.regionCode).toBe('330523');
    expect((await operator.get('/api/lists/demands/defaults')).body.regionCode).toBe('330500');
    const office = await operator.post('/api/lists/achievements', { title: '人才办登记的成果' });
    expect(office.body.regionCode).toBe('330500');
    // A province's office is too wide a region for an item: none is given.
    expect((await admin.get('/api/lists/demands/defaults')).body).toEqual({
      regionCode: null,
      regionName: null,
    });
    const provincial = await admin.post('/api/lists/achievements', { title: '省里登记的成果' });
    expect(provincial.body.regionCode).toBeNull();
  });
});

describe('list imports', () => {
  let p: TestPlatform;
  let operator: Client;
  beforeAll(async () => {
    p = await testPlatform({ demo: true });
    operator = await p.signIn('operator');
  });
  afterAll(() => p.close());

  it('imports achievements as written: unknown fields and owners kept and flagged; re-import changes nothing', async () => {
    const file = await xlsx(
      [
        '编号',
        '成果名称',
        '成果简介',
        '关键词',
        '所属领域',
        '完成单位',
        '所在地区',
        '成熟度',
        '价格',
        '转化方式',
      ],
      [
        [
          'CG-I-1',
          '竹纤维增强复合板材制备技术',
          '以竹纤维为增强体……',
          '竹纤维；复合板材',
          '材料科学',
          '浙北理工学院',
          '湖州市吴兴区',
          '中试',
          '面议',
          '技术转让；作价入股',
        ],
        [
          'CG-I-2',
          '中药材指纹图谱质量控制方法',
          '建立指纹图谱……',
          '',
          '中医学/元宇宙',
          '某未登记研究所',
          '火星',
          'TRL6',
          '80',
          '技术许可',
        ],
        ['', '缺编号的成果', '', '', '', '', '', '', '', ''],
      ],
    );
    const preview = await upload(operator, '/api/imports/achievements', '成果.xlsx', file);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ valid: 2, rejected: 1, toCreate: 2 });
    const job = await commitImport(operator, preview.body.id);
    expect(job.status).toBe('committed');
    expect(job.created).toBe(2);

    const list = await operator.get('/api/lists/achievements?sort=code&q=CG-I-');
    // Each item as its page shows it (the list leaves out cooperation modes, field text…).
    const [one, two] = await Promise.all(
      list.body.items.map(
        async (i: { id: string }) => (await operator.get(`/api/lists/achievements/${i.id}`)).body,
      ),
    );
    expect(one.status).toBe('published');
    expect(one.institutionId).toBeTruthy();
    expect(one.disciplines.map((d: { name: string }) => d.name)).toContain('材料科学');
    expect(one.amountNegotiable).toBe(true);
    expect(one.stage).toBe('中试');
    expect(one.cooperationModes).toEqual(['技术转让', '作价入股']);
    expect(two.trl).toBe(6);
    expect(two.amountYuan).toBe(800_000);
    expect(two.keywordsExtracted).toBe(true);
    expect(two.fieldText).toBe('中医学/元宇宙');
    expect(two.disciplines.map((d: { name: string }) => d.name)).toContain('中医学与中药学');
    expect(two.flags.map((f: { field: string }) => f.field).sort()).toEqual([
      'fieldText',
      'ownerName',
      'regionCode',
    ]);

    // Export and import the export again: nothing changes.
    const exported = await p.app.inject({
      method: 'GET',
      url: '/api/lists/achievements/export',
      headers: { cookie: operator.cookie! },
    });
    expect(exported.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(2).value).toBe('成果名称');
    // The price in 万元, as the sheet was written (价格 80) and as its header says; 面议 as written.
    const headers = (sheet.getRow(1).values as unknown[]).map(String);
    const rows = (sheet.getSheetValues() as unknown[][]).filter(
      (row) => row?.[1] === 'CG-I-1' || row?.[1] === 'CG-I-2',
    );
    expect(rows.map((row) => row[headers.indexOf('价格（万元）')])).toEqual(['面议', '80']);
    const before = await p.tableCounts();
    const again = await upload(operator, '/api/imports/achievements', '导出.xlsx', exported.rawPayload);
    expect(again.body).toMatchObject({ rejected: 0, toCreate: 0 });
    const done = await commitImport(operator, again.body.id);
    expect(done.created).toBe(0);
    const after = await p.tableCounts();
    expect(after.list_items).toBe(before.list_items);
    // Only the import job's own audit row was added: no record changed.
    expect(after.audit_log).toBe((before.audit_log ?? 0) + 1);
  });
});

describe('list imports of items published before (发布日期)', () => {
  let p: TestPlatform;
  let operator: Client;
  beforeAll(async () => {
    p = await testPlatform();
    operator = await p.signIn('operator');
  });
  afterAll(() => p.close());

  /** The item of a code as its page shows it: its status and the China day it was published. */
  async function published(kind: string, code: string) {
    const found = (await operator.get(`/api/lists/${kind}?q=${code}`)).body.items[0];
    const item = (await operator.get(`/api/lists/${kind}/${found.id}`)).body;
    const day = item.publishedAt && new Date(Date.parse(item.publishedAt) + 8 * 3600_000).toISOString();
    return [item.status, day?.slice(0, 10) ?? null];
  }

  it('imports each row as published on its date, however it is written; a later or unreadable date is flagged and the row kept', async () => {
    // The platform's today is 2026-03-02 (China). A real date cell, then the ways people type one.
    const demands = await xlsx(
      ['编号', '需求名称', '状态', '发布日期'],
      [
        ['BD-1', '竹材防霉处理', '', new Date(Date.UTC(2025, 10, 3)) as never],
        ['BD-2', '丝绸印染废水回用', '', '2025/11/3'],
        ['BD-3', '电机绕组自动化', '已发布', '2025.11.4'],
        ['BD-4', '茶叶分选视觉检测', '', '20251105'],
        ['BD-5', '生物基涂料配方', '已关闭', '2025年11月6日'],
        ['BD-6', '下周发布的需求', '', '下周'],
        ['BD-7', '明天发布的需求', '', '2026-03-03'],
        ['BD-8', '还在起草的需求', '草稿', '2025-11-07'],
      ],
    );
    const preview = (await upload(operator, '/api/imports/demands', '需求.xlsx', demands)).body;
    expect(preview).toMatchObject({ total: 8, valid: 8, rejected: 0, flagged: 3 });
    expect(
      preview.report.map(
        (r: { code: string; flags: { column: string; value: string; message: string }[] }) => [
          r.code,
          r.flags,
        ],
      ),
    ).toEqual([
      [
        'BD-6',
        [{ column: '发布日期', value: '下周', message: '无法识别的发布日期（应如 2025-11-03），未使用' }],
      ],
      ['BD-7', [{ column: '发布日期', value: '2026-03-03', message: '发布日期晚于今天，未使用' }]],
      ['BD-8', [{ column: '发布日期', value: '2025-11-07', message: '状态为草稿，发布日期未使用' }]],
    ]);
    expect((await commitImport(operator, preview.id)).created).toBe(8);
    // The other two lists spell the header 发布时间 and 发布日.
    const talent = Buffer.from('编号,需求名称,发布时间\r\nBT-1,纺织工艺工程师,2025-12-01 09:30\r\n');
    const achievements = await xlsx(
      ['编号', '成果名称', '发布日'],
      [['BA-1', '竹纤维复合板材', '2024/6/30']],
    );
    for (const [kind, name, file] of [
      ['talent-demands', '人才.csv', talent],
      ['achievements', '成果.xlsx', achievements],
    ] as const) {
      const job = (await upload(operator, `/api/imports/${kind}`, name, file)).body;
      expect(job).toMatchObject({ valid: 1, flagged: 0 });
      await commitImport(operator, job.id);
    }

    expect(await published('demands', 'BD-1')).toEqual(['published', '2025-11-03']);
    expect(await published('demands', 'BD-2')).toEqual(['published', '2025-11-03']);
    expect(await published('demands', 'BD-3')).toEqual(['published', '2025-11-04']);
    expect(await published('demands', 'BD-4')).toEqual(['published', '2025-11-05']);
    expect(await published('demands', 'BD-5')).toEqual(['closed', '2025-11-06']);
    // Kept without the date: published on the day of the import; the draft stays a draft.
    expect(await published('demands', 'BD-6')).toEqual(['published', '2026-03-02']);
    expect(await published('demands', 'BD-7')).toEqual(['published', '2026-03-02']);
    expect(await published('demands', 'BD-8')).toEqual(['draft', null]);
    expect(await published('talent-demands', 'BT-1')).toEqual(['published', '2025-12-01']);
    expect(await published('achievements', 'BA-1')).toEqual(['published', '2024-06-30']);

    // The export carries 发布日期, the China day (the export re-imported unchanged: 'list imports' above).
    const exported = await downloadedSheet(p.app, operator.cookie!, '/api/lists/demands/export');
    const dated = exported.rows.map((r) => [r.编号, r.发布日期]);
    expect(dated.filter(([code]) => code?.startsWith('BD-')).sort()).toEqual([
      ['BD-1', '2025-11-03'],
      ['BD-2', '2025-11-03'],
      ['BD-3', '2025-11-04'],
      ['BD-4', '2025-11-05'],
      ['BD-5', '2025-11-06'],
      ['BD-6', '2026-03-02'],
      ['BD-7', '2026-03-02'],
      ['BD-8', ''],
    ]);
    const template = await p.app.inject({
      method: 'GET',
      url: '/api/imports/demands/template',
      headers: { cookie: operator.cookie! },
    });
    expect(template.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    expect((book.worksheets[0]!.getRow(1).values as unknown[]).map(String)).toContain('发布日期');
  });

  it('an operator corrects a published day by importing the row again; the audit keeps when and by whom', async () => {
    const first = await xlsx(['编号', '需求名称', '发布日期'], [['BD-20', '蚕丝蛋白提取', '2025-10-01']]);
    await commitImport(operator, (await upload(operator, '/api/imports/demands', 'a.xlsx', first)).body.id);
    p.clock.advanceMinutes(10);
    const again = await xlsx(['编号', '需求名称', '发布日期'], [['BD-20', '蚕丝蛋白提取', '2025-09-15']]);
    const job = (await upload(operator, '/api/imports/demands', 'b.xlsx', again)).body;
    expect(job).toMatchObject({ toUpdate: 1, flagged: 0 });
    expect((await commitImport(operator, job.id)).updated).toBe(1);
    expect(await published('demands', 'BD-20')).toEqual(['published', '2025-09-15']);
    const item = (await operator.get('/api/lists/demands?q=BD-20')).body.items[0];
    const auditor = await p.signIn('auditor');
    const audit = (await auditor.get(`/api/audit?entityId=${item.id}&action=demand.import.update`)).body;
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({
      at: '2026-03-02T01:10:00.000Z',
      actorRole: 'operator',
      changes: {
        publishedAt: { from: '2025-09-30T16:00:00.000Z', to: '2025-09-14T16:00:00.000Z' },
      },
    });
  });
});

describe('list imports that meet a conflict at commit', () => {
  let p: TestPlatform;
  let operator: Client;
  beforeAll(async () => {
    p = await testPlatform();
    operator = await p.signIn('operator');
  });
  afterAll(() => p.close());

  it('a code taken in another region after the preview is reported on its row; a stray NUL is dropped; the rest is written', async () => {
    const file = Buffer.from(
      '编号,成果名称,成果简介\r\nRACE-CG-1,竹纤维\u0000板材,简介\r\nRACE-CG-2,中药指纹图谱,简介\r\nRACE-CG-3,智能织机,简介\r\n',
    );
    const preview = (await upload(operator, '/api/imports/achievements', '成果.csv', file)).body;
    expect(preview).toMatchObject({ total: 3, valid: 3, rejected: 0 });
    const admin = await p.signIn('admin');
    await admin.post('/api/users', {
      username: 'hz.lists',
      displayName: '杭州',
      role: 'operator',
      regionCode: '330100',
      password: 'scope-Test-2026',
    });
    const hangzhou = await p.signIn('hz.lists', 'scope-Test-2026');
    expect(
      (
        await hangzhou.post('/api/lists/achievements', {
          code: 'RACE-CG-2',
          title: '杭州的成果',
          regionCode: '330106',
        })
      ).status,
    ).toBe(201);
    const job = await commitImport(operator, preview.id);
    expect(job).toMatchObject({ status: 'committed', error: null, created: 2, valid: 2, rejected: 1 });
    expect(job.report).toEqual([
      {
        rowNumber: 3,
        code: 'RACE-CG-2',
        status: 'rejected',
        errors: [{ column: '编号', value: 'RACE-CG-2', message: '该编号已被其他地区的记录使用' }],
        flags: [],
      },
    ]);
    const mine = (await operator.get('/api/lists/achievements?q=RACE-CG&sort=code')).body.items;
    expect(mine.map((i: { code: string; title: string }) => [i.code, i.title])).toEqual([
      ['RACE-CG-1', '竹纤维板材'],
      ['RACE-CG-3', '智能织机'],
    ]);
  });
});
