import { z } from 'zod';
import type { Actor } from '../../platform/access/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/client.ts';
import { type ColumnSpec, columnHeader } from '../../platform/io/columns.ts';
import type { ImportKind, PreparedRow } from '../../platform/io/import.ts';
import { chinaDate } from '../../reference/china-time.ts';
import { parseDay } from '../lists/cells.ts';
import { LIST_KINDS } from '../lists/constants.ts';
import { listItemsQuery } from '../lists/contract.ts';
import type { ListsService } from '../lists/service.ts';
import { ordersQuery } from '../orders/contract.ts';
import type { OrdersService } from '../orders/service.ts';
import { References } from '../registry/references.ts';
import { MAX_OUTCOME_PARTIES, OUTCOME_IMPORT_KIND, OUTCOME_WITH_AMOUNT } from './constants.ts';
import type { ActivityOutcomeInput } from './contract.ts';
import { type ActivityKind, type ActivityOutcomeKind, KINDS, OUTCOME_KINDS, OUTCOME_NAMES } from './kinds.ts';
import { type ActivityOutcomes, happenedOn } from './outcomes.ts';
import type { ActivitiesService } from './service.ts';

/** An outcome import's parameter: the activity the outcomes are of. */
const outcomeImportOptions = z.strictObject({ activityId: z.string().uuid() });
type OutcomeImportOptions = z.infer<typeof outcomeImportOptions>;

/** Where names are split: 、，, ; / and new lines, as offices list several signatories in one cell. */
const SEPARATORS = /[、，,;；/／\n\r]+/;
const NOTE_MAX = 1000;

/** The columns of an outcome sheet (成效表), as an office writes the agreements of a meeting. */
export const OUTCOME_COLUMNS: readonly ColumnSpec[] = [
  {
    key: 'kind',
    header: '成效类型',
    headerEn: 'Outcome',
    aliases: ['类型', '成效', '成果类型'],
    required: true,
    hint: '如：签约合作（协议、合作协议、签约）、对接洽谈、其他成效',
    example: '签约合作',
  },
  {
    key: 'count',
    header: '数量',
    headerEn: 'Count',
    aliases: ['次数', '人数', '人次'],
    hint: '不填为 1；签约合作每行一项',
    example: '1',
  },
  {
    key: 'amount',
    header: '金额（元）',
    headerEn: 'Amount (CNY)',
    aliases: ['金额', '签约金额', '合同金额', '协议金额'],
    hint: '单位元，只用于签约合作；也可另列“金额（万元）”',
    example: '500000',
  },
  // The same amount in 万元, as many offices keep it; read when a sheet has it, not offered in the template.
  {
    key: 'amountWan',
    header: '金额（万元）',
    headerEn: 'Amount (10k CNY)',
    aliases: ['签约金额（万元）', '合同金额（万元）', '协议金额（万元）'],
    template: false,
  },
  {
    key: 'date',
    header: '日期',
    headerEn: 'Date',
    aliases: ['签约日期', '成效日期', '时间', '签约时间'],
    hint: '成效发生的日期，不晚于今天；不填为活动最后一天（尚未结束的为今天）',
    example: '2026-03-20',
  },
  {
    key: 'institutions',
    header: '高校院所',
    headerEn: 'Universities and institutes',
    aliases: ['高校', '院所', '高校院所名称', '签约高校院所'],
    hint: '名称或编号，多个用顿号、逗号、分号或斜杠分隔',
    example: '浙北理工学院',
  },
  {
    key: 'enterprises',
    header: '企业',
    headerEn: 'Enterprises',
    aliases: ['企业名称', '签约企业', '合作企业'],
    hint: '名称、编号或统一社会信用代码，多个用顿号、逗号、分号或斜杠分隔',
    example: '德清绿源新材料有限公司',
  },
  {
    key: 'experts',
    header: '专家',
    headerEn: 'Experts',
    aliases: ['专家人才', '人才', '专家姓名'],
    hint: '姓名或编号，多个用顿号、逗号、分号或斜杠分隔',
  },
  {
    key: 'listItem',
    header: '关联清单编号',
    headerEn: 'Demand / achievement code',
    aliases: ['清单编号', '需求编号', '成果编号', '关联需求编号', '关联成果编号'],
    hint: '技术需求、人才需求或成果的编号',
    example: 'XQ-2026-001',
  },
  {
    key: 'order',
    header: '关联订单编号',
    headerEn: 'Order code',
    aliases: ['订单编号', '订单号', '关联订单'],
  },
  { key: 'note', header: '说明', headerEn: 'Note', aliases: ['备注', '协议内容', '项目名称'] },
];

