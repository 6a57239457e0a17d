import { Select, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { errorMessage } from '../../app/api.ts';
import { ChosenTag } from '../../app/ChosenTag.tsx';
import { useT } from '../../app/i18n.tsx';
import { useDebounced } from '../../app/useDebounced.ts';
import { useRegistryList } from '../registry/api.ts';
import type { TalentListItem } from '../registry/types.ts';

/** An expert as the form knows them: enough to name them in the select and the duty list. */
export interface ExpertOption {
  id: string;
  name: string;
  /** ZJ-0001; the demo (and real offices) have experts of the same name. */
  code?: string;
  /** 职称 · 工作单位 · 地区. */
  detail?: string;
}

interface SelectOption {
  value: string;
  label: string;
  expert: ExpertOption;
}

export function expertOf(talent: TalentListItem): ExpertOption {
  return {
    id: talent.id,
    name: talent.name,
    code: talent.code,
    detail: [talent.title?.name, talent.employerName, talent.regionName].filter(Boolean).join(' · '),
  };
}

/** 王雪梅（ZJ-0002）: how a chosen expert reads. */
export function expertLabel(expert: ExpertOption): string {
  return expert.code ? `${expert.name}（${expert.code}）` : expert.name;
}

interface Props {
  value?: string | string[];
  onChange?: (value: string | string[] | undefined) => void;
  /** Several experts (the members) rather than one (the leader). */
  multiple?: boolean;
  /** Experts by id, to name the chosen ones (a new search may no longer find them). */
  known: ReadonlyMap<string, ExpertOption>;
  /** Told of the experts each search found, so that `known` can name them. Keep it stable. */
  onSeen: (experts: ExpertOption[]) => void;
  /** Experts not offered (the leader, among the members). */
  exclude?: readonly string[];
  placeholder?: string;
  id?: string;
  'data-testid'?: string;
}

/**
 * Experts of the registry (not archived), found by name or code as one types.
 * The registry scopes the search to the caller's region.
 */
export function ExpertSelect({
  value,
  onChange,
  multiple = false,
  known,
  onSeen,
  exclude = [],
  placeholder,
  id,
  'data-testid': testId,
}: Props) {
  const t = useT();
  const [input, setInput] = useState('');
  const q = useDebounced(input.trim());
  const experts = useRegistryList('talents', {
    page: 1,
    pageSize: 20,
    sort: 'name',
    expert: 'true',
    q: q || undefined,
  });
  const found = useMemo(
    () => (experts.data?.items ?? []).filter((talent) => talent.isExpert && !talent.archived).map(expertOf),
    [experts.data],
  );
  useEffect(() => {
    if (found.length > 0) onSeen(found);
  }, [found, onSeen]);

  // The list shows what the search found; the chosen experts are named from `known`.
  const options: SelectOption[] = found
    .filter((expert) => !exclude.includes(expert.id))
    .map((expert) => ({ value: expert.id, label: expertLabel(expert), expert }));
  const labelOf = (chosen: unknown) => {
    const expert = known.get(String(chosen));
    return expert ? expertLabel(expert) : String(chosen);
  };

  return (
    <Select<string | string[], SelectOption>
      id={id}
      mode={multiple ? 'multiple' : undefined}
      value={value}
      onChange={(next) => onChange?.(next)}
      labelRender={({ value: chosen }) => labelOf(chosen)}
      tagRender={({ value: chosen, closable, onClose }) => (
        <ChosenTag closable={closable} onClose={onClose} testId="expert-tag">
          {labelOf(chosen)}
        </ChosenTag>
      )}
      showSearch
      filterOption={false}
      onSearch={setInput}
      onOpenChange={(open) => {
        if (!open) setInput('');
      }}
      allowClear
      loading={experts.isFetching}
      options={options}
      placeholder={placeholder ?? t('teams.form.expertPlaceholder')}
      notFoundContent={experts.isError ? errorMessage(experts.error) : t('teams.form.noExperts')}
      optionRender={(option) => {
        const expert = option.data.expert;
        return (
          <Space size={6} wrap data-testid="expert-option">
            <Typography.Text strong>{expert.name}</Typography.Text>
            {expert.code && <Tag style={{ marginInlineEnd: 0 }}>{expert.code}</Tag>}
            {expert.detail && <Typography.Text type="secondary">{expert.detail}</Typography.Text>}
          </Space>
        );
      }}
      data-testid={testId}
    />
  );
}
