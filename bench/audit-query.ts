import { listAuditEvents } from '../src/server/modules/audit/audit.service';
import { type ChainedEvent, chainHash, GENESIS_HASH } from '../src/server/platform/audit';
import { openBenchDatabase } from './bench-db';

/**
 * "Who accessed this person's record, when, from which unit" on a 100,000-event audit log
 * (issue 3: within 5 s, for a 72-hour breach report). Seeds a valid hash chain in bulk, then times
 * the auditor's search through the service (row-level security and the audit of the search
 * included) next to the bare SQL query (the floor).
 * Usage: npm run bench:audit [-- postgres://…/db]   (no URL: embedded PGlite in memory)
 */
const url = process.argv[2];
const EVENTS = 100_000;
const { db, close } = await openBenchDatabase(url);

const target = '11111111-2222-4333-8444-555555555555';
let prev = GENESIS_HASH;
const started = performance.now();
for (let batch = 0; batch < EVENTS / 1000; batch++) {
  const rows = [];
  for (let i = 0; i < 1000; i++) {
    const seq = batch * 1000 + i + 1;
    const event: ChainedEvent = {
      seq,
      id: crypto.randomUUID(),
      occurredAt: new Date(Date.UTC(2026, 0, 1) + seq * 60_000).toISOString(),
      actorUserId: null,
      actorUsername: `officer${seq % 500}`,
      actorRoles: ['commune_officer'],
      actorUnitPath: `01.${String(seq % 126).padStart(5, '0')}`,
      actorAgency: 'CA_XA',
      action: 'person.read',
      recordKind: 'person',
      // One person in a thousand events is the one asked about.
      recordId: seq % 1000 === 7 ? target : crypto.randomUUID(),
      purpose: null,
      requestId: null,
      ip: null,
      outcome: 'success',
      details: {},
    };
    const hash = chainHash(prev, event);
    rows.push({
      seq: String(seq),
      id: event.id,
      occurred_at: event.occurredAt,
      actor_user_id: null,
      actor_username: event.actorUsername,
      actor_roles: event.actorRoles,
      actor_unit_path: event.actorUnitPath,
      actor_agency: event.actorAgency,
      action: event.action,
      record_kind: event.recordKind,
      record_id: event.recordId,
      purpose: null,
      request_id: null,
      ip: null,
      outcome: event.outcome,
      details: '{}',
      prev_hash: prev,
      hash,
    });
    prev = hash;
  }
  await db.insertInto('audit_event').values(rows).execute();
}
await db
  .updateTable('audit_head')
  .set({ seq: String(EVENTS), hash: prev })
  .execute();
const seeded = performance.now() - started;

const auditor = {
  userId: '99999999-9999-4999-8999-999999999999',
  username: 'bench.auditor',
  displayName: 'Bench',
  roles: ['auditor' as const],
  unitId: target,
  unitPath: '01',
  agencyCode: 'CA_TINH',
  agencyKind: 'police' as const,
  agencyLevel: 'province' as const,
  via: 'session' as const,
  sessionId: null,
  stepUpAt: null,
  facilityId: null,
};
const times: number[] = [];
const floor: number[] = [];
let found = 0;
for (let i = 0; i < 5; i++) {
  let t0 = performance.now();
  const page = await listAuditEvents(
    { db, clock: () => new Date(), locale: 'vi', actor: auditor },
    { recordKind: 'person', recordId: target, limit: 100 },
  );
  times.push(performance.now() - t0);
  found = page.items.length;
  t0 = performance.now();
  await db
    .selectFrom('audit_event')
    .selectAll()
    .where('record_kind', '=', 'person')
    .where('record_id', '=', target)
    .orderBy('seq', 'desc')
    .limit(101)
    .execute();
  floor.push(performance.now() - t0);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
console.log(
  `| ${url ? 'PostgreSQL' : 'PGlite'} | ${EVENTS} events seeded in ${(seeded / 1000).toFixed(1)} s | who-accessed search (service, RLS, audited): median ${median(times).toFixed(1)} ms, ${found} events found | floor (bare SQL): median ${median(floor).toFixed(1)} ms |`,
);
await close();
