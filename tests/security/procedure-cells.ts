import { sql } from 'kysely';
import { call } from '../support/auth';
import type { TestApp } from '../support/test-app';
import type { Person, World } from './fixtures';
import { coversPath } from './registry-moves';

/**
 * Matrix cells for legal procedures and facilities (issue #5; authz-matrix.test.ts). Subjects of
 * their own, registered with canary names so the registry cells' expectations hold: one in commune
 * p01a with a positive test (its testing unit a canary, sealed in the step) and a determination
 * request at the matrix's health facility, whose staff member (`facility01`) is linked to it; one
 * in p79a. Steps change state, so each allowed writer gets its own proposed management to cancel.
 */
export interface ProcedureCell {
  actor: string;
  method: 'GET' | 'POST' | 'PATCH';
  url: string;
  payload?: unknown;
  allow: boolean;
  forbidden: string[];
  required?: string[];
}

interface Subject {
  personId: string;
  name: string;
  testCanary: string;
  testId: string;
  managementId: string;
  determinationId?: string;
}

export interface ProcedureFixtures {
  facilityId: string;
  a: Subject;
  p79: Subject;
  /** Proposed management per allowed writer key ('' = shared by the denied cells). */
  cancelFor: Record<string, string>;
  /** A facility per allowed manager key ('' = shared). */
  facilityFor: Record<string, string>;
}

const SHARED = '';
const PATH_A = (w: World) => `01.${w.communes.p01a}`;
/** Readers of `procedure` records in an area: police, the commune People's Committee, the provincial lead. */
const readsProcedures = (p: Person) => p.key.startsWith('police') || p.key === 'pc01a' || p.roles.includes('provincial_lead');
/** Writers of procedures: police and the commune People's Committee (provincial lead reads only). */
const writesProcedures = (p: Person) => p.key.startsWith('police') || p.key === 'pc01a';
const managesFacilities = (p: Person) =>
  p.roles.includes('system_admin') || (p.roles.includes('provincial_officer') && p.unitPath.split('.')[0] === '01');

export async function buildProcedureFixtures(t: TestApp, w: World): Promise<ProcedureFixtures> {
  const police01 = w.people.police01;
  const police01a = w.people.police01a;
  const police79a = w.people.police79a;
  const facility01 = w.people.facility01;
  if (!police01 || !police01a || !police79a || !facility01) throw new Error('fixtures missing');
  const facility = async (code: string) => {
    const response = await call(t.app, police01.browser, 'POST', '/api/facilities', {
      code,
      name: `Cơ sở ${code}`,
      type: 'determination',
      provinceCode: '01',
    });
    if (response.statusCode !== 201) throw new Error(`facility ${response.statusCode} ${response.body}`);
    return response.json().id as string;
  };
  const facilityId = await facility('MATRIX_DET');
  await sql`UPDATE app_user SET facility_id = ${facilityId} WHERE id = ${facility01.id}`.execute(t.database.db);

  const subject = async (officer: Person, tag: string): Promise<Subject> => {
    const name = `CANARY-THUTUC-${tag}`;
    const created = await call(t.app, officer.browser, 'POST', '/api/persons', {
      fullName: name,
      birthYear: 1986,
      sex: 'male',
      currentResidence: { unitCode: officer.unitPath.split('.')[1] },
      hasStableResidence: true,
      confirmNotDuplicate: true,
    });
    if (created.statusCode !== 201) throw new Error(`procedure subject ${created.statusCode} ${created.body}`);
    const personId = created.json().id as string;
    const testCanary = `CANARY-XN-${tag}`;
    const test = await call(t.app, officer.browser, 'POST', `/api/persons/${personId}/procedures`, {
      kind: 'drug_test',
      action: 'record',
      decidedOn: '2026-06-10',
      data: { grounds: ['h'], sampleType: 'urine', result: 'positive', substances: ['Heroin'], testingUnit: testCanary },
    });
    if (test.statusCode !== 201) throw new Error(`procedure test ${test.statusCode} ${test.body}`);
    const opened = test.json().opened as { id: string; kind: string }[];
    return {
      personId,
      name,
      testCanary,
      testId: test.json().procedure.id,
      managementId: opened.find((o) => o.kind === 'illegal_user_management')?.id ?? '',
    };
  };
  const a = await subject(police01a, 'A');
  const determination = await call(t.app, police01a.browser, 'POST', `/api/persons/${a.personId}/procedures`, {
    kind: 'determination',
    action: 'request',
    decidedOn: '2026-06-11',
    data: { trigger: 'dd', facilityId },
  });
  if (determination.statusCode !== 201) throw new Error(`determination ${determination.statusCode} ${determination.body}`);
  a.determinationId = determination.json().procedure.id;
  const p79 = await subject(police79a, '79');

  const people = Object.values(w.people);
  const cancelFor: Record<string, string> = { [SHARED]: a.managementId };
  for (const p of people.filter((p) => writesProcedures(p) && coversPath(p, PATH_A(w))))
    cancelFor[p.key] = (await subject(police01a, `HUY-${p.key}`)).managementId;
  const facilityFor: Record<string, string> = { [SHARED]: facilityId };
  for (const p of people.filter(managesFacilities)) facilityFor[p.key] = await facility(`MATRIX_${p.key.toUpperCase()}`);
  return { facilityId, a, p79, cancelFor, facilityFor };
}

