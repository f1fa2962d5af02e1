import { PersonAttachmentDto, PersonAttachmentsResponse } from '@shared/contracts/person-attachments';
import { queryOptions } from '@tanstack/react-query';
import { apiDelete, apiDownload, apiGet, apiUpload } from '../../api/client';

const attachments = (personId: string) => `/api/persons/${encodeURIComponent(personId)}/attachments`;

export const attachmentQueries = {
  list: (personId: string) =>
    queryOptions({
      queryKey: ['persons', 'attachments', personId],
      queryFn: ({ signal }) => apiGet(attachments(personId), { schema: PersonAttachmentsResponse, signal }),
      staleTime: 0,
      gcTime: 5 * 60_000,
    }),
};

/** Where the browser reads one attachment (the session cookie goes with it; the photo's <img>). */
export const attachmentUrl = (personId: string, attachmentId: string) =>
  `${attachments(personId)}/${encodeURIComponent(attachmentId)}`;

export const attachmentsApi = {
  upload: (personId: string, kind: 'photo' | 'document', file: File) =>
    apiUpload(attachments(personId), { file, query: { kind, name: file.name }, schema: PersonAttachmentDto }),
  download: (personId: string, attachmentId: string, fileName: string) =>
    apiDownload(attachmentUrl(personId, attachmentId), { fallbackName: fileName }),
  withdraw: (personId: string, attachmentId: string) => apiDelete(attachmentUrl(personId, attachmentId)),
};
