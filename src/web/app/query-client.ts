import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/client';

/**
 * Reference data (units, agencies) changes a few times a year, so answers stay fresh for the
 * whole session unless reloaded. A 4xx is the request's fault and will not change on retry.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30 * 60_000,
        gcTime: 60 * 60_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => {
          if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
          return failureCount < 2;
        },
      },
    },
  });
}
