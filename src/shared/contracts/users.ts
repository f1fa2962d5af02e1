import { z } from 'zod';
import { ROLES } from '../permissions';
import { AgencyCode } from './agencies';
import { Username } from './auth';
import { userText } from './common';
import { UnitCode } from './units';

/** User administration (system admin only). */
export const UserDto = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  unit: z.object({ id: z.string(), code: z.string(), fullName: z.string() }),
  agencyCode: z.string(),
  facilityId: z.string().nullable(),
  email: z.string().nullable(),
  mfaEnrolled: z.boolean(),
  mustChangePassword: z.boolean(),
  /** Set while the account is locked after failed logins. */
  lockedUntil: z.string().nullable(),
  disabledAt: z.string().nullable(),
  createdAt: z.string(),
  activeSessions: z.number().int(),
});
export type UserDto = z.infer<typeof UserDto>;

export const UserListQuery = z.strictObject({
  /** Part of a username or display name, accent-insensitive. */
  q: userText({ min: 1, max: 100, message: 'SEARCH_TEXT' }).optional(),
  includeDisabled: z.enum(['true', 'false']).default('false'),
});

export const UserListResponse = z.object({ items: z.array(UserDto) });
export type UserListResponse = z.infer<typeof UserListResponse>;

export const UserCreateBody = z.strictObject({
  username: Username,
  displayName: userText({ min: 2, max: 100, message: 'DISPLAY_NAME' }),
  /** A unit of the current hierarchy (province for provincial roles, commune for commune roles). */
  unitCode: UnitCode,
  agencyCode: AgencyCode,
  roles: z.array(z.enum(ROLES)).min(1).max(3),
  /** Facility staff: the facility (of the user's agency) whose linked records they see. */
  facilityId: z.uuid().nullable().optional(),
  /** Where reminders are e-mailed when an SMTP server is configured (never shown to others). */
  email: z.email().max(320).nullable().optional(),
});
export type UserCreateBody = z.infer<typeof UserCreateBody>;

/** Created with a one-time password, shown once; the user must change it at first login. */
export const UserCreatedResponse = z.object({ user: UserDto, temporaryPassword: z.string() });
export type UserCreatedResponse = z.infer<typeof UserCreatedResponse>;

/** Changing unit, agency or roles, or disabling, ends all the user's sessions and tokens at once. */
export const UserUpdateBody = z
  .strictObject({
    displayName: userText({ min: 2, max: 100, message: 'DISPLAY_NAME' }).optional(),
    unitCode: UnitCode.optional(),
    agencyCode: AgencyCode.optional(),
    roles: z.array(z.enum(ROLES)).min(1).max(3).optional(),
    disabled: z.boolean().optional(),
    facilityId: z.uuid().nullable().optional(),
    email: z.email().max(320).nullable().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { error: 'field:EMPTY_UPDATE' });
export type UserUpdateBody = z.infer<typeof UserUpdateBody>;

export const PasswordResetResponse = z.object({ temporaryPassword: z.string() });
