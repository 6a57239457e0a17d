import {
  Alert,
  Avatar,
  Button,
  Checkbox,
  Empty,
  List,
  Space,
  Spin,
  Tag,
  Tooltip,
  Typography,
  theme,
} from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../app/api.ts';
import { type MessageKey, type Translate, useT } from '../../app/i18n.tsx';
import { useCurrentUser } from '../../app/session.ts';
import { StatusTag } from '../lists/shared.tsx';
import type { MatchReason, MatchResponse, MatchResult, MatchTarget } from './types.ts';

export const TARGET_KEYS: Record<MatchTarget, MessageKey> = {
  experts: 'matching.target.experts',
  achievements: 'matching.target.achievements',
  institutions: 'matching.target.institutions',
  demands: 'matching.target.demands',
  'talent-demands': 'matching.target.talentDemands',
};

/** Where a result's record is, and the permission needed to open it. */
const RECORD_PAGES: Record<string, { base: string; permission: string }> = {
  experts: { base: '/registry/talents', permission: 'registry.read' },
  talents: { base: '/registry/talents', permission: 'registry.read' },
  institutions: { base: '/registry/institutions', permission: 'registry.read' },
  enterprises: { base: '/registry/enterprises', permission: 'registry.read' },
  demands: { base: '/lists/demands', permission: 'lists.read' },
  'talent-demands': { base: '/lists/talent-demands', permission: 'lists.read' },
  achievements: { base: '/lists/achievements', permission: 'lists.read' },
};

/** The page of a result (by its kind, else the kind searched), or null when this account cannot open it. */
export function useRecordLink(): (result: MatchResult, against: string) => string | null {
  const me = useCurrentUser();
  return (result, against) => {
    const page = RECORD_PAGES[result.kind] ?? RECORD_PAGES[against];
    if (!page || !me.permissions.includes(page.permission)) return null;
    return `${page.base}/${encodeURIComponent(result.id)}`;
  };
}

const FACTOR_COLORS: Record<string, string> = {
  text: 'geekblue',
  topic: 'geekblue',
  discipline: 'blue',
  industry: 'cyan',
  region: 'green',
  load: 'orange',
  outcome: 'gold',
  members: 'purple',
};

function decimal(value: number): string {
  return value.toLocaleString('zh-CN', { maximumFractionDigits: 2, minimumFractionDigits: 0 });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The label with the terms that hit marked where it names them; terms it does not name follow it. */
function Highlighted({ label, terms }: { label: string; terms: readonly string[] }) {
  const t = useT();
  const distinct = [...new Set(terms)].filter(Boolean).sort((a, b) => b.length - a.length);
  if (distinct.length === 0) return <>{label}</>;
  const pattern = new RegExp(`(${distinct.map(escapeRegExp).join('|')})`, 'g');
  // split with a capture group: odd positions are the terms.
  const parts = label.split(pattern);
  const rest = distinct.filter((term) => !label.includes(term));
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one label, in order, never reordered.
          <mark key={index}>{part}</mark>
        ) : (
          part
        ),
      )}
      {rest.length > 0 && (
        <>
          {' '}
          {t('matching.terms')}
          {rest.map((term, index) => (
            <span key={term}>
              {index > 0 && '、'}
              <mark>{term}</mark>
            </span>
          ))}
        </>
      )}
    </>
  );
}

/** One reason as a chip, the terms that hit highlighted; its weight on hover. */
function Reason({ reason }: { reason: MatchReason }) {
  const t = useT();
  return (
    <Tooltip title={t('matching.reasonValue', { value: decimal(reason.value) })}>
      <Tag
        color={FACTOR_COLORS[reason.factor] ?? 'default'}
        style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}
        data-testid="match-reason"
      >
        <Highlighted label={reason.label} terms={reason.terms ?? []} />
      </Tag>
    </Tooltip>
  );
}

/** Results the user may pick from (the dispatch dialog): a checkbox before each. */
export interface MatchSelection {
  selected: readonly string[];
  onToggle: (result: MatchResult, checked: boolean) => void;
}

