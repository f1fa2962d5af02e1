import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { UserCreateBody, UserDto, UserUpdateBody } from '@shared/contracts/users';
import { ROLE_UNIT_LEVEL, type Role } from '@shared/permissions';
import { foldVi } from '@shared/text/vi';
import { sql } from 'kysely';
import type { Executor } from '../../db/client';
import { auditCall, requirePermission, scopeOf } from '../../platform/authz';
import type { ServiceContext } from '../../platform/context';
import { type DbScope, inScope } from '../../platform/db-scope';
import { AppError } from '../../platform/errors';
import { hashPassword } from '../../platform/passwords';
import { getAgency } from '../agencies/agencies.service';
import { API_TOKEN_MAX_TTL_DAYS } from '../auth/auth.policy';
import * as authRepo from '../auth/auth.repo';
import { newTemporaryPassword, newToken } from '../auth/tokens';
import { getUnit } from '../units/units.service';

const SYSTEM: DbScope = { kind: 'system', reason: 'administration' };

/** The CLI and start-up act as the system; requests act as their user, checked and scoped. */
function scopeFor(ctx: ServiceContext): DbScope {
  return ctx.actor ? scopeOf(ctx.actor) : SYSTEM;
}

function manager(ctx: ServiceContext) {
  return ctx.actor ? requirePermission(ctx, 'user:manage') : null;
}

async function presentUser(trx: Executor, user: authRepo.UserWithScope, now: Date): Promise<UserDto> {
  const sessions = await trx
    .selectFrom('user_session')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('user_id', '=', user.id)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirstOrThrow();
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    roles: user.roles as Role[],
    unit: { id: user.unit_id, code: user.unit_code, fullName: user.unit_full_name },
    agencyCode: user.agency_code,
    facilityId: user.facility_id ?? null,
    email: user.email ?? null,
    mfaEnrolled: user.totp_enabled_at !== null,
    mustChangePassword: user.must_change_password,
    lockedUntil: user.locked_until && user.locked_until > now ? user.locked_until.toISOString() : null,
    disabledAt: user.disabled_at?.toISOString() ?? null,
    createdAt: user.created_at.toISOString(),
    activeSessions: sessions.n,
  };
}

/** Checks unit, agency and roles fit together, before any transaction opens. */
async function resolvePlacement(
  ctx: ServiceContext,
  input: { unitCode: string; agencyCode: string; roles: Role[]; facilityId?: string | null },
) {
  const { unit, ancestors } = await getUnit(ctx, input.unitCode);
  const agency = await getAgency(ctx, input.agencyCode);
  for (const role of input.roles) {
    const level = ROLE_UNIT_LEVEL[role];
    const facilityOnly = role === 'facility_staff' && agency.level !== 'facility';
    if ((level !== 'any' && unit.level !== level) || facilityOnly) throw new AppError('ROLE_NOT_ALLOWED_HERE', { role });
  }
  if (!agency.active) throw new AppError('AGENCY_NOT_FOUND', { code: input.agencyCode });
  if (input.facilityId) {
    // A facility's staff belong to its agency (migration 0014): a clinic's staff cannot be given a rehab centre.
    const facility = await inScope(ctx.db, scopeFor(ctx), (trx) =>
      trx
        .selectFrom('facility')
        .select('agency_code')
        .where('id', '=', input.facilityId as string)
        .executeTakeFirst(),
    );
    if (!facility || facility.agency_code !== agency.code) throw new AppError('FACILITY_NOT_FOUND');
  }
  return { unitId: unit.id, unitPath: [...ancestors.map((a) => a.code), unit.code].join('.'), agencyCode: agency.code };
}

/**
 * Creates an account with a one-time password the user must change at first login (then enrol
 * TOTP). Admin only over HTTP; the CLI acts as the system. Audited as `user.create`.
 */
