import { QueryClient } from '@tanstack/react-query';

/**
 * The app's data cache. Answers stay until their key changes (a file at a ref, a profile for a click), a failure is
 * shown rather than retried behind the user's back, and nothing reloads just because the window got focus.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, staleTime: Infinity, refetchOnWindowFocus: false, refetchOnReconnect: false },
    },
  });
}
