import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes } from '../../app/api.ts';
import type {
  ListItemInput,
  ListItemPatch,
  ListKind,
  ListParams,
  ListRoutes,
  TransitionBody,
} from './types.ts';

const call = routes<ListRoutes>();

export const listKeys = {
  all: ['lists'] as const,
  kind: (kind: ListKind) => ['lists', kind] as const,
  list: (kind: ListKind, params: ListParams) => ['lists', kind, 'list', params] as const,
  detail: (kind: ListKind, id: string) => ['lists', kind, 'detail', id] as const,
  defaults: (kind: ListKind) => ['lists', kind, 'defaults'] as const,
};

/** Suggestions follow the lists: an item changed may fit differently now. */
const matchingKey = ['matching'] as const;

export function useListItems(kind: ListKind, params: ListParams) {
  return useQuery({
    queryKey: listKeys.list(kind, params),
    queryFn: ({ signal }) => call('GET /api/lists/:kind', { params: { kind }, query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useListItem(kind: ListKind, id: string) {
  return useQuery({
    queryKey: listKeys.detail(kind, id),
    queryFn: ({ signal }) => call('GET /api/lists/:kind/:id', { params: { kind, id }, signal }),
  });
}

/** What a new item starts with: its owner's region (the caller's enterprise or institution), else the caller's county or city. */
export function useNewItemDefaults(kind: ListKind, enabled: boolean) {
  return useQuery({
    queryKey: listKeys.defaults(kind),
    queryFn: ({ signal }) => call('GET /api/lists/:kind/defaults', { params: { kind }, signal }),
    enabled,
    staleTime: 60_000,
  });
}

export function useCreateListItem(kind: ListKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ListItemInput) => call('POST /api/lists/:kind', { params: { kind }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: listKeys.kind(kind) }),
  });
}

export function useUpdateListItem(kind: ListKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ListItemPatch }) =>
      call('PATCH /api/lists/:kind/:id', { params: { kind, id }, body }),
    onSuccess: (item) => queryClient.setQueryData(listKeys.detail(kind, item.id), item),
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: listKeys.kind(kind) }),
        queryClient.invalidateQueries({ queryKey: matchingKey }),
      ]);
    },
  });
}

/** 提交, 撤回, 退回, 发布, 开始对接, 关闭, 重新发布: the server checks the action against the status. */
export function useTransitionListItem(kind: ListKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TransitionBody }) =>
      call('POST /api/lists/:kind/:id/transition', { params: { kind, id }, body }),
    onSuccess: (item) => queryClient.setQueryData(listKeys.detail(kind, item.id), item),
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: listKeys.kind(kind) }),
        queryClient.invalidateQueries({ queryKey: matchingKey }),
      ]);
    },
  });
}
