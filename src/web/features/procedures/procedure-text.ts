import type { ProcedureDeadlineDto } from '@shared/contracts/procedures';
import { isLocale, type Locale } from '@shared/locale';
import { effectiveRule, ruleOn, ruleSetById } from '@shared/rules';
import { PROCEDURES, type ProcedureKind } from '@shared/workflow';
import type { i18n as I18n, ParseKeys, TFunction } from 'i18next';

/**
 * Names of procedures, states and actions come from the state machines (src/shared/workflow),
 * rule titles from the rule sets (src/shared/rules); only the words of the form's fields and
 * choices live in the dictionaries.
 */

export function localized(label: { vi: string; en: string }, language: string): string {
  const locale: Locale = isLocale(language) ? language : 'vi';
  return label[locale];
}

export function procedureLabel(kind: ProcedureKind, language: string): string {
  return localized(PROCEDURES[kind].label, language);
}

export function stateLabel(kind: ProcedureKind, state: string, language: string): string {
  const definition = PROCEDURES[kind].states[state];
  return definition ? localized(definition.label, language) : state;
}

export function actionLabel(kind: ProcedureKind, action: string, language: string): string {
  const definition = PROCEDURES[kind].actions[action];
  return definition ? localized(definition.label, language) : action;
}

/** The title of a rule as the rule set in force for the record words it (Vietnamese, as the law). */
export function ruleTitle(key: string, ruleSetId: string, on: string): string {
  const set = ruleSetById(ruleSetId);
  const rule = set ? effectiveRule(set, key) : ruleOn(key, on);
  return rule?.title ?? key;
}

/** A text of the dictionary whose key is built from data, or null when the dictionary has none. */
export function textOf(t: TFunction, i18n: I18n, key: string): string | null {
  // Checked at run time: the key comes from the state machines' data, not from this code.
  return i18n.exists(key) ? String(t(key as ParseKeys)) : null;
}

/** Data keys that hold the values of another field (the stored name differs from the input's). */
const SAME_CHOICES: Record<string, string> = { terminationReason: 'reason', interimMode: 'mode' };

/** The label of a data field, e.g. `months` → "Thời hạn (tháng)". */
export function fieldLabel(t: TFunction, i18n: I18n, name: string): string {
  return textOf(t, i18n, `procedures.fields.${name}`) ?? name;
}

/** The label of one choice of a field, e.g. `sampleType` / `urine` → "Nước tiểu". */
export function optionLabel(t: TFunction, i18n: I18n, field: string, value: string | number): string {
  return textOf(t, i18n, `procedures.options.${SAME_CHOICES[field] ?? field}.${value}`) ?? String(value);
}

/** The name of a legal timer; an unknown one is named by its rule, or shown as it is. */
export function timerLabel(
  t: TFunction,
  i18n: I18n,
  deadline: Pick<ProcedureDeadlineDto, 'timer' | 'ruleKey' | 'ruleSetId' | 'startsOn'>,
): string {
  const known = textOf(t, i18n, `procedures.timers.${deadline.timer}`);
  if (known) return known;
  return deadline.ruleKey ? ruleTitle(deadline.ruleKey, deadline.ruleSetId, deadline.startsOn) : deadline.timer;
}

/**
 * One deadline per timer: the open one, else the latest. A reduced term closes its old end and
 * opens a new one under the same timer; the officer needs the one that counts now.
 */
export function currentDeadlines(deadlines: readonly ProcedureDeadlineDto[]): ProcedureDeadlineDto[] {
  const byTimer = new Map<string, ProcedureDeadlineDto>();
  for (const deadline of deadlines) {
    const kept = byTimer.get(deadline.timer);
    const rank = (d: ProcedureDeadlineDto) => (d.status === 'open' ? 1 : 0);
    const better = !kept || rank(deadline) > rank(kept) || (rank(deadline) === rank(kept) && deadline.startsOn >= kept.startsOn);
    if (better) byTimer.set(deadline.timer, deadline);
  }
  return [...byTimer.values()];
}

/** Procedures, newest first (by opening date, then by the last step). */
export function newestFirst<T extends { openedOn: string; lastOn: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => b.openedOn.localeCompare(a.openedOn) || b.lastOn.localeCompare(a.lastOn));
}
