import type { PersonDto } from '@shared/contracts/persons';
import dayjs, { type Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import type { FieldOfPath } from '../../components/form-errors';
import { birthText, countryText } from './person-text';
import type { PersonUpdateInput } from './persons-api';

export interface ResidenceValues {
  unitCode?: string;
  address?: string;
}

export interface FamilyContactValues {
  relation?: string;
  name?: string;
  phone?: string;
}

/** The registration and edit form as antd holds it (dates as dayjs, blanks as blanks). */
export interface PersonFormValues {
  personalId?: string;
  oldIdNumber?: string;
  fullName?: string;
  aliases: string[];
  /** Only the year of birth is known: no date picker, the year is typed. */
  yearOnly: boolean;
  birthDate?: Dayjs | null;
  birthYear?: number | null;
  sex?: PersonDto['sex'];
  nationality?: string;
  ethnicity?: string;
  currentResidence: ResidenceValues;
  permanentResidence?: ResidenceValues;
  temporaryResidence?: ResidenceValues;
  hasStableResidence: boolean;
  occupation?: string;
  phone?: string;
  familyContacts: FamilyContactValues[];
}

/** Every field of a person as the API takes it (create and update bodies without their extras). */
export type PersonFields = Omit<PersonUpdateInput, 'version'>;

const ISO = 'YYYY-MM-DD';

/** Typed text, NFC and trimmed; blank → absent (the contract refuses empty optional strings). */
function text(value: string | null | undefined): string | undefined {
  const trimmed = value?.normalize('NFC').trim();
  return trimmed ? trimmed : undefined;
}

/** Phone numbers are often typed with spaces or dots (`0912 345 678`); the contract wants digits. */
export function phoneDigits(value: string | null | undefined): string | undefined {
  return text(value?.replace(/[\s.()-]/g, ''));
}

function residence(values: ResidenceValues | undefined) {
  const unitCode = text(values?.unitCode);
  return unitCode ? { unitCode, address: text(values?.address) } : undefined;
}

/** Form → API fields. Called after the form's own checks, so required fields are present. */
export function toPersonFields(values: PersonFormValues): PersonFields {
  const birthDate = !values.yearOnly && values.birthDate ? values.birthDate : null;
  return {
    personalId: text(values.personalId),
    oldIdNumber: text(values.oldIdNumber),
    fullName: text(values.fullName) ?? '',
    aliases: (values.aliases ?? []).map(text).filter((alias): alias is string => alias !== undefined),
    birthDate: birthDate ? birthDate.format(ISO) : undefined,
    birthYear: birthDate ? birthDate.year() : (values.birthYear ?? 0),
    sex: values.sex ?? 'male',
    nationality: (text(values.nationality) ?? 'VN').toUpperCase(),
    ethnicity: text(values.ethnicity),
    currentResidence: residence(values.currentResidence) ?? { unitCode: '' },
    permanentResidence: residence(values.permanentResidence),
    temporaryResidence: residence(values.temporaryResidence),
    hasStableResidence: values.hasStableResidence,
    occupation: text(values.occupation),
    phone: phoneDigits(values.phone),
    familyContacts: (values.familyContacts ?? [])
      .filter((contact) => text(contact.relation) || text(contact.name) || text(contact.phone))
      .map((contact) => ({
        relation: text(contact.relation) ?? '',
        name: text(contact.name) ?? '',
        phone: phoneDigits(contact.phone),
      })),
  };
}

const residenceFields = (dto: PersonDto['currentResidence'] | null) =>
  dto ? { unitCode: dto.unit.code, address: dto.address ?? undefined } : undefined;

/** A stored person → the same fields as a form would send, to compare and to prefill. */
export function fieldsOfPerson(person: PersonDto): PersonFields {
  return {
    personalId: person.personalId ?? undefined,
    oldIdNumber: person.oldIdNumber ?? undefined,
    fullName: person.fullName,
    aliases: person.aliases,
    birthDate: person.birthDate ?? undefined,
    birthYear: person.birthYear,
    sex: person.sex,
    nationality: person.nationality,
    ethnicity: person.ethnicity ?? undefined,
    currentResidence: residenceFields(person.currentResidence) ?? { unitCode: '' },
    permanentResidence: residenceFields(person.permanentResidence),
    temporaryResidence: residenceFields(person.temporaryResidence),
    hasStableResidence: person.hasStableResidence,
    occupation: person.occupation ?? undefined,
    phone: person.phone ?? undefined,
    familyContacts: person.familyContacts.map((contact) => ({ ...contact, phone: contact.phone ?? undefined })),
  };
}

/** The edit form of a stored person. */
export function formValuesOf(person: PersonDto): PersonFormValues {
  const fields = fieldsOfPerson(person);
  return {
    ...fields,
    aliases: fields.aliases ?? [],
    yearOnly: !fields.birthDate,
    birthDate: fields.birthDate ? dayjs(fields.birthDate) : null,
    currentResidence: fields.currentResidence,
    permanentResidence: fields.permanentResidence ?? {},
    temporaryResidence: fields.temporaryResidence ?? {},
    familyContacts: fields.familyContacts ?? [],
  };
}

/** A blank registration form; `unitCode` is the officer's own commune, where most registrations happen. */
export function blankFormValues(unitCode?: string): PersonFormValues {
  return {
    aliases: [],
    yearOnly: false,
    birthDate: null,
    nationality: 'VN',
    currentResidence: { unitCode },
    permanentResidence: {},
    temporaryResidence: {},
    hasStableResidence: true,
    familyContacts: [],
  };
}

/** The units named in a stored person, for labels: code → "Phường Ba Đình (00004)". */
export function unitLabelsOf(person: PersonDto): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const place of [person.currentResidence, person.permanentResidence, person.temporaryResidence]) {
    if (place) labels[place.unit.code] = `${place.unit.fullName} (${place.unit.code})`;
  }
  return labels;
}

