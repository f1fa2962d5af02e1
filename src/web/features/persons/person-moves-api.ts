import { PersonMergeDto, PersonMergesResponse } from '@shared/contracts/person-merges';
import { PersonTransferDto, PersonTransfersResponse, WorkQueueResponse } from '@shared/contracts/person-transfers';
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { apiGet, apiPost } from '../../api/client';

/** Personal data is asked again when a page opens and dropped from memory soon after (persons-api.ts). */
const PERSONAL_DATA = { staleTime: 0, gcTime: 5 * 60_000 } as const;

const person = (id: string) => `/api/persons/${encodeURIComponent(id)}`;

/** Residence transfers, merges and the work queue. */
export const moveQueries = {
  transfers: (personId: string) =>
    queryOptions({
      queryKey: ['persons', 'transfers', personId],
      queryFn: ({ signal }) => apiGet(`${person(personId)}/transfers`, { schema: PersonTransfersResponse, signal }),
      ...PERSONAL_DATA,
    }),
  merges: (personId: string) =>
    queryOptions({
      queryKey: ['persons', 'merges', personId],
      queryFn: ({ signal }) => apiGet(`${person(personId)}/merges`, { schema: PersonMergesResponse, signal }),
      ...PERSONAL_DATA,
    }),
  workQueue: () =>
    queryOptions({
      queryKey: ['work-queue'],
      queryFn: ({ signal }) => apiGet('/api/work-queue', { schema: WorkQueueResponse, signal }),
      ...PERSONAL_DATA,
    }),
};

export type TransferDecision = 'accept' | 'reject' | 'cancel';

export const movesApi = {
  requestTransfer: (personId: string, body: { toUnitCode: string; reason: string; address?: string }) =>
    apiPost(`${person(personId)}/transfers`, { body, schema: PersonTransferDto }),
  decide: (transferId: string, decision: TransferDecision, note?: string) =>
    apiPost(`/api/person-transfers/${encodeURIComponent(transferId)}/${decision}`, {
      body: note ? { note } : {},
      schema: PersonTransferDto,
    }),
  merge: (keptId: string, body: { duplicateId: string; version: number; duplicateVersion: number; reason: string }) =>
    apiPost(`${person(keptId)}/merge`, { body, schema: PersonMergeDto }),
  undoMerge: (mergeId: string) =>
    apiPost(`/api/person-merges/${encodeURIComponent(mergeId)}/undo`, { body: {}, schema: PersonMergeDto }),
};

/** After a transfer or merge changed a file: everything about persons and the work queue is asked again. */
export function refreshAfterMove(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: ['persons'] });
  void queryClient.invalidateQueries({ queryKey: ['work-queue'] });
}
