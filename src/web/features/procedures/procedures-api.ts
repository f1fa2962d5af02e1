import { FacilityDto } from '@shared/contracts/facilities';
import {
  type OpenProcedureBody,
  PersonProceduresResponse,
  type ProcedureStepBody,
  ProcedureStepResponse,
} from '@shared/contracts/procedures';
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { apiDownload, apiGet, apiPost } from '../../api/client';

const personProcedures = (personId: string) => `/api/persons/${encodeURIComponent(personId)}/procedures`;
const procedure = (id: string) => `/api/procedures/${encodeURIComponent(id)}`;

/** Only what the pick list shows: the rest of a facility (capacity, occupancy) is not needed here. */
const FacilityOption = FacilityDto.pick({ id: true, name: true, type: true }).extend({ active: z.boolean().optional() });
export type FacilityOption = z.infer<typeof FacilityOption>;
const FacilityOptionsResponse = z.object({ items: z.array(FacilityOption) });

export const procedureQueries = {
  /**
   * Under `['persons', …]`: a step changes the derived classification, which the person's header
   * and the registry list show, so invalidating `['persons']` refreshes all of them at once.
   */
  list: (personId: string) =>
    queryOptions({
      queryKey: ['persons', 'procedures', personId],
      queryFn: ({ signal }) => apiGet(personProcedures(personId), { schema: PersonProceduresResponse, signal }),
      // Personal data: always asked again when the tab opens, dropped soon after.
      staleTime: 0,
      gcTime: 5 * 60_000,
    }),

  facilities: () =>
    queryOptions({
      queryKey: ['facilities', 'options'],
      queryFn: ({ signal }) => apiGet('/api/facilities', { schema: FacilityOptionsResponse, signal }),
      staleTime: 5 * 60_000,
    }),
};

export type OpenProcedureInput = z.input<typeof OpenProcedureBody>;
export type ProcedureStepInput = z.input<typeof ProcedureStepBody>;

export const proceduresApi = {
  open: (personId: string, body: OpenProcedureInput) =>
    apiPost(personProcedures(personId), { body, schema: ProcedureStepResponse }),
  step: (procedureId: string, body: ProcedureStepInput) =>
    apiPost(`${procedure(procedureId)}/steps`, { body, schema: ProcedureStepResponse }),
  /** A printable draft (PDF) of the procedure; the file name comes from the server. */
  downloadForm: (procedureId: string, form: string) =>
    apiDownload(`${procedure(procedureId)}/forms/${encodeURIComponent(form)}`, { fallbackName: `${form}.pdf` }),
};
