import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import type { Page } from '../users/api.ts';

export interface AuditRow {
  id: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  entity: string;
  entityId: string;
  regionCode: string | null;
  /** Usually { field: { from, to } }; other shapes are shown as they are. */
  changes: Record<string, unknown> | null;
  ip: string | null;
}

export interface AuditParams {
  page: number;
  pageSize: number;
  entity?: string;
  action?: string;
  actor?: string;
  /** ISO timestamp, inclusive. */
  from?: string;
  /** ISO timestamp, exclusive. */
  to?: string;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBrokenId: number | null;
}

export const auditKeys = {
  all: ['audit'] as const,
  list: (params: AuditParams) => ['audit', 'list', params] as const,
};

export function useAuditLog(params: AuditParams) {
  return useQuery({
    queryKey: auditKeys.list(params),
    queryFn: ({ signal }) => api.get<Page<AuditRow>>('/api/audit', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

/** Walks the hash chain on the server; a mutation because it is an explicit, possibly slow action. */
export function useVerifyAuditChain() {
  return useMutation({ mutationFn: () => api.get<VerifyResult>('/api/audit/verify') });
}
