/**
 * Where each value `parsePlanText` read sits in the text, so that the officer can check the draft
 * against its source side by side. Values are searched for, not traced through the parser: the
 * parser stays simple, and a value that cannot be found again is left unmarked rather than
 * marked at a guess.
 */
import { normaliseLines } from './normalise';
import type { ParsedPlan } from './types';

/** A value's place in the text: `text.slice(start, end)`. */
export interface PlanHighlight {
  field: string;
  start: number;
  end: number;
}

/**
 * The text the parser works on (NFC lines, repaired, site menus removed), one line per line.
 * Showing this rather than the upload keeps the highlights' offsets true, and parsing it again
 * gives the same result as parsing the upload.
 */
export function planSourceText(raw: string): string {
  return normaliseLines(raw).join('\n');
}

type Span = { start: number; end: number };

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A written value as a pattern: any run of whitespace matches any other; the first letter in either case (the parser capitalises). */
function literal(value: string): string {
  const tokens = value.trim().split(/\s+/u).map(escapeRegExp);
  const first = tokens[0] ?? '';
  const char = Array.from(first)[0] ?? '';
  if (char.toLowerCase() !== char.toUpperCase()) {
    tokens[0] = `[${char.toLowerCase()}${char.toUpperCase()}]${first.slice(char.length)}`;
  }
  return tokens.join(String.raw`\s+`);
}

/** The first match of `pattern` at or after `from`. */
function find(text: string, pattern: string, from = 0, flags = 'u'): Span | null {
  const re = new RegExp(pattern, `g${flags}`);
  re.lastIndex = from;
  const m = re.exec(text);
  return m && m[0] !== '' ? { start: m.index, end: m.index + m[0].length } : null;
}

const SEP = String.raw`\s*[/.\-]\s*`;

/** A date as it may be written: "05/7/2022", "5.7", "ngày 05 tháng 7 năm 2022"; a year written must be the right one. */
function datePattern(iso: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const [year, month, day] = [m[1], String(Number(m[2])), String(Number(m[3]))];
  const numeric = `0?${day}${SEP}0?${month}(?:${SEP}${year}(?!\\d)|(?!\\d|${SEP}\\d))`;
  const worded = `0?${day}\\s+tháng\\s+0?${month}(?:\\s*(?:năm\\s+|/\\s*)${year}(?!\\d)|(?!\\d|\\s*(?:năm\\s+|/)\\s*\\d))`;
  return `(?:[Nn]gày\\s+)?(?<!\\d)(?:${numeric}|${worded})`;
}

/** A whole month as written ("tháng 6/2022", "tháng 6 năm 2022"), for a period or a range that starts or ends with one. */
function monthPattern(iso: string, needYear: boolean): string {
  const [year, month] = [iso.slice(0, 4), String(Number(iso.slice(5, 7)))];
  const yearPart = `\\s*(?:/|năm\\s+)\\s*${year}(?!\\d)`;
  return `[Tt]háng\\s+0?${month}(?:${yearPart})${needYear ? '' : '?'}(?!\\d)`;
}

function isMonthEnd(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate() === d;
}

function periodSpan(text: string, from: string, to: string): Span | null {
  const fromDate = datePattern(from);
  const toDate = datePattern(to);
  if (!fromDate || !toDate) return null;
  const fromAlt = from.endsWith('-01') ? `(?:${fromDate}|${monthPattern(from, false)})` : fromDate;
  const toAlt = isMonthEnd(to) ? `(?:hết\\s+)?(?:${toDate}|${monthPattern(to, false)})` : `(?:hết\\s+)?${toDate}`;
  const range = find(text, `(?:[Tt]ừ\\s+)?${fromAlt}[^\\n]{0,40}?${toAlt}`);
  if (range) return range;
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  if (fy === ty && fm === tm) {
    // "từ ngày 01 - 30/6": two days of one month.
    const short = find(text, `[Tt]ừ\\s+(?:ngày\\s+)?0?${fd}\\s*(?:-|–|đến)\\s*0?${td}\\s*/\\s*0?${fm}(?:\\s*/\\s*${fy})?(?!\\d)`);
    if (short) return short;
    if (fd === 1 && isMonthEnd(to)) return find(text, monthPattern(from, true));
  }
  if (from.endsWith('-01-01') && to.endsWith('-12-31')) {
    if (fy === ty) return find(text, `năm\\s+${fy}(?!\\d)`);
    return find(text, `${fy}\\s*(?:[-–]|đến\\s+(?:năm\\s+)?)\\s*${ty}(?!\\d)`);
  }
  return null;
}

