/** The parts of a plan: numbered headings (I., A., 1., 1.1., a)), sections and agency task lists. */
import type { PlanAgency } from './types';

/** A heading of the top level: Roman numerals or a capital letter ("II. NỘI DUNG…", "B. TỔ CHỨC…"). */
const TOP_HEADING = /^(?:[IVX]{1,5}|[A-Z])[.)]\s+(\S.*)$/u;
/** A numbered item: "1.", "1.1.", "2)", "a)", "b." */
const ITEM = /^(?:\d{1,2}(?:\.\d{1,2})*|[a-zđ])[.)]\s*(\S.*)$/u;
/** A bullet line. */
const BULLET = /^[-–—+•*]\s*(\S.*)$/u;

/** A heading whose section assigns tasks. */
const TASK_SECTION = /PHÂN CÔNG|TỔ CHỨC THỰC HIỆN|NHIỆM VỤ|TRÁCH NHIỆM/u;

/** Names that start an agency ("Công an tỉnh", "Sở Y tế", "UBND các huyện…"). */
const AGENCY_START =
  /^(?:Công an|Sở |Bộ Chỉ huy|Bộ đội|Đài |Báo |UBND|Ủy ban|Uỷ ban|Ban (?!hành)|Hội |Đoàn |Tỉnh đoàn|Thành đoàn|Liên đoàn|Tòa án|Toà án|Viện kiểm sát|Cục |Chi cục|Các sở|Các cơ quan|Các đơn vị|Văn phòng|Mặt trận|Bảo hiểm|Kho bạc|Bệnh viện|Trung tâm|Phòng |Cảnh sát|Hải quan|Ngân hàng|Trường |Đại học)/u;

const AGENCY_START_ANY_CASE = new RegExp(AGENCY_START.source, 'iu');

/** Where an agency's name ends and its task starts, in a heading that holds both. */
const TASK_VERB =
  /\s(?:theo chức năng|căn cứ|chủ trì|chủ động|phối hợp|có trách nhiệm|thực hiện|chỉ đạo|tổ chức|tăng cường|triển khai|tham mưu|xây dựng|hướng dẫn|là cơ quan|giữ vai trò)(?!\p{L})/u;

/** Lines of the signature block and recipients: the body ends there. */
const BODY_END = /^(?:Nơi nhận\b|(?:TM|KT|Q|TL|TUQ)\.\s)/u;

/** The document body, before the recipients and the signature block. */
export function bodyLines(lines: string[]): string[] {
  const end = lines.findIndex((line) => BODY_END.test(line));
  return end === -1 ? lines : lines.slice(0, end);
}

function isUpper(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 4 && letters === letters.toUpperCase();
}

/** The text of a top-level heading, or null. */
export function topHeading(line: string): string | null {
  const m = TOP_HEADING.exec(line);
  if (m?.[1] && isUpper(m[1])) return m[1];
  return isUpper(line) && line.length > 5 && !/\d/.test(line) ? line : null;
}

/** Splits an agency heading into the agency's name and the task written on the same line. */
function splitAgencyHeading(rest: string): { name: string; task: string | null } {
  const colon = rest.indexOf(':');
  if (colon > 0 && colon < 120) {
    const task = rest.slice(colon + 1).trim();
    return { name: rest.slice(0, colon).trim(), task: task === '' ? null : task };
  }
  const trimmed = rest.replace(/[.;]$/, '').trim();
  if (trimmed.length <= 90 && !/[.;]$/.test(rest)) return { name: trimmed, task: null };
  const verb = TASK_VERB.exec(rest);
  if (verb && verb.index > 0 && verb.index <= 90) {
    return { name: rest.slice(0, verb.index).replace(/,$/, '').trim(), task: rest.slice(verb.index).trim() };
  }
  return { name: trimmed, task: null };
}

/** Whether a numbered item starts with an agency; headings in capitals ("2. SỞ Y TẾ") as well. */
function isAgencyName(text: string): boolean {
  if (AGENCY_START.test(text)) return true;
  const words = text.split(/[:,;]/u)[0] ?? '';
  return isUpper(words) && AGENCY_START_ANY_CASE.test(text);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The agencies of the task-assignment sections, each with its task paragraphs and bullets. */
export function numberedAgencies(lines: string[]): PlanAgency[] {
  const agencies: PlanAgency[] = [];
  let inTaskSection = false;
  let current: PlanAgency | null = null;
  for (const line of lines) {
    const heading = topHeading(line);
    if (heading !== null) {
      inTaskSection = TASK_SECTION.test(heading);
      current = null;
      continue;
    }
    if (!inTaskSection) continue;
    const item = ITEM.exec(line);
    if (item?.[1] && isAgencyName(item[1]) && !/^\d+\.\d+/.test(line)) {
      const { name, task } = splitAgencyHeading(item[1]);
      current = { name, tasks: task ? [capitalise(task)] : [] };
      agencies.push(current);
      continue;
    }
    if (item && /^\d{1,2}[.)]/.test(line)) {
      // Another numbered point of the same level that names no agency ends the agency's list.
      current = null;
      continue;
    }
    if (current) {
      const text = (BULLET.exec(line)?.[1] ?? item?.[1] ?? line).trim();
      if (text !== '') current.tasks.push(text);
    }
  }
  return agencies;
}

/** "UBND tỉnh giao Công an tỉnh thực hiện…": the assignments of an article that has no task list. */
export function proseAgencies(sentences: string[]): PlanAgency[] {
  const agencies: PlanAgency[] = [];
  for (const sentence of sentences) {
    const m =
      /\bgiao\s+(.{3,90}?)\s+((?:theo chức năng|căn cứ|chủ trì|chủ động|phối hợp|có trách nhiệm|thực hiện|chỉ đạo|tổ chức|tăng cường|triển khai|tham mưu|xây dựng|hướng dẫn|theo dõi)(?!\p{L}).*)$/u.exec(
        sentence,
      );
    if (!m?.[1] || !m[2] || !AGENCY_START.test(m[1])) continue;
    const name = m[1].trim();
    const task = capitalise(m[2].replace(/[.…]+$/u, '').trim());
    const existing = agencies.find((a) => a.name === name);
    if (existing) existing.tasks.push(task);
    else agencies.push({ name, tasks: [task] });
  }
  return agencies;
}
