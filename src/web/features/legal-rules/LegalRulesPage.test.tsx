import type { RuleDto, RuleSetDto } from '@shared/contracts/rules';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, on, onWrite, stubApi } from '../../test/fake-api';
import { signedIn } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';

/** Fake rules (not the real rule data): one confirmed, one unconfirmed without a value. */
const CONFIRMED: RuleDto = {
  key: 'rehab.duration',
  title: 'Thời hạn cai nghiện bắt buộc',
  value: { kind: 'range', min: 6, max: 12, unit: 'months' },
  defaultValue: { kind: 'range', min: 6, max: 12, unit: 'months' },
  citation: { document: 'Luật Thử nghiệm 2021', article: 'Điều 9', sources: ['S1'] },
  originalCitation: { document: 'Luật Thử nghiệm 2021', article: 'Điều 9', sources: ['S1'] },
  confirmed: true,
  confirmationLabel: 'đã xác nhận',
  note: null,
  definedIn: 'test-2022',
  inherited: true,
  override: null,
};
const UNCONFIRMED: RuleDto = {
  key: 'notice.days',
  title: 'Thời hạn thông báo',
  value: null,
  defaultValue: null,
  citation: { document: 'Nghị định thử nghiệm', article: 'Điều 5', sources: ['S2'] },
  originalCitation: { document: 'Nghị định thử nghiệm', article: 'Điều 5', sources: ['S2'] },
  confirmed: false,
  confirmationLabel: 'chưa xác nhận',
  note: null,
  definedIn: 'test-2025',
  inherited: false,
  override: null,
};
const RULE_SET: RuleSetDto = {
  id: 'test-2025',
  title: 'Bộ quy tắc thử nghiệm',
  effectiveFrom: '2025-07-01',
  effectiveTo: null,
  inherits: 'test-2022',
  documents: [{ name: 'Nghị định thử nghiệm', issued: '2025-06-15', sources: ['S2'] }],
  rules: [CONFIRMED, UNCONFIRMED],
  confirmedCount: 1,
  unconfirmedCount: 1,
};

describe('LegalRulesPage', () => {
  it('shows an unconfirmed rule with its citation, and the administrator sets its value', async () => {
    const saved: RuleDto = {
      ...UNCONFIRMED,
      value: { kind: 'count', value: 4 },
      override: {
        ruleSetId: 'test-2025',
        value: { kind: 'count', value: 4 },
        citation: 'Công văn thử nghiệm',
        version: 1,
        updatedAt: '2026-03-15T02:00:00.000Z',
        updatedBy: 'admin',
      },
    };
    const api = stubApi([
      signedIn(['system_admin']),
      on('/api/rule-sets', { items: [RULE_SET] }),
      onWrite('PUT', '/api/rule-sets/test-2025/rules/notice.days', { body: saved }),
    ]);
    renderApp('/legal-rules');

    const set = await screen.findByTestId('rule-set-test-2025');
    expect(within(set).getByText('Hiệu lực: 01/07/2025 – nay · 1 đã xác nhận, 1 chưa xác nhận')).toBeTruthy();
    const confirmed = within(screen.getByTestId('rule-rehab.duration'));
    expect(confirmed.getByText('6–12 tháng')).toBeTruthy();
    expect(confirmed.getByText('đã xác nhận')).toBeTruthy();
    expect(confirmed.getByText('kế thừa')).toBeTruthy();
    expect(screen.queryByTestId('rule-edit-rehab.duration')).toBeNull();

    const unconfirmed = within(screen.getByTestId('rule-notice.days'));
    expect(unconfirmed.getByText('chưa xác nhận')).toBeTruthy();
    expect(unconfirmed.getByText('chưa có giá trị')).toBeTruthy();
    expect(unconfirmed.getByTestId('rule-citation').textContent).toBe('Điều 5 – Nghị định thử nghiệm');
    expect(document.title).toContain('Quy tắc pháp luật');

    fireEvent.click(screen.getByTestId('rule-edit-notice.days'));
    const dialog = within(await screen.findByRole('dialog'));
    fireEvent.change(dialog.getByRole('spinbutton'), { target: { value: '4' } });
    fireEvent.change(dialog.getByRole('textbox'), { target: { value: 'Công văn thử nghiệm' } });
    fireEvent.click(dialog.getByTestId('rule-edit-save'));

    await waitFor(() => expect(api.requests.some((request) => request.method === 'PUT')).toBe(true));
    const put = api.requests.find((request) => request.method === 'PUT');
    expect(put?.body).toEqual({ value: { kind: 'count', value: 4 }, citation: 'Công văn thử nghiệm' });
  });

  it('offers no edit button to other users, and is linked from the menu', async () => {
    stubApi([signedIn(['commune_officer']), on('/api/rule-sets', { items: [RULE_SET] })]);
    renderApp('/legal-rules');

    expect(await screen.findByTestId('rule-notice.days')).toBeTruthy();
    expect(screen.getByText('chưa xác nhận')).toBeTruthy();
    expect(screen.queryByTestId('rule-edit-notice.days')).toBeNull();
    expect(screen.queryByText('Sửa giá trị')).toBeNull();
    const entry = within(screen.getByRole('navigation')).getByText('Quy tắc pháp luật');
    expect(entry.closest('a')?.getAttribute('href')).toBe('/legal-rules');
  });

  it("shows the server's field errors under the fields and a conflict at the top", async () => {
    let attempt = 0;
    stubApi([
      signedIn(['system_admin']),
      on('/api/rule-sets', { items: [RULE_SET] }),
      onWrite('PUT', '/api/rule-sets/test-2025/rules/notice.days', () => {
        attempt += 1;
        return attempt === 1
          ? {
              status: 400,
              body: {
                code: 'VALIDATION_FAILED',
                message: 'Dữ liệu không hợp lệ.',
                requestId: 'req-test',
                issues: [{ path: ['body', 'citation'], message: 'Căn cứ phải có từ 5 ký tự.' }],
              },
            }
          : apiError('VERSION_CONFLICT', 'Giá trị đã được người khác sửa.', 409);
      }),
    ]);
    renderApp('/legal-rules');

    fireEvent.click(await screen.findByTestId('rule-edit-notice.days'));
    const dialog = within(await screen.findByRole('dialog'));
    fireEvent.change(dialog.getByRole('spinbutton'), { target: { value: '4' } });
    fireEvent.change(dialog.getByRole('textbox'), { target: { value: 'Công văn' } });
    fireEvent.click(dialog.getByTestId('rule-edit-save'));
    expect(await dialog.findByText('Căn cứ phải có từ 5 ký tự.')).toBeTruthy();

    fireEvent.click(dialog.getByTestId('rule-edit-save'));
    expect((await dialog.findByTestId('rule-edit-conflict')).textContent).toContain('Giá trị đã được người khác sửa.');
  });
});
