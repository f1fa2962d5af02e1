import type { Role } from '../../src/shared/permissions';
import { call } from '../support/auth';
import type { TestApp } from '../support/test-app';
import type { Person, World } from './fixtures';

/**
 * Matrix cells for residence transfers, merges and settings (authz-matrix.test.ts). These routes
 * change state when allowed, so each allowed cell gets a subject of its own (a fresh person, a
 * pending transfer, a pair of files) and the denied cells share one that must stay untouched.
 * Subjects are registered in commune p01a by its police, with canary names, and transferred
 * towards p01b: the registry fixtures' own persons never get a transfer, so the other cells'
 * expectations about who sees them still hold.
 */
export interface MoveCell {
  actor: string;
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  payload?: unknown;
  allow: boolean;
  forbidden: string[];
  required?: string[];
}

export interface MoveFixtures {
  /** Person per requester key ('' = shared by the denied cells). */
  requestSubject: Record<string, string>;
  /** Pending transfer per deciding actor key, per action. */
  transferFor: Record<'accept' | 'reject' | 'cancel', Record<string, string>>;
  /** A pending transfer nobody decides: seen by both communes and their province. */
  queue: { personId: string; transferId: string; nameCanary: string; reasonCanary: string };
  /** Pairs (kept, duplicate) per merging actor key. */
  mergePair: Record<string, { kept: string; duplicate: string }>;
  /** A merge made by the provincial police, to undo and list. */
  merge: { id: string; kept: string; duplicateCanary: string };
  /** Every canary name of these subjects. */
  canaries: string[];
}

const SHARED = '';

/** Whether a viewer's area holds a unit path (the user directory rule of authz-matrix.test.ts). */
export function coversPath(viewer: Person, path: string): boolean {
  if (viewer.roles.some((r) => r === 'system_admin' || r === 'auditor')) return true;
  const provincial = viewer.roles.some((r: Role) => ['provincial_lead', 'provincial_officer', 'statistics_viewer'].includes(r));
  const area = provincial ? (viewer.unitPath.split('.')[0] ?? '') : viewer.unitPath;
  return path === area || path.startsWith(`${area}.`);
}

/** Police officers write persons (the fixtures' naming: `police…`); the provincial one may also merge. */
const writes = (p: Person) => p.key.startsWith('police');
const merges = (p: Person) => writes(p) && p.roles.includes('provincial_officer');
/** Readers of persons in their area: the provincial lead, police, and the commune People's Committee. */
const reads = (p: Person) => p.roles.includes('provincial_lead') || p.key.startsWith('police') || p.key === 'pc01a';

