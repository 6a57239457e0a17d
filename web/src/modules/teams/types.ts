/**
 * The service teams API's shapes (服务团队), as src/modules/teams/contract.ts defines them.
 */

export const TEAM_KINDS = ['assistance', 'commissioners', 'other'] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];

export function isTeamKind(value: string | null | undefined): value is TeamKind {
  return (TEAM_KINDS as readonly string[]).includes(value ?? '');
}

export interface TeamMember {
  talentId: string;
  /** The expert's registry code (ZJ-0001), to tell namesakes apart. */
  code: string;
  name: string;
  duty: string | null;
  /** The leader is always a member too. */
  leader: boolean;
}

export interface TeamView {
  id: string;
  name: string;
  kind: TeamKind;
  description: string | null;
  regionCode: string;
  regionName: string;
  /** Null only when the leader's record has gone from the team (it should not). */
  leader: { talentId: string; code: string; name: string } | null;
  /** Everyone in the team, the leader included (marked). */
  members: TeamMember[];
  archived: boolean;
  updatedAt: string;
  version: number;
}

export interface TeamPage {
  items: TeamView[];
  total: number;
  page: number;
  pageSize: number;
}

/** What GET /api/teams filters by. `archived` absent lists both active and archived teams. */
export interface TeamQuery {
  page: number;
  pageSize: number;
  /** Team name, or the name of one of its members (substring). */
  q?: string;
  kind?: TeamKind;
  archived?: 'true' | 'false';
}

/** The list page's parameters (in the URL): archived teams are left out unless asked for. */
export interface TeamListParams {
  page: number;
  pageSize: number;
  q?: string;
  kind?: TeamKind;
  /** Archived teams are listed too. */
  withArchived?: 'true';
}

export interface TeamMemberInput {
  talentId: string;
  duty?: string;
}

/** POST /api/teams. */
export interface TeamInput {
  name: string;
  kind: TeamKind;
  description?: string;
  regionCode: string;
  leaderTalentId: string;
  /** Everyone besides the leader; the leader may be listed too, to give them a duty. */
  members: TeamMemberInput[];
}

/** PUT /api/teams/:id: the whole team again, the version it was read at, and optionally archived. */
export interface TeamUpdate extends TeamInput {
  version: number;
  archived?: boolean;
}
