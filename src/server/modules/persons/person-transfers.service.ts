import { randomUUID } from 'node:crypto';
import type {
  PersonTransferDecisionBody,
  PersonTransferDto,
  PersonTransferRequestBody,
} from '@shared/contracts/person-transfers';
import { formatDateVi, todayInVietnam } from '@shared/dates';
import { FIELD_MESSAGES, type FieldMessageKey } from '@shared/errors';
import { auditCall } from '../../platform/authz';
import type { Actor, ServiceContext } from '../../platform/context';
import type { Envelope } from '../../platform/envelope';
import { AppError } from '../../platform/errors';
import { readSetting } from '../settings/settings.service';
import { getUnit } from '../units/units.service';
import { actorArea, envelopeOf, hasPersonAccess, inArea, requirePersonAccess, scoped } from './person-access';
import * as repo from './person-transfers.repo';
import * as persons from './persons.repo';

/**
 * Moving residence between communes (chuyển nơi cư trú). The sending commune's police request it;
 * the receiving commune acknowledges it (accepts) or refuses it within the deadline stored in the
 * setting `person_transfer.acknowledge_days`. Law 120/2025 (from 01/07/2026; DOMAIN.md §4.3, §12)
 * has the commune police notify the receiving commune within 24 hours; the acknowledgement deadline
 * itself is not in DOMAIN.md ([NC]), hence a setting. While pending, both communes read the file
 * (ACCESS-PRINCIPLES.md); the sending commune alone writes it until acceptance moves it.
 */

const _MAX_QUEUE_ITEMS = 200;

/** `date` + `days` calendar days, ISO. Working days come with the calendar of a later issue. */
function addCalendarDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function fieldIssue(ctx: ServiceContext, path: string[], key: FieldMessageKey) {
  return { path: ['body', ...path], message: FIELD_MESSAGES[key][ctx.locale] };
}

/** The receiving commune: a commune of today's hierarchy (400 on `toUnitCode` otherwise). */
async function resolveTarget(ctx: ServiceContext, code: string) {
  const refuse = () => new AppError('VALIDATION_FAILED', {}, [fieldIssue(ctx, ['toUnitCode'], 'COMMUNE_REQUIRED')]);
  const { unit, ancestors } = await getUnit(ctx, code).catch((error: unknown) => {
    throw error instanceof AppError && error.code === 'UNIT_NOT_FOUND' ? refuse() : error;
  });
  if (unit.level !== 'commune') throw refuse();
  return { id: unit.id, code: unit.code, fullName: unit.fullName, path: [...ancestors.map((a) => a.code), unit.code].join('.') };
}

interface Sides {
  /** The caller's area holds the receiving commune: may accept or reject. */
  receiving: boolean;
  /** The caller's area holds the sending commune: may cancel. */
  sending: boolean;
}

function sidesOf(actor: Actor, row: repo.TransferRow): Sides {
  const area = actorArea(actor);
  return { receiving: inArea(row.to_unit_path, area), sending: inArea(row.from_unit_path, area) };
}

function present(envelope: Envelope, dek: Buffer, row: repo.TransferRow, actor: Actor, today: string): PersonTransferDto {
  const open = (column: string, value: string | null) =>
    value ? envelope.decrypt(dek, value, { table: 'person_transfer', column, recordId: row.id }) : null;
  const pending = row.status === 'pending';
  const writer = hasPersonAccess(actor, 'write');
  const sides = sidesOf(actor, row);
  return {
    id: row.id,
    personId: row.person_id,
    status: row.status,
    fromUnit: { code: row.from_code, fullName: row.from_full_name },
    toUnit: { code: row.to_code, fullName: row.to_full_name },
    address: open('to_address', row.to_address_enc),
    reason: open('reason', row.reason_enc) ?? '',
    requestedAt: row.requested_at.toISOString(),
    requestedBy: row.requested_by_username,
    dueDate: row.due_date,
    overdue: pending && today > row.due_date,
    decidedAt: row.decided_at ? row.decided_at.toISOString() : null,
    decidedBy: row.decided_by_username,
    note: open('note', row.note_enc),
    actions: {
      accept: pending && writer && sides.receiving,
      reject: pending && writer && sides.receiving,
      cancel: pending && writer && sides.sending,
    },
  };
}

/**
 * Asks the receiving commune to take over the file. Only whoever may write the person (the
 * sending commune's police, or the provincial police) may ask; the target must be another
 * commune of today's hierarchy; one pending transfer at a time (409). The deadline is today
 * (Việt Nam) plus the configured days. Timeline event and audit in the same transaction.
 */
