import {
  keepPreviousData,
  type QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { ApiError, type BodyOf, routes } from '../../app/api.ts';
import { notificationKeys } from '../notifications/api.ts';
import type {
  ActivityInput,
  ActivityQuery,
  ActivityRoutes,
  ActivityUpdate,
  ActivityView,
  ApplicationStatus,
  MeetingAction,
  MeetingsResult,
  OutcomeInput,
  PositionInput,
  PositionView,
  RegisterBody,
  RegistrationAction,
  RegistrationQuery,
  TransitionBody,
} from './types.ts';

const call = routes<ActivityRoutes>();

export const activityKeys = {
  all: ['activities'] as const,
  lists: ['activities', 'list'] as const,
  list: (query: ActivityQuery) => ['activities', 'list', query] as const,
  /** Everything about one activity: its view, registrations, meetings, positions, outcomes. */
  one: (id: string) => ['activities', 'one', id] as const,
  detail: (id: string) => ['activities', 'one', id, 'view'] as const,
  registrations: (id: string, query?: RegistrationQuery) =>
    query
      ? (['activities', 'one', id, 'registrations', query] as const)
      : (['activities', 'one', id, 'registrations'] as const),
  meetings: (id: string) => ['activities', 'one', id, 'meetings'] as const,
  participants: (id: string) => ['activities', 'one', id, 'participants'] as const,
  positions: (id: string) => ['activities', 'one', id, 'positions'] as const,
  outcomes: (id: string) => ['activities', 'one', id, 'outcomes'] as const,
};

const one = (id: string) => `/api/activities/${encodeURIComponent(id)}`;

/** The check-in QR code (PNG) of a confirmed registration: the registrant's own, or any for its organisers. */
export function qrPath(activityId: string, registrationId: string): string {
  return `${one(activityId)}/registrations/${encodeURIComponent(registrationId)}/qr.png`;
}

/** 签到表, 洽谈日程, 成效表 (Excel). */
export function exportPath(activityId: string, what: 'attendance' | 'schedule' | 'outcomes'): string {
  return `${one(activityId)}/export/${what}`;
}

/** After a change to an activity: its page reads again (counts, the caller's registrations), lists follow. */
async function afterChange(queryClient: QueryClient, id: string, view?: ActivityView): Promise<void> {
  if (view) queryClient.setQueryData(activityKeys.detail(view.id), view);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: activityKeys.one(id) }),
    queryClient.invalidateQueries({ queryKey: activityKeys.lists }),
  ]);
}

/** A 409 means someone moved it first: read it again, so the page shows where it stands now. */
async function reloadOnConflict(queryClient: QueryClient, error: unknown, id: string): Promise<void> {
  if (error instanceof ApiError && error.status === 409) {
    await queryClient.invalidateQueries({ queryKey: activityKeys.one(id) });
  }
}

// ---------- activities ----------

export function useActivities(query: ActivityQuery, enabled = true) {
  return useQuery({
    queryKey: activityKeys.list(query),
    queryFn: ({ signal }) => call('GET /api/activities', { query, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useActivity(id: string) {
  return useQuery({
    queryKey: activityKeys.detail(id),
    queryFn: ({ signal }) => call('GET /api/activities/:id', { params: { id }, signal }),
  });
}

export function useCreateActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ActivityInput) => call('POST /api/activities', { body }),
    onSuccess: async (activity) => {
      queryClient.setQueryData(activityKeys.detail(activity.id), activity);
      await queryClient.invalidateQueries({ queryKey: activityKeys.lists });
    },
  });
}

/** Changes an activity as read at `version`; whatever the answer, it is read again (a VERSION_CONFLICT shows it as it is now). */
export function useUpdateActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ActivityUpdate }) =>
      call('PUT /api/activities/:id', { params: { id }, body }),
    onSuccess: (activity) => queryClient.setQueryData(activityKeys.detail(activity.id), activity),
    onSettled: (_data, _error, { id }) => afterChange(queryClient, id),
  });
}

/** 发布报名, 截止报名, 重新开放报名, 结束活动, 取消活动. */
export function useTransitionActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TransitionBody }) =>
      call('POST /api/activities/:id/transition', { params: { id }, body }),
    onSuccess: (activity) => afterChange(queryClient, activity.id, activity),
    onError: (error, { id }) => reloadOnConflict(queryClient, error, id),
  });
}

// ---------- registrations and check-in ----------

/** 报名: the caller (or their enterprise), or — organisers — anyone they name. */
export function useRegister(activityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RegisterBody) =>
      call('POST /api/activities/:id/registrations', { params: { id: activityId }, body }),
    onSettled: () => afterChange(queryClient, activityId),
  });
}

export function useRegistrations(
  activityId: string,
  query: RegistrationQuery,
  options: { refetchMs?: number; enabled?: boolean } = {},
) {
  return useQuery({
    queryKey: activityKeys.registrations(activityId, query),
    queryFn: ({ signal }) =>
      call('GET /api/activities/:id/registrations', { params: { id: activityId }, query, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: options.refetchMs,
    enabled: options.enabled ?? true,
  });
}

/** 通过, 不通过 (organisers), 取消 (organisers, or the registrant); a freed seat moves the waiting list up. */
export function useActOnRegistration(activityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      registrationId,
      action,
      reason,
    }: {
      registrationId: string;
      action: RegistrationAction;
      reason?: string;
    }) =>
      call('POST /api/activities/:id/registrations/:registrationId', {
        params: { id: activityId, registrationId },
        body: { action, ...(reason ? { reason } : {}) },
      }),
    onSettled: async () => {
      await afterChange(queryClient, activityId);
      await queryClient.invalidateQueries({ queryKey: notificationKeys.all });
    },
  });
}

