import { z } from 'zod';
import {
  calendarDate,
  pageQuery,
  recordVersion,
  regionCode,
  regionFilter,
} from '../../platform/auth/contract.ts';
import { flag, named, recordCode } from '../registry/contract.ts';
import { COOPERATION_MODES, LIST_KINDS, LIST_SORTS, STAGES } from './constants.ts';
import { ACTIONS, STATUSES } from './machine.ts';

export { COOPERATION_MODES, LIST_KINDS, type ListKind, STAGES } from './constants.ts';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional();
const codes = z.array(z.string().trim().min(1).max(16)).max(30).default([]);

/** Fields all three lists have. Money in yuan (CNY), two decimals at most. */
const common = {
  /** Left out when posting: the platform numbers the item (LIST_CODE_PREFIX). */
  code: recordCode.optional(),
  title: z.string().trim().min(1).max(200),
  description: optionalText(20_000),
  keywords: z.array(z.string().trim().min(1).max(32)).max(30).default([]),
  industries: codes,
  disciplines: codes,
  fieldText: optionalText(128),
  cluster: optionalText(64),
  regionCode: regionCode.nullable().optional(),
  regionText: optionalText(64),
  ownerName: optionalText(128),
  enterpriseId: z.string().uuid().nullable().optional(),
  institutionId: z.string().uuid().nullable().optional(),
  cooperationModes: z.array(z.enum(COOPERATION_MODES)).max(12).default([]),
  deadline: calendarDate.nullable().optional(),
  contactName: optionalText(64),
};
const amount = {
  amountYuan: z.number().min(0).max(1e12).multipleOf(0.01).nullable().optional(),
  amountNegotiable: z.boolean().default(false),
};

export const demandInput = z.strictObject({ ...common, ...amount });
export const talentDemandInput = z.strictObject({
  ...common,
  headcount: z.number().int().min(1).max(10_000).nullable().optional(),
  terms: optionalText(2000),
});
export const achievementInput = z.strictObject({
  ...common,
  ...amount,
  stage: z.enum(STAGES).nullable().optional(),
  trl: z.number().int().min(1).max(9).nullable().optional(),
  patents: z.array(z.string().trim().min(1).max(40)).max(50).default([]),
});

export const LIST_INPUTS = {
  demands: demandInput,
  'talent-demands': talentDemandInput,
  achievements: achievementInput,
} as const;

export const listItemView = z.object({
  id: z.string().uuid(),
  kind: z.enum(LIST_KINDS),
  code: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  keywords: z.array(z.string()),
  keywordsExtracted: z.boolean(),
  industries: z.array(named),
  disciplines: z.array(named),
  fieldText: z.string().nullable(),
  cluster: z.string().nullable(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  regionText: z.string().nullable(),
  ownerName: z.string().nullable(),
  enterpriseId: z.string().nullable(),
  institutionId: z.string().nullable(),
  cooperationModes: z.array(z.string()),
  amountYuan: z.number().nullable(),
  amountNegotiable: z.boolean(),
  deadline: z.string().nullable(),
  headcount: z.number().int().nullable(),
  terms: z.string().nullable(),
  stage: z.string().nullable(),
  trl: z.number().int().nullable(),
  patents: z.array(z.string()),
  contactName: z.string().nullable(),
  status: z.enum(STATUSES),
  statusReason: z.string().nullable(),
  statusChangedAt: z.string(),
  publishedAt: z.string().nullable(),
  /** Demands: when its enterprise was asked 「该需求是否已解决？」 (an order closed with an outcome), until answered. */
  solvedAskedAt: z.string().nullable(),
  flags: z.array(flag),
  createdAt: z.string(),
  updatedAt: z.string(),
  archived: z.boolean(),
  version: z.number().int(),
  /** What the caller may do with it now. */
  actions: z.array(z.enum(ACTIONS)),
  editable: z.boolean(),
  /** The caller's own item (their organisation's, or posted by them). */
  own: z.boolean(),
});
export type ListItemView = z.infer<typeof listItemView>;

/** What a new item starts with (GET /api/lists/:kind/defaults): its owner's region, else the caller's county or city. */
export const newItemDefaults = z.object({
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
});
export type NewItemDefaults = z.infer<typeof newItemDefaults>;

/**
 * An item as a list page carries it (and the pickers that search the list):
 * what the list shows and what its row may do, without the texts and dates
 * only the item's page shows (description, keywords, terms, contact, the
 * status history). The item's page and its edit read the whole view.
 */
export const listItemSummary = listItemView.pick({
  id: true,
  kind: true,
  code: true,
  title: true,
  industries: true,
  disciplines: true,
  regionCode: true,
  regionName: true,
  regionText: true,
  ownerName: true,
  amountYuan: true,
  amountNegotiable: true,
  deadline: true,
  headcount: true,
  stage: true,
  trl: true,
  status: true,
  flags: true,
  updatedAt: true,
  archived: true,
  version: true,
  actions: true,
  editable: true,
  own: true,
});
export type ListItemSummary = z.infer<typeof listItemSummary>;

export const listItemPage = z.object({
  items: z.array(listItemSummary),
  total: z.number().int(),
  /** True when there are more matches than `total` (counting stops at 10,000). */
  totalCapped: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const listItemsQuery = z.strictObject({
  ...pageQuery,
  q: z.string().trim().max(64).optional(),
  regionCode: regionFilter.optional(),
  status: z.enum(STATUSES).optional(),
  industry: z.string().max(16).optional(),
  discipline: z.string().max(16).optional(),
  cluster: z.string().max(64).optional(),
  /** Only the caller's own items (their organisation's, or their own). */
  mine: z.enum(['true', 'false']).optional(),
  flagged: z.enum(['true', 'false']).optional(),
  archived: z.enum(['true', 'false']).optional(),
  sort: z.enum(LIST_SORTS).default('updatedAt'),
});
export type ListItemsQuery = z.infer<typeof listItemsQuery>;

export const listExportQuery = listItemsQuery.omit({ page: true, pageSize: true }).extend({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
});

export const transitionRequest = z.strictObject({
  action: z.enum(ACTIONS),
  version: recordVersion,
  reason: z.string().trim().max(500).optional(),
});
