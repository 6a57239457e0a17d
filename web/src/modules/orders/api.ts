import {
  keepPreviousData,
  type QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { ApiError, routes } from '../../app/api.ts';
import { listKeys } from '../lists/api.ts';
import { matchingKeys } from '../matching/api.ts';
import { notificationKeys } from '../notifications/api.ts';
import type {
  OrderListParams,
  OrderRoutes,
  OrderTransitionBody,
  OrderView,
  PlaceOrderBody,
  VisitBody,
} from './types.ts';

export const orderKeys = {
  all: ['orders'] as const,
  list: (params: OrderListParams) => ['orders', 'list', params] as const,
  detail: (id: string) => ['orders', 'detail', id] as const,
  board: ['orders', 'board'] as const,
};

const call = routes<OrderRoutes>();
const idempotent = (key: string) => ({ 'idempotency-key': key });

/**
 * After an order moved: its page shows the answer at once; lists, the board,
 * the inbox (the caller may be told too) and suggestions (an expert's load) follow.
 */
async function afterChange(queryClient: QueryClient, order?: OrderView): Promise<void> {
  if (order) queryClient.setQueryData(orderKeys.detail(order.id), order);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: orderKeys.all }),
    queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
    queryClient.invalidateQueries({ queryKey: matchingKeys.all }),
  ]);
}

export function useOrders(params: OrderListParams, enabled = true) {
  return useQuery({
    queryKey: orderKeys.list(params),
    queryFn: ({ signal }) => call('GET /api/orders', { query: params, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useOrder(id: string) {
  return useQuery({
    queryKey: orderKeys.detail(id),
    queryFn: ({ signal }) => call('GET /api/orders/:id', { params: { id }, signal }),
  });
}

export function useOrderBoard() {
  return useQuery({
    queryKey: orderKeys.board,
    queryFn: ({ signal }) => call('GET /api/orders/board', { signal }),
  });
}

/** 点单: an order for a published demand; the key makes a double submit place one order. */
export function usePlaceOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: PlaceOrderBody; key: string }) =>
      call('POST /api/orders', { body, headers: idempotent(key) }),
    onSuccess: async (order) => {
      await afterChange(queryClient, order);
      // The demand is 对接中 now.
      await queryClient.invalidateQueries({ queryKey: listKeys.all });
    },
  });
}

/**
 * 派单, 接单, 拒单, 开始服务, 服务完成, 确认办结, 退回, 取消: the server checks the
 * action, the caller and the version. A 409 (someone moved the order first)
 * reloads the order so the page shows where it stands now.
 */
export function useTransitionOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body, key }: { id: string; body: OrderTransitionBody; key: string }) =>
      call('POST /api/orders/:id/transition', { params: { id }, body, headers: idempotent(key) }),
    onSuccess: (order) => afterChange(queryClient, order),
    onError: async (error, { id }) => {
      if (error instanceof ApiError && error.status === 409) {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: orderKeys.detail(id) }),
          queryClient.invalidateQueries({ queryKey: orderKeys.all }),
        ]);
      }
    },
  });
}

/** 登记服务记录. */
export function useLogVisit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: VisitBody }) =>
      call('POST /api/orders/:id/visits', { params: { id }, body }),
    onSuccess: (order) => afterChange(queryClient, order),
  });
}

/** A file for a visit (multipart, field `file`); answers the order. */
export function useUploadVisitAttachment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, visitId, file }: { id: string; visitId: string; file: File }) => {
      const form = new FormData();
      form.append('file', file);
      return call('POST /api/orders/:id/visits/:visitId/attachments', { params: { id, visitId }, form });
    },
    onSuccess: (order) => queryClient.setQueryData(orderKeys.detail(order.id), order),
  });
}

export function attachmentPath(orderId: string, attachmentId: string): string {
  return `/api/orders/${encodeURIComponent(orderId)}/attachments/${encodeURIComponent(attachmentId)}`;
}
