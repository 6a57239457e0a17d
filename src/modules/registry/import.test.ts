import { sql } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitImport } from '../../../test/support/factories.ts';
import { type Client, type TestPlatform, testPlatform, upload } from '../../../test/support/platform.ts';
import { idNumber, xlsx } from '../../../test/support/sheets.ts';
import { creditCodeCheckChar } from '../../reference/creditcode.ts';
import { isValidIdNumber } from '../../reference/idcard.ts';

const HEADERS = [
  '姓名',
  '编号',
  '所在地区',
  '职称',
  '工作单位',
  '学科领域',
  '研究方向',
  '代表成果',
  '手机',
  '身份证号',
  '荣誉称号',
];

describe('expert import', () => {
  let p: TestPlatform;
  let operator: Client;
  const id1 = idNumber('330102', '19800101', 11);
  const id2 = idNumber('150102', '19750505', 22);

  beforeAll(async () => {
    p = await testPlatform();
    operator = await p.signIn('operator');
  });
  afterAll(() => p.close());

  it('previews a spreadsheet written by someone else: flags unknown values, rejects bad rows with reasons, writes nothing', async () => {
    const before = await p.tableCounts();
    const file = await xlsx(
      HEADERS,
      [
        [
          '王建',
          'IMP-001',
          '杭州市临安区',
          '高工',
          '湖州新材料研究院',
          '复合材料；人工智能',
          '碳纤维回收',
          '专利3项',
          '138 0013 9000',
          id1,
          '长江学者',
        ],
        ['乌兰', 'IMP-002', '内蒙', '教授级高工', '浙北理工学院', '机械', '风电装备', '', '', id2, ''],
        ['李四', 'IMP-003', '火星市', '首席科学家', '某某研究院', '量子玄学；材料科学', '', '', '', '', ''],
        ['赵五', 'IMP-004', '湖州', '教授', '', '', '', '', '', '330102198001010000', ''],
        ['重复', 'IMP-001', '湖州', '', '', '', '', '', '', '', ''],
        [null, 'IMP-005', '湖州', '', '', '', '', '', '', '', ''],
        [
          { formula: '"钱"&"七"', result: '钱七' },
          'IMP-006',
          '330521',
          '研究员',
          '太湖生物医药研究所',
          '药学',
          '',
          '',
          '',
          '',
          '',
        ],
        ['孙八', 'IMP-007', '330521', '研究员', null, '药学', '', '', '12345', '', ''],
        ['周九', 'ZJ-0002', '南浔', '教授', '浙北理工学院', '机械工程', '更新后的方向', '', '', '', ''],
      ],
      ['E8:E9'],
    );
    const res = await upload(operator, '/api/imports/talents', '专家名单.xlsx', file);
    expect(res.status).toBe(200);
    const job = res.body;
    expect(job).toMatchObject({
      status: 'previewed',
      total: 9,
      valid: 5,
      rejected: 4,
      toCreate: 4,
      toUpdate: 1,
      flagged: 1,
    });
    const byRow = new Map(job.report.map((r: { rowNumber: number }) => [r.rowNumber, r]));
    const row = (n: number) =>
      byRow.get(n) as {
        status: string;
        errors: { column: string; message: string }[];
        flags: { column: string; value: string }[];
      };
    expect(row(4).status).toBe('flagged');
    expect(
      row(4)
        .flags.map((f) => f.column)
        .sort(),
    ).toEqual(['学科领域', '所在地区', '职称']);
    expect(row(4).flags.find((f) => f.column === '学科领域')!.value).toBe('量子玄学');
    expect(row(5).errors[0]).toMatchObject({ column: '身份证号', message: '身份证号码无效（校验位不符）' });
    expect(row(9).errors[0]!.message).toContain('手机号码格式不正确');
    expect(row(6).errors[0]!.message).toContain('第2行');
    expect(row(7).errors[0]).toMatchObject({ column: '姓名' });
    expect(row(9).errors[0]).toMatchObject({ column: '手机' });
    expect(await p.tableCounts()).toEqual({ ...before, import_jobs: before.import_jobs! + 1 });

    const done = await commitImport(operator, job.id);
    expect(done.error).toBeNull();
    expect(done).toMatchObject({ status: 'committed', processed: 5, created: 4, updated: 1 });

    const list = await operator.get('/api/registry/talents?q=imp-&pageSize=50');
    const byCode = new Map(list.body.items.map((t: { code: string }) => [t.code, t]));
    expect([...byCode.keys()].sort()).toEqual(['IMP-001', 'IMP-002', 'IMP-003', 'IMP-006']);
    expect(byCode.get('IMP-001')).toMatchObject({
      regionName: '浙江省杭州市临安区',
      title: { name: '高级工程师' },
      mobile: '138****9000',
      disciplines: [{ code: '43055' }, { code: '52020' }],
      honourLevel: '国家级',
    });
    expect(byCode.get('IMP-002')).toMatchObject({ regionCode: '150000', title: { name: '正高级工程师' } });
    const imp2 = await operator.get(`/api/registry/talents/${(byCode.get('IMP-002') as { id: string }).id}`);
    expect(imp2.body).toMatchObject({ birthYear: 1975 });
    expect(byCode.get('IMP-003')).toMatchObject({
      regionCode: null,
      regionText: '火星市',
      title: null,
      titleText: '首席科学家',
    });
    expect((byCode.get('IMP-003') as { flags: unknown[] }).flags).toHaveLength(3);
    // A formula gives its value; a merged cell gives the merged value to every row it covers.
    expect(byCode.get('IMP-006')).toMatchObject({ name: '钱七', employerName: '太湖生物医药研究所' });
    const found = (await operator.get('/api/registry/talents?q=zj-0002')).body.items[0];
    const updated = (await operator.get(`/api/registry/talents/${found.id}`)).body;
    expect(updated).toMatchObject({
      name: '周九',
      researchInterests: '更新后的方向',
      regionName: '浙江省湖州市南浔区',
    });

    // 工作单位 linked or created institutions.
    const created = await operator.get(
      `/api/registry/institutions?q=${encodeURIComponent('湖州新材料研究院')}`,
    );
    expect(created.body.items[0]).toMatchObject({ kind: 'institute', expertCount: 1 });
    const audit = await (await p.signIn('auditor')).get('/api/audit?action=talent.import.create&pageSize=50');
    expect(audit.body.total).toBe(4);
    expect((await p.audit.verify()).ok).toBe(true);
  });

  it('cannot commit the same job twice', async () => {
    const file = await xlsx(['编号', '姓名'], [['ONCE-1', '一次']]);
    const job = (await upload(operator, '/api/imports/talents', 'once.xlsx', file)).body;
    await commitImport(operator, job.id);
    const again = await operator.post(`/api/import-jobs/${job.id}/commit`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('IMPORT_JOB_STATE');
  });

  it('round trip: an export re-imported changes nothing', async () => {
    const res = await p.app.inject({
      method: 'GET',
      url: '/api/registry/talents/export?format=xlsx&reveal=true',
      headers: { cookie: operator.cookie! },
    });
    expect(res.statusCode).toBe(200);
    const file = res.rawPayload;
    const before = await p.database.rows<Record<string, unknown>>(
      sql`select code, name, region_code, region_text, title, title_text, disciplines, industries, honours, employer_name, institution_id, mobile_hash, id_number_hash, research_interests, representative_work, flags, version, updated_at from talents order by code`,
    );
    const job = (await upload(operator, '/api/imports/talents', 'export.xlsx', file)).body;
    expect(job).toMatchObject({ rejected: 0, toCreate: 0, toUpdate: before.length });
    const auditBefore = await p.database.rows<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'talent.import.update'`,
    );
    await commitImport(operator, job.id);
    const after = await p.database.rows<Record<string, unknown>>(
      sql`select code, name, region_code, region_text, title, title_text, disciplines, industries, honours, employer_name, institution_id, mobile_hash, id_number_hash, research_interests, representative_work, flags, version, updated_at from talents order by code`,
    );
    expect(after).toEqual(before);
    const auditAfter = await p.database.rows<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'talent.import.update'`,
    );
    const extra = await p.database.rows(
      sql`select entity_id, changes from audit_log where action = 'talent.import.update' order by id desc limit 3`,
    );
    expect(auditAfter, JSON.stringify(extra)).toEqual(auditBefore);
  });

  it('reads a GBK csv as Excel on Chinese Windows saves it', async () => {
    const csv = iconv.encode('编号,姓名,所在地区,职称\r\nGBK-1,欧阳娜娜,德清县,副教授\r\n', 'gbk');
    const job = (await upload(operator, '/api/imports/talents', '名单.csv', csv)).body;
    expect(job).toMatchObject({ total: 1, valid: 1, rejected: 0, flagged: 0 });
    await commitImport(operator, job.id);
    const found = (await operator.get('/api/registry/talents?q=gbk-1')).body.items[0];
    expect(found).toMatchObject({
      name: '欧阳娜娜',
      regionName: '浙江省湖州市德清县',
      title: { name: '副教授' },
    });
  });

  it.each([
    ['a file of another type', 'notes.pdf', Buffer.from('%PDF-1.4'), 400, 'IMPORT_FILE_TYPE'],
    ['an old .xls', 'old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), 400, 'IMPORT_FILE_TYPE'],
    ['an empty file', 'empty.csv', Buffer.alloc(0), 400, 'IMPORT_FILE_EMPTY'],
    ['only a header row', 'header.csv', Buffer.from('编号,姓名\r\n'), 400, 'IMPORT_FILE_EMPTY'],
    [
      'a broken xlsx',
      'broken.xlsx',
      Buffer.concat([Buffer.from('PK'), Buffer.alloc(500, 7)]),
      400,
      'IMPORT_FILE_UNREADABLE',
    ],
    ['text renamed to xlsx', 'fake.xlsx', Buffer.from('编号,姓名'), 400, 'IMPORT_FILE_UNREADABLE'],
    [
      'missing required headers',
      'nohead.csv',
      Buffer.from('名字,单位\r\n张三,某大学\r\n'),
      400,
      'IMPORT_HEADERS_MISSING',
    ],
  ])('refuses %s with a clear message and stores nothing', async (_name, fileName, data, status, code) => {
    const before = await p.tableCounts();
    const res = await upload(operator, '/api/imports/talents', fileName, data as Buffer);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await p.tableCounts()).toEqual(before);
  });

  it('accepts files far larger than the JSON body limit (a 5 MB csv)', async () => {
    const rows = Array.from(
      { length: 60_000 },
      (_, i) => `BIG-${i},专家${i},德清县,教授,复合材料；机械工程,长长的研究方向描述文字用于填充文件大小`,
    );
    const csv = Buffer.from(`编号,姓名,所在地区,职称,学科领域,研究方向\r\n${rows.join('\r\n')}\r\n`);
    expect(csv.length).toBeGreaterThan(5 * 1024 * 1024);
    const res = await upload(operator, '/api/imports/talents', 'big.csv', csv);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 60_000, valid: 60_000 });
  });

  it('names the missing headers', async () => {
    const res = await upload(
      operator,
      '/api/imports/enterprises',
      'e.csv',
      Buffer.from('编号,联系人\r\nE1,张三\r\n'),
    );
    expect(res.body.error.message).toContain('企业名称');
  });

  it('serves a template that imports cleanly once filled in', async () => {
    const template = await p.app.inject({
      method: 'GET',
      url: '/api/imports/talents/template',
      headers: { cookie: operator.cookie! },
    });
    expect(template.statusCode).toBe(200);
    expect(String(template.headers['content-disposition'])).toContain("filename*=UTF-8''");
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const headers = (sheet.getRow(1).values as string[]).filter(Boolean);
    expect(headers).toEqual(
      expect.arrayContaining([
        '编号*',
        '姓名*',
        '工作单位',
        '职称',
        '所在地区',
        '学科领域',
        '研究方向',
        '代表成果',
      ]),
    );
    sheet.addRow(
      headers.map((h) => ({ '编号*': 'TPL-1', '姓名*': '模板测试', 所在地区: '安吉县' })[h] ?? ''),
    );
    const filled = Buffer.from(await workbook.xlsx.writeBuffer());
    const job = (await upload(operator, '/api/imports/talents', 'template.xlsx', filled)).body;
    expect(job).toMatchObject({ total: 1, valid: 1, rejected: 0 });
  });

  it('only lets the right roles import, and a job is not visible to another region', async () => {
    const file = await xlsx(['编号', '姓名'], [['X-1', '某人']]);
    const expert = await p.signIn('expert');
    expect((await upload(expert, '/api/imports/talents', 'x.xlsx', file)).status).toBe(403);
    const job = (await upload(operator, '/api/imports/talents', 'x.xlsx', file)).body;
    const admin = await p.signIn('admin');
    await admin.post('/api/users', {
      username: 'hz.op2',
      displayName: '杭州',
      role: 'operator',
      regionCode: '330100',
      password: 'scope-Test-2026',
    });
    const other = await p.signIn('hz.op2', 'scope-Test-2026');
    expect((await other.get(`/api/import-jobs/${job.id}`)).status).toBe(404);
    expect((await other.post(`/api/import-jobs/${job.id}/commit`)).status).toBe(404);
  });
});

