import type { WorkQueueResponse } from '@shared/contracts/person-transfers';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { on, stubApi } from '../../test/fake-api';
import { signedIn } from '../../test/fixtures';
import { PERSON } from '../../test/person-fixtures';
import { renderApp } from '../../test/render-app';

/** Two fake transfers: one incoming and overdue, one outgoing and on time. */
const QUEUE: WorkQueueResponse = {
  today: '2026-06-19',
  items: [
    {
      kind: 'transfer',
      direction: 'incoming',
      transferId: 't-1',
      personId: PERSON.id,
      fullName: PERSON.fullName,
      birthYear: 1990,
      fromUnit: { code: '00004', fullName: 'Phường Ba Đình' },
      toUnit: { code: '00008', fullName: 'Phường Ngọc Hà' },
      requestedAt: '2026-06-15T03:00:00.000Z',
      dueDate: '2026-06-18',
      overdue: true,
    },
    {
      kind: 'transfer',
      direction: 'outgoing',
      transferId: 't-2',
      personId: '22222222-2222-4222-8222-222222222222',
      fullName: 'Trần Thị Thử',
      birthYear: 1995,
      fromUnit: { code: '00008', fullName: 'Phường Ngọc Hà' },
      toUnit: { code: '00004', fullName: 'Phường Ba Đình' },
      requestedAt: '2026-06-18T20:00:00.000Z',
      dueDate: '2026-06-22',
      overdue: false,
    },
  ],
};

describe('WorkQueuePage', () => {
  it('lists incoming and outgoing transfers with DD/MM/YYYY dates, overdue ones marked, linked to the file', async () => {
    stubApi([signedIn(['commune_officer']), on('/api/work-queue', QUEUE)]);
    renderApp('/work-queue');

    const rows = await screen.findAllByTestId('work-item');
    expect(rows).toHaveLength(2);
    const [first, second] = rows.map((row) => within(row as HTMLElement));
    expect(first?.getByTestId('work-item-due').textContent).toBe('18/06/2026');
    expect(first?.getByTestId('work-item-overdue').textContent).toBe('Quá hạn');
    expect(first?.getByText('Chờ tiếp nhận')).toBeTruthy();
    expect(first?.getByText('Chuyển nơi cư trú: Phường Ba Đình → Phường Ngọc Hà')).toBeTruthy();
    expect(first?.getByTestId('work-item-link').getAttribute('href')).toBe(`/persons/${PERSON.id}?tab=transfers`);
    expect(first?.getByText('15/06/2026')).toBeTruthy();
    expect(second?.queryByTestId('work-item-overdue')).toBeNull();
    expect(second?.getByText('Đã gửi đi')).toBeTruthy();
    // Requested at 03:00 on 19/06 in Việt Nam (20:00 UTC the day before).
    expect(second?.getByText('19/06/2026')).toBeTruthy();
    expect(screen.getByText('2 việc, 1 quá hạn (tính đến ngày 19/06/2026).')).toBeTruthy();
    expect(document.title).toContain('Việc cần làm');

    fireEvent.click(screen.getByText('English'));
    expect(await screen.findByText('Change of residence: Phường Ba Đình → Phường Ngọc Hà')).toBeTruthy();
    expect(screen.getByText('Overdue')).toBeTruthy();
  });

  it('lists plan reports to send and to review, each opening its plan', async () => {
    const plan = { planId: 'plan-1', planTitle: 'Kế hoạch Tháng hành động năm 2026', planNumber: '99/KH-UBND' };
    stubApi([
      signedIn(['provincial_officer']),
      on('/api/work-queue', {
        today: '2026-07-06',
        items: [
          {
            kind: 'plan_review',
            ...plan,
            reportId: 'r-1',
            taskPosition: 3,
            unit: { code: '00004', fullName: 'Phường Ba Đình' },
            submittedAt: '2026-06-10T03:00:00.000Z',
            dueDate: '2026-06-10',
            overdue: false,
          },
          {
            kind: 'plan_report',
            ...plan,
            taskId: 'task-1',
            taskPosition: 1,
            assigneeName: 'Công an tỉnh',
            state: 'missing',
            dueDate: '2026-07-05',
            overdue: true,
          },
        ],
      }),
    ]);
    renderApp('/work-queue');

    const rows = await screen.findAllByTestId('work-item');
    expect(rows).toHaveLength(2);
    const [review, report] = rows.map((row) => within(row as HTMLElement));
    expect(review?.getByText('Chờ xem xét')).toBeTruthy();
    expect(review?.getByText('Báo cáo nhiệm vụ 3 của Phường Ba Đình')).toBeTruthy();
    expect(review?.queryByTestId('work-item-overdue')).toBeNull();
    expect(report?.getByText('Chưa gửi báo cáo')).toBeTruthy();
    expect(report?.getByText('Nhiệm vụ 1: Công an tỉnh')).toBeTruthy();
    expect(report?.getByTestId('work-item-due').textContent).toBe('05/07/2026');
    expect(report?.getByTestId('work-item-overdue')).toBeTruthy();
    expect(report?.getByTestId('work-item-plan-link').getAttribute('href')).toBe('/plans/plan-1');
    expect(report?.getByTestId('work-item-plan-link').textContent).toBe('99/KH-UBND: Kế hoạch Tháng hành động năm 2026');
  });

  it('says when nothing is waiting, and is linked from the menu', async () => {
    stubApi([signedIn(['provincial_lead']), on('/api/work-queue', { today: '2026-06-19', items: [] })]);
    renderApp('/work-queue');

    expect(await screen.findByText('Không có việc nào đang chờ.')).toBeTruthy();
    const entry = within(screen.getByRole('navigation')).getByText('Việc cần làm');
    expect(entry.closest('a')?.getAttribute('href')).toBe('/work-queue');
  });
});
