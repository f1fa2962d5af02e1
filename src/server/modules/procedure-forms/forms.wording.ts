import { formatDateVi } from '@shared/dates';
import type { FormPerson, RecordingBody } from './form-data';
import type { Paragraph } from './forms.layout';

/** Shared wording of the forms: blanks, dates, the issuing body, the person's particulars. */

/** What a missing value prints as, for the officer to fill in by hand. */
export const BLANK = '……';

const COMMUNE_TYPE = /^(Xã|Phường|Thị trấn|Đặc khu)\s+/u;
const UNIT_TYPE = /^(Xã|Phường|Thị trấn|Đặc khu|Tỉnh|Thành phố)\s+/u;

/** A value, or the dotted blank. */
export function orBlank(value: string | null | undefined): string {
  const text = value?.trim();
  return text ? text : BLANK;
}

/** ISO date → `DD/MM/YYYY`, or a dotted blank date. */
export function dateVi(iso: string | null): string {
  return formatDateVi(iso) ?? `${BLANK}/${BLANK}/${BLANK}`;
}

/** Vietnamese upper case ("Xã Tân Phú" → "XÃ TÂN PHÚ"). */
export function upperVi(text: string): string {
  return text.toLocaleUpperCase('vi-VN');
}

/** A unit's name inside a sentence: its type in lower case ("Xã Tân Phú" → "xã Tân Phú", "Tỉnh Đồng Nai" → "tỉnh Đồng Nai"). */
export function unitInText(name: string): string {
  return name.replace(UNIT_TYPE, (type) => type.toLocaleLowerCase('vi-VN'));
}

/**
 * The place-and-date line: "Tân Phú, ngày 05 tháng 3 năm 2025". NĐ 30/2020/NĐ-CP Phụ lục I:
 * the place is the unit's name without its type, and a leading zero is written only for days
 * below 10 and for months 1 and 2.
 */
export function placeDateLine(communeName: string, iso: string | null): string {
  const place = communeName.replace(COMMUNE_TYPE, '');
  if (iso === null) return `${place}, ngày ${BLANK} tháng ${BLANK} năm ${BLANK}`;
  const [year, month, day] = iso.split('-').map(Number);
  const pad = (n: number | undefined) => String(n ?? 0).padStart(2, '0');
  return `${place}, ngày ${pad(day)} tháng ${(month ?? 0) <= 2 ? pad(month) : String(month)} năm ${year}`;
}

/** Heading lines of the issuing body (NĐ 30/2020 Phụ lục I: the body and, for police, the one above it). */
export function issuerLines(body: RecordingBody, communeName: string, provinceName: string): string[] {
  return body === 'commune_committee'
    ? ['ỦY BAN NHÂN DÂN', upperVi(communeName)]
    : [`CÔNG AN ${upperVi(provinceName)}`, `CÔNG AN ${upperVi(communeName)}`];
}

/** "ông Nguyễn Văn A" / "bà Nguyễn Thị B" inside a sentence; capitalised to open a line. */
export function personInText(person: FormPerson, capitalised = false): string {
  const honorific = person.sex === 'male' ? 'ông' : 'bà';
  return `${capitalised ? upperVi(honorific.charAt(0)) + honorific.slice(1) : honorific} ${person.fullName}`;
}

/** A "Label: value" line, indented like a paragraph but not justified. */
export function listLine(label: string, value: string, boldValue = false): Paragraph {
  return { spans: [{ text: `${label}: ` }, { text: value, bold: boldValue }], indent: true, align: 'left' };
}

/** A centred bold line inside the body ("QUYẾT ĐỊNH:", the deciding authority). */
export function centredLine(text: string, spaceBefore = 6): Paragraph {
  return { spans: [{ text }], bold: true, align: 'center', indent: false, spaceBefore };
}

/** The person's particulars as list lines: name, sex, birth, personal id, residence. */
export function personParticulars(person: FormPerson): Paragraph[] {
  return [
    listLine('Họ và tên', person.fullName, true),
    listLine('Giới tính', person.sex === 'male' ? 'Nam' : 'Nữ'),
    person.birthDate ? listLine('Ngày sinh', dateVi(person.birthDate)) : listLine('Năm sinh', String(person.birthYear)),
    listLine('Số định danh cá nhân', orBlank(person.personalId)),
    listLine('Nơi cư trú', orBlank(person.residence)),
  ];
}

/** A midnight in Việt Nam, for the PDF's creation date (fixed by the form's own date). */
export function documentDate(iso: string): Date {
  return new Date(`${iso}T00:00:00+07:00`);
}
