import type { SessionResponse, SessionStage } from '@shared/contracts/auth';
import { ROLE_PERMISSIONS, type Role } from '@shared/permissions';
import type { Kysely, Selectable } from 'kysely';
import { generateSecret, generateURI, verify as verifyTotp } from 'otplib';
import QRCode from 'qrcode';
import type { Config } from '../../config';
import type { Executor } from '../../db/client';
import type { DB, UserSessionTable } from '../../db/types';
import { type AuditActor, type AuditInput, appendAudit } from '../../platform/audit';
import type { Actor } from '../../platform/context';
import { inScope } from '../../platform/db-scope';
import { AppError } from '../../platform/errors';
import { hashPassword, passwordProblem, verifyAgainstDummy, verifyPassword } from '../../platform/passwords';
import type { Secrets } from '../../platform/secrets';
import * as policy from './auth.policy';
import * as repo from './auth.repo';
import { hashToken, newRecoveryCodes, newToken, normaliseRecoveryCode } from './tokens';

type SessionRow = Selectable<UserSessionTable>;

/** What authentication needs from the request and the app. */
export interface AuthContext {
  db: Kysely<DB>;
  clock: () => Date;
  secrets: Secrets;
  config: Pick<Config, 'dataDir'>;
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
}

const SYSTEM = { kind: 'system', reason: 'authentication' } as const;

export function auditActorOf(user: repo.UserWithScope | null): AuditActor {
  return user
    ? { userId: user.id, username: user.username, roles: user.roles, unitPath: user.unit_path, agency: user.agency_code }
    : { userId: null, username: null, roles: [], unitPath: null, agency: null };
}

/** An authentication event of this request, for `user` (null when the user is unknown). */
function authEvent(
  trx: Executor,
  ctx: AuthContext,
  user: repo.UserWithScope | null,
  event: Omit<AuditInput, 'actor' | 'requestId' | 'ip'>,
) {
  return appendAudit(trx, { actor: auditActorOf(user), requestId: ctx.requestId, ip: ctx.ip, ...event });
}

export function actorOf(user: repo.UserWithScope, via: Actor['via'], session: SessionRow | null): Actor {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    roles: user.roles as Role[],
    unitId: user.unit_id,
    unitPath: user.unit_path,
    agencyCode: user.agency_code,
    agencyKind: user.agency_kind as Actor['agencyKind'],
    agencyLevel: user.agency_level as Actor['agencyLevel'],
    facilityId: user.facility_id ?? null,
    via,
    sessionId: session?.id ?? null,
    stepUpAt: session?.step_up_at ?? null,
  };
}

function stageFor(user: repo.UserWithScope): SessionStage {
  return user.must_change_password || !user.totp_enabled_at ? 'setup' : 'mfa';
}

export function presentSession(
  ctx: Pick<AuthContext, 'secrets'>,
  user: repo.UserWithScope,
  session: SessionRow,
): SessionResponse {
  const permissions = [...new Set((user.roles as Role[]).flatMap((role) => ROLE_PERMISSIONS[role]))].sort();
  return {
    stage: session.stage,
    user: {
      id: user.id,
      username: user.username,
      displayName: user.display_name,
      roles: user.roles as Role[],
      unit: { id: user.unit_id, code: user.unit_code, fullName: user.unit_full_name, path: user.unit_path.split('.') },
      agency: { code: user.agency_code, nameVi: user.agency_name_vi, nameEn: user.agency_name_en },
      permissions,
      mustChangePassword: user.must_change_password,
      mfaEnrolled: user.totp_enabled_at !== null,
    },
    csrfToken: ctx.secrets.mac('csrf', session.id),
    expiresAt: session.expires_at.toISOString(),
    idleTimeoutSeconds: policy.SESSION_IDLE_MS / 1000,
  };
}

/** A logged-in (or half logged-in) session as the request carries it. */
export interface SessionState {
  user: repo.UserWithScope;
  session: SessionRow;
}

export interface IssuedSession extends SessionState {
  /** The cookie value; it exists only in the response, the database keeps its hash. */
  token: string;
}

async function openSession(
  ctx: AuthContext,
  trx: Executor,
  user: repo.UserWithScope,
  stage: SessionStage,
  expiresAt?: Date,
): Promise<IssuedSession> {
  const now = ctx.clock();
  const { token, hash } = newToken();
  const session = await repo.insertSession(trx, {
    user_id: user.id,
    token_hash: hash,
    stage,
    created_at: now,
    // Half-finished logins expire quickly; a finished one keeps the 12-hour limit from the first step.
    expires_at:
      expiresAt ?? new Date(now.getTime() + (stage === 'active' ? policy.SESSION_ABSOLUTE_MS : policy.SESSION_LOGIN_STEP_MS)),
    ip: ctx.ip,
    user_agent: ctx.userAgent?.slice(0, 300) ?? null,
  });
  return { user, session, token };
}

