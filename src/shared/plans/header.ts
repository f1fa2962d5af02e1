/** The plan's identity: its own number and date, issuer, signer, title, and the documents it cites. */
import { dateAt, NUMERIC_DATE, WORDED_DATE, yearIn } from './dates';

/** A document number: "105/KH-UBND", "3042/VPCP-KGVX", "28/2025/QĐ-TTg". */
export const DOC_NUMBER = String.raw`\d{1,6}(?:\/\d{4})?\/[\p{Lu}\d][\p{L}\d&]*(?:[-–][\p{L}\d&]+)*`;

const OWN_NUMBER_HEADER = new RegExp(`^Số\\s*:?\\s*(${DOC_NUMBER})`, 'u');
const ISSUED_PLAN = new RegExp(
  `ban hành\\s+(?:Kế hoạch|kế hoạch|KẾ HOẠCH)(?:\\s+số\\s*:?\\s*(?<num>${DOC_NUMBER}))?(?:\\s*,?\\s*ngày\\s+(?<date>(?:${WORDED_DATE})|(?:${NUMERIC_DATE})))?(?:\\s*(?:của [^,.]{3,60}?\\s+)?(?:về việc|về|V\\/v)?\\s*(?<rest>[^.;]*))?`,
  'u',
);
const CITED = new RegExp(`\\bsố\\s*:?\\s*(${DOC_NUMBER})`, 'gu');

/** Where the own number, date and title of an article's plan come from ("…đã ban hành Kế hoạch số 105/KH-UBND ngày 23/2…"). */
export interface IssuedSentence {
  sentence: string;
  number: string | null;
  dateText: string | null;
  titleRest: string | null;
  before: string;
}

/** The first sentence saying someone issued the plan. */
export function findIssued(sentences: string[]): IssuedSentence | null {
  for (const sentence of sentences) {
    const m = ISSUED_PLAN.exec(sentence);
    if (!m) continue;
    const before = sentence.slice(0, m.index);
    // "Thực hiện Kế hoạch số 90/KH-UBND…, UBND huyện ban hành kế hoạch": the cited plan is in `before`.
    return {
      sentence,
      number: m.groups?.num ?? null,
      dateText: m.groups?.date ?? null,
      titleRest: /như sau|^\s*$/u.test(m.groups?.rest ?? '') ? null : (m.groups?.rest?.trim() ?? null),
      before,
    };
  }
  return null;
}

/** The number printed in the document's header ("Số: 105/KH-UBND"). */
export function headerNumber(lines: string[]): string | null {
  for (const line of lines.slice(0, 15)) {
    const m = OWN_NUMBER_HEADER.exec(line);
    if (m?.[1]) return m[1];
  }
  return null;
}

/** The header's place and date ("Long An, ngày 20 tháng 5 năm 2022"). */
export function headerDate(lines: string[]): string | null {
  for (const line of lines.slice(0, 15)) {
    const m = /^[\p{L} .]{2,40},\s*ngày\s+(.*)$/u.exec(line);
    if (m?.[1]) {
      const date = dateAt(m[1], null);
      if (date) return date;
    }
  }
  return null;
}

/** Every numbered document cited, other than the plan's own number. */
export function citedNumbers(text: string, own: string | null): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(CITED)) {
    const number = m[1]?.replace(/[.,;]+$/, '');
    if (number && number !== own && !found.includes(number)) found.push(number);
  }
  return found;
}

/** Upper-case header words to their usual written form. */
function properCase(upper: string): string {
  const words = upper.toLowerCase().split(/\s+/);
  let placeName = false;
  const out = words.map((word, i) => {
    const proper = placeName ? word.charAt(0).toUpperCase() + word.slice(1) : word;
    if (['tỉnh', 'huyện', 'thành', 'phố', 'xã', 'phường', 'thị', 'trấn', 'quận'].includes(word)) placeName = true;
    return i === 0 ? proper.charAt(0).toUpperCase() + proper.slice(1) : proper;
  });
  return out
    .join(' ')
    .replace(/^Ủy ban nhân dân|^Uỷ ban nhân dân/u, 'UBND')
    .replace(/\bThành phố\b/u, 'thành phố');
}

/** The issuing body printed at the top left of an official document ("ỦY BAN NHÂN DÂN TỈNH LONG AN"). */
export function headerIssuer(lines: string[]): string | null {
  for (const line of lines.slice(0, 8)) {
    if (/^(?:CỘNG HÒA|CỘNG HOÀ|Độc lập|ĐỘC LẬP|KẾ HOẠCH)/u.test(line)) continue;
    if (/^(?:ỦY BAN|UỶ BAN|UBND|BAN CHỈ ĐẠO|CÔNG AN|SỞ|HỘI ĐỒNG)\s/u.test(line) && line === line.toUpperCase()) {
      return properCase(line).replace(/^Ubnd/u, 'UBND');
    }
  }
  return null;
}

