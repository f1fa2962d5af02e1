import { z } from 'zod';
import { userText } from './common';

/** The file types a management file accepts, recognised by their first bytes, not by the name. */
export const ATTACHMENT_MEDIA_TYPES = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
} as const;
export type AttachmentMediaType = keyof typeof ATTACHMENT_MEDIA_TYPES;

/** Largest attachment accepted: a scanned decision or a phone photo fits comfortably. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

export const AttachmentKind = z.enum(['photo', 'document']);

/** Upload: the bytes are the request body; what they are travels in the query string. */
export const AttachmentUploadQuery = z.strictObject({
  kind: AttachmentKind,
  /** The original file name, shown in the list (encrypted at rest: names often carry a person's name). */
  name: userText({ min: 1, max: 200, message: 'FILE_NAME' }),
});

export const AttachmentParams = z.strictObject({ id: z.uuid(), attachmentId: z.uuid() });

export const PersonAttachmentDto = z.object({
  id: z.string(),
  kind: AttachmentKind,
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  uploadedAt: z.string(),
  uploadedByUsername: z.string().nullable(),
});
export type PersonAttachmentDto = z.infer<typeof PersonAttachmentDto>;
export const PersonAttachmentsResponse = z.object({ items: z.array(PersonAttachmentDto) });
