import { AimOutlined } from '@ant-design/icons';
import { Card, Space, Tabs } from 'antd';
import { useT } from '../../app/i18n.tsx';
import { useSuggestions } from './api.ts';
import { MatchList, TARGET_KEYS } from './MatchList.tsx';
import { type MatchSource, type MatchTarget, SUGGESTION_TARGETS } from './types.ts';

interface Props {
  /** What the suggestions start from: a list item's kind, or `experts` for a talent record. */
  from: MatchSource;
  id: string;
  /** The tabs, in order; each source's usual targets by default. */
  targets?: readonly MatchTarget[];
}

/** 匹配推荐: what fits a record, one tab per kind of result (each asked for when first opened). */
export function SuggestionsPanel({ from, id, targets = SUGGESTION_TARGETS[from] }: Props) {
  const t = useT();
  if (targets.length === 0) return null;
  return (
    <Card
      title={
        <Space size={8}>
          <AimOutlined />
          {t('matching.suggestions')}
        </Space>
      }
      data-testid="suggestions-panel"
    >
      <Tabs
        items={targets.map((target) => ({
          key: target,
          label: t(TARGET_KEYS[target]),
          children: <SuggestionsTab from={from} id={id} against={target} />,
        }))}
      />
    </Card>
  );
}

function SuggestionsTab({ from, id, against }: { from: MatchSource; id: string; against: MatchTarget }) {
  const suggestions = useSuggestions(from, id, against);
  return (
    <MatchList
      against={against}
      response={suggestions.data}
      loading={suggestions.isFetching}
      error={suggestions.error}
      onRetry={() => void suggestions.refetch()}
    />
  );
}
