import { z } from 'zod';
import { fieldError } from '../errors';
import { userText } from './common';

/**
 * Settings stored as data (CODE_STYLE.md: legal values are data with their citation), edited by the
 * system administrator. Each key has its own value schema here; a key unknown to the code is
 * refused. Later issues add the legal parameters (working-day calendar, report periods, …).
 */
export const SETTING_VALUE_SCHEMAS = {
  /**
   * Days the receiving commune has to acknowledge a residence transfer. DOMAIN.md gives no such
   * deadline ([NC]): only the 24-hour notice of Law 120/2025 (§4.3, §12). Calendar days until the
   * working-day calendar exists (`dayKind` will then accept `working`).
   */
  'person_transfer.acknowledge_days': z.strictObject({
    days: z.number().int().min(1).max(90),
    dayKind: z.enum(['calendar']),
  }),
  /**
   * How many days before a plan's report deadline the assignees are reminded (issue #6). Not law:
   * each province sets its follow-up practice (DOMAIN.md §7 [NC]).
   */
  'plan.reminder_days': z.strictObject({ days: z.number().int().min(0).max(30) }),
} as const;
export type SettingKey = keyof typeof SETTING_VALUE_SCHEMAS;
export const SETTING_KEYS = Object.keys(SETTING_VALUE_SCHEMAS) as SettingKey[];

export const SettingKeyParams = z.strictObject({
  key: z.string().regex(/^[a-z0-9_.]{3,64}$/, fieldError('ID')),
});

export const SettingDto = z.object({
  key: z.string(),
  value: z.unknown(),
  /** The legal basis of the value, or why it is not confirmed. */
  citation: z.string(),
  /** False while the value is not confirmed by a legal text ([NC] in DOMAIN.md). */
  confirmed: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type SettingDto = z.infer<typeof SettingDto>;

export const SettingsResponse = z.object({ items: z.array(SettingDto) });

/** `PUT /api/settings/:key`: the value is checked against the key's own schema. */
export const SettingUpdateBody = z.strictObject({
  value: z.unknown(),
  citation: userText({ min: 0, max: 500, message: 'CITATION' }),
  confirmed: z.boolean(),
  version: z.number().int().min(1),
});
export type SettingUpdateBody = z.infer<typeof SettingUpdateBody>;
