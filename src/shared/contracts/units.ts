import { z } from 'zod';
import { fieldError } from '../errors';
import { IsoDate, userText } from './common';

/**
 * Administrative units (đơn vị hành chính). Two hierarchies coexist, told apart by validity dates:
 * province → district → commune until 30/06/2025, province → commune from 01/07/2025
 * (QĐ 19/2025/QĐ-TTg). A code identifies a unit only together with a date, because new
 * communes reuse the codes of old ones (00004 was Phường Trúc Bạch, now Phường Ba Đình).
 */
export const UnitCode = z.string().regex(/^(\d{2}|\d{3}|\d{5})$/, fieldError('UNIT_CODE'));

export const UnitLevel = z.enum(['province', 'district', 'commune']);
export type UnitLevel = z.infer<typeof UnitLevel>;

/** The legal type of a unit; the label ("Phường", "Huyện", …) is looked up from this. */
export const UnitKind = z.enum([
  'central_city', // Thành phố trực thuộc trung ương
  'province', // Tỉnh
  'urban_district', // Quận (until 30/06/2025)
  'rural_district', // Huyện (until 30/06/2025)
  'district_town', // Thị xã (until 30/06/2025)
  'provincial_city', // Thành phố thuộc tỉnh (until 30/06/2025)
  'ward', // Phường
  'commune', // Xã
  'township', // Thị trấn (until 30/06/2025)
  'special_zone', // Đặc khu (from 01/07/2025)
]);
export type UnitKind = z.infer<typeof UnitKind>;

export const SuccessionKind = z.enum(['full', 'partial']);
export type SuccessionKind = z.infer<typeof SuccessionKind>;

export const UnitDto = z.object({
  id: z.string(),
  /** GSO code: 2 digits (province), 3 (former district), 5 (commune). */
  code: z.string(),
  level: UnitLevel,
  kind: UnitKind,
  /** Short name without the type word: "Ba Đình". */
  name: z.string(),
  /** Official name with the type word: "Phường Ba Đình". */
  fullName: z.string(),
  nameEn: z.string().nullable(),
  /** Code of the parent unit valid on the same date; null for provinces. */
  parentCode: z.string().nullable(),
  /** Codes from the province down to this unit. */
  path: z.array(z.string()),
  /** First day of validity; null when it predates the data set. */
  validFrom: IsoDate.nullable(),
  /** Last day of validity (inclusive); null while still valid. */
  validTo: IsoDate.nullable(),
  /** Other codes the same unit appears under in official sources (see README, data gaps). */
  altCodes: z.array(z.string()),
  /** Number of child units valid on the same date. */
  childCount: z.number().int(),
  note: z.string().nullable(),
});
export type UnitDto = z.infer<typeof UnitDto>;

/** `GET /api/units`: the children of a unit (or the provinces) valid on a date. */
export const UnitListQuery = z.strictObject({
  /** Parent unit code; omitted = provinces. */
  parent: UnitCode.optional(),
  /** Validity date; default today in Việt Nam. */
  at: IsoDate.optional(),
  /** `code` = official GSO order (default), `name` = Vietnamese alphabetical order. */
  sort: z.enum(['code', 'name']).default('code'),
});
export type UnitListQuery = z.infer<typeof UnitListQuery>;

export const UnitListResponse = z.object({
  at: IsoDate,
  parent: UnitDto.nullable(),
  items: z.array(UnitDto),
});
export type UnitListResponse = z.infer<typeof UnitListResponse>;

