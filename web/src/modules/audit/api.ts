import type { auditPage, auditQuery, verifyResponse } from '@server/platform/audit/contract.ts';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { type QueryOf, type ReplyOf, routes } from '../../app/api.ts';

type AuditRoutes = {
  'GET /api/audit': { query: typeof auditQuery; reply: typeof auditPage };
  'GET /api/audit/verify': { reply: typeof verifyResponse };
};
const call = routes<AuditRoutes>();

export type AuditRow = ReplyOf<AuditRoutes['GET /api/audit']>['items'][number];
/** The log's filters; `from` (inclusive) and `to` (exclusive) are ISO timestamps. */
export type AuditParams = QueryOf<AuditRoutes['GET /api/audit']> & { page: number; pageSize: number };

export const auditKeys = {
  all: ['audit'] as const,
  list: (params: AuditParams) => ['audit', 'list', params] as const,
};

export function useAuditLog(params: AuditParams) {
  return useQuery({
    queryKey: auditKeys.list(params),
    queryFn: ({ signal }) => call('GET /api/audit', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Walks the hash chain on the server; a mutation because it is an explicit, possibly slow action. */
export function useVerifyAuditChain() {
  return useMutation({ mutationFn: () => call('GET /api/audit/verify') });
}