export function procedureMatrix(world: () => World, fixtures: () => ProcedureFixtures): Record<string, () => ProcedureCell[]> {
  const everyone = () => Object.values(world().people);
  const subjects = () => [
    { s: fixtures().a, path: PATH_A(world()) },
    { s: fixtures().p79, path: `79.${world().communes.p79a}` },
  ];
  const linked = (p: Person, s: Subject) => p.key === 'facility01' && s === fixtures().a;
  const pick = (map: Record<string, string>, key: string, allow: boolean) => {
    const value = allow ? map[key] : map[SHARED];
    if (value === undefined) throw new Error(`no procedure fixture for ${key}`);
    return value;
  };
  return {
    'GET /api/persons/:id/procedures': () =>
      everyone().flatMap((p) =>
        subjects().map(({ s, path }) => {
          const reads = readsProcedures(p) && coversPath(p, path);
          return {
            actor: p.key,
            method: 'GET' as const,
            url: `/api/persons/${s.personId}/procedures`,
            allow: reads || linked(p, s),
            // The facility sees the determination it was asked for, never the police's test.
            forbidden: reads ? [] : [s.testCanary],
            required: reads ? [s.testCanary] : linked(p, s) ? ['determination'] : [],
          };
        }),
      ),
    'GET /api/procedures/:id': () =>
      everyone().flatMap((p) =>
        subjects().flatMap(({ s, path }) => {
          const reads = readsProcedures(p) && coversPath(p, path);
          const cells = [
            {
              actor: p.key,
              method: 'GET' as const,
              url: `/api/procedures/${s.testId}`,
              allow: reads,
              forbidden: reads ? [] : [s.testCanary],
            },
          ];
          if (s.determinationId) {
            // Health records: police read them, the People's Committee does not; the linked facility does.
            const health = (p.key.startsWith('police') || p.roles.includes('provincial_lead')) && coversPath(p, path);
            cells.push({
              actor: p.key,
              method: 'GET' as const,
              url: `/api/procedures/${s.determinationId}`,
              allow: health || linked(p, s),
              forbidden: [],
            });
          }
          return cells;
        }),
      ),
    'POST /api/persons/:id/procedures': () =>
      everyone().map((p) => {
        const allow = p.key.startsWith('police') && coversPath(p, PATH_A(world()));
        return {
          actor: p.key,
          method: 'POST' as const,
          url: `/api/persons/${fixtures().a.personId}/procedures`,
          payload: {
            kind: 'drug_test',
            action: 'record',
            decidedOn: '2026-06-12',
            data: { grounds: ['g'], sampleType: 'urine', result: 'negative', testingUnit: 'Kiểm tra ma trận' },
          },
          allow,
          forbidden: [],
        };
      }),
    'POST /api/procedures/:id/steps': () =>
      everyone().map((p) => {
        const allow = writesProcedures(p) && coversPath(p, PATH_A(world()));
        return {
          actor: p.key,
          method: 'POST' as const,
          url: `/api/procedures/${pick(fixtures().cancelFor, p.key, allow)}/steps`,
          payload: { action: 'cancel', decidedOn: '2026-06-12', version: 1, data: { reason: 'Kiểm tra ma trận phân quyền' } },
          allow,
          forbidden: [],
        };
      }),
    'GET /api/procedures/:id/forms/:form': () =>
      everyone().map((p) => ({
        actor: p.key,
        method: 'GET' as const,
        url: `/api/procedures/${fixtures().a.managementId}/forms/management-decision`,
        allow: readsProcedures(p) && coversPath(p, PATH_A(world())),
        forbidden: [],
      })),
    'GET /api/facilities': () =>
      everyone().map((p) => ({
        actor: p.key,
        method: 'GET' as const,
        url: '/api/facilities',
        allow: true,
        forbidden: [],
        required: ['MATRIX_DET'],
      })),
    'POST /api/facilities': () =>
      everyone().map((p) => ({
        actor: p.key,
        method: 'POST' as const,
        url: '/api/facilities',
        payload: { code: `NEW_${p.key.toUpperCase()}`, name: 'Cơ sở kiểm tra ma trận', type: 'ost_clinic', provinceCode: '01' },
        allow: managesFacilities(p),
        forbidden: [],
      })),
    'PATCH /api/facilities/:id': () =>
      everyone().map((p) => {
        const allow = managesFacilities(p);
        return {
          actor: p.key,
          method: 'PATCH' as const,
          url: `/api/facilities/${pick(fixtures().facilityFor, p.key, allow)}`,
          payload: { version: 1, capacity: 40 },
          allow,
          forbidden: [],
        };
      }),
  };
}

/** Reads row-level security alone must block (the p79 subject's test from province 01, and so on). */
export function procedureCrossScopeReads(w: World, f: ProcedureFixtures, viewer: Person) {
  return [
    { s: f.a, path: PATH_A(w) },
    { s: f.p79, path: `79.${w.communes.p79a}` },
  ]
    .filter(({ path }) => !(readsProcedures(viewer) && coversPath(viewer, path)))
    .flatMap(({ s }) => [
      { url: `/api/persons/${s.personId}/procedures`, forbidden: [s.testCanary] },
      { url: `/api/procedures/${s.testId}`, forbidden: [s.testCanary] },
      // Its management decision is due: the work queue of a unit that cannot read it must not show it.
      ...(viewer.key === 'facility01' && s === f.a ? [] : [{ url: '/api/work-queue', forbidden: [s.name] }]),
    ]);
}
