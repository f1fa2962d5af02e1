import { call } from '../support/auth';
import type { TestApp } from '../support/test-app';
import type { Person, World } from './fixtures';
import { coversPath } from './registry-moves';

/**
 * Matrix cells for plans (issue #6; authz-matrix.test.ts). Subjects: an issued plan of province 01
 * kept by the provincial drug police (its original document, a task for the health department with
 * one report, a task for every commune), a draft of theirs, and an issued plan of province 79.
 * Titles, task names, report texts and document bytes carry canaries. Version-bound changes get a
 * subject per allowed actor, so every allowed cell succeeds whatever the order.
 */
export interface PlanCell {
  actor: string;
  method: 'GET' | 'POST' | 'PATCH';
  url: string;
  payload?: unknown;
  allow: boolean;
  forbidden: string[];
  required?: string[];
  contentType?: string;
}

export interface PlanFixtures {
  plan01: string;
  draft01: string;
  plan79: string;
  healthTask: string;
  report: string;
  document01: string;
  document79: string;
  /** Per allowed editor: a draft to change or issue, an objective and a task to change. */
  draftFor: Record<string, string>;
  objectiveFor: Record<string, string>;
  taskFor: Record<string, string>;
}

export const PLAN_CANARY = {
  plan01: 'CANARY-KE-HOACH-01',
  draft01: 'CANARY-KE-HOACH-NHAP-01',
  plan79: 'CANARY-KE-HOACH-79',
  task79: 'CANARY-NHIEM-VU-79',
  report01: 'CANARY-BAO-CAO-01',
  document01: 'CANARY-VAN-BAN-01',
  document79: 'CANARY-VAN-BAN-79',
};

const reads = (p: Person) => !p.roles.some((r) => ['system_admin', 'auditor', 'statistics_viewer'].includes(r));
const provinceOf = (p: Person) => p.unitPath.split('.')[0] ?? '';
/** Issued plans: every plan reader of the province; drafts: those whose area covers the owner. */
const seesIssued = (p: Person, province: string) => reads(p) && provinceOf(p) === province;
const seesDraft = (p: Person, owner: string) => reads(p) && coversPath(p, owner);
/** The provincial police's plans are changed by them and by the provincial lead (People's Committee). */
const edits01 = (p: Person) => p.key === 'police01' || p.key === 'lead01';
const EDITORS = ['police01', 'lead01'];

function planBody(title: string, province: string, extra: Record<string, unknown> = {}) {
  return {
    title,
    type: 'action_month',
    periodFrom: '2026-06-01',
    periodTo: '2026-06-30',
    deadlines: [{ what: 'Báo cáo kết quả', to: 'Công an tỉnh', by: '2026-07-05' }],
    objectives: [{ text: '100% xã tuyên truyền', targetValue: 100, unit: 'percent', comparison: 'gte' }],
    tasks: [{ assigneeName: 'UBND các xã', agencyCode: 'UBND_XA', unitCode: province, content: 'Tổ chức mít tinh.' }],
    ...extra,
  };
}

