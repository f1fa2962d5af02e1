import {
  UnitDetailResponse,
  type UnitLevel,
  UnitListResponse,
  UnitPeriodsResponse,
  UnitPredecessorsResponse,
  UnitSearchResponse,
  UnitSuccessorsResponse,
} from '@shared/contracts/units';
import { queryOptions } from '@tanstack/react-query';
import { apiGet } from '../../api/client';

/** Number of search hits asked for; when the server returns this many there may be more. */
export const SEARCH_LIMIT = 20;

/**
 * Query definitions for /api/units. Every key carries the date, because a code names a unit
 * only together with a date (codes were reused on 01/07/2025).
 */
export const unitQueries = {
  periods: () =>
    queryOptions({
      queryKey: ['units', 'periods'],
      queryFn: ({ signal }) => apiGet('/api/units/periods', { schema: UnitPeriodsResponse, signal }),
      staleTime: Number.POSITIVE_INFINITY,
    }),

  /** Provinces (no parent) or the children of one unit. */
  children: (parent: string | null, at: string) =>
    queryOptions({
      queryKey: ['units', 'children', at, parent],
      queryFn: ({ signal }) =>
        apiGet('/api/units', { query: { parent: parent ?? undefined, at, sort: 'code' }, schema: UnitListResponse, signal }),
    }),

  /** Units whose name or code matches `q`; `level` narrows to provinces or communes (pickers). */
  search: (q: string, at: string, level?: UnitLevel) =>
    queryOptions({
      queryKey: ['units', 'search', at, q, level ?? 'any'],
      queryFn: ({ signal }) =>
        apiGet('/api/units/search', { query: { q, at, level, limit: SEARCH_LIMIT }, schema: UnitSearchResponse, signal }),
    }),

  detail: (code: string, at: string) =>
    queryOptions({
      queryKey: ['units', 'detail', at, code],
      queryFn: ({ signal }) =>
        apiGet(`/api/units/${encodeURIComponent(code)}`, { query: { at }, schema: UnitDetailResponse, signal }),
    }),

  /** What an old unit (valid on `at`) became in the hierarchy valid on `target`. */
  successors: (code: string, at: string, target: string) =>
    queryOptions({
      queryKey: ['units', 'successors', at, target, code],
      queryFn: ({ signal }) =>
        apiGet(`/api/units/${encodeURIComponent(code)}/successors`, {
          query: { at, target },
          schema: UnitSuccessorsResponse,
          signal,
        }),
    }),

  /** The old units merged into a unit valid on `at`. */
  predecessors: (code: string, at: string) =>
    queryOptions({
      queryKey: ['units', 'predecessors', at, code],
      queryFn: ({ signal }) =>
        apiGet(`/api/units/${encodeURIComponent(code)}/predecessors`, {
          query: { at },
          schema: UnitPredecessorsResponse,
          signal,
        }),
    }),
};
