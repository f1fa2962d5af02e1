import { describe, expect, it } from 'vitest';
import { citationText, ruleValueText, weekdayOf } from './rule-text';

describe('rule-text', () => {
  it('reads rule values as officers say them', () => {
    expect(ruleValueText({ kind: 'duration', amount: 3, unit: 'working_days' }, 'vi')).toBe('3 ngày làm việc');
    expect(ruleValueText({ kind: 'range', min: 6, max: 12, unit: 'months' }, 'vi')).toBe('6–12 tháng');
    expect(ruleValueText({ kind: 'duration', amount: 1, unit: 'years' }, 'vi')).toBe('1 năm');
    expect(ruleValueText({ kind: 'count', value: 3 }, 'vi')).toBe('3');
    expect(ruleValueText({ kind: 'age', years: 14 }, 'vi')).toBe('từ đủ 14 tuổi');
    expect(ruleValueText(null, 'vi')).toBeNull();
    expect(ruleValueText({ kind: 'duration', amount: 1, unit: 'years' }, 'en')).toBe('1 year');
    expect(ruleValueText({ kind: 'age', years: 14 }, 'en')).toBe('from age 14');
  });

  it('names the weekday and the citation', () => {
    expect(weekdayOf('2026-02-17', 'vi')).toBe('Thứ Ba');
    expect(weekdayOf('2026-02-15', 'vi')).toBe('Chủ nhật');
    expect(citationText({ document: 'Luật X', article: 'Điều 5' })).toBe('Điều 5 – Luật X');
    expect(citationText({ document: 'Luật X' })).toBe('Luật X');
  });
});