function ResultItem({
  result,
  rank,
  against,
  compact,
  selection,
  badge,
}: {
  result: MatchResult;
  rank: number;
  against: string;
  compact: boolean;
  selection: MatchSelection | undefined;
  badge: ((result: MatchResult) => ReactNode) | undefined;
}) {
  const t = useT();
  const { token } = theme.useToken();
  const link = useRecordLink()(result, against);
  const details = [result.summary.subtitle, result.summary.regionName].filter(Boolean).join(' · ');
  return (
    <List.Item
      data-testid="match-result"
      extra={
        <Space direction="vertical" size={0} style={{ textAlign: 'right', minWidth: 72 }}>
          <Tooltip title={t('matching.scoreHelp')}>
            <Typography.Text type="secondary" style={{ fontSize: 12, cursor: 'help' }}>
              {t('matching.score')}
            </Typography.Text>
          </Tooltip>
          <Typography.Text strong style={{ fontSize: 18, color: token.colorPrimary }}>
            {decimal(result.score)}
          </Typography.Text>
        </Space>
      }
    >
      <List.Item.Meta
        avatar={
          <Space size={8}>
            {selection && (
              <Checkbox
                checked={selection.selected.includes(result.id)}
                onChange={(event) => selection.onToggle(result, event.target.checked)}
                aria-label={result.name}
                data-testid="match-select"
              />
            )}
            <Avatar
              size="small"
              style={{
                background: rank <= 3 ? token.colorPrimary : token.colorFillSecondary,
                color: rank <= 3 ? token.colorWhite : token.colorText,
              }}
            >
              {rank}
            </Avatar>
          </Space>
        }
        title={
          <Space size={6} wrap>
            {link ? <Link to={link}>{result.name}</Link> : <span>{result.name}</span>}
            {result.code && <Tag style={{ marginInlineEnd: 0 }}>{result.code}</Tag>}
            {result.summary.status && <StatusTag status={result.summary.status} />}
            {badge?.(result)}
          </Space>
        }
        description={
          <Space direction="vertical" size={4} style={{ width: '100%' }}>
            {details && <Typography.Text type="secondary">{details}</Typography.Text>}
            {result.summary.tags.length > 0 && (
              <Space size={[4, 4]} wrap>
                {result.summary.tags.map((tag) => (
                  <Tag key={tag} color="blue" bordered={false} style={{ marginInlineEnd: 0 }}>
                    {tag}
                  </Tag>
                ))}
              </Space>
            )}
            {!compact && result.reasons.length > 0 && (
              <Space size={[12, 4]} wrap>
                <Typography.Text type="secondary">{t('matching.reasons')}</Typography.Text>
                {result.reasons.map((reason, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: reasons have no id and come in a fixed order.
                  <Reason key={index} reason={reason} />
                ))}
              </Space>
            )}
          </Space>
        }
      />
    </List.Item>
  );
}

/** How many were found and how long it took. */
export function tookText(t: Translate, response: MatchResponse): string {
  return t('matching.took', { count: response.items.length, ms: response.tookMs });
}

interface Props {
  /** What was searched, to link results whose kind is not named. */
  against: string;
  response: MatchResponse | undefined;
  loading: boolean;
  error: unknown;
  onRetry?: () => void;
  /** Leave the reasons out (a card on the home page). */
  compact?: boolean;
  emptyText?: string;
  /** Let the user pick results. */
  selection?: MatchSelection;
  /** Something the caller knows about a result, shown after its name (the user's own order for it …). */
  badge?: (result: MatchResult) => ReactNode;
}

/** Results best first: rank, name (linked where this account may open it), summary, score and why. */
export function MatchList({
  against,
  response,
  loading,
  error,
  onRetry,
  compact = false,
  emptyText,
  selection,
  badge,
}: Props) {
  const t = useT();
  if (error && !response) {
    return (
      <Alert
        type="error"
        showIcon
        message={errorMessage(error)}
        action={
          onRetry ? (
            <Button size="small" onClick={onRetry}>
              {t('common.retry')}
            </Button>
          ) : undefined
        }
      />
    );
  }
  if (!response) {
    return loading ? (
      <div style={{ display: 'flex', justifyContent: 'center', padding: 32 }}>
        <Spin />
      </div>
    ) : null;
  }
  if (response.items.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText ?? t('matching.empty')} />;
  }
  return (
    <List<MatchResult>
      itemLayout="vertical"
      size="small"
      loading={loading}
      dataSource={response.items}
      data-testid="match-results"
      renderItem={(result, index) => (
        <ResultItem
          result={result}
          rank={index + 1}
          against={against}
          compact={compact}
          selection={selection}
          badge={badge}
        />
      )}
      footer={
        compact ? undefined : (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {tookText(t, response)}
          </Typography.Text>
        )
      }
    />
  );
}
