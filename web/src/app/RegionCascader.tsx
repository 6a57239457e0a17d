import { Cascader } from 'antd';
import type { CSSProperties } from 'react';
import { useT } from './i18n.tsx';
import { type RegionNode, useRegions } from './regions.ts';

interface RegionCascaderProps {
  value?: string[];
  onChange?: (value: string[] | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: CSSProperties;
  id?: string;
}

/** Picks a province, city or county from the reference tree; searchable. */
export function RegionCascader({
  value,
  onChange,
  placeholder,
  allowClear = true,
  ...rest
}: RegionCascaderProps) {
  const t = useT();
  const regions = useRegions();
  return (
    <Cascader<RegionNode>
      {...rest}
      options={regions.data ?? []}
      loading={regions.isPending}
      notFoundContent={regions.isError ? t('region.loadFailed') : undefined}
      value={value}
      onChange={(next) => onChange?.(next && next.length > 0 ? next.map(String) : undefined)}
      placeholder={placeholder ?? t('region.placeholder')}
      allowClear={allowClear}
      changeOnSelect
      showSearch={{
        filter: (input, path) => path.some((option) => option.label.includes(input.trim())),
        limit: 50,
      }}
    />
  );
}
