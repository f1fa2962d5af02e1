import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-db';
import { appendAudit, canonicalJson, verifyAuditChain } from './audit';
import { inScope } from './db-scope';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const actor = { userId: null, username: 'cli', roles: [], unitPath: null, agency: null };

/** A fresh chain of `n` events, written through the application role as the app writes them. */
async function writeEvents(n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await inScope(database.db, { kind: 'system', reason: 'test' }, (trx) =>
      appendAudit(trx, {
        actor,
        action: 'test.event',
        outcome: 'success',
        recordKind: 'person',
        recordId: `r${i}`,
        details: { i },
      }),
    );
  }
}

/** As the database superuser, with triggers off: what an insider with full access could do. */
async function tamper(statement: ReturnType<typeof sql>): Promise<void> {
  await database.db.transaction().execute(async (trx) => {
    await sql`SET LOCAL session_replication_role = replica`.execute(trx);
    await statement.execute(trx);
  });
}

beforeEach(async () => {
  await tamper(sql`DELETE FROM audit_event`);
  await sql`UPDATE audit_head SET seq = 0, hash = repeat('0', 64)`.execute(database.db);
  await writeEvents(6);
});

describe('audit chain', () => {
  it('verifies an untouched chain', async () => {
    const result = await verifyAuditChain(database.db);
    expect(result).toMatchObject({ ok: true, checked: 6, headSeq: 6, firstBad: null });
  });

  it('catches an UPDATE made directly in the database as superuser', async () => {
    await tamper(sql`UPDATE audit_event SET actor_username = 'someone-else' WHERE seq = 3`);
    const result = await verifyAuditChain(database.db);
    expect(result.ok).toBe(false);
    expect(result.firstBad).toEqual({ seq: 3, problem: 'its content was changed after it was written' });
  });

  it('catches a deleted event', async () => {
    await tamper(sql`DELETE FROM audit_event WHERE seq = 2`);
    expect((await verifyAuditChain(database.db)).firstBad?.seq).toBe(3);
  });

  it('catches an inserted event, even with a well-formed hash of its own', async () => {
    // Make room at 4 (in two steps: the primary key is checked row by row).
    await tamper(sql`UPDATE audit_event SET seq = seq + 1000 WHERE seq >= 4`);
    await tamper(sql`UPDATE audit_event SET seq = seq - 999 WHERE seq >= 1000`);
    await tamper(sql`INSERT INTO audit_event (seq, id, occurred_at, action, outcome, prev_hash, hash)
      SELECT 4, gen_random_uuid(), now(), 'forged', 'success', hash, repeat('a', 64) FROM audit_event WHERE seq = 3`);
    expect((await verifyAuditChain(database.db)).firstBad?.seq).toBe(4);
  });

  it('catches two events swapped', async () => {
    await tamper(sql`UPDATE audit_event SET seq = 100 WHERE seq = 2`);
    await tamper(sql`UPDATE audit_event SET seq = 2 WHERE seq = 5`);
    await tamper(sql`UPDATE audit_event SET seq = 5 WHERE seq = 100`);
    expect((await verifyAuditChain(database.db)).firstBad?.seq).toBe(2);
  });

  it('catches events removed from the end, and a removed tail behind a rewritten head via an exported head', async () => {
    const exported = (await verifyAuditChain(database.db)).headHash;
    await tamper(sql`DELETE FROM audit_event WHERE seq > 4`);
    expect((await verifyAuditChain(database.db)).firstBad?.problem).toContain('removed from the end');
    await sql`UPDATE audit_head SET seq = 4, hash = (SELECT hash FROM audit_event WHERE seq = 4)`.execute(database.db);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
    expect((await verifyAuditChain(database.db, { expectHead: exported })).ok).toBe(false);
  });

  it('is append-only: UPDATE, DELETE and TRUNCATE are refused, even for the owner', async () => {
    await expect(sql`UPDATE audit_event SET action = 'x' WHERE seq = 1`.execute(database.db)).rejects.toThrow(
      /append-only|permission/,
    );
    await expect(sql`DELETE FROM audit_event WHERE seq = 1`.execute(database.db)).rejects.toThrow(/append-only|permission/);
    await expect(sql`TRUNCATE audit_event`.execute(database.db)).rejects.toThrow(/append-only|permission/);
    const asApp = (statement: ReturnType<typeof sql>) =>
      inScope(database.db, { kind: 'system', reason: 'test' }, (trx) => statement.execute(trx));
    await expect(asApp(sql`UPDATE audit_event SET action = 'x' WHERE seq = 1`)).rejects.toThrow(/permission denied|append-only/);
    await expect(asApp(sql`DELETE FROM audit_event`)).rejects.toThrow(/permission denied|append-only/);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  it('lets only auditors and the system context read the log through the application role', async () => {
    const count = (roles: ('auditor' | 'commune_officer')[]) =>
      inScope(
        database.db,
        { kind: 'user', userId: '00000000-0000-4000-8000-000000000001', roles, unitPath: '01.00004', agency: 'CA_XA' },
        async (trx) =>
          (
            await trx
              .selectFrom('audit_event')
              .select((eb) => eb.fn.countAll<string>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
      );
    expect(Number(await count(['auditor']))).toBe(6);
    expect(Number(await count(['commune_officer']))).toBe(0);
  });
});

describe('canonicalJson', () => {
  it('orders keys at every level and leaves arrays in order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1], c: null } })).toBe('{"a":{"c":null,"d":[3,1]},"b":1}');
  });
});