/** 签到 by the code a scanner types (or pasted), or by a registration found by search. */
export function useCheckIn(activityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<ActivityRoutes['POST /api/activities/:id/check-in']>) =>
      call('POST /api/activities/:id/check-in', { params: { id: activityId }, body }),
    onSettled: () => afterChange(queryClient, activityId),
  });
}

// ---------- 1:1 meetings ----------

/** Who is confirmed at a matchmaking meeting (organisers, and confirmed participants asking for a meeting). */
export function useParticipants(activityId: string, enabled = true) {
  return useQuery({
    queryKey: activityKeys.participants(activityId),
    queryFn: ({ signal }) =>
      call('GET /api/activities/:id/participants', { params: { id: activityId }, signal }),
    enabled,
  });
}

/** All meetings (organisers) or the caller's own (participants), with the grid. */
export function useMeetings(activityId: string, enabled = true) {
  return useQuery({
    queryKey: activityKeys.meetings(activityId),
    queryFn: ({ signal }) => call('GET /api/activities/:id/meetings', { params: { id: activityId }, signal }),
    enabled,
  });
}

function useMeetingsMutation<V>(activityId: string, send: (vars: V) => Promise<MeetingsResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (result) => queryClient.setQueryData(activityKeys.meetings(activityId), result),
    onError: (error) => reloadOnConflict(queryClient, error, activityId),
  });
}

/** 按匹配推荐: pairs from the enterprises' demands against the experts registered. */
export function useProposeMeetings(activityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (perEnterprise: number) =>
      call('POST /api/activities/:id/meetings/propose', {
        params: { id: activityId },
        body: { perEnterprise },
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: activityKeys.meetings(activityId) }),
  });
}

/** 安排洽谈 between an enterprise and an expert registered (confirmed). */
export function useRequestMeeting(activityId: string) {
  return useMeetingsMutation(
    activityId,
    (body: BodyOf<ActivityRoutes['POST /api/activities/:id/meetings']>) =>
      call('POST /api/activities/:id/meetings', { params: { id: activityId }, body }),
  );
}

/** 确认, 谢绝 (a side, or organisers for them), 取消 (organisers), as read at `version`. */
export function useActOnMeeting(activityId: string) {
  return useMeetingsMutation(
    activityId,
    ({
      meetingId,
      action,
      version,
      reason,
    }: {
      meetingId: string;
      action: MeetingAction;
      version: number;
      reason?: string;
    }) =>
      call('POST /api/activities/:id/meetings/:meetingId', {
        params: { id: activityId, meetingId },
        body: { action, version, ...(reason ? { reason } : {}) },
      }),
  );
}

/** 排定时段与桌号: the accepted meetings into the grid. */
export function useArrangeMeetings(activityId: string) {
  return useMeetingsMutation(activityId, () =>
    call('POST /api/activities/:id/meetings/arrange', { params: { id: activityId } }),
  );
}

// ---------- positions and applications ----------

export function usePositions(activityId: string, enabled = true) {
  return useQuery({
    queryKey: activityKeys.positions(activityId),
    queryFn: ({ signal }) =>
      call('GET /api/activities/:id/positions', { params: { id: activityId }, signal }),
    enabled,
  });
}

function usePositionsMutation<V>(activityId: string, send: (vars: V) => Promise<{ items: PositionView[] }>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (result) => {
      queryClient.setQueryData(activityKeys.positions(activityId), result);
      // Intents and hires are outcomes too.
      await queryClient.invalidateQueries({ queryKey: activityKeys.outcomes(activityId) });
    },
  });
}

export function useAddPosition(activityId: string) {
  return usePositionsMutation(activityId, (body: PositionInput) =>
    call('POST /api/activities/:id/positions', { params: { id: activityId }, body }),
  );
}

/** 投递: the applicant themselves, or (organisers) the applicant they name. */
export function useApply(activityId: string) {
  return usePositionsMutation(
    activityId,
    ({ positionId, applicantRegistrationId }: { positionId: string; applicantRegistrationId?: string }) =>
      call('POST /api/activities/:id/positions/:positionId/applications', {
        params: { id: activityId, positionId },
        body: applicantRegistrationId ? { applicantRegistrationId } : {},
      }),
  );
}

export function useUpdateApplication(activityId: string) {
  return usePositionsMutation(
    activityId,
    ({ applicationId, status }: { applicationId: string; status: ApplicationStatus }) =>
      call('POST /api/activities/:id/applications/:applicationId', {
        params: { id: activityId, applicationId },
        body: { status },
      }),
  );
}

// ---------- outcomes ----------

export function useOutcomes(activityId: string, enabled = true) {
  return useQuery({
    queryKey: activityKeys.outcomes(activityId),
    queryFn: ({ signal }) => call('GET /api/activities/:id/outcomes', { params: { id: activityId }, signal }),
    enabled,
  });
}

export function useAddOutcome(activityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OutcomeInput) =>
      call('POST /api/activities/:id/outcomes', { params: { id: activityId }, body }),
    onSuccess: (result) => queryClient.setQueryData(activityKeys.outcomes(activityId), result),
  });
}

export function useRemoveOutcome(activityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (outcomeId: string) =>
      call('DELETE /api/activities/:id/outcomes/:outcomeId', { params: { id: activityId, outcomeId } }),
    onSuccess: (result) => queryClient.setQueryData(activityKeys.outcomes(activityId), result),
  });
}
