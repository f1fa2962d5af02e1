import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// Plain JavaScript, run by node itself: compiling TypeScript first would add a second to every
// `npm start`, for a script that usually only compares a fingerprint.
/**
 * Runs on `npm install` (prepare) and before `npm start` (prestart): builds the web client into
 * dist/web when it is missing or its sources changed since the last build, so that a newcomer's
 * `npm install && npm start` serves the UI without a separate build step, and a later `git pull`
 * is picked up. A fingerprint of the inputs is kept in dist/web/.build-stamp.
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'dist', 'web');
const STAMP = path.join(OUT, '.build-stamp');
const INPUTS = ['src/web', 'src/shared', 'vite.config.ts', 'tsconfig.web.json', 'package-lock.json'];

/** @param {string} entry @returns {string[]} */
function listFiles(entry) {
  const full = path.join(ROOT, entry);
  if (!existsSync(full)) return [];
  if (statSync(full).isFile()) return [entry];
  return readdirSync(full, { withFileTypes: true })
    .filter((d) => !d.name.endsWith('.test.tsx') && !d.name.endsWith('.test.ts'))
    .flatMap((d) => listFiles(path.join(entry, d.name)));
}

function fingerprint() {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap(listFiles).sort()) {
    hash.update(file);
    hash.update(readFileSync(path.join(ROOT, file)));
  }
  return hash.digest('hex');
}

if (!existsSync(path.join(ROOT, 'src', 'web', 'index.html'))) {
  process.exit(0);
}
const wanted = fingerprint();
const current = existsSync(STAMP) ? readFileSync(STAMP, 'utf8').trim() : '';
if (current === wanted && existsSync(path.join(OUT, 'index.html'))) {
  process.exit(0);
}
process.stderr.write('Đang build giao diện web (một lần, khoảng 20–40 giây) / building the web UI…\n');
const { build } = await import('vite');
await build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
writeFileSync(STAMP, `${wanted}\n`);
process.stderr.write('Giao diện web đã sẵn sàng / web UI built.\n');
