import { Button, Card, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { chinaToday, EMPTY, formatDate } from '../../app/format.ts';
import { useI18n } from '../../app/i18n.tsx';
import { ListPageCard, ListTable, useListPaging, useListUrl } from '../../app/listPage.tsx';
import { listParams, param } from '../../app/listParams.ts';
import { PageError } from '../../app/PageState.tsx';
import { usePhone } from '../../app/phone.tsx';
import { useDocumentTitle } from '../../app/title.ts';
import { useOccurrences, useOverview } from './api.ts';
import { RecordDialog } from './RecordDialog.tsx';
import { occurrencePath, planPath, StateTag, useKindName } from './shared.tsx';
import {
  MONTHS,
  OCCURRENCE_STATE_NAMES,
  OCCURRENCE_STATES,
  type OccurrenceView,
  type OverviewView,
  SUBJECT_NAMES,
  SUBJECTS,
  type Subject,
  type Tally,
} from './types.ts';

type OverviewTeam = OverviewView['teams'][number];
type OverviewCommissioner = OverviewView['commissioners'][number];
type OverviewAssignee = OverviewView['assignees'][number];

const VIEWS = ['teams', 'commissioners', 'assignees'] as const;
type View = (typeof VIEWS)[number];

/**
 * The page's URL: the year, the overview's tab, and the sessions listed below the overview
 * (overdue unless asked; every subject unless one is chosen).
 */
const standingParams = listParams<{
  year?: string;
  view?: View;
  state?: (typeof OCCURRENCE_STATES)[number];
  subject?: Subject;
}>(
  {
    year: ((value) => (value && /^(20\d\d|2100)$/.test(value) ? value : undefined)) as (
      value: string | null,
    ) => string | undefined,
    view: param.oneOf(VIEWS),
    state: param.oneOf(OCCURRENCE_STATES),
    subject: param.oneOf(SUBJECTS),
  },
  { state: 'overdue', view: 'teams' },
);

/**
 * 常态化服务: every team of the region with its plan fulfilment per month (a red month has
 * sessions overdue), and below it the region's sessions overdue or due soon, each opening its
 * record or the form that records it.
 */
export function StandingPage() {
  const { t } = useI18n();
  const kindName = useKindName();
  useDocumentTitle('menu.standing');
  const url = useListUrl(standingParams);
  const params = url.params;
  const year = Number(params.year ?? chinaToday().slice(0, 4));
  const state = params.state ?? 'overdue';
  const view = params.view ?? 'teams';
  const overview = useOverview(year);
  const sessions = useOccurrences({
    page: params.page,
    pageSize: params.pageSize,
    state,
    ...(params.subject ? { subject: params.subject } : {}),
    from: `${year}-01-01`,
    to: `${year}-12-31`,
  });
  const { apply, paging } = useListPaging(url, sessions);
  const [open, setOpen] = useState<OccurrenceView | null>(null);
  const years = [year - 2, year - 1, year, year + 1].filter((y) => y >= 2000 && y <= 2100);

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <ListPageCard
        title={t('standing.overview.title')}
        extra={
          <Select
            value={year}
            onChange={(next: number) => apply({ ...params, year: String(next), page: 1 })}
            options={years.map((y) => ({ value: y, label: t('standing.plan.yearTitle', { year: y }) }))}
            style={{ width: 140 }}
            data-testid="standing-year"
          />
        }
      >
        <Typography.Paragraph type="secondary">{t('standing.overview.help')}</Typography.Paragraph>
        {overview.isError && !overview.data ? (
          <PageError error={overview.error} onRetry={() => void overview.refetch()} />
        ) : (
          <Tabs
            activeKey={view}
            onChange={(next) => apply({ ...params, view: next as View })}
            items={[
              {
                key: 'teams',
                label: t('menu.teams'),
                children: <OverviewTable data={overview.data} loading={overview.isFetching} />,
              },
              {
                key: 'commissioners',
                label: t('standing.overview.commissioners'),
                children: (
                  <PeopleTable kind="commissioners" data={overview.data} loading={overview.isFetching} />
                ),
              },
              {
                key: 'assignees',
                label: t('standing.overview.assignees'),
                children: <PeopleTable kind="assignees" data={overview.data} loading={overview.isFetching} />,
              },
            ]}
            data-testid="standing-overview-tabs"
          />
        )}
      </ListPageCard>
      <ListPageCard
        title={t('standing.sessions.title')}
        extra={
          <Space wrap>
            <Select<Subject>
              allowClear
              value={params.subject}
              onChange={(subject?: Subject) => apply({ ...params, subject, page: 1 })}
              options={SUBJECTS.map((s) => ({ value: s, label: t(SUBJECT_NAMES[s]) }))}
              placeholder={t('standing.sessions.allSubjects')}
              style={{ width: 150 }}
              data-testid="standing-subject"
            />
            <Select
              value={state}
              onChange={(next) => apply({ ...params, state: next, page: 1 })}
              options={OCCURRENCE_STATES.map((s) => ({ value: s, label: t(OCCURRENCE_STATE_NAMES[s]) }))}
              style={{ width: 140 }}
              data-testid="standing-state"
            />
          </Space>
        }
      >
        <ListTable<OccurrenceView>
          list={sessions}
          paging={paging}
          columns={sessionColumns(t, kindName, setOpen)}
          cardTitle="subjectLabel"
          data-testid="standing-sessions"
        />
      </ListPageCard>
      {open && (
        <RecordDialog
          occurrence={open}
          today={sessions.data?.today ?? overview.data?.today}
          onClose={() => setOpen(null)}
        />
      )}
    </Space>
  );
}