export async function createUser(ctx: ServiceContext, input: UserCreateBody, options: { password?: string } = {}) {
  const actor = manager(ctx);
  const placement = await resolvePlacement(ctx, input);
  const temporaryPassword = options.password ?? newTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  return inScope(ctx.db, scopeFor(ctx), async (trx) => {
    if (await trx.selectFrom('app_user').select('id').where('username', '=', input.username).executeTakeFirst()) {
      throw new AppError('USERNAME_TAKEN', { username: input.username });
    }
    const { id } = await trx
      .insertInto('app_user')
      .values({
        username: input.username,
        display_name: input.displayName,
        unit_id: placement.unitId,
        unit_path: placement.unitPath,
        agency_code: placement.agencyCode,
        roles: input.roles,
        facility_id: input.facilityId ?? null,
        email: input.email ?? null,
        password_hash: passwordHash,
        must_change_password: true,
        created_by: actor?.userId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await auditCall(trx, ctx, actor, {
      action: 'user.create',
      outcome: 'success',
      recordKind: 'user_account',
      recordId: id,
      details: { roles: input.roles.join(','), unitPath: placement.unitPath, agency: placement.agencyCode },
    });
    const user = await authRepo.findUserById(trx, id);
    if (!user) throw new AppError('USER_NOT_FOUND');
    return { user: await presentUser(trx, user, ctx.clock()), temporaryPassword };
  });
}

export async function listUsers(
  ctx: ServiceContext,
  input: { q?: string | undefined; includeDisabled: boolean },
): Promise<UserDto[]> {
  manager(ctx);
  return inScope(ctx.db, scopeFor(ctx), async (trx) => {
    let query = authRepo.selectUserWithScope(trx).orderBy('u.username');
    if (!input.includeDisabled) query = query.where('u.disabled_at', 'is', null);
    const rows = await query.limit(1000).execute();
    const wanted = input.q ? foldVi(input.q) : null;
    const matching = wanted ? rows.filter((r) => foldVi(`${r.username} ${r.display_name}`).includes(wanted)) : rows;
    return Promise.all(matching.map((row) => presentUser(trx, row, ctx.clock())));
  });
}

export async function getUser(ctx: ServiceContext, id: string): Promise<UserDto> {
  manager(ctx);
  return inScope(ctx.db, scopeFor(ctx), async (trx) => {
    const user = await authRepo.findUserById(trx, id);
    if (!user) throw new AppError('USER_NOT_FOUND');
    return presentUser(trx, user, ctx.clock());
  });
}

/**
 * Changes an account. A change of unit, agency or roles, or disabling it, ends all the user's
 * sessions and API tokens at once (SECURITY-RELIABILITY.md S14). Administrators cannot disable
 * themselves or drop their own administrator role.
 */
export async function updateUser(ctx: ServiceContext, id: string, input: UserUpdateBody): Promise<UserDto> {
  const actor = manager(ctx);
  const current = await inScope(ctx.db, scopeFor(ctx), (trx) => authRepo.findUserById(trx, id));
  if (!current) throw new AppError('USER_NOT_FOUND');
  if (actor && actor.userId === id && (input.disabled === true || (input.roles && !input.roles.includes('system_admin')))) {
    throw new AppError('SELF_LOCKOUT');
  }
  const roles = (input.roles ?? current.roles) as Role[];
  const placement =
    input.unitCode || input.agencyCode || input.roles || input.facilityId !== undefined
      ? await resolvePlacement(ctx, {
          unitCode: input.unitCode ?? current.unit_code,
          agencyCode: input.agencyCode ?? current.agency_code,
          roles,
          facilityId: input.facilityId === undefined ? current.facility_id : input.facilityId,
        })
      : null;
  const now = ctx.clock();
  return inScope(ctx.db, scopeFor(ctx), async (trx) => {
    const scopeChanged =
      placement !== null &&
      (placement.unitId !== current.unit_id ||
        placement.agencyCode !== current.agency_code ||
        roles.join(',') !== current.roles.join(',') ||
        (input.facilityId !== undefined && input.facilityId !== current.facility_id));
    const disabling = input.disabled === true && current.disabled_at === null;
    await trx
      .updateTable('app_user')
      .set({
        ...(input.displayName ? { display_name: input.displayName } : {}),
        ...(placement
          ? { unit_id: placement.unitId, unit_path: placement.unitPath, agency_code: placement.agencyCode, roles }
          : {}),
        ...(input.facilityId !== undefined ? { facility_id: input.facilityId } : {}),
        ...(input.email !== undefined ? { email: input.email } : {}),
        ...(input.disabled !== undefined ? { disabled_at: input.disabled ? (current.disabled_at ?? now) : null } : {}),
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    const ended =
      scopeChanged || disabling ? await authRepo.revokeAllForUser(trx, id, disabling ? 'disabled' : 'scope_changed', now) : 0;
    await auditCall(trx, ctx, actor, {
      action: 'user.update',
      outcome: 'success',
      recordKind: 'user_account',
      recordId: id,
      details: { fields: Object.keys(input).sort().join(','), sessionsEnded: ended },
    });
    const user = await authRepo.findUserById(trx, id);
    if (!user) throw new AppError('USER_NOT_FOUND');
    return presentUser(trx, user, now);
  });
}

/** A new one-time password; the user must change it at next login. TOTP stays: no MFA bypass. */
export async function resetPassword(ctx: ServiceContext, id: string): Promise<{ temporaryPassword: string }> {
  const actor = manager(ctx);
  const temporaryPassword = newTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  const now = ctx.clock();
  await inScope(ctx.db, scopeFor(ctx), async (trx) => {
    const updated = await trx
      .updateTable('app_user')
      .set({
        password_hash: passwordHash,
        must_change_password: true,
        failed_login_count: 0,
        locked_until: null,
        updated_at: now,
      })
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError('USER_NOT_FOUND');
    const ended = await authRepo.revokeAllForUser(trx, id, 'password_reset', now);
    await auditCall(trx, ctx, actor, {
      action: 'user.password_reset',
      outcome: 'success',
      recordKind: 'user_account',
      recordId: id,
      details: { sessionsEnded: ended },
    });
  });
  return { temporaryPassword };
}

export async function revokeUserSessions(ctx: ServiceContext, id: string): Promise<void> {
  const actor = manager(ctx);
  await inScope(ctx.db, scopeFor(ctx), async (trx) => {
    if (!(await authRepo.findUserById(trx, id))) throw new AppError('USER_NOT_FOUND');
    const ended = await authRepo.revokeAllForUser(trx, id, 'revoked_by_admin', ctx.clock());
    await auditCall(trx, ctx, actor, {
      action: 'user.sessions_revoked',
      outcome: 'success',
      recordKind: 'user_account',
      recordId: id,
      details: { sessionsEnded: ended },
    });
  });
}

/** Issues an API token for a user (CLI): printed once, stored hashed, revocable, with an expiry. */
export async function createApiToken(ctx: ServiceContext, input: { username: string; ttlDays: number; name: string }) {
  if (input.ttlDays < 1 || input.ttlDays > API_TOKEN_MAX_TTL_DAYS) throw new AppError('VALIDATION_FAILED');
  return inScope(ctx.db, SYSTEM, async (trx) => {
    const user = await authRepo.findUserByUsername(trx, input.username);
    if (!user || user.disabled_at) throw new AppError('USER_NOT_FOUND');
    const { token, hash } = newToken('pcmt_');
    const expiresAt = new Date(ctx.clock().getTime() + input.ttlDays * 86_400_000);
    const row = await trx
      .insertInto('api_token')
      .values({ user_id: user.id, name: input.name, token_hash: hash, expires_at: expiresAt })
      .returning('id')
      .executeTakeFirstOrThrow();
    await auditCall(trx, ctx, null, {
      action: 'token.created',
      outcome: 'success',
      recordKind: 'api_token',
      recordId: row.id,
      details: { forUser: user.username, ttlDays: input.ttlDays },
    });
    return { token, id: row.id, expiresAt };
  });
}

/**
 * First start of an empty database: creates `admin` (system administrator at the provincial
 * police) with a random password, written to DATA_DIR/initial-admin-password (mode 600) and
 * returned for printing once. It must be changed, and TOTP enrolled, at first login.
 */
export async function ensureInitialAdmin(
  ctx: ServiceContext,
  options: { dataDir: string; provinceCode: string },
): Promise<string | null> {
  const count = await inScope(ctx.db, SYSTEM, (trx) => authRepo.countUsers(trx));
  if (count.n > 0) return null;
  const { temporaryPassword } = await createUser(
    { ...ctx, actor: null },
    {
      username: 'admin',
      displayName: 'Quản trị hệ thống',
      unitCode: options.provinceCode,
      agencyCode: 'CA_TINH',
      roles: ['system_admin'],
    },
  );
  writeFileSync(path.join(options.dataDir, 'initial-admin-password'), `${temporaryPassword}\n`, { mode: 0o600 });
  return temporaryPassword;
}
