import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../app/api.ts';
import { type Bilingual, isMessageKey, useI18n } from '../../app/i18n.tsx';
import { hasPermission, meKey, useCurrentUser } from '../../app/session.ts';

export interface User {
  id: string;
  username: string;
  displayName: string;
  /** Masked, e.g. 138****5678. */
  mobile: string | null;
  /** Masked, e.g. c***@example.cn. */
  email: string | null;
  role: string;
  regionCode: string;
  regionName: string;
  organisationId: string | null;
  organisationName: string | null;
  disabled: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
  version: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface UserListParams {
  page: number;
  pageSize: number;
  q?: string;
  role?: string;
  regionCode?: string;
}

export interface CreateUserBody {
  username: string;
  displayName: string;
  mobile?: string;
  email?: string;
  role: string;
  regionCode: string;
  organisationId?: string;
  password: string;
}

export interface UpdateUserBody {
  version: number;
  displayName?: string;
  mobile?: string | null;
  /** A new address, or null to clear it. */
  email?: string | null;
  role?: string;
  regionCode?: string;
  organisationId?: string | null;
  disabled?: boolean;
}

export interface RoleItem {
  role: string;
  name: Bilingual;
  permissions: string[];
}

export interface PermissionItem {
  code: string;
  name: Bilingual;
  kind: 'read' | 'write';
}

export interface Organisation {
  id: string;
  kind: string;
  name: string;
  regionCode: string;
  regionName: string;
}

/** Fallback names when /api/roles is not readable by this account. */
export const KNOWN_ROLES = [
  'admin',
  'operator',
  'institution',
  'enterprise',
  'expert',
  'provider',
  'reviewer',
  'auditor',
] as const;

export const userKeys = {
  all: ['users'] as const,
  list: (params: UserListParams) => ['users', 'list', params] as const,
};
export const rolesKey = ['roles'] as const;
export const permissionsKey = ['permissions'] as const;
export const organisationKeys = {
  all: ['organisations'] as const,
  search: (q: string) => ['organisations', 'search', q] as const,
};

export function useUsers(params: UserListParams) {
  return useQuery({
    queryKey: userKeys.list(params),
    queryFn: ({ signal }) => api.get<Page<User>>('/api/users', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserBody) => api.post<User>('/api/users', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateUserBody }) =>
      api.patch<User>(`/api/users/${encodeURIComponent(id)}`, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export function useResetUserPassword() {
  return useMutation({
    mutationFn: ({ id, newPassword }: { id: string; newPassword: string }) =>
      api.post<{ ok: true }>(`/api/users/${encodeURIComponent(id)}/password`, { newPassword }),
  });
}

export function useRoles(enabled = true) {
  return useQuery({
    queryKey: rolesKey,
    queryFn: ({ signal }) => api.get<{ items: RoleItem[] }>('/api/roles', undefined, signal),
    select: (data) => data.items,
    staleTime: 60_000,
    enabled,
  });
}

export function usePermissionCatalogue() {
  return useQuery({
    queryKey: permissionsKey,
    queryFn: ({ signal }) => api.get<{ items: PermissionItem[] }>('/api/permissions', undefined, signal),
    select: (data) => data.items,
    staleTime: 5 * 60_000,
  });
}

export function useSaveRolePermissions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ role, permissions }: { role: string; permissions: string[] }) =>
      api.put<RoleItem>(`/api/roles/${encodeURIComponent(role)}/permissions`, { permissions }),
    onSuccess: async () => {
      // The signed-in account may hold the role just changed.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: rolesKey }),
        queryClient.invalidateQueries({ queryKey: meKey }),
      ]);
    },
  });
}

export function useOrganisations(q: string, enabled: boolean) {
  return useQuery({
    queryKey: organisationKeys.search(q),
    queryFn: ({ signal }) =>
      api.get<{ items: Organisation[] }>('/api/organisations', { q: q || undefined }, signal),
    select: (data) => data.items,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    enabled,
  });
}

/** A role code's display name: from /api/roles when readable, else the built-in names. */
export function useRoleLabel(): (role: string) => string {
  const me = useCurrentUser();
  const { t, pick } = useI18n();
  const roles = useRoles(hasPermission(me, 'roles.read'));
  return useCallback(
    (role: string) => {
      const item = roles.data?.find((r) => r.role === role);
      if (item) return pick(item.name);
      if (role === me.role) return pick(me.roleName);
      const key = `role.${role}`;
      return isMessageKey(key) ? t(key) : role;
    },
    [roles.data, me.role, me.roleName, pick, t],
  );
}

/** Every role code known to this account (for filters), with its display name. */
export function useRoleOptions(): { value: string; label: string }[] {
  const me = useCurrentUser();
  const roles = useRoles(hasPermission(me, 'roles.read'));
  const label = useRoleLabel();
  const codes = roles.data?.map((r) => r.role) ?? [...KNOWN_ROLES];
  return codes.map((code) => ({ value: code, label: label(code) }));
}
