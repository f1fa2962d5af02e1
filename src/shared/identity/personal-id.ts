/**
 * The 12-digit personal identification number (số định danh cá nhân, also the citizen-ID card
 * number). Structure from NĐ 137/2015/NĐ-CP Art. 13 and TT 59/2021/TT-BCA Art. 4 (DOMAIN.md §10):
 *
 *   PPP G YY RRRRRR
 *   PPP: where the birth was registered: a province of the 63-province list of TT 07/2016/TT-BCA
 *        (the list before the 2025 merger: numbers issued earlier keep their prefix), or a country;
 *   G:   century and sex: 1900–1999 male 0, female 1; 2000–2099 male 2, female 3 [C]; the codes of
 *        later centuries (4/5 … 8/9) continue the pattern but are unconfirmed [NC];
 *   YY:  last two digits of the year of birth;
 *   R:   random. There is no check digit.
 *
 * The prefix says where a birth was registered, never where the person lives now: never derive a
 * current unit from it.
 */

/** The 63 provinces of TT 07/2016/TT-BCA Annex 1 (= the pre-2025 GSO codes, with a leading 0). */
export const BIRTH_REGISTRATION_PROVINCES: readonly string[] = [
  '01',
  '02',
  '04',
  '06',
  '08',
  '10',
  '11',
  '12',
  '14',
  '15',
  '17',
  '19',
  '20',
  '22',
  '24',
  '25',
  '26',
  '27',
  '30',
  '31',
  '33',
  '34',
  '35',
  '36',
  '37',
  '38',
  '40',
  '42',
  '44',
  '45',
  '46',
  '48',
  '49',
  '51',
  '52',
  '54',
  '56',
  '58',
  '60',
  '62',
  '64',
  '66',
  '67',
  '68',
  '70',
  '72',
  '74',
  '75',
  '77',
  '79',
  '80',
  '82',
  '83',
  '84',
  '86',
  '87',
  '89',
  '91',
  '92',
  '93',
  '94',
  '95',
  '96',
].map((code) => `0${code}`);

export type Sex = 'male' | 'female';

/** Which part of a number is wrong; each has its own message for the officer. */
export type PersonalIdProblem = 'format' | 'province' | 'century_sex' | 'year';

export interface PersonalIdCheck {
  /** Prefixes accepted for births registered abroad (country codes). Unconfirmed list: configurable. */
  foreignPrefixes?: readonly string[];
  sex?: Sex | null;
  birthYear?: number | null;
}

/** The century-and-sex digit for a birth year and sex (1900s: 0/1, 2000s: 2/3, …). */
export function centurySexDigit(birthYear: number, sex: Sex): number {
  const century = Math.floor(birthYear / 100) - 19;
  return century * 2 + (sex === 'female' ? 1 : 0);
}

/** The problems of a personal ID number against what the record says; empty when it fits. */
export function checkPersonalId(value: string, check: PersonalIdCheck = {}): PersonalIdProblem[] {
  if (!/^\d{12}$/.test(value)) return ['format'];
  const problems: PersonalIdProblem[] = [];
  const prefix = value.slice(0, 3);
  if (!BIRTH_REGISTRATION_PROVINCES.includes(prefix) && !(check.foreignPrefixes ?? []).includes(prefix))
    problems.push('province');
  const g = Number(value[3]);
  const yy = Number(value.slice(4, 6));
  if (check.birthYear !== undefined && check.birthYear !== null) {
    if (check.birthYear % 100 !== yy) problems.push('year');
    if (check.sex && centurySexDigit(check.birthYear, check.sex) !== g) problems.push('century_sex');
    else if (!check.sex && Math.floor(g / 2) !== Math.floor(check.birthYear / 100) - 19) problems.push('century_sex');
  } else if (check.sex && g % 2 !== (check.sex === 'female' ? 1 : 0)) {
    problems.push('century_sex');
  }
  return problems;
}

/** The birth year a number encodes (for checks and for duplicate hints; never a guess of residence). */
export function birthYearOf(value: string): number | null {
  if (!/^\d{12}$/.test(value)) return null;
  return (19 + Math.floor(Number(value[3]) / 2)) * 100 + Number(value.slice(4, 6));
}

/** The old 9-digit identity card number (chứng minh nhân dân), kept as a secondary identifier. */
export function isOldIdNumber(value: string): boolean {
  return /^\d{9}$/.test(value);
}
