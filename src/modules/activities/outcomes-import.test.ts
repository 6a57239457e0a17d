import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitImport, expectStatus } from '../../../test/support/factories.ts';
import { type Client, type TestPlatform, testPlatform, upload } from '../../../test/support/platform.ts';
import { xlsx } from '../../../test/support/sheets.ts';

type Issue = { column: string; value?: string; message: string };
type Report = { rowNumber: number; status: string; errors: Issue[]; flags: Issue[] };
type Party = { kind: string; code: string; name: string };
type Outcome = {
  id: string;
  kind: string;
  count: number;
  amountYuan: number | null;
  note: string | null;
  happenedOn: string;
  listItem: { code: string } | null;
  parties: Party[];
};

/** The test platform's clock stands at 2026-03-02 09:00 China time. */
const TODAY = '2026-03-02';

describe('activity outcomes from a sheet', () => {
  let p: TestPlatform;
  let operator: Client;
  let meetingId: string;

  beforeAll(async () => {
    p = await testPlatform({ demo: true });
    operator = await p.signIn('operator');
    // An enterprise of 杭州, outside 湖州's operator's region, whose name a sheet may well carry.
    const admin = await p.signIn('admin');
    expectStatus(
      await admin.post('/api/registry/enterprises', {
        code: 'HZ-Q1',
        name: '钱塘科技有限公司',
        regionCode: '330106',
      }),
      201,
    );
    const meetings = (await operator.get('/api/activities?kind=matchmaking&q=南太湖新材料')).body;
    meetingId = meetings.items[0].id;
  });
  afterAll(() => p.close());

  const previewSheet = (file: Buffer, activityId = meetingId) =>
    upload(operator, `/api/imports/activity-outcomes?activityId=${activityId}`, '成效表.xlsx', file);
  const outcomesOf = async (activityId = meetingId): Promise<Outcome[]> =>
    expectStatus(await operator.get(`/api/activities/${activityId}/outcomes`), 200).body.items;
  const partiesOf = (o: Outcome) => o.parties.map((x) => `${x.kind}:${x.code}`);

  it('imports a meeting’s agreements with their parties, dates and amounts; unknown names are flagged and kept, a bad type refused', async () => {
    const before = new Set((await outcomesOf()).map((o) => o.id));
    const file = await xlsx(
      [
        '序号',
        '成效类型',
        '金额（元）',
        '金额（万元）',
        '签约日期',
        '高校院所',
        '企业',
        '关联清单编号',
        '说明',
      ],
      [
        [
          1,
          '协议',
          500000,
          null,
          '2026-02-27',
          '浙北理工学院',
          '德清绿源新材料有限公司',
          'XQ-2026-001',
          '碳纤维连接工艺联合开发',
        ],
        // Codes serve as well as names; the amount in 万元.
        [2, '合作协议', null, 80, '2026年2月26日', 'JG-002', 'QY-002', null, null],
        [
          3,
          '签约',
          '120,000',
          null,
          '2026/2/27',
          '太湖生物医药研究所',
          '不存在的科技有限公司',
          null,
          '意向金额待定',
        ],
        [4, '吃饭', null, null, '2026-02-27', '浙北理工学院', '吴兴数智纺织有限公司', null, null],
        // 杭州's enterprise is not the operator's to name: flagged like an unknown one.
        [5, '签约', null, null, null, '湖州绿色制造研究院', '钱塘科技有限公司', null, null],
      ],
    );
    const preview = await previewSheet(file);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body).toMatchObject({ status: 'previewed', total: 5, valid: 4, flagged: 2, rejected: 1 });
    const report: Report[] = preview.body.report;
    const row = (n: number) => report.find((r) => r.rowNumber === n);
    expect(row(4)?.flags).toEqual([
      expect.objectContaining({ column: '企业', value: '不存在的科技有限公司' }),
    ]);
    expect(row(5)).toMatchObject({
      status: 'rejected',
      errors: [expect.objectContaining({ column: '成效类型' })],
    });
    expect(row(5)?.errors[0]?.message).toContain('吃饭');
    expect(row(6)?.flags).toEqual([expect.objectContaining({ column: '企业', value: '钱塘科技有限公司' })]);
    // Nothing is recorded until the preview is committed.
    expect(await outcomesOf()).toHaveLength(before.size);

    const done = await commitImport(operator, preview.body.id);
    expect(done).toMatchObject({ status: 'committed', created: 4, rejected: 1 });
    const imported = (await outcomesOf()).filter((o) => !before.has(o.id));
    expect(imported).toHaveLength(4);
    const byNote = (text: string) => imported.find((o) => o.note?.includes(text));
    const first = byNote('碳纤维连接工艺联合开发')!;
    expect(first).toMatchObject({
      kind: 'agreement',
      count: 1,
      amountYuan: 500_000,
      happenedOn: '2026-02-27',
    });
    expect(first.listItem?.code).toBe('XQ-2026-001');
    expect(partiesOf(first)).toEqual(['institution:JG-001', 'enterprise:QY-001']);
    const byCode = imported.find((o) => partiesOf(o).includes('enterprise:QY-002'))!;
    expect(byCode).toMatchObject({ amountYuan: 800_000, happenedOn: '2026-02-26', note: null });
    expect(partiesOf(byCode)).toEqual(['institution:JG-002', 'enterprise:QY-002']);
    const unknown = byNote('不存在的科技有限公司')!;
    expect(unknown).toMatchObject({ amountYuan: 120_000, happenedOn: '2026-02-27' });
    expect(unknown.note).toBe('意向金额待定；未匹配：不存在的科技有限公司');
    expect(partiesOf(unknown)).toEqual(['institution:JG-003']);
    const elsewhere = byNote('钱塘科技有限公司')!;
    expect(elsewhere.note).toBe('未匹配：钱塘科技有限公司');
    expect(partiesOf(elsewhere)).toEqual(['institution:JG-002']);
    // Without a date, a meeting still to come dates its outcome today.
    expect(elsewhere.happenedOn).toBe(TODAY);
    expect(imported.some((o) => o.note?.includes('吃饭'))).toBe(false);
  });

  it('refuses a row dated after today or on a day it cannot read, and imports the rest', async () => {
    const meeting = expectStatus(
      await operator.post('/api/activities', {
        kind: 'forum',
        title: '成效日期测试沙龙',
        regionCode: '330502',
        startsAt: '2026-02-20T09:00:00+08:00',
        endsAt: '2026-02-20T17:00:00+08:00',
      }),
      201,
    ).body;
    const file = await xlsx(
      ['成效类型', '数量', '日期', '企业'],
      [
        ['对接洽谈', 12, null, '南浔智控电机有限公司、长兴绿色建材有限公司'],
        ['签约合作', null, '2026-03-03', 'QY-004'],
        ['签约合作', null, '上周五', 'QY-004'],
      ],
    );
    const preview = await previewSheet(file, meeting.id);
    expect(preview.body).toMatchObject({ total: 3, valid: 1, rejected: 2 });
    const messages = (preview.body.report as Report[]).flatMap((r) =>
      r.errors.map((e) => `${r.rowNumber}:${e.column}:${e.message}`),
    );
    expect(messages).toEqual([
      `3:日期:日期 2026-03-03 晚于今天（${TODAY}），未导入`,
      '4:日期:日期“上周五”无法识别，未导入（如 2026-03-20）',
    ]);
    expect(await commitImport(operator, preview.body.id)).toMatchObject({ status: 'committed', created: 1 });
    const [contact] = await outcomesOf(meeting.id);
    // An activity already held dates an undated outcome on its last day; several names in one cell.
    expect(contact).toMatchObject({ kind: 'contact', count: 12, happenedOn: '2026-02-20' });
    expect(partiesOf(contact!)).toEqual(['enterprise:QY-004', 'enterprise:QY-007']);
  });

  it('finds a record by its code as the link pickers search, and a sheet names one by code, credit code or order code', async () => {
    const enterprise = expectStatus(
      await operator.post('/api/registry/enterprises', {
        code: 'QY-T01',
        name: '吴兴新材科技有限公司',
        regionCode: '330502',
        creditCode: '91350100M000100Y43',
      }),
      201,
    ).body;
    const found = async (url: string) =>
      expectStatus(await operator.get(url), 200).body.items.map((x: { code: string }) => x.code);
    // The party picker searches the registry; the list-item and order pickers the lists and orders.
    expect(await found('/api/registry/enterprises?q=91350100M000100Y43')).toEqual(['QY-T01']);
    expect(await found('/api/registry/institutions?q=jg-002')).toEqual(['JG-002']);
    expect(await found('/api/lists/demands?q=XQ-2026-002')).toEqual(['XQ-2026-002']);
    const order = (await operator.get('/api/orders?pageSize=1')).body.items[0];
    expect(await found(`/api/orders?q=${order.code}`)).toEqual([order.code]);

    const file = await xlsx(
      ['成效类型', '企业', '关联订单编号', '关联清单编号', '说明'],
      [['签约', '91350100M000100Y43', order.code.toLowerCase(), 'XQ-2026-002', '按信用代码登记']],
    );
    const preview = await previewSheet(file);
    expect(preview.body).toMatchObject({ total: 1, valid: 1, flagged: 0 });
    expect(await commitImport(operator, preview.body.id)).toMatchObject({ created: 1 });
    const outcome = (await outcomesOf()).find((o) => o.note === '按信用代码登记') as Outcome & {
      order: { code: string } | null;
    };
    expect(partiesOf(outcome)).toEqual(['enterprise:QY-T01']);
    expect(outcome.parties[0]!.name).toBe(enterprise.name);
    expect(outcome.order?.code).toBe(order.code);
    expect(outcome.listItem?.code).toBe('XQ-2026-002');
  });

  it('refuses an outcome entered by hand with a date after today, and keeps the date given', async () => {
    const future = await operator.post(`/api/activities/${meetingId}/outcomes`, {
      kind: 'contact',
      count: 3,
      happenedOn: '2026-03-03',
    });
    expect(future.status).toBe(400);
    expect(future.body.error.code).toBe('ACTIVITY_OUTCOME_DATE_IN_FUTURE');
    expect(future.body.error.message).toBe(`成效日期不能晚于今天（${TODAY}）`);
    const past = expectStatus(
      await operator.post(`/api/activities/${meetingId}/outcomes`, {
        kind: 'contact',
        count: 3,
        happenedOn: '2025-12-31',
      }),
      201,
    );
    expect(past.body.items.find((o: Outcome) => o.count === 3 && o.kind === 'contact').happenedOn).toBe(
      '2025-12-31',
    );
  });

  it('offers a template in 元 and exports outcomes with their date and amount in 元', async () => {
    const template = await p.app.inject({
      method: 'GET',
      url: '/api/imports/activity-outcomes/template',
      headers: { cookie: operator.cookie! },
    });
    expect(template.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const headers = (book.worksheets[0]!.getRow(1).values as string[]).filter(Boolean);
    expect(headers).toEqual(
      expect.arrayContaining(['成效类型*', '金额（元）', '日期', '高校院所', '企业', '专家']),
    );
    expect(headers).not.toContain('金额（万元）');

    const file = await p.app.inject({
      method: 'GET',
      url: `/api/activities/${meetingId}/export/outcomes`,
      headers: { cookie: operator.cookie! },
    });
    const sheet = new ExcelJS.Workbook();
    await sheet.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const rows = sheet.worksheets[0]!.getSheetValues().slice(1) as unknown[][];
    const head = rows[0]!.slice(1);
    expect(head).toContain('金额（元）');
    expect(head).not.toContain('金额（万元）');
    const at = (name: string) => head.indexOf(name) + 1;
    const agreement = rows.find((r) => String(r[at('说明')] ?? '').includes('碳纤维连接工艺联合开发'))!;
    expect(agreement[at('金额（元）')]).toBe(500_000);
    expect(agreement[at('日期')]).toBe('2026-02-27');
  });
});
