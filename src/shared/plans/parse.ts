/**
 * Reads a provincial drug-prevention plan (kế hoạch), or a news article about one, from plain text.
 * Pure TypeScript without Node APIs so the browser can use it. It never invents: what the text does
 * not say is null or an empty list.
 */
import { findDeadlines, findFunding, findObjectives, findPeriod, findTheme, planType, sentencesOf, yearsPeriod } from './content';
import { yearIn } from './dates';
import {
  citedNumbers,
  findIssued,
  headerDate,
  headerIssuer,
  headerNumber,
  headingTitle,
  issuedDate,
  issuerFromSentence,
  planTitle,
  signatureSigner,
} from './header';
import { normaliseLines } from './normalise';
import { bodyLines, numberedAgencies, proseAgencies, topHeading } from './sections';
import type { ParsedPlan } from './types';

/** Headings of the part stating purposes and targets. */
const OBJECTIVE_SECTION = /MỤC ĐÍCH|MỤC TIÊU|YÊU CẦU|CHỈ TIÊU/u;

/** Lines of the sections whose heading states purposes and targets; null when the text has no such section. */
function objectiveLines(lines: string[]): string[] | null {
  let found = false;
  let inside = false;
  const out: string[] = [];
  for (const line of lines) {
    const heading = topHeading(line);
    if (heading !== null) {
      inside = OBJECTIVE_SECTION.test(heading);
      found ||= inside;
      continue;
    }
    if (inside) out.push(line);
  }
  return found ? out : null;
}

/** Parses one plan or article; see `ParsedPlan` for the shape. */
export function parsePlanText(text: string): ParsedPlan {
  const lines = normaliseLines(text);
  const body = bodyLines(lines);
  const sentences = sentencesOf(body);
  const issued = findIssued(sentences);

  const headingTitleText = headingTitle(lines);
  const title = headingTitleText ?? (issued?.titleRest ? planTitle(issued.titleRest) : null);
  const headline = lines.slice(0, 4).join(' ');
  const type = planType(title ?? headline, title !== null);

  const number = headerNumber(lines) ?? issued?.number ?? null;
  const contextYear = (title ? yearIn(title) : null) ?? yearIn(headline);
  const period = findPeriod(body.join('\n'), type, contextYear) ?? (title ? yearsPeriod(title, type) : null);
  const year = contextYear ?? (period?.from ? Number(period.from.slice(0, 4)) : null);

  const fromSentence = issued ? issuerFromSentence(issued.before) : { issuer: null, signer: null };
  const date = headerDate(lines) ?? (issued ? issuedDate(issued, year) : null);
  const numbered = numberedAgencies(body);

  return {
    number,
    date,
    issuer: headerIssuer(lines) ?? fromSentence.issuer,
    signer: signatureSigner(lines) ?? fromSentence.signer,
    title,
    type,
    period,
    theme: findTheme(body.join('\n')),
    references: citedNumbers(body.join('\n'), number),
    objectives: findObjectives(sentencesOf(objectiveLines(body) ?? body)),
    agencies: numbered.length > 0 ? numbered : proseAgencies(sentences),
    deadlines: findDeadlines(sentences, year),
    funding: findFunding(sentences),
  };
}
