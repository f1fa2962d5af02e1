import { createHash, randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Executor } from '../db/client';
import type { AuditEventTable, DB } from '../db/types';

/**
 * The audit log (SECURITY-RELIABILITY.md S5–S8). Every event is written in the same transaction
 * as the change it records, and chained: hash_i = SHA-256(hash_{i-1} ‖ canonical JSON of event i).
 * An edit, deletion, insertion or reordering made directly in the database breaks the chain and
 * `npm run pcmt -- audit verify` names the first event that no longer fits.
 * Events never carry the sensitive values themselves: ids, kinds, codes and outcomes only.
 */
export interface AuditActor {
  userId: string | null;
  username: string | null;
  roles: readonly string[];
  unitPath: string | null;
  agency: string | null;
}

export interface AuditInput {
  actor: AuditActor;
  action: string;
  outcome: 'success' | 'denied' | 'failure';
  recordKind?: string | null;
  recordId?: string | null;
  purpose?: string | null;
  requestId?: string | null;
  ip?: string | null;
  details?: Record<string, string | number | boolean | null>;
  occurredAt?: Date;
}

export interface ChainedEvent {
  seq: number;
  id: string;
  occurredAt: string;
  actorUserId: string | null;
  actorUsername: string | null;
  actorRoles: string[];
  actorUnitPath: string | null;
  actorAgency: string | null;
  action: string;
  recordKind: string | null;
  recordId: string | null;
  purpose: string | null;
  requestId: string | null;
  ip: string | null;
  outcome: string;
  details: Record<string, unknown>;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with keys sorted at every level, so the same event always hashes the same way. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function chainHash(prevHash: string, event: ChainedEvent): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(event)).digest('hex');
}

/** Appends one event; call inside the transaction of the change it records. */
export async function appendAudit(trx: Executor, input: AuditInput): Promise<ChainedEvent> {
  const [event] = await appendAuditMany(trx, [input]);
  if (!event) throw new Error('audit event not written');
  return event;
}

/** Appends several events in one statement (each row of a list shown is an event of its own). */
export async function appendAuditMany(trx: Executor, inputs: AuditInput[]): Promise<ChainedEvent[]> {
  if (inputs.length === 0) return [];
  // The row lock on the head serialises writers, so seq has no gaps and follows commit order.
  const head = await trx
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .forUpdate()
    .executeTakeFirstOrThrow();
  let prevHash = head.hash;
  let seq = Number(head.seq);
  const events: ChainedEvent[] = [];
  const rows = inputs.map((input) => {
    const event = buildEvent(++seq, input);
    const hash = chainHash(prevHash, event);
    const row = toRow(event, prevHash, hash);
    prevHash = hash;
    events.push(event);
    return row;
  });
  await trx.insertInto('audit_event').values(rows).execute();
  await trx
    .updateTable('audit_head')
    .set({ seq: String(seq), hash: prevHash })
    .where('id', '=', 1)
    .execute();
  return events;
}

function buildEvent(seq: number, input: AuditInput): ChainedEvent {
  return {
    seq,
    id: randomUUID(),
    occurredAt: (input.occurredAt ?? new Date()).toISOString(),
    actorUserId: input.actor.userId,
    actorUsername: input.actor.username,
    actorRoles: [...input.actor.roles],
    actorUnitPath: input.actor.unitPath,
    actorAgency: input.actor.agency,
    action: input.action,
    recordKind: input.recordKind ?? null,
    recordId: input.recordId ?? null,
    purpose: input.purpose ?? null,
    requestId: input.requestId ?? null,
    ip: input.ip ?? null,
    outcome: input.outcome,
    details: input.details ?? {},
  };
}

function toRow(event: ChainedEvent, prevHash: string, hash: string) {
  return {
    seq: String(event.seq),
    id: event.id,
    occurred_at: event.occurredAt,
    actor_user_id: event.actorUserId,
    actor_username: event.actorUsername,
    actor_roles: event.actorRoles,
    actor_unit_path: event.actorUnitPath,
    actor_agency: event.actorAgency,
    action: event.action,
    record_kind: event.recordKind,
    record_id: event.recordId,
    purpose: event.purpose,
    request_id: event.requestId,
    ip: event.ip,
    outcome: event.outcome,
    details: JSON.stringify(event.details),
    prev_hash: prevHash,
    hash,
  };
}

export function eventFromRow(row: Selectable<AuditEventTable>): ChainedEvent {
  return {
    seq: Number(row.seq),
    id: row.id,
    occurredAt: row.occurred_at.toISOString(),
    actorUserId: row.actor_user_id,
    actorUsername: row.actor_username,
    actorRoles: row.actor_roles,
    actorUnitPath: row.actor_unit_path,
    actorAgency: row.actor_agency,
    action: row.action,
    recordKind: row.record_kind,
    recordId: row.record_id,
    purpose: row.purpose,
    requestId: row.request_id,
    ip: row.ip,
    outcome: row.outcome,
    details: (row.details ?? {}) as Record<string, unknown>,
  };
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  headSeq: number;
  headHash: string;
  firstBad: { seq: number; problem: string } | null;
}

/**
 * Walks the whole chain in seq order. Reports the first event whose sequence number, link to the
 * previous hash or own hash does not fit, and a head that does not match the last event (rows
 * removed from the end). `expectHead`, a hash exported earlier, must still be in the chain.
 */
export async function verifyAuditChain(db: Kysely<DB> | Executor, options: { expectHead?: string } = {}): Promise<VerifyResult> {
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  let sawExpected = options.expectHead === undefined;
  let after = 0;
  const fail = (seq: number, problem: string): VerifyResult => ({
    ok: false,
    checked,
    headSeq: Number(head.seq),
    headHash: head.hash,
    firstBad: { seq, problem },
  });
  for (;;) {
    const rows = await db
      .selectFrom('audit_event')
      .selectAll()
      .where('seq', '>', String(after))
      .orderBy('seq')
      .limit(1000)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      const event = eventFromRow(row);
      if (event.seq !== expectedSeq)
        return fail(event.seq, `expected event ${expectedSeq} here: events are missing or out of order`);
      if (row.prev_hash !== prevHash)
        return fail(event.seq, 'its link to the previous event is broken (an event before it was changed, removed or inserted)');
      if (chainHash(prevHash, event) !== row.hash) return fail(event.seq, 'its content was changed after it was written');
      if (row.hash === options.expectHead) sawExpected = true;
      prevHash = row.hash;
      expectedSeq++;
      checked++;
      after = event.seq;
    }
  }
  if (Number(head.seq) !== checked || head.hash !== prevHash) {
    return fail(
      checked + 1,
      `the recorded head (event ${head.seq}) does not match the last event (${checked}): events were removed from the end`,
    );
  }
  if (!sawExpected) return fail(checked, 'the exported head hash is no longer in the chain');
  return { ok: true, checked, headSeq: Number(head.seq), headHash: head.hash, firstBad: null };
}
