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
  overviewRowsQuery,
  overviewRowsView,
  overviewView,
  planInput,
  planView,
  recordInput,
  refineInput,
  unrecordInput,
  visitView,
} from '@server/modules/standing/contract.ts';
import type {
  dutiesQuery,
  dutyChangeInput,
  dutyInput,
  dutyPage,
  dutyView,
  endInput,
  entriesInput,
  makeupInput,
  pairInput,
  portfolioQuery,
  portfolioView,
  preferencesInput,
  roundInput,
  roundPage,
  roundsQuery,
  roundView,
  versionInput,
} from '@server/modules/standing/contract-commissioners.ts';
import type { teamOutcomesQuery, teamOutcomesView } from '@server/modules/standing/contract-outcomes.ts';
import type { z } from 'zod';
import type { BodyOf, QueryOf } from '../../app/api.ts';

export type StandingRoutes = {
  'GET /api/standing/teams/:teamId/plans/:year': { reply: typeof planView };
  'PUT /api/standing/teams/:teamId/plans/:year': { body: typeof planInput; reply: typeof planView };
  'GET /api/standing/teams/:teamId/outcomes': {
    query: typeof teamOutcomesQuery;
    reply: typeof teamOutcomesView;
  };
  'GET /api/standing/occurrences': { query: typeof occurrencesQuery; reply: typeof occurrencePage };
  'POST /api/standing/occurrences/:id/record': { body: typeof recordInput; reply: typeof occurrenceView };
  'POST /api/standing/occurrences/:id/unrecord': { body: typeof unrecordInput; reply: typeof occurrenceView };
  'GET /api/standing/visits/:id': { reply: typeof visitView };
  'POST /api/standing/visits/:id/files': { form: true; reply: typeof fileView };
  'GET /api/standing/overview': { query: typeof overviewQuery; reply: typeof overviewView };
  'GET /api/standing/overview/rows': { query: typeof overviewRowsQuery; reply: typeof overviewRowsView };
  'POST /api/standing/visits/:id/demands': { body: typeof refineInput; reply: typeof visitView };
  // 科技特派员: rounds, pairs, portfolios (contract-commissioners.ts).
  'GET /api/standing/rounds': { query: typeof roundsQuery; reply: typeof roundPage };
  'POST /api/standing/rounds': { body: typeof roundInput; reply: typeof roundView };
  'GET /api/standing/rounds/:id': { reply: typeof roundView };
  'POST /api/standing/rounds/:id/entries': { body: typeof entriesInput; reply: typeof roundView };
  'DELETE /api/standing/rounds/:id/entries/:entryId': { reply: typeof roundView };
  'PUT /api/standing/rounds/:id/preferences': { body: typeof preferencesInput; reply: typeof roundView };
  'PUT /api/standing/rounds/:id/entries/:entryId/preferences': {
    body: typeof preferencesInput;
    reply: typeof roundView;
  };
  'POST /api/standing/rounds/:id/propose': { reply: typeof roundView };
  'PUT /api/standing/rounds/:id/pairs': { body: typeof pairInput; reply: typeof roundView };
  'POST /api/standing/rounds/:id/confirm': { body: typeof versionInput; reply: typeof roundView };
  'POST /api/standing/rounds/:id/makeup': { body: typeof makeupInput; reply: typeof roundView };
  // The reply is stated inline in routes-commissioners.ts.
  'POST /api/standing/pairings/:id/end': {
    body: typeof endInput;
    reply: z.ZodType<{ id: string; status: string; version: number }>;
  };
  'GET /api/standing/portfolio': { query: typeof portfolioQuery; reply: typeof portfolioView };
  // 联系服务: contact duties.
  'GET /api/standing/duties': { query: typeof dutiesQuery; reply: typeof dutyPage };
  'POST /api/standing/duties': { body: typeof dutyInput; reply: typeof dutyView };
  'GET /api/standing/duties/:id': { reply: typeof dutyView };
  'PUT /api/standing/duties/:id': { body: typeof dutyChangeInput; reply: typeof dutyView };
  'POST /api/standing/duties/:id/end': { body: typeof endInput; reply: typeof dutyView };
};

export {
  CARE_OCCASION_NAMES,
  CONTACT_MODE_NAMES,
  CONTACT_MODES,
  type ContactMode,
  DEFAULT_CADENCE,
  DEFAULT_CONTACT_CADENCE,
  DEFAULT_PORTFOLIO_LIMIT,
  DEFAULT_VISIT_CADENCE,
  DUTY_SUBJECTS,
  type DutySubject,
  LEFT_REASON_NAMES,
  MONTHS,
  OCCURRENCE_STATE_NAMES,
  OCCURRENCE_STATES,
  type OccurrenceState,
  OVERVIEW_SORTS,
  type OverviewSort,
  PAIRING_STATUS_NAMES,
  type PairingStatus,
  PERIOD_NAMES,
  PERIODS,
  type Period,
  ROUND_STATUS_NAMES,
  type RoundStatus,
  SERVICE_KIND_NAMES,
  SERVICE_KINDS,
  SESSION_KIND_NAMES,
  SESSION_KINDS,
  SESSION_RECORDS,
  type SessionKind,
  SUBJECT_NAMES,
  SUBJECTS,
  type Subject,
  TEAM_SESSION_KINDS,
} from '@server/modules/standing/constants.ts';
export type {
  OccurrenceView,
  OverviewRow,
  OverviewView,
  PlanView,
  Tally,
  VisitView,
} from '@server/modules/standing/contract.ts';
export type {
  DutyView,
  PairView,
  PortfolioView,
  RoundView,
} from '@server/modules/standing/contract-commissioners.ts';
export type { TeamOutcomesView } from '@server/modules/standing/contract-outcomes.ts';

/** PUT …/plans/:year: the cadence, the four service lines, the goal and milestones (and the version to change). */
export type PlanInput = BodyOf<StandingRoutes['PUT /api/standing/teams/:teamId/plans/:year']>;
export type RecordInput = BodyOf<StandingRoutes['POST /api/standing/occurrences/:id/record']>;
export type OccurrenceQuery = QueryOf<StandingRoutes['GET /api/standing/occurrences']>;
export type OverviewRowsQuery = QueryOf<StandingRoutes['GET /api/standing/overview/rows']>;
export type RoundInput = BodyOf<StandingRoutes['POST /api/standing/rounds']>;
export type RefineInput = BodyOf<StandingRoutes['POST /api/standing/visits/:id/demands']>;
export type DutyInput = BodyOf<StandingRoutes['POST /api/standing/duties']>;
export type DutyChangeInput = BodyOf<StandingRoutes['PUT /api/standing/duties/:id']>;
export type DutiesQuery = QueryOf<StandingRoutes['GET /api/standing/duties']>;
