import { z } from 'zod';
import { ROLES } from '../permissions';

/**
 * Login and sessions. A session moves through stages: `setup` (the password must be changed
 * and/or TOTP enrolled before anything else), `mfa` (password accepted, TOTP code pending) and
 * `active`. Only `active` sessions reach data. Every write made with the session cookie carries
 * the `x-csrf-token` header returned here.
 */
export const SessionStage = z.enum(['setup', 'mfa', 'active']);
export type SessionStage = z.infer<typeof SessionStage>;

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, { error: 'field:USERNAME' });

/** Passwords are 12–128 characters, any characters (no composition rules: ASVS 6.2). */
export const NewPassword = z.string().min(12, { error: 'field:PASSWORD_LENGTH' }).max(128, { error: 'field:PASSWORD_LENGTH' });

export const LoginBody = z.strictObject({
  username: Username,
  /** Not length-checked here: a wrong password must get the same answer as an unknown user. */
  password: z.string().min(1).max(1024),
});

export const TotpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, { error: 'field:TOTP_CODE' });

/** A TOTP code, or one of the single-use recovery codes given at enrolment. */
export const MfaVerifyBody = z.strictObject({
  code: z.string().trim().min(6).max(32),
});

export const MfaConfirmBody = z.strictObject({ code: TotpCode });

export const PasswordChangeBody = z.strictObject({
  currentPassword: z.string().min(1).max(1024),
  newPassword: NewPassword,
});

export const CurrentUserDto = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  unit: z.object({ id: z.string(), code: z.string(), fullName: z.string(), path: z.array(z.string()) }),
  agency: z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string() }),
  /** Named permissions of the user's roles (src/shared/permissions.ts). */
  permissions: z.array(z.string()),
  mustChangePassword: z.boolean(),
  mfaEnrolled: z.boolean(),
});
export type CurrentUserDto = z.infer<typeof CurrentUserDto>;

/** `GET /api/auth/me`, and the answer of every login step. */
export const SessionResponse = z.object({
  stage: SessionStage,
  user: CurrentUserDto,
  /** Send as `x-csrf-token` on every POST, PUT, PATCH and DELETE made with the session cookie. */
  csrfToken: z.string(),
  /** When the session ends at the latest (absolute limit, 12 h after login). */
  expiresAt: z.string(),
  /** Idle limit in seconds (15 minutes): the session ends after this long without a request. */
  idleTimeoutSeconds: z.number().int(),
});
export type SessionResponse = z.infer<typeof SessionResponse>;

/** `POST /api/auth/mfa/enrol`: a new TOTP secret to scan; confirmed with a first code. */
export const MfaEnrolResponse = z.object({
  /** Base32 secret, for typing in when the QR code cannot be scanned. */
  secret: z.string(),
  otpauthUri: z.string(),
  /** The otpauth URI as an SVG QR code (render as an image). */
  qrSvg: z.string(),
});
export type MfaEnrolResponse = z.infer<typeof MfaEnrolResponse>;

/** `POST /api/auth/mfa/confirm`: enrolment done; recovery codes are shown once, never again. */
export const MfaConfirmResponse = SessionResponse.extend({
  recoveryCodes: z.array(z.string()),
});
export type MfaConfirmResponse = z.infer<typeof MfaConfirmResponse>;

export const SessionDto = z.object({
  id: z.string(),
  current: z.boolean(),
  stage: SessionStage,
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type SessionDto = z.infer<typeof SessionDto>;

export const SessionListResponse = z.object({ items: z.array(SessionDto) });
export type SessionListResponse = z.infer<typeof SessionListResponse>;

export const IdParams = z.strictObject({ id: z.uuid({ error: 'field:ID' }) });

export const StepUpBody = z.strictObject({ code: TotpCode });
