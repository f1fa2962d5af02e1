import { describe, expect, it } from 'vitest';
import en from './en.json';
import vi from './vi.json';

/** Every leaf key of a dictionary, as `a.b.c`, with its text. */
function leaves(dictionary: object, prefix = ''): Map<string, unknown> {
  const result = new Map<string, unknown>();
  for (const [key, value] of Object.entries(dictionary)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object') for (const entry of leaves(value, path)) result.set(...entry);
    else result.set(path, value);
  }
  return result;
}

describe('dictionaries', () => {
  it('have exactly the same keys in Vietnamese and English', () => {
    expect([...leaves(en).keys()].sort()).toEqual([...leaves(vi).keys()].sort());
  });

  it('have no empty texts and the same {{placeholders}} in both languages', () => {
    const english = leaves(en);
    for (const [key, text] of leaves(vi)) {
      expect(typeof text === 'string' && text.trim().length > 0, key).toBe(true);
      const placeholders = (value: unknown) =>
        String(value)
          .match(/{{\w+}}/g)
          ?.sort() ?? [];
      expect(placeholders(english.get(key)), key).toEqual(placeholders(text));
    }
  });
});
