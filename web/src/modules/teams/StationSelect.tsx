import { Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../app/api.ts';
import { useT } from '../../app/i18n.tsx';
import { useDebounced } from '../../app/useDebounced.ts';
import { useRegistryList } from '../registry/api.ts';

/** A station as the form knows it: enough to name the chosen one when a search no longer finds it. */
export interface StationOption {
  id: string;
  name: string;
  code?: string;
  detail?: string;
}

/**
 * A talent station (人才驿站) of the registry, found by name or code as one types; the registry
 * scopes the search to the caller's region. Each shows its liaison.
 */
export function StationSelect({
  value,
  onChange,
  current,
  id,
  'data-testid': testId,
}: {
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** The team's station as read, named until a search finds it. */
  current?: StationOption | null;
  id?: string;
  'data-testid'?: string;
}) {
  const t = useT();
  const [input, setInput] = useState('');
  const q = useDebounced(input.trim());
  const stations = useRegistryList('stations', { page: 1, pageSize: 20, sort: 'name', q: q || undefined });
  const [known, setKnown] = useState<ReadonlyMap<string, StationOption>>(
    () => new Map(current ? [[current.id, current]] : []),
  );
  const found: StationOption[] = (stations.data?.items ?? [])
    .filter((s) => !s.archived)
    .map((s) => ({
      id: s.id,
      name: s.name,
      code: s.code,
      detail: [s.liaisonName && `${t('teams.liaison')} ${s.liaisonName}`, s.regionName]
        .filter(Boolean)
        .join(' · '),
    }));
  useEffect(() => {
    if (found.length === 0) return;
    setKnown((before) => {
      if (found.every((s) => before.has(s.id))) return before;
      return new Map([...before, ...found.map((s) => [s.id, s] as const)]);
    });
  }, [found]);
  const label = (station: StationOption | undefined, chosen: unknown) =>
    station ? (station.code ? `${station.name}（${station.code}）` : station.name) : String(chosen);
  return (
    <Select
      id={id}
      showSearch
      allowClear
      filterOption={false}
      value={value}
      onChange={(next?: string) => onChange?.(next)}
      onSearch={setInput}
      onOpenChange={(open) => {
        if (!open) setInput('');
      }}
      labelRender={({ value: chosen }) => label(known.get(String(chosen)), chosen)}
      loading={stations.isFetching}
      options={found.map((s) => ({ value: s.id, label: label(s, s.id), station: s }))}
      notFoundContent={stations.isError ? errorMessage(stations.error) : undefined}
      optionRender={(option) => (
        <Space size={6} wrap data-testid="station-option">
          <Typography.Text strong>{option.data.station.name}</Typography.Text>
          {option.data.station.detail && (
            <Typography.Text type="secondary">{option.data.station.detail}</Typography.Text>
          )}
        </Space>
      )}
      data-testid={testId}
    />
  );
}
