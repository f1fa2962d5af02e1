import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, sendFile, TestClock, totp } from '../support/auth';
import { createTestApp, type TestApp } from '../support/test-app';
import { buildWorld, CANARY_RECORD, databaseDigest, type Person, type World } from './fixtures';
import {
  buildNotificationFixtures,
  type NotificationFixtures,
  notificationCrossScopeReads,
  notificationMatrix,
} from './notification-cells';
import { buildPlanFixtures, type PlanFixtures, planCrossScopeReads, planMatrix } from './plan-cells';
import { buildProcedureFixtures, type ProcedureFixtures, procedureCrossScopeReads, procedureMatrix } from './procedure-cells';
import { buildMoveFixtures, type MoveFixtures, moveCrossScopeReads, moveMatrix } from './registry-moves';

/**
 * The authorization matrix (SECURITY-RELIABILITY.md S1, S2): every registered route, every actor,
 * foreign targets. A denied cell answers 403 or 404 (the same as for a record that does not exist),
 * carries no canary of data outside the actor's scope, and changes no row. An allowed cell succeeds,
 * so a server that denies everything fails too. A route missing here fails the suite.
 */
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
interface Cell {
  actor: string;
  method: Method;
  url: string;
  payload?: unknown;
  allow: boolean;
  /** Canaries that must not appear in the answer (data outside the actor's scope). */
  forbidden: string[];
  /** Canaries an allowed answer must show (its own data), so an empty answer cannot pass. */
  required?: string[];
  /** Enter the TOTP code again first (exports of personal data). */
  stepUp?: boolean;
  /** Send `payload` as raw bytes of this type (file uploads), not as JSON. */
  contentType?: string;
}

/** The answer as text: a spreadsheet's cell values, so canaries are found inside xlsx files too. */
async function answerText(response: { headers: Record<string, unknown>; body: string; rawPayload: Buffer }) {
  if (!String(response.headers['content-type'] ?? '').includes('spreadsheetml')) return response.body;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  const values: string[] = [];
  for (const sheet of workbook.worksheets) sheet.eachRow((row) => values.push(JSON.stringify(row.values)));
  return values.join('\n');
}

const clock = new TestClock();
let t: TestApp;
let w: World;
const UNKNOWN_ID = '00000000-0000-4000-8000-00000000dead';

/** One attachment per registered person, its bytes carrying a canary: owner key → attachment id. */
const attachmentOf: Record<string, string> = {};
const attachmentCanary = (o: Person) => `attachment-canary-${o.key}`;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Transfers, merges and settings: subjects of their own (registry-moves.ts). */
let moves: MoveFixtures;
/** Procedures and facilities: subjects of their own (procedure-cells.ts). */
let procedures: ProcedureFixtures;
/** Plans, tasks and reports: subjects of their own (plan-cells.ts). */
let plans: PlanFixtures;

beforeAll(async () => {
  t = await createTestApp({ clock: clock.read });
  w = await buildWorld(t, clock);
  for (const o of Object.values(w.people).filter((p) => p.personId)) {
    const uploaded = await sendFile(
      t.app,
      o.browser,
      `/api/persons/${o.personId}/attachments?kind=document&name=ho-so.pdf`,
      Buffer.from(`%PDF-1.4 ${attachmentCanary(o)}`),
      'application/pdf',
    );
    if (uploaded.statusCode !== 201) throw new Error(`attachment ${uploaded.statusCode} ${uploaded.body}`);
    attachmentOf[o.key] = uploaded.json().id;
  }
  moves = await buildMoveFixtures(t, w);
  procedures = await buildProcedureFixtures(t, w);
  plans = await buildPlanFixtures(t, w);
}, 300_000);
afterAll(() => t.close());

/** Notifications: one per user, its title a canary (notification-cells.ts). */
let notifications: NotificationFixtures;
beforeAll(async () => {
  notifications = await buildNotificationFixtures(t, w);
});

/** A person-import CSV of one fake row in commune p01a (a dry run writes nothing but its job). */
const importCsv = () =>
  Buffer.from(
    `Họ tên,Năm sinh,Giới tính,Mã xã nơi ở hiện tại,Có nơi cư trú ổn định\nNgười Nhập Ma Trận,1990,Nam,${w.communes.p01a},Có\n`,
  );
