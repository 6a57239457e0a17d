import { Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../app/api.ts';
import { useT } from '../../app/i18n.tsx';
import { useDebounced } from '../../app/useDebounced.ts';
import { useRegistryList } from '../registry/api.ts';

/** A chosen record with its name, so that a new search does not lose how it reads. */
export interface Picked {
  value: string;
  label: string;
}

/**
 * Enterprises or talents of the registry (in the caller's region, not archived), found by name
 * or code as one types: one or several. Chosen records keep their names (labelInValue).
 */
export function RegistryPicker({
  kind,
  multiple = false,
  value,
  onChange,
  exclude = [],
  id,
  testId,
}: {
  kind: 'enterprises' | 'talents';
  multiple?: boolean;
  value?: Picked | Picked[];
  onChange?: (value: Picked | Picked[] | undefined) => void;
  exclude?: readonly string[];
  id?: string;
  testId: string;
}) {
  const t = useT();
  const [input, setInput] = useState('');
  const q = useDebounced(input.trim());
  const found = useRegistryList(kind, { page: 1, pageSize: 20, sort: 'name', q: q || undefined });
  const options = (found.data?.items ?? [])
    .filter((r) => !r.archived && !exclude.includes(r.id))
    .map((r) => ({
      value: r.id,
      label: `${r.name}（${r.code}）`,
      name: r.name,
      code: r.code,
      detail: r.regionName ?? '',
    }));
  return (
    <Select<Picked | Picked[]>
      id={id}
      mode={multiple ? 'multiple' : undefined}
      labelInValue
      showSearch
      allowClear
      filterOption={false}
      value={value}
      onChange={(next) => onChange?.(next)}
      onSearch={setInput}
      onOpenChange={(open) => {
        if (!open) setInput('');
      }}
      loading={found.isFetching}
      options={options}
      placeholder={t(kind === 'enterprises' ? 'standing.pick.enterprise' : 'standing.pick.talent')}
      notFoundContent={found.isError ? errorMessage(found.error) : t('standing.pick.none')}
      optionRender={(option) => (
        <Space size={6} wrap data-testid={`${testId}-option`}>
          <Typography.Text strong>{option.data.name}</Typography.Text>
          <Tag style={{ marginInlineEnd: 0 }}>{option.data.code}</Tag>
          {option.data.detail && <Typography.Text type="secondary">{option.data.detail}</Typography.Text>}
        </Space>
      )}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