describe('imports with code lists read afresh on every lookup', () => {
  // PGlite has one connection: a lookup outside the open batch transaction would wait for it forever.
  // With no cache every lookup goes to the database, so such a lookup hangs this test.
  let p: TestPlatform;
  beforeAll(async () => {
    p = await testPlatform({ config: { cacheMs: 0 } });
  });
  afterAll(() => p.close());

  it('commits several batches', async () => {
    const operator = await p.signIn('operator');
    const rows = Array.from({ length: 1200 }, (_, i) => [
      `NC-${i}`,
      `专家${i}`,
      '德清县',
      '教授',
      '复合材料',
    ]);
    const file = await xlsx(['编号', '姓名', '所在地区', '职称', '学科领域'], rows);
    const job = (await upload(operator, '/api/imports/talents', 'many.xlsx', file)).body;
    expect(job).toMatchObject({ valid: 1200 });
    const done = await commitImport(operator, job.id);
    expect(done).toMatchObject({ status: 'committed', created: 1200 });
  });
});

describe('import size limit', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await testPlatform({ demo: true, config: { importMaxBytes: 64 * 1024 } });
  });
  afterAll(() => p.close());

  it('refuses a file over the limit with the limit named, and the server carries on', async () => {
    const operator = await p.signIn('operator');
    const big = Buffer.from(`编号,姓名\r\n${'B-1,某人\r\n'.repeat(20_000)}`);
    const res = await upload(operator, '/api/imports/talents', 'big.csv', big);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('IMPORT_FILE_TOO_LARGE');
    expect((await operator.get('/api/auth/me')).status).toBe(200);
  });
});

