import { randomUUID } from 'node:crypto';
import type { PersonMergeBody, PersonMergeDto, PersonMergeUndoBody } from '@shared/contracts/person-merges';
import { FIELD_MESSAGES } from '@shared/errors';
import { hasPermission } from '@shared/permissions';
import type { Executor } from '../../db/client';
import { auditCall } from '../../platform/authz';
import type { Actor, ServiceContext } from '../../platform/context';
import type { Envelope } from '../../platform/envelope';
import { AppError } from '../../platform/errors';
import { recomputeClassification } from '../procedures/procedure-engine';
import { actorArea, envelopeOf, hasPersonAccess, inArea, requirePersonAccess, scoped } from './person-access';
import * as repo from './person-merges.repo';
import * as persons from './persons.repo';

/**
 * Merging two management files of one person, and undoing it. A merge moves every row linked to
 * the duplicate (PERSON_LINKED_TABLES) to the kept file and records exactly which rows moved; the
 * duplicate is marked `merged_into` and drops out of search and reads, with its own fields intact.
 * The kept file's fields are not touched either: the officer edits afterwards. Undo moves exactly
 * the recorded rows back and reopens the duplicate. Both run in the actor's scope, so row-level
 * security also confines them to the actor's area.
 */

/** docs/ACCESS.md: the `person:merge` permission and write access to person records (provincial police). */
function requireMerge(ctx: ServiceContext): Actor {
  const actor = ctx.actor;
  if (!actor) throw new AppError('AUTH_REQUIRED');
  if (ctx.enforcement === 'database-only') return actor;
  if (!hasPermission(actor.roles, 'person:merge') || !hasPersonAccess(actor, 'write')) throw new AppError('FORBIDDEN');
  return actor;
}

interface Side {
  id: string;
  dek: Buffer;
}

/**
 * Moves the rows of one linked table from one person to the other (all of them, or only `ids`),
 * re-sealing encrypted columns under the receiving person's key. Returns the ids moved.
 */
async function moveRows(
  trx: Executor,
  envelope: Envelope,
  linked: repo.LinkedTable,
  from: Side,
  to: Side,
  ids: string[] | null,
): Promise<string[]> {
  if (linked.sealed.length === 0) return repo.relink(trx, linked.table, from.id, to.id, ids);
  const rows = await repo.sealedRows(
    trx,
    linked.table,
    linked.sealed.map((s) => s.column),
    from.id,
    ids,
  );
  const moved: string[] = [];
  for (const row of rows) {
    const values: Record<string, string | Buffer | null> = {};
    for (const { column, field, binary } of linked.sealed) {
      const sealed = row[column];
      const place = { table: linked.table, column: field, recordId: row.id };
      if (sealed === null || sealed === undefined) values[column] = null;
      else if (binary || Buffer.isBuffer(sealed))
        values[column] = envelope.encryptBytes(to.dek, envelope.decryptBytes(from.dek, Buffer.from(sealed), place), place);
      else values[column] = envelope.encrypt(to.dek, envelope.decrypt(from.dek, sealed, place), place);
    }
    if (await repo.relinkSealed(trx, linked.table, row.id, from.id, to.id, values)) moved.push(row.id);
  }
  return moved;
}

async function present(trx: Executor, envelope: Envelope, keptDek: Buffer, row: repo.MergeRow): Promise<PersonMergeDto> {
  const counts = await repo.movedCounts(trx, [row.id]);
  return presentWith(envelope, keptDek, row, counts.get(row.id) ?? {});
}

function presentWith(envelope: Envelope, keptDek: Buffer, row: repo.MergeRow, moved: Record<string, number>): PersonMergeDto {
  return {
    id: row.id,
    keptPersonId: row.kept_person_id,
    duplicatePersonId: row.duplicate_person_id,
    duplicate: { fullName: row.duplicate_full_name, birthYear: row.duplicate_birth_year },
    reason: envelope.decrypt(keptDek, row.reason_enc, { table: 'person_merge', column: 'reason', recordId: row.id }),
    mergedAt: row.merged_at.toISOString(),
    mergedBy: row.merged_by_username,
    moved: Object.fromEntries(repo.PERSON_LINKED_TABLES.map(({ table }) => [table, moved[table] ?? 0])),
    undoneAt: row.undone_at ? row.undone_at.toISOString() : null,
    undoneBy: row.undone_by_username,
  };
}

function movedSummary(moved: Record<string, string[]>): string {
  const total = Object.values(moved).reduce((sum, ids) => sum + ids.length, 0);
  return `${total} mục (diễn biến, ghi chú, chuyển nơi cư trú…)`;
}

/**
 * Merges the duplicate into the kept file (`:id`). Refused: the same file twice (400), a file
 * outside the actor's area or remit (404, as for any record they may not see), a file already
 * merged (409), a stale version of either (409 VERSION_CONFLICT), a pending transfer on either
 * (409: the receiving commune would otherwise see, or take over, the other file too).
 */
