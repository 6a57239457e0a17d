import { EditOutlined, LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Row, Space, Tag, Typography, theme } from 'antd';
import { useState } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { chinaToday, EMPTY } from '../../app/format.ts';
import { useI18n } from '../../app/i18n.tsx';
import { PageError, PageLoading } from '../../app/PageState.tsx';
import { TouchTargets, usePhone } from '../../app/phone.tsx';
import { useCan } from '../../app/session.ts';
import { usePlan } from './api.ts';
import { PlanFormDrawer } from './PlanFormDrawer.tsx';
import { RecordDialog } from './RecordDialog.tsx';
import { STATE_COLORS, StateTag, useKindName } from './shared.tsx';
import {
  MONTHS,
  OCCURRENCE_STATE_NAMES,
  type OccurrenceView,
  PERIOD_NAMES,
  type PlanView,
  SERVICE_KIND_NAMES,
  SERVICE_KINDS,
  TEAM_SESSION_KINDS,
  type Tally,
} from './types.ts';

/** The years a team's plan is looked at in: from 2000 to 2100, as the server takes them. */
function yearOf(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : fallback;
}

/**
 * 年度计划: a team's "1346" plan for a year — the cadence, the four service lines, the goal
 * and milestones — and the year as a calendar of its sessions, coloured by where they stand,
 * each opening its record or the form that records it. The year is kept in the URL.
 */
export function PlanPanel({ team }: { team: { id: string; archived: boolean } }) {
  const { t } = useI18n();
  const location = useLocation();
  const [searchParams, setSearchParams] = useSearchParams();
  const year = yearOf(searchParams.get('year'), Number(chinaToday().slice(0, 4)));
  const plan = usePlan(team.id, year);
  const canManage = useCan('teams.manage');
  const phone = usePhone();
  const [editing, setEditing] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const setYear = (next: number) => {
    const params = new URLSearchParams(searchParams);
    params.set('year', String(next));
    setSearchParams(params, { replace: true, state: location.state });
  };

  const data = plan.data;
  // The session opened, as the plan has it now (after a record, with its record).
  const opened = open ? data?.occurrences.find((o) => o.id === open) : undefined;
  return (
    <TouchTargets on={phone}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="plan-panel">
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space size={4}>
            <Button
              icon={<LeftOutlined />}
              onClick={() => setYear(year - 1)}
              disabled={year <= 2000}
              aria-label={t('standing.plan.previousYear')}
            />
            <Typography.Text strong style={{ fontSize: 16, padding: '0 8px' }} data-testid="plan-year">
              {t('standing.plan.yearTitle', { year })}
            </Typography.Text>
            <Button
              icon={<RightOutlined />}
              onClick={() => setYear(year + 1)}
              disabled={year >= 2100}
              aria-label={t('standing.plan.nextYear')}
            />
          </Space>
          {data && canManage && !team.archived && (
            <Button
              type={data.id ? 'default' : 'primary'}
              icon={data.id ? <EditOutlined /> : <PlusOutlined />}
              onClick={() => setEditing(true)}
              data-testid={data.id ? 'plan-edit' : 'plan-create'}
            >
              {data.id ? t('standing.plan.edit') : t('standing.plan.create')}
            </Button>
          )}
        </Space>
        {plan.isError && !data ? (
          <PageError error={plan.error} onRetry={() => void plan.refetch()} />
        ) : !data ? (
          <PageLoading />
        ) : (
          <PlanBody plan={data} onOpen={setOpen} />
        )}
      </Space>
      {editing && data && (
        <PlanFormDrawer teamId={team.id} year={year} plan={data} onClose={() => setEditing(false)} />
      )}
      {opened && data && (
        <RecordDialog occurrence={opened} today={data.today} onClose={() => setOpen(null)} />
      )}
    </TouchTargets>
  );
}

function PlanBody({ plan, onOpen }: { plan: PlanView; onOpen: (id: string) => void }) {
  const { t, pick } = useI18n();
  const kindName = useKindName();
  const cadenceLine = (kind: (typeof TEAM_SESSION_KINDS)[number]) => {
    const c = plan.cadence[kind];
    return c.count === 0
      ? t('standing.plan.none')
      : t('standing.plan.cadenceLine', { period: pick(PERIOD_NAMES[c.period]), count: c.count });
  };
  return (
    <>
      {plan.id === null && (
        <Alert type="info" showIcon message={t('standing.plan.noPlan')} data-testid="plan-missing" />
      )}
      {!plan.calendarKnown && (
        <Alert
          type="warning"
          showIcon
          message={t('standing.plan.calendarUnknown')}
          data-testid="plan-calendar-unknown"
        />
      )}
      <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 2, xl: 3 }} data-testid="plan-cadence">
        {TEAM_SESSION_KINDS.map((kind) => (
          <Descriptions.Item key={kind} label={kindName(kind)}>
            {cadenceLine(kind)}
          </Descriptions.Item>
        ))}
      </Descriptions>
      {plan.id !== null && (
        <Descriptions size="small" column={1} data-testid="plan-services">
          {SERVICE_KINDS.map((kind) => (
            <Descriptions.Item key={kind} label={pick(SERVICE_KIND_NAMES[kind])}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{plan.services[kind] ?? EMPTY}</span>
            </Descriptions.Item>
          ))}
          <Descriptions.Item label={t('standing.plan.goal')}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{plan.goal ?? EMPTY}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('standing.plan.milestones')}>
            {plan.milestones.length === 0 ? (
              EMPTY
            ) : (
              <Space direction="vertical" size={2}>
                {plan.milestones.map((m) => (
                  <span key={`${m.year}-${m.text}`}>
                    {m.year}：{m.text}
                  </span>
                ))}
              </Space>
            )}
          </Descriptions.Item>
        </Descriptions>
      )}
      {plan.id !== null && <KindTallies plan={plan} />}
      {plan.id !== null && <YearCalendar plan={plan} onOpen={onOpen} />}
    </>
  );
}

