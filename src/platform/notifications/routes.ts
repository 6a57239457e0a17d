import { z } from 'zod';
import { pageQuery } from '../auth/contract.ts';
import type { App } from '../http/types.ts';
import type { NotificationsService } from './service.ts';

const item = z.object({
  id: z.string().uuid(),
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  link: z.string().nullable(),
  createdAt: z.string(),
  read: z.boolean(),
});

export function registerNotificationRoutes(app: App, notifications: NotificationsService): void {
  const tags = ['notifications'];
  app.get(
    '/api/notifications',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '站内消息 My messages',
        querystring: z.strictObject({ ...pageQuery, unread: z.enum(['true', 'false']).optional() }),
        response: {
          200: z.object({
            items: z.array(item),
            total: z.number().int(),
            unread: z.number().int(),
            page: z.number().int(),
            pageSize: z.number().int(),
          }),
        },
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
        body: z.union([
          z.strictObject({ ids: z.array(z.string().uuid()).min(1).max(500) }),
          z.strictObject({ all: z.literal(true) }),
        ]),
        response: { 200: z.object({ unread: z.number().int() }) },
      },
    },
    async (request) =>
      notifications.markRead(request.actor!, 'ids' in request.body ? request.body.ids : 'all'),
  );
}
