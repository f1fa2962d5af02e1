import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, call, firstLogin, login, makeUser, NEW_PASSWORD, TestClock } from '../../../../tests/support/auth';
import { auditCount, createTestApp, type TestApp } from '../../../../tests/support/test-app';

/**
 * Legal procedures through the API (issue #5), on the real database: a positive test, the
 * management decision, a determination at a health facility, voluntary rehab, completion and
 * post-rehab management, with the classification derived at each step; refusals write nothing;
 * health staff see only their own patients' determination and methadone records. Fake people only.
 */
const clock = new TestClock(new Date('2026-06-15T03:00:00Z'));
let t: TestApp;
type Officer = Browser & { username: string; secret: string };
const officers: Record<string, Officer> = {};
const facilities: Record<string, string> = {};

async function addOfficer(key: string, spec: { unit: string; agency: string; role: string; facilityId?: string }) {
  const username = `pr.${key.toLowerCase()}`;
  const { password } = await makeUser(t, {
    username,
    unitCode: spec.unit,
    agencyCode: spec.agency,
    roles: [spec.role as 'commune_officer'],
    ...(spec.facilityId ? { facilityId: spec.facilityId } : {}),
  });
  officers[key] = { ...(await firstLogin(t, clock, username, password)), username };
}
const as = (key: string) => {
  const officer = officers[key];
  if (!officer) throw new Error(key);
  return officer;
};
async function loginAgain() {
  for (const [key, officer] of Object.entries(officers)) {
    officers[key] = { ...officer, ...(await login(t, clock, officer.username, NEW_PASSWORD, officer.secret)) };
  }
}

beforeAll(async () => {
  t = await createTestApp({ clock: clock.read });
  await addOfficer('pc04', { unit: '01', agency: 'PC04', role: 'provincial_officer' });
  for (const [key, type] of [
    ['DET', 'determination'],
    ['DET2', 'determination'],
    ['OST', 'ost_clinic'],
    ['REHAB', 'public_rehab'],
  ] as const) {
    const response = await call(t.app, as('pc04'), 'POST', '/api/facilities', {
      code: `TEST_${key}`,
      name: `Cơ sở thử nghiệm ${key}`,
      type,
      provinceCode: '01',
      capacity: key === 'REHAB' ? 1 : null,
    });
    expect(response.statusCode, response.body).toBe(201);
    facilities[key] = response.json().id;
  }
  await addOfficer('police', { unit: '00004', agency: 'CA_XA', role: 'commune_officer' });
  await addOfficer('chair', { unit: '00004', agency: 'UBND_XA', role: 'commune_officer' });
  await addOfficer('otherPolice', { unit: '00008', agency: 'CA_XA', role: 'commune_officer' });
  await addOfficer('clinic', { unit: '01', agency: 'CS_Y_TE', role: 'facility_staff', facilityId: facilities.DET });
  await addOfficer('clinic2', { unit: '01', agency: 'CS_Y_TE', role: 'facility_staff', facilityId: facilities.DET2 });
}, 180_000);
afterAll(() => t.close());

