import type { Executor } from '../../db/client';

/** Every query here runs in the system scope: row-level security hides `job` from every user. */

export function enqueue(
  db: Executor,
  row: { kind: string; runKey: string; payload: Record<string, unknown>; notBefore: Date; now: Date },
) {
  return db
    .insertInto('job')
    .values({
      kind: row.kind,
      run_key: row.runKey,
      payload: JSON.stringify(row.payload),
      not_before: row.notBefore,
      created_at: row.now,
    })
    .onConflict((oc) => oc.columns(['kind', 'run_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
}

/**
 * Claims the next due job of one of `kinds`: the oldest `not_before` first. `SKIP LOCKED` lets
 * several runners claim at once without waiting for, or taking, each other's job. The claim is
 * committed on its own, so the job reads `running` while its handler works.
 */
export function claimNext(db: Executor, input: { kinds: readonly string[]; worker: string; now: Date }) {
  return db
    .updateTable('job')
    .set((eb) => ({
      status: 'running' as const,
      attempts: eb('attempts', '+', 1),
      claimed_at: input.now,
      claimed_by: input.worker,
    }))
    .where('id', '=', (eb) =>
      eb
        .selectFrom('job')
        .select('id')
        .where('status', '=', 'queued')
        .where('not_before', '<=', input.now)
        .where('kind', 'in', [...input.kinds])
        .orderBy('not_before')
        .orderBy('created_at')
        .limit(1)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .executeTakeFirst();
}

/** The claim a runner holds: a job is finished only by the runner whose claim is still current. */
interface Claim {
  id: string;
  worker: string;
  attempts: number;
}

function current(claim: Claim) {
  return (db: Executor) =>
    db
      .updateTable('job')
      .where('id', '=', claim.id)
      .where('status', '=', 'running')
      .where('claimed_by', '=', claim.worker)
      .where('attempts', '=', claim.attempts);
}

export async function markDone(db: Executor, claim: Claim, now: Date): Promise<boolean> {
  const result = await current(claim)(db).set({ status: 'done', finished_at: now }).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Back to the queue after `notBefore`, or `failed` for good; false when the claim was lost. */
export async function markFailed(
  db: Executor,
  claim: Claim,
  input: { error: string; retryAt: Date | null; now: Date },
): Promise<boolean> {
  const changes = input.retryAt
    ? { status: 'queued' as const, not_before: input.retryAt, last_error: input.error }
    : { status: 'failed' as const, finished_at: input.now, last_error: input.error };
  const result = await current(claim)(db).set(changes).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Jobs left `running` since before `claimedBefore` (their process died, or lost its database):
 * queued again, or failed when they have used every attempt. Returns how many of each.
 */
export async function reclaimStuck(
  db: Executor,
  input: { claimedBefore: Date; maxAttempts: number; error: string; now: Date },
): Promise<{ requeued: number; failed: number }> {
  const failed = await db
    .updateTable('job')
    .where('status', '=', 'running')
    .where('claimed_at', '<', input.claimedBefore)
    .where('attempts', '>=', input.maxAttempts)
    .set({ status: 'failed', finished_at: input.now, last_error: input.error })
    .executeTakeFirst();
  const requeued = await db
    .updateTable('job')
    .where('status', '=', 'running')
    .where('claimed_at', '<', input.claimedBefore)
    .set({ status: 'queued', not_before: input.now, last_error: input.error })
    .executeTakeFirst();
  return { requeued: Number(requeued.numUpdatedRows), failed: Number(failed.numUpdatedRows) };
}

export function find(db: Executor, kind: string, runKey: string) {
  return db.selectFrom('job').selectAll().where('kind', '=', kind).where('run_key', '=', runKey).executeTakeFirst();
}
