import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes } from '../../app/api.ts';
import type { TeamInput, TeamKind, TeamQuery, TeamRoutes, TeamUpdate } from './types.ts';

export const teamKeys = {
  all: ['teams'] as const,
  list: (query: TeamQuery) => ['teams', 'list', query] as const,
  detail: (id: string) => ['teams', 'detail', id] as const,
  rules: (kind: TeamKind) => ['teams', 'rules', kind] as const,
};

const call = routes<TeamRoutes>();

/** 服务团队 the caller may see (the server scopes them to the region, or the city for experts). */
export function useTeams(query: TeamQuery, enabled = true) {
  return useQuery({
    queryKey: teamKeys.list(query),
    queryFn: ({ signal }) => call('GET /api/teams', { query, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useTeam(id: string) {
  return useQuery({
    queryKey: teamKeys.detail(id),
    queryFn: ({ signal }) => call('GET /api/teams/:id', { params: { id }, signal }),
  });
}

export function useCreateTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TeamInput) => call('POST /api/teams', { body }),
    onSuccess: async (team) => {
      queryClient.setQueryData(teamKeys.detail(team.id), team);
      await queryClient.invalidateQueries({ queryKey: teamKeys.all });
    },
  });
}

/**
 * Changes a team (members, leader, archived) as read at `version`. Whatever the
 * answer, the team is read again: after a VERSION_CONFLICT the page shows the
 * team as it is now.
 */
/** 归档 / 恢复 on its own (the members are left as they are), as read at `version`. */
export function useArchiveTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, archived, version }: { id: string; archived: boolean; version: number }) =>
      call('POST /api/teams/:id/archive', { params: { id }, body: { archived, version } }),
    onSuccess: (team) => queryClient.setQueryData(teamKeys.detail(team.id), team),
    onSettled: () => queryClient.invalidateQueries({ queryKey: teamKeys.all }),
  });
}

export function useUpdateTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TeamUpdate }) =>
      call('PUT /api/teams/:id', { params: { id }, body }),
    onSuccess: (team) => queryClient.setQueryData(teamKeys.detail(team.id), team),
    onSettled: () => queryClient.invalidateQueries({ queryKey: teamKeys.all }),
  });
}

/** The composition rules in force for a kind of team, each condition in words (the form shows them). */
export function useCompositionRules(kind: TeamKind, enabled = true) {
  return useQuery({
    queryKey: teamKeys.rules(kind),
    queryFn: ({ signal }) => call('GET /api/teams/composition-rules', { query: { kind }, signal }),
    enabled,
    staleTime: 60_000,
  });
}