function sessionColumns(
  t: ReturnType<typeof useI18n>['t'],
  kindName: ReturnType<typeof useKindName>,
  onOpen: (o: OccurrenceView) => void,
): ColumnsType<OccurrenceView> {
  return [
    {
      title: t('standing.sessions.subject'),
      dataIndex: 'subjectLabel',
      render: (name: string, o) => {
        // A commissioner is opened from the 科技特派员 tab: an occurrence does not name the expert.
        const to = o.subject === 'commission' ? null : occurrencePath(o);
        return to ? <Link to={to}>{name}</Link> : name;
      },
    },
    { title: t('standing.kind'), dataIndex: 'kind', width: 120, render: (kind) => kindName(kind) },
    { title: t('standing.period'), dataIndex: 'periodLabel', width: 120 },
    { title: t('standing.dueOn'), dataIndex: 'dueOn', width: 120, render: (d: string) => formatDate(d) },
    { title: t('teams.status'), dataIndex: 'state', width: 110, render: (s) => <StateTag state={s} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      render: (_, o) => (
        <Button type="link" size="small" onClick={() => onOpen(o)} data-testid="standing-session-open">
          {o.canRecord ? t('standing.record.action') : t('common.view')}
        </Button>
      ),
    },
  ];
}

/** A month's cell: done / planned, red when something is overdue, blank when nothing was planned. */
function MonthCell({ tally }: { tally: Tally | undefined }) {
  if (!tally || tally.planned === 0) return <Typography.Text type="secondary">{EMPTY}</Typography.Text>;
  return (
    <Typography.Text
      type={tally.overdue > 0 ? 'danger' : tally.done === tally.planned ? 'success' : undefined}
      strong={tally.overdue > 0}
      style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
    >
      {tally.done}/{tally.planned}
    </Typography.Text>
  );
}

/** The teams with a compact 12-column grid of their months; on a phone each team is a card. */
function OverviewTable({ data, loading }: { data: OverviewView | undefined; loading: boolean }) {
  const { t } = useI18n();
  const phone = usePhone();
  const navigate = useNavigate();
  const teams = data?.teams ?? [];
  const fulfilment = (team: OverviewTeam) => (team.fulfilment === null ? EMPTY : `${team.fulfilment}%`);
  if (phone) {
    return (
      <Space
        direction="vertical"
        size={12}
        style={{ width: '100%' }}
        data-testid="standing-overview"
        data-layout="cards"
      >
        {teams.map((team) => (
          <Card
            key={team.teamId}
            size="small"
            title={<Link to={planPath(team.teamId, data?.year)}>{team.teamName}</Link>}
            extra={fulfilment(team)}
            styles={{ title: { whiteSpace: 'normal' } }}
            data-testid="standing-overview-team"
          >
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {[team.countyName, team.industryName].filter(Boolean).join(' · ') || EMPTY}
              {!team.hasPlan && ` · ${t('standing.overview.noPlan')}`}
            </Typography.Paragraph>
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(6, 1fr)', gap: 4, fontSize: 12 }}>
              {MONTHS.map((m) => (
                <div key={m} style={{ textAlign: 'center' }}>
                  <div style={{ color: 'rgba(0,0,0,0.45)' }}>{t('standing.month', { month: m })}</div>
                  <MonthCell tally={team.byMonth[m - 1]} />
                </div>
              ))}
            </div>
          </Card>
        ))}
      </Space>
    );
  }
  const columns: ColumnsType<OverviewTeam> = [
    {
      title: t('menu.teams'),
      dataIndex: 'teamName',
      fixed: 'left',
      width: 200,
      render: (name: string, team) => <Link to={planPath(team.teamId, data?.year)}>{name}</Link>,
    },
    {
      title: t('teams.county'),
      dataIndex: 'countyName',
      width: 100,
      render: (v: string | null) => v ?? EMPTY,
    },
    {
      title: t('teams.industry'),
      dataIndex: 'industryName',
      width: 120,
      render: (v: string | null) => v ?? EMPTY,
    },
    {
      title: t('standing.plan.tab'),
      dataIndex: 'hasPlan',
      width: 80,
      render: (has: boolean) =>
        has ? <Tag color="green">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>,
    },
    ...MONTHS.map((m) => ({
      title: t('standing.month', { month: m }),
      key: `m${m}`,
      width: 56,
      align: 'center' as const,
      onCell: () => ({ style: { padding: '8px 4px' } }),
      render: (_: unknown, team: OverviewTeam) => <MonthCell tally={team.byMonth[m - 1]} />,
    })),
    {
      title: t('standing.overview.fulfilment'),
      key: 'fulfilment',
      width: 90,
      align: 'right',
      render: (_, team) => fulfilment(team),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      fixed: 'right',
      render: (_, team) => (
        <Button type="link" size="small" onClick={() => navigate(planPath(team.teamId, data?.year))}>
          {t('common.view')}
        </Button>
      ),
    },
  ];
  return (
    <Table<OverviewTeam>
      rowKey="teamId"
      size="small"
      loading={loading}
      dataSource={teams}
      columns={columns}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="standing-overview"
    />
  );
}

