import type { z } from 'zod';
import type { Bilingual } from '../../platform/i18n/locale.ts';
import type { ColumnSpec } from '../../platform/io/columns.ts';
import { splitMultiValue } from '../../reference/dictionaries/index.ts';
import type { DictionarySnapshot } from '../registry/dictionaries.ts';
import { type CellsOutcome, dictionaryCells, type KindContext, words } from '../registry/kinds.ts';
import { regionName, resolveRegion } from '../registry/regions.ts';
import { COOPERATION_MODES, LIST_INPUTS, type ListItemView, type ListKind, STAGES } from './contract.ts';
import { STATUS_NAMES, STATUSES, type Status } from './machine.ts';
import type { ListItemRow } from './schema.ts';

export interface ListKindDef {
  kind: ListKind;
  entity: string;
  label: Bilingual;
  input: z.ZodObject;
  columns: readonly ColumnSpec[];
  /** Which registry the owner (企业名称 / 完成单位) is looked up in first. */
  owner: 'enterprise' | 'institution';
}

const code: ColumnSpec = {
  key: 'code',
  header: '编号',
  headerEn: 'Code',
  required: true,
  hint: '唯一编号，重复导入时按编号更新',
  identifier: true,
};
const keywords: ColumnSpec = {
  key: 'keywords',
  header: '关键词',
  headerEn: 'Keywords',
  aliases: ['关键字', '技术关键词'],
  hint: '多个用；或、分隔，留空时由系统从描述中提取',
};
const industries: ColumnSpec = {
  key: 'industries',
  header: '所属行业',
  headerEn: 'Industries',
  aliases: ['行业', '行业领域', '产业领域'],
  hint: 'GB/T 4754 行业名称或代码，多个用；分隔',
};
const disciplines: ColumnSpec = {
  key: 'disciplines',
  header: '所属学科',
  headerEn: 'Disciplines',
  aliases: ['学科', '学科领域'],
  hint: 'GB/T 13745 学科名称或代码',
};
const field: ColumnSpec = {
  key: 'field',
  header: '所属领域',
  headerEn: 'Field',
  aliases: ['技术领域', '领域'],
  hint: '学科或行业名称；字典中没有的按原文保留并标记',
};
const region: ColumnSpec = {
  key: 'region',
  header: '所在地区',
  headerEn: 'Region',
  aliases: ['地区', '所在地', '区域'],
  hint: '行政区划代码或名称，如 330502、湖州市吴兴区',
};
const cluster: ColumnSpec = { key: 'cluster', header: '主导产业', headerEn: 'Leading industry' };
const deadline: ColumnSpec = {
  key: 'deadline',
  header: '截止日期',
  headerEn: 'Deadline',
  aliases: ['有效期', '有效期至', '截止时间'],
  hint: '如 2026-12-31',
};
const status: ColumnSpec = {
  key: 'status',
  header: '状态',
  headerEn: 'Status',
  hint: '草稿 / 待审核 / 已发布 / 对接中 / 已关闭；留空为已发布',
};
const contact: ColumnSpec = { key: 'contactName', header: '联系人', headerEn: 'Contact' };
const modes = (header: string, aliases: string[]): ColumnSpec => ({
  key: 'cooperationModes',
  header,
  headerEn: 'Cooperation modes',
  aliases,
  hint: `${COOPERATION_MODES.join('、')}，多个用；分隔`,
});
const amountColumn = (header: string, aliases: string[]): ColumnSpec => ({
  key: 'amount',
  header,
  headerEn: 'Amount (10k CNY)',
  aliases,
  hint: '单位万元；也可写“面议”或“30000元”',
});

