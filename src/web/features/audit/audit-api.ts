import { AuditListResponse, AuditVerifyResponse } from '@shared/contracts/audit';
import { infiniteQueryOptions } from '@tanstack/react-query';
import { apiGet } from '../../api/client';
import type { AuditSearch } from './audit-search';

export const AUDIT_PAGE_SIZE = 50;

export const auditQueries = {
  /** Newest first, 50 at a time; each further page starts below the last seq shown (`before`). */
  events: (filters: AuditSearch) =>
    infiniteQueryOptions({
      queryKey: ['audit', 'events', filters],
      queryFn: ({ pageParam, signal }) =>
        apiGet('/api/audit-events', {
          query: { ...filters, before: pageParam, limit: AUDIT_PAGE_SIZE },
          schema: AuditListResponse,
          signal,
        }),
      initialPageParam: undefined as number | undefined,
      getNextPageParam: (last) => last.nextBefore ?? undefined,
      // New events arrive all the time; an inquiry always reads the log as it is now.
      staleTime: 0,
    }),
};

/** Recomputes the hash chain of the whole log on the server. */
export const verifyAuditChain = () => apiGet('/api/audit-events/verify', { schema: AuditVerifyResponse });
