import { describe, expect, it } from 'vitest';
import {
  effectiveRule,
  RULE_SETS,
  RULE_VALUE_SCHEMAS,
  type RuleOverride,
  ruleKeysOf,
  ruleOn,
  ruleSetById,
  ruleSetOn,
} from './index';

describe('rule sets as effective-dated data', () => {
  it.each([
    ['2021-12-31', null],
    ['2022-01-01', 'law73-2022'],
    ['2025-02-28', 'law73-2022'],
    ['2025-03-01', 'law73-2025-03'],
    ['2025-06-30', 'law73-2025-03'],
    ['2025-07-01', 'law73-2025-07'],
    ['2026-06-30', 'law73-2025-07'],
    ['2026-07-01', 'law120-2026'],
    ['2099-12-31', 'law120-2026'],
  ])('on %s the rule set is %s', (date, id) => {
    expect(ruleSetOn(date)?.id ?? null).toBe(id);
  });

  it('has periods that meet without gap or overlap, each amending the one before', () => {
    for (let i = 1; i < RULE_SETS.length; i++) {
      const before = RULE_SETS[i - 1];
      const after = RULE_SETS[i];
      const nextDay = new Date(`${before?.effectiveTo}T00:00:00Z`);
      nextDay.setUTCDate(nextDay.getUTCDate() + 1);
      expect(after?.effectiveFrom).toBe(nextDay.toISOString().slice(0, 10));
      expect(after?.inherits).toBe(before?.id);
    }
    expect(RULE_SETS.at(-1)?.effectiveTo).toBeNull();
  });

  it('gives every rule a citation, a title and a value that fits its schema', () => {
    for (const set of RULE_SETS) {
      expect(set.documents.length).toBeGreaterThan(0);
      for (const [key, rule] of Object.entries(set.rules)) {
        expect(key).toMatch(/^[a-z_]+\.[a-z_]+$/);
        expect(rule.citation.document.trim()).not.toBe('');
        expect(rule.title.trim()).not.toBe('');
        if (rule.confirmed) expect(rule.citation.sources.length).toBeGreaterThan(0);
        if (rule.value) expect(RULE_VALUE_SCHEMAS[rule.value.kind].safeParse(rule.value).success).toBe(true);
        // A value DOMAIN.md could not find is never presented as confirmed.
        if (rule.value === null) expect(rule.confirmed).toBe(false);
        for (const source of rule.citation.sources) expect(source).toMatch(/^S\d+b?$/);
      }
      for (const [key, citation] of Object.entries(set.reaffirmed ?? {})) {
        expect(citation.document.trim()).not.toBe('');
        expect(set.rules[key]).toBeUndefined();
        expect(effectiveRule(ruleSetById(set.inherits ?? '') ?? set, key)).not.toBeNull();
      }
    }
  });

  // DOMAIN.md §12, one key per timer the rule sets carry (reports and Action Month are plan data).
  const TIMER_KEYS: [string, string][] = [
    ['2025-01-01', 'illegal_user.decision_deadline'],
    ['2025-01-01', 'illegal_user.management_duration'],
    ['2026-07-01', 'residence_change.report_deadline'],
    ['2026-07-01', 'residence_change.notify_deadline'],
    ['2025-01-01', 'voluntary_rehab.decision_deadline'],
    ['2025-01-01', 'voluntary_rehab.duration'],
    ['2026-07-01', 'voluntary_rehab.duration_repeat'],
    ['2025-01-01', 'ost.acceptance_deadline'],
    ['2025-01-01', 'ost.termination_noncompliance_count'],
    ['2025-01-01', 'ost.termination_noncompliance_window'],
    ['2025-01-01', 'ost.termination_positive_count'],
    ['2025-01-01', 'ost.termination_positive_window'],
    ['2025-01-01', 'compulsory.dossier_deadline'],
    ['2025-01-01', 'compulsory.adult_duration'],
    ['2025-01-01', 'compulsory.reduction'],
    ['2025-01-01', 'compulsory.minor_duration'],
    ['2025-01-01', 'compulsory.minor_court_decision_deadline'],
    ['2025-01-01', 'compulsory.adult_court_decision_deadline'],
    ['2025-01-01', 'post_rehab.duration_default'],
    ['2025-01-01', 'post_rehab.duration_after_adult_compulsory'],
    ['2025-01-01', 'education_at_commune.limitation'],
    ['2025-01-01', 'education_at_commune.duration'],
    ['2025-01-01', 'education_at_commune.helper_deadline'],
    ['2025-01-01', 'determination.after_education_window'],
    ['2026-07-01', 'determination.certificate_validity'],
    ['2025-01-01', 'business.start_notice_deadline'],
    ['2025-01-01', 'business.lost_certificate_notice_deadline'],
    ['2025-01-01', 'business.security_report_period'],
  ];
  it.each(TIMER_KEYS)('has the §12 timer on %s: %s', (date, key) => {
    expect(ruleOn(key, date)).not.toBeNull();
  });

  it('knows every §12 timer in the current rule set', () => {
    const set = ruleSetOn('2026-07-01');
    if (!set) throw new Error('no current rule set');
    const current = ruleKeysOf(set);
    for (const [, key] of TIMER_KEYS) expect(current).toContain(key);
  });

  it('marks unconfirmed what DOMAIN.md marks [NC]', () => {
    const unconfirmed = (key: string, date: string) => ruleOn(key, date)?.confirmed === false;
    expect(unconfirmed('compulsory.adult_court_decision_deadline', '2025-01-01')).toBe(true);
    expect(unconfirmed('determination.time_limit', '2025-01-01')).toBe(true);
    expect(unconfirmed('post_rehab.decision_deadline', '2025-01-01')).toBe(true);
    expect(unconfirmed('voluntary_rehab.duration', '2026-07-01')).toBe(true);
    expect(unconfirmed('voluntary_rehab.duration_repeat', '2026-07-01')).toBe(true);
    expect(unconfirmed('determination.certificate_validity', '2026-07-01')).toBe(true);
    expect(ruleOn('voluntary_rehab.duration', '2026-07-01')?.confirmationLabel).toBe('chưa xác nhận');
    // [C] values stay confirmed.
    expect(unconfirmed('voluntary_rehab.duration', '2026-06-30')).toBe(false);
    expect(unconfirmed('illegal_user.management_duration', '2026-07-01')).toBe(false);
    expect(unconfirmed('residence_change.report_deadline', '2026-07-01')).toBe(false);
  });

  it('answers each rule with its value, citation, rule set and confirmation on a decision date', () => {
    const before = ruleOn('voluntary_rehab.duration', '2026-06-30');
    const after = ruleOn('voluntary_rehab.duration', '2026-07-01');
    expect(before).toMatchObject({
      ruleSetId: 'law73-2025-07',
      definedIn: 'law73-2022',
      value: { kind: 'range', min: 6, max: 12, unit: 'months' },
      confirmed: true,
    });
    expect(after).toMatchObject({ ruleSetId: 'law120-2026', definedIn: 'law120-2026', value: { kind: 'duration', amount: 24 } });
    expect(after?.citation.document).toContain('120/2025/QH15');
    expect(ruleOn('voluntary_rehab.duration', '2021-12-31')).toBeNull();
    // Rules new in Law 120/2025 do not exist before it.
    expect(ruleOn('residence_change.report_deadline', '2026-06-30')).toBeNull();
    expect(ruleOn('determination.certificate_validity', '2026-06-30')).toBeNull();
  });

  it('says by inheritance, not by copy, what a later version keeps', () => {
    const kept = ruleOn('illegal_user.management_duration', '2026-07-01');
    expect(kept?.definedIn).toBe('law73-2022');
    expect(kept?.citation.document).toContain('120/2025/QH15');
    expect(kept?.originalCitation.document).toContain('73/2021/QH14');
    expect(ruleOn('compulsory.dossier_deadline', '2025-02-28')?.citation.sources).toEqual(['S17']);
    expect(ruleOn('compulsory.dossier_deadline', '2025-03-01')?.citation.sources).toEqual(['S17', 'S32']);
    expect(ruleOn('compulsory.minor_court_decision_deadline', '2025-07-01')?.citation.document).toContain('08/2025');
    expect(ruleOn('compulsory.minor_court_decision_deadline', '2025-06-30')?.citation.document).not.toContain('08/2025');
    // No later version repeats a rule with an unchanged value and confirmation.
    for (const set of RULE_SETS.filter((s) => s.inherits)) {
      const parent = ruleSetById(set.inherits ?? '');
      for (const [key, rule] of Object.entries(set.rules)) {
        const previous = parent && effectiveRule(parent, key);
        if (previous) expect([previous.value, previous.confirmed]).not.toEqual([rule.value, rule.confirmed]);
      }
    }
  });

  it('applies an override to an unconfirmed rule only, and carries it into inheriting versions', () => {
    const override = (ruleSetId: string, ruleKey: string): RuleOverride => ({
      ruleSetId,
      ruleKey,
      value: { kind: 'duration', amount: 30, unit: 'days' },
      citation: 'Kiểm thử',
      version: 1,
      updatedAt: '2026-01-01T00:00:00.000Z',
      updatedBy: null,
    });
    const lookup = (ruleSetId: string, ruleKey: string) =>
      ruleSetId === 'law73-2022' ? override(ruleSetId, ruleKey) : undefined;
    const adult = ruleOn('compulsory.adult_court_decision_deadline', '2026-07-01', lookup);
    expect(adult?.value).toEqual({ kind: 'duration', amount: 30, unit: 'days' });
    expect(adult?.defaultValue).toBeNull();
    expect(adult?.confirmed).toBe(false);
    expect(adult?.override?.ruleSetId).toBe('law73-2022');
    const confirmed = ruleOn('illegal_user.decision_deadline', '2025-01-01', lookup);
    expect(confirmed?.value).toEqual({ kind: 'duration', amount: 3, unit: 'working_days' });
    expect(confirmed?.override).toBeNull();
  });
});
