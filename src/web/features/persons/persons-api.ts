import {
  type Classification,
  DuplicateCandidatesResponse,
  type PersonCreateBody,
  PersonDto,
  PersonNoteDto,
  PersonNotesResponse,
  PersonSearchResponse,
  PersonTimelineResponse,
  type PersonUpdateBody,
} from '@shared/contracts/persons';
import { infiniteQueryOptions, type QueryClient, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { ApiError, apiGet, apiPost, apiPut } from '../../api/client';

/** Rows asked for per page of the registry list; "Tải thêm" asks for the next page. */
export const PERSON_PAGE_SIZE = 50;

/**
 * Personal data is not kept around: always asked again when a page opens, and dropped from
 * memory a few minutes after no page shows it (logout drops it at once, auth/session.ts).
 */
const PERSONAL_DATA = { staleTime: 0, gcTime: 5 * 60_000 } as const;

/** What the registry list is filtered by. `q` (a name or an ID number) only ever travels in a request body. */
export interface PersonFilter {
  q: string;
  birthYear?: number;
  unitCode?: string;
  classification?: Classification;
}

export type PersonCreateInput = z.input<typeof PersonCreateBody>;
export type PersonUpdateInput = z.input<typeof PersonUpdateBody>;
export type DuplicateCandidate = z.infer<typeof DuplicateCandidatesResponse>['candidates'][number];

const person = (id: string) => `/api/persons/${encodeURIComponent(id)}`;

export const personQueries = {
  /** Every query of the registry, for invalidation after a write. */
  all: ['persons'] as const,

  /** `POST /api/persons/search`, page by page (keyset: each answer's `next` is the following `after`). */
  search: (filter: PersonFilter) =>
    infiniteQueryOptions({
      queryKey: ['persons', 'search', filter],
      queryFn: ({ pageParam, signal }) =>
        apiPost('/api/persons/search', {
          body: { ...filter, q: filter.q.trim(), after: pageParam, limit: PERSON_PAGE_SIZE },
          schema: PersonSearchResponse,
          signal,
        }),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.next ?? undefined,
      ...PERSONAL_DATA,
    }),

  detail: (id: string) =>
    queryOptions({
      queryKey: ['persons', 'detail', id],
      queryFn: ({ signal }) => apiGet(person(id), { schema: PersonDto, signal }),
      ...PERSONAL_DATA,
    }),

  timeline: (id: string) =>
    queryOptions({
      queryKey: ['persons', 'timeline', id],
      queryFn: ({ signal }) => apiGet(`${person(id)}/timeline`, { schema: PersonTimelineResponse, signal }),
      ...PERSONAL_DATA,
    }),

  notes: (id: string) =>
    queryOptions({
      queryKey: ['persons', 'notes', id],
      queryFn: ({ signal }) => apiGet(`${person(id)}/notes`, { schema: PersonNotesResponse, signal }),
      ...PERSONAL_DATA,
    }),
};

/** Writes to the registry. The server checks role, agency and area on each. */
export const personsApi = {
  create: (body: PersonCreateInput) => apiPost('/api/persons', { body, schema: PersonDto }),
  update: (id: string, body: PersonUpdateInput) => apiPut(person(id), { body, schema: PersonDto }),
  addNote: (id: string, text: string) => apiPost(`${person(id)}/notes`, { body: { text }, schema: PersonNoteDto }),
};

/** The possible duplicates of a 409 PERSON_POSSIBLE_DUPLICATE; null for any other failure. */
export function duplicateCandidatesOf(error: unknown): DuplicateCandidate[] | null {
  if (!(error instanceof ApiError) || error.code !== 'PERSON_POSSIBLE_DUPLICATE') return null;
  const parsed = DuplicateCandidatesResponse.safeParse(error.body);
  return parsed.success ? parsed.data.candidates : null;
}

const VersionConflictBody = z.object({ code: z.literal('VERSION_CONFLICT'), current: PersonDto });

/** The record as it now stands, from a 409 VERSION_CONFLICT; null for any other failure. */
export function conflictCurrentOf(error: unknown): PersonDto | null {
  if (!(error instanceof ApiError) || error.code !== 'VERSION_CONFLICT') return null;
  const parsed = VersionConflictBody.safeParse(error.body);
  return parsed.success ? parsed.data.current : null;
}

/** After a write: the person's page shows `saved` at once; lists, timeline and notes are asked again. */
export function rememberSavedPerson(queryClient: QueryClient, saved: PersonDto): void {
  queryClient.setQueryData(personQueries.detail(saved.id).queryKey, saved);
  void queryClient.invalidateQueries({ queryKey: ['persons', 'search'] });
  void queryClient.invalidateQueries({ queryKey: personQueries.timeline(saved.id).queryKey });
}
