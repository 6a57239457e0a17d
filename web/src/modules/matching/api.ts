import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import type { MatchResponse, MatchSearchBody, MatchSource, MatchTarget } from './types.ts';

export const DEFAULT_TOP = 10;

export const matchingKeys = {
  all: ['matching'] as const,
  suggestions: (from: MatchSource, id: string, against: MatchTarget, top: number) =>
    ['matching', 'suggestions', from, id, against, top] as const,
  mine: (against: MatchTarget, top: number) => ['matching', 'mine', against, top] as const,
};

/** What fits a list item or an expert, best first. */
export function useSuggestions(from: MatchSource, id: string, against: MatchTarget, top = DEFAULT_TOP) {
  return useQuery({
    queryKey: matchingKeys.suggestions(from, id, against, top),
    queryFn: ({ signal }) =>
      api.get<MatchResponse>('/api/matching/suggestions', { from, id, against, top }, signal),
    staleTime: 60_000,
  });
}

/** What fits a pasted description. */
export function useMatchSearch() {
  return useMutation({
    mutationFn: (body: MatchSearchBody) => api.post<MatchResponse>('/api/matching/search', body),
  });
}

/** For the signed-in expert: demands that fit their profile (404 when the account has no profile). */
export function useMyMatches(against: 'demands' | 'talent-demands', top = DEFAULT_TOP, enabled = true) {
  return useQuery({
    queryKey: matchingKeys.mine(against, top),
    queryFn: ({ signal }) => api.get<MatchResponse>('/api/matching/mine', { against, top }, signal),
    staleTime: 60_000,
    enabled,
  });
}