export async function requestTransfer(
  ctx: ServiceContext,
  personId: string,
  body: PersonTransferRequestBody,
): Promise<PersonTransferDto> {
  const actor = requirePersonAccess(ctx, 'write');
  const target = await resolveTarget(ctx, body.toUnitCode);
  const envelope = envelopeOf(ctx);
  const now = ctx.clock();
  const today = todayInVietnam(now);
  return scoped(ctx, actor, async (trx) => {
    // FOR UPDATE also applies the update policy: only a person the actor may write is found.
    const person = await persons.findByIdForUpdate(trx, personId);
    if (!person || (ctx.enforcement !== 'database-only' && !inArea(person.unit_path, actorArea(actor))))
      throw new AppError('PERSON_NOT_FOUND');
    if (person.unit_path === target.path)
      throw new AppError('VALIDATION_FAILED', {}, [fieldIssue(ctx, ['toUnitCode'], 'TRANSFER_SAME_COMMUNE')]);
    if (await repo.findPendingByPerson(trx, personId)) throw new AppError('PERSON_TRANSFER_PENDING');
    const deadline = await readSetting(trx, 'person_transfer.acknowledge_days');
    const dueDate = addCalendarDays(today, deadline.value.days);
    const dek = envelope.unwrap(person.data_key, 'person', person.id);
    const id = randomUUID();
    const seal = (column: string, value: string | undefined) =>
      value ? envelope.encrypt(dek, value, { table: 'person_transfer', column, recordId: id }) : null;
    await repo
      .insert(trx, {
        id,
        person_id: personId,
        from_unit_id: person.current_unit_id,
        from_unit_path: person.unit_path,
        from_province_code: person.province_code,
        to_unit_id: target.id,
        to_unit_path: target.path,
        to_province_code: target.path.split('.')[0] ?? '',
        to_address_enc: seal('to_address', body.address),
        reason_enc: seal('reason', body.reason) ?? '',
        requested_at: now,
        requested_by: actor.userId,
        requested_by_username: actor.username,
        deadline_days: deadline.value.days,
        due_date: dueDate,
        status: 'pending',
      })
      .catch((error: unknown) => {
        // The unique index on pending transfers: another request won the race.
        if ((error as { code?: string }).code === '23505') throw new AppError('PERSON_TRANSFER_PENDING');
        throw error;
      });
    await persons.insertEvent(trx, {
      person_id: personId,
      at: now,
      kind: 'transfer_requested',
      actor_user_id: actor.userId,
      actor_username: actor.username,
      summary: `Đề nghị chuyển nơi cư trú đến ${target.fullName}, hạn tiếp nhận ${formatDateVi(dueDate)}`,
    });
    await auditCall(trx, ctx, actor, {
      action: 'person.transfer_request',
      outcome: 'success',
      recordKind: 'person',
      recordId: personId,
      details: { transferId: id, toUnit: target.code, dueDate, deadlineDays: deadline.value.days },
    });
    const row = await repo.findById(trx, id);
    if (!row) throw new Error('transfer not readable after insert');
    return present(envelope, dek, row, actor, today);
  });
}

/** The transfers of a person's file, newest first (both communes while one is pending). */
export async function listTransfers(ctx: ServiceContext, personId: string): Promise<{ items: PersonTransferDto[] }> {
  const actor = requirePersonAccess(ctx, 'read');
  const envelope = envelopeOf(ctx);
  const today = todayInVietnam(ctx.clock());
  return scoped(ctx, actor, async (trx) => {
    const person = await persons.findById(trx, personId);
    if (!person) throw new AppError('PERSON_NOT_FOUND');
    const dek = envelope.unwrap(person.data_key, 'person', person.id);
    const rows = await repo.listByPerson(trx, personId);
    await auditCall(trx, ctx, actor, {
      action: 'person.transfers_read',
      outcome: 'success',
      recordKind: 'person',
      recordId: personId,
    });
    return { items: rows.map((row) => present(envelope, dek, row, actor, today)) };
  });
}

type Decision = 'accept' | 'reject' | 'cancel';

const DECISIONS: Record<
  Decision,
  { status: 'accepted' | 'rejected' | 'cancelled'; side: keyof Sides; kind: string; verb: string }
> = {
  accept: { status: 'accepted', side: 'receiving', kind: 'transfer_accepted', verb: 'Tiếp nhận' },
  reject: { status: 'rejected', side: 'receiving', kind: 'transfer_rejected', verb: 'Từ chối tiếp nhận' },
  cancel: { status: 'cancelled', side: 'sending', kind: 'transfer_cancelled', verb: 'Hủy đề nghị' },
};

