import { sql } from 'kysely';
import type { Role } from '../../src/shared/permissions';
import { type Browser, call, firstLogin, makeUser, type TestClock } from '../support/auth';
import type { TestApp } from '../support/test-app';

/**
 * The security fixtures (SECURITY-RELIABILITY.md §2): two provinces × two communes, users of every
 * role in police, People's Committee and health agencies, each with canary strings that must never
 * appear where that user's data may not go.
 */
export interface Person {
  key: string;
  username: string;
  id: string;
  roles: Role[];
  unitPath: string;
  browser: Browser;
  /** The TOTP secret enrolled at first login (for step-up before exports). */
  secret: string;
  canary: string;
  /** The person this user registered (commune police only), with a canary name. */
  personId?: string;
  personCanary?: string;
  /** The break-the-glass grant this user opened, if its role may. */
  grantId?: string;
  grantCanary?: string;
}

export interface World {
  people: Record<string, Person>;
  communes: { p01a: string; p01b: string; p79a: string; p79b: string };
}

const SPECS: { key: string; unit: 'p01' | 'p79' | 'p01a' | 'p01b' | 'p79a'; agency: string; roles: Role[] }[] = [
  { key: 'admin', unit: 'p01', agency: 'CA_TINH', roles: ['system_admin'] },
  { key: 'auditor', unit: 'p01', agency: 'CA_TINH', roles: ['auditor'] },
  { key: 'lead01', unit: 'p01', agency: 'UBND_TINH', roles: ['provincial_lead'] },
  { key: 'lead79', unit: 'p79', agency: 'UBND_TINH', roles: ['provincial_lead'] },
  { key: 'police01', unit: 'p01', agency: 'PC04', roles: ['provincial_officer'] },
  { key: 'health01', unit: 'p01', agency: 'SO_Y_TE', roles: ['provincial_officer'] },
  { key: 'police01a', unit: 'p01a', agency: 'CA_XA', roles: ['commune_officer'] },
  { key: 'pc01a', unit: 'p01a', agency: 'UBND_XA', roles: ['commune_officer'] },
  { key: 'police01b', unit: 'p01b', agency: 'CA_XA', roles: ['commune_officer'] },
  { key: 'police79a', unit: 'p79a', agency: 'CA_XA', roles: ['commune_officer'] },
  { key: 'stats01', unit: 'p01', agency: 'SO_KHAC', roles: ['statistics_viewer'] },
  { key: 'facility01', unit: 'p01', agency: 'CS_Y_TE', roles: ['facility_staff'] },
];

export const CANARY_RECORD = '7d9c2f10-5a44-4e1b-9c3e-2b6f1a8d0c55';

export async function buildWorld(t: TestApp, clock: TestClock): Promise<World> {
  const communeCodes = async (province: string) =>
    (
      await sql<{
        code: string;
      }>`SELECT code FROM admin_unit WHERE parent_code = ${province} AND valid_to IS NULL ORDER BY code LIMIT 2`.execute(
        t.database.db,
      )
    ).rows.map((r) => r.code);
  const [a01, b01] = await communeCodes('01');
  const [a79, b79] = await communeCodes('79');
  if (!a01 || !b01 || !a79 || !b79) throw new Error('communes missing');
  const codes = { p01: '01', p79: '79', p01a: a01, p01b: b01, p79a: a79 };
  const paths = { p01: '01', p79: '79', p01a: `01.${a01}`, p01b: `01.${b01}`, p79a: `79.${a79}` };
  const people: Record<string, Person> = {};
  for (const spec of SPECS) {
    const username = `sec.${spec.key}`;
    const canary = `CANARY-${spec.key}-ten-hien-thi`;
    const { id, password } = await makeUser(t, {
      username,
      displayName: canary,
      unitCode: codes[spec.unit],
      agencyCode: spec.agency,
      roles: spec.roles,
    });
    const browser = await firstLogin(t, clock, username, password);
    people[spec.key] = {
      key: spec.key,
      username,
      id,
      roles: spec.roles,
      unitPath: paths[spec.unit],
      browser,
      secret: browser.secret,
      canary,
    };
  }
  // Every commune police officer registers one person in their commune, named with a canary.
  for (const person of Object.values(people)) {
    if (!person.key.startsWith('police') || person.unitPath.split('.').length !== 2) continue;
    const personCanary = `CANARY-NGUOI-${person.key}-HOSO`;
    const created = await call(t.app, person.browser, 'POST', '/api/persons', {
      fullName: personCanary,
      birthYear: 1990,
      sex: 'male',
      currentResidence: { unitCode: person.unitPath.split('.')[1], address: `${personCanary}-DIACHI` },
      hasStableResidence: true,
      phone: '0900000001',
      confirmNotDuplicate: true,
    });
    if (created.statusCode !== 201) throw new Error(`person fixture ${created.statusCode} ${created.body}`);
    person.personId = created.json().id;
    person.personCanary = personCanary;
  }
  // Every user allowed to break the glass opens one grant, with a canary in its reason.
  for (const person of Object.values(people)) {
    const grantCanary = `CANARY-BG-${person.key}-LYDO`;
    const response = await call(t.app, person.browser, 'POST', '/api/break-glass', {
      recordKind: 'person',
      recordId: CANARY_RECORD,
      reason: `${grantCanary}: cấp cứu, cần xem hồ sơ ngay để xử lý tình huống`,
    });
    if (response.statusCode === 201) {
      person.grantId = response.json().id;
      person.grantCanary = grantCanary;
    }
  }
  return { people, communes: { p01a: a01, p01b: b01, p79a: a79, p79b: b79 } };
}

