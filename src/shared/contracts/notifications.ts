import { z } from 'zod';

/**
 * A user's notifications (issue #5, item 6: reminders): overdue work, transfers to acknowledge.
 * They hold no personal data ("2 việc quá hạn trong xã Tân Phú"); the link opens the record, where
 * the usual access rules apply. Each user sees only their own.
 */
export const NotificationDto = z.object({
  id: z.string(),
  /** What it is about, e.g. `deadlines.overdue` (the web client may pick an icon by it). */
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  /** An app path such as `/persons/<id>`, or null. */
  link: z.string().nullable(),
  createdAt: z.string(),
  /** When the user marked it read; null while unread. */
  readAt: z.string().nullable(),
});
export type NotificationDto = z.infer<typeof NotificationDto>;

/** `GET /api/notifications`: newest first, at most `NOTIFICATION_PAGE` of them. */
export const NotificationListQuery = z.strictObject({
  /** `true`: only unread ones. */
  unread: z.enum(['true', 'false']).default('false'),
});
export type NotificationListQuery = z.infer<typeof NotificationListQuery>;

export const NOTIFICATION_PAGE = 50;

export const NotificationListResponse = z.object({
  items: z.array(NotificationDto),
  /** All of the user's unread notifications, not only those listed (the badge in the header). */
  unreadCount: z.number().int(),
});
export type NotificationListResponse = z.infer<typeof NotificationListResponse>;

/** `POST /api/notifications/read-all`: how many were unread and are now read. */
export const NotificationsReadAllResponse = z.object({ updated: z.number().int() });
export type NotificationsReadAllResponse = z.infer<typeof NotificationsReadAllResponse>;