/**
 * Closes a pending transfer. Accept and reject belong to the receiving side, cancel to the
 * sending side (403 for the other end, which does see the transfer). Acceptance moves the file:
 * current residence (the requested address, if one was given), commune and province change in the
 * same transaction, so the sending commune stops seeing the file when it commits.
 */
async function decideTransfer(
  ctx: ServiceContext,
  transferId: string,
  decision: Decision,
  body: PersonTransferDecisionBody,
): Promise<PersonTransferDto> {
  const actor = requirePersonAccess(ctx, 'write');
  const rule = DECISIONS[decision];
  const envelope = envelopeOf(ctx);
  const now = ctx.clock();
  const today = todayInVietnam(now);
  return scoped(ctx, actor, async (trx) => {
    const transfer = await repo.findByIdForUpdate(trx, transferId);
    if (!transfer) throw new AppError('PERSON_TRANSFER_NOT_FOUND');
    if (ctx.enforcement !== 'database-only' && !sidesOf(actor, transfer)[rule.side]) throw new AppError('FORBIDDEN');
    if (transfer.status !== 'pending') throw new AppError('PERSON_TRANSFER_DECIDED');
    // Read the person while the transfer still opens it to both ends.
    if (decision === 'accept') await repo.allowAcceptance(trx, transferId);
    const person =
      decision === 'accept'
        ? await persons.findByIdForUpdate(trx, transfer.person_id)
        : await persons.findById(trx, transfer.person_id);
    if (!person) throw new AppError('PERSON_TRANSFER_NOT_FOUND');
    const dek = envelope.unwrap(person.data_key, 'person', person.id);
    const summary = `${rule.verb} chuyển nơi cư trú từ ${transfer.from_full_name} đến ${transfer.to_full_name}`;
    const event = { at: now, kind: rule.kind, actor_user_id: actor.userId, actor_username: actor.username, summary };
    if (decision === 'accept') {
      const address = transfer.to_address_enc
        ? envelope.decrypt(dek, transfer.to_address_enc, {
            table: 'person_transfer',
            column: 'to_address',
            recordId: transfer.id,
          })
        : null;
      const moved = await persons.update(trx, person.id, person.version, {
        current_unit_id: transfer.to_unit_id,
        current_address_enc: address
          ? envelope.encrypt(dek, address, { table: 'person', column: 'current_address', recordId: person.id })
          : null,
        unit_path: transfer.to_unit_path,
        province_code: transfer.to_province_code,
        updated_at: now,
        updated_by: actor.userId,
      });
      if (!moved) throw new Error('person locked but not updated');
    }
    // Before the decision: a rejected or cancelled transfer closes the file to the receiving side.
    await persons.insertEvent(trx, { person_id: person.id, ...event });
    const noteEnc = body.note
      ? envelope.encrypt(dek, body.note, { table: 'person_transfer', column: 'note', recordId: transfer.id })
      : null;
    const decided = await repo.decide(trx, transferId, {
      status: rule.status,
      decided_at: now,
      decided_by: actor.userId,
      decided_by_username: actor.username,
      note_enc: noteEnc,
    });
    if (!decided) throw new AppError('PERSON_TRANSFER_DECIDED');
    await auditCall(trx, ctx, actor, {
      action: `person.transfer_${decision}`,
      outcome: 'success',
      recordKind: 'person',
      recordId: person.id,
      details: { transferId, fromUnit: transfer.from_code, toUnit: transfer.to_code },
    });
    const row = await repo.findById(trx, transferId);
    if (!row) throw new Error('transfer not readable after decision');
    return present(envelope, dek, row, actor, today);
  });
}

/** The receiving commune acknowledges the move and takes the file over. */
export function acceptTransfer(ctx: ServiceContext, transferId: string, body: PersonTransferDecisionBody) {
  return decideTransfer(ctx, transferId, 'accept', body);
}

/** The receiving commune refuses the move; the file stays with the sending commune. */
export function rejectTransfer(ctx: ServiceContext, transferId: string, body: PersonTransferDecisionBody) {
  return decideTransfer(ctx, transferId, 'reject', body);
}

/** The sending commune withdraws its request. */
export function cancelTransfer(ctx: ServiceContext, transferId: string, body: PersonTransferDecisionBody) {
  return decideTransfer(ctx, transferId, 'cancel', body);
}
