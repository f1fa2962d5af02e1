import type { NotificationListResponse } from '@shared/contracts/notifications';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { on, onWrite, stubApi } from '../../test/fake-api';
import { signedIn } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';

/** Two fake notifications, newest first: one unread (linking to the work queue), one read. */
const NOTIFICATIONS: NotificationListResponse = {
  items: [
    {
      id: 'n-1',
      kind: 'deadlines.overdue',
      title: '2 việc quá hạn trong Phường Ba Đình',
      body: 'Mở danh sách việc cần làm để xử lý.',
      link: '/work-queue',
      // 09:30 on 19/06 in Việt Nam.
      createdAt: '2026-06-19T02:30:00.000Z',
      readAt: null,
    },
    {
      id: 'n-2',
      kind: 'transfers.incoming',
      title: '1 hồ sơ chuyển đến chờ tiếp nhận',
      body: '',
      link: null,
      createdAt: '2026-06-18T20:05:00.000Z',
      readAt: '2026-06-19T01:00:00.000Z',
    },
  ],
  unreadCount: 3,
};

describe('NotificationBell', () => {
  it('shows the unread count, lists the notifications, and opens one: marked read, then its link', async () => {
    const { requests } = stubApi([
      signedIn(['commune_officer']),
      on('/api/notifications', NOTIFICATIONS),
      onWrite('POST', '/api/notifications/n-1/read', { status: 204, body: null }),
      on('/api/work-queue', { today: '2026-06-19', items: [] }),
    ]);
    const { router } = renderApp('/');

    const bell = await screen.findByTestId('notification-bell');
    await waitFor(() => expect(within(bell).getByText('3')).toBeTruthy());

    fireEvent.click(bell);
    const items = await screen.findAllByTestId('notification-item');
    expect(items).toHaveLength(2);
    const [first, second] = items.map((item) => within(item as HTMLElement));
    expect(first?.getByText('2 việc quá hạn trong Phường Ba Đình')).toBeTruthy();
    expect(first?.getByText('Mở danh sách việc cần làm để xử lý.')).toBeTruthy();
    expect(first?.getByText('19/06/2026 09:30')).toBeTruthy();
    expect(items[0]?.getAttribute('data-unread')).toBe('true');
    expect(second?.getByText('19/06/2026 03:05')).toBeTruthy();
    expect(items[1]?.getAttribute('data-unread')).toBeNull();
    expect(screen.getByText('Đánh dấu đã đọc tất cả')).toBeTruthy();

    fireEvent.click(items[0] as HTMLElement);
    await waitFor(() => expect(requests.some((r) => r.method === 'POST' && r.path === '/api/notifications/n-1/read')).toBe(true));
    await waitFor(() => expect(router.state.location.pathname).toBe('/work-queue'));
    expect(await screen.findByText('Không có việc nào đang chờ.')).toBeTruthy();
  });

  it('says when there is nothing, and stays quiet when the list cannot be had', async () => {
    stubApi([signedIn(), on('/api/notifications', { items: [], unreadCount: 0 })]);
    const view = renderApp('/');
    fireEvent.click(await screen.findByTestId('notification-bell'));
    expect(await screen.findByText('Không có thông báo')).toBeTruthy();
    view.unmount();

    // No fake for /api/notifications: a 404, and no badge.
    const { requests } = stubApi([signedIn()]);
    const failing = renderApp('/');
    const bell = await screen.findByTestId('notification-bell');
    await waitFor(() => expect(failing.queryClient.getQueryState(['notifications', 'list'])?.status).toBe('error'));
    expect(requests.some((r) => r.path === '/api/notifications')).toBe(true);
    expect(bell.querySelector('.ant-badge-count')).toBeNull();
  });
});