/** "UBND tỉnh Long An" is printed "ỦY BAN NHÂN DÂN TỈNH LONG AN" in the header. */
function issuerPattern(issuer: string): string {
  return literal(issuer).replace(/^\[uU\]BND/u, '(?:UBND|[ỦUủu][Yyỷ]\\s+ban\\s+nhân\\s+dân)');
}

/** Where each value of `parsed` was read in `text` (the output of `planSourceText`). */
export function highlightsOf(text: string, parsed: ParsedPlan): PlanHighlight[] {
  const out: PlanHighlight[] = [];
  const add = (field: string, span: Span | null): Span | null => {
    if (span) out.push({ field, ...span });
    return span;
  };

  const number = parsed.number ? add('number', find(text, `(?<![\\p{L}\\d/])${literal(parsed.number)}(?![\\p{L}\\d])`)) : null;
  if (parsed.date) {
    const pattern = datePattern(parsed.date);
    // The plan's own date is on the line of its number ("Ngày 26/5/2023, … Kế hoạch số 125/KH-UBND",
    // "Kế hoạch số 105/KH-UBND ngày 23/2"), not the page's date above it.
    const lineStart = number ? text.lastIndexOf('\n', number.start) + 1 : 0;
    const near = number && pattern ? find(text, pattern, lineStart) : null;
    const close =
      near && number && !text.slice(number.end, near.start).includes('\n') && near.start - number.end <= 60 ? near : null;
    add('date', close ?? (pattern ? find(text, pattern) : null));
  }
  if (parsed.issuer) add('issuer', find(text, issuerPattern(parsed.issuer), 0, 'iu'));
  if (parsed.signer) add('signer', find(text, literal(parsed.signer)));
  if (parsed.title) {
    add(
      'title',
      find(text, literal(parsed.title), 0, 'iu') ?? find(text, literal(parsed.title.replace(/^Kế hoạch\s+/u, '')), 0, 'iu'),
    );
  }
  if (parsed.theme) add('theme', find(text, literal(parsed.theme)));
  if (parsed.funding)
    add('funding', find(text, literal(parsed.funding)) ?? find(text, literal(parsed.funding.replace(/\.$/u, ''))));
  if (parsed.period?.from && parsed.period.to) add('period', periodSpan(text, parsed.period.from, parsed.period.to));

  parsed.references.forEach((ref, i) => {
    add(`references.${i}`, find(text, `(?<![\\p{L}\\d/])${literal(ref)}(?![\\p{L}\\d])`));
  });

  let cursor = 0;
  parsed.objectives.forEach((objective, i) => {
    const span = add(`objectives.${i}`, find(text, literal(objective.text), cursor) ?? find(text, literal(objective.text)));
    if (span) cursor = span.end;
  });

  cursor = 0;
  parsed.agencies.forEach((agency, i) => {
    const name = literal(agency.name);
    // The numbered heading first, then "giao <agency>" of an article, then anywhere after the previous agency.
    const span = add(
      `agencies.${i}.name`,
      find(text, `(?<=^(?:\\d{1,2}(?:\\.\\d{1,2})*[.)]\\s*)?)${name}`, cursor, 'mu') ??
        find(text, `(?<=giao\\s+)${name}`, cursor, 'iu') ??
        find(text, name, cursor),
    );
    if (!span) return;
    cursor = span.end;
    let taskCursor = cursor;
    agency.tasks.forEach((task, m) => {
      const found = add(
        `agencies.${i}.tasks.${m}`,
        find(text, literal(task), taskCursor) ?? find(text, literal(task.replace(/[.…]+$/u, '')), taskCursor),
      );
      if (found) taskCursor = found.end;
    });
    cursor = Math.max(cursor, taskCursor);
  });

  cursor = 0;
  parsed.deadlines.forEach((deadline, i) => {
    const date = datePattern(deadline.by);
    if (!date) return;
    const pattern = `(?:trước|chậm nhất(?:\\s+là)?|hạn chót|không muộn hơn)\\s+${date}`;
    // The date after the words saying what is due, so that two deadlines on one date are told apart.
    const what = deadline.what ? find(text, literal(deadline.what), cursor) : null;
    const span = add(
      `deadlines.${i}`,
      (what ? find(text, pattern, what.end, 'iu') : null) ?? find(text, pattern, cursor, 'iu') ?? find(text, pattern, 0, 'iu'),
    );
    if (span) cursor = span.end;
  });
  return out;
}
