/**
 * The Vietnamese lunisolar calendar (âm lịch), computed for any year from 1800 to 2199.
 *
 * Why not a package: the npm ones (`amlich`, `vietnamese-lunar-calendar`, `@dqcai/vn-lunar`) are
 * small, single-author copies of Hồ Ngọc Đức's 2006 JavaScript, whose licence allows only
 * "personal, non-commercial use"; `lunar-javascript` computes the Chinese calendar (UTC+8).
 * This file re-implements the published method, not that code: the rules of the calendar as
 * described by Hồ Ngọc Đức ("Âm lịch Việt Nam", https://www.informatik.uni-leipzig.de/~duc/amlich/)
 * with the new-moon and solar-longitude series of Jean Meeus ("Astronomical Algorithms").
 *
 * Rules: a month starts on the day (in UTC+7) of a new moon; month 11 contains the winter
 * solstice; when 13 months lie between two months 11, the first of them without a major solar
 * term (trung khí) is the leap month and repeats the previous month's number. Days are reckoned
 * in UTC+7, which is why Tết 1985 and 2007 differ from China's (UTC+8). Việt Nam has used UTC+7
 * for its calendar since 1968 (per Hồ Ngọc Đức); earlier dates here follow UTC+7 all the same.
 */
import { fromEpochDay, type IsoDate, parseIsoDate, toEpochDay } from './iso-date';

/** A date in the Vietnamese lunar calendar; `leap` marks a day of the leap (nhuận) month. */
export interface LunarDate {
  year: number;
  month: number;
  day: number;
  leap: boolean;
}

/** One lunar month of a span between two months 11: its number, leap flag and first day. */
interface LunarMonthStart {
  month: number;
  leap: boolean;
  /** Lunar year the month belongs to (months 11 and 12 belong to the year before Tết). */
  year: number;
  startJdn: number;
}

const TIME_ZONE_HOURS = 7;
const SYNODIC_MONTH = 29.530588853;
/** Julian day number of 1970-01-01. */
const JDN_OF_EPOCH = 2_440_588;
/** Julian day of the new moon of 1900-01-01, the origin of the lunation count `k`. */
const NEW_MOON_ORIGIN = 2_415_021.076998695;
const MIN_YEAR = 1800;
const MAX_YEAR = 2199;
const RAD = Math.PI / 180;

/** Julian date (UT) of the `k`-th new moon after 1900-01-01 (Meeus, mean phase + corrections). */
function newMoonJd(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  const meanPhase =
    2_415_020.75933 +
    29.53058868 * k +
    0.0001178 * t2 -
    0.000000155 * t3 +
    0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * RAD);
  const sunAnomaly = (359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3) * RAD;
  const moonAnomaly = (306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3) * RAD;
  const latitude = (21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3) * RAD;
  const correction =
    (0.1734 - 0.000393 * t) * Math.sin(sunAnomaly) +
    0.0021 * Math.sin(2 * sunAnomaly) -
    0.4068 * Math.sin(moonAnomaly) +
    0.0161 * Math.sin(2 * moonAnomaly) -
    0.0004 * Math.sin(3 * moonAnomaly) +
    0.0104 * Math.sin(2 * latitude) -
    0.0051 * Math.sin(sunAnomaly + moonAnomaly) -
    0.0074 * Math.sin(sunAnomaly - moonAnomaly) +
    0.0004 * Math.sin(2 * latitude + sunAnomaly) -
    0.0004 * Math.sin(2 * latitude - sunAnomaly) -
    0.0006 * Math.sin(2 * latitude + moonAnomaly) +
    0.001 * Math.sin(2 * latitude - moonAnomaly) +
    0.0005 * Math.sin(2 * moonAnomaly + sunAnomaly);
  // ΔT (dynamical time − universal time), in days.
  const deltaT =
    t < -11
      ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
      : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return meanPhase + correction - deltaT;
}

/** Julian day number of the day, in Việt Nam, of the `k`-th new moon. */
function newMoonDay(k: number): number {
  return Math.floor(newMoonJd(k) + 0.5 + TIME_ZONE_HOURS / 24);
}

