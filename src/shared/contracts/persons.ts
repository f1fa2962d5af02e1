import { z } from 'zod';
import { fieldError } from '../errors';
import { IsoDate, userText } from './common';
import { UnitCode } from './units';

/**
 * The person registry (DOMAIN.md §4.1): people who use drugs illegally and people with addiction,
 * each with a management file (hồ sơ quản lý) opened by the commune police. Sensitive fields are
 * encrypted at rest; the API shows them only to those whose area and remit cover the person.
 */
export const Sex = z.enum(['male', 'female']);

/** DOMAIN.md §4.1: derived from the active legal procedures, never typed in (issue 5 adds them). */
export const Classification = z.enum([
  'ILLEGAL_USER_UNDER_MANAGEMENT',
  'ADDICT_NOT_IN_TREATMENT',
  'VOLUNTARY_REHAB_HOME_COMMUNITY',
  'VOLUNTARY_REHAB_FACILITY',
  'OST_PATIENT',
  'COMPULSORY_PROCEDURE_PENDING',
  'COMPULSORY_REHAB',
  'POST_REHAB_MANAGEMENT',
  'COMMUNE_EDUCATION_MEASURE',
  'NONE',
]);
export type Classification = z.infer<typeof Classification>;

export const ResidenceInput = z.strictObject({
  /** A commune of the current hierarchy. */
  unitCode: UnitCode,
  /** House number, street, hamlet (encrypted at rest). */
  address: userText({ min: 0, max: 300, message: 'ADDRESS' }).optional(),
});

export const FamilyContactInput = z.strictObject({
  relation: userText({ min: 1, max: 50, message: 'RELATION' }),
  name: userText({ min: 1, max: 100, message: 'PERSON_NAME' }),
  phone: z
    .string()
    .trim()
    .regex(/^\+?\d{8,15}$/, fieldError('PHONE'))
    .optional(),
});

const personFields = {
  /** 12 digits; checked against sex and birth year (DOMAIN.md §10). Optional for foreigners and unknown cases. */
  personalId: z
    .string()
    .trim()
    .regex(/^\d{12}$/, fieldError('PERSONAL_ID_FORMAT'))
    .optional(),
  /** Old 9-digit identity card number, secondary identifier. */
  oldIdNumber: z
    .string()
    .trim()
    .regex(/^\d{9}$/, fieldError('OLD_ID_FORMAT'))
    .optional(),
  fullName: userText({ min: 2, max: 100, message: 'PERSON_NAME' }),
  aliases: z
    .array(userText({ min: 1, max: 100, message: 'PERSON_NAME' }))
    .max(10)
    .default([]),
  /** Full date, or year only (then `birthDate` is absent). */
  birthDate: IsoDate.optional(),
  birthYear: z.number().int().min(1900).max(2100),
  sex: Sex,
  /** ISO 3166-1 alpha-2; `VN` for Vietnamese citizens. Education at commune is not for foreigners. */
  nationality: z
    .string()
    .regex(/^[A-Z]{2}$/, fieldError('NATIONALITY'))
    .default('VN'),
  ethnicity: userText({ min: 1, max: 50, message: 'ETHNICITY' }).optional(),
  permanentResidence: ResidenceInput.optional(),
  temporaryResidence: ResidenceInput.optional(),
  /** Where the person actually lives; its commune manages the file. */
  currentResidence: ResidenceInput,
  /** Có/không có nơi cư trú ổn định: many procedures branch on it (DOMAIN.md §4.1). */
  hasStableResidence: z.boolean(),
  occupation: userText({ min: 1, max: 100, message: 'OCCUPATION' }).optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?\d{8,15}$/, fieldError('PHONE'))
    .optional(),
  familyContacts: z.array(FamilyContactInput).max(5).default([]),
};

export const PersonCreateBody = z.strictObject({
  ...personFields,
  /** Set after the officer has seen the duplicate candidates and decided this is a different person. */
  confirmNotDuplicate: z.boolean().default(false),
});
export type PersonCreateBody = z.infer<typeof PersonCreateBody>;

/** Every field replaced at once; `version` must be the one read (optimistic concurrency). */
export const PersonUpdateBody = z.strictObject({ ...personFields, version: z.number().int().min(1) });
export type PersonUpdateBody = z.infer<typeof PersonUpdateBody>;

export const ResidenceDto = z.object({
  unit: z.object({ id: z.string(), code: z.string(), fullName: z.string(), path: z.array(z.string()) }),
  address: z.string().nullable(),
});