export const LIST_KIND_DEFS: Record<ListKind, ListKindDef> = {
  demands: {
    kind: 'demands',
    entity: 'demand',
    label: { zh: '技术需求', en: 'Technical demands' },
    input: LIST_INPUTS.demands,
    owner: 'enterprise',
    columns: [
      code,
      {
        key: 'title',
        header: '需求名称',
        headerEn: 'Title',
        required: true,
        aliases: ['需求标题', '技术需求', '名称'],
      },
      {
        key: 'description',
        header: '需求描述',
        headerEn: 'Description',
        aliases: ['需求内容', '需求详情', '技术难题', '需求简介'],
      },
      keywords,
      industries,
      disciplines,
      field,
      {
        key: 'ownerName',
        header: '企业名称',
        headerEn: 'Enterprise',
        aliases: ['需求单位', '企业', '单位名称'],
      },
      region,
      amountColumn('预算', ['预算（万元）', '经费预算', '投入资金', '拟投入资金']),
      modes('合作方式', ['合作模式']),
      deadline,
      cluster,
      contact,
      status,
    ],
  },
  'talent-demands': {
    kind: 'talent-demands',
    entity: 'talentDemand',
    label: { zh: '人才合作需求', en: 'Talent cooperation demands' },
    input: LIST_INPUTS['talent-demands'],
    owner: 'enterprise',
    columns: [
      code,
      {
        key: 'title',
        header: '需求名称',
        headerEn: 'Title',
        required: true,
        aliases: ['岗位名称', '需求岗位', '岗位', '名称'],
      },
      {
        key: 'description',
        header: '需求描述',
        headerEn: 'Description',
        aliases: ['岗位要求', '专业要求', '需求内容', '任职要求'],
      },
      keywords,
      { key: 'headcount', header: '需求人数', headerEn: 'Headcount', aliases: ['人数', '招聘人数'] },
      {
        key: 'terms',
        header: '合作条件',
        headerEn: 'Terms',
        aliases: ['待遇', '薪酬待遇', '合作待遇'],
      },
      industries,
      disciplines,
      field,
      {
        key: 'ownerName',
        header: '企业名称',
        headerEn: 'Enterprise',
        aliases: ['需求单位', '用人单位', '单位名称'],
      },
      region,
      modes('合作方式', ['引才方式']),
      deadline,
      cluster,
      contact,
      status,
    ],
  },
  achievements: {
    kind: 'achievements',
    entity: 'achievement',
    label: { zh: '科技成果', en: 'Tech achievements' },
    input: LIST_INPUTS.achievements,
    owner: 'institution',
    columns: [
      code,
      { key: 'title', header: '成果名称', headerEn: 'Title', required: true, aliases: ['名称', '项目名称'] },
      {
        key: 'description',
        header: '成果简介',
        headerEn: 'Summary',
        aliases: ['成果描述', '简介', '技术简介', '成果介绍'],
      },
      keywords,
      field,
      disciplines,
      industries,
      {
        key: 'ownerName',
        header: '完成单位',
        headerEn: 'Owner',
        aliases: ['成果单位', '所属单位', '持有单位', '单位名称'],
      },
      region,
      {
        key: 'stage',
        header: '成熟度',
        headerEn: 'Stage',
        aliases: ['成果阶段', '技术成熟度', '所处阶段'],
        hint: '实验室 / 小试 / 中试 / 产业化，或 TRL 1–9',
      },
      modes('转化方式', ['合作方式', '交易方式']),
      { key: 'patents', header: '专利号', headerEn: 'Patents', aliases: ['知识产权', '专利'] },
      amountColumn('价格', ['转让价格', '成果价格', '价格（万元）', '意向价格']),
      deadline,
      cluster,
      contact,
      status,
    ],
  },
};

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

/** ISO dates and the ways people write them: 2026/12/31, 2026.12.31, 2026年12月31日, 2026-12. */
export function parseDate(raw: string): string | undefined {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:[-/.月]\s*(\d{1,2})\s*日?)?\s*月?$/.exec(raw.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : 0];
  const day = d || new Date(Date.UTC(y, mo, 0)).getUTCDate();
  const date = new Date(Date.UTC(y, mo - 1, day));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/** A spreadsheet row into a candidate input (validated by the kind's zod schema afterwards). */
