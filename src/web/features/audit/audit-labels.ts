import { RECORD_KINDS, type RecordKind } from '@shared/permissions';
import type { ParseKeys, TFunction } from 'i18next';

/** Readable names of the actions the server records; others are shown as recorded. */
const ACTION_LABELS: Record<string, ParseKeys> = {
  'auth.login': 'audit.action.authLogin',
  'auth.login_failed': 'audit.action.authLoginFailed',
  'auth.logout': 'audit.action.authLogout',
  'auth.mfa_enrolled': 'audit.action.authMfaEnrolled',
  'auth.password_changed': 'audit.action.authPasswordChanged',
  'user.create': 'audit.action.userCreate',
  'user.update': 'audit.action.userUpdate',
  'user.password_reset': 'audit.action.userPasswordReset',
  'user.sessions_revoked': 'audit.action.userSessionsRevoked',
  'session.revoked': 'audit.action.sessionRevoked',
  'token.created': 'audit.action.tokenCreated',
  'break_glass.granted': 'audit.action.breakGlassGranted',
  'break_glass.reviewed': 'audit.action.breakGlassReviewed',
};

export const KNOWN_ACTIONS = Object.keys(ACTION_LABELS);

export function actionLabel(t: TFunction, action: string): string | null {
  const key = ACTION_LABELS[action];
  return key ? String(t(key)) : null;
}

function isRecordKind(kind: string): kind is RecordKind {
  return (RECORD_KINDS as readonly string[]).includes(kind);
}

export function recordKindLabel(t: TFunction, kind: string): string {
  return isRecordKind(kind) ? t(`audit.recordKind.${kind}`) : kind;
}
