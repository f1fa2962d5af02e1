import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserPages, type E2eServer, firstLoginInBrowser, launchChromium, startServer } from './support';

let server: E2eServer;
let browser: Browser;
const pages = browserPages(
  () => browser,
  () => server,
  { width: 1366, height: 768 },
);
const { newPage } = pages;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await pages.close();
  await browser?.close();
  await server?.stop();
});

async function register(page: Page, fullName: string): Promise<void> {
  await page.goto(`${server.url}/persons/new`);
  await page.getByTestId('person-full-name').fill(fullName);
  await page.getByTestId('person-sex').getByText('Nữ').click();
  await page.getByTestId('person-year-only').click();
  await page.getByTestId('person-birth-year').fill('1991');
  await page.getByTestId('person-submit').click();
}

describe('person registry', () => {
  it('registers a person, finds them by the name typed without diacritics, and warns of a duplicate', async () => {
    const admin = await newPage();
    await admin.goto(`${server.url}/`);
    await firstLoginInBrowser(admin, 'admin', server.adminPassword);
    const csrf = ((await (await admin.request.get(`${server.url}/api/auth/me`)).json()) as { csrfToken: string }).csrfToken;
    const created = await admin.request.post(`${server.url}/api/users`, {
      headers: { 'x-csrf-token': csrf },
      data: {
        username: 'cax.badinh',
        displayName: 'Cán bộ Công an phường',
        unitCode: '00004',
        agencyCode: 'CA_XA',
        roles: ['commune_officer'],
      },
    });
    expect(created.status()).toBe(201);
    const officerPassword = ((await created.json()) as { temporaryPassword: string }).temporaryPassword;

    const officer = await newPage();
    await officer.goto(`${server.url}/persons`);
    const secret = await firstLoginInBrowser(officer, 'cax.badinh', officerPassword);
    await officer.waitForURL((url) => url.pathname === '/persons');

    // Register (the officer's own commune is the default residence).
    await register(officer, 'Nguyễn Thị Thử Nghiệm');
    await officer.getByTestId('person-name').waitFor({ timeout: 15_000 });
    expect(await officer.getByTestId('person-name').textContent()).toContain('Nguyễn Thị Thử Nghiệm');

    // Find by typing without diacritics, words in another order.
    await officer.goto(`${server.url}/persons`);
    await officer.getByTestId('person-search').fill('thu nghiem nguyen');
    const row = officer.getByTestId('person-row').filter({ hasText: 'Nguyễn Thị Thử Nghiệm' }).first();
    await row.waitFor({ timeout: 15_000 });
    // The name never reaches a URL.
    expect(officer.url()).not.toContain('nghiem');

    // The same person again: the duplicate warning comes before saving.
    await register(officer, 'Nguyễn Thị Thử Nghiệm');
    await officer.getByTestId('person-duplicates').waitFor({ timeout: 15_000 });
    expect(await officer.getByTestId('person-duplicate').first().textContent()).toContain('Nguyễn Thị Thử Nghiệm');

    // Export the list: the TOTP code is asked again, then the browser receives the xlsx file.
    await officer.goto(`${server.url}/persons`);
    await officer.getByTestId('persons-export').click();
    // The next time step's code: the one used at enrolment cannot be replayed.
    await officer.getByTestId('export-code').fill(await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
    const download = officer.waitForEvent('download', { timeout: 15_000 });
    await officer.getByRole('button', { name: 'Xuất tệp' }).click();
    expect((await download).suggestedFilename()).toMatch(/^danh-sach-doi-tuong-\d{4}-\d{2}-\d{2}\.xlsx$/);
  });
});
