import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes } from '../../app/api.ts';
import { standingKeys } from './api.ts';
import type {
  DutiesQuery,
  DutyChangeInput,
  DutyInput,
  RefineInput,
  RoundInput,
  RoundView,
  StandingRoutes,
} from './types.ts';

/*
 * The tech commissioners' rounds and portfolios, refined demands and contact duties: beside api.ts
 * (plans, occurrences, visits), so that the home page's card does not load them.
 */

const call = routes<StandingRoutes>();

export const commissionerKeys = {
  rounds: (page: number, pageSize: number) => ['standing', 'rounds', page, pageSize] as const,
  round: (id: string) => ['standing', 'round', id] as const,
  portfolio: (talentId: string | undefined) => ['standing', 'portfolio', talentId ?? null] as const,
  duties: (query: DutiesQuery) => ['standing', 'duties', query] as const,
};

export function useRounds(page: number, pageSize: number) {
  return useQuery({
    queryKey: commissionerKeys.rounds(page, pageSize),
    queryFn: ({ signal }) => call('GET /api/standing/rounds', { query: { page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useRound(id: string) {
  return useQuery({
    queryKey: commissionerKeys.round(id),
    queryFn: ({ signal }) => call('GET /api/standing/rounds/:id', { params: { id }, signal }),
  });
}

export function useCreateRound() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RoundInput) => call('POST /api/standing/rounds', { body }),
    onSuccess: (round) => {
      queryClient.setQueryData(commissionerKeys.round(round.id), round);
      return queryClient.invalidateQueries({ queryKey: ['standing', 'rounds'] });
    },
  });
}

/**
 * Every change to a round answers the round as it is now: it replaces the page's copy, and the
 * lists (rounds, portfolios, occurrences) are read again.
 */
function useRoundChange<V>(change: (vars: V) => Promise<RoundView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (round) => {
      queryClient.setQueryData(commissionerKeys.round(round.id), round);
      // Not awaited: the change is done once the round is answered. Awaiting the lists would keep
      // the round's controls disabled while they reload, closing a list the operator just opened.
      void queryClient.invalidateQueries({
        predicate: (q) => q.queryKey[0] === 'standing' && q.queryKey[1] !== 'round',
      });
    },
  });
}

export function useAddEntries(roundId: string) {
  return useRoundChange((body: { enterprises: { id: string }[]; experts: { id: string }[] }) =>
    call('POST /api/standing/rounds/:id/entries', { params: { id: roundId }, body }),
  );
}

export function useRemoveEntry(roundId: string) {
  return useRoundChange((entryId: string) =>
    call('DELETE /api/standing/rounds/:id/entries/:entryId', { params: { id: roundId, entryId } }),
  );
}

/** A participant's preferences: their own (no entry), or entered by the operator for an entry. */
export function useSetPreferences(roundId: string) {
  return useRoundChange(
    ({ entryId, preferences, need }: { entryId?: string; preferences: string[]; need?: string }) => {
      const body = { preferences, ...(need !== undefined ? { need } : {}) };
      return entryId
        ? call('PUT /api/standing/rounds/:id/entries/:entryId/preferences', {
            params: { id: roundId, entryId },
            body,
          })
        : call('PUT /api/standing/rounds/:id/preferences', { params: { id: roundId }, body });
    },
  );
}

export function usePropose(roundId: string) {
  return useRoundChange(() => call('POST /api/standing/rounds/:id/propose', { params: { id: roundId } }));
}

export function useSetPair(roundId: string) {
  return useRoundChange((body: { enterpriseId: string; talentId: string | null }) =>
    call('PUT /api/standing/rounds/:id/pairs', { params: { id: roundId }, body }),
  );
}

export function useConfirmRound(roundId: string) {
  return useRoundChange((version: number) =>
    call('POST /api/standing/rounds/:id/confirm', { params: { id: roundId }, body: { version } }),
  );
}

export function useMakeupRound(roundId: string) {
  return useRoundChange((name?: string) =>
    call('POST /api/standing/rounds/:id/makeup', { params: { id: roundId }, body: name ? { name } : {} }),
  );
}

/** 特派员服务台账: the caller's own, or (operators) the commissioner named. */
export function usePortfolio(talentId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: commissionerKeys.portfolio(talentId),
    queryFn: ({ signal }) =>
      call('GET /api/standing/portfolio', { query: talentId ? { talentId } : {}, signal }),
    enabled,
    retry: false,
  });
}

/** 提前结束: a term ended with a reason; its visits from today on are dropped. */
export function useEndPairing() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason, version }: { id: string; reason: string; version: number }) =>
      call('POST /api/standing/pairings/:id/end', { params: { id }, body: { reason, version } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: standingKeys.all }),
  });
}

/** 凝练需求: a demand refined from a visit, entered as the enterprise's draft. */
export function useRefineDemand(visitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RefineInput) =>
      call('POST /api/standing/visits/:id/demands', { params: { id: visitId }, body }),
    onSuccess: (visit) => {
      queryClient.setQueryData(standingKeys.visit(visitId), visit);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: ['standing', 'portfolio'] }),
        queryClient.invalidateQueries({ queryKey: ['lists'] }),
      ]);
    },
  });
}

export function useDuties(query: DutiesQuery) {
  return useQuery({
    queryKey: commissionerKeys.duties(query),
    queryFn: ({ signal }) => call('GET /api/standing/duties', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateDuty() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DutyInput) => call('POST /api/standing/duties', { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: standingKeys.all }),
  });
}

export function useChangeDuty() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: DutyChangeInput }) =>
      call('PUT /api/standing/duties/:id', { params: { id }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: standingKeys.all }),
  });
}

export function useEndDuty() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason, version }: { id: string; reason: string; version: number }) =>
      call('POST /api/standing/duties/:id/end', { params: { id }, body: { reason, version } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: standingKeys.all }),
  });
}
