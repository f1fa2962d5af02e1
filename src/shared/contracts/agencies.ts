import { z } from 'zod';
import { fieldError } from '../errors';
import { IsoDate } from './common';

/**
 * Agencies (cơ quan, đơn vị) that users, tasks and records attach to. The list is data: an
 * administrator adds, renames or retires agencies as the province's organisation changes
 * (for example Sở Lao động - Thương binh và Xã hội, whose drug-rehab duties moved to the police
 * on 01/03/2025 under NĐ 02/2025/NĐ-CP).
 */
export const AgencyCode = z.string().regex(/^[A-Z][A-Z0-9_]{1,31}$/, fieldError('AGENCY_CODE'));

/** What an agency is, which later decides its remit (docs/ACCESS.md). */
export const AgencyKind = z.enum([
  'police',
  'people_committee',
  'health',
  'education',
  'information',
  'border_guard',
  'media',
  'rehab',
  'court',
  'social_affairs',
  'other',
]);
export type AgencyKind = z.infer<typeof AgencyKind>;

/** The administrative level an agency sits at; `facility` = a health or rehab facility. */
export const AgencyLevel = z.enum(['province', 'commune', 'facility', 'regional']);
export type AgencyLevel = z.infer<typeof AgencyLevel>;

export const AgencyDto = z.object({
  code: z.string(),
  kind: AgencyKind,
  level: AgencyLevel,
  /** Code of the agency this one belongs to (PC04 belongs to the provincial police). */
  parentCode: z.string().nullable(),
  nameVi: z.string(),
  nameEn: z.string(),
  shortName: z.string().nullable(),
  description: z.string().nullable(),
  sortOrder: z.number().int(),
  validFrom: IsoDate.nullable(),
  /** Last day the agency exists; past agencies stay for historical plans and records. */
  validTo: IsoDate.nullable(),
  active: z.boolean(),
});
export type AgencyDto = z.infer<typeof AgencyDto>;

export const AgencyListQuery = z.strictObject({
  /** Include agencies that no longer exist (for historical plans). */
  includeInactive: z.enum(['true', 'false']).default('false'),
});

export const AgencyListResponse = z.object({ items: z.array(AgencyDto) });
export type AgencyListResponse = z.infer<typeof AgencyListResponse>;

/** Input to create an agency (CLI now; the admin UI when accounts exist). */
export const AgencyCreateInput = z.strictObject({
  code: AgencyCode,
  kind: AgencyKind,
  level: AgencyLevel,
  parentCode: AgencyCode.nullable().default(null),
  nameVi: z.string().trim().min(2).max(200),
  nameEn: z.string().trim().min(2).max(200),
  shortName: z.string().trim().min(1).max(50).nullable().default(null),
  description: z.string().trim().max(1000).nullable().default(null),
  sortOrder: z.number().int().min(0).max(10000).default(900),
  validFrom: IsoDate.nullable().default(null),
});
export type AgencyCreateInput = z.infer<typeof AgencyCreateInput>;

/** Input to change an agency; the code never changes because records refer to it. */
export const AgencyUpdateInput = z.strictObject({
  nameVi: z.string().trim().min(2).max(200).optional(),
  nameEn: z.string().trim().min(2).max(200).optional(),
  shortName: z.string().trim().min(1).max(50).nullable().optional(),
  description: z.string().trim().max(1000).nullable().optional(),
  sortOrder: z.number().int().min(0).max(10000).optional(),
  validTo: IsoDate.nullable().optional(),
});
export type AgencyUpdateInput = z.infer<typeof AgencyUpdateInput>;