/** A new session id at every change of privilege (ASVS 7.2.4): the old token stops working. */
async function rotate(ctx: AuthContext, trx: Executor, state: SessionState, stage: SessionStage): Promise<IssuedSession> {
  await repo.revokeSession(trx, state.session.id, 'rotated', ctx.clock());
  const absolute = stage === 'active' ? new Date(state.session.created_at.getTime() + policy.SESSION_ABSOLUTE_MS) : undefined;
  return openSession(ctx, trx, state.user, stage, absolute);
}

/**
 * Password step of login. Unknown user, wrong password, disabled and locked accounts all answer
 * the same (LOGIN_FAILED) after the same work (one argon2 verification). Failures count toward the
 * lock: 5 within 15 minutes lock the account for 15 minutes. Audited either way.
 */
export async function login(ctx: AuthContext, input: { username: string; password: string }): Promise<IssuedSession> {
  const now = ctx.clock();
  const outcome = await inScope(ctx.db, SYSTEM, async (trx) => {
    const user = await repo.findUserByUsername(trx, input.username);
    if (!user) {
      await verifyAgainstDummy(input.password);
      await authEvent(trx, ctx, null, {
        action: 'auth.login_failed',
        outcome: 'failure',
        details: { reason: 'unknown_user' },
      });
      return null;
    }
    const passwordOk = await verifyPassword(user.password_hash, input.password);
    const locked = user.locked_until !== null && user.locked_until > now;
    if (!passwordOk || locked || user.disabled_at !== null) {
      const reason = user.disabled_at ? 'disabled' : locked ? 'locked' : 'wrong_password';
      if (reason === 'wrong_password') await countFailure(trx, user, now);
      await authEvent(trx, ctx, user, {
        action: 'auth.login_failed',
        outcome: 'failure',
        details: { reason },
      });
      return null;
    }
    await trx
      .updateTable('app_user')
      .set({ failed_login_count: 0, failed_login_since: null, locked_until: null })
      .where('id', '=', user.id)
      .execute();
    await authEvent(trx, ctx, user, {
      action: 'auth.password_accepted',
      outcome: 'success',
    });
    return openSession(ctx, trx, user, stageFor(user));
  });
  if (!outcome) throw new AppError('LOGIN_FAILED');
  return outcome;
}

async function countFailure(trx: Executor, user: repo.UserWithScope, now: Date): Promise<void> {
  const windowOpen =
    user.failed_login_since !== null && now.getTime() - user.failed_login_since.getTime() < policy.LOCKOUT_WINDOW_MS;
  const count = windowOpen ? user.failed_login_count + 1 : 1;
  await trx
    .updateTable('app_user')
    .set({
      failed_login_count: count,
      failed_login_since: windowOpen ? user.failed_login_since : now,
      locked_until: count >= policy.LOCKOUT_FAILURES ? new Date(now.getTime() + policy.LOCKOUT_DURATION_MS) : user.locked_until,
    })
    .where('id', '=', user.id)
    .execute();
}

function totpContext(userId: string, column: 'totp_secret_sealed' | 'totp_pending_sealed'): string {
  return `app_user.${column}.${userId}`;
}

/** Checks a TOTP code once: ±1 step, and never a step already used (replay). Returns the step. */
async function checkTotp(secret: string, code: string, lastStep: string | null, now: Date): Promise<number | null> {
  const result = await verifyTotp({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: policy.TOTP_TOLERANCE_SECONDS,
    ...(lastStep !== null ? { afterTimeStep: Number(lastStep) } : {}),
  }).catch(() => ({ valid: false as const }));
  if (!result.valid) return null;
  // The functional API returns HOTP or TOTP results; a TOTP result names its time step.
  return 'timeStep' in result && typeof result.timeStep === 'number' ? result.timeStep : null;
}

/**
 * Second step of login: a TOTP code (or a single-use recovery code). Wrong codes count toward the
 * same lock as wrong passwords; at the lock the half-open session ends too.
 */
