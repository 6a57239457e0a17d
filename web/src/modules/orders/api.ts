import {
  keepPreviousData,
  type QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { ApiError, api } from '../../app/api.ts';
import { listKeys } from '../lists/api.ts';
import { matchingKeys } from '../matching/api.ts';
import { notificationKeys } from '../notifications/api.ts';
import { postMultipart } from '../registry/transfer.ts';
import type {
  OrderBoard,
  OrderListParams,
  OrderPage,
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

const one = (id: string) => `/api/orders/${encodeURIComponent(id)}`;
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
    queryFn: ({ signal }) => api.get<OrderPage>('/api/orders', { ...params }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useOrder(id: string) {
  return useQuery({
    queryKey: orderKeys.detail(id),
    queryFn: ({ signal }) => api.get<OrderView>(one(id), undefined, signal),
  });
}

export function useOrderBoard() {
  return useQuery({
    queryKey: orderKeys.board,
    queryFn: ({ signal }) => api.get<OrderBoard>('/api/orders/board', undefined, signal),
  });
}

/** 点单: an order for a published demand; the key makes a double submit place one order. */
export function usePlaceOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: PlaceOrderBody; key: string }) =>
      api.post<OrderView>('/api/orders', body, idempotent(key)),
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
      api.post<OrderView>(`${one(id)}/transition`, body, idempotent(key)),
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
      api.post<OrderView>(`${one(id)}/visits`, body),
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
      return postMultipart<OrderView>(`${one(id)}/visits/${encodeURIComponent(visitId)}/attachments`, form);
    },
    onSuccess: (order) => queryClient.setQueryData(orderKeys.detail(order.id), order),
  });
}

export function attachmentPath(orderId: string, attachmentId: string): string {
  return `${one(orderId)}/attachments/${encodeURIComponent(attachmentId)}`;
}
