/**
 * From what the parser read to the draft the officer reviews (issue #6 item 7), and the templates
 * of item 6. Pure: the import wizard runs it in the browser; the server tests use it too.
 */
import type { ParsedPlan, PlanType } from './types';

/** The catalogue agency (migration 0004) a name in a plan most likely means; `SO_KHAC` when unsure. */
const AGENCY_HINTS: readonly [RegExp, string][] = [
  [/^(UBND|Ủy ban nhân dân|Uỷ ban nhân dân) (các|cấp) (huyện|xã|phường)/iu, 'UBND_XA'],
  [/^Công an (các|cấp) (xã|phường)/iu, 'CA_XA'],
  [/^Công an/iu, 'CA_TINH'],
  [/Biên phòng/iu, 'BDBP'],
  [/^Sở Y tế/iu, 'SO_Y_TE'],
  [/Giáo dục/iu, 'SO_GD_DT'],
  [/Thông tin/iu, 'SO_TT_TT'],
  [/Phát thanh|Truyền hình/iu, 'DAI_PT_TH'],
  [/^(UBND|Ủy ban nhân dân|Uỷ ban nhân dân) tỉnh/iu, 'UBND_TINH'],
];

export function suggestAgencyCode(name: string): string {
  return AGENCY_HINTS.find(([pattern]) => pattern.test(name.trim()))?.[1] ?? 'SO_KHAC';
}

/** Agencies that sit in every commune: given the province, each commune reports. */
export const COMMUNE_AGENCIES: readonly string[] = ['CA_XA', 'UBND_XA'];

export interface DraftTask {
  assigneeName: string;
  agencyCode: string;
  unitCode: string;
  coLeads: string[];
  content: string;
  dueOn: string | null;
  reportDeadlines: string[];
}

export interface PlanDraft {
  number: string | null;
  issuedOn: string | null;
  issuer: string | null;
  signer: string | null;
  title: string;
  type: PlanType;
  periodFrom: string;
  periodTo: string;
  theme: string | null;
  references: string[];
  funding: string | null;
  followingAgencyCode: string;
  milestones: { on: string; label: string }[];
  deadlines: { what: string; to: string | null; by: string }[];
  objectives: {
    text: string;
    targetValue: number | null;
    unit: 'percent' | 'count' | null;
    comparison: 'gte' | 'lte' | 'eq' | null;
    indicatorCode: string | null;
  }[];
  tasks: DraftTask[];
}

/** 26 June, national day against drugs (QĐ 93/2001/QĐ-TTg; DOMAIN.md §7). */
export const NATIONAL_DAY_LABEL = 'Ngày toàn dân phòng, chống ma túy (26/6)';

/** The Action Month defaults: 1–30 June of the year, with 26 June marked (QĐ 93/2001/QĐ-TTg). */
export function actionMonthDefaults(year: number): Pick<PlanDraft, 'type' | 'periodFrom' | 'periodTo' | 'milestones' | 'title'> {
  return {
    type: 'action_month',
    title: `Kế hoạch thực hiện Tháng hành động phòng, chống ma túy năm ${year}`,
    periodFrom: `${year}-06-01`,
    periodTo: `${year}-06-30`,
    milestones: [{ on: `${year}-06-26`, label: NATIONAL_DAY_LABEL }],
  };
}

/**
 * The comparison a target's wording implies: "không để hình thành … mới" / "không có" means = 0;
 * "giảm … xuống dưới" means ≤; anything else with a number (100%, "ít nhất") means ≥.
 */
function comparisonOf(text: string, value: number | null): 'gte' | 'lte' | 'eq' | null {
  if (/không để (hình thành|phát sinh|xảy ra)|không (có|còn) /iu.test(text)) return 'eq';
  if (value === null) return null;
  if (/(giảm|dưới|không quá|tối đa)/iu.test(text)) return 'lte';
  return 'gte';
}

/**
 * The draft an imported document gives. What the text does not say stays empty for the officer to
 * fill; the period falls back to the Action Month or the year only when the type says so.
 */
export function draftFromParsed(parsed: ParsedPlan, provinceCode: string, fallbackYear: number): PlanDraft {
  const year = Number((parsed.period?.from ?? parsed.date ?? `${fallbackYear}`).slice(0, 4));
  const type = parsed.type ?? 'other';
  const defaults = type === 'action_month' ? actionMonthDefaults(year) : null;
  const periodFrom = parsed.period?.from ?? defaults?.periodFrom ?? `${year}-01-01`;
  const periodTo = parsed.period?.to ?? defaults?.periodTo ?? `${year}-12-31`;
  const planDeadlines = [...new Set(parsed.deadlines.map((d) => d.by))].sort();
  const zeroTarget = (text: string, value: number | null) => (value === null && comparisonOf(text, value) === 'eq' ? 0 : value);
  return {
    number: parsed.number,
    issuedOn: parsed.date,
    issuer: parsed.issuer,
    signer: parsed.signer,
    title: parsed.title ?? defaults?.title ?? '',
    type,
    periodFrom,
    periodTo,
    theme: parsed.theme,
    references: parsed.references,
    funding: parsed.funding,
    followingAgencyCode: 'CA_TINH',
    milestones: defaults?.milestones ?? [],
    deadlines: parsed.deadlines,
    objectives: parsed.objectives.map((o) => ({
      text: o.text,
      targetValue: zeroTarget(o.text, o.value),
      unit: o.unit ?? (zeroTarget(o.text, o.value) === 0 ? 'count' : null),
      comparison: comparisonOf(o.text, o.value),
      indicatorCode: null,
    })),
    tasks: parsed.agencies.map((agency) => ({
      assigneeName: agency.name,
      agencyCode: suggestAgencyCode(agency.name),
      unitCode: provinceCode,
      coLeads: [],
      content: agency.tasks.join('\n') || agency.name,
      dueOn: null,
      reportDeadlines: planDeadlines,
    })),
  };
}

/** Moves an ISO date to another year, keeping day and month (29/02 becomes 28/02). */
export function moveToYear(iso: string, year: number): string {
  const [, month, day] = iso.split('-');
  const lastDay = new Date(Date.UTC(year, Number(month), 0)).getUTCDate();
  return `${year}-${month}-${String(Math.min(Number(day), lastDay)).padStart(2, '0')}`;
}

/** Moves a date by the number of years between the source plan's year and the new one. */
export function shiftYears(iso: string, fromYear: number, toYear: number): string {
  return moveToYear(iso, Number(iso.slice(0, 4)) + (toYear - fromYear));
}
