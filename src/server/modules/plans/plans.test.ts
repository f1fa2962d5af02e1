import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Browser,
  call,
  firstLogin,
  login,
  makeUser,
  NEW_PASSWORD,
  sendFile,
  TestClock,
} from '../../../../tests/support/auth';
import { pdf } from '../../../../tests/support/pdf';
import { auditCount, createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { inScope } from '../../platform/db-scope';
import { enqueueDailyJobs, runDueJobs } from '../jobs/jobs.service';
import '../jobs/handlers';

/**
 * Plans through the API (issue #6), on the real database: a provincial Action Month plan with
 * tasks for provincial agencies and for every commune, progress reports by the assignees, review
 * by the following agency, the compliance board, reminders, copy to the next year, implementing
 * plans, and the import of a document. Refusals write nothing. Fake names only.
 */
const clock = new TestClock(new Date('2026-06-10T03:00:00Z'));
let t: TestApp;
type Officer = Browser & { username: string; secret: string; id: string };
const officers: Record<string, Officer> = {};
const silent = { info: () => {}, warn: () => {}, error: () => {} };

async function addOfficer(key: string, spec: { unit: string; agency: string; role: string }) {
  const username = `pl.${key.toLowerCase()}`;
  const { id, password } = await makeUser(t, {
    username,
    unitCode: spec.unit,
    agencyCode: spec.agency,
    roles: [spec.role as 'commune_officer'],
  });
  officers[key] = { ...(await firstLogin(t, clock, username, password)), username, id };
}
const as = (key: string) => {
  const officer = officers[key];
  if (!officer) throw new Error(key);
  return officer;
};
async function loginAgain() {
  for (const [key, officer] of Object.entries(officers))
    officers[key] = { ...officer, ...(await login(t, clock, officer.username, NEW_PASSWORD, officer.secret)) };
}
const count = async (table: string) =>
  Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(t.database.db)).rows[0]?.n);

const actionMonth = {
  number: '99/KH-UBND',
  issuedOn: '2026-05-20',
  issuer: 'Ủy ban nhân dân tỉnh Thử Nghiệm',
  title: 'Kế hoạch thực hiện Tháng hành động phòng, chống ma túy năm 2026',
  type: 'action_month',
  periodFrom: '2026-06-01',
  periodTo: '2026-06-30',
  theme: 'Chủ đề thử nghiệm',
  references: ['1234/VPCP-KGVX'],
  milestones: [{ on: '2026-06-26', label: 'Ngày toàn dân phòng, chống ma túy (26/6)' }],
  deadlines: [{ what: 'Báo cáo kết quả Tháng hành động', to: 'Công an tỉnh', by: '2026-07-05' }],
  objectives: [
    { text: '100% xã tổ chức tuyên truyền', targetValue: 100, unit: 'percent', comparison: 'gte' },
    { text: 'Không để hình thành điểm, tụ điểm phức tạp mới', targetValue: 0, unit: 'count', comparison: 'eq' },
  ],
  tasks: [
    { assigneeName: 'Công an tỉnh', agencyCode: 'CA_TINH', unitCode: '01', content: 'Chủ trì, theo dõi, tổng hợp.' },
    { assigneeName: 'Sở Y tế', agencyCode: 'SO_Y_TE', unitCode: '01', content: 'Điều trị methadone.', dueOn: '2026-06-30' },
    { assigneeName: 'UBND các xã, phường', agencyCode: 'UBND_XA', unitCode: '01', content: 'Tổ chức mít tinh.' },
  ],
};

let planId = '';
let tasks: { id: string; position: number; version: number; everyCommune: boolean }[] = [];

