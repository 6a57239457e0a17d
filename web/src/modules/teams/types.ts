/**
 * The service teams API as the web sees it (服务团队): its routes typed by the
 * server's contract (src/modules/teams/contract.ts), the contract's types and
 * code values, and what only the web has.
 */

import { TEAM_KINDS, type TeamKind } from '@server/modules/teams/constants.ts';
import type {
  compositionRulesView,
  TeamView,
  teamArchive,
  teamInput,
  teamPage,
  teamsQuery,
  teamUpdate,
  teamView,
} from '@server/modules/teams/contract.ts';
import type { z } from 'zod';
import type { BodyOf, QueryOf } from '../../app/api.ts';

export type TeamRoutes = {
  'GET /api/teams': { query: typeof teamsQuery; reply: typeof teamPage };
  'GET /api/teams/:id': { reply: typeof teamView };
  'POST /api/teams': { body: typeof teamInput; reply: typeof teamView };
  'PUT /api/teams/:id': { body: typeof teamUpdate; reply: typeof teamView };
  'POST /api/teams/:id/archive': { body: typeof teamArchive; reply: typeof teamView };
  /** The route's query schema is its own (routes.ts): the kind of team, combined unless said. */
  'GET /api/teams/composition-rules': {
    query: z.ZodType<{ kind?: TeamKind }>;
    reply: typeof compositionRulesView;
  };
};

export {
  MEMBER_ROLE_NAMES,
  MEMBER_ROLES,
  type MemberRole,
  TEAM_KINDS,
  type TeamKind,
} from '@server/modules/teams/constants.ts';
export type { TeamView } from '@server/modules/teams/contract.ts';

export type TeamMember = TeamView['members'][number];
/** POST /api/teams. */
export type TeamInput = BodyOf<TeamRoutes['POST /api/teams']>;
export type TeamMemberInput = NonNullable<TeamInput['members']>[number];
/** PUT /api/teams/:id: the whole team again, the version it was read at, and optionally archived. */
export type TeamUpdate = BodyOf<TeamRoutes['PUT /api/teams/:id']>;
/** What GET /api/teams filters by. `archived` absent lists both active and archived teams. */
export type TeamQuery = QueryOf<TeamRoutes['GET /api/teams']> & { page: number; pageSize: number };

export function isTeamKind(value: string | null | undefined): value is TeamKind {
  return (TEAM_KINDS as readonly string[]).includes(value ?? '');
}

/** The list page's parameters (in the URL): archived teams are left out unless asked for. */
export type TeamListParams = Omit<TeamQuery, 'archived'> & {
  /** Archived teams are listed too. */
  withArchived?: 'true';
};
