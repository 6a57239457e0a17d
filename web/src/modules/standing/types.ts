/**
 * The standing service API as the web sees it (常态化服务: a team's "1346" plan, its planned
 * sessions and their records): its routes typed by the server's contract
 * (src/modules/standing/contract.ts) and its code values (constants.ts).
 */

import type {
  fileView,
  occurrencePage,
  occurrencesQuery,
  occurrenceView,
  overviewQuery,
  overviewView,
  planInput,
  planView,
  recordInput,
  unrecordInput,
  visitView,
} from '@server/modules/standing/contract.ts';
import type { BodyOf, QueryOf } from '../../app/api.ts';

export type StandingRoutes = {
  'GET /api/standing/teams/:teamId/plans/:year': { reply: typeof planView };
  'PUT /api/standing/teams/:teamId/plans/:year': { body: typeof planInput; reply: typeof planView };
  'GET /api/standing/occurrences': { query: typeof occurrencesQuery; reply: typeof occurrencePage };
  'POST /api/standing/occurrences/:id/record': { body: typeof recordInput; reply: typeof occurrenceView };
  'POST /api/standing/occurrences/:id/unrecord': { body: typeof unrecordInput; reply: typeof occurrenceView };
  'GET /api/standing/visits/:id': { reply: typeof visitView };
  'POST /api/standing/visits/:id/files': { form: true; reply: typeof fileView };
  'GET /api/standing/overview': { query: typeof overviewQuery; reply: typeof overviewView };
};

export {
  DEFAULT_CADENCE,
  MONTHS,
  OCCURRENCE_STATE_NAMES,
  OCCURRENCE_STATES,
  type OccurrenceState,
  PERIOD_NAMES,
  PERIODS,
  type Period,
  SERVICE_KIND_NAMES,
  SERVICE_KINDS,
  SESSION_KIND_NAMES,
  SESSION_KINDS,
  SESSION_RECORDS,
  type SessionKind,
  TEAM_SESSION_KINDS,
} from '@server/modules/standing/constants.ts';
export type {
  OccurrenceView,
  OverviewView,
  PlanView,
  Tally,
  VisitView,
} from '@server/modules/standing/contract.ts';

/** PUT …/plans/:year: the cadence, the four service lines, the goal and milestones (and the version to change). */
export type PlanInput = BodyOf<StandingRoutes['PUT /api/standing/teams/:teamId/plans/:year']>;
export type RecordInput = BodyOf<StandingRoutes['POST /api/standing/occurrences/:id/record']>;
export type OccurrenceQuery = QueryOf<StandingRoutes['GET /api/standing/occurrences']>;
