import { Segmented, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { errorMessage } from '../../app/api.ts';
import { useT } from '../../app/i18n.tsx';
import { useDebounced } from '../../app/useDebounced.ts';
import { useListItems } from '../lists/api.ts';
import { LIST_CONFIGS } from '../lists/config.ts';
import { StatusTag } from '../lists/shared.tsx';
import { LIST_KINDS, type ListKind } from '../lists/types.ts';
import type { FeaturedItem } from './types.ts';

interface Option {
  value: string;
  label: string;
  item: FeaturedItem;
}

/** XQ-2026-001 汽车轻量化…: how a chosen item reads. */
function itemLabel(item: Pick<FeaturedItem, 'code' | 'title'>): string {
  return `${item.code} ${item.title}`;
}

interface Props {
  value?: string[];
  onChange?: (value: string[]) => void;
  /** The items featured already (a new search may no longer find them). */
  current: readonly FeaturedItem[];
  id?: string;
  'data-testid'?: string;
}

/**
 * 推介的需求与成果: technical demands, talent demands and achievements the
 * organiser can see, searched by code or title in the chosen list.
 */
export function FeaturedSelect({ value = [], onChange, current, id, 'data-testid': testId }: Props) {
  const t = useT();
  const [kind, setKind] = useState<ListKind>('demands');
  const [input, setInput] = useState('');
  const q = useDebounced(input.trim());
  const items = useListItems(kind, { page: 1, pageSize: 20, ...(q ? { q } : {}) });
  const [known, setKnown] = useState<ReadonlyMap<string, FeaturedItem>>(
    () => new Map(current.map((item) => [item.id, item])),
  );
  const found = useMemo(
    () =>
      (items.data?.items ?? []).map(
        (item): FeaturedItem => ({
          id: item.id,
          kind: item.kind,
          code: item.code,
          title: item.title,
          status: item.status,
        }),
      ),
    [items.data],
  );
  // Remember what the searches found, so the chosen items keep their names.
  useEffect(() => {
    if (found.length === 0) return;
    setKnown((before) => {
      const fresh = found.filter((item) => !before.has(item.id));
      return fresh.length === 0
        ? before
        : new Map([...before, ...fresh.map((item) => [item.id, item] as const)]);
    });
  }, [found]);

  const options: Option[] = found.map((item) => ({ value: item.id, label: itemLabel(item), item }));
  const labelOf = (chosen: unknown) => {
    const item = known.get(String(chosen));
    return item ? itemLabel(item) : String(chosen);
  };

  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }}>
      <Segmented<ListKind>
        size="small"
        value={kind}
        onChange={(next) => {
          setKind(next);
          setInput('');
        }}
        options={LIST_KINDS.map((k) => ({ value: k, label: t(LIST_CONFIGS[k].titleKey) }))}
      />
      <Select<string[], Option>
        id={id}
        mode="multiple"
        value={value}
        onChange={(next) => onChange?.(next)}
        labelRender={({ value: chosen }) => labelOf(chosen)}
        tagRender={({ value: chosen, closable, onClose }) => (
          <Tag
            closable={closable}
            onClose={onClose}
            onMouseDown={(event) => {
              event.preventDefault();
              event.stopPropagation();
            }}
            style={{ marginBlock: 2, marginInlineEnd: 4, maxWidth: 320 }}
          >
            <Typography.Text ellipsis style={{ maxWidth: 290, color: 'inherit' }}>
              {labelOf(chosen)}
            </Typography.Text>
          </Tag>
        )}
        showSearch
        filterOption={false}
        onSearch={setInput}
        onOpenChange={(open) => {
          if (!open) setInput('');
        }}
        allowClear
        loading={items.isFetching}
        options={options}
        placeholder={t('activities.form.featuredPlaceholder')}
        notFoundContent={items.isError ? errorMessage(items.error) : t('activities.form.featuredNone')}
        optionRender={(option) => (
          <Space size={6} data-testid="featured-option">
            <Tag style={{ marginInlineEnd: 0 }}>{option.data.item.code}</Tag>
            <Typography.Text>{option.data.item.title}</Typography.Text>
            <StatusTag status={option.data.item.status} />
          </Space>
        )}
        data-testid={testId}
      />
    </Space>
  );
}
