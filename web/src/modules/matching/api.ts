import { useMutation, useQuery } from '@tanstack/react-query';
import { routes } from '../../app/api.ts';
import type { MatchingRoutes, MatchSearchBody, MatchSource, MatchTarget } from './types.ts';

const call = routes<MatchingRoutes>();

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
      call('GET /api/matching/suggestions', { query: { from, id, against, top }, signal }),
    staleTime: 60_000,
  });
}

/** What fits a pasted description. */
export function useMatchSearch() {
  return useMutation({
    mutationFn: (body: MatchSearchBody) => call('POST /api/matching/search', { body }),
  });
}

/** For the signed-in expert: demands that fit their profile (404 when the account has no profile). */
export function useMyMatches(against: 'demands' | 'talent-demands', top = DEFAULT_TOP, enabled = true) {
  return useQuery({
    queryKey: matchingKeys.mine(against, top),
    queryFn: ({ signal }) => call('GET /api/matching/mine', { query: { against, top }, signal }),
    staleTime: 60_000,
    enabled,
  });
}
