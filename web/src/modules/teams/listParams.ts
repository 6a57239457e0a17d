import { listParams, param } from '../../app/listParams.ts';
import { TEAM_KINDS, type TeamListParams, type TeamQuery } from './types.ts';

/** The team list's URL parameters. */
export const teamParams = listParams<Omit<TeamListParams, 'page' | 'pageSize'>>({
  q: param.text(64),
  kind: param.oneOf(TEAM_KINDS),
  withArchived: param.flag,
});

/** What the server is asked: active teams only, unless archived ones are wanted too. */
export function teamQueryOf(params: TeamListParams): TeamQuery {
  const { withArchived, ...rest } = params;
  return withArchived === 'true' ? rest : { ...rest, archived: 'false' };
}
