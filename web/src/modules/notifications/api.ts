import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';

/** One message of the in-app inbox (站内消息). */
export interface Notification {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  /** A page of this app, e.g. /orders/<id>. */
  link: string | null;
  createdAt: string;
  read: boolean;
}

export interface NotificationPage {
  items: Notification[];
  total: number;
  /** The caller's unread messages, whatever the page shows. */
  unread: number;
  page: number;
  pageSize: number;
}

export interface NotificationParams {
  page: number;
  pageSize: number;
  unread?: 'true';
}

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
    queryFn: ({ signal }) => api.get<NotificationPage>('/api/notifications', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

/** The unread count for the bell: the smallest page of unread messages, asked again every minute. */
export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: async ({ signal }) =>
      (
        await api.get<NotificationPage>(
          '/api/notifications',
          { unread: 'true', page: 1, pageSize: 1 },
          signal,
        )
      ).unread,
    refetchInterval: UNREAD_POLL_MS,
    staleTime: 10_000,
  });
}

/** Marks the given messages read, or all of them. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (which: { ids: string[] } | { all: true }) =>
      api.post<{ unread: number }>('/api/notifications/read', which),
    onSuccess: ({ unread }) => queryClient.setQueryData(notificationKeys.unread, unread),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
