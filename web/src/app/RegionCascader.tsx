import { Cascader } from 'antd';
import type { CSSProperties } from 'react';
import { useT } from './i18n.tsx';
import { type RegionNode, regionBranch, useRegions } from './regions.ts';

interface RegionCascaderProps {
  value?: string[];
  onChange?: (value: string[] | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: CSSProperties;
  id?: string;
  /**
   * Offer only this region and what lies below it (an account's own scope); the
   * value is then a path from this region down. Absent: every region.
   */
  within?: string | null;
  'data-testid'?: string;
}

/** Picks a province, city or county from the reference tree; searchable. */
export function RegionCascader({
  value,
  onChange,
  placeholder,
  allowClear = true,
  within,
  ...rest
}: RegionCascaderProps) {
  const t = useT();
  const regions = useRegions();
  return (
    <Cascader<RegionNode>
      {...rest}
      options={within ? regionBranch(regions.data, within) : (regions.data ?? [])}
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
