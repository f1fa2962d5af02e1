import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { getCompliance } from '../src/server/modules/plans/plan-compliance.service';
import { createPlan, getPlanFor, setPlanStatus } from '../src/server/modules/plans/plans.service';
import { createUser } from '../src/server/modules/users/users.service';
import type { Actor } from '../src/server/platform/context';
import { inScope } from '../src/server/platform/db-scope';
import { openBenchDatabase } from './bench-db';

/**
 * The compliance board of a province-wide Action Month plan (issue 6), the largest a province
 * makes: 9 provincial tasks and 2 tasks given to every commune of Hà Nội (126 communes), each with
 * 3 report deadlines, so 783 cells, and 600 reports. Times the board and the plan page through the
 * service (row-level security, audit) next to the floor: the bare SQL reading the same tasks and
 * reports. Usage: npm run bench:plans [-- postgres://…/db]   (no URL: embedded PGlite in memory)
 */
const url = process.argv[2];
const { db, close } = await openBenchDatabase(url);

const clock = () => new Date('2026-07-20T03:00:00Z');
const created = await createUser(
  { db, clock, locale: 'vi' },
  { username: 'bench.pc04', displayName: 'Cán bộ thử PC04', unitCode: '01', agencyCode: 'PC04', roles: ['provincial_officer'] },
);
const actor: Actor = {
  userId: created.user.id,
  username: 'bench.pc04',
  displayName: 'Cán bộ thử PC04',
  roles: ['provincial_officer'],
  unitId: created.user.unit.id,
  unitPath: '01',
  agencyCode: 'PC04',
  agencyKind: 'police',
  agencyLevel: 'province',
  facilityId: null,
  via: 'session',
  sessionId: null,
  stepUpAt: null,
};
const ctx = { db, clock, locale: 'vi' as const, actor };
const deadlines = ['2026-06-15', '2026-07-05', '2026-12-15'];
const provincial = ['CA_TINH', 'SO_Y_TE', 'SO_GD_DT', 'SO_TT_TT', 'BDBP', 'DAI_PT_TH', 'SO_KHAC', 'UBND_TINH', 'SO_KHAC'];
const plan = await createPlan(
  ctx,
  {
    number: '1/KH-THU',
    issuedOn: '2026-05-20',
    issuer: 'UBND tỉnh',
    signer: null,
    title: 'Kế hoạch thử thực hiện Tháng hành động phòng, chống ma túy năm 2026',
    type: 'action_month',
    periodFrom: '2026-06-01',
    periodTo: '2026-06-30',
    theme: null,
    references: [],
    funding: null,
    followingAgencyCode: 'CA_TINH',
    milestones: [],
    deadlines: [],
    parentTaskId: null,
    objectives: [],
    source: null,
    tasks: [...provincial, 'UBND_XA', 'CA_XA'].map((agencyCode, i) => ({
      assigneeName: `Đơn vị thử ${i + 1}`,
      agencyCode,
      unitCode: '01',
      coLeads: [],
      content: 'Nội dung thử.',
      dueOn: null,
      reportDeadlines: deadlines,
    })),
  },
  10_000_000,
);
await setPlanStatus(ctx, plan.id, { version: 1, status: 'issued' });
const communes = (
  await sql<{
    path: string;
  }>`SELECT path FROM admin_unit WHERE level = 'commune' AND path LIKE '01.%' AND valid_to IS NULL`.execute(db)
).rows.map((r) => r.path);
const everyCommune = plan.tasks.filter((t) => t.everyCommune);
await inScope(db, { kind: 'system', reason: 'bench' }, async (trx) => {
  const rows = [];
  for (let i = 0; i < 600; i++) {
    const task = everyCommune[i % everyCommune.length];
    const unitPath = communes[i % communes.length];
    if (!task || !unitPath) continue;
    rows.push({
      id: randomUUID(),
      task_id: task.id,
      plan_id: plan.id,
      agency_code: task.agencyCode,
      unit_path: unitPath,
      period_from: '2026-06-01',
      period_to: '2026-06-10',
      deadline: deadlines[i % 2] ?? null,
      narrative: 'Báo cáo thử.',
      figures: '[]',
      submitted_at: new Date(Date.UTC(2026, 5, 1 + (i % 40))),
      submitted_by: actor.userId,
      submitted_by_name: 'Cán bộ thử',
    });
  }
  await trx.insertInto('plan_report').values(rows).execute();
});

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const time = async (work: () => Promise<unknown>) => {
  const samples: number[] = [];
  for (let i = 0; i < 11; i++) {
    const t0 = performance.now();
    await work();
    samples.push(performance.now() - t0);
  }
  return median(samples.slice(1));
};
let cells = 0;
const board = await time(async () => {
  cells = (await getCompliance(ctx, plan.id)).rows.length;
});
const page = await time(() => getPlanFor(ctx, plan.id));
const floor = await time(async () => {
  await db.selectFrom('plan_task').selectAll().where('plan_id', '=', plan.id).execute();
  await db.selectFrom('plan_report').selectAll().where('plan_id', '=', plan.id).execute();
});
console.log(
  `| ${url ? 'PostgreSQL' : 'PGlite'} | ${cells} cells, 600 reports | board (service): ${board.toFixed(1)} ms | plan page (service): ${page.toFixed(1)} ms | floor (bare SQL, tasks + reports): ${floor.toFixed(1)} ms |`,
);
await close();
