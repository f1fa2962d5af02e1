import { IdParams } from '@shared/contracts/auth';
import { ErrorBody } from '@shared/contracts/common';
import {
  NotificationDto,
  NotificationListQuery,
  NotificationListResponse,
  NotificationsReadAllResponse,
} from '@shared/contracts/notifications';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { serviceContext } from '../../platform/request-context';
import * as notifications from './notifications.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

/** The caller's own notifications (reminders, overdue work): every logged-in user has some. */
export const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'My notifications, newest first (50), and how many are unread',
        querystring: NotificationListQuery,
        response: { 200: NotificationListResponse, ...errors },
      },
    },
    (request) => notifications.listNotifications(serviceContext(request), { unreadOnly: request.query.unread === 'true' }),
  );
  app.post(
    '/api/notifications/read-all',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark all my notifications read',
        response: { 200: NotificationsReadAllResponse, ...errors },
      },
    },
    (request) => notifications.markAllNotificationsRead(serviceContext(request)),
  );
  app.post(
    '/api/notifications/:id/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark one of my notifications read (404 for any other)',
        params: IdParams,
        response: { 200: NotificationDto, ...errors },
      },
    },
    (request) => notifications.markNotificationRead(serviceContext(request), request.params.id),
  );
};