/** The fields shown side by side when a save meets someone else's newer version. */
export const COMPARED_FIELDS = [
  'fullName',
  'aliases',
  'personalId',
  'oldIdNumber',
  'birth',
  'sex',
  'nationality',
  'ethnicity',
  'currentResidence',
  'hasStableResidence',
  'permanentResidence',
  'temporaryResidence',
  'occupation',
  'phone',
  'familyContacts',
] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

/** Each compared field of `fields` as one line of text, in the UI language. */
export function describeFields(
  fields: PersonFields,
  t: TFunction,
  language: string,
  unitLabels: Record<string, string>,
): Record<ComparedField, string> {
  const none = t('common.empty');
  const place = (value: PersonFields['permanentResidence']) => {
    if (!value?.unitCode) return none;
    const unit = unitLabels[value.unitCode] ?? value.unitCode;
    return value.address ? `${value.address}, ${unit}` : unit;
  };
  return {
    fullName: fields.fullName,
    aliases: fields.aliases?.length ? fields.aliases.join('; ') : none,
    personalId: fields.personalId ?? none,
    oldIdNumber: fields.oldIdNumber ?? none,
    birth: birthText(fields.birthDate, fields.birthYear),
    sex: t(`persons.sex.${fields.sex}`),
    nationality: countryText(fields.nationality ?? 'VN', language),
    ethnicity: fields.ethnicity ?? none,
    currentResidence: place(fields.currentResidence),
    hasStableResidence: fields.hasStableResidence ? t('persons.yes') : t('persons.no'),
    permanentResidence: place(fields.permanentResidence),
    temporaryResidence: place(fields.temporaryResidence),
    occupation: fields.occupation ?? none,
    phone: fields.phone ?? none,
    familyContacts: fields.familyContacts?.length
      ? fields.familyContacts
          .map((contact) => `${contact.relation}: ${contact.name}${contact.phone ? ` (${contact.phone})` : ''}`)
          .join('; ')
      : none,
  };
}

const PLAIN_FIELDS = new Set([
  'personalId',
  'oldIdNumber',
  'fullName',
  'aliases',
  'sex',
  'nationality',
  'ethnicity',
  'hasStableResidence',
  'occupation',
  'phone',
]);
const RESIDENCES = new Set(['currentResidence', 'permanentResidence', 'temporaryResidence']);
const CONTACT_FIELDS = new Set(['relation', 'name', 'phone']);

/**
 * Where the form shows a server issue about `path` (the body path): nested residence and contact
 * fields included; the birth date and year go to whichever of the two the officer types.
 */
export function personFieldOf(yearOnly: boolean): FieldOfPath {
  return ([field, ...rest]) => {
    if (typeof field !== 'string') return null;
    if (PLAIN_FIELDS.has(field)) return field;
    if (field === 'birthDate' || field === 'birthYear') return yearOnly ? 'birthYear' : 'birthDate';
    if (RESIDENCES.has(field)) return [field, rest[0] === 'address' ? 'address' : 'unitCode'];
    if (field === 'familyContacts') {
      const [index, sub] = rest;
      const row = typeof index === 'number' ? index : Number(index);
      if (Number.isInteger(row) && typeof sub === 'string' && CONTACT_FIELDS.has(sub)) return ['familyContacts', row, sub];
    }
    return null;
  };
}