/** `GET /api/units/search`: accent-insensitive, word-order tolerant, typo-tolerant name search. */
export const UnitSearchQuery = z.strictObject({
  q: userText({ min: 1, max: 100, message: 'SEARCH_TEXT' }),
  at: IsoDate.optional(),
  level: UnitLevel.optional(),
  /** Restrict to the subtree of this unit. */
  within: UnitCode.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type UnitSearchQuery = z.infer<typeof UnitSearchQuery>;

export const UnitAncestorDto = z.object({
  code: z.string(),
  level: UnitLevel,
  kind: UnitKind,
  name: z.string(),
  fullName: z.string(),
});
export type UnitAncestorDto = z.infer<typeof UnitAncestorDto>;

export const UnitSearchHit = z.object({
  unit: UnitDto,
  /** Province (and former district) above the unit, top first. */
  ancestors: z.array(UnitAncestorDto),
  /** True when the hit comes from fuzzy (typo-tolerant) matching rather than every word matching. */
  fuzzy: z.boolean(),
});

export const UnitSearchResponse = z.object({
  at: IsoDate,
  items: z.array(UnitSearchHit),
});
export type UnitSearchResponse = z.infer<typeof UnitSearchResponse>;

export const UnitCodeParams = z.strictObject({ code: UnitCode });

export const UnitAtQuery = z.strictObject({ at: IsoDate.optional() });

/** `GET /api/units/:code`: one unit with its ancestors. */
export const UnitDetailResponse = z.object({
  at: IsoDate,
  unit: UnitDto,
  ancestors: z.array(UnitAncestorDto),
});
export type UnitDetailResponse = z.infer<typeof UnitDetailResponse>;

/** `GET /api/units/:code/subtree`: every unit below, down to `depth` levels. */
export const UnitSubtreeQuery = z.strictObject({
  at: IsoDate.optional(),
  depth: z.coerce.number().int().min(1).max(2).default(2),
});

export const UnitSubtreeResponse = z.object({
  at: IsoDate,
  root: UnitDto,
  items: z.array(UnitDto),
});
export type UnitSubtreeResponse = z.infer<typeof UnitSubtreeResponse>;

/** `GET /api/units/:code/successors`: which units valid on `target` a unit valid on `at` became. */
export const UnitSuccessorsQuery = z.strictObject({
  /** Date on which the old code is looked up; default 2025-06-30, the last day of the old hierarchy. */
  at: IsoDate.optional(),
  /** Date of the units to map to; default today. */
  target: IsoDate.optional(),
});

export const UnitLinkDto = z.object({
  unit: UnitDto,
  /** `full`: all of the old unit went into this one; `partial`: only part of it did. */
  kind: SuccessionKind,
  effectiveDate: IsoDate,
  legalBasis: z.string(),
  /** Old communes through which a former district reaches this unit (empty for direct links). */
  via: z.array(z.string()),
});
export type UnitLinkDto = z.infer<typeof UnitLinkDto>;

export const UnitSuccessorsResponse = z.object({
  at: IsoDate,
  target: IsoDate,
  unit: UnitDto,
  ancestors: z.array(UnitAncestorDto),
  successors: z.array(UnitLinkDto),
});
export type UnitSuccessorsResponse = z.infer<typeof UnitSuccessorsResponse>;

/** `GET /api/units/:code/predecessors`: the earlier units merged into a unit. */
export const UnitPredecessorsResponse = z.object({
  at: IsoDate,
  unit: UnitDto,
  predecessors: z.array(UnitLinkDto.extend({ ancestors: z.array(UnitAncestorDto) })),
});
export type UnitPredecessorsResponse = z.infer<typeof UnitPredecessorsResponse>;

/** A hierarchy period as loaded from a data set, for the UI's period switch. */
export const UnitPeriodDto = z.object({
  id: z.string(),
  titleVi: z.string(),
  titleEn: z.string(),
  validFrom: IsoDate.nullable(),
  validTo: IsoDate.nullable(),
  /** A date inside the period to query with. */
  referenceDate: IsoDate,
  levels: z.array(UnitLevel),
  source: z.string(),
  license: z.string(),
});
export type UnitPeriodDto = z.infer<typeof UnitPeriodDto>;

export const UnitPeriodsResponse = z.object({ items: z.array(UnitPeriodDto) });
export type UnitPeriodsResponse = z.infer<typeof UnitPeriodsResponse>;