beforeAll(async () => {
  t = await createTestApp({ clock: clock.read });
  await addOfficer('pc04', { unit: '01', agency: 'PC04', role: 'provincial_officer' });
  await addOfficer('health', { unit: '01', agency: 'SO_Y_TE', role: 'provincial_officer' });
  await addOfficer('education', { unit: '01', agency: 'SO_GD_DT', role: 'provincial_officer' });
  await addOfficer('chair', { unit: '00004', agency: 'UBND_XA', role: 'commune_officer' });
  await addOfficer('police', { unit: '00004', agency: 'CA_XA', role: 'commune_officer' });
  await addOfficer('court', { unit: '01', agency: 'TOA_AN', role: 'provincial_officer' });
}, 180_000);
afterAll(() => t.close());

const board = async (key = 'pc04') => {
  const response = await call(t.app, as(key), 'GET', `/api/plans/${planId}/compliance`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as {
    totals: Record<string, number>;
    rows: { taskPosition: number; unitCode: string; deadline: string; state: string; reportId: string | null }[];
  };
};

describe('a provincial Action Month plan', () => {
  it('refuses a task due after the plan ends with a field error, and writes nothing', async () => {
    const before = [await count('plan'), await count('plan_task')];
    const bad = { ...actionMonth, tasks: [{ ...actionMonth.tasks[1], dueOn: '2026-07-15' }] };
    const response = await call(t.app, as('pc04'), 'POST', '/api/plans', bad);
    expect(response.statusCode).toBe(400);
    expect(response.json().issues[0].path).toEqual(['body', 'tasks', 0, 'dueOn']);
    expect(response.json().issues[0].message).toContain('30/06/2026');
    expect([await count('plan'), await count('plan_task')]).toEqual(before);
    const reversed = await call(t.app, as('pc04'), 'POST', '/api/plans', { ...actionMonth, periodFrom: '2026-07-01' });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().issues[0].path).toEqual(['body', 'periodTo']);
    const unknownUnit = await call(t.app, as('pc04'), 'POST', '/api/plans', {
      ...actionMonth,
      tasks: [{ ...actionMonth.tasks[0], unitCode: '00004' }],
    });
    expect(unknownUnit.statusCode).toBe(400);
    expect(unknownUnit.json().issues[0].path).toEqual(['body', 'tasks', 0, 'unitCode']);
  });

  it('is created as a draft the communes cannot see, then issued', async () => {
    const created = await call(t.app, as('pc04'), 'POST', '/api/plans', actionMonth);
    expect(created.statusCode, created.body).toBe(201);
    const plan = created.json();
    planId = plan.id;
    tasks = plan.tasks;
    expect(plan.status).toBe('draft');
    expect(plan.references).toEqual(['1234/VPCP-KGVX']);
    expect(plan.tasks.map((x: { everyCommune: boolean }) => x.everyCommune)).toEqual([false, false, true]);
    expect(plan.canEdit).toBe(true);
    expect(plan.canReview).toBe(true);
    expect(await auditCount(t, 'plan.create', planId)).toBe(1);

    expect((await call(t.app, as('chair'), 'GET', `/api/plans/${planId}`)).statusCode).toBe(404);
    const list = await call(t.app, as('chair'), 'GET', '/api/plans');
    expect(list.json().items.map((p: { id: string }) => p.id)).not.toContain(planId);
    expect((await call(t.app, as('court'), 'GET', '/api/plans')).statusCode).toBe(403);
    // The Department of Education may read plans but not change the police's.
    const edit = await call(t.app, as('education'), 'PATCH', `/api/plans/${planId}`, { version: 1, title: 'Sửa trái phép' });
    expect(edit.statusCode).toBe(403);

    const early = await call(t.app, as('health'), 'POST', `/api/plan-tasks/${tasks[1]?.id}/reports`, {
      periodFrom: '2026-06-01',
      periodTo: '2026-06-09',
      narrative: 'Chưa ban hành',
    });
    expect([early.statusCode, early.json().code]).toEqual([409, 'PLAN_NOT_ISSUED']);

    const issued = await call(t.app, as('pc04'), 'POST', `/api/plans/${planId}/status`, { version: 1, status: 'issued' });
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.json().status).toBe('issued');
    const again = await call(t.app, as('pc04'), 'POST', `/api/plans/${planId}/status`, { version: 2, status: 'issued' });
    expect(again.statusCode).toBe(409);
    const seen = await call(t.app, as('chair'), 'GET', `/api/plans/${planId}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().canEdit).toBe(false);
    expect(seen.json().tasks.map((x: { canReport: boolean }) => x.canReport)).toEqual([false, false, true]);
    const search = await call(t.app, as('chair'), 'GET', '/api/plans?q=thang hanh dong&year=2026');
    expect(search.json().items.map((p: { id: string }) => p.id)).toEqual([planId]);
    // Accent-free, đ folded to d, any field: the number, and words of the issuer.
    const byNumber = await call(t.app, as('chair'), 'GET', `/api/plans?q=${encodeURIComponent('99/kh-ubnd thu nghiem')}`);
    expect(byNumber.json().items.map((p: { id: string }) => p.id)).toEqual([planId]);
    expect((await call(t.app, as('chair'), 'GET', '/api/plans?q=phong chong ma tuy 2027')).json().items).toEqual([]);
  });

  it('starts with every cell pending: one per provincial task and one per commune', async () => {
    const communes = Number(
      (
        await sql<{ n: number }>`SELECT count(*)::int AS n FROM admin_unit WHERE level = 'commune' AND path LIKE '01.%'
          AND (valid_from IS NULL OR valid_from <= '2026-06-10') AND (valid_to IS NULL OR valid_to >= '2026-06-10')`.execute(
          t.database.db,
        )
      ).rows[0]?.n,
    );
    expect(communes).toBeGreaterThan(1);
    const { totals, rows } = await board();
    expect(rows).toHaveLength(2 + communes);
    expect(totals.pending).toBe(2 + communes);
    expect(rows.every((r) => r.deadline === '2026-07-05')).toBe(true);
  });

  it('takes a report from the assignee only, with field errors for the period', async () => {
    const url = `/api/plan-tasks/${tasks[1]?.id}/reports`;
    const before = await count('plan_report');
    const tooEarly = await call(t.app, as('health'), 'POST', url, {
      periodFrom: '2026-05-25',
      periodTo: '2026-06-09',
      narrative: 'Báo cáo thử',
    });
    expect(tooEarly.statusCode).toBe(400);
    expect(tooEarly.json().issues[0].path).toEqual(['body', 'periodFrom']);
    expect(tooEarly.json().issues[0].message).toContain('01/06/2026');
    const future = await call(t.app, as('health'), 'POST', url, {
      periodFrom: '2026-06-01',
      periodTo: '2026-06-20',
      narrative: 'x',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().issues[0].path).toEqual(['body', 'periodTo']);
    const wrongDeadline = await call(t.app, as('health'), 'POST', url, {
      periodFrom: '2026-06-01',
      periodTo: '2026-06-09',
      narrative: 'x',
      deadline: '2026-06-15',
    });
    expect(wrongDeadline.statusCode).toBe(400);
    const notTheirs = await call(t.app, as('education'), 'POST', url, {
      periodFrom: '2026-06-01',
      periodTo: '2026-06-09',
      narrative: 'x',
    });
    expect(notTheirs.statusCode).toBe(403);
    expect(await count('plan_report')).toBe(before);

    const ok = await call(t.app, as('health'), 'POST', url, {
      periodFrom: '2026-06-01',
      periodTo: '2026-06-09',
      deadline: '2026-07-05',
      narrative: 'Đã điều trị methadone cho bệnh nhân mới.',
      figures: [{ label: 'Bệnh nhân mới', value: 12, unit: 'người' }],
      progress: 'in_progress',
      attachments: [{ fileName: 'minh-chung.pdf', contentBase64: Buffer.from('%PDF-1.4 minh chứng').toString('base64') }],
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().late).toBe(false);
    expect(ok.json().attachments).toEqual([
      expect.objectContaining({ fileName: 'minh-chung.pdf', mediaType: 'application/pdf' }),
    ]);
    const chairReport = await call(t.app, as('chair'), 'POST', `/api/plan-tasks/${tasks[2]?.id}/reports`, {
      periodFrom: '2026-06-01',
      periodTo: '2026-06-10',
      narrative: 'Đã tổ chức mít tinh tại xã.',
      progress: 'done',
    });
    expect(chairReport.statusCode, chairReport.body).toBe(201);
    expect(chairReport.json().unitCode).toBe('00004');
    // One commune does not finish a task given to every commune.
    const statusByCommune = await call(t.app, as('chair'), 'PATCH', `/api/plan-tasks/${tasks[2]?.id}`, {
      version: 1,
      status: 'done',
    });
    expect(statusByCommune.statusCode).toBe(403);
    // The commune police are not the People's Committee: not their task.
    const police = await call(t.app, as('police'), 'POST', `/api/plan-tasks/${tasks[2]?.id}/reports`, {
      periodFrom: '2026-06-01',
      periodTo: '2026-06-10',
      narrative: 'x',
    });
    expect(police.statusCode).toBe(403);

    const { totals, rows } = await board();
    expect(totals.on_time).toBe(2);
    expect(rows.find((r) => r.taskPosition === 3 && r.unitCode === '00004')?.state).toBe('on_time');
    // The same board as an xlsx table for the meeting.
    const file = await call(t.app, as('health'), 'GET', `/api/plans/${planId}/compliance.xlsx`);
    expect(file.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Theo dõi báo cáo');
    expect(sheet?.getCell('A1').value).toBe('99/KH-UBND — Kế hoạch thực hiện Tháng hành động phòng, chống ma túy năm 2026');
    expect(sheet?.rowCount).toBe(5 + rows.length);
    expect(sheet?.getRow(7).values).toEqual([
      undefined,
      2,
      '2. Sở Y tế',
      'Sở Y tế',
      'Thành phố Hà Nội',
      '05/07/2026',
      'Đúng hạn',
      '10/06/2026',
      'Chờ xem xét',
    ]);
    expect(await auditCount(t, 'plan.compliance.export', planId)).toBe(1);
    const plan = (await call(t.app, as('pc04'), 'GET', `/api/plans/${planId}`)).json();
    expect(plan.tasks[1].status).toBe('in_progress');
    expect(plan.tasks[2].status).toBe('not_started');
    expect(plan.tasks[1].reportCount).toBe(1);
  });

  it('lets the following agency return a report with a comment, and the board shows it', async () => {
    const reports = await call(t.app, as('pc04'), 'GET', `/api/plan-tasks/${tasks[1]?.id}/reports`);
    const report = reports.json().items[0];
    const noComment = await call(t.app, as('pc04'), 'POST', `/api/plan-reports/${report.id}/review`, {
      version: report.version,
      decision: 'return',
    });
    expect(noComment.statusCode).toBe(400);
    expect(noComment.json().issues[0].path).toEqual(['body', 'comment']);
    const byAssignee = await call(t.app, as('health'), 'POST', `/api/plan-reports/${report.id}/review`, {
      version: report.version,
      decision: 'accept',
    });
    expect(byAssignee.statusCode).toBe(403);
    const returned = await call(t.app, as('pc04'), 'POST', `/api/plan-reports/${report.id}/review`, {
      version: report.version,
      decision: 'return',
      comment: 'Bổ sung số liệu theo từng cơ sở.',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json().status).toBe('returned');
    expect(await auditCount(t, 'plan.report.review', report.id)).toBe(1);
    const twice = await call(t.app, as('pc04'), 'POST', `/api/plan-reports/${report.id}/review`, {
      version: returned.json().version,
      decision: 'accept',
    });
    expect(twice.statusCode).toBe(409);
    const { totals } = await board('health');
    expect(totals.returned).toBe(1);
    expect(totals.on_time).toBe(1);
  });

  it('records an achieved value by hand and says whether the target is met', async () => {
    const plan = (await call(t.app, as('pc04'), 'GET', `/api/plans/${planId}`)).json();
    const unknown = await call(t.app, as('pc04'), 'PATCH', `/api/plans/${planId}`, {
      version: plan.version,
      followingAgencyCode: 'KHONG_CO',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().issues[0].path).toEqual(['body', 'followingAgencyCode']);
    const [coverage, hotspots] = plan.objectives;
    const a = await call(t.app, as('pc04'), 'PATCH', `/api/plan-objectives/${coverage.id}`, { version: 1, achievedValue: 96.5 });
    expect(a.statusCode, a.body).toBe(200);
    expect(a.json().met).toBe(false);
    const b = await call(t.app, as('pc04'), 'PATCH', `/api/plan-objectives/${hotspots.id}`, { version: 1, achievedValue: 0 });
    expect(b.json().met).toBe(true);
    expect(b.json().achievedOn).toBe('2026-06-10');
  });

  it('reminds before the deadline and reports the missing ones after it, once', async () => {
    const titles = async (userId: string) =>
      (
        await sql<{ title: string; kind: string }>`SELECT title, kind FROM notification WHERE user_id = ${userId}
        AND kind LIKE 'plan.%' ORDER BY kind`.execute(t.database.db)
      ).rows;
    const leadDays = (days: number) =>
      inScope(t.database.db, { kind: 'system', reason: 'test' }, (trx) =>
        trx
          .updateTable('app_setting')
          .set({ value: JSON.stringify({ days }) })
          .where('key', '=', 'plan.reminder_days')
          .execute(),
      );
    // With a 1-day lead (the setting), 2 July is too early to remind of 5 July.
    await leadDays(1);
    clock.now = new Date('2026-07-02T01:00:00Z');
    await enqueueDailyJobs({ db: t.database.db, clock: clock.read }, '2026-07-02');
    await runDueJobs({ db: t.database.db, clock: clock.read, logger: silent, envelope: t.app.deps.envelope });
    expect(await titles(as('health').id)).toEqual([]);
    await leadDays(3);
    clock.now = new Date('2026-07-03T01:00:00Z');
    await enqueueDailyJobs({ db: t.database.db, clock: clock.read }, '2026-07-03');
    await runDueJobs({ db: t.database.db, clock: clock.read, logger: silent, envelope: t.app.deps.envelope });
    // The health department was returned; the commune reported on time; the police have nothing.
    expect(await titles(as('health').id)).toEqual([{ kind: 'plan.report_due', title: 'Sắp đến hạn báo cáo (hạn 05/07/2026)' }]);
    expect(await titles(as('chair').id)).toEqual([]);
    expect((await titles(as('pc04').id)).map((n) => n.kind)).toEqual(['plan.report_due']);

    clock.now = new Date('2026-07-06T01:00:00Z');
    for (const day of ['2026-07-06', '2026-07-07']) {
      await enqueueDailyJobs({ db: t.database.db, clock: clock.read }, day);
      await runDueJobs({ db: t.database.db, clock: clock.read, logger: silent, envelope: t.app.deps.envelope });
    }
    const missing = (await titles(as('health').id)).filter((n) => n.kind === 'plan.report_missing');
    expect(missing).toEqual([{ kind: 'plan.report_missing', title: 'Chưa báo cáo, đã quá hạn 05/07/2026' }]);
    // The following agency hears once per deadline, with the count; the provincial police also owe task 1.
    const pc04 = await titles(as('pc04').id);
    await loginAgain();
    const { totals } = await board();
    expect(pc04.filter((n) => n.kind === 'plan.report_missing')).toHaveLength(1);
    // "Việc cần làm" lists the same: what each unit owes, and what the provincial police must review.
    const queue = async (key: string) =>
      ((await call(t.app, as(key), 'GET', '/api/work-queue')).json().items as { kind: string }[]).filter((i) =>
        i.kind.startsWith('plan_'),
      );
    expect(await queue('health')).toEqual([
      expect.objectContaining({
        kind: 'plan_report',
        planId,
        taskPosition: 2,
        state: 'returned',
        dueDate: '2026-07-05',
        overdue: true,
      }),
    ]);
    // Oldest first: the commune's report waiting since 10/06, then the police's own missing one.
    expect(await queue('pc04')).toEqual([
      expect.objectContaining({ kind: 'plan_review', taskPosition: 3, unit: { code: '00004', fullName: 'Phường Ba Đình' } }),
      expect.objectContaining({ kind: 'plan_report', taskPosition: 1, state: 'missing', overdue: true }),
    ]);
    expect(await queue('chair')).toEqual([]);
    expect(await queue('court')).toEqual([]);
    expect(pc04.filter((n) => n.kind === 'plan.reports_missing')).toEqual([
      {
        kind: 'plan.reports_missing',
        title: `${(totals.missing ?? 0) + (totals.returned ?? 0)} báo cáo chưa đạt, đã quá hạn 05/07/2026`,
      },
    ]);
  });

  it('copies to next year with every date moved, as a new draft', async () => {
    const copied = await call(t.app, as('pc04'), 'POST', `/api/plans/${planId}/copy`, { year: 2027 });
    expect(copied.statusCode, copied.body).toBe(201);
    const copy = copied.json();
    expect(copy).toMatchObject({
      status: 'draft',
      number: null,
      periodFrom: '2027-06-01',
      periodTo: '2027-06-30',
      title: 'Kế hoạch thực hiện Tháng hành động phòng, chống ma túy năm 2027',
      milestones: [{ on: '2027-06-26', label: 'Ngày toàn dân phòng, chống ma túy (26/6)' }],
      deadlines: [{ what: 'Báo cáo kết quả Tháng hành động', to: 'Công an tỉnh', by: '2027-07-05' }],
    });
    expect(copy.tasks.map((x: { dueOn: string | null; status: string }) => [x.dueOn, x.status])).toEqual([
      [null, 'not_started'],
      ['2027-06-30', 'not_started'],
      [null, 'not_started'],
    ]);
    expect(copy.objectives.map((o: { achievedValue: number | null }) => o.achievedValue)).toEqual([null, null]);
  });

  it("links a commune's implementing plan to the provincial task it carries out", async () => {
    const body = {
      title: 'Kế hoạch triển khai Tháng hành động tại xã',
      type: 'action_month',
      periodFrom: '2026-06-05',
      periodTo: '2026-06-30',
      followingAgencyCode: 'UBND_XA',
      parentTaskId: tasks[2]?.id,
      tasks: [{ assigneeName: 'Công an xã', agencyCode: 'CA_XA', unitCode: '00004', content: 'Rà soát người nghiện.' }],
    };
    const wrong = await call(t.app, as('police'), 'POST', '/api/plans', body);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().issues[0].path).toEqual(['body', 'parentTaskId']);
    const created = await call(t.app, as('chair'), 'POST', '/api/plans', body);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().parentPlanId).toBe(planId);
    const parent = (await call(t.app, as('pc04'), 'GET', `/api/plans/${planId}`)).json();
    expect(parent.tasks[2].implementingPlans).toEqual([
      expect.objectContaining({ id: created.json().id, tasksDone: 0, tasksTotal: 1 }),
    ]);
    const listed = (await call(t.app, as('chair'), 'GET', '/api/plans')).json().items;
    expect(listed.find((p: { id: string }) => p.id === created.json().id)?.parentPlanId).toBe(planId);
  });
});

describe('importing a plan document', () => {
  const text = [
    'ỦY BAN NHÂN DÂN TỈNH THỬ NGHIỆM',
    'Số: 77/KH-UBND',
    'Thử Nghiệm, ngày 20 tháng 5 năm 2026',
    'KẾ HOẠCH',
    'Thực hiện Tháng hành động phòng, chống ma túy năm 2026',
    'Thực hiện Công văn số 5555/VPCP-KGVX của Văn phòng Chính phủ,',
    'I. MỤC ĐÍCH, YÊU CẦU',
    '1. 100% xã, phường tổ chức tuyên truyền.',
    'II. NỘI DUNG VÀ PHÂN CÔNG NHIỆM VỤ',
    '1. Công an tỉnh',
    '- Chủ trì, theo dõi, đôn đốc.',
    '2. Sở Y tế',
    '- Điều trị methadone.',
    'III. TỔ CHỨC THỰC HIỆN',
    'Các cơ quan gửi báo cáo về Công an tỉnh trước ngày 05/7/2026.',
  ].join('\n');

  it('reads a .txt into a draft with highlights, saving nothing', async () => {
    const before = await count('plan');
    const response = await sendFile(
      t.app,
      as('pc04'),
      '/api/plan-imports?fileName=ke-hoach.txt',
      Buffer.from(text),
      'text/plain',
    );
    expect(response.statusCode, response.body).toBe(200);
    const preview = response.json();
    expect(preview.parsed.number).toBe('77/KH-UBND');
    expect(preview.parsed.references).toContain('5555/VPCP-KGVX');
    expect(preview.parsed.agencies.map((a: { name: string }) => a.name)).toEqual(['Công an tỉnh', 'Sở Y tế']);
    const number = preview.highlights.find((h: { field: string }) => h.field === 'number');
    expect(preview.text.slice(number.start, number.end)).toContain('77/KH-UBND');
    expect(await count('plan')).toBe(before);
  });

  it('refuses a scanned PDF, an unknown file and a file over the limit', async () => {
    // A scan: a well-formed PDF whose page holds only drawings, no text layer.
    const scan = await pdf((doc) => doc.rect(60, 60, 400, 600).fill('#777777'));
    const scanned = await sendFile(t.app, as('pc04'), '/api/plan-imports?fileName=scan.pdf', scan, 'application/pdf');
    expect([scanned.statusCode, scanned.json().code]).toEqual([400, 'PLAN_DOCUMENT_NO_TEXT']);
    const broken = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF');
    const corrupt = await sendFile(t.app, as('pc04'), '/api/plan-imports?fileName=hong.pdf', broken, 'application/pdf');
    expect([corrupt.statusCode, corrupt.json().code]).toEqual([400, 'PLAN_DOCUMENT_TYPE']);
    const binary = await sendFile(
      t.app,
      as('pc04'),
      '/api/plan-imports?fileName=x.bin',
      Buffer.from([0, 159, 146, 150, 255]),
      'application/octet-stream',
    );
    expect(binary.statusCode).toBe(400);
    expect(binary.json().code).toBe('PLAN_DOCUMENT_TYPE');
    const big = Buffer.alloc(t.app.deps.config.importBodyLimitBytes + 10, 'a');
    const tooBig = await sendFile(t.app, as('pc04'), '/api/plan-imports?fileName=big.txt', big, 'text/plain');
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().code).toBe('PLAN_DOCUMENT_TOO_LARGE');
    expect(
      (await sendFile(t.app, as('court'), '/api/plan-imports?fileName=a.txt', Buffer.from(text), 'text/plain')).statusCode,
    ).toBe(403);
  });

  it('keeps the original document with the confirmed plan', async () => {
    const created = await call(t.app, as('pc04'), 'POST', '/api/plans', {
      ...actionMonth,
      number: '77/KH-UBND',
      source: { fileName: 'kế hoạch 77.txt', contentBase64: Buffer.from(text).toString('base64') },
    });
    expect(created.statusCode, created.body).toBe(201);
    const plan = created.json();
    expect(plan.documents).toHaveLength(1);
    expect(plan.sourceText).toContain('Số: 77/KH-UBND');
    const file = await call(t.app, as('pc04'), 'GET', `/api/plan-documents/${plan.documents[0].id}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.toString('utf8')).toBe(text);
    expect(await auditCount(t, 'plan.document.read', plan.documents[0].id)).toBe(1);
    expect((await call(t.app, as('chair'), 'GET', `/api/plan-documents/${plan.documents[0].id}`)).statusCode).toBe(404);
  });
});
