import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eServer, firstLoginInBrowser, launchChromium, startServer } from './support';

let server: E2eServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('accounts and audit', () => {
  it('a new officer logs in with MFA enrolment, and an auditor sees that login in the audit log', async () => {
    // The administrator logs in (first login: new password, TOTP) and creates the two accounts.
    const adminContext = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    const admin = await adminContext.newPage();
    await admin.goto(`${server.url}/admin/users`);
    await firstLoginInBrowser(admin, 'admin', server.adminPassword);
    await admin.waitForURL((url) => url.pathname === '/admin/users');
    const me = await admin.request.get(`${server.url}/api/auth/me`);
    const csrf = ((await me.json()) as { csrfToken: string }).csrfToken;
    const create = async (username: string, role: string, unitCode: string, agencyCode: string) => {
      const response = await admin.request.post(`${server.url}/api/users`, {
        headers: { 'x-csrf-token': csrf },
        data: { username, displayName: `Cán bộ ${username}`, unitCode, agencyCode, roles: [role] },
      });
      expect(response.status()).toBe(201);
      return ((await response.json()) as { temporaryPassword: string }).temporaryPassword;
    };
    const officerPassword = await create('cb.baDinh', 'commune_officer', '00004', 'CA_XA');
    const auditorPassword = await create('ks.nhatky', 'auditor', '01', 'CA_TINH');
    await admin.reload();
    await admin.getByText('cb.badinh').first().waitFor();

    // The officer's first login, in a browser of their own.
    const officerContext = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    const officer = await officerContext.newPage();
    await officer.goto(`${server.url}/units`);
    await firstLoginInBrowser(officer, 'cb.badinh', officerPassword);
    await officer.waitForURL((url) => url.pathname === '/units');
    await officer.getByTestId('unit-search').waitFor();
    expect(await officer.getByRole('menuitem', { name: /Người dùng/ }).count()).toBe(0);

    // The auditor logs in and finds the officer's login.
    const auditorContext = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    const auditor = await auditorContext.newPage();
    await auditor.goto(`${server.url}/audit`);
    await firstLoginInBrowser(auditor, 'ks.nhatky', auditorPassword);
    await auditor.waitForURL((url) => url.pathname === '/audit');
    await auditor.getByTestId('audit-filter-username').fill('cb.badinh');
    await auditor.getByTestId('audit-filter-apply').click();
    const loginRow = auditor
      .locator('tr', { hasText: 'cb.badinh' })
      .filter({ hasText: /Đăng nhập(?! thất bại)/ })
      .first();
    await loginRow.waitFor({ timeout: 15_000 });
    expect(await loginRow.textContent()).toContain('cb.badinh');
    await Promise.all([adminContext.close(), officerContext.close(), auditorContext.close()]);
  });
});