export async function verifyMfa(ctx: AuthContext, state: SessionState, code: string): Promise<IssuedSession> {
  const now = ctx.clock();
  const result = await inScope(ctx.db, SYSTEM, async (trx) => {
    const user = await repo.findUserById(trx, state.user.id);
    if (!user?.totp_secret_sealed) return null;
    const secret = ctx.secrets.unseal(user.totp_secret_sealed, totpContext(user.id, 'totp_secret_sealed'));
    let method: 'totp' | 'recovery_code' = 'totp';
    const step = /^\d{6}$/.test(code) ? await checkTotp(secret, code, user.totp_last_step, now) : null;
    if (step !== null) {
      await trx
        .updateTable('app_user')
        .set({ totp_last_step: String(step) })
        .where('id', '=', user.id)
        .execute();
    } else if (!/^\d{6}$/.test(code) && (await spendRecoveryCode(ctx, trx, user.id, code, now))) {
      method = 'recovery_code';
    } else {
      await countFailure(trx, user, now);
      const lockedNow = (user.failed_login_count ?? 0) + 1 >= policy.LOCKOUT_FAILURES;
      if (lockedNow) await repo.revokeSession(trx, state.session.id, 'locked', now);
      await authEvent(trx, ctx, user, {
        action: 'auth.mfa_failed',
        outcome: 'failure',
      });
      return null;
    }
    await trx
      .updateTable('app_user')
      .set({ failed_login_count: 0, failed_login_since: null })
      .where('id', '=', user.id)
      .execute();
    const issued = await rotate(ctx, trx, { user, session: state.session }, 'active');
    await authEvent(trx, ctx, user, {
      action: 'auth.login',
      outcome: 'success',
      details: { method },
    });
    return issued;
  });
  if (!result) throw new AppError('MFA_CODE_INVALID');
  return result;
}

async function spendRecoveryCode(ctx: AuthContext, trx: Executor, userId: string, code: string, now: Date): Promise<boolean> {
  const hash = ctx.secrets.mac('recovery-code', normaliseRecoveryCode(code));
  const used = await trx
    .updateTable('mfa_recovery_code')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('code_hash', '=', hash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(used.numUpdatedRows) === 1;
}

/** Changes the password (at first login, or later). Later changes end the user's other sessions. */
export async function changePassword(
  ctx: AuthContext,
  state: SessionState,
  input: { currentPassword: string; newPassword: string },
): Promise<IssuedSession> {
  const { user } = state;
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    await inScope(ctx.db, SYSTEM, (trx) =>
      authEvent(trx, ctx, user, {
        action: 'auth.password_change_failed',
        outcome: 'failure',
      }),
    );
    throw new AppError('PASSWORD_WRONG');
  }
  if (input.newPassword === input.currentPassword) throw new AppError('PASSWORD_UNCHANGED');
  if (passwordProblem(input.newPassword, user.username)) throw new AppError('PASSWORD_TOO_COMMON');
  const passwordHash = await hashPassword(input.newPassword);
  return inScope(ctx.db, SYSTEM, async (trx) => {
    const now = ctx.clock();
    await trx
      .updateTable('app_user')
      .set({ password_hash: passwordHash, must_change_password: false, password_changed_at: now, updated_at: now })
      .where('id', '=', user.id)
      .execute();
    const others = await trx
      .updateTable('user_session')
      .set({ revoked_at: now, revoked_reason: 'password_changed' })
      .where('user_id', '=', user.id)
      .where('id', '<>', state.session.id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    await authEvent(trx, ctx, user, {
      action: 'auth.password_changed',
      outcome: 'success',
      details: { otherSessionsEnded: Number(others.numUpdatedRows) },
    });
    const fresh = await repo.findUserById(trx, user.id);
    if (!fresh) throw new AppError('AUTH_REQUIRED');
    const next: SessionStage = state.session.stage === 'active' ? 'active' : fresh.totp_enabled_at ? 'mfa' : 'setup';
    return rotate(ctx, trx, { user: fresh, session: state.session }, next);
  });
}

/** Starts TOTP enrolment: a new secret, kept sealed until a first code confirms it. */
export async function startEnrolment(
  ctx: AuthContext,
  state: SessionState,
): Promise<{ secret: string; otpauthUri: string; qrSvg: string }> {
  if (state.user.must_change_password) throw new AppError('LOGIN_INCOMPLETE');
  const secret = generateSecret();
  await inScope(ctx.db, SYSTEM, (trx) =>
    trx
      .updateTable('app_user')
      .set({ totp_pending_sealed: ctx.secrets.seal(secret, totpContext(state.user.id, 'totp_pending_sealed')) })
      .where('id', '=', state.user.id)
      .execute(),
  );
  const otpauthUri = generateURI({ secret, label: state.user.username, issuer: 'PCMT' });
  const qrSvg = await QRCode.toString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret, otpauthUri, qrSvg };
}

