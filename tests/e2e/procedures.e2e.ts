import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserPages, type E2eServer, firstLoginInBrowser, launchChromium, startServer } from './support';

/**
 * Issue 5's "Done when": in the browser, a positive test → the management decision → an addiction
 * determination at a health facility → voluntary rehab → completion → post-rehab management, each
 * step taken by the agency the law gives it to, every computed end date checked on screen. Fake
 * people only; the dates are in 2025 so that every step lies before today.
 */
let server: E2eServer;
let browser: Browser;
const pages = browserPages(
  () => browser,
  () => server,
);
const { newPage, apiAs, officer } = pages;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await pages.close();
  await browser?.close();
  await server?.stop();
});

// The step form's inputs (antd): dates are typed DD/MM/YYYY, selects picked by their label.
const modal = (page: Page) => page.locator('.ant-modal-wrap:visible');
async function date(page: Page, field: string, value: string) {
  const input = modal(page).getByTestId(`field-${field}`).locator('input').first();
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}
async function pick(page: Page, field: string, ...labels: string[]) {
  // A multiple select keeps its list open between choices; a single one closes it.
  await modal(page).getByTestId(`field-${field}`).locator('.ant-select').first().click();
  for (const label of labels) {
    await page.locator('.ant-select-dropdown:visible').getByText(label, { exact: true }).first().click();
  }
  if (labels.length > 1 || field === 'grounds') await page.keyboard.press('Escape');
}
async function text(page: Page, field: string, value: string) {
  await modal(page).getByTestId(`field-${field}`).locator('input, textarea').first().fill(value);
}
async function submit(page: Page) {
  await modal(page).getByTestId('step-form-submit').click();
  await page
    .locator('.ant-modal-wrap:visible')
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(async () => {
      const errors = await page
        .getByTestId('step-form-errors')
        .textContent()
        .catch(() => '');
      throw new Error(`the step was not saved: ${errors}`);
    });
}
async function openProcedure(page: Page, label: string) {
  await page.getByTestId('open-procedure').click();
  await modal(page).getByTestId('open-procedure-kind').click();
  await page.locator('.ant-select-dropdown:visible').getByText(label).first().click();
}
async function action(page: Page, kind: string, name: string) {
  await page.getByTestId(`procedure-card-${kind}`).first().getByTestId(`action-${name}`).click();
}
const card = (page: Page, kind: string) => page.getByTestId(`procedure-card-${kind}`).first();
async function endDate(page: Page, kind: string) {
  const shown = card(page, kind).getByTestId('procedure-end-date');
  await shown.waitFor({ timeout: 15_000 });
  return (await shown.textContent())?.trim();
}
async function deadline(page: Page, kind: string, timer: string) {
  const badge = card(page, kind).getByTestId(`deadline-${timer}`);
  await badge.waitFor({ timeout: 15_000 });
  return badge.textContent();
}

