import { NotificationListResponse, NotificationsReadAllResponse } from '@shared/contracts/notifications';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost } from '../../api/client';

/** How often the header asks for new notifications. */
const POLL_MS = 60_000;

export const notificationKeys = {
  all: ['notifications'] as const,
};

/** The user's notifications (GET /api/notifications) and the POSTs that mark them read. */
export const notificationsApi = {
  list: (signal?: AbortSignal) =>
    apiGet('/api/notifications', { query: { unread: 'false' }, schema: NotificationListResponse, signal }),
  markRead: (id: string) => apiPost(`/api/notifications/${encodeURIComponent(id)}/read`),
  markAllRead: () => apiPost('/api/notifications/read-all', { schema: NotificationsReadAllResponse }),
};

export const notificationQueries = {
  /**
   * The bell's list: asked again every minute and when the window gets the focus back (overriding
   * the app's default of reference data kept fresh for the session). No retry: a failure leaves
   * the bell quiet until the next poll.
   */
  list: () =>
    queryOptions({
      queryKey: [...notificationKeys.all, 'list'],
      queryFn: ({ signal }) => notificationsApi.list(signal),
      staleTime: 0,
      refetchInterval: POLL_MS,
      refetchOnWindowFocus: true,
      retry: false,
    }),
};

/** Marks one notification read, then asks the list again. */
export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => notificationsApi.markRead(id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

/** Marks all of the user's notifications read, then asks the list again. */
export function useMarkAllNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => notificationsApi.markAllRead(),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
