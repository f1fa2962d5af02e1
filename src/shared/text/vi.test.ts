import { describe, expect, it } from 'vitest';
import { compareVi, foldVi, searchKey, searchWords, toNfc } from './vi';

describe('foldVi', () => {
  it('strips tone and vowel marks and maps đ/Đ to d', () => {
    expect(foldVi('Nguyễn Văn Đức, ĐẶNG THỊ ÁNH, Phường Hồ Gươm')).toBe('nguyen van duc, dang thi anh, phuong ho guom');
  });

  it('gives the same key for NFC and NFD input and for old and new tone placement', () => {
    const nfd = 'Phường Ba Đình'.normalize('NFD');
    expect(nfd).not.toBe('Phường Ba Đình');
    expect(foldVi(nfd)).toBe(foldVi('Phường Ba Đình'));
    expect(foldVi('Thuỷ Hoà')).toBe(foldVi('Thủy Hòa'));
  });

  it('collapses white space', () => {
    expect(foldVi('  Ba   Đình\t')).toBe('ba dinh');
  });
});

describe('searchWords and searchKey', () => {
  it('split on punctuation but join apostrophes', () => {
    expect(searchWords('Bà Rịa - Vũng Tàu')).toEqual(['ba', 'ria', 'vung', 'tau']);
    expect(searchWords("Xã Đạ M'ri")).toEqual(['xa', 'da', 'mri']);
  });

  it('puts a space before every word so that word prefixes match with LIKE', () => {
    expect(searchKey('Phường Ba Đình')).toBe(' phuong ba dinh');
  });
});

describe('compareVi', () => {
  it('sorts in Vietnamese alphabetical order, not code-point order', () => {
    const names = ['Đức', 'Dũng', 'Ánh', 'Anh', 'Bình', 'Ăn', 'Ân', 'An'];
    expect([...names].sort(compareVi)).toEqual(['An', 'Anh', 'Ánh', 'Ăn', 'Ân', 'Bình', 'Dũng', 'Đức']);
    // What a database with C collation would give, for contrast:
    expect([...names].sort()).not.toEqual([...names].sort(compareVi));
  });
});

describe('toNfc', () => {
  it('normalises decomposed input', () => {
    expect(toNfc('Nguyễn'.normalize('NFD'))).toBe('Nguyễn');
    expect(toNfc('Nguyễn'.normalize('NFD')).length).toBe(6);
  });
});
