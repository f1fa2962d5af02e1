import { BreakGlassDto, BreakGlassListResponse } from '@shared/contracts/break-glass';
import { queryOptions } from '@tanstack/react-query';
import { apiGet, apiPost } from '../../api/client';

export const breakGlassQueries = {
  /** The caller's own grants and, for supervisors, the grants they review; newest first. */
  list: () =>
    queryOptions({
      queryKey: ['break-glass', 'list'],
      queryFn: ({ signal }) => apiGet('/api/break-glass', { schema: BreakGlassListResponse, signal }),
      // Grants expire within the hour and others review them: ask again on every visit and on
      // return to the tab (no polling, which would keep an idle session alive).
      staleTime: 0,
      refetchOnWindowFocus: true,
    }),
};

export const breakGlassApi = {
  /** A supervisor's review of someone else's grant (permission `break_glass:review`). */
  review: (id: string, note: string) =>
    apiPost(`/api/break-glass/${encodeURIComponent(id)}/review`, { body: { note }, schema: BreakGlassDto }),
};
