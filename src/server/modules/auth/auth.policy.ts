/**
 * Session and login limits (SECURITY-RELIABILITY.md S12–S14; ASVS 4.0.3 L3; DHIS2 defaults).
 * Fixed by the issue that introduced them, so they are constants rather than settings: loosening
 * one is a reviewed code change.
 */
export const SESSION_IDLE_MS = 15 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** A login not finished (second factor, enrolment) within this time must start again. */
export const SESSION_LOGIN_STEP_MS = 15 * 60 * 1000;
export const LOCKOUT_FAILURES = 5;
export const LOCKOUT_WINDOW_MS = 15 * 60 * 1000;
export const LOCKOUT_DURATION_MS = 15 * 60 * 1000;
/** Login attempts per IP address per minute, so that lockouts cannot be triggered in bulk. */
export const LOGIN_ATTEMPTS_PER_IP_PER_MINUTE = 20;
/** TOTP: 30 s steps, codes from the previous and next step accepted (±1 step), each code once. */
export const TOTP_TOLERANCE_SECONDS = 30;
/** Step-up (second factor again) stays valid this long, for exports of personal data. */
export const STEP_UP_VALID_MS = 5 * 60 * 1000;
export const API_TOKEN_DEFAULT_TTL_DAYS = 30;
export const API_TOKEN_MAX_TTL_DAYS = 365;
export const SESSION_COOKIE = 'pcmt_session';
