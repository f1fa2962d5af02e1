import { BellOutlined } from '@ant-design/icons';
import type { NotificationDto } from '@shared/contracts/notifications';
import { useQuery } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { Badge, Button, Empty, Flex, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../auth/session';
import { displayDateTime } from '../../components/format';
import { notificationQueries, useMarkAllNotificationsRead, useMarkNotificationRead } from './notifications-api';

/**
 * The bell in the header: the count of unread notifications, and a list of the latest ones that
 * open the record they are about. A failed request leaves the bell without a badge (the header
 * is no place for an error); the list is asked again every minute.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const list = useQuery({ ...notificationQueries.list(), enabled: user !== null });
  const markRead = useMarkNotificationRead();
  const markAllRead = useMarkAllNotificationsRead();
  if (!user) return null;

  const items = list.data?.items ?? [];
  const unreadCount = list.data?.unreadCount ?? 0;

  const openItem = (item: NotificationDto) => {
    if (!item.readAt) markRead.mutate(item.id);
    setOpen(false);
    if (item.link) void router.navigate({ href: item.link });
  };

  const content = (
    <div className="pcmt-notifications" data-testid="notification-list">
      <Flex justify="space-between" align="center" gap={8} className="pcmt-notifications-head">
        <Typography.Text strong>{t('notifications.title')}</Typography.Text>
        <Button
          type="link"
          size="small"
          disabled={unreadCount === 0 || markAllRead.isPending}
          onClick={() => markAllRead.mutate()}
          data-testid="notification-read-all"
        >
          {t('notifications.markAllRead')}
        </Button>
      </Flex>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <ul className="pcmt-notifications-list">
          {items.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                className={item.readAt ? 'pcmt-notification' : 'pcmt-notification pcmt-notification-unread'}
                data-testid="notification-item"
                data-unread={item.readAt ? undefined : 'true'}
                onClick={() => openItem(item)}
              >
                <span className="pcmt-notification-title" style={{ fontWeight: item.readAt ? 400 : 600 }}>
                  {item.title}
                </span>
                {item.body ? <span className="pcmt-notification-body">{item.body}</span> : null}
                <span className="pcmt-notification-time">{displayDateTime(item.createdAt)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );

  return (
    <Popover content={content} trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen}>
      <button
        type="button"
        className="pcmt-bell"
        data-testid="notification-bell"
        aria-label={t('notifications.bell', { count: unreadCount })}
      >
        <Badge count={unreadCount} size="small" overflowCount={99}>
          <BellOutlined className="pcmt-bell-icon" />
        </Badge>
      </button>
    </Popover>
  );
}
