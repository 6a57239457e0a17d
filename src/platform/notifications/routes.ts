import type { App } from '../http/types.ts';
import { markReadRequest, notificationPage, notificationsQuery, unreadCount } from './contract.ts';
import type { NotificationsService } from './service.ts';

export function registerNotificationRoutes(app: App, notifications: NotificationsService): void {
  const tags = ['notifications'];
  app.get(
    '/api/notifications',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '站内消息 My messages',
        querystring: notificationsQuery,
        response: { 200: notificationPage },
      },
    },
    async (request) =>
      notifications.list(request.actor!, { ...request.query, unread: request.query.unread === 'true' }),
  );
  app.post(
    '/api/notifications/read',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '标为已读 Mark messages read',
        body: markReadRequest,
        response: { 200: unreadCount },
      },
    },
    async (request) =>
      notifications.markRead(request.actor!, 'ids' in request.body ? request.body.ids : 'all'),
  );
}