/** A finished import of police01a's: only its owner may read it. */
let importJobId = '';
beforeAll(async () => {
  const owner = person('police01a');
  const started = await sendFile(t.app, owner.browser, '/api/person-imports?dryRun=true', importCsv(), 'text/csv');
  if (started.statusCode !== 202) throw new Error(`import ${started.statusCode} ${started.body}`);
  importJobId = started.json().id;
  for (let i = 0; i < 200; i++) {
    const job = (await call(t.app, owner.browser, 'GET', `/api/person-imports/${importJobId}`)).json();
    if (job.status === 'done') return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('import fixture did not finish');
}, 60_000);

const everyone = () => Object.values(w.people);
const has = (p: Person, ...roles: string[]) => p.roles.some((r) => roles.includes(r));
const canariesExcept = (allowed: (p: Person) => boolean) =>
  everyone()
    .filter((p) => !allowed(p))
    .map((p) => p.canary);
const grantCanariesExcept = (allowed: (p: Person) => boolean) =>
  everyone()
    .filter((p) => p.grantCanary && !allowed(p))
    .map((p) => p.grantCanary as string);
const inArea = (viewer: Person, target: Person) =>
  target.unitPath === viewer.unitPath.split('.')[0] || target.unitPath.startsWith(`${viewer.unitPath.split('.')[0]}.`);
const person = (key: string) => {
  const p = w.people[key];
  if (!p) throw new Error(key);
  return p;
};

/** Person records: who may read them at all (docs/ACCESS.md), and whose area covers an owner. */
const readsPersons = (p: Person) => has(p, 'provincial_lead') || p.key.startsWith('police') || p.key === 'pc01a';
const writesPersons = (p: Person) => p.key.startsWith('police');
const seesPerson = (viewer: Person, owner: Person) => readsPersons(viewer) && areaCovers(viewer, owner);
const owners = () => everyone().filter((p) => p.personId);
const personCanariesExcept = (allowed: (owner: Person) => boolean) =>
  owners()
    .filter((o) => !allowed(o))
    .map((o) => o.personCanary as string);
const mayAccessRegistry = (p: Person) => readsPersons(p) || has(p, 'facility_staff') || p.key === 'health01';

/** Route → the cells that exercise it. Keys are `METHOD url` exactly as Fastify registers them. */
const MATRIX: Record<string, () => Cell[]> = {
  'POST /api/persons/search': () =>
    everyone().map((p) => ({
      actor: p.key,
      method: 'POST',
      url: '/api/persons/search',
      payload: { q: '' },
      allow: mayAccessRegistry(p),
      forbidden: personCanariesExcept((o) => seesPerson(p, o)),
      required: owners()
        .filter((o) => seesPerson(p, o))
        .map((o) => o.personCanary as string),
    })),
  'POST /api/persons/export': () =>
    everyone().map((p) => ({
      actor: p.key,
      method: 'POST',
      url: '/api/persons/export',
      payload: { q: '' },
      stepUp: true,
      allow: mayAccessRegistry(p),
      forbidden: personCanariesExcept((o) => seesPerson(p, o)),
      required: owners()
        .filter((o) => seesPerson(p, o))
        .map((o) => o.personCanary as string),
    })),
  'GET /api/persons/:id': () =>
    everyone().flatMap((p) =>
      owners().map((o) => ({
        actor: p.key,
        method: 'GET' as const,
        url: `/api/persons/${o.personId}`,
        allow: seesPerson(p, o),
        forbidden: seesPerson(p, o) ? [] : [o.personCanary as string],
        required: seesPerson(p, o) ? [o.personCanary as string] : [],
      })),
    ),
  'POST /api/persons/:id/attachments': () =>
    everyone().flatMap((p) =>
      owners().map((o) => ({
        actor: p.key,
        method: 'POST' as const,
        url: `/api/persons/${o.personId}/attachments?kind=photo&name=anh.png`,
        payload: Buffer.concat([PNG_SIGNATURE, Buffer.from(`photo of ${o.key} by ${p.key}`)]),
        contentType: 'image/png',
        allow: writesPersons(p) && areaCovers(p, o),
        forbidden: [o.personCanary as string],
      })),
    ),
  'GET /api/persons/:id/attachments': () =>
    everyone().flatMap((p) =>
      owners().map((o) => ({
        actor: p.key,
        method: 'GET' as const,
        url: `/api/persons/${o.personId}/attachments`,
        allow: seesPerson(p, o),
        forbidden: [],
      })),
    ),
  'GET /api/persons/:id/attachments/:attachmentId': () =>
    everyone().flatMap((p) =>
      owners().map((o) => ({
        actor: p.key,
        method: 'GET' as const,
        url: `/api/persons/${o.personId}/attachments/${attachmentOf[o.key]}`,
        allow: seesPerson(p, o),
        forbidden: seesPerson(p, o) ? [] : [attachmentCanary(o)],
        required: seesPerson(p, o) ? [attachmentCanary(o)] : [],
      })),
    ),
  // Denied cells first; the owner's own withdrawal last, so no later cell needs the attachment.
  'DELETE /api/persons/:id/attachments/:attachmentId': () => [
    ...everyone()
      .filter((p) => !(writesPersons(p) && areaCovers(p, person('police79a'))))
      .map((p) => ({
        actor: p.key,
        method: 'DELETE' as const,
        url: `/api/persons/${person('police79a').personId}/attachments/${attachmentOf.police79a}`,
        allow: false,
        forbidden: [],
      })),
    {
      actor: 'police79a',
      method: 'DELETE' as const,
      url: `/api/persons/${person('police79a').personId}/attachments/${attachmentOf.police79a}`,
      allow: true,
      forbidden: [],
    },
  ],
  'GET /api/persons/:id/timeline': () =>
    everyone().flatMap((p) =>
      owners().map((o) => ({
        actor: p.key,
        method: 'GET' as const,
        url: `/api/persons/${o.personId}/timeline`,
        allow: seesPerson(p, o),
        forbidden: [],
      })),
    ),
  'GET /api/persons/:id/notes': () =>
    everyone().flatMap((p) =>
      owners().map((o) => ({
        actor: p.key,
        method: 'GET' as const,
        url: `/api/persons/${o.personId}/notes`,
        allow: seesPerson(p, o),
        forbidden: [],
      })),
    ),
  'POST /api/persons/:id/notes': () =>
    everyone().flatMap((p) =>
      owners().map((o) => ({
        actor: p.key,
        method: 'POST' as const,
        url: `/api/persons/${o.personId}/notes`,
        payload: { text: 'Ghi chú kiểm tra ma trận phân quyền' },
        allow: writesPersons(p) && areaCovers(p, o),
        forbidden: [o.personCanary as string],
      })),
    ),
  'POST /api/persons': () =>
    everyone().map((p) => ({
      actor: p.key,
      method: 'POST',
      url: '/api/persons',
      payload: {
        fullName: `Người thử ${p.key}`,
        birthYear: 1991,
        sex: 'female',
        currentResidence: { unitCode: w.communes.p01a },
        hasStableResidence: false,
        confirmNotDuplicate: true,
      },
      allow: writesPersons(p) && (p.key === 'police01' || p.key === 'police01a'),
      forbidden: [],
    })),
  'PUT /api/persons/:id': () =>
    everyone()
      .filter((p) => p.key !== 'police79a')
      .map((p) => ({
        actor: p.key,
        method: 'PUT',
        url: `/api/persons/${person('police79a').personId}`,
        payload: {
          fullName: 'Đổi tên trái phép',
          birthYear: 1990,
          sex: 'male',
          currentResidence: { unitCode: w.communes.p79a },
          hasStableResidence: true,
          version: 1,
        },
        allow: false,
        forbidden: [person('police79a').personCanary as string],
      })),
  'GET /api/users': () =>
    everyone().map((p) => ({
      actor: p.key,
      method: 'GET',
      url: '/api/users',
      allow: has(p, 'system_admin'),
      forbidden: has(p, 'system_admin') ? [] : canariesExcept(() => false),
      required: has(p, 'system_admin') ? [person('police79a').canary] : [],
    })),
  'POST /api/users': () =>
    everyone().map((p) => ({
      actor: p.key,
      method: 'POST',
      url: '/api/users',
      payload: {
        username: `created.by.${p.key}`,
        displayName: 'Tài khoản tạo thử',
        unitCode: w.communes.p01a,
        agencyCode: 'CA_XA',
        roles: ['commune_officer'],
      },
      allow: has(p, 'system_admin'),
      forbidden: [],
    })),
  'GET /api/users/:id': () =>
    everyone().flatMap((p) =>
      [person('police79a'), person('police01a')].map((target) => ({
        actor: p.key,
        method: 'GET' as const,
        url: `/api/users/${target.id}`,
        allow: has(p, 'system_admin'),
        forbidden: has(p, 'system_admin') ? [] : [target.canary],
        required: has(p, 'system_admin') ? [target.canary] : [],
      })),
    ),
  'PATCH /api/users/:id': () =>
    everyone().map((p) => ({
      actor: p.key,
      method: 'PATCH',
      url: `/api/users/${person('police79a').id}`,
      payload: { displayName: person('police79a').canary },
      allow: has(p, 'system_admin'),
      forbidden: has(p, 'system_admin') ? [] : [person('police79a').canary],
    })),
  'POST /api/users/:id/reset-password': () =>
    everyone().map((p) => ({
      actor: p.key,
      method: 'POST',
      url: `/api/users/${UNKNOWN_ID}/reset-password`,
      allow: false,
      forbidden: [],
    })),
  'POST /api/users/:id/revoke-sessions': () =>
    everyone().map((p) => ({
      actor: p.key,
      method: 'POST',
      url: `/api/users/${UNKNOWN_ID}/revoke-sessions`,
      allow: false,
      forbidden: [],
    })),
  'GET /api/audit-events': () =>
    everyone().map((p) => ({
      actor: p.key,
      method: 'GET',
      url: `/api/audit-events?username=${person('police79a').username}`,
      allow: has(p, 'auditor'),
      forbidden: has(p, 'auditor') ? [] : [person('police79a').username],
      required: has(p, 'auditor') ? [person('police79a').username] : [],
    })),
  'GET /api/audit-events/verify': () =>
    everyone().map((p) => ({
      actor: p.key,
      method: 'GET',
      url: '/api/audit-events/verify',
      allow: has(p, 'auditor'),
      forbidden: [],
    })),
  'GET /api/me/sessions': () =>
    everyone().map((p) => ({
      actor: p.key,
      method: 'GET',
      url: '/api/me/sessions',
      allow: true,
      forbidden: everyone()
        .filter((o) => o !== p)
        .map((o) => o.browser.cookie),
    })),
  'DELETE /api/me/sessions/:id': () =>
    everyone().map((p) => ({
      actor: p.key,
      method: 'DELETE',
      url: `/api/me/sessions/${UNKNOWN_ID}`,
      allow: false,
      forbidden: [],
    })),
  'GET /api/break-glass': () =>
    everyone().map((p) => {
      const allowed = has(p, 'provincial_lead', 'provincial_officer', 'commune_officer', 'auditor');
      const sees = (o: Person) => o === p || has(p, 'auditor') || (has(p, 'provincial_lead') && inArea(p, o));
      return {
        actor: p.key,
        method: 'GET',
        url: '/api/break-glass',
        allow: allowed,
        forbidden: grantCanariesExcept(allowed ? sees : () => false),
        required: allowed && p.grantCanary ? [p.grantCanary] : [],
      };
    }),
  'POST /api/break-glass': () =>
    everyone().map((p) => ({
      actor: p.key,
      method: 'POST',
      url: '/api/break-glass',
      payload: { recordKind: 'person', recordId: CANARY_RECORD, reason: 'kiểm tra ma trận phân quyền, đủ hai mươi ký tự' },
      allow: has(p, 'provincial_lead', 'provincial_officer', 'commune_officer'),
      forbidden: [],
    })),
  'POST /api/break-glass/:id/review': () =>
    everyone().flatMap((p) =>
      [person('police79a'), person('police01a')].map((target) => {
        const allow = has(p, 'auditor') || (has(p, 'provincial_lead') && inArea(p, target));
        return {
          actor: p.key,
          method: 'POST' as const,
          url: `/api/break-glass/${target.grantId}/review`,
          payload: { note: 'Đã xem xét' },
          allow,
          forbidden: allow ? [] : [target.grantCanary ?? ''],
        };
      }),
    ),
  'GET /api/auth/me': () =>
    everyone().map((p) => ({
      actor: p.key,
      method: 'GET',
      url: '/api/auth/me',
      allow: true,
      forbidden: canariesExcept((o) => o === p),
      required: [p.canary],
    })),
  'POST /api/person-imports': () =>
    everyone().map((p) => ({
      actor: p.key,
      method: 'POST',
      url: '/api/person-imports?dryRun=true',
      payload: importCsv(),
      contentType: 'text/csv',
      allow: writesPersons(p),
      forbidden: [],
    })),
  'GET /api/person-imports/template': () =>
    everyone().map((p) => ({
      actor: p.key,
      method: 'GET',
      url: '/api/person-imports/template?format=csv',
      allow: writesPersons(p),
      forbidden: [],
    })),
  'GET /api/person-imports/:id': () =>
    everyone().map((p) => ({
      actor: p.key,
      method: 'GET',
      url: `/api/person-imports/${importJobId}`,
      allow: p.key === 'police01a',
      forbidden: p.key === 'police01a' ? [] : [importJobId],
      required: p.key === 'police01a' ? [importJobId] : [],
    })),
  ...moveMatrix(
    () => w,
    () => moves,
  ),
  ...procedureMatrix(
    () => w,
    () => procedures,
  ),
  // Rule sets (issue #5): legal reference every logged-in user reads; only the system administrator
  // overrides an unconfirmed value (one allowed cell: it creates the override).
  'GET /api/rule-sets': () =>
    everyone().map((p) => ({
      actor: p.key,
      method: 'GET',
      url: '/api/rule-sets',
      allow: true,
      forbidden: [],
      required: ['law120-2026', 'chưa xác nhận'],
    })),
  'GET /api/rule-sets/on/:date': () =>
    everyone().map((p) => ({
      actor: p.key,
      method: 'GET',
      url: '/api/rule-sets/on/2025-07-01',
      allow: true,
      forbidden: [],
      required: ['law73-2025-07'],
    })),
  'PUT /api/rule-sets/:id/rules/:key': () =>
    everyone().map((p) => ({
      actor: p.key,
      method: 'PUT',
      url: '/api/rule-sets/law73-2022/rules/compulsory.adult_court_decision_deadline',
      payload: { value: { kind: 'duration', amount: 30, unit: 'days' }, citation: 'Kiểm tra ma trận phân quyền' },
      allow: has(p, 'system_admin'),
      forbidden: [],
    })),
  'GET /api/calendar/:year': () =>
    everyone().map((p) => ({
      actor: p.key,
      method: 'GET',
      url: '/api/calendar/2026',
      allow: true,
      forbidden: [],
      required: ['Giỗ Tổ Hùng Vương', '2026-04-26'],
    })),
  'GET /api/calendar/working-days': () =>
    everyone().map((p) => ({
      actor: p.key,
      method: 'GET',
      url: '/api/calendar/working-days?from=2026-02-13&days=3',
      allow: true,
      forbidden: [],
      required: ['2026-02-25'],
    })),
  // Each actor its own year, so the administrator's first entry succeeds whatever the order.
  'PUT /api/calendar/:year': () =>
    everyone().map((p, i) => ({
      actor: p.key,
      method: 'PUT',
      url: `/api/calendar/${2030 + i}`,
      payload: { declaration: { nationalDayAdjacent: `${2030 + i}-09-01` }, document: 'Thông báo kiểm tra ma trận' },
      allow: has(p, 'system_admin'),
      forbidden: [],
    })),
  // Plans (issue #6): area and agency; the owner's and the following agency's rights.
  ...planMatrix(
    () => w,
    () => plans,
  ),
  // Notifications (issue #5): every user lists and marks read their own only.
  ...notificationMatrix(
    () => w,
    () => notifications,
  ),
};

/** Routes whose answer is the same for every caller (no records in scope). */
const PUBLIC_ROUTES = ['GET /api/health', 'GET /api/ready', 'GET /api/openapi.json', 'POST /api/auth/login'];
const REFERENCE_ROUTES = [
  'GET /api/units',
  'GET /api/units/search',
  'GET /api/units/periods',
  'GET /api/units/:code',
  'GET /api/units/:code/subtree',
  'GET /api/units/:code/successors',
  'GET /api/units/:code/predecessors',
  'GET /api/agencies',
];
/** Login steps act only on the caller's own session; their flows are tested in auth.test.ts. */
const LOGIN_STEP_ROUTES = [
  'POST /api/auth/mfa/verify',
  'POST /api/auth/password',
  'POST /api/auth/mfa/enrol',
  'POST /api/auth/mfa/confirm',
  'POST /api/auth/logout',
  'POST /api/auth/step-up',
];

describe('authorization matrix', () => {
  it('covers every registered API route', () => {
    const routes = t.app.registeredRoutes
      .filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'))
      .map((r) => `${r.method} ${r.url}`);
    const covered = new Set([...Object.keys(MATRIX), ...PUBLIC_ROUTES, ...REFERENCE_ROUTES, ...LOGIN_STEP_ROUTES]);
    expect(routes.filter((r) => !covered.has(r))).toEqual([]);
    expect([...covered].filter((r) => !routes.includes(r))).toEqual([]);
  });

  it('denies what the matrix denies, allows what it allows, leaks no canary and changes nothing when denying', async () => {
    let checked = 0;
    const failures: string[] = [];
    for (const [route, cells] of Object.entries(MATRIX)) {
      for (const cell of cells()) {
        const actor = person(cell.actor);
        if (cell.stepUp) {
          clock.advance(31_000);
          const code = await totp(actor.secret, clock);
          const stepUp = await call(t.app, actor.browser, 'POST', '/api/auth/step-up', { code });
          if (stepUp.statusCode !== 200) failures.push(`${route} as ${cell.actor}: step-up ${stepUp.statusCode}`);
        }
        const before = cell.allow ? '' : await databaseDigest(t);
        const response = cell.contentType
          ? await sendFile(t.app, actor.browser, cell.url, cell.payload as Buffer, cell.contentType)
          : await call(t.app, actor.browser, cell.method, cell.url, cell.payload);
        const body = await answerText(response);
        const where = `${route} as ${cell.actor} → ${response.statusCode}`;
        if (cell.allow && response.statusCode >= 300) failures.push(`${where}: expected success ${body.slice(0, 200)}`);
        if (!cell.allow && ![403, 404].includes(response.statusCode)) failures.push(`${where}: expected 403/404`);
        for (const canary of cell.forbidden) if (canary && body.includes(canary)) failures.push(`${where}: leaked ${canary}`);
        for (const canary of cell.required ?? []) if (!body.includes(canary)) failures.push(`${where}: missing own ${canary}`);
        if (!cell.allow && (await databaseDigest(t)) !== before) failures.push(`${where}: a denied request changed the database`);
        checked++;
      }
    }
    // Absent and forbidden look the same: an unknown id answers like a foreign one.
    const lead = person('lead01');
    const foreign = await call(t.app, lead.browser, 'POST', `/api/break-glass/${person('police79a').grantId}/review`, {
      note: 'x1',
    });
    const absent = await call(t.app, lead.browser, 'POST', `/api/break-glass/${UNKNOWN_ID}/review`, { note: 'x1' });
    expect([foreign.statusCode, foreign.json().code]).toEqual([absent.statusCode, absent.json().code]);
    for (const route of [
      ...REFERENCE_ROUTES.filter((r) => !r.includes(':')),
      ...PUBLIC_ROUTES.filter((r) => r.startsWith('GET')),
    ]) {
      const url = route.slice(4).replace('/search', '/search?q=ba%20dinh');
      const anonymous = await t.app.inject({ method: 'GET', url });
      const expected = PUBLIC_ROUTES.includes(route) ? 200 : 401;
      if (anonymous.statusCode !== expected) failures.push(`${route} anonymous → ${anonymous.statusCode}, expected ${expected}`);
      checked++;
    }
    console.log(`authorization matrix: ${checked} cells checked, ${failures.length} failed`);
    expect(failures).toEqual([]);
  }, 300_000);
});

describe('row-level security alone (service checks switched off)', () => {
  it('still blocks every cross-scope read', async () => {
    const unchecked = await createTestApp({
      clock: clock.read,
      enforcement: 'database-only',
      database: t.database,
      secrets: t.app.deps.secrets,
      // The same data keys: exports decrypt what row-level security lets through.
      ...(t.app.deps.envelope ? { envelope: t.app.deps.envelope } : {}),
    });
    let checked = 0;
    const failures: string[] = [];
    try {
      for (const viewer of everyone()) {
        const foreignUsers = everyone().filter((o) => o !== viewer && !has(viewer, 'system_admin') && !areaCovers(viewer, o));
        const reads: { url: string; forbidden: string[]; method?: 'POST'; payload?: unknown }[] = [
          {
            url: '/api/persons/search',
            method: 'POST',
            payload: { q: '' },
            forbidden: personCanariesExcept((o) => seesPerson(viewer, o)),
          },
          {
            url: '/api/persons/export',
            method: 'POST',
            payload: { q: '' },
            forbidden: personCanariesExcept((o) => seesPerson(viewer, o)),
          },
          ...owners()
            .filter((o) => !seesPerson(viewer, o))
            .map((o) => ({ url: `/api/persons/${o.personId}`, forbidden: [o.personCanary as string] })),
          ...owners()
            .filter((o) => !seesPerson(viewer, o))
            .map((o) => ({ url: `/api/persons/${o.personId}/notes`, forbidden: [o.personCanary as string] })),
          ...owners()
            .filter((o) => !seesPerson(viewer, o))
            .map((o) => ({
              url: `/api/persons/${o.personId}/attachments/${attachmentOf[o.key]}`,
              forbidden: [attachmentCanary(o)],
            })),
          { url: '/api/users', forbidden: foreignUsers.map((o) => o.canary) },
          ...foreignUsers.slice(0, 3).map((o) => ({ url: `/api/users/${o.id}`, forbidden: [o.canary] })),
          { url: '/api/audit-events?limit=100', forbidden: has(viewer, 'auditor') ? [] : everyone().map((o) => o.username) },
          {
            url: '/api/break-glass',
            forbidden: grantCanariesExcept(
              (o) => o === viewer || has(viewer, 'auditor') || (has(viewer, 'provincial_lead') && inArea(viewer, o)),
            ),
          },
          {
            url: '/api/me/sessions',
            forbidden: everyone()
              .filter((o) => o !== viewer)
              .map((o) => o.browser.cookie),
          },
          ...moveCrossScopeReads(w, moves, viewer),
          ...procedureCrossScopeReads(w, procedures, viewer),
          ...notificationCrossScopeReads(w, notifications, viewer),
          ...planCrossScopeReads(plans, viewer),
          ...(viewer.key === 'police01a' ? [] : [{ url: `/api/person-imports/${importJobId}`, forbidden: [importJobId] }]),
        ];
        for (const read of reads) {
          const response = await call(unchecked.app, viewer.browser, read.method ?? 'GET', read.url, read.payload);
          if (response.statusCode >= 500) failures.push(`${read.url} as ${viewer.key}: ${response.statusCode}`);
          const body = await answerText(response);
          for (const canary of read.forbidden)
            if (body.includes(canary)) failures.push(`${read.url} as ${viewer.key}: leaked ${canary}`);
          checked++;
        }
      }
    } finally {
      await unchecked.app.close();
    }
    console.log(`row-level security alone: ${checked} cross-scope reads checked, ${failures.length} leaked`);
    expect(checked).toBeGreaterThan(50);
    expect(failures).toEqual([]);
  }, 300_000);
});

/** The user directory a user's area covers (row-level security of app_user). */
function areaCovers(viewer: Person, target: Person): boolean {
  if (has(viewer, 'system_admin', 'auditor')) return true;
  const area = has(viewer, 'provincial_lead', 'provincial_officer', 'statistics_viewer')
    ? (viewer.unitPath.split('.')[0] ?? '')
    : viewer.unitPath;
  return target.unitPath === area || target.unitPath.startsWith(`${area}.`);
}
