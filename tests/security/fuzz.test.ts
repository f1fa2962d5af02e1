import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { call, TestClock } from '../support/auth';
import { createTestApp, type TestApp } from '../support/test-app';
import { buildWorld, databaseDigest, type World } from './fixtures';

/**
 * Hostile input for every route that takes input (SECURITY-RELIABILITY.md S16): wrong types, huge
 * strings, unknown and prototype-polluting keys, NUL bytes, injection strings. 200 cases per route
 * in CI. No answer may be a 5xx, show a stack trace or SQL, or change the database.
 */
const RUNS = 200;
const clock = new TestClock();
let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await createTestApp({ clock: clock.read });
  w = await buildWorld(t, clock);
}, 300_000);
afterAll(() => t.close());

const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    "' OR 1=1 --",
    '"; DROP TABLE app_user; --',
    '\u0000',
    'a\u0000b',
    '__proto__',
    'constructor',
    '../../etc/passwd',
    '<script>alert(1)</script>',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, on purpose
    '${7*7}',
    '%00',
    '9'.repeat(400),
    'x'.repeat(20_000),
    '🙂'.repeat(100),
    '00004',
    '2025-02-30',
  ),
);
const hostileValue = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileString, { maxLength: 3 }),
);
const pollutingKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'unitId', 'roles', 'isAdmin', 'createdBy');
/** Always carries at least one key the strict schemas refuse, so no case can be a valid write. */
const hostileBody = fc.oneof(
  fc
    .tuple(
      fc.dictionary(fc.oneof(fc.string({ maxLength: 12 }), pollutingKey), hostileValue, { maxKeys: 5 }),
      pollutingKey,
      hostileValue,
    )
    .map(([object, key, value]) =>
      JSON.parse(JSON.stringify({ ...object, zzUnknown: 1 }).replace(/^\{/, `{"${key}":${JSON.stringify(value) ?? 'null'},`)),
    ),
  fc.array(hostileValue, { maxLength: 3 }),
  hostileString,
  fc.integer(),
);

/** The actor whose rights reach the route, so inputs get past authorization to validation. */
function actorFor(url: string) {
  if (url.startsWith('/api/users')) return w.people.admin;
  if (url.startsWith('/api/audit-events')) return w.people.auditor;
  if (url.startsWith('/api/settings')) return w.people.admin;
  if (url.startsWith('/api/rule-sets') || url.startsWith('/api/calendar')) return w.people.admin;
  // Any logged-in user has notifications: a commune police officer reaches the handlers.
  if (url.startsWith('/api/notifications')) return w.people.police01a;
  // Facilities: the provincial police of province 01 manage them; procedures: the commune police.
  if (url.startsWith('/api/facilities')) return w.people.police01;
  if (url.startsWith('/api/procedures')) return w.people.police01a;
  // Plans: the provincial drug police keep and follow them (every plan route's handler is reached).
  if (url.startsWith('/api/plan')) return w.people.police01;
  // Merges and their undo: the provincial police (person:merge); transfers: the commune police.
  if (url.startsWith('/api/person-merges') || url.endsWith('/merge')) return w.people.police01;
  if (
    url.startsWith('/api/persons') ||
    url.startsWith('/api/person-transfers') ||
    url.startsWith('/api/person-imports') ||
    url === '/api/work-queue'
  )
    return w.people.police01a;
  return w.people.lead01;
}

it(`survives ${RUNS} hostile inputs per route without a 5xx, a leak or a change`, async () => {
  const routes = t.app.registeredRoutes.filter(
    (r) =>
      r.url.startsWith('/api/') &&
      !r.url.startsWith('/api/docs') &&
      r.url !== '/api/auth/logout' &&
      r.url !== '/api/auth/mfa/enrol',
  );
  const before = await databaseDigest(t);
  let requests = 0;
  const problems: string[] = [];
  for (const route of routes) {
    const actor = actorFor(route.url);
    if (!actor) throw new Error('fixture missing');
    await fc.assert(
      fc.asyncProperty(
        fc.array(hostileString, { minLength: 1, maxLength: 2 }),
        fc.dictionary(fc.oneof(fc.string({ maxLength: 10 }), pollutingKey), hostileString, { maxKeys: 4 }),
        hostileBody,
        async (params, query, body) => {
          const path = route.url.replace(/:(\w+)/g, (_m, _name, offset: number) =>
            encodeURIComponent(params[offset % params.length] ?? ''),
          );
          const search = new URLSearchParams(Object.entries(query)).toString();
          const url = `${path}${search ? `?${search}` : ''}`;
          const method = route.method as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
          const response = await call(
            t.app,
            actor.browser,
            method,
            url,
            method === 'GET' || method === 'DELETE' ? undefined : body,
          );
          requests++;
          if (response.statusCode >= 500)
            problems.push(`${route.method} ${route.url}: ${response.statusCode} ${response.body.slice(0, 200)}`);
          if (/\bat .+\.(ts|js):\d+|\b(SELECT|INSERT INTO|UPDATE \w+ SET|syntax error at)\b/.test(response.body)) {
            problems.push(`${route.method} ${route.url}: internals in body ${response.body.slice(0, 200)}`);
          }
        },
      ),
      { numRuns: RUNS, seed: 20_261_124 },
    );
  }
  console.log(`fuzz: ${requests} hostile requests over ${routes.length} routes, ${problems.length} problems`);
  expect(problems.slice(0, 10)).toEqual([]);
  expect(await databaseDigest(t)).toBe(before);
}, 600_000);
