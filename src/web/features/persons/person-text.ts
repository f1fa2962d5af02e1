import type { Classification } from '@shared/contracts/persons';
import { FIELD_MESSAGES, type FieldMessageKey } from '@shared/errors';
import type { PersonalIdProblem } from '@shared/identity/personal-id';
import { isLocale } from '@shared/locale';
import { displayDate, displayDateTime } from '../../components/format';

/** Tag colours of the classifications: treatment green, compulsory measures red, the rest neutral. */
export const CLASSIFICATION_COLOR: Record<Classification, string> = {
  ILLEGAL_USER_UNDER_MANAGEMENT: 'orange',
  ADDICT_NOT_IN_TREATMENT: 'volcano',
  VOLUNTARY_REHAB_HOME_COMMUNITY: 'green',
  VOLUNTARY_REHAB_FACILITY: 'green',
  OST_PATIENT: 'cyan',
  COMPULSORY_PROCEDURE_PENDING: 'magenta',
  COMPULSORY_REHAB: 'red',
  POST_REHAB_MANAGEMENT: 'blue',
  COMMUNE_EDUCATION_MEASURE: 'purple',
  NONE: 'default',
};

/**
 * A field message of src/shared/errors.ts in the UI language: the same words the server uses
 * for the same mistake, so the client's early check and the server's refusal read alike.
 */
export function fieldMessage(key: FieldMessageKey, language: string): string {
  return FIELD_MESSAGES[key][isLocale(language) ? language : 'vi'];
}

const PERSONAL_ID_MESSAGE: Record<PersonalIdProblem, FieldMessageKey> = {
  format: 'PERSONAL_ID_FORMAT',
  province: 'PERSONAL_ID_PROVINCE',
  century_sex: 'PERSONAL_ID_CENTURY_SEX',
  year: 'PERSONAL_ID_YEAR',
};

/** What is wrong with a personal ID number, one sentence per problem. */
export function personalIdMessages(problems: readonly PersonalIdProblem[], language: string): string[] {
  return problems.map((problem) => fieldMessage(PERSONAL_ID_MESSAGE[problem], language));
}

/** `15/04/1990`, or the year alone when only the year is known. */
export function birthText(birthDate: string | null | undefined, birthYear: number | null | undefined): string {
  if (birthDate) return displayDate(birthDate);
  return birthYear ? String(birthYear) : '—';
}

/** `VN (Việt Nam)`: the code as stored, with the country's name in the UI language when the browser knows it. */
export function countryText(code: string, language: string): string {
  try {
    const name = new Intl.DisplayNames([language], { type: 'region' }).of(code);
    return name && name !== code ? `${code} (${name})` : code;
  } catch {
    return code;
  }
}

/** The day a file was opened: a calendar date (`2026-03-01`) or an instant, both shown DD/MM/YYYY. */
export function fileDateText(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? displayDate(value) : displayDateTime(value).slice(0, 10);
}