export async function buildPlanFixtures(t: TestApp, w: World): Promise<PlanFixtures> {
  const person = (key: string) => {
    const p = w.people[key];
    if (!p) throw new Error(key);
    return p;
  };
  const create = async (key: string, body: unknown) => {
    const response = await call(t.app, person(key).browser, 'POST', '/api/plans', body);
    if (response.statusCode !== 201) throw new Error(`plan ${response.statusCode} ${response.body}`);
    return response.json() as {
      id: string;
      version: number;
      tasks: { id: string }[];
      objectives: { id: string }[];
      documents: { id: string }[];
    };
  };
  const issue = async (key: string, id: string) => {
    const response = await call(t.app, person(key).browser, 'POST', `/api/plans/${id}/status`, { version: 1, status: 'issued' });
    if (response.statusCode !== 200) throw new Error(`issue ${response.statusCode} ${response.body}`);
  };
  const source = (canary: string) => ({
    fileName: 'ke-hoach.txt',
    contentBase64: Buffer.from(`KẾ HOẠCH ${canary}`).toString('base64'),
  });

  const plan01 = await create(
    'police01',
    planBody(PLAN_CANARY.plan01, '01', {
      tasks: [
        { assigneeName: 'Sở Y tế', agencyCode: 'SO_Y_TE', unitCode: '01', content: 'Điều trị methadone.' },
        { assigneeName: 'UBND các xã', agencyCode: 'UBND_XA', unitCode: '01', content: 'Tổ chức mít tinh.' },
        ...EDITORS.map((key) => ({
          assigneeName: `Nhiệm vụ của ${key}`,
          agencyCode: 'CA_TINH',
          unitCode: '01',
          content: 'Theo dõi.',
        })),
        { assigneeName: 'Sở Y tế (tiến độ)', agencyCode: 'SO_Y_TE', unitCode: '01', content: 'Báo cáo tiến độ.' },
      ],
      objectives: EDITORS.map((key) => ({ text: `Chỉ tiêu của ${key}`, targetValue: 0, unit: 'count', comparison: 'eq' })),
      source: source(PLAN_CANARY.document01),
    }),
  );
  await issue('police01', plan01.id);
  const plan79 = await create(
    'lead79',
    planBody(PLAN_CANARY.plan79, '79', {
      tasks: [{ assigneeName: PLAN_CANARY.task79, agencyCode: 'UBND_XA', unitCode: '79', content: 'Tổ chức mít tinh.' }],
      source: source(PLAN_CANARY.document79),
    }),
  );
  await issue('lead79', plan79.id);
  const draft01 = await create('police01', planBody(PLAN_CANARY.draft01, '01'));
  const draftFor: Record<string, string> = {};
  for (const key of EDITORS) draftFor[key] = (await create('police01', planBody(`Bản nháp cho ${key}`, '01'))).id;

  const healthTask = plan01.tasks[0]?.id ?? '';
  const reported = await call(t.app, person('health01').browser, 'POST', `/api/plan-tasks/${healthTask}/reports`, {
    periodFrom: '2026-06-01',
    periodTo: '2026-06-10',
    narrative: `Kết quả ${PLAN_CANARY.report01}`,
  });
  if (reported.statusCode !== 201) throw new Error(`report ${reported.statusCode} ${reported.body}`);
  return {
    plan01: plan01.id,
    draft01: draft01.id,
    plan79: plan79.id,
    healthTask,
    report: reported.json().id,
    document01: plan01.documents[0]?.id ?? '',
    document79: plan79.documents[0]?.id ?? '',
    draftFor,
    objectiveFor: Object.fromEntries(EDITORS.map((key, i) => [key, plan01.objectives[i]?.id ?? ''])),
    taskFor: {
      ...Object.fromEntries(EDITORS.map((key, i) => [key, plan01.tasks[2 + i]?.id ?? ''])),
      health01: plan01.tasks[4]?.id ?? '',
    },
  };
}

