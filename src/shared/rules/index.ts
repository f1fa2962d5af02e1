import { RULE_SETS } from './rule-sets';
import type { Citation, Rule, RuleSetVersion, RuleValue } from './types';

export { RULE_SETS } from './rule-sets';
export * from './types';

/** How an unconfirmed value is shown wherever it is used (issue #5). */
export const CONFIRMATION_LABEL = { confirmed: 'đã xác nhận', unconfirmed: 'chưa xác nhận' } as const;

/** An administrator's value for an unconfirmed rule of one rule set (stored in `rule_override`). */
export interface RuleOverride {
  ruleSetId: string;
  ruleKey: string;
  value: RuleValue;
  citation: string;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
}

/** A rule as it applies in one rule set: inherited or not, reaffirmed or not, overridden or not. */
export interface EffectiveRule {
  key: string;
  title: string;
  /** The value in force: the override's when there is one, else the rule data's. */
  value: RuleValue | null;
  /** The rule data's own value, before any override. */
  defaultValue: RuleValue | null;
  /** The latest citation: the reaffirming text when a later version keeps the rule. */
  citation: Citation;
  /** The citation of the version that set the value. */
  originalCitation: Citation;
  confirmed: boolean;
  confirmationLabel: (typeof CONFIRMATION_LABEL)[keyof typeof CONFIRMATION_LABEL];
  note: string | null;
  /** The rule set asked about. */
  ruleSetId: string;
  /** The rule set whose data defines the rule (differs from `ruleSetId` when inherited). */
  definedIn: string;
  /** The override in force, from this rule set or inherited from the one it amends. */
  override: RuleOverride | null;
}

const BY_ID = new Map(RULE_SETS.map((set) => [set.id, set]));

/** One rule set by id, or undefined. */
export function ruleSetById(id: string): RuleSetVersion | undefined {
  return BY_ID.get(id);
}

/** The rule set in force on a decision date (`YYYY-MM-DD`), or null before 01/01/2022. */
export function ruleSetOn(date: string): RuleSetVersion | null {
  // ISO dates compare as strings.
  return RULE_SETS.find((set) => set.effectiveFrom <= date && (set.effectiveTo === null || date <= set.effectiveTo)) ?? null;
}

/** Every rule key a rule set knows, its own and inherited, in a stable order. */
export function ruleKeysOf(set: RuleSetVersion): string[] {
  const keys = new Set<string>();
  for (let current: RuleSetVersion | undefined = set; current; current = ruleSetById(current.inherits ?? '')) {
    for (const key of Object.keys(current.rules)) keys.add(key);
  }
  return [...keys].sort();
}

type OverrideLookup = (ruleSetId: string, ruleKey: string) => RuleOverride | undefined;
const noOverrides: OverrideLookup = () => undefined;

/**
 * A rule as it applies in a rule set: the nearest definition up the inheritance chain, the nearest
 * reaffirming citation, and the nearest override (an override made on a version carries on into the
 * versions that inherit the rule from it, until a version defines the rule again).
 */
export function effectiveRule(set: RuleSetVersion, key: string, overrides: OverrideLookup = noOverrides): EffectiveRule | null {
  let reaffirmed: Citation | undefined;
  let override: RuleOverride | undefined;
  for (let current: RuleSetVersion | undefined = set; current; current = ruleSetById(current.inherits ?? '')) {
    override ??= overrides(current.id, key);
    const rule: Rule | undefined = current.rules[key];
    if (rule) {
      // Only unconfirmed values may be overridden (the service refuses the rest; this guards data).
      const applied = rule.confirmed ? undefined : override;
      return {
        key,
        title: rule.title,
        value: applied ? applied.value : rule.value,
        defaultValue: rule.value,
        citation: reaffirmed ?? rule.citation,
        originalCitation: rule.citation,
        confirmed: rule.confirmed,
        confirmationLabel: rule.confirmed ? CONFIRMATION_LABEL.confirmed : CONFIRMATION_LABEL.unconfirmed,
        note: rule.note ?? null,
        ruleSetId: set.id,
        definedIn: current.id,
        override: applied ?? null,
      };
    }
    reaffirmed ??= current.reaffirmed?.[key];
  }
  return null;
}

/**
 * The rule `key` in force on a decision date, with its citation, rule-set id and confirmed flag;
 * null when no rule set applies on that date or the rule does not exist in it.
 */
export function ruleOn(key: string, date: string, overrides: OverrideLookup = noOverrides): EffectiveRule | null {
  const set = ruleSetOn(date);
  return set ? effectiveRule(set, key, overrides) : null;
}
