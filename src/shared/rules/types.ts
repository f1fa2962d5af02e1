import { z } from 'zod';

/**
 * The shapes of a legal rule's value (issue #5: rule sets as data). Every shape is a strict object
 * with a `kind`, so a stored override can be checked against the kind of the rule it replaces.
 */
export const RULE_UNITS = ['hours', 'days', 'working_days', 'months', 'years'] as const;
export type RuleUnit = (typeof RULE_UNITS)[number];

const amount = z.number().int().min(0).max(10_000);

/** A length of time: "within 3 working days", "1 year". */
export const DurationValue = z.strictObject({ kind: z.literal('duration'), amount, unit: z.enum(RULE_UNITS) });
/** A range of lengths a decision chooses from: "6–12 months". */
export const RangeValue = z
  .strictObject({ kind: z.literal('range'), min: amount, max: amount, unit: z.enum(RULE_UNITS) })
  .refine((v) => v.min <= v.max, { path: ['max'] });
/** A number of things: "at most 3 persons per helper", "3 of the 6 criteria". */
export const CountValue = z.strictObject({ kind: z.literal('count'), value: amount });
/** An age in whole years: "from 14". */
export const AgeValue = z.strictObject({ kind: z.literal('age'), years: z.number().int().min(0).max(120) });

export const RuleValue = z.union([DurationValue, RangeValue, CountValue, AgeValue]);
export type RuleValue = z.infer<typeof RuleValue>;
export type RuleValueKind = RuleValue['kind'];

/** The schema a value of the given kind must satisfy (an admin override keeps the rule's kind). */
export const RULE_VALUE_SCHEMAS: Record<RuleValueKind, z.ZodType<RuleValue>> = {
  duration: DurationValue,
  range: RangeValue,
  count: CountValue,
  age: AgeValue,
};

/** Sources of DOMAIN.md §14 (`S1` … `S48`, `S24b`). */
export type SourceId = `S${number}` | `S${number}b`;

/**
 * Where a rule comes from, exactly as DOMAIN.md gives it: the document (law, decree, circular,
 * ordinance, administrative procedure), the article when DOMAIN.md names one, and its sources.
 */
export interface Citation {
  document: string;
  article?: string;
  sources: readonly SourceId[];
}

/** One rule: a value with its citation and whether DOMAIN.md confirms it ([C]) or not ([NC]). */
export interface Rule {
  title: string;
  /** Null when the law is known to set a value DOMAIN.md could not find ([NC], no default). */
  value: RuleValue | null;
  citation: Citation;
  confirmed: boolean;
  /** Why a value is unconfirmed, or what else the reader must know (Vietnamese). */
  note?: string;
}

/** A legal text a rule set rests on. */
export interface LegalDocument {
  name: string;
  /** Date signed or passed, when DOMAIN.md gives it. */
  issued?: string;
  sources: readonly SourceId[];
}

/**
 * One version of the rules, in force from `effectiveFrom` to `effectiveTo` (inclusive; null =
 * open). A version names the one it amends (`inherits`) and holds only the rules it changes;
 * `reaffirmed` lists rules it keeps unchanged while citing the new text that keeps them.
 */
export interface RuleSetVersion {
  id: string;
  title: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  inherits: string | null;
  documents: readonly LegalDocument[];
  rules: Readonly<Record<string, Rule>>;
  reaffirmed?: Readonly<Record<string, Citation>>;
}
