/**
 * Text repair for plans copied from PDFs, Word files and provincial web portals: glued words,
 * table pipes, site menus, abbreviations, lines broken inside a sentence.
 */

/** Lines that are website chrome, not document text (compared lower-cased). */
const MENU_LINES = new Set([
  'đăng nhập',
  'đăng ký',
  'in trang',
  'in bài',
  'in',
  'english',
  'tiếng việt',
  'trang chủ',
  'tin tức',
  'tin trong tỉnh',
  'tin trong nước',
  'tin tức - sự kiện',
  'văn bản',
  'văn bản pháp luật',
  'tải về',
  'tải xuống',
  'chia sẻ',
  'facebook',
  'zalo',
  'twitter',
  'bản in',
  'gửi email',
  'xem chi tiết',
  'các tin khác',
  'tin liên quan',
  'bài mới đăng',
  'top',
  'lên đầu trang',
  'quay lại',
  'trở về',
  'tìm kiếm',
  'liên hệ',
  'sơ đồ trang',
]);

/** Prefixes of website footer lines (author, source, tags). */
const MENU_PREFIXES = ['từ khóa:', 'từ khoá:', 'nguồn tin:', 'nguồn:', 'tác giả:', 'lượt xem:', 'chia sẻ:'];

/** Upper-case document words that are glued to the next word in PDF copies ("KẾ HOẠCHTHỰC"). */
const GLUED_HEADINGS = ['KẾ HOẠCH', 'QUYẾT ĐỊNH', 'CÔNG VĂN', 'CHỈ THỊ', 'THÔNG BÁO', 'CHƯƠNG TRÌNH'];

function isMenuLine(line: string): boolean {
  const lower = line.toLowerCase();
  if (MENU_LINES.has(lower)) return true;
  if (MENU_PREFIXES.some((p) => lower.startsWith(p))) return true;
  // Language switchers in CJK (中文) and lines of only symbols.
  if (/^[\p{Script=Han}\s]+$/u.test(line)) return true;
  return /^[\s|•·»«>\-–—_=*#]+$/u.test(line);
}

/** One line of a copied table or menu bar becomes one line per cell. */
function splitPipes(line: string): string[] {
  if (!line.includes('|')) return [line];
  return line
    .split('|')
    .map((cell) => cell.trim())
    .filter((cell) => cell !== '' && !/^:?-{2,}:?$/.test(cell));
}

function repairLine(line: string): string {
  let s = line;
  // Markdown emphasis from converters ("“*Nâng cao…*”").
  s = s.replace(/(^|[\s“"(])[*_]+(?=\S)/g, '$1').replace(/(?<=\S)[*_]+(?=$|[\s”").,;:])/g, '');
  for (const word of GLUED_HEADINGS) {
    s = s.replace(new RegExp(`^(${word})(?=[A-ZĐÀ-Ỹ])`, 'u'), '$1\n');
  }
  // "ngày31/8", "số105/KH-UBND", "tháng6/2019": a word glued to a number.
  s = s.replace(/\b(ngày|Ngày|tháng|Tháng|năm|Năm|số|Số)(?=\d)/gu, '$1 ');
  s = s.replace(/(\d)(ngày|tháng|năm)\b/gu, '$1 $2');
  // A lower-case word glued to an upper-case one inside prose ("hoạchThực", "tỉnhCông").
  s = s.replace(/(\p{Ll}{2,})(?=(?:Thực|Căn|Công|Sở|Ủy|UBND|Kế|Tháng)\b)/gu, '$1 ');
  // "MT" is "ma túy" in plans (PCMT is kept; "TN&MT" is the environment department).
  s = s.replace(/(?<![&\p{L}\d])MT(?![\p{L}\d&])/gu, 'ma túy');
  return s.replace(/[ \t]+/g, ' ').trim();
}

/**
 * The document as clean NFC lines: BOM, non-breaking spaces, zero-width characters, table pipes
 * and site menus removed; a line starting in lower case is joined to the sentence it continues.
 */
export function normaliseLines(text: string): string[] {
  const raw = text
    .replace(/^\uFEFF/, '')
    .normalize('NFC')
    .replace(/[\u00A0\u2007\u202F]/g, ' ')
    .replace(/[\u200B-\u200D\u2060]/g, '')
    .replace(/\r\n?/g, '\n');
  const lines: string[] = [];
  for (const rawLine of raw.split('\n')) {
    for (const cell of splitPipes(rawLine.trim())) {
      for (const part of repairLine(cell).split('\n')) {
        const line = part.trim();
        if (line === '' || isMenuLine(line)) continue;
        const previous = lines[lines.length - 1];
        // "…đưa người vào cơ sở cai nghiện bắt" / "buộc theo quy định": one sentence.
        // Not after an upper-case heading, and not a lettered point ("a) …").
        const continues =
          previous !== undefined &&
          /^\p{Ll}/u.test(line) &&
          !/^[a-zđ][.)]\s/u.test(line) &&
          !/[.:;!?]$/.test(previous) &&
          previous !== previous.toUpperCase();
        if (previous !== undefined && continues) {
          lines[lines.length - 1] = `${previous} ${line}`;
        } else {
          lines.push(line);
        }
      }
    }
  }
  return lines;
}
