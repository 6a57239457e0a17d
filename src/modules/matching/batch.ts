import ExcelJS from 'exceljs';
import { cellsByKey, mapHeaders } from '../../platform/io/columns.ts';
import { readTable } from '../../platform/io/table.ts';
import { addPrintableSheet } from '../../platform/io/workbook.ts';
import { LIST_KIND_DEFS } from '../lists/kinds.ts';
import type { MatchLevel, MatchQuery } from './engine.ts';
import type { MatchResultView } from './service.ts';

/** One query of a batch: its id, what is asked, and how it reads in the meeting's Excel. */
export interface BatchQuery {
  id: string;
  label: string;
  query: MatchQuery;
}

export class BatchInputError extends Error {}

/**
 * Queries for `caiqiao match`: JSON lines `{"id": "...", "text": "..."}` (an
 * optional "title" and "keywords" are used too), or a spreadsheet of demands
 * in the demand import columns (编号, 需求名称, 需求描述, 关键词 …).
 */
export async function readBatchQueries(fileName: string, data: Buffer): Promise<BatchQuery[]> {
  if (/\.(xlsx|csv)$/i.test(fileName)) {
    const table = await readTable(data, fileName);
    const columns = LIST_KIND_DEFS.demands.columns;
    const mapping = mapHeaders(table.headers, columns);
    if (!mapping.keyOf.size || ![...mapping.keyOf.values()].includes('title')) {
      throw new BatchInputError(`表格中没有“需求名称”列 (found: ${table.headers.join(', ')})`);
    }
    return table.rows.map((row) => {
      const cells = cellsByKey(row.cells, mapping);
      const keywords = (cells.keywords ?? '').split(/[；;，,、\s]+/).filter(Boolean);
      const extra = [cells.industries, cells.disciplines, cells.field].filter(Boolean) as string[];
      return {
        id: cells.code?.trim() || `第${row.rowNumber}行`,
        label: cells.title?.trim() ?? '',
        query: {
          title: cells.title ?? '',
          text: cells.description ?? '',
          keywords,
          ...(extra.length > 0 ? { fieldNames: extra } : {}),
        },
      };
    });
  }
  const out: BatchQuery[] = [];
  const lines = data.toString('utf8').split(/\r?\n/);
  lines.forEach((line, n) => {
    if (!line.trim()) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw new BatchInputError(`第 ${n + 1} 行不是 JSON Line ${n + 1} is not JSON`);
    }
    const o = parsed as { id?: unknown; text?: unknown; title?: unknown; keywords?: unknown };
    if (typeof o !== 'object' || o === null || (typeof o.id !== 'string' && typeof o.id !== 'number')) {
      throw new BatchInputError(`第 ${n + 1} 行缺少 id Line ${n + 1} has no "id"`);
    }
    const text = typeof o.text === 'string' ? o.text : '';
    const title = typeof o.title === 'string' ? o.title : undefined;
    const keywords = Array.isArray(o.keywords)
      ? o.keywords.filter((k): k is string => typeof k === 'string')
      : [];
    out.push({
      id: String(o.id),
      label: (title ?? text).slice(0, 60),
      query: { ...(title !== undefined ? { title } : {}), text, keywords },
    });
  });
  return out;
}

const LEVEL_NAMES: Record<MatchLevel, string> = { high: '高', medium: '中', low: '低' };

/** The row of a demand with no pair good enough to suggest: it says so, and what would find some. */
const NONE_GOOD_ENOUGH = '无匹配度达到“低”的推荐：请补充关键词或细化需求描述';

/**
 * The matchmaking meeting's Excel: one row per suggested pair, best first within each query; a query
 * without any gets one row that says so.
 */
export async function pairsWorkbook(
  queries: BatchQuery[],
  answers: { id: string; results: MatchResultView[] }[],
  againstLabel: string,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Caiqiao';
  const sheet = addPrintableSheet(workbook, '对接建议');
  sheet.columns = [
    { header: '需求编号', key: 'queryId', width: 14 },
    { header: '需求名称', key: 'query', width: 36 },
    { header: '排名', key: 'rank', width: 6 },
    { header: `${againstLabel}编号`, key: 'code', width: 14 },
    { header: `${againstLabel}名称`, key: 'name', width: 30 },
    { header: '单位', key: 'subtitle', width: 26 },
    { header: '地区', key: 'region', width: 18 },
    { header: '匹配度', key: 'score', width: 8 },
    { header: '匹配等级', key: 'level', width: 8 },
    { header: '推荐理由', key: 'reasons', width: 60 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const labels = new Map(queries.map((q) => [q.id, q.label]));
  for (const answer of answers) {
    if (answer.results.length === 0) {
      sheet.addRow({ queryId: answer.id, query: labels.get(answer.id) ?? '', reasons: NONE_GOOD_ENOUGH });
    }
    answer.results.forEach((r, n) => {
      sheet.addRow({
        queryId: answer.id,
        query: labels.get(answer.id) ?? '',
        rank: n + 1,
        code: r.code,
        name: r.name,
        subtitle: r.summary.subtitle ?? '',
        region: r.summary.regionName ?? '',
        score: r.score,
        level: r.level ? LEVEL_NAMES[r.level] : '',
        reasons: r.reasons.map((x) => x.label).join('；'),
      });
    });
  }
  sheet.autoFilter = { from: 'A1', to: 'J1' };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
