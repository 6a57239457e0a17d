import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, routes } from '../../app/api.ts';
import type { OccurrenceQuery, OverviewRowsQuery, PlanInput, RecordInput, StandingRoutes } from './types.ts';

export const standingKeys = {
  all: ['standing'] as const,
  plan: (teamId: string, year: number) => ['standing', 'plan', teamId, year] as const,
  outcomes: (teamId: string, page: number, pageSize: number) =>
    ['standing', 'outcomes', teamId, page, pageSize] as const,
  occurrences: (query: OccurrenceQuery) => ['standing', 'occurrences', query] as const,
  overview: (year: number | undefined) => ['standing', 'overview', year ?? null] as const,
  overviewRows: (query: OverviewRowsQuery) => ['standing', 'overview', 'rows', query] as const,
  visit: (id: string) => ['standing', 'visit', id] as const,
};

const call = routes<StandingRoutes>();

/** A team's plan for a year: the plan and its sessions, or (no plan yet) the defaults to start from. */
export function usePlan(teamId: string, year: number) {
  return useQuery({
    queryKey: standingKeys.plan(teamId, year),
    queryFn: ({ signal }) =>
      call('GET /api/standing/teams/:teamId/plans/:year', { params: { teamId, year: String(year) }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** 团队成效: what came of a team's orders and sessions' activities so far, by kind and page by page. */
export function useTeamOutcomes(teamId: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: standingKeys.outcomes(teamId, page, pageSize),
    queryFn: ({ signal }) =>
      call('GET /api/standing/teams/:teamId/outcomes', {
        params: { teamId },
        query: { page, pageSize },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** 制定 / 调整计划: a new plan without a version, a change with the version it was read at. */
export function useSavePlan(teamId: string, year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PlanInput) =>
      call('PUT /api/standing/teams/:teamId/plans/:year', { params: { teamId, year: String(year) }, body }),
    onSuccess: (plan) => queryClient.setQueryData(standingKeys.plan(teamId, year), plan),
    onSettled: () => queryClient.invalidateQueries({ queryKey: standingKeys.all }),
  });
}

/** Planned sessions (paged): a team's, the caller's own (`mine`), due or overdue ones. */
export function useOccurrences(query: OccurrenceQuery, enabled = true) {
  return useQuery({
    queryKey: standingKeys.occurrences(query),
    queryFn: ({ signal }) => call('GET /api/standing/occurrences', { query, signal }),
    placeholderData: keepPreviousData,
    enabled,
    // What is due changes with every record made elsewhere.
    staleTime: 0,
  });
}

/**
 * Records a session (an activity, or a visit log). Whatever the answer, the plans, lists and
 * tallies are read again: after 409 (someone recorded it first) the page shows their record.
 */
export function useRecordOccurrence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: RecordInput }) =>
      call('POST /api/standing/occurrences/:id/record', { params: { id }, body }),
    onSettled: (_data, error) => {
      // A refusal for bad input changed nothing: the lists stay as they are.
      if (error instanceof ApiError && error.status < 409) return;
      return queryClient.invalidateQueries({ queryKey: standingKeys.all });
    },
  });
}

/** 撤销登记 (operators): the record taken back with a reason; the plan and lists are read again. */
export function useUnrecordOccurrence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason, version }: { id: string; reason: string; version: number }) =>
      call('POST /api/standing/occurrences/:id/unrecord', { params: { id }, body: { reason, version } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: standingKeys.all }),
  });
}

export function useStandingVisit(id: string | null) {
  return useQuery({
    queryKey: standingKeys.visit(id ?? ''),
    queryFn: ({ signal }) => call('GET /api/standing/visits/:id', { params: { id: id ?? '' }, signal }),
    enabled: id !== null,
  });
}

/** A photo or file for a visit (multipart, field `file`). */
export function useUploadStandingFile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ visitId, file }: { visitId: string; file: File }) => {
      const form = new FormData();
      form.append('file', file);
      return call('POST /api/standing/visits/:id/files', { params: { id: visitId }, form });
    },
    onSettled: (_data, _error, { visitId }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: standingKeys.visit(visitId) }),
        queryClient.invalidateQueries({ queryKey: ['standing', 'plan'] }),
      ]),
  });
}

export function standingFilePath(visitId: string, fileId: string): string {
  return `/api/standing/visits/${encodeURIComponent(visitId)}/files/${encodeURIComponent(fileId)}`;
}

/** 常态化服务总览: every team of the region with its fulfilment per month. */
export function useOverview(year: number | undefined) {
  return useQuery({
    queryKey: standingKeys.overview(year),
    queryFn: ({ signal }) => call('GET /api/standing/overview', { query: year ? { year } : {}, signal }),
    placeholderData: keepPreviousData,
  });
}

/** 常态化服务总览's rows: the region's teams, commissioners or assignees, paged, searched by name. */
export function useOverviewRows(query: OverviewRowsQuery, enabled = true) {
  return useQuery({
    queryKey: standingKeys.overviewRows(query),
    queryFn: ({ signal }) => call('GET /api/standing/overview/rows', { query, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}