/** Confirms enrolment with a first code; returns the recovery codes, shown once. */
export async function confirmEnrolment(
  ctx: AuthContext,
  state: SessionState,
  code: string,
): Promise<IssuedSession & { recoveryCodes: string[] }> {
  const now = ctx.clock();
  const result = await inScope(ctx.db, SYSTEM, async (trx) => {
    const user = await repo.findUserById(trx, state.user.id);
    if (!user?.totp_pending_sealed || user.must_change_password) return null;
    const secret = ctx.secrets.unseal(user.totp_pending_sealed, totpContext(user.id, 'totp_pending_sealed'));
    const step = await checkTotp(secret, code, null, now);
    if (step === null) {
      await authEvent(trx, ctx, user, {
        action: 'auth.mfa_enrol_failed',
        outcome: 'failure',
      });
      return null;
    }
    await trx
      .updateTable('app_user')
      .set({
        totp_secret_sealed: ctx.secrets.seal(secret, totpContext(user.id, 'totp_secret_sealed')),
        totp_pending_sealed: null,
        totp_enabled_at: now,
        totp_last_step: String(step),
        updated_at: now,
      })
      .where('id', '=', user.id)
      .execute();
    const recoveryCodes = newRecoveryCodes();
    await trx.deleteFrom('mfa_recovery_code').where('user_id', '=', user.id).execute();
    await trx
      .insertInto('mfa_recovery_code')
      .values(
        recoveryCodes.map((c) => ({ user_id: user.id, code_hash: ctx.secrets.mac('recovery-code', normaliseRecoveryCode(c)) })),
      )
      .execute();
    await authEvent(trx, ctx, user, {
      action: 'auth.mfa_enrolled',
      outcome: 'success',
    });
    const fresh = await repo.findUserById(trx, user.id);
    if (!fresh) return null;
    const issued = await rotate(ctx, trx, { user: fresh, session: state.session }, 'active');
    await authEvent(trx, ctx, fresh, {
      action: 'auth.login',
      outcome: 'success',
      details: { method: 'enrolment' },
    });
    return { ...issued, recoveryCodes };
  });
  if (!result) throw new AppError('MFA_CODE_INVALID');
  return result;
}

/** Asks for the second factor again before sensitive actions (exports of personal data). */
export async function stepUp(ctx: AuthContext, state: SessionState, code: string): Promise<SessionState> {
  const now = ctx.clock();
  const ok = await inScope(ctx.db, SYSTEM, async (trx) => {
    const user = await repo.findUserById(trx, state.user.id);
    if (!user?.totp_secret_sealed) return null;
    const step = await checkTotp(
      ctx.secrets.unseal(user.totp_secret_sealed, totpContext(user.id, 'totp_secret_sealed')),
      code,
      user.totp_last_step,
      now,
    );
    await authEvent(trx, ctx, user, {
      action: 'auth.step_up',
      outcome: step === null ? 'failure' : 'success',
    });
    if (step === null) return null;
    await trx
      .updateTable('app_user')
      .set({ totp_last_step: String(step) })
      .where('id', '=', user.id)
      .execute();
    return trx
      .updateTable('user_session')
      .set({ step_up_at: now })
      .where('id', '=', state.session.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  });
  if (!ok) throw new AppError('MFA_CODE_INVALID');
  return { user: state.user, session: ok };
}

export async function logout(ctx: AuthContext, state: SessionState): Promise<void> {
  await inScope(ctx.db, SYSTEM, async (trx) => {
    await repo.revokeSession(trx, state.session.id, 'logout', ctx.clock());
    await authEvent(trx, ctx, state.user, {
      action: 'auth.logout',
      outcome: 'success',
    });
  });
}

/**
 * Resolves the session cookie: valid when not revoked, not past its absolute limit, used within the
 * idle limit, and its user not disabled. Touches `last_seen_at` (the idle clock). Loads the user
 * fresh every time, so a change of unit, agency or role applies to the next request.
 */
export async function resolveSession(ctx: Pick<AuthContext, 'db' | 'clock'>, token: string): Promise<SessionState | null> {
  const now = ctx.clock();
  return inScope(ctx.db, SYSTEM, async (trx) => {
    const session = await repo.findSessionByTokenHash(trx, hashToken(token));
    if (!session || session.revoked_at || session.expires_at <= now) return null;
    if (now.getTime() - session.last_seen_at.getTime() > policy.SESSION_IDLE_MS) {
      await repo.revokeSession(trx, session.id, 'idle', now);
      return null;
    }
    const user = await repo.findUserById(trx, session.user_id);
    if (!user || user.disabled_at) return null;
    await repo.touchSession(trx, session.id, now);
    return { user, session };
  });
}

/** Resolves `Authorization: Bearer …` to the token's user (unrevoked, unexpired, user enabled). */
export async function resolveApiToken(ctx: Pick<AuthContext, 'db' | 'clock'>, token: string): Promise<repo.UserWithScope | null> {
  const now = ctx.clock();
  return inScope(ctx.db, SYSTEM, async (trx) => {
    const row = await repo.findActiveToken(trx, hashToken(token), now);
    if (!row) return null;
    const user = await repo.findUserById(trx, row.user_id);
    if (!user || user.disabled_at) return null;
    await trx.updateTable('api_token').set({ last_used_at: now }).where('id', '=', row.id).execute();
    return user;
  });
}
