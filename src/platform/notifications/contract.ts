import { z } from 'zod';
import { pageQuery } from '../auth/contract.ts';

/** One message of the in-app inbox (站内消息); `link` is a page of the web, e.g. /orders/<id>. */
export const notificationView = z.object({
  id: z.string().uuid(),
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  link: z.string().nullable(),
  createdAt: z.string(),
  read: z.boolean(),
});

export const notificationsQuery = z.strictObject({
  ...pageQuery,
  unread: z.enum(['true', 'false']).optional(),
});

export const notificationPage = z.object({
  items: z.array(notificationView),
  total: z.number().int(),
  /** The caller's unread messages, whatever the page shows. */
  unread: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const markReadRequest = z.union([
  z.strictObject({ ids: z.array(z.string().uuid()).min(1).max(500) }),
  z.strictObject({ all: z.literal(true) }),
]);

export const unreadCount = z.object({ unread: z.number().int() });
