import type { Role } from '../../platform/access/permissions.ts';

/**
 * The lists' code values that the web shares (the statuses and actions are in
 * machine.ts). Pure data: the web bundles this file.
 */

/** 技术需求, 人才合作需求, 科技成果. */
export const LIST_KINDS = ['demands', 'talent-demands', 'achievements'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

/** 合作方式 (demands) and 转化方式 (achievements), as people write them. */
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

/** How a list can be sorted. */
export const LIST_SORTS = ['updatedAt', 'deadline', 'code', 'title'] as const;
export type ListSort = (typeof LIST_SORTS)[number];

/**
 * 编号 the platform gives an item posted without one: the kind's letters, the
 * China year, then the next number (XQ-2026-009), as offices number them.
 */
export const LIST_CODE_PREFIX: Record<ListKind, string> = {
  demands: 'XQ',
  'talent-demands': 'RC',
  achievements: 'CG',
};

/** Which roles may post which lists (operators, holding lists.manage, post any). */
export const LIST_POSTERS: Record<ListKind, readonly Role[]> = {
  demands: ['enterprise'],
  'talent-demands': ['enterprise', 'institution'],
  achievements: ['institution', 'expert', 'enterprise'],
};
