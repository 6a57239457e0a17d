import type {
  changePasswordRequest,
  loginRequest,
  Me,
  me,
  ok,
  ownEmailRequest,
  sessionResponse,
} from '@server/platform/auth/contract.ts';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { ApiError, type BodyOf, rememberCsrfToken, routes } from './api.ts';

type AuthRoutes = {
  'GET /api/auth/me': { reply: typeof sessionResponse };
  'POST /api/auth/login': { body: typeof loginRequest; reply: typeof sessionResponse };
  'POST /api/auth/logout': { reply: typeof ok };
  'POST /api/auth/email': { body: typeof ownEmailRequest; reply: typeof me };
  'POST /api/auth/password': { body: typeof changePasswordRequest; reply: typeof ok };
};
const call = routes<AuthRoutes>();

/** The signed-in account, as /api/auth/me describes it. */
export type { Me };
export type LoginRequest = BodyOf<AuthRoutes['POST /api/auth/login']>;

export const meKey = ['auth', 'me'] as const;

/** The current account, or null when nobody is signed in. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const session = await call('GET /api/auth/me');
    rememberCsrfToken(session.csrfToken);
    return session.user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      rememberCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 60_000, retry: false });
}

export function hasPermission(me: Pick<Me, 'permissions'>, permission: string): boolean {
  return me.permissions.includes(permission);
}

/** Provided by RequireAuth to everything behind it. */
export const MeContext = createContext<Me | null>(null);

/** The signed-in account; only valid below RequireAuth. */
export function useCurrentUser(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useCurrentUser must be used below <RequireAuth>');
  return me;
}

export function useCan(permission: string): boolean {
  return hasPermission(useCurrentUser(), permission);
}

/**
 * Drops everything cached for the previous account so nothing leaks into the next one.
 * Reference data stays, and so does the `me` entry itself (it is overwritten, keeping its observers).
 */
function forgetAccountData(queryClient: QueryClient): void {
  queryClient.removeQueries({
    predicate: (query) => query.queryKey[0] !== 'reference' && query.queryKey[0] !== meKey[0],
  });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginRequest) => call('POST /api/auth/login', { body }),
    onSuccess: (session) => {
      rememberCsrfToken(session.csrfToken);
      forgetAccountData(queryClient);
      queryClient.setQueryData(meKey, session.user);
    },
  });
}

/**
 * Set while the user signs out: the sign-in page then starts afresh instead of
 * returning to the page they left (the next person to sign in in this tab
 * should not land on it). An expired session keeps the way back.
 */
export const signOut = { inProgress: false };

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    onMutate: () => {
      signOut.inProgress = true;
    },
    mutationFn: () => call('POST /api/auth/logout'),
    onSettled: () => {
      rememberCsrfToken(null);
      forgetAccountData(queryClient);
      queryClient.setQueryData(meKey, null);
    },
  });
}

/** Sets (a string) or clears (null) the caller's own e-mail address; the answer is the account anew. */
export function useSetOwnEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (email: string | null) => call('POST /api/auth/email', { body: { email } }),
    onSuccess: (me) => queryClient.setQueryData(meKey, me),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: BodyOf<AuthRoutes['POST /api/auth/password']>) =>
      call('POST /api/auth/password', { body }),
  });
}
