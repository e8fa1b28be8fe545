/** The app's QueryClient: no retry on client errors, a short retry on network and 5xx. */
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './errors.ts';

/** Creates the QueryClient the app uses. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) => {
          if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
          return failures < 2;
        },
      },
      mutations: { retry: false },
    },
  });
}
