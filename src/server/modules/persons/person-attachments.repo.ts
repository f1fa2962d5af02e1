import type { Insertable } from 'kysely';
import type { Executor } from '../../db/client';
import type { PersonAttachmentTable } from '../../db/types';

const LISTED = [
  'id',
  'person_id',
  'kind',
  'file_name_enc',
  'media_type',
  'size_bytes',
  'uploaded_at',
  'uploaded_by_username',
] as const;

export function insertAttachment(db: Executor, row: Insertable<PersonAttachmentTable>) {
  return db.insertInto('person_attachment').values(row).returning(LISTED).executeTakeFirstOrThrow();
}

/** Attachments still on the file, newest first (without their bytes). */
export function listAttachments(db: Executor, personId: string) {
  return db
    .selectFrom('person_attachment')
    .select(LISTED)
    .where('person_id', '=', personId)
    .where('withdrawn_at', 'is', null)
    .orderBy('uploaded_at', 'desc')
    .limit(500)
    .execute();
}

export function findAttachment(db: Executor, personId: string, id: string) {
  return db
    .selectFrom('person_attachment')
    .selectAll()
    .where('person_id', '=', personId)
    .where('id', '=', id)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
}

export function withdrawAttachment(db: Executor, personId: string, id: string, at: Date, by: string) {
  return db
    .updateTable('person_attachment')
    .set({ withdrawn_at: at, withdrawn_by: by })
    .where('person_id', '=', personId)
    .where('id', '=', id)
    .where('withdrawn_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
}
