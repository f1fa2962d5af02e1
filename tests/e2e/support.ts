import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { generate } from 'otplib';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { freePort, startTs, waitFor } from '../support/processes';

/**
 * The real product for browser tests: `src/server/main.ts` on a fresh embedded data directory
 * (the newcomer's first start, migrations included), serving the built dist/web, driven by the
 * system's Debian Chromium (never a downloaded browser).
 */
export interface E2eServer {
  url: string;
  /** The first administrator's one-time password, as `npm start` wrote it to DATA_DIR. */
  adminPassword: string;
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
  const adminPassword = (await readFile(path.join(dataDir, 'initial-admin-password'), 'utf8')).trim();
  return {
    url,
    adminPassword,
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

export const E2E_PASSWORD = 'mật khẩu thử nghiệm đủ dài 2026';

/**
 * A first login as an officer does it in the browser: username and one-time password, a new
 * password, the TOTP secret from the enrolment screen into an authenticator (here: otplib), the
 * first code, then the recovery codes. Ends on the page the login started from.
 */
export async function firstLoginInBrowser(page: Page, username: string, password: string): Promise<string> {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('new-password').fill(E2E_PASSWORD);
  await page.getByTestId('new-password-repeat').fill(E2E_PASSWORD);
  await page.getByTestId('password-submit').click();
  const secret = await page.getByTestId('totp-secret').getAttribute('data-secret');
  if (!secret) throw new Error('no TOTP secret on the enrolment screen');
  await page.getByTestId('enrol-code').fill(await generate({ secret }));
  await page.getByTestId('enrol-submit').click();
  await page.getByTestId('recovery-codes').waitFor();
  await page.getByTestId('recovery-done').click();
  await page.getByTestId('login-username').waitFor({ state: 'detached' });
  return secret;
}

/**
 * The pages of one browser test file, each in its own context (its own cookies: one officer per
 * page), closed together; plus the administrator's API calls and new officers' first logins.
 */
export function browserPages(browser: () => Browser, server: () => E2eServer, viewport = { width: 1366, height: 900 }) {
  const contexts: BrowserContext[] = [];
  const newPage = async (): Promise<Page> => {
    const context = await browser().newContext({ viewport, locale: 'vi-VN' });
    contexts.push(context);
    return context.newPage();
  };
  /** A write through the API with the page's session (its CSRF token read from /api/auth/me). */
  const apiAs = async (page: Page, method: 'POST', url: string, data: unknown) => {
    const base = server().url;
    const csrf = ((await (await page.request.get(`${base}/api/auth/me`)).json()) as { csrfToken: string }).csrfToken;
    const response = await page.request.fetch(`${base}${url}`, { method, headers: { 'x-csrf-token': csrf }, data });
    if (response.status() >= 300) throw new Error(`${url}: ${response.status()} ${await response.text()}`);
    return response.json();
  };
  /** A user created by the administrator, logged in for the first time in a browser of their own. */
  const officer = async (admin: Page, body: Record<string, unknown>, landing: string): Promise<Page> => {
    const created = await apiAs(admin, 'POST', '/api/users', body);
    const page = await newPage();
    await page.goto(`${server().url}${landing}`);
    await firstLoginInBrowser(page, body.username as string, created.temporaryPassword);
    return page;
  };
  return { newPage, apiAs, officer, close: () => Promise.all(contexts.map((c) => c.close())) };
}