export const PersonDto = z.object({
  id: z.string(),
  version: z.number().int(),
  personalId: z.string().nullable(),
  oldIdNumber: z.string().nullable(),
  fullName: z.string(),
  aliases: z.array(z.string()),
  birthDate: IsoDate.nullable(),
  birthYear: z.number().int(),
  sex: Sex,
  nationality: z.string(),
  ethnicity: z.string().nullable(),
  permanentResidence: ResidenceDto.nullable(),
  temporaryResidence: ResidenceDto.nullable(),
  currentResidence: ResidenceDto,
  hasStableResidence: z.boolean(),
  occupation: z.string().nullable(),
  phone: z.string().nullable(),
  familyContacts: z.array(z.object({ relation: z.string(), name: z.string(), phone: z.string().nullable() })),
  /** Under 18 today: stricter access (docs/ACCESS.md). */
  minor: z.boolean(),
  classification: Classification,
  /** The commune whose police manage the file. */
  managingUnit: z.object({ id: z.string(), code: z.string(), fullName: z.string() }),
  fileOpenedAt: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PersonDto = z.infer<typeof PersonDto>;

/** A row of a list: no ID number or contact data. */
export const PersonSummaryDto = z.object({
  id: z.string(),
  fullName: z.string(),
  birthYear: z.number().int(),
  sex: Sex,
  minor: z.boolean(),
  classification: Classification,
  managingUnit: z.object({ code: z.string(), fullName: z.string() }),
  /** Why a search found this person: the words matched, a typo-tolerant match, or the ID number. */
  match: z.enum(['words', 'fuzzy', 'id_number', 'filter']),
});
export type PersonSummaryDto = z.infer<typeof PersonSummaryDto>;

/** `POST /api/persons/search`: search terms go in the body, never in a URL. */
export const PersonSearchBody = z.strictObject({
  /** Name words in any order, with or without diacritics; or a 12-digit ID number (exact). */
  q: userText({ min: 0, max: 100, message: 'SEARCH_TEXT' }).default(''),
  birthYear: z.number().int().min(1900).max(2100).optional(),
  /** Only persons managed within this unit's subtree (province or commune). */
  unitCode: UnitCode.optional(),
  classification: Classification.optional(),
  /** Keyset cursor from the previous page. */
  after: z.string().max(500).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type PersonSearchBody = z.infer<typeof PersonSearchBody>;

export const PersonSearchResponse = z.object({
  items: z.array(PersonSummaryDto),
  /** Pass as `after` for the next page; null at the end. */
  next: z.string().nullable(),
});
export type PersonSearchResponse = z.infer<typeof PersonSearchResponse>;

export const DuplicateCandidateDto = z.object({
  id: z.string(),
  fullName: z.string(),
  birthYear: z.number().int(),
  managingUnit: z.object({ code: z.string(), fullName: z.string() }),
  reason: z.enum(['same_id_number', 'similar_name']),
});

/** 409 `PERSON_POSSIBLE_DUPLICATE`: the candidates, shown before saving. */
export const DuplicateCandidatesResponse = z.object({
  code: z.literal('PERSON_POSSIBLE_DUPLICATE'),
  message: z.string(),
  candidates: z.array(DuplicateCandidateDto),
  requestId: z.string(),
});

export const PersonEventDto = z.object({
  id: z.string(),
  at: z.string(),
  kind: z.string(),
  actorUsername: z.string().nullable(),
  summary: z.string(),
});
export const PersonTimelineResponse = z.object({ items: z.array(PersonEventDto) });

export const PersonNoteBody = z.strictObject({ text: userText({ min: 1, max: 5000, message: 'NOTE' }) });
export const PersonNoteDto = z.object({
  id: z.string(),
  at: z.string(),
  authorUsername: z.string().nullable(),
  text: z.string(),
});
export const PersonNotesResponse = z.object({ items: z.array(PersonNoteDto) });

/** An export to xlsx: the same filters as a search, every matching person (after a fresh TOTP code). */
export const PersonExportBody = PersonSearchBody.omit({ after: true, limit: true });
export type PersonExportBody = z.infer<typeof PersonExportBody>;

/** The most persons one export file may hold; a larger list must be narrowed by a filter. */
export const PERSON_EXPORT_MAX_ROWS = 50_000;

/** Labels of the classifications (DOMAIN.md §4.1), for files the server writes. */
export const CLASSIFICATION_LABELS: Record<Classification, { vi: string; en: string }> = {
  ILLEGAL_USER_UNDER_MANAGEMENT: { vi: 'Người sử dụng trái phép đang bị quản lý', en: 'Illegal user under management' },
  ADDICT_NOT_IN_TREATMENT: { vi: 'Người nghiện chưa cai', en: 'Addict not in treatment' },
  VOLUNTARY_REHAB_HOME_COMMUNITY: {
    vi: 'Cai nghiện tự nguyện tại gia đình, cộng đồng',
    en: 'Voluntary rehab at home or in the community',
  },
  VOLUNTARY_REHAB_FACILITY: { vi: 'Cai nghiện tự nguyện tại cơ sở', en: 'Voluntary rehab at a facility' },
  OST_PATIENT: { vi: 'Điều trị thay thế (methadone)', en: 'Opioid substitution treatment (methadone)' },
  COMPULSORY_PROCEDURE_PENDING: { vi: 'Đang lập hồ sơ cai nghiện bắt buộc', en: 'Compulsory rehab procedure pending' },
  COMPULSORY_REHAB: { vi: 'Cai nghiện bắt buộc', en: 'Compulsory rehab' },
  POST_REHAB_MANAGEMENT: { vi: 'Quản lý sau cai', en: 'Post-rehab management' },
  COMMUNE_EDUCATION_MEASURE: { vi: 'Giáo dục tại xã', en: 'Education at commune' },
  NONE: { vi: 'Chưa phân loại', en: 'Not classified' },
};
