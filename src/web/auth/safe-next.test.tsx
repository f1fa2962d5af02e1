import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next';

const ORIGIN = 'https://pcmt.example.gov.vn';

describe('safeNext', () => {
  it('returns paths of this app with their query and fragment', () => {
    expect(safeNext('/units?q=ba%20dinh&period=pre2025', ORIGIN)).toBe('/units?q=ba%20dinh&period=pre2025');
    expect(safeNext('/audit?recordId=abc#top', ORIGIN)).toBe('/audit?recordId=abc#top');
  });

  it('goes home for anything that could leave the site', () => {
    for (const next of [
      'https://evil.example/login',
      '//evil.example/path',
      '/\\evil.example',
      '/\t/evil.example',
      'javascript:alert(1)',
      'units',
      '',
      undefined,
    ]) {
      expect(safeNext(next, ORIGIN), String(next)).toBe('/');
    }
  });

  it('does not loop back to the login page', () => {
    expect(safeNext('/login?next=/units', ORIGIN)).toBe('/');
  });
});
