import { LEVEL_FLOORS, MATCH_LEVELS, type MatchLevel } from '@server/modules/matching/constants.ts';
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
import { TOUCH_LINK, usePhone } from '../../app/phone.tsx';
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

const LEVEL_COLORS: Record<MatchLevel, string> = { high: 'green', medium: 'blue', low: 'default' };

/** A level's range of 匹配度: its floor, and the last score below the next level up (none for the top). */
function levelRange(level: MatchLevel): { floor: number; below: number | null } {
  const up = MATCH_LEVELS[MATCH_LEVELS.indexOf(level) - 1];
  return { floor: LEVEL_FLOORS[level], below: up ? LEVEL_FLOORS[up] - 1 : null };
}

/** What a level means, in a sentence (shown on hover of a result's level). */
function levelHelp(t: Translate, level: MatchLevel): string {
  const { floor, below } = levelRange(level);
  return t(`matching.levelHelp.${level}`, { floor, below: below ?? '' });
}

/** The scale and its levels, in a sentence (shown on hover of 匹配度). */
function scoreHelp(t: Translate): string {
  return t('matching.scoreHelp', {
    high: LEVEL_FLOORS.high,
    highBelow: LEVEL_FLOORS.high - 1,
    medium: LEVEL_FLOORS.medium,
    mediumBelow: LEVEL_FLOORS.medium - 1,
    low: LEVEL_FLOORS.low,
  });
}

/** The levels and what each means, above a list: the meaning of a score is written beside it. */
function LevelLegend() {
  const t = useT();
  return (
    <Space size={[12, 4]} wrap data-testid="match-legend">
      <Tooltip title={scoreHelp(t)}>
        <Typography.Text type="secondary" style={{ fontSize: 12, cursor: 'help' }}>
          {t('matching.legend')}
        </Typography.Text>
      </Tooltip>
      {MATCH_LEVELS.map((level) => {
        const { floor, below } = levelRange(level);
        return (
          <Tooltip key={level} title={levelHelp(t, level)}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              <Tag color={LEVEL_COLORS[level]} style={{ marginInlineEnd: 4 }}>
                {t(`matching.level.${level}`)}
              </Tag>
              {below === null ? `≥ ${floor}` : `${floor}–${below}`} {t(`matching.levelMeaning.${level}`)}
            </Typography.Text>
          </Tooltip>
        );
      })}
    </Space>
  );
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

/**
 * One reason as a chip, the terms that hit highlighted; on hover, its share of what the result's reasons
 * add up to (their values are on the engine's own scale, not the 匹配度's).
 */
function Reason({ reason, total }: { reason: MatchReason; total: number }) {
  const t = useT();
  const share = total > 0 ? Math.round((100 * Math.abs(reason.value)) / total) : 0;
  return (
    <Tooltip title={t(reason.value < 0 ? 'matching.reasonPenalty' : 'matching.reasonShare', { share })}>
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
  const total = result.reasons.reduce((sum, reason) => sum + Math.abs(reason.value), 0);
  const phone = usePhone();
  return (
    <List.Item
      data-testid="match-result"
      extra={
        <Space direction="vertical" size={0} style={{ textAlign: 'right', minWidth: 72 }}>
          <Tooltip title={scoreHelp(t)}>
            <Typography.Text type="secondary" style={{ fontSize: 12, cursor: 'help' }}>
              {t('matching.score')}
            </Typography.Text>
          </Tooltip>
          <Typography.Text
            strong
            style={{ fontSize: 18, color: token.colorPrimary }}
            data-testid="match-score"
          >
            {result.score}
          </Typography.Text>
          <Tooltip title={levelHelp(t, result.level)}>
            <Tag color={LEVEL_COLORS[result.level]} style={{ marginInlineEnd: 0 }} data-testid="match-level">
              {t(`matching.level.${result.level}`)}
            </Tag>
          </Tooltip>
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
            {link ? (
              <Link to={link} style={phone ? TOUCH_LINK : undefined}>
                {result.name}
              </Link>
            ) : (
              <span>{result.name}</span>
            )}
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
                  <Reason key={index} reason={reason} total={total} />
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
  // Results below the lowest level are not shown: say how many, and what would find better ones (the
  // server's advice suits what was asked: a record's keywords, one's own profile, a more specific text).
  const hidden =
    response.hidden > 0 ? (
      <Alert
        type="info"
        showIcon
        data-testid="match-hidden"
        message={t(response.items.length === 0 ? 'matching.hiddenAll' : 'matching.hidden', {
          count: response.hidden,
          floor: LEVEL_FLOORS.low,
        })}
        description={response.advice}
      />
    ) : null;
  if (response.items.length === 0) {
    return (
      hidden ?? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText ?? t('matching.empty')} />
    );
  }
  return (
    <List<MatchResult>
      itemLayout="vertical"
      size="small"
      loading={loading}
      dataSource={response.items}
      data-testid="match-results"
      header={compact ? undefined : <LevelLegend />}
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
        compact && !hidden ? undefined : (
          <Space direction="vertical" size={8} style={{ width: '100%' }}>
            {hidden}
            {!compact && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {tookText(t, response)}
              </Typography.Text>
            )}
          </Space>
        )
      }
    />
  );
}
