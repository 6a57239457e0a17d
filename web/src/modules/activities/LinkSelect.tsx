import { useQueries } from '@tanstack/react-query';
import { Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage, routes } from '../../app/api.ts';
import { useT } from '../../app/i18n.tsx';
import { useCan } from '../../app/session.ts';
import { useDebounced } from '../../app/useDebounced.ts';
import { listKeys } from '../lists/api.ts';
import { isListKind, LIST_KINDS, type ListParams, type ListRoutes } from '../lists/types.ts';
import { useOrders } from '../orders/api.ts';
import type { ActivityView } from './types.ts';

const callLists = routes<ListRoutes>();

/** A record an outcome links to, as its select shows it: 编号 and title. */
interface LinkOption {
  id: string;
  code: string;
  title: string;
}

interface Props {
  value?: string;
  onChange?: (value: string | undefined) => void;
  id?: string;
  'data-testid'?: string;
}

/** One link select: the records found, named by code and title, each chosen record remembered for its label. */
function LinkSelectBase({
  value,
  onChange,
  id,
  testId,
  shown,
  onSearch,
  loading,
  failed,
  placeholder,
  notFound,
}: {
  value?: string;
  onChange?: (value: string | undefined) => void;
  id?: string;
  testId?: string;
  shown: readonly LinkOption[];
  onSearch: (text: string) => void;
  loading: boolean;
  failed: unknown;
  placeholder: string;
  notFound: string;
}) {
  // The chosen record is named from what was seen (a new search may no longer find it).
  const [known, setKnown] = useState<ReadonlyMap<string, LinkOption>>(new Map());
  useEffect(() => {
    setKnown((before) => {
      const fresh = shown.filter((o) => !before.has(o.id));
      return fresh.length === 0 ? before : new Map([...before, ...fresh.map((o) => [o.id, o] as const)]);
    });
  }, [shown]);
  const chosen = value ? known.get(value) : undefined;
  const options = [...(chosen && !shown.some((o) => o.id === chosen.id) ? [chosen] : []), ...shown].map(
    (o) => ({ value: o.id, label: `${o.code} ${o.title}`, link: o }),
  );
  return (
    <Select<string>
      id={id}
      value={value}
      onChange={(next) => onChange?.(next)}
      showSearch
      filterOption={false}
      onSearch={onSearch}
      onOpenChange={(open) => {
        if (!open) onSearch('');
      }}
      allowClear
      loading={loading}
      options={options}
      placeholder={placeholder}
      notFoundContent={failed ? errorMessage(failed) : notFound}
      optionRender={(option) => {
        const link = (option.data as { link?: LinkOption }).link;
        if (!link) return option.label;
        return (
          <Space size={6} wrap data-testid="link-option">
            <Tag style={{ marginInlineEnd: 0 }}>{link.code}</Tag>
            <Typography.Text>{link.title}</Typography.Text>
          </Space>
        );
      }}
      data-testid={testId}
    />
  );
}

/**
 * The demand or achievement an outcome concerns: before one types, the items
 * the activity features; typing searches the three lists by code (XQ-2026-001)
 * or title, in the caller's scope.
 */
export function ListItemSelect({
  activity,
  value,
  onChange,
  id,
  'data-testid': testId,
}: Props & { activity: ActivityView }) {
  const t = useT();
  const canSearch = useCan('lists.read');
  const [input, setInput] = useState('');
  const q = useDebounced(input.trim());
  const params: ListParams = { page: 1, pageSize: 10, q };
  const found = useQueries({
    queries: LIST_KINDS.map((kind) => ({
      queryKey: listKeys.list(kind, params),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        callLists('GET /api/lists/:kind', { params: { kind }, query: params, signal }),
      enabled: canSearch && !!q,
    })),
  });
  const featured = activity.featured.filter((item) => isListKind(item.kind));
  // Cheap to build on each render: LinkSelectBase keeps only what it has not seen.
  const shown: LinkOption[] = !q
    ? featured
    : canSearch
      ? found.flatMap((r) => r.data?.items ?? [])
      : featured.filter((item) => `${item.code} ${item.title}`.includes(q));
  return (
    <LinkSelectBase
      value={value}
      onChange={onChange}
      id={id}
      testId={testId}
      shown={shown}
      onSearch={setInput}
      loading={!!q && found.some((r) => r.isFetching)}
      failed={found.find((r) => r.isError)?.error}
      placeholder={t(canSearch ? 'activities.outcomeListItemSearch' : 'activities.outcomeListItemHint')}
      notFound={t(q ? 'activities.outcomePartiesNone' : 'activities.outcomeNoFeatured')}
    />
  );
}

/** The service order an outcome concerns: typing searches the orders the caller sees by 订单号 or title. */
export function OrderSelect({ value, onChange, id, 'data-testid': testId }: Props) {
  const t = useT();
  const canSearch = useCan('orders.read');
  const [input, setInput] = useState('');
  const q = useDebounced(input.trim());
  const orders = useOrders({ page: 1, pageSize: 10, q }, canSearch && !!q);
  const shown: LinkOption[] = q ? (orders.data?.items ?? []) : [];
  return (
    <LinkSelectBase
      value={value}
      onChange={onChange}
      id={id}
      testId={testId}
      shown={shown}
      onSearch={setInput}
      loading={!!q && orders.isFetching}
      failed={orders.isError ? orders.error : undefined}
      placeholder={t('activities.outcomeOrderSearch')}
      notFound={t(q ? 'activities.outcomePartiesNone' : 'activities.outcomeOrderType')}
    />
  );
}