describe('identifiers a spreadsheet stored as numbers', () => {
  let p: TestPlatform;
  let operator: Client;
  beforeAll(async () => {
    p = await testPlatform();
    operator = await p.signIn('operator');
  });
  afterAll(() => p.close());

  /** A valid ID number that, stored as a number (15–17 digits kept), reads back as another valid one. */
  function idReadAsAnother(): { typed: string; read: string } {
    for (let sequence = 0; sequence < 1000; sequence++) {
      const typed = idNumber('330502', '19900105', sequence);
      const read = String(Number(typed));
      if (!typed.endsWith('X') && read !== typed && isValidIdNumber(read)) return { typed, read };
    }
    throw new Error('no such ID number');
  }

  const lostDigits = '身份证号被 Excel 存成了数字，请将该列设为文本';

  it('refuses an ID number stored as a number with that reason, even one that still passes the check digit', async () => {
    // As LibreOffice and Excel save a column left in the General format: the cells are numbers.
    const { typed, read } = idReadAsAnother();
    const other = idNumber('330502', '19900105', 123);
    const typedAsText = idNumber('330502', '19850301', 45);
    const file = await xlsx(
      ['编号', '姓名', '身份证号', '手机'],
      [
        ['NUM-1', '数字一', Number(typed), ''],
        ['NUM-2', '数字二', Number(other), ''],
        ['NUM-3', '文本', typedAsText, 13800138000],
      ],
    );
    const job = (await upload(operator, '/api/imports/talents', 'libreoffice.xlsx', file)).body;
    expect(job).toMatchObject({ total: 3, valid: 1, rejected: 2 });
    for (const row of job.report) {
      expect(row.errors).toHaveLength(1);
      expect(row.errors[0]).toMatchObject({ column: '身份证号' });
      expect(row.errors[0].message).toContain(lostDigits);
      expect(JSON.stringify(row)).not.toContain('校验位');
    }
    const done = await commitImport(operator, job.id);
    expect(done).toMatchObject({ status: 'committed', created: 1 });
    // Nothing stored under the number the spreadsheet made of the typed one.
    const misread = await p.database.rows(
      sql`select code from talents where id_number_hash = ${p.cipher.lookupHash(read)}`,
    );
    expect(misread).toEqual([]);
    // A mobile stored as a number fits a double exactly: read as typed.
    const stored = (await operator.get('/api/registry/talents?q=num-3')).body.items[0];
    const revealed = await operator.post(`/api/registry/talents/${stored.id}/reveal`);
    expect(revealed.body).toEqual({ mobile: '13800138000', idNumber: typedAsText });
  });

  it('reads a code shown with leading zeros as shown, and refuses 3.30502E+17 in a csv with the same reason', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('导入');
    sheet.addRow(['编号', '姓名']);
    sheet.addRow([7, '零七']);
    sheet.getCell('A2').numFmt = '0000';
    const file = Buffer.from(await book.xlsx.writeBuffer());
    const job = (await upload(operator, '/api/imports/talents', 'zeros.xlsx', file)).body;
    expect(job).toMatchObject({ valid: 1 });
    await commitImport(operator, job.id);
    expect((await operator.get('/api/registry/talents?q=0007')).body.items[0]).toMatchObject({
      code: '0007',
    });

    // Excel writes what it shows: a long number in a General column becomes 3.30502E+17.
    const csv = Buffer.from(
      `编号,姓名,身份证号\r\nSCI-1,科学计数,3.30502E+17\r\nSCI-2,正常,${idNumber('330502', '19900105', 7)}\r\n`,
    );
    const scientific = (await upload(operator, '/api/imports/talents', 'excel.csv', csv)).body;
    expect(scientific).toMatchObject({ total: 2, valid: 1, rejected: 1 });
    expect(scientific.report[0]).toMatchObject({ rowNumber: 2, status: 'rejected' });
    expect(scientific.report[0].errors[0].message).toContain(lostDigits);
  });

  it('the template formats identifier columns as text', async () => {
    const template = await p.app.inject({
      method: 'GET',
      url: '/api/imports/talents/template',
      headers: { cookie: operator.cookie! },
    });
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const formats = new Map<string, string | undefined>();
    sheet.getRow(1).eachCell((cell, col) => formats.set(String(cell.value), sheet.getColumn(col).numFmt));
    expect(formats.get('身份证号')).toBe('@');
    expect(formats.get('手机')).toBe('@');
    expect(formats.get('编号*')).toBe('@');
    expect(formats.get('姓名*')).toBeUndefined();
  });
});

