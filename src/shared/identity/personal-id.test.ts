import { describe, expect, it } from 'vitest';
import { BIRTH_REGISTRATION_PROVINCES, birthYearOf, centurySexDigit, checkPersonalId, isOldIdNumber } from './personal-id';

describe('personal ID number', () => {
  it('knows the 63 birth-registration provinces of TT 07/2016/TT-BCA', () => {
    expect(BIRTH_REGISTRATION_PROVINCES).toHaveLength(63);
    expect(BIRTH_REGISTRATION_PROVINCES).toContain('001');
    expect(BIRTH_REGISTRATION_PROVINCES).toContain('096');
    // 030 was Hải Dương: merged into Hải Phòng in 2025, still a valid prefix for numbers issued before.
    expect(BIRTH_REGISTRATION_PROVINCES).toContain('030');
    expect(BIRTH_REGISTRATION_PROVINCES).not.toContain('003');
  });

  it('accepts a number that fits the record', () => {
    // Born 1989 (0 = male, 20th century) in Hà Nội (001).
    expect(checkPersonalId('001089012345', { sex: 'male', birthYear: 1989 })).toEqual([]);
    // Born 2005, female (3), registered in Lai Châu (012).
    expect(checkPersonalId('012305000001', { sex: 'female', birthYear: 2005 })).toEqual([]);
  });

  it('names the wrong part', () => {
    expect(checkPersonalId('00108901234', {})).toEqual(['format']);
    expect(checkPersonalId('00108901234a', {})).toEqual(['format']);
    expect(checkPersonalId('003089012345', { sex: 'male', birthYear: 1989 })).toEqual(['province']);
    expect(checkPersonalId('001189012345', { sex: 'male', birthYear: 1989 })).toEqual(['century_sex']);
    expect(checkPersonalId('001289012345', { sex: 'male', birthYear: 1989 })).toEqual(['century_sex']);
    expect(checkPersonalId('001088012345', { sex: 'male', birthYear: 1989 })).toEqual(['year']);
    expect(checkPersonalId('003188012345', { sex: 'male', birthYear: 1989 })).toEqual(['province', 'year', 'century_sex']);
  });

  it('checks what it can when the record is incomplete', () => {
    expect(checkPersonalId('001189012345', { sex: 'male' })).toEqual(['century_sex']);
    expect(checkPersonalId('001389012345', { birthYear: 1989 })).toEqual(['century_sex']);
    expect(checkPersonalId('001389012345', {})).toEqual([]);
  });

  it('accepts configured country prefixes for births registered abroad', () => {
    expect(checkPersonalId('840089012345', {})).toEqual(['province']);
    expect(checkPersonalId('840089012345', { foreignPrefixes: ['840'] })).toEqual([]);
  });

  it('decodes the birth year and the century digit', () => {
    expect(birthYearOf('001089012345')).toBe(1989);
    expect(birthYearOf('001305012345')).toBe(2005);
    expect(birthYearOf('12')).toBeNull();
    expect(centurySexDigit(1999, 'female')).toBe(1);
    expect(centurySexDigit(2000, 'male')).toBe(2);
    expect(isOldIdNumber('012345678')).toBe(true);
    expect(isOldIdNumber('0123456789')).toBe(false);
  });
});
