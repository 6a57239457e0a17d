import type {
  organisationsQuery,
  organisationsResponse,
  permissionsResponse,
  roleItem,
  rolesResponse,
  setPermissionsRequest,
} from '@server/platform/access/contract.ts';
import { ROLE_NAMES, ROLES, type Role } from '@server/platform/access/permissions.ts';
import type {
  createUserRequest,
  listUsersQuery,
  ok,
  resetPasswordRequest,
  UserView,
  updateUserRequest,
  userPage,
  userView,
} from '@server/platform/auth/contract.ts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { type BodyOf, type QueryOf, type ReplyOf, routes } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { hasPermission, meKey, useCurrentUser } from '../../app/session.ts';

type UserRoutes = {
  'GET /api/users': { query: typeof listUsersQuery; reply: typeof userPage };
  'POST /api/users': { body: typeof createUserRequest; reply: typeof userView };
  'PATCH /api/users/:id': { body: typeof updateUserRequest; reply: typeof userView };
  'POST /api/users/:id/password': { body: typeof resetPasswordRequest; reply: typeof ok };
  'GET /api/roles': { reply: typeof rolesResponse };
  'GET /api/permissions': { reply: typeof permissionsResponse };
  'PUT /api/roles/:role/permissions': { body: typeof setPermissionsRequest; reply: typeof roleItem };
  'GET /api/organisations': { query: typeof organisationsQuery; reply: typeof organisationsResponse };
};
const call = routes<UserRoutes>();

export type User = UserView;
export type UserListParams = QueryOf<UserRoutes['GET /api/users']> & { page: number; pageSize: number };
export type CreateUserBody = BodyOf<UserRoutes['POST /api/users']>;
export type UpdateUserBody = BodyOf<UserRoutes['PATCH /api/users/:id']>;
export type RoleItem = ReplyOf<UserRoutes['GET /api/roles']>['items'][number];
export type PermissionItem = ReplyOf<UserRoutes['GET /api/permissions']>['items'][number];
export type Organisation = ReplyOf<UserRoutes['GET /api/organisations']>['items'][number];

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
    queryFn: ({ signal }) => call('GET /api/users', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserBody) => call('POST /api/users', { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateUserBody }) =>
      call('PATCH /api/users/:id', { params: { id }, body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export function useResetUserPassword() {
  return useMutation({
    mutationFn: ({ id, newPassword }: { id: string; newPassword: string }) =>
      call('POST /api/users/:id/password', { params: { id }, body: { newPassword } }),
  });
}

export function useRoles(enabled = true) {
  return useQuery({
    queryKey: rolesKey,
    queryFn: ({ signal }) => call('GET /api/roles', { signal }),
    select: (data) => data.items,
    staleTime: 60_000,
    enabled,
  });
}

export function usePermissionCatalogue() {
  return useQuery({
    queryKey: permissionsKey,
    queryFn: ({ signal }) => call('GET /api/permissions', { signal }),
    select: (data) => data.items,
    staleTime: 5 * 60_000,
  });
}

export function useSaveRolePermissions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ role, permissions }: { role: Role; permissions: string[] }) =>
      call('PUT /api/roles/:role/permissions', { params: { role }, body: { permissions } }),
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
    queryFn: ({ signal }) => call('GET /api/organisations', { query: { q: q || undefined }, signal }),
    select: (data) => data.items,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    enabled,
  });
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** A role code's display name: from /api/roles when readable, else the server's built-in names. */
export function useRoleLabel(): (role: string) => string {
  const me = useCurrentUser();
  const { pick } = useI18n();
  const roles = useRoles(hasPermission(me, 'roles.read'));
  return useCallback(
    (role: string) => {
      const item = roles.data?.find((r) => r.role === role);
      if (item) return pick(item.name);
      if (role === me.role) return pick(me.roleName);
      return isRole(role) ? pick(ROLE_NAMES[role]) : role;
    },
    [roles.data, me.role, me.roleName, pick],
  );
}

/** Every role code known to this account (for filters), with its display name. */
export function useRoleOptions(): { value: string; label: string }[] {
  const me = useCurrentUser();
  const roles = useRoles(hasPermission(me, 'roles.read'));
  const label = useRoleLabel();
  const codes = roles.data?.map((r) => r.role) ?? [...ROLES];
  return codes.map((code) => ({ value: code, label: label(code) }));
}