export async function mergePersons(ctx: ServiceContext, keptId: string, body: PersonMergeBody): Promise<PersonMergeDto> {
  const actor = requireMerge(ctx);
  if (body.duplicateId === keptId) {
    throw new AppError('VALIDATION_FAILED', {}, [
      { path: ['body', 'duplicateId'], message: FIELD_MESSAGES.MERGE_SELF[ctx.locale] },
    ]);
  }
  const envelope = envelopeOf(ctx);
  const now = ctx.clock();
  return scoped(ctx, actor, async (trx) => {
    await repo.allowMerge(trx);
    const locked = await repo.lockPersons(trx, [keptId, body.duplicateId]);
    const area = actorArea(actor);
    const visible = (id: string) =>
      locked.find((p) => p.id === id && (ctx.enforcement === 'database-only' || inArea(p.unit_path, area)));
    const kept = visible(keptId);
    const duplicate = visible(body.duplicateId);
    if (!kept || !duplicate) throw new AppError('PERSON_NOT_FOUND');
    if (kept.merged_into || duplicate.merged_into) throw new AppError('PERSON_ALREADY_MERGED');
    if (kept.version !== body.version || duplicate.version !== body.duplicateVersion) throw new AppError('VERSION_CONFLICT');
    if (await repo.hasPendingTransfer(trx, [kept.id, duplicate.id])) throw new AppError('PERSON_TRANSFER_PENDING');

    const keptSide = { id: kept.id, dek: envelope.unwrap(kept.data_key, 'person', kept.id) };
    const duplicateSide = { id: duplicate.id, dek: envelope.unwrap(duplicate.data_key, 'person', duplicate.id) };
    const mergeId = randomUUID();
    await repo.insertMerge(trx, {
      id: mergeId,
      kept_person_id: kept.id,
      duplicate_person_id: duplicate.id,
      reason_enc: envelope.encrypt(keptSide.dek, body.reason, { table: 'person_merge', column: 'reason', recordId: mergeId }),
      merged_at: now,
      merged_by: actor.userId,
      merged_by_username: actor.username,
    });
    const moved: Record<string, string[]> = {};
    for (const linked of repo.PERSON_LINKED_TABLES) {
      const ids = await moveRows(trx, envelope, linked, duplicateSide, keptSide, null);
      await repo.insertMovedRows(trx, mergeId, linked.table, ids);
      moved[linked.table] = ids;
    }
    const stamp = { updated_at: now, updated_by: actor.userId };
    const closed = await persons.update(trx, duplicate.id, duplicate.version, { merged_into: kept.id, ...stamp });
    const bumped = await persons.update(trx, kept.id, kept.version, stamp);
    if (!closed || !bumped) throw new Error('locked persons not updated');
    // The kept file now holds both files' procedures: its classification follows them.
    await recomputeClassification(trx, kept.id, now);
    const event = { at: now, actor_user_id: actor.userId, actor_username: actor.username };
    await persons.insertEvent(trx, {
      ...event,
      person_id: kept.id,
      kind: 'merge_absorbed',
      summary: `Gộp hồ sơ trùng ${duplicate.full_name} (${duplicate.birth_year}) vào hồ sơ này: ${movedSummary(moved)}`,
    });
    await persons.insertEvent(trx, {
      ...event,
      person_id: duplicate.id,
      kind: 'merged_into',
      summary: `Đã gộp vào hồ sơ ${kept.full_name} (${kept.birth_year})`,
    });
    const counts = Object.fromEntries(Object.entries(moved).map(([table, ids]) => [table, ids.length]));
    await auditCall(trx, ctx, actor, {
      action: 'person.merge',
      outcome: 'success',
      recordKind: 'person',
      recordId: kept.id,
      details: { mergeId, duplicateId: duplicate.id, ...counts },
    });
    await auditCall(trx, ctx, actor, {
      action: 'person.merged_into',
      outcome: 'success',
      recordKind: 'person',
      recordId: duplicate.id,
      details: { mergeId, keptId: kept.id },
    });
    const row = await repo.findMergeWithDuplicate(trx, mergeId);
    if (!row) throw new Error('merge not readable after insert');
    return presentWith(envelope, keptSide.dek, row, counts);
  });
}

/**
 * Undoes a merge: exactly the rows it moved go back to the duplicate, which is open again. Refused
 * when already undone (409), when the kept file has since been merged into another one, or when a
 * moved row no longer belongs to the kept file (409 PERSON_MERGE_UNDO_BLOCKED; nothing changes).
 */