describe('conflicts a commit would meet are found at preview', () => {
  let p: TestPlatform;
  let operator: Client;
  const held = [idNumber('330502', '19700101', 1), idNumber('330502', '19700101', 2)];
  beforeAll(async () => {
    p = await testPlatform();
    operator = await p.signIn('operator');
    for (const [i, id] of held.entries()) {
      const res = await operator.post('/api/registry/talents', {
        code: `HELD-${i + 1}`,
        name: `已登记${i + 1}`,
        idNumber: id,
      });
      expect(res.status).toBe(201);
    }
  });
  afterAll(() => p.close());

  it('a GBK csv whose ID numbers are registered: those rows are rejected at preview, naming the record, and the rest is committed', async () => {
    const fresh = idNumber('330502', '19700101', 3);
    const csv = iconv.encode(
      `编号,姓名,身份证号\r\nGBK-A,甲,${held[0]}\r\nGBK-B,乙,${held[1]!.toLowerCase()}\r\nGBK-C,丙,${fresh}\r\n`,
      'gbk',
    );
    const job = (await upload(operator, '/api/imports/talents', '名单.csv', csv)).body;
    expect(job).toMatchObject({ total: 3, valid: 1, rejected: 2, toCreate: 1 });
    expect(job.report.map((r: { errors: { message: string }[] }) => r.errors[0]!.message)).toEqual([
      '该身份证号已登记（编号 HELD-1）',
      '该身份证号已登记（编号 HELD-2）',
    ]);
    const done = await commitImport(operator, job.id);
    expect(done).toMatchObject({ status: 'committed', error: null, created: 1, rejected: 2 });
  });

  it('the same ID number, credit code or code twice in a file: the later row is rejected at preview, the first written', async () => {
    const twice = idNumber('330502', '19800202', 9);
    const file = await xlsx(
      ['编号', '姓名', '身份证号'],
      [
        ['TWICE-1', '第一', twice],
        ['TWICE-2', '第二', twice],
        ['TWICE-1', '第三', ''],
      ],
    );
    const job = (await upload(operator, '/api/imports/talents', 'twice.xlsx', file)).body;
    expect(job).toMatchObject({ total: 3, valid: 1, rejected: 2 });
    expect(job.report.map((r: { rowNumber: number; errors: unknown[] }) => [r.rowNumber, r.errors])).toEqual([
      [3, [{ column: '身份证号', message: '身份证号与第2行重复' }]],
      [4, [{ column: '编号', value: 'TWICE-1', message: '编号与第2行重复' }]],
    ]);
    const done = await commitImport(operator, job.id);
    expect(done).toMatchObject({ status: 'committed', error: null, created: 1 });

    const credit = (first17: string) => first17 + creditCodeCheckChar(first17);
    const code = credit('91330502MA2B3C4D5');
    const enterprises = await xlsx(
      ['编号', '企业名称', '统一社会信用代码'],
      [
        ['QY-1', '甲公司', code],
        ['QY-2', '乙公司', code],
      ],
    );
    const ejob = (await upload(operator, '/api/imports/enterprises', 'qy.xlsx', enterprises)).body;
    expect(ejob).toMatchObject({ valid: 1, rejected: 1 });
    expect(ejob.report[0].errors).toEqual([
      { column: '统一社会信用代码', message: '统一社会信用代码与第2行重复' },
    ]);
    expect(await commitImport(operator, ejob.id)).toMatchObject({ status: 'committed', created: 1 });
  });

  it('a value held in another region is refused without naming its holder', async () => {
    const admin = await p.signIn('admin');
    await admin.post('/api/users', {
      username: 'hz.importer',
      displayName: '杭州导入',
      role: 'operator',
      regionCode: '330100',
      password: 'scope-Test-2026',
    });
    const hangzhou = await p.signIn('hz.importer', 'scope-Test-2026');
    const file = await xlsx(['编号', '姓名', '身份证号'], [['HZ-1', '杭州某人', held[0]!]]);
    const job = (await upload(hangzhou, '/api/imports/talents', 'hz.xlsx', file)).body;
    expect(job).toMatchObject({ valid: 0, rejected: 1 });
    expect(job.report[0].errors).toEqual([{ column: '身份证号', message: '该身份证号已登记' }]);
    expect(JSON.stringify(job)).not.toMatch(/HELD-1|已登记1/);
  });

  it('a value registered between preview and commit: that row is reported on its row, the others written', async () => {
    const later = idNumber('330502', '19900909', 5);
    const file = await xlsx(
      ['编号', '姓名', '身份证号'],
      [
        ['RACE-1', '赛一', later],
        ['RACE-2', '赛二', idNumber('330502', '19900909', 6)],
      ],
    );
    const job = (await upload(operator, '/api/imports/talents', 'race.xlsx', file)).body;
    expect(job).toMatchObject({ valid: 2, rejected: 0 });
    expect(
      (await operator.post('/api/registry/talents', { code: 'FIRST', name: '抢先', idNumber: later })).status,
    ).toBe(201);
    const done = await commitImport(operator, job.id);
    expect(done).toMatchObject({ status: 'committed', error: null, created: 1, valid: 1, rejected: 1 });
    expect(done.report).toEqual([
      {
        rowNumber: 2,
        code: 'RACE-1',
        status: 'rejected',
        errors: [{ column: '身份证号', message: '该身份证号已登记（编号 FIRST）' }],
        flags: [],
      },
    ]);
  });
});
