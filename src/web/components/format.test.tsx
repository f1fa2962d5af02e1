import { describe, expect, it } from 'vitest';
import { displayDate, displayDateTime } from './format';

describe('displayDateTime', () => {
  it('shows instants as DD/MM/YYYY HH:mm in Việt Nam time, whatever the computer zone', () => {
    // 17:05 UTC is 00:05 the next day in Hà Nội (UTC+7).
    expect(displayDateTime('2026-03-14T17:05:09.000Z')).toBe('15/03/2026 00:05');
    expect(displayDateTime('2026-03-14T17:05:09.000Z', { seconds: true })).toBe('15/03/2026 00:05:09');
  });

  it('leaves missing values as a dash', () => {
    expect(displayDateTime(null)).toBe('—');
    expect(displayDate(undefined)).toBe('—');
  });
});