/**
 * The region's commissioners (each opening their portfolio) or contact-duty holders, with the
 * same month grid as the teams; on a phone each is a card.
 */
function PeopleTable({
  kind,
  data,
  loading,
}: {
  kind: 'commissioners' | 'assignees';
  data: OverviewView | undefined;
  loading: boolean;
}) {
  const { t } = useI18n();
  const phone = usePhone();
  type Row = OverviewCommissioner | OverviewAssignee;
  const rows: Row[] = (kind === 'commissioners' ? data?.commissioners : data?.assignees) ?? [];
  const keyOf = (row: Row) => ('talentId' in row ? row.talentId : row.userId);
  const nameOf = (row: Row) =>
    'talentId' in row ? (
      <Link to={`/standing/portfolio?talentId=${row.talentId}`} data-testid="standing-commissioner-link">
        {row.name}
      </Link>
    ) : (
      <Link to={`/standing/duties?assigneeUserId=${row.userId}`}>{row.name}</Link>
    );
  const fulfilment = (row: Row) => (row.fulfilment === null ? EMPTY : `${row.fulfilment}%`);
  const testId = `standing-overview-${kind}`;
  if (phone) {
    return (
      <Space
        direction="vertical"
        size={12}
        style={{ width: '100%' }}
        data-testid={testId}
        data-layout="cards"
      >
        {rows.map((row) => (
          <Card key={keyOf(row)} size="small" title={nameOf(row)} extra={fulfilment(row)}>
            {'enterprises' in row && (
              <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                {t('standing.portfolio.enterprisesCount', { count: row.enterprises })}
              </Typography.Paragraph>
            )}
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(6, 1fr)', gap: 4, fontSize: 12 }}>
              {MONTHS.map((m) => (
                <div key={m} style={{ textAlign: 'center' }}>
                  <div style={{ color: 'rgba(0,0,0,0.45)' }}>{t('standing.month', { month: m })}</div>
                  <MonthCell tally={row.byMonth[m - 1]} />
                </div>
              ))}
            </div>
          </Card>
        ))}
      </Space>
    );
  }
  const columns: ColumnsType<Row> = [
    {
      title: t(kind === 'commissioners' ? 'standing.overview.commissioner' : 'standing.duty.assignee'),
      key: 'name',
      fixed: 'left',
      width: 160,
      render: (_, row) => nameOf(row),
    },
    ...(kind === 'commissioners'
      ? [
          {
            title: t('standing.overview.enterprises'),
            key: 'enterprises',
            width: 90,
            align: 'right' as const,
            render: (_: unknown, row: Row) => ('enterprises' in row ? row.enterprises : EMPTY),
          },
        ]
      : []),
    ...MONTHS.map((m) => ({
      title: t('standing.month', { month: m }),
      key: `m${m}`,
      width: 56,
      align: 'center' as const,
      onCell: () => ({ style: { padding: '8px 4px' } }),
      render: (_: unknown, row: Row) => <MonthCell tally={row.byMonth[m - 1]} />,
    })),
    {
      title: t('standing.overview.fulfilment'),
      key: 'fulfilment',
      width: 90,
      align: 'right',
      render: (_, row) => fulfilment(row),
    },
  ];
  return (
    <Table<Row>
      rowKey={keyOf}
      size="small"
      loading={loading}
      dataSource={rows}
      columns={columns}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{
        emptyText: t(
          kind === 'commissioners' ? 'standing.overview.noCommissioners' : 'standing.overview.noAssignees',
        ),
      }}
      data-testid={testId}
    />
  );
}
