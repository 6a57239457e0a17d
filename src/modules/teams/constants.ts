/**
 * The kinds of service team: 助企服务团, 科技特派员团队, 组合式人才帮扶团
 * (combined: a chief expert, experts and a technology manager paired with a
 * county and its leading industry, set up by its composition rules), other.
 * Pure data: the web bundles this file.
 */
export const TEAM_KINDS = ['assistance', 'commissioners', 'combined', 'other'] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];

/**
 * A member's place in a team, as the composition rules count it: the chief
 * expert (首席专家, often an academician), experts from provincial societies
 * or universities, the technology manager (技术经理人), or a plain member.
 */
export const MEMBER_ROLES = ['chief', 'expert', 'manager', 'member'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const MEMBER_ROLE_NAMES: Record<MemberRole, { zh: string; en: string }> = {
  chief: { zh: '首席专家', en: 'Chief expert' },
  expert: { zh: '专家', en: 'Expert' },
  manager: { zh: '技术经理人', en: 'Technology manager' },
  member: { zh: '成员', en: 'Member' },
};
