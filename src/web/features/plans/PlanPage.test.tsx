import { todayInVietnam } from '@shared/dates';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { on, onWrite, stubApi } from '../../test/fake-api';
import { signedIn } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';
import { COMPLIANCE, plan, report, typeDate } from './plan-test-fixtures';

describe('PlanPage', () => {
  it('shows the compliance board: totals per state, rows by reporter, and the review of a report', async () => {
    const { requests } = stubApi([
      signedIn(['provincial_officer']),
      on('/api/plans/plan-1', plan({ canReview: true })),
      on('/api/plans/plan-1/compliance', COMPLIANCE),
      on('/api/plan-tasks/task-2/reports', {
        items: [report({ id: 'report-1', status: 'accepted' }), report({ id: 'report-2' })],
      }),
      onWrite('POST', '/api/plan-reports/report-2/review', (request) => ({
        body: report({
          id: 'report-2',
          status: 'returned',
          reviewComment: (request.body as { comment: string }).comment,
          version: 3,
        }),
      })),
    ]);
    renderApp('/plans/plan-1');
    fireEvent.click(await screen.findByTestId('plan-tab-compliance'));

    expect((await screen.findByTestId('compliance-total-on_time')).textContent).toBe('1');
    expect(screen.getByTestId('compliance-total-late').textContent).toBe('1');
    expect(screen.getByTestId('compliance-total-missing').textContent).toBe('2');
    expect(screen.getByTestId('compliance-export').getAttribute('href')).toBe('/api/plans/plan-1/compliance.xlsx');
    expect(screen.getByTestId('compliance-total-returned').textContent).toBe('0');
    expect(screen.getByTestId('compliance-total-pending').textContent).toBe('0');
    expect(screen.getByTestId('compliance-totals').textContent).toContain('Chưa đến hạn');

    const onTime = screen.getByTestId('compliance-row-2-00004-2026-06-20');
    expect(within(onTime).getByText('Đúng hạn')).toBeTruthy();
    expect(within(onTime).getByText('20/06/2026')).toBeTruthy();
    expect(within(onTime).getByText('19/06/2026 09:00')).toBeTruthy();
    // Already accepted: only to be read.
    expect(within(onTime).queryByTestId('compliance-return')).toBeNull();
    const missing = screen.getByTestId('compliance-row-1-01-2026-07-05');
    expect(within(missing).getByText('Chưa báo cáo')).toBeTruthy();
    expect(within(missing).queryByTestId('compliance-view')).toBeNull();
    // Grouped by reporter, agencies in Vietnamese order.
    const groups = screen.getAllByRole('heading', { level: 5 }).map((heading) => heading.textContent);
    expect(groups).toEqual(['Công an tỉnh · Thành phố Hà Nội', 'UBND xã, phường · Phường Ba Đình']);

    const late = screen.getByTestId('compliance-row-2-00004-2026-07-05');
    expect(within(late).getByText('Trễ hạn')).toBeTruthy();
    fireEvent.click(within(late).getByTestId('compliance-return'));
    const dialog = within(await screen.findByRole('dialog'));
    expect(await dialog.findByText('Đã tổ chức 3 buổi tuyên truyền.')).toBeTruthy();
    // A return says why.
    fireEvent.click(dialog.getByTestId('report-return'));
    expect(await dialog.findByText('Hãy ghi lý do trả lại báo cáo.')).toBeTruthy();
    expect(requests.some((request) => request.path.endsWith('/review'))).toBe(false);
    fireEvent.change(dialog.getByTestId('report-review-comment'), { target: { value: 'Bổ sung số liệu.' } });
    fireEvent.click(dialog.getByTestId('report-return'));
    await waitFor(() => expect(requests.some((request) => request.path === '/api/plan-reports/report-2/review')).toBe(true));
    const review = requests.find((request) => request.path === '/api/plan-reports/report-2/review');
    expect(review?.body).toEqual({ version: 2, decision: 'return', comment: 'Bổ sung số liệu.' });
  });

  it('sends a progress report with the dates typed DD/MM/YYYY as ISO dates', async () => {
    const { requests } = stubApi([
      signedIn(['commune_officer']),
      on('/api/plans/plan-1', plan()),
      onWrite('POST', '/api/plan-tasks/task-2/reports', { status: 201, body: report({ id: 'report-3' }) }),
    ]);
    renderApp('/plans/plan-1?tab=tasks');

    const card = await screen.findByTestId('task-card-2');
    expect(within(card).getByText('UBND xã, phường · tất cả xã')).toBeTruthy();
    expect(within(card).getByText('Báo cáo: 1')).toBeTruthy();
    expect(screen.getByTestId('task-column-overdue').contains(card)).toBe(true);
    // Only the assignee reports; the officer may not edit the plan.
    expect(screen.queryByTestId('task-report-button-1')).toBeNull();
    expect(screen.queryByTestId('task-add')).toBeNull();
    fireEvent.click(within(card).getByTestId('task-report-button-2'));

    const dialog = within(await screen.findByRole('dialog'));
    typeDate(dialog.getByTestId('report-field-periodFrom'), '01/06/2026');
    typeDate(dialog.getByTestId('report-field-periodTo'), '30/06/2026');
    fireEvent.change(dialog.getByTestId('report-field-narrative'), { target: { value: 'Đã tổ chức 5 buổi tuyên truyền.' } });
    fireEvent.click(dialog.getByTestId('report-figure-add'));
    fireEvent.change(await dialog.findByTestId('report-figure-0-label'), { target: { value: 'Buổi tuyên truyền' } });
    fireEvent.change(dialog.getByTestId('report-figure-0-value'), { target: { value: '5' } });
    fireEvent.click(screen.getByTestId('report-submit'));

    await waitFor(() => expect(requests.some((request) => request.path === '/api/plan-tasks/task-2/reports')).toBe(true));
    const sent = requests.find((request) => request.path === '/api/plan-tasks/task-2/reports');
    expect(sent?.body).toEqual({
      periodFrom: '2026-06-01',
      periodTo: '2026-06-30',
      // The task has no deadlines of its own: the plan's next one (or the last when all are past).
      deadline: ['2026-06-20', '2026-07-05'].find((deadline) => deadline >= todayInVietnam()) ?? '2026-07-05',
      narrative: 'Đã tổ chức 5 buổi tuyên truyền.',
      figures: [{ label: 'Buổi tuyên truyền', value: 5, unit: null }],
      // A task given to every commune: one commune's report does not move its status.
      attachments: [],
    });
  });

  it('issues a draft plan the user may edit', async () => {
    let current = plan({ status: 'draft', canEdit: true });
    const { requests } = stubApi([
      signedIn(['provincial_officer']),
      (request) => (request.method === 'GET' && request.path === '/api/plans/plan-1' ? { body: current } : undefined),
      onWrite('POST', '/api/plans/plan-1/status', () => {
        current = plan({ status: 'issued', canEdit: true, version: 5 });
        return { body: current };
      }),
    ]);
    renderApp('/plans/plan-1');
    expect((await screen.findByTestId('plan-status')).textContent).toBe('Dự thảo');
    expect(screen.getByTestId('plan-period').textContent).toBe('01/06/2026 – 30/06/2026');
    fireEvent.click(screen.getByTestId('plan-status-issue'));
    // Issuing asks first: nothing is sent until the officer confirms.
    expect(await screen.findByText('Ban hành kế hoạch?')).toBeTruthy();
    expect(screen.getByText('Sau khi ban hành, các đơn vị được giao sẽ báo cáo theo kế hoạch.')).toBeTruthy();
    expect(requests.some((request) => request.path === '/api/plans/plan-1/status')).toBe(false);
    fireEvent.click(screen.getByTestId('plan-status-confirm'));
    await waitFor(() => expect(screen.getByTestId('plan-status').textContent).toBe('Đã ban hành'));
    expect(requests.find((request) => request.path === '/api/plans/plan-1/status')?.body).toEqual({
      version: 4,
      status: 'issued',
    });
    expect(screen.queryByTestId('plan-status-issue')).toBeNull();
    // Closing asks too.
    fireEvent.click(screen.getByTestId('plan-status-close'));
    expect(await screen.findByText('Kết thúc kế hoạch?')).toBeTruthy();
    expect(screen.getByText('Kế hoạch đã kết thúc không nhận báo cáo nữa.')).toBeTruthy();
  });

  it('shows targets with their sign and unit, and saves the achieved value typed inline', async () => {
    const objectives = [
      {
        id: 'objective-1',
        position: 1,
        text: '100% xã, phường tổ chức tuyên truyền.',
        targetValue: 100,
        unit: 'percent' as const,
        comparison: 'gte' as const,
        indicatorCode: null,
        achievedValue: 80,
        achievedOn: '2026-06-30',
        met: false,
        version: 1,
      },
      {
        id: 'objective-2',
        position: 2,
        text: 'Không để hình thành điểm, tụ điểm mới.',
        targetValue: 0,
        unit: 'count' as const,
        comparison: 'eq' as const,
        indicatorCode: 'hotspots.new',
        achievedValue: null,
        achievedOn: null,
        met: null,
        version: 1,
      },
    ];
    const { requests } = stubApi([
      signedIn(['provincial_officer']),
      on('/api/plans/plan-1', plan({ canEdit: true, objectives })),
      onWrite('PATCH', '/api/plan-objectives/objective-1', {
        body: { ...objectives[0], achievedValue: 100, met: true, version: 2 },
      }),
    ]);
    renderApp('/plans/plan-1');

    const first = (await screen.findByText('100% xã, phường tổ chức tuyên truyền.')).closest('tr') as HTMLElement;
    expect(within(first).getByText('≥ 100%')).toBeTruthy();
    expect(within(first).getByLabelText('Chưa đạt')).toBeTruthy();
    const second = screen.getByText('Không để hình thành điểm, tụ điểm mới.').closest('tr') as HTMLElement;
    expect(within(second).getByText('= 0')).toBeTruthy();
    expect(within(second).getByTestId('objective-met-2').textContent).toBe('—');
    expect(within(second).getByText('hotspots.new')).toBeTruthy();

    const achieved = screen.getByTestId('objective-achieved-1');
    fireEvent.change(achieved, { target: { value: '100' } });
    fireEvent.blur(achieved);
    await waitFor(() => expect(requests.some((request) => request.method === 'PATCH')).toBe(true));
    expect(requests.find((request) => request.method === 'PATCH')?.body).toEqual({ version: 1, achievedValue: 100 });
  });
});
