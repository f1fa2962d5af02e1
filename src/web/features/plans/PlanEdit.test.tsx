import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { on, onWrite, stubApi } from '../../test/fake-api';
import { AGENCIES, signedIn } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';
import { plan, task, typeDate } from './plan-test-fixtures';

/** The form item (label, input, messages) around an input. */
const itemOf = (input: HTMLElement) => input.closest('.ant-form-item') as HTMLElement;

describe('editing a plan', () => {
  it('sends only the changed task fields with the version, and shows a field refusal under its input', async () => {
    const AFTER_END = 'Hạn của nhiệm vụ nằm sau ngày kết thúc kế hoạch (30/06/2026).';
    const { requests } = stubApi([
      signedIn(['provincial_officer']),
      on('/api/agencies', { items: AGENCIES }),
      on('/api/plans/plan-1', plan({ canEdit: true })),
      onWrite('PATCH', '/api/plan-tasks/task-1', (request) =>
        (request.body as { dueOn?: string }).dueOn === '2026-07-15'
          ? {
              status: 400,
              body: {
                code: 'VALIDATION_FAILED',
                message: 'Dữ liệu không hợp lệ.',
                requestId: 'req-test',
                issues: [{ path: ['body', 'dueOn'], message: AFTER_END }],
              },
            }
          : { body: task({ id: 'task-1', position: 1, dueOn: '2026-06-25', version: 2 }) },
      ),
    ]);
    renderApp('/plans/plan-1?tab=tasks');
    fireEvent.click(await screen.findByTestId('task-edit-1'));

    const dialog = within(await screen.findByRole('dialog'));
    expect((dialog.getByTestId('task-edit-assigneeName') as HTMLInputElement).value).toBe('Công an tỉnh');
    expect((dialog.getByTestId('task-edit-dueOn') as HTMLInputElement).value).toBe('30/06/2026');
    fireEvent.change(dialog.getByTestId('task-edit-content'), { target: { value: 'Chủ trì tuyên truyền tại trường học.' } });
    const coLeads = dialog.getByTestId('task-edit-coLeads').querySelector('input') as HTMLInputElement;
    fireEvent.change(coLeads, { target: { value: 'Sở Giáo dục và Đào tạo' } });
    fireEvent.keyDown(coLeads, { key: 'Enter', code: 'Enter' });
    typeDate(dialog.getByTestId('task-edit-dueOn'), '15/07/2026');
    fireEvent.click(screen.getByTestId('task-edit-submit'));

    expect(await dialog.findByText(AFTER_END)).toBeTruthy();
    expect(itemOf(dialog.getByTestId('task-edit-dueOn')).textContent).toContain(AFTER_END);
    const patches = () => requests.filter((request) => request.method === 'PATCH');
    expect(patches()[0]?.body).toEqual({
      version: 1,
      content: 'Chủ trì tuyên truyền tại trường học.',
      coLeads: ['Sở Giáo dục và Đào tạo'],
      dueOn: '2026-07-15',
    });

    typeDate(dialog.getByTestId('task-edit-dueOn'), '25/06/2026');
    fireEvent.click(screen.getByTestId('task-edit-submit'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(patches()[1]?.body).toEqual({
      version: 1,
      content: 'Chủ trì tuyên truyền tại trường học.',
      coLeads: ['Sở Giáo dục và Đào tạo'],
      dueOn: '2026-06-25',
    });
    // The plan is read again after the change.
    await waitFor(() =>
      expect(requests.filter((request) => request.method === 'GET' && request.path === '/api/plans/plan-1')).toHaveLength(2),
    );
  });

  it('edits the milestones and report deadlines of the plan, sent as ISO dates', async () => {
    const { requests } = stubApi([
      signedIn(['provincial_officer']),
      on('/api/plans/plan-1', plan({ canEdit: true })),
      onWrite('PATCH', '/api/plans/plan-1', { body: plan({ canEdit: true, version: 5 }) }),
    ]);
    renderApp('/plans/plan-1');
    const deadlines = await screen.findByTestId('plan-deadlines');
    expect(within(deadlines).getByText('05/07/2026 — gửi Công an tỉnh: Báo cáo kết quả')).toBeTruthy();

    fireEvent.click(screen.getByTestId('plan-edit-header'));
    const dialog = within(await screen.findByRole('dialog'));
    expect((dialog.getByTestId('plan-milestone-0-on') as HTMLInputElement).value).toBe('26/06/2026');
    typeDate(dialog.getByTestId('plan-milestone-0-on'), '25/06/2026');
    fireEvent.click(dialog.getByTestId('plan-milestone-add'));
    typeDate(await dialog.findByTestId('plan-milestone-1-on'), '01/06/2026');
    fireEvent.change(dialog.getByTestId('plan-milestone-1-label'), { target: { value: 'Lễ phát động' } });
    fireEvent.click(dialog.getByTestId('plan-deadline-add'));
    typeDate(await dialog.findByTestId('plan-deadline-2-by'), '10/07/2026');
    fireEvent.change(dialog.getByTestId('plan-deadline-2-what'), { target: { value: 'Báo cáo tổng kết' } });
    fireEvent.click(screen.getByTestId('plan-header-save'));

    await waitFor(() => expect(requests.some((request) => request.method === 'PATCH')).toBe(true));
    const body = requests.find((request) => request.method === 'PATCH')?.body as Record<string, unknown>;
    expect(body.version).toBe(4);
    expect(body.milestones).toEqual([
      { on: '2026-06-25', label: 'Ngày toàn dân phòng, chống ma túy (26/6)' },
      { on: '2026-06-01', label: 'Lễ phát động' },
    ]);
    expect(body.deadlines).toEqual([
      { what: 'Báo cáo sơ kết', to: 'Công an tỉnh', by: '2026-06-20' },
      { what: 'Báo cáo kết quả', to: 'Công an tỉnh', by: '2026-07-05' },
      { what: 'Báo cáo tổng kết', to: null, by: '2026-07-10' },
    ]);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});
