/**
 * The activities API as the web sees it (活动: 项目对接会, 招聘会, 培训班 …): its
 * routes typed by the server's contract (src/modules/activities/contract.ts),
 * the contract's types and code values (constants.ts, machine.ts, kinds.ts),
 * and what only the web has.
 */

import { ACTIVITY_KINDS, type ActivityKind } from '@server/modules/activities/constants.ts';
import type {
  ActivityView,
  activitiesQuery,
  activityInput,
  activityPage,
  activityTransition,
  activityUpdate,
  activityView,
  applicationRequest,
  applicationUpdate,
  checkInRequest,
  checkInResult,
  MeetingView,
  meetingAction,
  meetingRequest,
  meetingsResult,
  myRegistrationView,
  outcomeInput,
  outcomesResult,
  participantsView,
  positionInput,
  positionsResult,
  proposeRequest,
  proposeResult,
  registerRequest,
  registrationAction,
  registrationPage,
  registrationsQuery,
} from '@server/modules/activities/contract.ts';
import type { KIND_DETAILS } from '@server/modules/activities/kinds.ts';
import { ACTIVITY_STATUSES, type ActivityStatus } from '@server/modules/activities/machine.ts';
import type { z } from 'zod';
import type { BodyOf, QueryOf, ReplyOf } from '../../app/api.ts';

export type ActivityRoutes = {
  'GET /api/activities': { query: typeof activitiesQuery; reply: typeof activityPage };
  'GET /api/activities/:id': { reply: typeof activityView };
  'POST /api/activities': { body: typeof activityInput; reply: typeof activityView };
  'PUT /api/activities/:id': { body: typeof activityUpdate; reply: typeof activityView };
  'POST /api/activities/:id/transition': { body: typeof activityTransition; reply: typeof activityView };
  'POST /api/activities/:id/registrations': {
    body: typeof registerRequest;
    reply: typeof myRegistrationView;
  };
  'GET /api/activities/:id/registrations': {
    query: typeof registrationsQuery;
    reply: typeof registrationPage;
  };
  'POST /api/activities/:id/registrations/:registrationId': {
    body: typeof registrationAction;
    reply: typeof myRegistrationView;
  };
  'POST /api/activities/:id/check-in': { body: typeof checkInRequest; reply: typeof checkInResult };
  'GET /api/activities/:id/participants': { reply: typeof participantsView };
  'GET /api/activities/:id/meetings': { reply: typeof meetingsResult };
  'POST /api/activities/:id/meetings/propose': { body: typeof proposeRequest; reply: typeof proposeResult };
  'POST /api/activities/:id/meetings/arrange': { reply: typeof meetingsResult };
  'POST /api/activities/:id/meetings': { body: typeof meetingRequest; reply: typeof meetingsResult };
  'POST /api/activities/:id/meetings/:meetingId': {
    body: typeof meetingAction;
    reply: typeof meetingsResult;
  };
  'GET /api/activities/:id/positions': { reply: typeof positionsResult };
  'POST /api/activities/:id/positions': { body: typeof positionInput; reply: typeof positionsResult };
  'POST /api/activities/:id/positions/:positionId/applications': {
    body: typeof applicationRequest;
    reply: typeof positionsResult;
  };
  'POST /api/activities/:id/applications/:applicationId': {
    body: typeof applicationUpdate;
    reply: typeof positionsResult;
  };
  'GET /api/activities/:id/outcomes': { reply: typeof outcomesResult };
  'POST /api/activities/:id/outcomes': { body: typeof outcomeInput; reply: typeof outcomesResult };
  'DELETE /api/activities/:id/outcomes/:outcomeId': { reply: typeof outcomesResult };
};

export {
  ACTIVITY_KINDS,
  type ActivityKind,
  type ActivityOutcomeKind as OutcomeKind,
  APPLICATION_NEXT,
  type ApplicationStatus,
  DEFAULT_MEETING_GRID as DEFAULT_GRID,
  hasMeetings,
  hasPositions,
  JOB_FAIR_MODES,
  type JobFairMode,
  KIND_SPECS,
  ORGANISATION_ROLES,
  OUTCOME_IMPORT_KIND,
  OUTCOME_NAMES,
  OUTCOME_WITH_AMOUNT,
  type ParticipantRole,
  REGISTRATION_ACTIONS,
  REGISTRATION_IMPORT_KIND,
  ROLE_NAMES,
} from '@server/modules/activities/constants.ts';
export type { ActivityView, MeetingView, RegistrationView } from '@server/modules/activities/contract.ts';
export type { MeetingGrid } from '@server/modules/activities/kinds.ts';
export {
  ACTIVITY_ACTIONS,
  ACTIVITY_STATUS_NAMES,
  ACTIVITY_STATUSES,
  type ActivityAction,
  type ActivityStatus,
  REGISTRATION_STATUS_NAMES,
  REGISTRATION_STATUSES,
  type RegistrationStatus,
} from '@server/modules/activities/machine.ts';