export async function buildMoveFixtures(t: TestApp, w: World): Promise<MoveFixtures> {
  const people = Object.values(w.people);
  const police01a = w.people.police01a;
  const police01 = w.people.police01;
  if (!police01a || !police01) throw new Error('registry fixtures missing');
  const pathA = police01a.unitPath;
  const pathB = `01.${w.communes.p01b}`;
  const canaries: string[] = [];
  let serial = 0;
  const register = async (tag: string) => {
    serial++;
    const name = `CANARY-CHUYEN-${tag}-${serial}`;
    const response = await call(t.app, police01a.browser, 'POST', '/api/persons', {
      fullName: name,
      birthYear: 1985,
      sex: 'male',
      currentResidence: { unitCode: w.communes.p01a },
      hasStableResidence: true,
      confirmNotDuplicate: true,
    });
    if (response.statusCode !== 201) throw new Error(`move subject ${response.statusCode} ${response.body}`);
    canaries.push(name);
    return { id: response.json().id as string, name };
  };
  const transfer = async (personId: string, reason = 'Kiểm tra ma trận phân quyền') => {
    const response = await call(t.app, police01a.browser, 'POST', `/api/persons/${personId}/transfers`, {
      toUnitCode: w.communes.p01b,
      reason,
    });
    if (response.statusCode !== 201) throw new Error(`move transfer ${response.statusCode} ${response.body}`);
    return response.json().id as string;
  };

  const requestSubject: Record<string, string> = { [SHARED]: (await register('REQ')).id };
  for (const p of people.filter((p) => writes(p) && coversPath(p, pathA))) requestSubject[p.key] = (await register('REQ')).id;

  const transferFor: MoveFixtures['transferFor'] = { accept: {}, reject: {}, cancel: {} };
  for (const action of ['accept', 'reject', 'cancel'] as const) {
    const side = action === 'cancel' ? pathA : pathB;
    const keys = [SHARED, ...people.filter((p) => writes(p) && coversPath(p, side)).map((p) => p.key)];
    for (const key of keys) transferFor[action][key] = await transfer((await register(action.toUpperCase())).id);
  }

  const queueSubject = await register('QUEUE');
  const reasonCanary = 'CANARY-LYDO-CHUYEN-QUEUE';
  const queue = {
    personId: queueSubject.id,
    nameCanary: queueSubject.name,
    reasonCanary,
    transferId: await transfer(queueSubject.id, reasonCanary),
  };

  const mergePair: MoveFixtures['mergePair'] = {};
  for (const key of [SHARED, ...people.filter(merges).map((p) => p.key)]) {
    mergePair[key] = { kept: (await register('GIU')).id, duplicate: (await register('TRUNG')).id };
  }
  const kept = await register('GOP-GIU');
  const duplicate = await register('GOP-TRUNG');
  const merged = await call(t.app, police01.browser, 'POST', `/api/persons/${kept.id}/merge`, {
    duplicateId: duplicate.id,
    version: 1,
    duplicateVersion: 1,
    reason: 'Kiểm tra ma trận phân quyền',
  });
  if (merged.statusCode !== 201) throw new Error(`move merge ${merged.statusCode} ${merged.body}`);
  return {
    requestSubject,
    transferFor,
    queue,
    mergePair,
    merge: { id: merged.json().id, kept: kept.id, duplicateCanary: duplicate.name },
    canaries,
  };
}

