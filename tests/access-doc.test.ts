import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { renderAccessMatrix } from '../src/shared/access-matrix';

/** docs/ACCESS.md is the rule people read; the code must say the same, cell for cell. */
it('docs/ACCESS.md carries exactly the matrix that src/shared/permissions.ts implements', () => {
  const doc = readFileSync(path.join(import.meta.dirname, '..', 'docs', 'ACCESS.md'), 'utf8');
  const between = doc.split('<!-- matrix:start -->')[1]?.split('<!-- matrix:end -->')[0];
  expect(between, 'matrix markers missing in docs/ACCESS.md').toBeDefined();
  const normalise = (table: string) =>
    table
      .trim()
      .split('\n')
      .map((line) => line.replace(/\s+/g, ' ').replace(/-{3,}/g, '---').trim());
  expect(normalise(between ?? '')).toEqual(normalise(renderAccessMatrix()));
});
