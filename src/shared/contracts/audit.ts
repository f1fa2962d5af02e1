import { z } from 'zod';
import { IsoDate } from './common';

/**
 * The audit log: one row per read or write of personal data, export, authentication event and
 * administrative change. Rows never hold the sensitive values themselves.
 */
export const AuditOutcome = z.enum(['success', 'denied', 'failure']);

export const AuditEventDto = z.object({
  seq: z.number().int(),
  id: z.string(),
  occurredAt: z.string(),
  actorUserId: z.string().nullable(),
  actorUsername: z.string().nullable(),
  actorRoles: z.array(z.string()),
  actorUnitPath: z.string().nullable(),
  actorAgency: z.string().nullable(),
  /** e.g. `auth.login`, `auth.login_failed`, `user.create`, `person.read`, `break_glass.granted`. */
  action: z.string(),
  recordKind: z.string().nullable(),
  recordId: z.string().nullable(),
  purpose: z.string().nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  outcome: AuditOutcome,
  details: z.record(z.string(), z.unknown()),
});
export type AuditEventDto = z.infer<typeof AuditEventDto>;

export const AuditQuery = z.strictObject({
  userId: z.uuid().optional(),
  username: z.string().trim().min(1).max(64).optional(),
  recordKind: z.string().trim().min(1).max(40).optional(),
  recordId: z.string().trim().min(1).max(100).optional(),
  action: z.string().trim().min(1).max(60).optional(),
  outcome: AuditOutcome.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  /** Keyset cursor: return events with seq lower than this (newest first). */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditListResponse = z.object({
  items: z.array(AuditEventDto),
  /** Pass as `before` for the next page; null at the end. */
  nextBefore: z.number().int().nullable(),
});
export type AuditListResponse = z.infer<typeof AuditListResponse>;

export const AuditVerifyResponse = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  headSeq: z.number().int(),
  headHash: z.string(),
  /** The first event that does not fit the chain, and why. */
  firstBad: z.object({ seq: z.number().int(), problem: z.string() }).nullable(),
});
export type AuditVerifyResponse = z.infer<typeof AuditVerifyResponse>;
