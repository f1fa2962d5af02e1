import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eServer, launchChromium, startServer } from './support';

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
  it('opens in Vietnamese', async () => {
    await page.goto(`${server.url}/`);
    await page.getByText('Hệ thống quản lý công tác phòng, chống ma túy').first().waitFor();
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
});
