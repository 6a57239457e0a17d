import { QueryClient } from '@tanstack/react-query';
import { ApiError, setUnauthorizedHandler } from './api.ts';
import { meKey } from './session.ts';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: false,
      // A 4xx will not get better by asking again.
      retry: (failureCount, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2,
    },
    mutations: { retry: false },
  },
});

// The session expired: forget the account; RequireAuth then sends the user to /login
// and remembers the page they were on.
setUnauthorizedHandler(() => {
  queryClient.setQueryData(meKey, null);
});