describe('legal procedures', () => {
  it('positive test → management → determination → voluntary rehab → completion → post-rehab, with every end date', async () => {
    const admin = await newPage();
    await admin.goto(`${server.url}/`);
    await firstLoginInBrowser(admin, 'admin', server.adminPassword);
    const facility = await apiAs(admin, 'POST', '/api/facilities', {
      code: 'BV_THU_NGHIEM',
      name: 'Bệnh viện Thử Nghiệm',
      type: 'determination',
      provinceCode: '01',
    });
    const police = await officer(
      admin,
      {
        username: 'ca.thutuc',
        displayName: 'Cán bộ Công an phường',
        unitCode: '00004',
        agencyCode: 'CA_XA',
        roles: ['commune_officer'],
      },
      '/persons/new',
    );
    const chair = await officer(
      admin,
      {
        username: 'ub.thutuc',
        displayName: 'Chủ tịch UBND phường',
        unitCode: '00004',
        agencyCode: 'UBND_XA',
        roles: ['commune_officer'],
      },
      '/',
    );
    const clinic = await officer(
      admin,
      {
        username: 'yt.thutuc',
        displayName: 'Bác sĩ cơ sở thử nghiệm',
        unitCode: '01',
        agencyCode: 'CS_Y_TE',
        roles: ['facility_staff'],
        facilityId: facility.id,
      },
      '/',
    );

    // The commune police register the person and record a positive test on Monday 03/03/2025.
    await police.goto(`${server.url}/persons/new`);
    await police.getByTestId('person-full-name').fill('Trần Văn Thủ Tục');
    await police.getByTestId('person-sex').getByText('Nam').click();
    await police.getByTestId('person-year-only').click();
    await police.getByTestId('person-birth-year').fill('1990');
    await police.getByTestId('person-submit').click();
    await police.getByTestId('person-name').waitFor({ timeout: 15_000 });
    const personUrl = `${police.url().split('?')[0]}?tab=procedures`;
    const recordTest = async (on: string) => {
      await police.goto(personUrl);
      await openProcedure(police, 'Ghi nhận kết quả xét nghiệm');
      await date(police, 'decidedOn', on);
      await pick(police, 'grounds', 'Điểm h');
      await pick(police, 'sampleType', 'Nước tiểu');
      await pick(police, 'result', 'Dương tính');
      const substances = modal(police).getByTestId('field-substances').locator('input').first();
      await substances.fill('Heroin');
      await substances.press('Enter');
      await text(police, 'testingUnit', 'Công an phường thử nghiệm');
      await submit(police);
    };
    await recordTest('03/03/2025');
    // The chairman's decision is due 3 working days after the result: Thursday 06/03/2025.
    expect(await deadline(police, 'illegal_user_management', 'illegal_user.decision_deadline')).toContain('06/03/2025');
    // A proposal is not yet management: the person stays unclassified until the decision.
    await police.getByTestId('classification-tag').filter({ hasText: 'Chưa phân loại' }).waitFor();

    // The chairman decides on 05/03/2025: one year of management, to 05/03/2026.
    await chair.goto(personUrl);
    await action(chair, 'illegal_user_management', 'decide');
    await date(chair, 'decidedOn', '05/03/2025');
    await text(chair, 'decisionNo', '12/QĐ-UBND');
    await submit(chair);
    expect(await endDate(chair, 'illegal_user_management')).toBe('05/03/2026');
    await chair.getByTestId('classification-tag').filter({ hasText: 'đang bị quản lý' }).waitFor();

    // A second positive test during management opens a determination request (Điều 27(1)(a));
    // the police file it with the health facility.
    await recordTest('01/04/2025');
    await card(police, 'determination').waitFor({ timeout: 15_000 });
    await action(police, 'determination', 'request');
    await date(police, 'decidedOn', '02/04/2025');
    await pick(police, 'facilityId', 'Bệnh viện Thử Nghiệm (Cơ sở xác định tình trạng nghiện)');
    await submit(police);

    // The facility sees its patient's determination, and records the result (Mẫu 04).
    await clinic.goto(personUrl);
    await action(clinic, 'determination', 'conclude');
    await date(clinic, 'decidedOn', '03/04/2025');
    await text(clinic, 'decisionNo', '05/PKQ');
    await pick(clinic, 'result', 'Nghiện');
    await pick(clinic, 'criteriaMet', 'Tiêu chuẩn 1', 'Tiêu chuẩn 2', 'Tiêu chuẩn 6');
    await pick(clinic, 'criteriaPattern', 'Cùng xuất hiện ít nhất 1 tháng');
    await pick(clinic, 'substanceGroup', 'Các chất dạng thuốc phiện');
    await submit(clinic);
    await card(clinic, 'determination').getByTestId('procedure-state').filter({ hasText: 'Kết quả: nghiện' }).waitFor();
    expect(await clinic.getByTestId('procedure-card-drug_test').count()).toBe(0);

    // Voluntary rehab at home, registered Thursday 10/04/2025: decision due Tuesday 15/04/2025;
    // decided on 11/04/2025 for 6 months, to 11/10/2025.
    await chair.goto(personUrl);
    await openProcedure(chair, 'Đăng ký cai nghiện tự nguyện');
    await date(chair, 'decidedOn', '10/04/2025');
    await pick(chair, 'setting', 'Tại gia đình, cộng đồng');
    await submit(chair);
    expect(await deadline(chair, 'voluntary_rehab', 'voluntary_rehab.decision_deadline')).toContain('15/04/2025');
    await action(chair, 'voluntary_rehab', 'decide');
    await date(chair, 'decidedOn', '11/04/2025');
    await text(chair, 'decisionNo', '20/QĐ-UBND');
    await modal(chair).getByTestId('field-months').locator('input').fill('6');
    await submit(chair);
    expect(await endDate(chair, 'voluntary_rehab')).toBe('11/10/2025');

    // Completion on 13/10/2025 opens post-rehab management: one year from completion, to 13/10/2026.
    await action(chair, 'voluntary_rehab', 'complete');
    await date(chair, 'decidedOn', '13/10/2025');
    await text(chair, 'decisionNo', '30/GCN-UBND');
    await modal(chair).getByTestId('field-stagesCompleted').locator('input[type=checkbox]').check();
    await submit(chair);
    await card(chair, 'post_rehab').waitFor({ timeout: 15_000 });
    await action(chair, 'post_rehab', 'decide');
    await date(chair, 'decidedOn', '14/10/2025');
    await text(chair, 'decisionNo', '40/QĐ-UBND');
    await submit(chair);
    expect(await endDate(chair, 'post_rehab')).toBe('13/10/2026');
    await chair.getByTestId('classification-tag').filter({ hasText: 'Quản lý sau cai' }).waitFor();
    // Every end date computed along the way is still on screen.
    expect(await endDate(chair, 'illegal_user_management')).toBe('05/03/2026');
    expect(await endDate(chair, 'voluntary_rehab')).toBe('11/10/2025');
  }, 240_000);
});