export function planMatrix(world: () => World, fixtures: () => PlanFixtures): Record<string, () => PlanCell[]> {
  const everyone = () => Object.values(world().people);
  const f = fixtures;
  const cell = (p: Person, method: PlanCell['method'], url: string, allow: boolean, rest: Partial<PlanCell> = {}): PlanCell => ({
    actor: p.key,
    method,
    url,
    allow,
    forbidden: [],
    ...rest,
  });
  const foreign01 = [PLAN_CANARY.plan79, PLAN_CANARY.task79, PLAN_CANARY.document79];
  const forbiddenFor = (p: Person) => [
    ...(seesIssued(p, '79') ? [] : [PLAN_CANARY.plan79, PLAN_CANARY.task79]),
    ...(seesIssued(p, '01') ? [] : [PLAN_CANARY.plan01]),
    ...(seesDraft(p, '01') ? [] : [PLAN_CANARY.draft01]),
  ];
  return {
    'GET /api/plans': () =>
      everyone().map((p) =>
        cell(p, 'GET', '/api/plans', reads(p), {
          forbidden: forbiddenFor(p),
          required: [
            ...(seesIssued(p, '01') ? [PLAN_CANARY.plan01] : []),
            ...(seesDraft(p, '01') ? [PLAN_CANARY.draft01] : []),
            ...(seesIssued(p, '79') ? [PLAN_CANARY.plan79] : []),
          ],
        }),
      ),
    'POST /api/plans': () =>
      everyone().map((p) =>
        cell(p, 'POST', '/api/plans', reads(p), { payload: planBody(`Kế hoạch của ${p.key}`, provinceOf(p)) }),
      ),
    'GET /api/plans/:id': () =>
      everyone().flatMap((p) => [
        cell(p, 'GET', `/api/plans/${f().plan01}`, seesIssued(p, '01'), {
          forbidden: foreign01,
          required: seesIssued(p, '01') ? [PLAN_CANARY.plan01] : [],
        }),
        cell(p, 'GET', `/api/plans/${f().draft01}`, seesDraft(p, '01'), {
          forbidden: seesDraft(p, '01') ? [] : [PLAN_CANARY.draft01],
        }),
        cell(p, 'GET', `/api/plans/${f().plan79}`, seesIssued(p, '79'), {
          forbidden: seesIssued(p, '79') ? [] : [PLAN_CANARY.plan79, PLAN_CANARY.task79],
        }),
      ]),
    'PATCH /api/plans/:id': () =>
      everyone().map((p) =>
        cell(p, 'PATCH', `/api/plans/${f().draftFor[p.key] ?? f().draft01}`, edits01(p), {
          payload: { version: 1, theme: `Chủ đề sửa bởi ${p.key}` },
        }),
      ),
    'POST /api/plans/:id/status': () =>
      everyone().map((p) =>
        cell(p, 'POST', `/api/plans/${f().draftFor[p.key] ?? f().draft01}/status`, edits01(p), {
          // The PATCH cell ran first: the editor's draft is at version 2.
          payload: { version: edits01(p) ? 2 : 1, status: 'issued' },
        }),
      ),
    'POST /api/plans/:id/copy': () =>
      everyone().map((p) => cell(p, 'POST', `/api/plans/${f().plan01}/copy`, seesIssued(p, '01'), { payload: { year: 2027 } })),
    'GET /api/plans/:id/compliance': () =>
      everyone().flatMap((p) => [
        cell(p, 'GET', `/api/plans/${f().plan01}/compliance`, seesIssued(p, '01'), { forbidden: foreign01 }),
        cell(p, 'GET', `/api/plans/${f().plan79}/compliance`, seesIssued(p, '79'), {
          forbidden: seesIssued(p, '79') ? [] : [PLAN_CANARY.task79],
          required: seesIssued(p, '79') ? [PLAN_CANARY.task79] : [],
        }),
      ]),
    'GET /api/plans/:id/compliance.xlsx': () =>
      everyone().flatMap((p) => [
        cell(p, 'GET', `/api/plans/${f().plan79}/compliance.xlsx`, seesIssued(p, '79'), {
          forbidden: seesIssued(p, '79') ? [] : [PLAN_CANARY.plan79, PLAN_CANARY.task79],
          required: seesIssued(p, '79') ? [PLAN_CANARY.plan79, PLAN_CANARY.task79] : [],
        }),
      ]),
    'POST /api/plans/:id/objectives': () =>
      everyone().map((p) =>
        cell(p, 'POST', `/api/plans/${f().plan01}/objectives`, edits01(p), { payload: { text: `Chỉ tiêu thêm bởi ${p.key}` } }),
      ),
    'PATCH /api/plan-objectives/:id': () =>
      everyone().map((p) =>
        cell(p, 'PATCH', `/api/plan-objectives/${f().objectiveFor[p.key] ?? f().objectiveFor.police01}`, edits01(p), {
          payload: { version: 1, achievedValue: 0 },
        }),
      ),
    'POST /api/plans/:id/tasks': () =>
      everyone().map((p) =>
        cell(p, 'POST', `/api/plans/${f().plan01}/tasks`, edits01(p), {
          payload: {
            assigneeName: 'Sở Giáo dục và Đào tạo',
            agencyCode: 'SO_GD_DT',
            unitCode: '01',
            content: `Thêm bởi ${p.key}`,
          },
        }),
      ),
    // The editors change anything; the health department, as assignee, its own task's status.
    'PATCH /api/plan-tasks/:id': () =>
      everyone().map((p) =>
        cell(p, 'PATCH', `/api/plan-tasks/${f().taskFor[p.key] ?? f().healthTask}`, edits01(p) || p.key === 'health01', {
          payload: { version: 1, status: 'in_progress' },
        }),
      ),
    'GET /api/plan-tasks/:id/reports': () =>
      everyone().map((p) =>
        cell(p, 'GET', `/api/plan-tasks/${f().healthTask}/reports`, seesIssued(p, '01'), {
          forbidden: seesIssued(p, '01') ? [] : [PLAN_CANARY.report01],
          required: seesIssued(p, '01') ? [PLAN_CANARY.report01] : [],
        }),
      ),
    'POST /api/plan-tasks/:id/reports': () =>
      everyone().map((p) =>
        cell(p, 'POST', `/api/plan-tasks/${f().healthTask}/reports`, p.key === 'health01', {
          payload: { periodFrom: '2026-06-01', periodTo: '2026-06-12', narrative: `Báo cáo của ${p.key}` },
        }),
      ),
    // Only the following agency (the provincial police) reviews; denied cells first, then its accept.
    'POST /api/plan-reports/:id/review': () =>
      [...everyone().filter((p) => p.key !== 'police01'), ...everyone().filter((p) => p.key === 'police01')].map((p) =>
        cell(p, 'POST', `/api/plan-reports/${f().report}/review`, p.key === 'police01', {
          payload: { version: 1, decision: 'accept', comment: null },
        }),
      ),
    'GET /api/plan-documents/:id': () =>
      everyone().flatMap((p) => [
        cell(p, 'GET', `/api/plan-documents/${f().document01}`, seesIssued(p, '01'), {
          forbidden: seesIssued(p, '01') ? [] : [PLAN_CANARY.document01],
          required: seesIssued(p, '01') ? [PLAN_CANARY.document01] : [],
        }),
        cell(p, 'GET', `/api/plan-documents/${f().document79}`, seesIssued(p, '79'), {
          forbidden: seesIssued(p, '79') ? [] : [PLAN_CANARY.document79],
        }),
      ]),
    'POST /api/plan-imports': () =>
      everyone().map((p) =>
        cell(p, 'POST', '/api/plan-imports?fileName=ke-hoach.txt', reads(p), {
          payload: Buffer.from(
            'KẾ HOẠCH\nThực hiện Tháng hành động phòng, chống ma túy năm 2026\nII. NHIỆM VỤ\n1. Công an tỉnh\n- Chủ trì.',
          ),
          contentType: 'text/plain',
        }),
      ),
  };
}

