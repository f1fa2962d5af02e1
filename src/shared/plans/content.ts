/** What the plan asks for: theme, period, type, targets, deadlines, funding. */
import { dateAt, isoDate, monthEnd, NUMERIC_DATE, WORDED_DATE } from './dates';
import type { PlanDeadline, PlanObjective, PlanType } from './types';

/** Sentences of the body, one paragraph at a time (a sentence never spans two lines here). */
export function sentencesOf(lines: string[]): string[] {
  return lines.flatMap((line) =>
    line
      .split(/(?<=[.!?…])\s+(?=[\p{Lu}\d“"(])/u)
      .map((s) => s.trim())
      .filter((s) => s !== ''),
  );
}

/** The quoted "chủ đề" of the campaign. */
export function findTheme(text: string): string | null {
  const m = /chủ đề\s*:?\s*(?:là\s*)?[“"«]\s*([^”"»]{5,300}?)\s*[”"»]/iu.exec(text);
  return m?.[1] ? m[1].replace(/[*_]/g, '').trim() : null;
}

const DATE = `(?:${WORDED_DATE}|${NUMERIC_DATE})`;

/** The year of a date's text, if it writes one. */
function writtenYear(text: string): number | null {
  const m = /\d{4}/.exec(text);
  return m ? Number(m[0]) : null;
}

/**
 * "Từ ngày 01/6/2022 đến ngày 30/6/2022", "từ ngày 15/5 đến ngày 15/7/2023", "từ ngày 01 - 30/6",
 * "từ tháng 5 đến hết tháng 7 năm 2023", "tháng 6/2019".
 */
export function findPeriod(
  text: string,
  type: PlanType | null,
  year: number | null,
): { from: string | null; to: string | null } | null {
  const range = new RegExp(
    `[Tt]ừ\\s+(?:ngày\\s+)?(?<from>${DATE})\\s*(?:(?:cho\\s+)?(?:đến|tới)|-|–)\\s*(?:hết\\s+)?(?:ngày\\s+)?(?:(?<to>${DATE})|tháng\\s+(?<toMonth>\\d{1,2})(?:\\s*(?:\\/|năm\\s+)\\s*(?<toMonthYear>\\d{4}))?)`,
    'gu',
  );
  for (const m of text.matchAll(range)) {
    const g = m.groups ?? {};
    const toText = g.to ?? '';
    // The year is usually written once, at the end of the range; the start takes it.
    const fallback = writtenYear(toText) ?? (g.toMonthYear ? Number(g.toMonthYear) : year);
    if (fallback === null) continue;
    const to = g.toMonth ? monthEnd(fallback, Number(g.toMonth)) : dateAt(toText, fallback);
    let from = dateAt(g.from ?? '', fallback);
    // "từ ngày 15/12 đến ngày 15/2/2023": a start without its own year after the end is in the year before.
    if (from && to && from > to && writtenYear(g.from ?? '') === null) from = dateAt(g.from ?? '', fallback - 1);
    if (from && to && from <= to) return { from, to };
  }
  const months =
    /[Tt]ừ\s+tháng\s+(\d{1,2})(?:\s*(?:\/|năm\s+)\s*(\d{4}))?\s*(?:(?:cho\s+)?(?:đến|tới)|-|–)\s*(?:hết\s+)?tháng\s+(\d{1,2})(?:\s*(?:\/|năm\s+)\s*(\d{4}))?/u.exec(
      text,
    );
  if (months) {
    const toYear = months[4] ? Number(months[4]) : year;
    const fromYear = months[2] ? Number(months[2]) : toYear;
    if (toYear !== null && fromYear !== null) {
      const from = isoDate(fromYear, Number(months[1]), 1);
      const to = monthEnd(toYear, Number(months[3]));
      if (from && to && from <= to) return { from, to };
    }
  }
  const short = /[Tt]ừ\s+(?:ngày\s+)?(\d{1,2})\s*(?:-|–|đến)\s*(\d{1,2})\s*\/\s*(\d{1,2})(?:\s*\/\s*(\d{4}))?/u.exec(text);
  if (short) {
    const y = short[4] ? Number(short[4]) : year;
    if (y !== null) {
      const from = isoDate(y, Number(short[3]), Number(short[1]));
      const to = isoDate(y, Number(short[3]), Number(short[2]));
      if (from && to) return { from, to };
    }
  }
  if (type === 'action_month') {
    const month = /(?<!\d\s*)tháng\s+(\d{1,2})\s*(?:\/|năm\s+)\s*(\d{4})/iu.exec(text);
    if (month) {
      const [y, mo] = [Number(month[2]), Number(month[1])];
      const from = isoDate(y, mo, 1);
      return from ? { from, to: monthEnd(y, mo) } : null;
    }
  }
  return null;
}

/** The plan's kind, from its title (or an article's headline). */
export function planType(source: string | null, hasTitle: boolean): PlanType | null {
  if (source === null) return null;
  if (/tháng hành động/iu.test(source)) return 'action_month';
  if (/giai đoạn\s+\d{4}\s*[-–đến ]+\s*\d{4}|\b\d{4}\s*[-–]\s*\d{4}\b/iu.test(source)) return 'multi_year';
  if (/chuyên đề|cao điểm|(?<!\p{L})đợt(?!\p{L})/iu.test(source)) return 'thematic';
  if (/\bnăm\s+\d{4}\b/iu.test(source)) return 'annual';
  return hasTitle ? 'other' : null;
}

/** The whole years an annual or multi-year title names. */
export function yearsPeriod(title: string, type: PlanType | null): { from: string | null; to: string | null } | null {
  if (type === 'multi_year') {
    const m = /(\d{4})\s*[-–]\s*(\d{4})|(\d{4})\s+đến\s+(?:năm\s+)?(\d{4})/u.exec(title);
    const [a, b] = m ? [m[1] ?? m[3], m[2] ?? m[4]] : [];
    if (a && b) return { from: isoDate(Number(a), 1, 1), to: isoDate(Number(b), 12, 31) };
  }
  if (type === 'annual') {
    const m = /\bnăm\s+(\d{4})\b/iu.exec(title);
    if (m?.[1]) return { from: isoDate(Number(m[1]), 1, 1), to: isoDate(Number(m[1]), 12, 31) };
  }
  return null;
}

function cleanClause(text: string): string {
  return text
    .replace(/^[-–+•*]\s*/u, '')
    .replace(/^(?:\d{1,2}(?:\.\d{1,2})*|[a-zđ])[.)]\s+/u, '')
    .replace(/[.;,…\s]+$/u, '')
    .replace(/\.{2,}$/u, '')
    .trim();
}

/** A number that is a target, not a date, year, document number or ordinal. */
const COUNT = /(?<![\d/.,])(\d{1,6})(?![\d/.,%])\s+(?=\p{Ll})(?!(?:năm|tháng|ngày|giờ)(?!\p{L}))/u;

/** Targets: "100% …", "không để …", and counts in sentences about targets. */
export function findObjectives(sentences: string[]): PlanObjective[] {
  const objectives: PlanObjective[] = [];
  for (const sentence of sentences) {
    const targetSentence = /mục tiêu|chỉ tiêu|phấn đấu|ít nhất|tối thiểu/iu.test(sentence);
    for (const clause of sentence.split(/;\s*/u)) {
      let text = cleanClause(clause);
      const percent = /(\d{1,3}(?:[.,]\d+)?)\s*%/u.exec(text);
      const keep = /(?<!\p{L})không để(?!\p{L})/iu.test(text);
      const count =
        targetSentence && !percent ? COUNT.exec(text.replace(/\b(?:năm|ngày|tháng|số|giai đoạn)\s+\d+/giu, '')) : null;
      if (!percent && !keep && !count) continue;
      // "Mục tiêu đề ra: 100% …": the lead-in is not part of the target.
      const colon = text.indexOf(':');
      const marker = text.search(/\d{1,3}(?:[.,]\d+)?\s*%|[Kk]hông để/u);
      if (colon > 0 && colon < 40 && marker > colon) text = text.slice(colon + 1).trim();
      text = text.charAt(0).toUpperCase() + text.slice(1);
      if (text === '' || objectives.some((o) => o.text === text)) continue;
      if (percent?.[1]) objectives.push({ text, value: Number(percent[1].replace(',', '.')), unit: 'percent' });
      else if (count?.[1]) objectives.push({ text, value: Number(count[1]), unit: 'count' });
      else objectives.push({ text, value: null, unit: null });
    }
  }
  return objectives;
}

const DEADLINE = new RegExp(
  `(?:trước|chậm nhất(?:\\s+là)?|hạn chót|không muộn hơn|hoàn thành trước)\\s+(?:ngày\\s+)?(?<date>${DATE})`,
  'u',
);
const RECIPIENT =
  /\s(?:về|cho|đến|tới)\s+((?:Công an|Sở|UBND|Ủy ban|Uỷ ban|Ban|Văn phòng|Thường trực|Cơ quan|Phòng|Bộ)[^,;]*?)\s*$/u;

/** "gửi báo cáo về Công an tỉnh trước ngày 05/7/2022" → what, to whom, by when. */
export function findDeadlines(sentences: string[], year: number | null): PlanDeadline[] {
  const deadlines: PlanDeadline[] = [];
  for (const sentence of sentences) {
    for (const clause of sentence.split(/;\s*/u)) {
      const m = DEADLINE.exec(clause);
      if (!m?.groups?.date) continue;
      const by = dateAt(m.groups.date, year);
      if (!by) continue;
      let before = cleanClause(clause.slice(0, m.index));
      let to: string | null = null;
      const recipient = RECIPIENT.exec(before);
      if (recipient?.[1]) {
        to = recipient[1].trim();
        before = before.slice(0, recipient.index).trim();
      }
      const segments = before.split(/,\s*/u);
      const last = segments[segments.length - 1] ?? '';
      const what = /gửi|báo cáo|nộp|hoàn thành|tổng hợp/iu.test(last) ? last : before;
      if (what !== '') deadlines.push({ what: cleanClause(what), to, by });
    }
  }
  return deadlines;
}

/** The sentence saying where the money comes from. */
export function findFunding(sentences: string[]): string | null {
  const sentence = sentences.find((s) => /^(?:(?:\d{1,2}|[a-zđ])[.)]\s+)?Kinh phí(?!\p{L})/u.test(s));
  return sentence ? `${cleanClause(sentence)}.`.replace(/\.\.$/, '.') : null;
}