/** How offices name each outcome in a sheet, besides its own name (kinds.ts). */
const KIND_WORDS: Record<ActivityOutcomeKind, readonly string[]> = {
  contact: ['对接', '洽谈', '对接洽谈', '洽谈对接', '对接交流'],
  agreement: ['签约', '协议', '合作协议', '签约合作', '签约协议', '签约项目', '合作签约', '合同', '签订协议'],
  hire_intent: ['意向', '就业意向', '引才意向', '达成意向', '达成就业意向', '达成引才意向'],
  hired: ['录用', '引进', '引进人才', '录用人才', '聘用'],
  trained: ['培训', '培训人次', '培训人数'],
  served: ['服务', '服务人次', '服务人数'],
  other: ['其他', '其它', '其他成效'],
};

/** An outcome's party columns: the registry kind each names and the request field it fills. */
const PARTY_COLUMNS = [
  { key: 'institutions', registry: 'institutions', field: 'institutionIds', what: '高校院所' },
  { key: 'enterprises', registry: 'enterprises', field: 'enterpriseIds', what: '企业' },
  { key: 'experts', registry: 'talents', field: 'talentIds', what: '专家' },
] as const;
type PartyColumn = (typeof PARTY_COLUMNS)[number];

/** A sheet's row on its way: the outcome, and what its cells name that only stored records can say. */
export interface OutcomeRow {
  input: ActivityOutcomeInput;
  /** 说明 as written, then what was kept as text; joined into the outcome's note. */
  notes: string[];
  parties: { column: PartyColumn; names: string[] }[];
  listItemCode: string | null;
  orderCode: string | null;
}

const header = (key: string) => columnHeader(OUTCOME_COLUMNS, key);

/**
 * 成效导入 on the platform's import pipeline: the agreements of a meeting
 * (and its other outcomes) as one sheet, checked row by row into a preview,
 * then recorded as the organiser records one by hand (outcomes.ts `record`:
 * same checks, audit per outcome). Parties are resolved in the caller's
 * scope by code or exact name (an enterprise by its credit code too); a name
 * that finds no record, or several, is flagged on its cell and kept in the
 * note as 「未匹配：…」, and the row imported. An outcome type the activity
 * does not record, or a date that cannot be read or lies after today, refuses
 * its row.
 */
export function outcomesImport(
  activities: ActivitiesService,
  outcomes: ActivityOutcomes,
  lists: ListsService,
  orders: OrdersService,
  clock: Clock,
): ImportKind<OutcomeRow, OutcomeImportOptions> {
  return {
    kind: OUTCOME_IMPORT_KIND,
    label: { zh: '活动成效', en: 'Activity outcomes' },
    permission: 'activities.manage',
    columns: OUTCOME_COLUMNS,
    options: outcomeImportOptions,
    prepare: async (db, actor, { activityId }) => {
      // Only the activity's organisers, and one outside their region is answered as missing.
      const activity = await activities.managed(db, actor, activityId);
      const now = clock.now();
      const context: RowContext = {
        allowed: KINDS[activity.kind as ActivityKind].outcomes,
        today: chinaDate(now),
        defaultDay: happenedOn(activity, now),
      };
      return (cells) => outcomeRow(cells, context);
    },
    resolve: async (db, actor, rows) => resolveNames(db, actor, rows, lists, orders),
    // Outcomes have no code of their own: every valid row is a new outcome.
    existing: async () => new Map(),
    commitBatch: async (tx, actor, rows, { activityId }) => {
      const activity = await activities.managed(tx, actor, activityId);
      for (const { data } of rows) await outcomes.record(tx, actor, activity, data.input);
      return { created: rows.length, updated: 0 };
    },
    tables: ['activity_outcomes', 'activity_outcome_parties'],
  };
}

interface RowContext {
  allowed: readonly ActivityOutcomeKind[];
  /** Today's China date: no outcome happens after it. */
  today: string;
  /** The date of a row without one: the activity's last day, or today if that is to come. */
  defaultDay: string;
}

/** An outcome type as a sheet writes it (签约, 协议, 对接洽谈, agreement …). */
export function outcomeKindOf(text: string): ActivityOutcomeKind | undefined {
  const t = text.replace(/[\s\u3000]/g, '');
  if (!t) return undefined;
  return OUTCOME_KINDS.find(
    (kind) =>
      OUTCOME_NAMES[kind].zh === t ||
      kind === t.toLowerCase() ||
      OUTCOME_NAMES[kind].en.toLowerCase() === t.toLowerCase() ||
      KIND_WORDS[kind].includes(t),
  );
}

