import { describe, expect, it } from 'vitest';
import { dayBefore, formatDateVi, todayInVietnam } from './dates';
import { errorMessage, formatMessage } from './errors';
import { negotiateLocale } from './locale';

describe('negotiateLocale', () => {
  it('takes the best supported language by q-value', () => {
    expect(negotiateLocale('en-US,en;q=0.9,vi;q=0.8', 'vi')).toBe('en');
    expect(negotiateLocale('fr-FR,vi;q=0.5,en;q=0.4', 'en')).toBe('vi');
    expect(negotiateLocale('fr, de', 'vi')).toBe('vi');
    expect(negotiateLocale(undefined, 'en')).toBe('en');
    expect(negotiateLocale('en;q=0', 'vi')).toBe('vi');
  });
});

describe('dates', () => {
  it('uses the date in Việt Nam, not UTC', () => {
    // 18:30 UTC on 30 June is already 1 July in Hà Nội (UTC+7).
    expect(todayInVietnam(new Date('2025-06-30T18:30:00Z'))).toBe('2025-07-01');
    expect(todayInVietnam(new Date('2025-06-30T16:59:59Z'))).toBe('2025-06-30');
  });

  it('formats ISO dates as DD/MM/YYYY and steps back across months and leap days', () => {
    expect(formatDateVi('2025-07-01')).toBe('01/07/2025');
    expect(formatDateVi(null)).toBeNull();
    expect(dayBefore('2025-07-01')).toBe('2025-06-30');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
    expect(dayBefore('2026-01-01')).toBe('2025-12-31');
  });
});

describe('error messages', () => {
  it('fill placeholders in both languages and keep unknown ones visible', () => {
    expect(errorMessage('UNIT_NOT_FOUND', 'vi', { code: '99', at: '2025-07-01' })).toBe(
      'Không có đơn vị hành chính mã 99 có hiệu lực ngày 2025-07-01.',
    );
    expect(errorMessage('UNIT_NOT_FOUND', 'en', { code: '99', at: '2025-07-01' })).toContain('code 99');
    expect(formatMessage('a {x} b {y}', { x: 1 })).toBe('a 1 b {y}');
  });
});