/** Per kind of session: done out of planned, and how many are overdue or due. */
function KindTallies({ plan }: { plan: PlanView }) {
  const { pick } = useI18n();
  const kindName = useKindName();
  return (
    <Row gutter={[8, 8]} data-testid="plan-kind-tallies">
      {TEAM_SESSION_KINDS.filter((kind) => (plan.byKind[kind]?.planned ?? 0) > 0).map((kind) => {
        const tally = plan.byKind[kind]!;
        return (
          <Col key={kind} xs={12} sm={8} lg={4}>
            <Card size="small" data-testid={`plan-kind-${kind}`}>
              <Typography.Text type="secondary">{kindName(kind)}</Typography.Text>
              <div style={{ fontSize: 20, fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}>
                {tally.done}/{tally.planned}
              </div>
              <Space size={4} wrap>
                {tally.overdue > 0 && (
                  <Tag color="red">
                    {pick(OCCURRENCE_STATE_NAMES.overdue)} {tally.overdue}
                  </Tag>
                )}
                {tally.due > 0 && (
                  <Tag color="orange">
                    {pick(OCCURRENCE_STATE_NAMES.due)} {tally.due}
                  </Tag>
                )}
              </Space>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}

/** The year as twelve months, each with its sessions as chips and its done / planned. */
function YearCalendar({ plan, onOpen }: { plan: PlanView; onOpen: (id: string) => void }) {
  const { t } = useI18n();
  const byMonth = new Map<number, OccurrenceView[]>();
  for (const o of plan.occurrences) {
    const month = Number(o.dueOn.slice(5, 7));
    byMonth.set(month, [...(byMonth.get(month) ?? []), o]);
  }
  const thisMonth = plan.today.startsWith(String(plan.year)) ? Number(plan.today.slice(5, 7)) : 0;
  return (
    <div>
      <Space size={[12, 4]} wrap style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('standing.plan.calendar')}</Typography.Text>
        <Legend />
      </Space>
      <Row gutter={[12, 12]} data-testid="plan-calendar">
        {MONTHS.map((month) => (
          <Col key={month} xs={24} sm={12} lg={8} xxl={6}>
            <MonthCard
              month={month}
              current={month === thisMonth}
              tally={plan.byMonth[month - 1]}
              sessions={byMonth.get(month) ?? []}
              onOpen={onOpen}
            />
          </Col>
        ))}
      </Row>
    </div>
  );
}

function Legend() {
  return (
    <Space size={4} wrap>
      {(['done', 'overdue', 'due', 'planned'] as const).map((state) => (
        <StateTag key={state} state={state} />
      ))}
    </Space>
  );
}

function MonthCard({
  month,
  current,
  tally,
  sessions,
  onOpen,
}: {
  month: number;
  current: boolean;
  tally: Tally | undefined;
  sessions: OccurrenceView[];
  onOpen: (id: string) => void;
}) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const kindName = useKindName();
  // On a phone (a member following a reminder's link) each session is a full touch target.
  const phone = usePhone();
  return (
    <Card
      size="small"
      title={t('standing.month', { month })}
      extra={
        <Typography.Text
          type={tally && tally.overdue > 0 ? 'danger' : 'secondary'}
          data-testid="plan-month-tally"
        >
          {t('standing.monthTally', { done: tally?.done ?? 0, planned: tally?.planned ?? 0 })}
        </Typography.Text>
      }
      style={{ height: '100%', ...(current ? { borderColor: token.colorPrimary } : {}) }}
      data-testid={`plan-month-${month}`}
    >
      {sessions.length === 0 ? (
        <Typography.Text type="secondary">{EMPTY}</Typography.Text>
      ) : (
        <Space size={[6, 6]} wrap>
          {sessions.map((o) => (
            <Tag
              key={o.id}
              color={STATE_COLORS[o.state]}
              role="button"
              tabIndex={0}
              onClick={() => onOpen(o.id)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') onOpen(o.id);
              }}
              style={{
                marginInlineEnd: 0,
                cursor: 'pointer',
                fontSize: 13,
                ...(phone
                  ? { display: 'inline-flex', alignItems: 'center', minHeight: 44, padding: '0 12px' }
                  : { padding: '4px 8px' }),
              }}
              title={`${kindName(o.kind)} · ${o.periodLabel}`}
              data-testid="plan-session"
              data-state={o.state}
              data-kind={o.kind}
            >
              {kindName(o.kind)} {o.dueOn.slice(5)}
            </Tag>
          ))}
        </Space>
      )}
    </Card>
  );
}