/** "500000" · "500,000" · "50万" · "¥1.2亿" → yuan, a bare number in the column's unit; undefined when unreadable. */
function amountOf(raw: string, unitYuan: number): number | undefined {
  const s = raw.replace(/[\s,，]/g, '').replace(/^(人民币|￥|¥)/, '');
  const m = /^(\d+(?:\.\d+)?)(亿元?|万元?|元)?$/.exec(s);
  if (!m) return undefined;
  const unit = m[2]?.[0];
  const yuan = Number(m[1]) * (unit === '亿' ? 1e8 : unit === '万' ? 1e4 : unit === '元' ? 1 : unitYuan);
  return Math.round(yuan * 100) / 100;
}

/** One row of an outcome sheet as the outcome it records, or why not (null: a blank row). */
function outcomeRow(cells: Record<string, string>, context: RowContext): PreparedRow<OutcomeRow> | null {
  if (!Object.values(cells).some((v) => v.trim())) return null;
  const row: PreparedRow<OutcomeRow> = { code: null, data: null, errors: [], flags: [] };
  const refuse = (key: string, message: string, value?: string) =>
    row.errors.push({ column: header(key), message, ...(value ? { value } : {}) });

  const kindText = cells.kind?.trim() ?? '';
  const kind = outcomeKindOf(kindText);
  if (!kindText) refuse('kind', '缺少成效类型，未导入');
  else if (!kind) {
    const names = context.allowed.map((k) => OUTCOME_NAMES[k].zh).join('、');
    refuse('kind', `成效类型“${kindText}”未识别，未导入（本活动可登记：${names}）`, kindText);
  } else if (!context.allowed.includes(kind)) {
    refuse('kind', `此类活动不登记“${OUTCOME_NAMES[kind].zh}”，未导入`, kindText);
  }

  const dateText = cells.date?.trim() ?? '';
  let day = context.defaultDay;
  if (dateText) {
    const read = parseDay(dateText);
    if (!read) refuse('date', `日期“${dateText}”无法识别，未导入（如 2026-03-20）`, dateText);
    else if (read > context.today)
      refuse('date', `日期 ${read} 晚于今天（${context.today}），未导入`, dateText);
    else day = read;
  }

  const countText = cells.count?.trim() ?? '';
  let count = 1;
  if (countText) {
    const n = Number(countText.replace(/[\s,，]/g, '').replace(/(次|人次|人|项|个)$/, ''));
    if (!Number.isInteger(n) || n < 1 || n > 1_000_000) {
      refuse('count', `数量“${countText}”应为 1 至 1000000 的整数，未导入`, countText);
    } else count = n;
  }

  // 金额（元） when the sheet has it, else 金额（万元）.
  const amountKey = cells.amount?.trim() ? 'amount' : cells.amountWan?.trim() ? 'amountWan' : null;
  const amountText = amountKey ? cells[amountKey]!.trim() : '';
  let amountYuan: number | undefined;
  if (amountKey) {
    amountYuan = amountOf(amountText, amountKey === 'amountWan' ? 1e4 : 1);
    if (amountYuan === undefined || amountYuan > 1e12) {
      refuse(
        amountKey,
        `金额“${amountText}”应为数字（${amountKey === 'amountWan' ? '万元' : '元'}），未导入`,
        amountText,
      );
    }
  }

  const note = cells.note?.trim() ?? '';
  if (note.length > NOTE_MAX) refuse('note', `说明超过 ${NOTE_MAX} 个字，未导入`);

  const parties = PARTY_COLUMNS.map((column) => ({
    column,
    names: [
      ...new Set(
        (cells[column.key] ?? '')
          .split(SEPARATORS)
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ],
  }));
  for (const { column, names } of parties) {
    if (names.length > MAX_OUTCOME_PARTIES) {
      refuse(column.key, `${column.what}最多 ${MAX_OUTCOME_PARTIES} 个，未导入`);
    }
  }
  if (row.errors.length > 0 || !kind) return row;

  const notes = note ? [note] : [];
  // Nothing typed is lost: what the outcome cannot carry goes into its note.
  if (amountYuan !== undefined && kind !== OUTCOME_WITH_AMOUNT) {
    row.flags.push({
      column: header(amountKey!),
      value: amountText,
      message: '只有签约合作登记金额，金额已记入说明',
    });
    notes.push(`金额：${amountYuan}元`);
    amountYuan = undefined;
  }
  if (kind === OUTCOME_WITH_AMOUNT && count !== 1) {
    row.flags.push({
      column: header('count'),
      value: countText,
      message: '签约合作每行登记一项，按 1 项导入，数量已记入说明',
    });
    notes.push(`数量：${count}`);
    count = 1;
  }
  const listItemCode = cells.listItem?.trim() || null;
  const orderCode = cells.order?.trim() || null;
  row.data = {
    input: {
      kind,
      count,
      happenedOn: day,
      ...(amountYuan !== undefined ? { amountYuan } : {}),
    },
    notes,
    parties,
    listItemCode,
    orderCode,
  };
  return row;
}

/**
 * The parties, list items and orders a chunk of rows names, looked up at once in the caller's
 * scope; what finds nothing or several records is flagged on its cell and kept in the note.
 */
async function resolveNames(
  db: Executor,
  actor: Actor,
  rows: PreparedRow<OutcomeRow>[],
  lists: ListsService,
  orders: OrdersService,
): Promise<void> {
  const data = rows.map((r) => r.data!);
  const references = new References(db, actor);
  // Parties of any organisation of the region; archived ones too (an agreement outlives the record).
  const rule = { anyOrganisation: true, archived: true };
  const found = new Map<PartyColumn['key'], Map<string, { id: string }[]>>();
  for (const column of PARTY_COLUMNS) {
    const names = data.flatMap((d) => d.parties.filter((p) => p.column === column).flatMap((p) => p.names));
    found.set(column.key, await references.named(column.registry, names, rule));
  }
  const items = await listItemsByCode(
    lists,
    actor,
    data.map((d) => d.listItemCode),
  );
  const orderIds = await ordersByCode(
    orders,
    actor,
    data.map((d) => d.orderCode),
  );

  rows.forEach((row, i) => {
    const d = data[i]!;
    const unmatched: string[] = [];
    const miss = (key: string, value: string, n: number, what: string) => {
      unmatched.push(value);
      row.flags.push({
        column: header(key),
        value,
        message:
          n === 0
            ? `${what}“${value}”未在您的范围内找到，未关联，已记入说明`
            : `${what}“${value}”对应 ${n} 条记录，未关联，已记入说明（请填写编号）`,
      });
    };
    for (const { column, names } of d.parties) {
      const ids: string[] = [];
      for (const name of names) {
        const records = found.get(column.key)?.get(name) ?? [];
        if (records.length === 1) ids.push(records[0]!.id);
        else miss(column.key, name, records.length, column.what);
      }
      d.input[column.field] = [...new Set(ids)];
    }
    if (d.listItemCode) {
      const matches = items.get(d.listItemCode) ?? [];
      if (matches.length === 1) d.input.listItemId = matches[0]!;
      else miss('listItem', d.listItemCode, matches.length, '清单编号');
    }
    if (d.orderCode) {
      const id = orderIds.get(d.orderCode);
      if (id) d.input.orderId = id;
      else miss('order', d.orderCode, 0, '订单编号');
    }
    const notes = unmatched.length > 0 ? [...d.notes, `未匹配：${unmatched.join('、')}`] : d.notes;
    if (notes.length > 0) d.input.note = notes.join('；');
  });
}

/** The searchable length of a code (the lists' and orders' q). */
const CODE_MAX = 64;

/** List items (any kind) the caller sees, by the exact code a sheet gives (any case): their ids. */
async function listItemsByCode(
  lists: ListsService,
  actor: Actor,
  codes: readonly (string | null)[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const code of new Set(codes.filter((c): c is string => !!c && c.length <= CODE_MAX))) {
    const ids: string[] = [];
    for (const kind of LIST_KINDS) {
      // The lists' own search (code, title … in the caller's scope), then the exact code.
      const page = await lists.list(actor, kind, listItemsQuery.parse({ q: code, pageSize: 20 }));
      for (const item of page.items) if (item.code.toUpperCase() === code.toUpperCase()) ids.push(item.id);
    }
    out.set(code, ids);
  }
  return out;
}

/** Orders the caller sees, by the exact code a sheet gives (any case): their ids. */
async function ordersByCode(
  orders: OrdersService,
  actor: Actor,
  codes: readonly (string | null)[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const code of new Set(codes.filter((c): c is string => !!c && c.length <= CODE_MAX))) {
    const page = await orders.list(actor, ordersQuery.parse({ q: code, pageSize: 20 }));
    const match = page.items.find((o) => o.code.toUpperCase() === code.toUpperCase());
    if (match) out.set(code, match.id);
  }
  return out;
}