export function listFromCells(
  def: ListKindDef,
  cells: Record<string, string>,
  ctx: KindContext,
): CellsOutcome & { status: Status | null } {
  const out: CellsOutcome & { status: Status | null } = {
    candidate: {},
    flags: [],
    errors: [],
    status: null,
  };
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
  const regionText = text('region');
  if (regionText) {
    const resolved = resolveRegion(regionText);
    if (resolved && 'code' in resolved) out.candidate.regionCode = resolved.code;
    else {
      out.candidate.regionText = regionText.slice(0, 64);
      out.flags.push({
        field: 'regionCode',
        column: '所在地区',
        value: regionText,
        message: resolved
          ? `地区名称有歧义（${resolved.ambiguous.map((r) => regionName(r.code)).join('、')}），已按原文保留`
          : '未识别的地区，已按原文保留',
      });
    }
  }
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
  return out;
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

export function listSearchText(row: Partial<ListItemRow>, dict: DictionarySnapshot): string {
  return words(
    row.code,
    row.title,
    row.ownerName,
    row.keywords ?? [],
    row.fieldText,
    dict.named('industry', row.industries ?? []).map((n) => n.name),
    dict.named('discipline', row.disciplines ?? []).map((n) => n.name),
    row.description?.slice(0, 2000),
  );
}

export function listView(
  row: ListItemRow,
  dict: DictionarySnapshot,
  access: { actions: ListItemView['actions']; editable: boolean; own: boolean },
): ListItemView {
  return {
    id: row.id,
    kind: row.kind as ListKind,
    code: row.code,
    title: row.title,
    description: row.description,
    keywords: row.keywords,
    keywordsExtracted: row.keywordsExtracted,
    industries: dict.named('industry', row.industries),
    disciplines: dict.named('discipline', row.disciplines),
    fieldText: row.fieldText,
    cluster: row.cluster,
    regionCode: row.regionCode,
    regionName: regionName(row.regionCode),
    regionText: row.regionText,
    ownerName: row.ownerName,
    enterpriseId: row.enterpriseId,
    institutionId: row.institutionId,
    cooperationModes: row.cooperationModes,
    amountYuan: row.amountFen === null ? null : row.amountFen / 100,
    amountNegotiable: row.amountNegotiable,
    deadline: row.deadline,
    headcount: row.headcount,
    terms: row.terms,
    stage: row.stage,
    trl: row.trl,
    patents: row.patents,
    contactName: row.contactName,
    status: row.status,
    statusReason: row.statusReason,
    statusChangedAt: row.statusChangedAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    flags: row.flags,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    archived: row.archivedAt !== null,
    version: row.version,
    ...access,
  };
}

/** One export row, in the import columns, so that an export re-imports unchanged. */
export function listExportRow(
  row: ListItemRow,
  dict: DictionarySnapshot,
): Record<string, string | number | null> {
  const kept = (field: string) => row.flags.filter((f) => f.field === field).map((f) => f.value);
  const amount = row.amountNegotiable
    ? '面议'
    : row.amountFen === null
      ? ''
      : String(row.amountFen / 100 / 1e4);
  return {
    code: row.code,
    title: row.title,
    description: row.description,
    keywords: row.keywordsExtracted ? '' : row.keywords.join('；'),
    industries: [...dict.named('industry', row.industries).map((n) => n.name), ...kept('industries')].join(
      '；',
    ),
    disciplines: [
      ...dict.named('discipline', row.disciplines).map((n) => n.name),
      ...kept('disciplines'),
    ].join('；'),
    field: row.fieldText ?? '',
    ownerName: row.ownerName,
    region: row.regionCode ?? row.regionText ?? '',
    amount,
    cooperationModes: [...row.cooperationModes, ...kept('cooperationModes')].join('；'),
    deadline: row.deadline,
    headcount: row.headcount,
    terms: row.terms,
    stage: row.trl ? `TRL${row.trl}` : (row.stage ?? kept('stage')[0] ?? ''),
    patents: row.patents.join('；'),
    cluster: row.cluster,
    contactName: row.contactName,
    status: STATUS_NAMES[row.status].zh,
  };
}
