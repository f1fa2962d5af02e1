import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eServer, firstLoginInBrowser, launchChromium, startServer } from './support';

let server: E2eServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('Đơn vị hành chính page', () => {
  it('asks for a login first, in Vietnamese, then opens', async () => {
    await page.goto(`${server.url}/`);
    await page.waitForURL((url) => url.pathname === '/login');
    await page.getByText('Hệ thống quản lý công tác phòng, chống ma túy').first().waitFor();
    await firstLoginInBrowser(page, 'admin', server.adminPassword);
    expect(await page.getByRole('menuitem', { name: /Đơn vị hành chính/ }).count()).toBeGreaterThan(0);
  });

  it('finds "Ba Đình" when the officer types "ba dinh"', async () => {
    await page.goto(`${server.url}/units`);
    const search = page.getByTestId('unit-search');
    await search.click();
    await search.pressSequentially('ba dinh', { delay: 30 });
    const first = page.getByTestId('unit-search-result').filter({ hasText: 'Ba Đình' }).first();
    await first.waitFor({ state: 'visible', timeout: 15_000 });
    expect(await first.textContent()).toContain('Phường Ba Đình');
    expect(new URL(page.url()).searchParams.get('q')).toBe('ba dinh');
  });

  it('shows the selected unit and the old units it was formed from, and keeps it after a reload', async () => {
    await page.getByTestId('unit-search-result').filter({ hasText: 'Phường Ba Đình' }).first().click();
    await page.waitForURL((url) => url.searchParams.get('code') === '00004');
    await page.getByText('Hình thành từ').first().waitFor();
    await page.getByText('Phường Trúc Bạch').first().waitFor();
    await page.reload();
    await page.getByText('Phường Trúc Bạch').first().waitFor({ timeout: 15_000 });
    expect(new URL(page.url()).searchParams.get('code')).toBe('00004');
  });

  it('looks up an old commune in the pre-2025 hierarchy and shows what it became', async () => {
    await page.goto(`${server.url}/units`);
    await page.getByText('Trước 01/07/2025', { exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('period') === 'pre2025');
    const search = page.getByTestId('unit-search');
    await search.click();
    await search.pressSequentially('phuc xa', { delay: 30 });
    await page.getByTestId('unit-search-result').filter({ hasText: 'Phường Phúc Xá' }).first().click();
    await page.getByText('Nay thuộc').first().waitFor();
    await page.getByText('Phường Hồng Hà').first().waitFor();
    expect(await page.getByText('Toàn bộ').count()).toBeGreaterThan(0);
  });

  it('switches to English and back', async () => {
    await page.getByText('English', { exact: true }).click();
    await page
      .getByRole('menuitem', { name: /Administrative units/ })
      .first()
      .waitFor();
    await page.getByText('Tiếng Việt', { exact: true }).click();
    await page
      .getByRole('menuitem', { name: /Đơn vị hành chính/ })
      .first()
      .waitFor();
  });
});
