/**
 * The lists API's shapes (技术需求, 人才合作需求, 科技成果), as
 * src/modules/lists/contract.ts and machine.ts define them.
 */
import type { Named, RecordFlag } from '../registry/types.ts';

export const LIST_KINDS = ['demands', 'talent-demands', 'achievements'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

export function isListKind(value: string | null | undefined): value is ListKind {
  return (LIST_KINDS as readonly string[]).includes(value ?? '');
}

/**
 *   draft ──submit──▶ submitted ──publish──▶ published ──start──▶ in_progress
 *   closed / expired ──reopen──▶ published; withdraw and reject go back to draft.
 */
export const LIST_STATUSES = ['draft', 'submitted', 'published', 'in_progress', 'closed', 'expired'] as const;
export type ListStatus = (typeof LIST_STATUSES)[number];

/** The actions a view may offer (`expire` is the system's alone). */
export const LIST_ACTIONS = ['submit', 'withdraw', 'reject', 'publish', 'start', 'close', 'reopen'] as const;
export type ListAction = (typeof LIST_ACTIONS)[number] | 'expire';

/** 合作方式 (demands) and 转化方式 (achievements): the values the server accepts. */
export const COOPERATION_MODES = [
  '技术开发',
  '技术转让',
  '技术许可',
  '技术咨询',
  '技术服务',
  '作价入股',
  '合作开发',
  '人才引进',
  '柔性引才',
  '项目合作',
  '共建平台',
  '其他',
] as const;
export type CooperationMode = (typeof COOPERATION_MODES)[number];

/** 成熟度 of an achievement. */
export const STAGES = ['实验室', '小试', '中试', '产业化'] as const;
export type Stage = (typeof STAGES)[number];

export const LIST_SORTS = ['updatedAt', 'deadline', 'code', 'title'] as const;
export type ListSort = (typeof LIST_SORTS)[number];

/** One item of any list; fields another kind has are null or empty. */
export interface ListItemView {
  id: string;
  kind: ListKind;
  code: string;
  title: string;
  description: string | null;
  keywords: string[];
  /** The keywords were extracted from the text, not written by anyone. */
  keywordsExtracted: boolean;
  industries: Named[];
  disciplines: Named[];
  /** 所属领域 as written when no code list knew it. */
  fieldText: string | null;
  cluster: string | null;
  regionCode: string | null;
  regionName: string | null;
  regionText: string | null;
  ownerName: string | null;
  enterpriseId: string | null;
  institutionId: string | null;
  cooperationModes: string[];
  /** CNY yuan. */
  amountYuan: number | null;
  amountNegotiable: boolean;
  /** YYYY-MM-DD. */
  deadline: string | null;
  headcount: number | null;
  terms: string | null;
  stage: string | null;
  trl: number | null;
  patents: string[];
  contactName: string | null;
  status: ListStatus;
  /** Why it was sent back (reject), shown to the owner. */
  statusReason: string | null;
  statusChangedAt: string;
  publishedAt: string | null;
  flags: RecordFlag[];
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  version: number;
  /** What the caller may do with it now. */
  actions: ListAction[];
  editable: boolean;
  /** The caller's own item. */
  own: boolean;
}

/** The body of a new item (LIST_INPUTS); each kind accepts only its own fields. */
export interface ListItemInput {
  code: string;
  title: string;
  description?: string | null;
  keywords?: string[];
  industries?: string[];
  disciplines?: string[];
  fieldText?: string | null;
  cluster?: string | null;
  regionCode?: string | null;
  regionText?: string | null;
  ownerName?: string | null;
  enterpriseId?: string | null;
  institutionId?: string | null;
  cooperationModes?: string[];
  deadline?: string | null;
  contactName?: string | null;
  // demands, achievements
  amountYuan?: number | null;
  amountNegotiable?: boolean;
  // talent-demands
  headcount?: number | null;
  terms?: string | null;
  // achievements
  stage?: Stage | null;
  trl?: number | null;
  patents?: string[];
}

/** An edit: the changed fields and the version they were read at. */
export type ListItemPatch = Partial<ListItemInput> & { version: number };

export interface TransitionBody {
  action: ListAction;
  version: number;
  reason?: string;
}

/** The list filters (all optional, as the server reads them). */
export interface ListFilters {
  q?: string;
  /** A province, city or county code: matches that region and everything below it. */
  regionCode?: string;
  status?: ListStatus;
  industry?: string;
  discipline?: string;
  cluster?: string;
  /** Only the caller's own items (their organisation's, or their own). */
  mine?: 'true';
  flagged?: 'true';
  sort?: ListSort;
}

export interface ListParams extends ListFilters {
  page: number;
  pageSize: number;
}
