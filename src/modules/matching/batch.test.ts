import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { xlsx } from '../../../test/support/sheets.ts';
import { BatchInputError, pairsWorkbook, readBatchQueries } from './batch.ts';

describe('batch matching input and output', () => {
  it('reads an xlsx of demands in the demand import columns, in any order', async () => {
    const file = await xlsx(
      ['需求描述', '编号', '需求名称', '关键词'],
      [
        ['连接处分层开裂', 'XQ-1', '复合材料连接工艺', '胶接；铆接'],
        ['', '', '只有名称的需求', ''],
      ],
    );
    const queries = await readBatchQueries('demands.xlsx', file);
    expect(queries).toEqual([
      {
        id: 'XQ-1',
        label: '复合材料连接工艺',
        query: { title: '复合材料连接工艺', text: '连接处分层开裂', keywords: ['胶接', '铆接'] },
      },
      { id: '第3行', label: '只有名称的需求', query: { title: '只有名称的需求', text: '', keywords: [] } },
    ]);
  });

  it('reads JSON lines and says which line is wrong', async () => {
    const ok = await readBatchQueries(
      'q.jsonl',
      Buffer.from('{"id": 7, "text": "储能"}\n\n{"id": "b", "text": ""}\n'),
    );
    expect(ok.map((q) => q.id)).toEqual(['7', 'b']);
    await expect(readBatchQueries('q.jsonl', Buffer.from('{"text": "x"}\n'))).rejects.toThrow(
      BatchInputError,
    );
    await expect(readBatchQueries('q.xlsx', await xlsx(['编号'], [['1']]))).rejects.toThrow(/需求名称/);
  });

  it('writes one row per suggested pair with rank, level and reasons, and says when a demand has none', async () => {
    const queries = [
      { id: 'XQ-1', label: '复合材料连接工艺', query: { text: '' } },
      { id: 'XQ-2', label: '冷门需求', query: { text: '' } },
    ];
    const data = await pairsWorkbook(
      queries,
      [
        {
          id: 'XQ-1',
          results: [
            {
              id: 'u1',
              kind: 'experts',
              code: 'ZJ-0001',
              name: '陈志远',
              score: 72,
              level: 'high',
              summary: { subtitle: '浙北理工学院', regionName: '吴兴区', tags: [], status: null },
              reasons: [{ factor: 'text', label: '共同关键词：复合材料', value: 10 }],
            },
          ],
        },
        { id: 'XQ-2', results: [] },
      ],
      '专家',
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(data as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '需求编号',
      '需求名称',
      '排名',
      '专家编号',
      '专家名称',
      '单位',
      '地区',
      '匹配度',
      '匹配等级',
      '推荐理由',
    ]);
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      'XQ-1',
      '复合材料连接工艺',
      1,
      'ZJ-0001',
      '陈志远',
      '浙北理工学院',
      '吴兴区',
      72,
      '高',
      '共同关键词：复合材料',
    ]);
    expect(sheet.getRow(3).getCell(1).value).toBe('XQ-2');
    expect(sheet.getRow(3).getCell(3).value).toBeNull();
    expect(String(sheet.getRow(3).getCell(10).value)).toMatch(/补充关键词|细化/);
  });
});