export async function undoMerge(ctx: ServiceContext, mergeId: string, body: PersonMergeUndoBody): Promise<PersonMergeDto> {
  const actor = requireMerge(ctx);
  const envelope = envelopeOf(ctx);
  const now = ctx.clock();
  return scoped(ctx, actor, async (trx) => {
    await repo.allowMerge(trx);
    const merge = await repo.findMergeForUpdate(trx, mergeId);
    if (!merge) throw new AppError('PERSON_MERGE_NOT_FOUND');
    const locked = await repo.lockPersons(trx, [merge.kept_person_id, merge.duplicate_person_id]);
    const area = actorArea(actor);
    const visible = (id: string) =>
      locked.find((p) => p.id === id && (ctx.enforcement === 'database-only' || inArea(p.unit_path, area)));
    const kept = visible(merge.kept_person_id);
    const duplicate = visible(merge.duplicate_person_id);
    if (!kept || !duplicate) throw new AppError('PERSON_MERGE_NOT_FOUND');
    if (merge.undone_at) throw new AppError('PERSON_MERGE_UNDONE');
    if (kept.merged_into || duplicate.merged_into !== kept.id) throw new AppError('PERSON_MERGE_UNDO_BLOCKED');

    const keptSide = { id: kept.id, dek: envelope.unwrap(kept.data_key, 'person', kept.id) };
    const duplicateSide = { id: duplicate.id, dek: envelope.unwrap(duplicate.data_key, 'person', duplicate.id) };
    const recorded = new Map<string, string[]>();
    for (const row of await repo.movedRows(trx, mergeId)) {
      recorded.set(row.table_name, [...(recorded.get(row.table_name) ?? []), row.row_id]);
    }
    for (const [table, ids] of recorded) {
      const linked = repo.PERSON_LINKED_TABLES.find((l) => l.table === table);
      if (!linked) throw new Error(`merge ${mergeId} moved rows of ${table}, which is no longer a linked table`);
      const back = await moveRows(trx, envelope, linked, keptSide, duplicateSide, ids);
      // Throwing rolls the whole undo back: all the recorded rows return, or none.
      if (back.length !== ids.length) throw new AppError('PERSON_MERGE_UNDO_BLOCKED');
    }
    const stamp = { updated_at: now, updated_by: actor.userId };
    const reopened = await persons.update(trx, duplicate.id, duplicate.version, { merged_into: null, ...stamp });
    const bumped = await persons.update(trx, kept.id, kept.version, stamp);
    if (!reopened || !bumped) throw new Error('locked persons not updated');
    for (const id of [kept.id, duplicate.id]) await recomputeClassification(trx, id, now);
    await repo.markUndone(trx, mergeId, {
      undone_at: now,
      undone_by: actor.userId,
      undone_by_username: actor.username,
      undo_reason_enc: body.reason
        ? envelope.encrypt(keptSide.dek, body.reason, { table: 'person_merge', column: 'undo_reason', recordId: mergeId })
        : null,
    });
    const event = { at: now, kind: 'merge_undone', actor_user_id: actor.userId, actor_username: actor.username };
    await persons.insertEvent(trx, {
      ...event,
      person_id: kept.id,
      summary: `Hoàn tác gộp hồ sơ ${duplicate.full_name} (${duplicate.birth_year}): trả lại các mục đã chuyển`,
    });
    await persons.insertEvent(trx, {
      ...event,
      person_id: duplicate.id,
      summary: `Hoàn tác gộp vào hồ sơ ${kept.full_name} (${kept.birth_year}): hồ sơ được mở lại`,
    });
    for (const [recordId, other] of [
      [kept.id, { duplicateId: duplicate.id }],
      [duplicate.id, { keptId: kept.id }],
    ] as const) {
      await auditCall(trx, ctx, actor, {
        action: 'person.merge_undo',
        outcome: 'success',
        recordKind: 'person',
        recordId,
        details: { mergeId, ...other },
      });
    }
    const row = await repo.findMergeWithDuplicate(trx, mergeId);
    if (!row) throw new Error('merge not readable after undo');
    return present(trx, envelope, keptSide.dek, row);
  });
}

/** The files merged into this one (and whether each merge was undone), newest first. */
export async function listMerges(ctx: ServiceContext, personId: string): Promise<{ items: PersonMergeDto[] }> {
  const actor = requirePersonAccess(ctx, 'read');
  const envelope = envelopeOf(ctx);
  return scoped(ctx, actor, async (trx) => {
    const person = await persons.findById(trx, personId);
    if (!person) throw new AppError('PERSON_NOT_FOUND');
    const dek = envelope.unwrap(person.data_key, 'person', person.id);
    const rows = await repo.listMergesInto(trx, personId);
    const counts = await repo.movedCounts(
      trx,
      rows.map((r) => r.id),
    );
    await auditCall(trx, ctx, actor, {
      action: 'person.merges_read',
      outcome: 'success',
      recordKind: 'person',
      recordId: personId,
    });
    return { items: rows.map((row) => presentWith(envelope, dek, row, counts.get(row.id) ?? {})) };
  });
}