/** Sun's apparent longitude in radians, 0 ≤ L < 2π, at Julian date `jd` (Meeus ch. 25, low precision). */
function sunLongitude(jd: number): number {
  const t = (jd - 2_451_545) / 36_525;
  const t2 = t * t;
  const meanAnomaly = (357.5291 + 35_999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2) * RAD;
  const meanLongitude = 280.46645 + 36_000.76983 * t + 0.0003032 * t2;
  const centre =
    (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(meanAnomaly) +
    (0.019993 - 0.000101 * t) * Math.sin(2 * meanAnomaly) +
    0.00029 * Math.sin(3 * meanAnomaly);
  const longitude = (meanLongitude + centre) * RAD;
  return longitude - 2 * Math.PI * Math.floor(longitude / (2 * Math.PI));
}

/** Which of the 12 major solar terms (0–11, 30° each from the March equinox) holds at the start of a day in Việt Nam. */
function solarTermOf(jdn: number): number {
  return Math.floor((sunLongitude(jdn - 0.5 - TIME_ZONE_HOURS / 24) / Math.PI) * 6);
}

/** First day of lunar month 11 of Gregorian `year`: the new moon on or before the winter solstice. */
function month11Start(year: number): number {
  const dec31 = toEpochDay(`${year}-12-31`) + JDN_OF_EPOCH;
  const k = Math.floor((dec31 - 2_415_021) / SYNODIC_MONTH);
  const start = newMoonDay(k);
  // Solar term 9 starts at the winter solstice (270°): a month starting after it is month 12.
  return solarTermOf(start) >= 9 ? newMoonDay(k - 1) : start;
}

const spans = new Map<number, LunarMonthStart[]>();

/**
 * The 12 or 13 months from month 11 of Gregorian `year` up to (not including) month 11 of the
 * next year, cached: every conversion needs one span.
 */
function monthsAfterMonth11(year: number): LunarMonthStart[] {
  const cached = spans.get(year);
  if (cached) return cached;
  const first = month11Start(year);
  const next = month11Start(year + 1);
  const k = Math.floor((first - NEW_MOON_ORIGIN) / SYNODIC_MONTH + 0.5);
  const count = Math.round((next - first) / SYNODIC_MONTH);
  let leapIndex = -1;
  if (count === 13) {
    // The leap month is the first month whose start and end lie in the same solar term.
    for (let i = 1; i < 13 && leapIndex < 0; i++) {
      if (solarTermOf(newMoonDay(k + i)) === solarTermOf(newMoonDay(k + i + 1))) leapIndex = i;
    }
  }
  const months: LunarMonthStart[] = [];
  let month = 10;
  for (let i = 0; i < count; i++) {
    const leap = i === leapIndex;
    if (!leap) month = (month % 12) + 1;
    months.push({ month, leap, year: month >= 11 && i < 3 ? year : year + 1, startJdn: newMoonDay(k + i) });
  }
  spans.set(year, months);
  return months;
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`Lunar dates are computed for ${MIN_YEAR}–${MAX_YEAR}, not ${year}`);
  }
}

/** The lunar date of a Gregorian date. */
export function toLunarDate(date: IsoDate): LunarDate {
  const { year } = parseIsoDate(date);
  checkYear(year);
  const jdn = toEpochDay(date) + JDN_OF_EPOCH;
  const span = jdn >= month11Start(year) ? monthsAfterMonth11(year) : monthsAfterMonth11(year - 1);
  const current = span.findLast((m) => m.startJdn <= jdn);
  if (!current) throw new Error(`No lunar month found for ${date}`);
  return { year: current.year, month: current.month, day: jdn - current.startJdn + 1, leap: current.leap };
}

/**
 * The Gregorian date of a lunar date. Throws a `RangeError` when it does not exist: a leap month
 * that the year does not have, or day 30 of a 29-day month.
 */
export function fromLunarDate({ year, month, day, leap }: LunarDate): IsoDate {
  checkYear(year);
  // Months 11 and 12 of lunar year Y follow month 11 of Gregorian year Y; months 1–10 follow that of Y − 1.
  const span = monthsAfterMonth11(month >= 11 ? year : year - 1);
  const index = span.findIndex((m) => m.month === month && m.leap === leap && m.year === year);
  const start = span[index];
  if (!start) throw new RangeError(`Lunar year ${year} has no ${leap ? 'leap ' : ''}month ${month}`);
  const nextStart = span[index + 1]?.startJdn ?? month11Start(year + (month >= 11 ? 1 : 0));
  if (!Number.isInteger(day) || day < 1 || start.startJdn + day - 1 >= nextStart) {
    throw new RangeError(`Lunar month ${month}/${year} has no day ${day}`);
  }
  return fromEpochDay(start.startJdn + day - 1 - JDN_OF_EPOCH);
}

/** The leap month (1–12) of lunar year `year`, or `null` when it has none. */
export function leapMonthOf(year: number): number | null {
  checkYear(year);
  const leapIn = (span: LunarMonthStart[]) => span.find((m) => m.leap && m.year === year)?.month ?? null;
  return leapIn(monthsAfterMonth11(year - 1)) ?? leapIn(monthsAfterMonth11(year));
}
