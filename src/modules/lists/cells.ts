import { isCalendarDate } from '../../reference/china-time.ts';
import { splitMultiValue } from '../../reference/dictionaries/index.ts';
import type { DictionarySnapshot } from '../registry/dictionaries.ts';
import { type CellsOutcome, dictionaryCells, type KindContext, regionCells } from '../registry/kinds.ts';
import { COOPERATION_MODES, STAGES } from './contract.ts';
import type { ListKindDef } from './kinds.ts';
import { STATUS_NAMES, STATUSES, type Status } from './machine.ts';

/**
 * A spreadsheet row of a list into a candidate input: what people write
 * (万元 and 面议, 2026年6月1日, 已发布, a field name) read into codes and values;
 * what no code list knows is kept as written and flagged, what cannot be read
 * is an error on its cell.
 */

const STATUS_BY_NAME = new Map<string, Status>(
  STATUSES.flatMap((s) => [
    [STATUS_NAMES[s].zh, s],
    [s, s],
  ]),
);
STATUS_BY_NAME.set('待发布', 'submitted').set('进行中', 'in_progress').set('已完成', 'closed');

function splitList(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(/[；;，,、|\n\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** "50" (万元) · "50万元" · "1.2亿" · "30000元" · "面议" → yuan, or negotiable; undefined when unreadable. */
export function parseAmount(raw: string): { yuan: number | null; negotiable: boolean } | undefined {
  const s = raw.replace(/[\s,，]/g, '').replace(/^人民币|^￥|^¥/, '');
  if (s === '') return { yuan: null, negotiable: false };
  if (/^(面议|议价|协商|待定)$/.test(s)) return { yuan: null, negotiable: true };
  const m = /^(\d+(?:\.\d+)?)(亿元?|万元?|元)?$/.exec(s);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2]?.[0];
  const yuan = unit === '亿' ? n * 1e8 : unit === '元' ? n : n * 1e4;
  return { yuan: Math.round(yuan * 100) / 100, negotiable: false };
}

/** ISO dates and the ways people write them: 2026/12/31, 2026.12.31, 2026年12月31日, 20261231, 2026-12. */
export function parseDate(raw: string): string | undefined {
  const m =
    /^(\d{4})(\d{2})(\d{2})$/.exec(raw.trim()) ??
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:[-/.月]\s*(\d{1,2})\s*日?)?\s*月?$/.exec(raw.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : 0];
  const day = d || new Date(Date.UTC(y, mo, 0)).getUTCDate();
  const date = new Date(Date.UTC(y, mo - 1, day));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/**
 * A calendar day as parseDate reads it, a time of day after it ignored (2025/11/3 0:00:00 from a CSV);
 * a month alone (2025-11) is not a day.
 */
export function parseDay(raw: string): string | undefined {
  const s = raw.trim().replace(/[\sT]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/, '');
  if (!/^\d{8}$/.test(s) && s.match(/\d+/g)?.length !== 3) return undefined;
  const date = parseDate(s);
  return date && isCalendarDate(date) ? date : undefined;
}

/** The statuses of an item that has been published: a 发布日期 applies to them only. */
export const PUBLISHED_ONCE: readonly Status[] = ['published', 'in_progress', 'closed', 'expired'];

/** A spreadsheet row into a candidate input (validated by the kind's zod schema afterwards). */
export function listFromCells(
  def: ListKindDef,
  cells: Record<string, string>,
  ctx: KindContext,
  today: string,
): ListCellsOutcome {
  const out: ListCellsOutcome = { candidate: {}, flags: [], errors: [], status: null, publishedOn: null };
  const header = (key: string) => def.columns.find((c) => c.key === key)?.header ?? key;
  const text = (key: string) => cells[key]?.trim() ?? '';
  out.candidate.code = text('code');
  if (!out.candidate.code) out.errors.push({ column: '编号', value: '', message: '编号必填' });
  out.candidate.title = text('title');
  if (!out.candidate.title) {
    out.errors.push({ column: header('title'), value: '', message: `${header('title')}必填` });
  }
  for (const key of ['description', 'ownerName', 'cluster', 'contactName', 'terms']) {
    if (text(key) && def.columns.some((c) => c.key === key)) out.candidate[key] = text(key);
  }
  out.candidate.keywords = [...new Set(splitList(cells.keywords))].slice(0, 30);
  dictionaryCells(out, ctx, cells.industries, 'industry', 'industries', header('industries'), true);
  dictionaryCells(out, ctx, cells.disciplines, 'discipline', 'disciplines', header('disciplines'), true);
  fieldCell(out, ctx.dict, text('field'));
  regionCells(out, text('region'));
  const modesRaw = text('cooperationModes');
  if (modesRaw) {
    const known: string[] = [];
    const unknown: string[] = [];
    for (const m of splitMultiValue(modesRaw.replace(/[；;]/g, '、'))) {
      const hit = COOPERATION_MODES.find((mode) => mode === m || mode.includes(m) || m.includes(mode));
      if (hit) known.includes(hit) || known.push(hit);
      else unknown.push(m);
    }
    out.candidate.cooperationModes = known;
    if (unknown.length > 0) {
      out.flags.push({
        field: 'cooperationModes',
        column: header('cooperationModes'),
        value: unknown.join('；'),
        message: '未识别的合作方式，已按原文保留',
      });
    }
  }
  if (text('amount') && def.columns.some((c) => c.key === 'amount')) {
    const amount = parseAmount(text('amount'));
    if (amount) {
      out.candidate.amountYuan = amount.yuan;
      out.candidate.amountNegotiable = amount.negotiable;
    } else {
      out.errors.push({
        column: header('amount'),
        value: text('amount'),
        message: '金额应为数字（万元）或“面议”',
      });
    }
  }
  if (text('deadline')) {
    const date = parseDate(text('deadline'));
    if (date) out.candidate.deadline = date;
    else out.errors.push({ column: '截止日期', value: text('deadline'), message: '日期格式应为 2026-12-31' });
  }
  if (text('headcount')) {
    const n = Number(text('headcount').replace(/人$/, ''));
    if (Number.isInteger(n) && n > 0) out.candidate.headcount = n;
    else
      out.errors.push({ column: header('headcount'), value: text('headcount'), message: '人数应为正整数' });
  }
  if (text('stage')) {
    const raw = text('stage');
    const trl = /^(?:TRL)?\s*([1-9])(?:级)?$/i.exec(raw);
    const stage = STAGES.find((s) => raw.includes(s));
    if (trl) out.candidate.trl = Number(trl[1]);
    else if (stage) out.candidate.stage = stage;
    else {
      out.flags.push({
        field: 'stage',
        column: header('stage'),
        value: raw,
        message: '未识别的成熟度，已按原文保留',
      });
    }
  }
  if (text('patents')) out.candidate.patents = [...new Set(splitList(cells.patents))].slice(0, 50);
  if (text('status')) {
    const s = STATUS_BY_NAME.get(text('status'));
    if (s) out.status = s;
    else
      out.errors.push({
        column: '状态',
        value: text('status'),
        message: '状态应为 草稿/待审核/已发布/对接中/已关闭',
      });
  }
  publishedOnCell(out, text('publishedOn'), today);
  return out;
}

/** A row read: the candidate, its 状态 when the sheet gives one, and its 发布日期 when usable. */
export type ListCellsOutcome = CellsOutcome & { status: Status | null; publishedOn: string | null };

/**
 * 发布日期 as written: a day not after today is the row's publishedOn; a later or unreadable one
 * is flagged on its cell and the row imported without it (published on the day of the import).
 */
function publishedOnCell(out: ListCellsOutcome, raw: string, today: string) {
  if (!raw) return;
  const flag = (message: string) =>
    out.flags.push({ field: 'publishedAt', column: '发布日期', value: raw, message });
  const date = parseDay(raw);
  if (!date) flag('无法识别的发布日期（应如 2025-11-03），未使用');
  else if (date > today) flag('发布日期晚于今天，未使用');
  else if (out.status && !PUBLISHED_ONCE.includes(out.status)) {
    flag(`状态为${STATUS_NAMES[out.status].zh}，发布日期未使用`);
  } else out.publishedOn = date;
}

/** 所属领域: a discipline name, else an industry name, else kept as written and flagged. */
function fieldCell(out: CellsOutcome, dict: DictionarySnapshot, raw: string) {
  if (!raw) return;
  const unknown: string[] = [];
  const disciplines = (out.candidate.disciplines as string[] | undefined) ?? [];
  const industries = (out.candidate.industries as string[] | undefined) ?? [];
  for (const part of raw
    .split(/[；;/／、]+/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const d = dict.resolve('discipline', part);
    const i = d ? undefined : dict.resolve('industry', part);
    if (d) disciplines.includes(d.code) || disciplines.push(d.code);
    else if (i) industries.includes(i.code) || industries.push(i.code);
    else unknown.push(part);
  }
  out.candidate.disciplines = disciplines;
  out.candidate.industries = industries;
  if (unknown.length > 0) {
    out.candidate.fieldText = raw.slice(0, 128);
    out.flags.push({
      field: 'fieldText',
      column: '所属领域',
      value: raw,
      message: '字典中没有该领域，已按原文保留',
    });
  }
}