/** A person's name: two to five capitalised words. */
const PERSON = /^\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,4}$/u;

/** The name under the signature block ("PHÓ CHỦ TỊCH" then the name). */
export function signatureSigner(lines: string[]): string | null {
  const title = lines.findIndex((line) =>
    /^(?:KT\.\s*|TM\.\s*)?(?:PHÓ\s+)?(?:CHỦ TỊCH|TRƯỞNG BAN|GIÁM ĐỐC|GIÁM ĐỐC CÔNG AN)$/u.test(line),
  );
  if (title === -1) return null;
  for (const line of lines.slice(title + 1)) {
    if (/^(?:KT\.|TM\.|PHÓ|CHỦ TỊCH|TRƯỞNG BAN|GIÁM ĐỐC|\(Đã ký\)|Đã ký)/u.test(line)) continue;
    return PERSON.test(line) ? line : null;
  }
  return null;
}

/** Issuer and signer in "Phó Chủ tịch UBND tỉnh Hoàng Nam đã ký ban hành…" or "UBND tỉnh đã ban hành…". */
export function issuerFromSentence(before: string): { issuer: string | null; signer: string | null } {
  let text = before.trim();
  // "Ngày 26/5/2023, …", "Thực hiện Công văn số …, UBND tỉnh …": the issuer is after the last comma.
  if (/^(?:Ngày|ngày|Thực hiện|Căn cứ|Theo|Trên cơ sở|Triển khai)\b/u.test(text)) {
    text = text.slice(text.lastIndexOf(',') + 1).trim();
  }
  text = text
    .replace(/\s+(?:đã|vừa|mới|chính thức)(?:\s+(?:đã|vừa|mới|chính thức))*\s*(?:ký)?\s*$/u, '')
    .replace(/\s+ký\s*$/u, '')
    .trim();
  if (text === '') return { issuer: null, signer: null };
  const role = /^(?:Phó\s+)?(?:Chủ tịch|Trưởng ban|Giám đốc)\s+(.+)$/u.exec(text);
  if (role?.[1]) {
    const m =
      /^((?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|Ban Chỉ đạo|Công an|Sở)\s+(?:\p{Ll}+\s*)+?)\s*((?:\p{Lu}\p{Ll}*\s*)+)$/u.exec(
        role[1],
      );
    if (m?.[1] && m[2]) {
      const words = m[2].trim().split(/\s+/);
      // Five or more capitalised words: a place name (two words) and then the person.
      const place = words.length >= 5 ? words.splice(0, 2).join(' ') : '';
      return { issuer: `${m[1].trim()}${place ? ` ${place}` : ''}`, signer: words.join(' ') };
    }
    return { issuer: role[1], signer: null };
  }
  return { issuer: text, signer: null };
}

/** The date of the issuing sentence: "ngày 23/2" after the number, or "Ngày 26/5/2023, …" before it. */
export function issuedDate(issued: IssuedSentence, fallbackYear: number | null): string | null {
  const year = yearIn(issued.sentence) ?? fallbackYear;
  if (issued.dateText) return dateAt(issued.dateText, year);
  const m = /^(?:Ngày|ngày)\s+(.+)$/u.exec(issued.before.trim());
  return m?.[1] ? dateAt(m[1], year) : null;
}

/** "Thực hiện Tháng hành động…" → "Kế hoạch thực hiện Tháng hành động…". */
export function planTitle(rest: string): string {
  let text = rest
    .replace(/\s*\((?:[Tt]ừ|[Tt]ừ ngày)[^)]*\)\s*/u, ' ')
    .replace(/[.;:,\s…]+$/u, '')
    .trim();
  if (text === text.toUpperCase()) text = text.toLowerCase();
  else if (/^\p{Lu}\p{Ll}/u.test(text)) text = text.charAt(0).toLowerCase() + text.slice(1);
  return `Kế hoạch ${text}`;
}

/** The title under the "KẾ HOẠCH" heading of an official document. */
export function headingTitle(lines: string[]): string | null {
  const at = lines.findIndex((line) => /^KẾ HOẠCH$/u.test(line));
  if (at === -1) return null;
  const parts: string[] = [];
  for (const line of lines.slice(at + 1, at + 4)) {
    if (
      /^(?:Căn cứ|Thực hiện\s+(?:Công văn|Kế hoạch|Quyết định|Chỉ thị|Nghị quyết|Thông tư|Chương trình|Hướng dẫn|Văn bản))|^(?:[IVX]+|\d+)[.)]\s|\bsố\s*\d/u.test(
        line,
      )
    )
      break;
    parts.push(line);
    if (/[.)]$/.test(line) || parts.join(' ').length > 60) break;
  }
  return parts.length > 0 ? planTitle(parts.join(' ')) : null;
}
