import { describe, expect, it } from 'vitest';
import { AgenciesSearch } from './features/agencies/agencies-search';
import { UnitsSearch } from './features/units/units-search';
import { parseSearch, stringifySearch } from './search-params';

describe('URL search params', () => {
  it('keeps unit codes that look like numbers as the exact strings typed', () => {
    expect(parseSearch('?code=79&q=ba+dinh')).toEqual({ code: '79', q: 'ba dinh' });
    expect(parseSearch('?code=00004')).toEqual({ code: '00004' });
  });

  it('writes plain, readable query strings and omits empty values', () => {
    expect(stringifySearch({ period: 'pre2025', code: '79', q: undefined })).toBe('?period=pre2025&code=79');
    expect(stringifySearch({ all: true })).toBe('?all=true');
    expect(stringifySearch({ q: '' })).toBe('');
  });

  it('falls back to the current period when the URL has an unknown one', () => {
    expect(UnitsSearch.parse(parseSearch('?period=1990&code=01'))).toEqual({ period: 'current', code: '01' });
  });

  it('accepts its own output again, as the router re-validates when it builds links', () => {
    const once = AgenciesSearch.parse(parseSearch('?all=true'));
    expect(once).toEqual({ all: true });
    expect(AgenciesSearch.parse(once)).toEqual({ all: true });
    const units = UnitsSearch.parse(parseSearch('?period=pre2025&code=001&q=ba+dinh'));
    expect(UnitsSearch.parse(units)).toEqual(units);
  });
});
