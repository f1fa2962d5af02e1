import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserPages, type E2eServer, firstLoginInBrowser, launchChromium, startServer } from './support';

/**
 * Issue 6's "Done when": the provincial drug police import seed 003 (Long An's 2022 Action Month
 * plan) as a .txt file, correct one field next to the highlighted source, save and issue the plan;
 * the Department of Health submits its progress report; the compliance board changes. The seed is
 * read from the shared seeds folder (it names real officials, so it is not in the repository).
 */
const SEEDS = process.env.PCMT_PLAN_SEEDS ?? '/work/shared/seeds';
const SEED_003 = path.join(SEEDS, '003_8121a5d30eed3429.txt');

let server: E2eServer;
let browser: Browser;
const pages = browserPages(
  () => browser,
  () => server,
  { width: 1440, height: 900 },
);
const { newPage, officer } = pages;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await pages.close();
  await browser?.close();
  await server?.stop();
});

const total = async (page: Page, state: string) =>
  Number((await page.getByTestId(`compliance-total-${state}`).textContent())?.trim());

describe('plans', () => {
  it.skipIf(!existsSync(SEED_003))(
    'imports seed 003, corrects a field, saves and issues it; a report by the health department moves the compliance board',
    async () => {
      const admin = await newPage();
      await admin.goto(`${server.url}/`);
      await firstLoginInBrowser(admin, 'admin', server.adminPassword);
      const pc04 = await officer(
        admin,
        {
          username: 'pc04.kehoach',
          displayName: 'Cán bộ PC04 Thử',
          unitCode: '01',
          agencyCode: 'PC04',
          roles: ['provincial_officer'],
        },
        '/plans',
      );
      const health = await officer(
        admin,
        {
          username: 'syt.kehoach',
          displayName: 'Cán bộ Sở Y tế Thử',
          unitCode: '01',
          agencyCode: 'SO_Y_TE',
          roles: ['provincial_officer'],
        },
        '/plans',
      );

      // Upload → side-by-side review.
      await pc04.getByTestId('plans-import-button').click();
      await pc04.getByTestId('plan-import-file').setInputFiles(SEED_003);
      const review = pc04.getByTestId('plan-import-review');
      await review.waitFor({ timeout: 30_000 });
      await expect
        .poll(() => pc04.getByTestId('plan-field-title').inputValue())
        .toBe('Kế hoạch thực hiện Tháng hành động phòng, chống ma túy năm 2022');
      // The source pane marks what was read: the first agency and the report deadline.
      expect(await review.locator('mark[data-field="agencies.0.name"]').first().textContent()).toContain('Công an tỉnh');
      expect(await review.locator('mark[data-field^="deadlines.0"]').first().textContent()).toContain('05/7/2022');
      expect(await review.locator('[data-testid^="plan-task-"]').count()).toBeGreaterThanOrEqual(9);
      // The document gives no number of its own (3042/VPCP-KGVX is a reference): the officer types it.
      expect(await pc04.getByTestId('plan-field-number').inputValue()).toBe('');
      await pc04.getByTestId('plan-field-number').fill('135/KH-UBND');
      await pc04.getByTestId('plan-import-save').click();

      // The plan page: the corrected number, the period, then issue it.
      await pc04.getByTestId('plan-title').waitFor({ timeout: 30_000 });
      const planUrl = pc04.url();
      expect(planUrl).toMatch(/\/plans\/[0-9a-f-]{36}$/);
      await expect.poll(() => pc04.getByTestId('plan-header').textContent()).toContain('135/KH-UBND');
      expect(await pc04.getByTestId('plan-period').textContent()).toContain('01/06/2022');
      await pc04.getByTestId('plan-status-issue').click();
      await pc04.getByTestId('plan-status-confirm').click();
      await pc04.getByTestId('plan-status-close').waitFor({ timeout: 15_000 });

      // The board before: every report is missing (the deadline 05/07/2022 has passed), none late.
      await pc04.getByTestId('plan-tab-compliance').click();
      await pc04.getByTestId('compliance-total-missing').waitFor();
      const missingBefore = await total(pc04, 'missing');
      expect(missingBefore).toBeGreaterThan(8);
      expect(await total(pc04, 'late')).toBe(0);

      // The Department of Health reports on its task (the third section of the document).
      await health.goto(planUrl);
      await health.getByTestId('plan-tab-tasks').click();
      const task = health.getByTestId('task-card-3');
      expect(await task.textContent()).toContain('Sở Y tế');
      await health.getByTestId('task-report-button-3').click();
      const fill = async (testId: string, value: string) => {
        const input = health
          .getByTestId(testId)
          .locator('input')
          .first()
          .or(health.locator(`input[data-testid="${testId}"]`));
        await input.first().click();
        await input.first().fill(value);
        await input.first().press('Enter');
      };
      await fill('report-field-periodFrom', '01/06/2022');
      await fill('report-field-periodTo', '30/06/2022');
      await health
        .getByTestId('report-field-narrative')
        .fill('Đã tổ chức điều trị methadone và truyền thông tại các cơ sở y tế.');
      await health.getByTestId('report-submit').click();
      await expect.poll(() => health.getByTestId('task-report-count-3').textContent(), { timeout: 15_000 }).toContain('1');

      // The department makes its implementing plan for the task; it rolls up on the provincial card.
      await health.getByTestId('task-implement-3').click();
      await health.getByTestId('implementing-plan-submit').click();
      await expect
        .poll(() => health.getByTestId('plan-title').textContent(), { timeout: 15_000 })
        .toContain('Kế hoạch triển khai');
      expect(health.url()).not.toBe(planUrl);

      // The board after: one report fewer missing, one late (sent after 05/07/2022).
      await pc04.reload();
      await pc04.getByTestId('plan-tab-tasks').click();
      expect(await pc04.getByTestId('task-card-3').textContent()).toContain('Kế hoạch triển khai');
      await pc04.getByTestId('plan-tab-compliance').click();
      await pc04.getByTestId('compliance-total-missing').waitFor();
      await expect.poll(() => total(pc04, 'late')).toBe(1);
      expect(await total(pc04, 'missing')).toBe(missingBefore - 1);
    },
    240_000,
  );
});
