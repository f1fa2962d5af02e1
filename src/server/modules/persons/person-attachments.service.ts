import { randomUUID } from 'node:crypto';
import { ATTACHMENT_MEDIA_TYPES, type AttachmentMediaType, type PersonAttachmentDto } from '@shared/contracts/person-attachments';
import type { Executor } from '../../db/client';
import { auditCall } from '../../platform/authz';
import type { ServiceContext } from '../../platform/context';
import type { Envelope } from '../../platform/envelope';
import { AppError } from '../../platform/errors';
import { envelopeOf, requirePersonAccess, scoped } from './person-access';
import * as attachments from './person-attachments.repo';
import * as repo from './persons.repo';

/**
 * What the bytes are, from their signature: a name or a Content-Type header is only a claim. A
 * DOCX is a ZIP whose directory names `word/document.xml`.
 */
export function sniffMediaType(bytes: Buffer): AttachmentMediaType | null {
  const starts = (...signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  if (starts(0x50, 0x4b, 0x03, 0x04) && bytes.includes('word/document.xml'))
    return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  return null;
}

/** The person as read; for a write, locked, which the update policy allows only to the file's writers. */
async function personOrNotFound(trx: Executor, id: string, intent: 'read' | 'write' = 'read') {
  const person = intent === 'write' ? await repo.findByIdForUpdate(trx, id) : await repo.findById(trx, id);
  if (!person) throw new AppError('PERSON_NOT_FOUND');
  return person;
}

function present(envelope: Envelope, dek: Buffer, row: Awaited<ReturnType<typeof attachments.listAttachments>>[number]) {
  return {
    id: row.id,
    kind: row.kind,
    fileName: envelope.decrypt(dek, row.file_name_enc, { table: 'person_attachment', column: 'file_name', recordId: row.id }),
    mediaType: row.media_type,
    sizeBytes: row.size_bytes,
    uploadedAt: row.uploaded_at.toISOString(),
    uploadedByUsername: row.uploaded_by_username,
  } satisfies PersonAttachmentDto;
}

/**
 * Adds a document or the portrait photo to a management file. Name and bytes are encrypted with
 * the person's data key; the timeline says that a document was added, never its name.
 */
export async function addAttachment(
  ctx: ServiceContext,
  personId: string,
  input: { kind: 'photo' | 'document'; name: string; bytes: Buffer },
): Promise<PersonAttachmentDto> {
  const actor = requirePersonAccess(ctx, 'write');
  const mediaType = sniffMediaType(input.bytes);
  if (!mediaType) throw new AppError('ATTACHMENT_TYPE');
  if (input.kind === 'photo' && !mediaType.startsWith('image/')) throw new AppError('ATTACHMENT_PHOTO_TYPE');
  const envelope = envelopeOf(ctx);
  const now = ctx.clock();
  return scoped(ctx, actor, async (trx) => {
    const person = await personOrNotFound(trx, personId, 'write');
    const dek = envelope.unwrap(person.data_key, 'person', personId);
    const id = randomUUID();
    const place = (column: string) => ({ table: 'person_attachment', column, recordId: id });
    const row = await attachments.insertAttachment(trx, {
      id,
      person_id: personId,
      kind: input.kind,
      file_name_enc: envelope.encrypt(dek, input.name, place('file_name')),
      media_type: mediaType,
      size_bytes: input.bytes.length,
      content_enc: envelope.encryptBytes(dek, input.bytes, place('content')),
      uploaded_at: now,
      uploaded_by: actor.userId,
      uploaded_by_username: actor.username,
    });
    await repo.insertEvent(trx, {
      person_id: personId,
      at: now,
      kind: input.kind === 'photo' ? 'photo_added' : 'attachment_added',
      actor_user_id: actor.userId,
      actor_username: actor.username,
      summary: input.kind === 'photo' ? 'Cập nhật ảnh chân dung' : `Thêm tài liệu (${ATTACHMENT_MEDIA_TYPES[mediaType]})`,
    });
    await auditCall(trx, ctx, actor, {
      action: 'person.attachment_added',
      outcome: 'success',
      recordKind: 'person',
      recordId: personId,
      details: { attachmentId: id, kind: input.kind, mediaType, sizeBytes: input.bytes.length },
    });
    return present(envelope, dek, row);
  });
}

/** The attachments of a management file (names decrypted, no bytes); audited as a read of the file. */
export async function listAttachments(ctx: ServiceContext, personId: string) {
  const actor = requirePersonAccess(ctx, 'read');
  const envelope = envelopeOf(ctx);
  return scoped(ctx, actor, async (trx) => {
    const person = await personOrNotFound(trx, personId);
    const dek = envelope.unwrap(person.data_key, 'person', personId);
    const rows = await attachments.listAttachments(trx, personId);
    await auditCall(trx, ctx, actor, {
      action: 'person.attachments_read',
      outcome: 'success',
      recordKind: 'person',
      recordId: personId,
    });
    return { items: rows.map((row) => present(envelope, dek, row)) };
  });
}

/** One attachment's bytes, decrypted; each download audited with the attachment's id. */
export async function downloadAttachment(ctx: ServiceContext, personId: string, attachmentId: string) {
  const actor = requirePersonAccess(ctx, 'read');
  const envelope = envelopeOf(ctx);
  return scoped(ctx, actor, async (trx) => {
    const person = await personOrNotFound(trx, personId);
    const row = await attachments.findAttachment(trx, personId, attachmentId);
    if (!row) throw new AppError('ATTACHMENT_NOT_FOUND');
    const dek = envelope.unwrap(person.data_key, 'person', personId);
    const place = (column: string) => ({ table: 'person_attachment', column, recordId: row.id });
    await auditCall(trx, ctx, actor, {
      action: 'person.attachment_read',
      outcome: 'success',
      recordKind: 'person',
      recordId: personId,
      details: { attachmentId },
    });
    return {
      fileName: envelope.decrypt(dek, row.file_name_enc, place('file_name')),
      mediaType: row.media_type,
      bytes: envelope.decryptBytes(dek, row.content_enc, place('content')),
    };
  });
}

/** Takes an attachment off the file (uploaded by mistake); the row and its bytes stay, withdrawn. */
export async function withdrawAttachment(ctx: ServiceContext, personId: string, attachmentId: string): Promise<void> {
  const actor = requirePersonAccess(ctx, 'write');
  const now = ctx.clock();
  await scoped(ctx, actor, async (trx) => {
    await personOrNotFound(trx, personId, 'write');
    const withdrawn = await attachments.withdrawAttachment(trx, personId, attachmentId, now, actor.userId);
    if (!withdrawn) throw new AppError('ATTACHMENT_NOT_FOUND');
    await repo.insertEvent(trx, {
      person_id: personId,
      at: now,
      kind: 'attachment_withdrawn',
      actor_user_id: actor.userId,
      actor_username: actor.username,
      summary: 'Gỡ một tài liệu khỏi hồ sơ',
    });
    await auditCall(trx, ctx, actor, {
      action: 'person.attachment_withdrawn',
      outcome: 'success',
      recordKind: 'person',
      recordId: personId,
      details: { attachmentId },
    });
  });
}
