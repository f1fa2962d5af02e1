import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/types';
import { inScope } from './db-scope';
import type { Envelope } from './envelope';

/** Tables whose rows carry a wrapped data key (`data_key`). */
export const KEYED_TABLES = ['person'] as const;

const SYSTEM = { kind: 'system', reason: 'key rotation' } as const;

/**
 * Key rotation: adds a key-encryption key, re-wraps every record's data key with it in batches
 * (each its own transaction, so an interruption leaves every row readable under one of the keys),
 * then retires the keys no row uses any more. Field ciphertexts do not change, only the wrapping.
 */
export async function rotateKeys(
  db: Kysely<DB>,
  envelope: Envelope,
  onProgress?: (table: string, done: number, total: number) => void,
) {
  const next = envelope.keyring.addKey();
  let rewrapped = 0;
  for (const table of KEYED_TABLES) {
    const { rows } = await inScope(db, SYSTEM, (trx) =>
      sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE data_key NOT LIKE ${`${next}.%`}`.execute(trx),
    );
    const total = rows[0]?.n ?? 0;
    let done = 0;
    for (;;) {
      const batch = await inScope(db, SYSTEM, async (trx) => {
        const pending = await trx
          .selectFrom(table)
          .select(['id', 'data_key'])
          .where('data_key', 'not like', `${next}.%`)
          .limit(500)
          .execute();
        for (const row of pending) {
          await trx
            .updateTable(table)
            .set({ data_key: envelope.rewrap(row.data_key, table, row.id) })
            .where('id', '=', row.id)
            .execute();
        }
        return pending.length;
      });
      if (batch === 0) break;
      done += batch;
      onProgress?.(table, done, total);
    }
    rewrapped += done;
  }
  const stillUsed = new Set<string>();
  for (const table of KEYED_TABLES) {
    const { rows } = await inScope(db, SYSTEM, (trx) =>
      sql<{ kek: string }>`SELECT DISTINCT split_part(data_key, '.', 1) AS kek FROM ${sql.table(table)}`.execute(trx),
    );
    for (const row of rows) stillUsed.add(row.kek);
  }
  const retired = envelope.keyring.ids.filter((id) => id !== envelope.keyring.activeId && !stillUsed.has(id));
  for (const id of retired) envelope.keyring.retire(id);
  return { active: next, rewrapped, retired, kept: envelope.keyring.ids };
}
