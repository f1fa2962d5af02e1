import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { freePort, startTs, waitFor } from '../support/processes';

/**
 * The real product for browser tests: `src/server/main.ts` on a fresh embedded data directory
 * (the newcomer's first start, migrations included), serving the built dist/web, driven by the
 * system's Debian Chromium (never a downloaded browser).
 */
export interface E2eServer {
  url: string;
  stop(): Promise<void>;
}

export async function startServer(): Promise<E2eServer> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'pcmt-e2e-'));
  const port = await freePort();
  const server: ChildProcess = startTs('src/server/main.ts', { DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' });
  let stderr = '';
  server.stderr?.on('data', (chunk) => (stderr += chunk));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(async () => (await fetch(`${url}/api/ready`)).status === 200, 120_000);
  } catch (error) {
    server.kill('SIGKILL');
    throw new Error(`server did not become ready: ${stderr}`, { cause: error });
  }
  return {
    url,
    stop: async () => {
      const exited = new Promise((resolve) => server.on('exit', resolve));
      server.kill('SIGTERM');
      await exited;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    // The machine has no outside network: keep Chromium from trying to reach Google's services.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
