import { Tag, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n.tsx';
import { TOUCH_LINK } from '../../app/phone.tsx';
import {
  OCCURRENCE_STATE_NAMES,
  type OccurrenceState,
  SESSION_KIND_NAMES,
  type SessionKind,
} from './types.ts';

/*
 * What every standing page shows the same way, kept light: the home page's card imports it.
 */

/** done green, overdue red, due orange, planned grey. */
export const STATE_COLORS: Record<OccurrenceState, string> = {
  done: 'green',
  overdue: 'red',
  due: 'orange',
  planned: 'default',
};

/** 已完成 / 已逾期 / 即将到期 / 计划中 in its colour. */
export function StateTag({ state, style }: { state: OccurrenceState; style?: CSSProperties }) {
  const { pick } = useI18n();
  return (
    <Tag color={STATE_COLORS[state]} style={{ marginInlineEnd: 0, ...style }} data-testid="occurrence-state">
      {pick(OCCURRENCE_STATE_NAMES[state])}
    </Tag>
  );
}

/** 微沙龙, 团队走访 …: a session kind's name in the current language. */
export function useKindName(): (kind: SessionKind) => string {
  const { pick } = useI18n();
  return (kind) => pick(SESSION_KIND_NAMES[kind]);
}

/** The team's page with its plan open: where reminders and lists send people. */
export function planPath(teamId: string, year?: number): string {
  return `/teams/${teamId}?tab=plan${year ? `&year=${year}` : ''}`;
}

/** A commissioner's portfolio (特派员服务台账): an operator opens the one named; an expert sees their own. */
export function portfolioPath(talentId?: string | null): string {
  return talentId ? `/standing/portfolio?talentId=${encodeURIComponent(talentId)}` : '/standing/portfolio';
}

/**
 * Where an occurrence's subject is followed: a team's plan, the commissioner's portfolio, the
 * contact duties; null when there is no page for it.
 */
export function occurrencePath(o: {
  subject: 'team' | 'commission' | 'duty';
  teamId: string | null;
  commissionerId: string | null;
  dueOn: string;
}): string | null {
  if (o.subject === 'team') return o.teamId ? planPath(o.teamId, Number(o.dueOn.slice(0, 4))) : null;
  return o.subject === 'commission' ? portfolioPath(o.commissionerId) : '/standing/duties';
}

/**
 * An occurrence's subject label (the team, 张三 → 某公司, 李四 联系 王五) linked to where it is
 * followed (occurrencePath): a commissioner's visit opens that commissioner's portfolio. On a
 * phone the link is a full touch target.
 */
export function SubjectLink({
  occurrence,
  phone = false,
}: {
  occurrence: Parameters<typeof occurrencePath>[0] & { subjectLabel: string };
  phone?: boolean;
}) {
  const to = occurrencePath(occurrence);
  return to ? (
    <Link
      to={to}
      style={{ ...(phone ? TOUCH_LINK : {}), wordBreak: 'break-all' }}
      data-testid="occurrence-subject-link"
    >
      {occurrence.subjectLabel}
    </Link>
  ) : (
    <Typography.Text style={{ wordBreak: 'break-all' }}>{occurrence.subjectLabel}</Typography.Text>
  );
}