/** Cross-scope reads for the row-level-security-alone test. */
export function planCrossScopeReads(f: PlanFixtures, viewer: Person) {
  return [
    ...(seesIssued(viewer, '79')
      ? []
      : [
          { url: `/api/plans/${f.plan79}`, forbidden: [PLAN_CANARY.plan79, PLAN_CANARY.task79] },
          { url: `/api/plans/${f.plan79}/compliance`, forbidden: [PLAN_CANARY.task79] },
          { url: `/api/plans/${f.plan79}/compliance.xlsx`, forbidden: [PLAN_CANARY.plan79, PLAN_CANARY.task79] },
          { url: `/api/plan-documents/${f.document79}`, forbidden: [PLAN_CANARY.document79] },
        ]),
    ...(seesIssued(viewer, '01')
      ? []
      : [
          { url: `/api/plan-tasks/${f.healthTask}/reports`, forbidden: [PLAN_CANARY.report01] },
          { url: `/api/plan-documents/${f.document01}`, forbidden: [PLAN_CANARY.document01] },
        ]),
    ...(seesDraft(viewer, '01') ? [] : [{ url: `/api/plans/${f.draft01}`, forbidden: [PLAN_CANARY.draft01] }]),
    { url: '/api/plans', forbidden: forbiddenList(viewer) },
  ];
}

function forbiddenList(p: Person) {
  return [
    ...(seesIssued(p, '79') ? [] : [PLAN_CANARY.plan79]),
    ...(seesIssued(p, '01') ? [] : [PLAN_CANARY.plan01]),
    ...(seesDraft(p, '01') ? [] : [PLAN_CANARY.draft01]),
  ];
}
