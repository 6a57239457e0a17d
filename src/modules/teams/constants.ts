/** The kinds of service team (助企服务团, 科技特派员团队, other). Pure data: the web bundles this file. */
export const TEAM_KINDS = ['assistance', 'commissioners', 'other'] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];
