import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { MIGRATIONS } from './migrations';

it('registers every migration file, in file-name order', () => {
  const files = readdirSync(path.join(import.meta.dirname, 'migrations'))
    .filter((f) => /^\d{4}_[a-z0-9_]+\.ts$/.test(f) && !f.endsWith('.test.ts'))
    .map((f) => f.replace(/\.ts$/, ''));
  expect(files.length).toBeGreaterThan(0);
  expect(Object.keys(MIGRATIONS)).toEqual(files.sort());
});