/** The cells of the new routes, in the shape of authz-matrix.test.ts's MATRIX. */
export function moveMatrix(world: () => World, fixtures: () => MoveFixtures): Record<string, () => MoveCell[]> {
  const everyone = () => Object.values(world().people);
  const pathA = () => `01.${world().communes.p01a}`;
  const pathB = () => `01.${world().communes.p01b}`;
  const seesQueue = (p: Person) => reads(p) && (coversPath(p, pathA()) || coversPath(p, pathB()));
  const pick = <T>(map: Record<string, T>, key: string, allow: boolean): T => {
    const value = allow ? map[key] : map[SHARED];
    if (value === undefined) throw new Error(`no move fixture for ${key}`);
    return value;
  };
  const isAdmin = (p: Person) => p.roles.includes('system_admin');
  const decision = (action: 'accept' | 'reject' | 'cancel') => () =>
    everyone().map((p) => {
      const allow = writes(p) && coversPath(p, action === 'cancel' ? pathA() : pathB());
      return {
        actor: p.key,
        method: 'POST' as const,
        url: `/api/person-transfers/${pick(fixtures().transferFor[action], p.key, allow)}/${action}`,
        payload: {},
        allow,
        forbidden: [],
      };
    });
  const settingKey = 'person_transfer.acknowledge_days';
  return {
    'POST /api/persons/:id/transfers': () =>
      everyone().map((p) => {
        const allow = writes(p) && coversPath(p, pathA());
        return {
          actor: p.key,
          method: 'POST',
          url: `/api/persons/${pick(fixtures().requestSubject, p.key, allow)}/transfers`,
          payload: { toUnitCode: world().communes.p01b, reason: 'Kiểm tra ma trận phân quyền' },
          allow,
          forbidden: [],
        };
      }),
    'GET /api/persons/:id/transfers': () =>
      everyone().map((p) => ({
        actor: p.key,
        method: 'GET',
        url: `/api/persons/${fixtures().queue.personId}/transfers`,
        allow: seesQueue(p),
        forbidden: seesQueue(p) ? [] : [fixtures().queue.reasonCanary],
        required: seesQueue(p) ? [fixtures().queue.reasonCanary] : [],
      })),
    'POST /api/person-transfers/:id/accept': decision('accept'),
    'POST /api/person-transfers/:id/reject': decision('reject'),
    'POST /api/person-transfers/:id/cancel': decision('cancel'),
    'GET /api/work-queue': () =>
      everyone().map((p) => ({
        actor: p.key,
        method: 'GET',
        url: '/api/work-queue',
        allow: true,
        forbidden: seesQueue(p) ? [] : fixtures().canaries,
        required: seesQueue(p) ? [fixtures().queue.nameCanary] : [],
      })),
    'POST /api/persons/:id/merge': () =>
      everyone().map((p) => {
        const pair = pick(fixtures().mergePair, p.key, merges(p));
        return {
          actor: p.key,
          method: 'POST',
          url: `/api/persons/${pair.kept}/merge`,
          payload: { duplicateId: pair.duplicate, version: 1, duplicateVersion: 1, reason: 'Kiểm tra ma trận phân quyền' },
          allow: merges(p),
          forbidden: [],
        };
      }),
    'GET /api/persons/:id/merges': () =>
      everyone().map((p) => {
        const allow = reads(p) && coversPath(p, pathA());
        return {
          actor: p.key,
          method: 'GET',
          url: `/api/persons/${fixtures().merge.kept}/merges`,
          allow,
          forbidden: allow ? [] : [fixtures().merge.duplicateCanary],
          required: allow ? [fixtures().merge.duplicateCanary] : [],
        };
      }),
    'POST /api/person-merges/:id/undo': () =>
      everyone().map((p) => ({
        actor: p.key,
        method: 'POST',
        url: `/api/person-merges/${fixtures().merge.id}/undo`,
        payload: {},
        allow: merges(p),
        forbidden: merges(p) ? [] : [fixtures().merge.duplicateCanary],
      })),
    'GET /api/settings': () =>
      everyone().map((p) => ({
        actor: p.key,
        method: 'GET',
        url: '/api/settings',
        allow: isAdmin(p),
        forbidden: [],
        required: isAdmin(p) ? [settingKey] : [],
      })),
    'GET /api/settings/:key': () =>
      everyone().map((p) => ({
        actor: p.key,
        method: 'GET',
        url: `/api/settings/${settingKey}`,
        allow: isAdmin(p),
        forbidden: [],
        required: isAdmin(p) ? [settingKey] : [],
      })),
    'PUT /api/settings/:key': () =>
      everyone().map((p) => ({
        actor: p.key,
        method: 'PUT',
        url: `/api/settings/${settingKey}`,
        payload: {
          value: { days: 4, dayKind: 'calendar' },
          citation: 'Kiểm tra ma trận phân quyền',
          confirmed: false,
          version: 1,
        },
        allow: isAdmin(p),
        forbidden: [],
      })),
  };
}

/** Cross-scope reads of these tables for the row-level-security-alone test (service checks off). */
export function moveCrossScopeReads(world: World, fixtures: MoveFixtures, viewer: Person) {
  const seesA = reads(viewer) && coversPath(viewer, `01.${world.communes.p01a}`);
  const seesQueue = seesA || (reads(viewer) && coversPath(viewer, `01.${world.communes.p01b}`));
  return [
    { url: '/api/work-queue', forbidden: seesQueue ? [] : fixtures.canaries },
    ...(seesQueue
      ? []
      : [{ url: `/api/persons/${fixtures.queue.personId}/transfers`, forbidden: [fixtures.queue.reasonCanary] }]),
    ...(seesA ? [] : [{ url: `/api/persons/${fixtures.merge.kept}/merges`, forbidden: [fixtures.merge.duplicateCanary] }]),
  ];
}
