import { z } from 'zod';
import { userText } from './common';

/** Facility types (DOMAIN.md §4.10). */
export const FacilityType = z.enum([
  'public_rehab',
  'private_rehab',
  'reform_school',
  'ost_clinic',
  'determination',
  'social_reception',
]);
export type FacilityType = z.infer<typeof FacilityType>;

const Age = z.number().int().min(0).max(120);

export const FacilityCreateBody = z.strictObject({
  code: z.string().regex(/^[A-Z][A-Z0-9_]{1,31}$/),
  name: userText({ min: 2, max: 200, message: 'DISPLAY_NAME' }),
  type: FacilityType,
  /** Two-digit province code; a provincial officer may only use their own. */
  provinceCode: z.string().regex(/^[0-9]{2}$/),
  capacity: z.number().int().min(0).max(100_000).nullable().default(null),
  minAge: Age.default(0),
  maxAge: Age.nullable().default(null),
  licence: userText({ min: 0, max: 200, message: 'DISPLAY_NAME' }).nullable().default(null),
});
export type FacilityCreateBody = z.infer<typeof FacilityCreateBody>;

export const FacilityUpdateBody = z.strictObject({
  version: z.number().int().min(1),
  name: userText({ min: 2, max: 200, message: 'DISPLAY_NAME' }).optional(),
  type: FacilityType.optional(),
  capacity: z.number().int().min(0).max(100_000).nullable().optional(),
  minAge: Age.optional(),
  maxAge: Age.nullable().optional(),
  licence: userText({ min: 0, max: 200, message: 'DISPLAY_NAME' }).nullable().optional(),
  active: z.boolean().optional(),
});
export type FacilityUpdateBody = z.infer<typeof FacilityUpdateBody>;

export const FacilityDto = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  type: FacilityType,
  agencyCode: z.string(),
  provinceCode: z.string(),
  capacity: z.number().int().nullable(),
  minAge: z.number().int(),
  maxAge: z.number().int().nullable(),
  licence: z.string().nullable(),
  active: z.boolean(),
  /** Persons placed there now, derived from the procedures (rehab, compulsory, interim, OST). */
  occupancy: z.number().int(),
  version: z.number().int(),
});
export type FacilityDto = z.infer<typeof FacilityDto>;

export const FacilitiesQuery = z.strictObject({ type: FacilityType.optional() });
export const FacilitiesResponse = z.object({ items: z.array(FacilityDto) });
