import { spawn } from 'node:child_process';
import path from 'node:path';

/**
 * `npm run dev`: the API with reload on change (tsx watch, port 3000) and the Vite dev server with
 * hot reload (port 5173, proxying /api to 3000). Open http://localhost:5173. Ctrl+C stops both.
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);
const children = [
  spawn(bin('tsx'), ['watch', '--clear-screen=false', 'src/server/main.ts'], { cwd: ROOT, stdio: 'inherit' }),
  spawn(bin('vite'), ['--config', 'vite.config.ts'], { cwd: ROOT, stdio: 'inherit' }),
];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', stop);