/** A digest of every row a request could change (session activity times excluded). */
export async function databaseDigest(t: TestApp): Promise<string> {
  const { rows } = await sql<{ digest: string }>`
    SELECT md5(concat_ws('|',
      (SELECT string_agg(md5(u::text), ',' ORDER BY id) FROM (SELECT id, username, display_name, unit_id, agency_code, roles,
        password_hash, must_change_password, totp_secret_sealed, disabled_at FROM app_user) u),
      (SELECT string_agg(id::text || coalesce(revoked_at::text, '-') || stage, ',' ORDER BY id) FROM user_session),
      (SELECT string_agg(md5(k::text), ',' ORDER BY id) FROM api_token k),
      (SELECT string_agg(md5(g::text), ',' ORDER BY id) FROM break_glass_grant g),
      (SELECT string_agg(md5(r::text), ',' ORDER BY id) FROM mfa_recovery_code r),
      (SELECT string_agg(md5(a::text), ',' ORDER BY code) FROM agency a),
      (SELECT count(*)::text FROM admin_unit),
      (SELECT string_agg(id::text || version::text || full_name || unit_path, ',' ORDER BY id) FROM person),
      (SELECT count(*)::text FROM person_note),
      (SELECT count(*)::text FROM person_event),
      (SELECT count(*)::text || ':' || count(withdrawn_at)::text FROM person_attachment),
      (SELECT string_agg(md5(t::text), ',' ORDER BY id) FROM person_transfer t),
      (SELECT string_agg(md5(m::text), ',' ORDER BY id) FROM person_merge m),
      (SELECT count(*)::text FROM person_merge_row),
      (SELECT string_agg(md5(s::text), ',' ORDER BY key) FROM app_setting s),
      (SELECT string_agg(md5(o::text), ',' ORDER BY rule_set_id, rule_key) FROM rule_override o),
      (SELECT string_agg(md5(c::text), ',' ORDER BY year) FROM calendar_year c),
      (SELECT string_agg(md5(n::text), ',' ORDER BY id) FROM notification n),
      (SELECT string_agg(md5(j::text), ',' ORDER BY id) FROM job j),
      (SELECT string_agg(md5(f::text), ',' ORDER BY id) FROM facility f),
      (SELECT string_agg(md5(pr::text), ',' ORDER BY id) FROM procedure pr),
      (SELECT count(*)::text FROM procedure_step),
      (SELECT string_agg(md5(d::text), ',' ORDER BY id) FROM procedure_deadline d),
      (SELECT count(*)::text FROM procedure_facility_link),
      (SELECT string_agg(md5(pl::text), ',' ORDER BY id) FROM plan pl),
      (SELECT string_agg(md5(o::text), ',' ORDER BY id) FROM plan_objective o),
      (SELECT string_agg(md5(pt::text), ',' ORDER BY id) FROM plan_task pt),
      (SELECT string_agg(md5(rp::text), ',' ORDER BY id) FROM plan_report rp),
      (SELECT count(*)::text FROM plan_document)
    )) AS digest`.execute(t.database.db);
  return rows[0]?.digest ?? '';
}
