import { AgencyListResponse } from '@shared/contracts/agencies';
import { queryOptions } from '@tanstack/react-query';
import { apiGet } from '../../api/client';

export const agencyQueries = {
  list: (includeInactive: boolean) =>
    queryOptions({
      queryKey: ['agencies', 'list', { includeInactive }],
      queryFn: ({ signal }) => apiGet('/api/agencies', { query: { includeInactive }, schema: AgencyListResponse, signal }),
    }),
};