export type ActivityPage = ReplyOf<ActivityRoutes['GET /api/activities']>;
export type ActivitySummary = ActivityPage['items'][number];
export type FeaturedItem = ActivityView['featured'][number];
export type MyRegistration = ReplyOf<ActivityRoutes['POST /api/activities/:id/registrations']>;
export type RegistrationPage = ReplyOf<ActivityRoutes['GET /api/activities/:id/registrations']>;
export type CheckInResult = ReplyOf<ActivityRoutes['POST /api/activities/:id/check-in']>;
/** GET /api/activities/:id/participants: who is confirmed, public details only. */
export type ParticipantsResult = ReplyOf<ActivityRoutes['GET /api/activities/:id/participants']>;
export type MeetingsResult = ReplyOf<ActivityRoutes['GET /api/activities/:id/meetings']>;
export type MeetingStatus = MeetingView['status'];
export type MeetingAction = MeetingView['actions'][number];
export type ProposeResult = ReplyOf<ActivityRoutes['POST /api/activities/:id/meetings/propose']>;
export type PositionView = ReplyOf<ActivityRoutes['GET /api/activities/:id/positions']>['items'][number];
export type OutcomesResult = ReplyOf<ActivityRoutes['GET /api/activities/:id/outcomes']>;
export type OutcomeView = OutcomesResult['items'][number];

/** POST /api/activities. */
export type ActivityInput = BodyOf<ActivityRoutes['POST /api/activities']>;
/** PUT /api/activities/:id: everything but the kind, and the version it was read at. */
export type ActivityUpdate = BodyOf<ActivityRoutes['PUT /api/activities/:id']>;
export type TransitionBody = BodyOf<ActivityRoutes['POST /api/activities/:id/transition']>;
/** POST …/registrations: a participant sends {role?}; organisers name the person. */
export type RegisterBody = BodyOf<ActivityRoutes['POST /api/activities/:id/registrations']>;
export type RegistrationAction = BodyOf<
  ActivityRoutes['POST /api/activities/:id/registrations/:registrationId']
>['action'];
export type PositionInput = BodyOf<ActivityRoutes['POST /api/activities/:id/positions']>;
export type OutcomeInput = BodyOf<ActivityRoutes['POST /api/activities/:id/outcomes']>;

type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
/**
 * `details` as the web reads and writes them: any kind's settings (kinds.ts
 * KIND_DETAILS), each optional; the server accepts only the kind's own keys.
 */
export type ActivityDetails = Partial<Intersection<z.output<(typeof KIND_DETAILS)[ActivityKind]>>>;

/** An activity's settings: the view carries them as a record, as KIND_DETAILS of its kind validated them. */
export function activityDetails(activity: Pick<ActivityView, 'details'>): ActivityDetails {
  return activity.details as ActivityDetails;
}

export function isActivityKind(value: string | null | undefined): value is ActivityKind {
  return (ACTIVITY_KINDS as readonly string[]).includes(value ?? '');
}

export function isActivityStatus(value: string | null | undefined): value is ActivityStatus {
  return (ACTIVITY_STATUSES as readonly string[]).includes(value ?? '');
}

/** What GET /api/activities filters by (`mine` is only ever asked for; the calendar sets from/to itself). */
export type ActivityFilters = Pick<
  QueryOf<ActivityRoutes['GET /api/activities']>,
  'kind' | 'status' | 'q' | 'regionCode' | 'from' | 'to'
> & {
  /** Only the caller's own. */
  mine?: 'true';
};

export type ActivityQuery = ActivityFilters &
  Pick<QueryOf<ActivityRoutes['GET /api/activities']>, 'from' | 'to'> & { page: number; pageSize: number };

/** The list page's parameters (in the URL). */
export interface ActivityListParams extends ActivityFilters {
  page: number;
  pageSize: number;
  view?: 'calendar';
  /** YYYY-MM: the calendar's month. */
  month?: string;
}

export type RegistrationQuery = QueryOf<ActivityRoutes['GET /api/activities/:id/registrations']> & {
  page: number;
  pageSize: number;
};