let personId = '';
const procedures = async (key: string) => {
  const response = await call(t.app, as(key), 'GET', `/api/persons/${personId}/procedures`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as {
    classification: string;
    items: {
      id: string;
      kind: string;
      state: string;
      version: number;
      data: Record<string, unknown>;
      ruleSetId: string;
      allowedActions: string[];
      deadlines: { timer: string; dueOn: string | null; status: string; confirmed: boolean }[];
      steps: { action: string; decisionNo: string | null; ruleSetId: string; data: Record<string, unknown> }[];
    }[];
  };
};
const find = async (key: string, kind: string) => {
  const item = (await procedures(key)).items.find((p) => p.kind === kind);
  if (!item) throw new Error(`no ${kind}`);
  return item;
};
const open = (key: string, body: Record<string, unknown>) =>
  call(t.app, as(key), 'POST', `/api/persons/${personId}/procedures`, body);
const step = async (key: string, kind: string, body: Record<string, unknown>) => {
  const current = await find(key, kind);
  return call(t.app, as(key), 'POST', `/api/procedures/${current.id}/steps`, { version: current.version, ...body });
};
const rowCounts = async () => {
  const { rows } = await sql<{ p: number; s: number; d: number }>`
    SELECT (SELECT count(*)::int FROM procedure) AS p, (SELECT count(*)::int FROM procedure_step) AS s,
           (SELECT count(*)::int FROM procedure_deadline) AS d`.execute(t.database.db);
  return rows[0];
};

describe('from a positive test to post-rehab management', () => {
  it('a positive test proposes management, due 3 working days after the result', async () => {
    const registered = await call(t.app, as('police'), 'POST', '/api/persons', {
      fullName: 'Người Thủ Tục Thử',
      birthDate: '1990-03-04',
      birthYear: 1990,
      sex: 'male',
      currentResidence: { unitCode: '00004', address: 'Số 1 ngõ Thử Nghiệm' },
      hasStableResidence: true,
      confirmNotDuplicate: true,
    });
    expect(registered.statusCode, registered.body).toBe(201);
    personId = registered.json().id;
    const response = await open('police', {
      kind: 'drug_test',
      action: 'record',
      decidedOn: '2026-06-10',
      data: {
        grounds: ['a', 'h'],
        sampleType: 'urine',
        result: 'positive',
        substances: ['Methamphetamine'],
        testingUnit: 'Công an xã thử',
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().opened).toEqual([expect.objectContaining({ kind: 'illegal_user_management', state: 'proposed' })]);
    const management = await find('police', 'illegal_user_management');
    // Wednesday 10/06/2026 + 3 working days = Monday 15/06/2026.
    expect(management.deadlines).toEqual([
      expect.objectContaining({ timer: 'illegal_user.decision_deadline', dueOn: '2026-06-15', status: 'open', confirmed: true }),
    ]);
    expect(management.ruleSetId).toBe('law73-2025-07');
    expect(management.allowedActions).toEqual(['cancel']); // the decision is the chairman's
    expect((await find('chair', 'illegal_user_management')).allowedActions).toEqual(['decide', 'cancel']);
    expect(await auditCount(t, 'procedure.open', (await find('police', 'drug_test')).id)).toBe(1);
  });

  it("puts the decision deadline on the commune's work queue, and on the recording officer's own", async () => {
    const queue = async (key: string, scope = 'unit') => {
      const response = await call(t.app, as(key), 'GET', `/api/work-queue?scope=${scope}`);
      expect(response.statusCode, response.body).toBe(200);
      return (
        response.json().items as { kind: string; timer?: string; personId: string; dueDate: string; overdue: boolean }[]
      ).filter((i) => i.kind === 'deadline');
    };
    const expected = [
      expect.objectContaining({ timer: 'illegal_user.decision_deadline', personId, dueDate: '2026-06-15', overdue: false }),
    ];
    expect(await queue('police')).toEqual(expected);
    expect(await queue('chair')).toEqual(expected);
    expect(await queue('police', 'mine')).toEqual(expected);
    expect(await queue('chair', 'mine')).toEqual([]);
    expect(await queue('otherPolice')).toEqual([]);
    expect(await queue('clinic')).toEqual([]);
  });

  it('refuses a decision dated before the result, and a step the state machine does not allow, writing nothing', async () => {
    const before = await rowCounts();
    const early = await step('chair', 'illegal_user_management', {
      action: 'decide',
      decidedOn: '2026-06-09',
      decisionNo: '01/QĐ-UBND',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().issues).toEqual([expect.objectContaining({ path: ['body', 'decidedOn'] })]);
    const noNumber = await step('chair', 'illegal_user_management', { action: 'decide', decidedOn: '2026-06-12' });
    expect(noNumber.json().issues).toEqual([expect.objectContaining({ path: ['body', 'decisionNo'] })]);
    const wrong = await step('chair', 'illegal_user_management', {
      action: 'stop',
      decidedOn: '2026-06-12',
      data: { reason: 'Lý do thử nghiệm' },
    });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json()).toMatchObject({ code: 'PROCEDURE_ACTION_NOT_ALLOWED', allowed: ['decide', 'cancel'] });
    const byPolice = await step('police', 'illegal_user_management', {
      action: 'decide',
      decidedOn: '2026-06-12',
      decisionNo: '01',
    });
    expect(byPolice.statusCode).toBe(403);
    expect(await rowCounts()).toEqual(before);
  });

  it('the chairman decides: one year of management, classification follows', async () => {
    const response = await step('chair', 'illegal_user_management', {
      action: 'decide',
      decidedOn: '2026-06-12',
      decisionNo: '15/QĐ-UBND',
      decider: 'Chủ tịch UBND xã',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().classification).toBe('ILLEGAL_USER_UNDER_MANAGEMENT');
    const management = await find('chair', 'illegal_user_management');
    expect(management).toMatchObject({ state: 'active', data: { startDate: '2026-06-12', endDate: '2027-06-12' } });
    expect(management.deadlines.map((d) => [d.timer, d.status, d.dueOn])).toEqual([
      ['illegal_user.decision_deadline', 'met', '2026-06-15'],
      ['illegal_user.management_end', 'open', '2027-06-12'],
    ]);
    const again = await step('chair', 'illegal_user_management', { action: 'decide', decidedOn: '2026-06-13', decisionNo: '16' });
    expect(again.json()).toMatchObject({ code: 'PROCEDURE_ACTION_NOT_ALLOWED', allowed: ['stop', 'expire'] });
  });

  it('a positive test during management opens a determination request; the police file it with a facility', async () => {
    const response = await open('police', {
      kind: 'drug_test',
      action: 'record',
      decidedOn: '2026-06-14',
      data: { grounds: ['c'], sampleType: 'urine', result: 'positive', substances: ['Heroin'], testingUnit: 'Công an xã thử' },
    });
    expect(response.json().opened).toEqual([expect.objectContaining({ kind: 'determination', state: 'to_request' })]);
    // Before the request the facility sees nothing of the person.
    expect((await call(t.app, as('clinic'), 'GET', `/api/persons/${personId}`)).statusCode).toBe(404);
    const filed = await step('police', 'determination', {
      action: 'request',
      decidedOn: '2026-06-15',
      data: { facilityId: facilities.DET },
    });
    expect(filed.statusCode, filed.body).toBe(200);
    expect(filed.json().procedure).toMatchObject({ state: 'requested', data: { trigger: 'a' } });
  });

  it('the facility sees its patient and only the determination; another facility sees nothing', async () => {
    expect((await call(t.app, as('clinic'), 'GET', `/api/persons/${personId}`)).statusCode).toBe(200);
    const seen = await procedures('clinic');
    expect(seen.items.map((p) => p.kind)).toEqual(['determination']);
    expect(seen.items[0]?.allowedActions).toEqual(['conclude']);
    expect((await call(t.app, as('clinic2'), 'GET', `/api/persons/${personId}`)).statusCode).toBe(404);
    expect((await call(t.app, as('clinic2'), 'GET', `/api/persons/${personId}/procedures`)).statusCode).toBe(404);
    // The commune chairman's remit has no health records (docs/ACCESS.md).
    expect((await procedures('chair')).items.map((p) => p.kind)).not.toContain('determination');
  });

  it('the result needs at least 3 of the 6 criteria (TT 18/2021 Điều 3), then counts the person as an addict', async () => {
    const few = await step('clinic', 'determination', {
      action: 'conclude',
      decidedOn: '2026-06-15',
      decisionNo: '07/PKQ',
      data: { result: 'addicted', criteriaMet: [1, 2], criteriaPattern: 'together_1_month', substanceGroup: 'opioid' },
    });
    expect(few.statusCode).toBe(400);
    expect(few.json().issues[0].message).toContain('TT 18/2021/TT-BYT');
    const ok = await step('clinic', 'determination', {
      action: 'conclude',
      decidedOn: '2026-06-15',
      decisionNo: '07/PKQ',
      data: { result: 'addicted', criteriaMet: [1, 2, 6], criteriaPattern: 'together_1_month', substanceGroup: 'opioid' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().classification).toBe('ADDICT_NOT_IN_TREATMENT');
  });

  it('voluntary rehab at home: 6–12 months under Law 73, decided within 3 working days', async () => {
    const registered = await open('chair', {
      kind: 'voluntary_rehab',
      action: 'register',
      decidedOn: '2026-06-15',
      data: { setting: 'home_community' },
    });
    expect(registered.statusCode, registered.body).toBe(201);
    const rehab = await find('chair', 'voluntary_rehab');
    expect(rehab.deadlines).toEqual([
      expect.objectContaining({ timer: 'voluntary_rehab.decision_deadline', dueOn: '2026-06-18' }),
    ]);
    const tooShort = await step('chair', 'voluntary_rehab', {
      action: 'decide',
      decidedOn: '2026-06-15',
      decisionNo: '20/QĐ',
      data: { months: 5 },
    });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().issues).toEqual([
      expect.objectContaining({ path: ['body', 'data', 'months'], message: expect.stringContaining('từ 6 đến 12 tháng') }),
    ]);
    const decided = await step('chair', 'voluntary_rehab', {
      action: 'decide',
      decidedOn: '2026-06-15',
      decisionNo: '20/QĐ',
      data: { months: 6 },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json().classification).toBe('VOLUNTARY_REHAB_HOME_COMMUNITY');
    expect(decided.json().procedure.data).toMatchObject({ startDate: '2026-06-15', endDate: '2026-12-15', months: 6 });
    expect(decided.json().procedure.steps.at(-1).ruleSetId).toBe('law73-2025-07');
    const early = await step('chair', 'voluntary_rehab', {
      action: 'complete',
      decidedOn: '2026-06-15',
      decisionNo: '30/GCN',
      data: { stagesCompleted: true },
    });
    expect(early.statusCode).toBe(400);
  });

  it('completion opens post-rehab management for 1 year from the completion date (Law 120 in force by then)', async () => {
    clock.now = new Date('2026-12-16T03:00:00Z');
    await loginAgain();
    const completed = await step('chair', 'voluntary_rehab', {
      action: 'complete',
      decidedOn: '2026-12-15',
      decisionNo: '30/GCN',
      data: { stagesCompleted: true },
    });
    expect(completed.statusCode, completed.body).toBe(200);
    expect(completed.json().opened).toEqual([expect.objectContaining({ kind: 'post_rehab', state: 'proposed' })]);
    const decided = await step('chair', 'post_rehab', { action: 'decide', decidedOn: '2026-12-16', decisionNo: '40/QĐ' });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json().procedure.data).toMatchObject({ startDate: '2026-12-15', endDate: '2027-12-15' });
    expect(decided.json().procedure.steps.at(-1).ruleSetId).toBe('law120-2026');
    // Management of the illegal user still runs, but post-rehab management comes first (DOMAIN.md §4.1).
    expect(decided.json().classification).toBe('POST_REHAB_MANAGEMENT');
    const { rows } = await sql<{ classification: string }>`SELECT classification FROM person WHERE id = ${personId}`.execute(
      t.database.db,
    );
    expect(rows[0]?.classification).toBe('POST_REHAB_MANAGEMENT');
  });

  it('prints the drafts the state allows, audited, and refuses the others (409)', async () => {
    const management = await find('police', 'illegal_user_management');
    const pdf = await call(t.app, as('police'), 'GET', `/api/procedures/${management.id}/forms/management-decision`);
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await auditCount(t, 'procedure.form', management.id)).toBe(1);
    const wrong = await call(t.app, as('police'), 'GET', `/api/procedures/${management.id}/forms/mau-54`);
    expect([wrong.statusCode, wrong.json().code]).toEqual([409, 'PROCEDURE_FORM_UNAVAILABLE']);
    const post = await find('chair', 'post_rehab');
    expect((await call(t.app, as('chair'), 'GET', `/api/procedures/${post.id}/forms/mau-54`)).statusCode).toBe(200);
    expect((await call(t.app, as('clinic2'), 'GET', `/api/procedures/${post.id}/forms/mau-54`)).statusCode).toBe(404);
  });

  it('keeps free text out of clear columns', async () => {
    const { rows } = await sql<{ data: string }>`SELECT data::text AS data FROM procedure WHERE person_id = ${personId}`.execute(
      t.database.db,
    );
    const clear = rows.map((r) => r.data).join(' ');
    expect(clear).not.toContain('Methamphetamine');
    expect(clear).not.toContain('Công an xã thử');
    const steps = await sql<{ data_enc: string }>`SELECT data_enc FROM procedure_step WHERE person_id = ${personId}`.execute(
      t.database.db,
    );
    expect(steps.rows.map((r) => r.data_enc).join(' ')).not.toContain('Heroin');
  });
});

describe('merging two files of one person', () => {
  it('moves the procedures to the kept file and derives its classification; undo moves them back', async () => {
    const kept = await call(t.app, as('police'), 'POST', '/api/persons', {
      fullName: 'Người Gộp Hồ Sơ Thử',
      birthYear: 1990,
      sex: 'male',
      currentResidence: { unitCode: '00004' },
      hasStableResidence: true,
      confirmNotDuplicate: true,
    });
    const keptId = kept.json().id as string;
    const version = async (id: string) => (await call(t.app, as('pc04'), 'GET', `/api/persons/${id}`)).json().version as number;
    const merged = await call(t.app, as('pc04'), 'POST', `/api/persons/${keptId}/merge`, {
      duplicateId: personId,
      version: await version(keptId),
      duplicateVersion: await version(personId),
      reason: 'Hai hồ sơ của cùng một người (thử nghiệm)',
    });
    expect(merged.statusCode, merged.body).toBe(201);
    const moved = (await call(t.app, as('police'), 'GET', `/api/persons/${keptId}/procedures`)).json();
    expect(moved.classification).toBe('POST_REHAB_MANAGEMENT');
    expect(moved.items.map((p: { kind: string }) => p.kind)).toContain('post_rehab');
    const undone = await call(t.app, as('pc04'), 'POST', `/api/person-merges/${merged.json().id}/undo`, {
      reason: 'Gộp nhầm (thử nghiệm)',
    });
    expect(undone.statusCode, undone.body).toBe(200);
    const back = (await call(t.app, as('police'), 'GET', `/api/persons/${keptId}/procedures`)).json();
    expect([back.classification, back.items.length]).toEqual(['NONE', 0]);
    expect((await call(t.app, as('police'), 'GET', `/api/persons/${personId}/procedures`)).json().classification).toBe(
      'POST_REHAB_MANAGEMENT',
    );
  });
});

describe('facilities', () => {
  it('derive occupancy from the procedures and refuse a placement beyond capacity (409)', async () => {
    const list = await call(t.app, as('police'), 'GET', '/api/facilities?type=public_rehab');
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([expect.objectContaining({ code: 'TEST_REHAB', capacity: 1, occupancy: 0 })]);
    const other = await call(t.app, as('otherPolice'), 'POST', '/api/persons', {
      fullName: 'Người Cơ Sở Thử',
      birthYear: 1985,
      sex: 'female',
      currentResidence: { unitCode: '00008' },
      hasStableResidence: true,
      confirmNotDuplicate: true,
    });
    const otherId = other.json().id;
    const registerAt = (key: string, id: string) =>
      call(t.app, as(key), 'POST', `/api/persons/${id}/procedures`, {
        kind: 'voluntary_rehab',
        action: 'register',
        decidedOn: '2026-12-16',
        data: { setting: 'facility', facilityId: facilities.REHAB },
      });
    expect((await registerAt('otherPolice', otherId)).statusCode).toBe(201);
    const rehab = (await call(t.app, as('otherPolice'), 'GET', `/api/persons/${otherId}/procedures`)).json().items[0];
    // Police register; admission is the facility's or the chairman's decision.
    expect(rehab.allowedActions).toEqual(['record_violation', 'withdraw']);
    await sql`UPDATE procedure SET state = 'active' WHERE id = ${rehab.id}`.execute(t.database.db);
    const full = (await call(t.app, as('police'), 'GET', '/api/facilities?type=public_rehab')).json().items[0];
    expect(full.occupancy).toBe(1);
    const refused = await registerAt('police', personId);
    expect([refused.statusCode, refused.json().code]).toEqual([409, 'FACILITY_FULL']);
  });

  it('are managed by the provincial police of their province only', async () => {
    const denied = await call(t.app, as('police'), 'POST', '/api/facilities', {
      code: 'TEST_X',
      name: 'Cơ sở X',
      type: 'ost_clinic',
      provinceCode: '01',
    });
    expect(denied.statusCode).toBe(403);
    const elsewhere = await call(t.app, as('pc04'), 'POST', '/api/facilities', {
      code: 'TEST_Y',
      name: 'Cơ sở Y',
      type: 'ost_clinic',
      provinceCode: '79',
    });
    expect(elsewhere.statusCode).toBe(403);
  });
});
