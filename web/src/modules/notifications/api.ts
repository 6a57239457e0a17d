import type {
  markReadRequest,
  notificationPage,
  notificationsQuery,
  unreadCount,
} from '@server/platform/notifications/contract.ts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type BodyOf, type QueryOf, type ReplyOf, routes } from '../../app/api.ts';

type NotificationRoutes = {
  'GET /api/notifications': { query: typeof notificationsQuery; reply: typeof notificationPage };
  'POST /api/notifications/read': { body: typeof markReadRequest; reply: typeof unreadCount };
};
const call = routes<NotificationRoutes>();

/** One message of the in-app inbox (站内消息). */
export type Notification = ReplyOf<NotificationRoutes['GET /api/notifications']>['items'][number];
export type NotificationParams = QueryOf<NotificationRoutes['GET /api/notifications']> & {
  page: number;
  pageSize: number;
};

export const notificationKeys = {
  all: ['notifications'] as const,
  list: (params: NotificationParams) => ['notifications', 'list', params] as const,
  unread: ['notifications', 'unread'] as const,
};

/** How often the header asks for the unread count. */
const UNREAD_POLL_MS = 60_000;

export function useNotifications(params: NotificationParams) {
  return useQuery({
    queryKey: notificationKeys.list(params),
    queryFn: ({ signal }) => call('GET /api/notifications', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The unread count for the bell: the smallest page of unread messages, asked again every minute. */
export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: async ({ signal }) =>
      (await call('GET /api/notifications', { query: { unread: 'true', page: 1, pageSize: 1 }, signal }))
        .unread,
    refetchInterval: UNREAD_POLL_MS,
    staleTime: 10_000,
  });
}

/** Marks the given messages read, or all of them. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (which: BodyOf<NotificationRoutes['POST /api/notifications/read']>) =>
      call('POST /api/notifications/read', { body: which }),
    onSuccess: ({ unread }) => queryClient.setQueryData(notificationKeys.unread, unread),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
