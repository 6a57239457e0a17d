import { Card, Empty, Input, Pagination, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { EMPTY } from '../../app/format.ts';
import { useI18n } from '../../app/i18n.tsx';
import { PAGE_SIZES } from '../../app/listParams.ts';
import type { MessageKey } from '../../app/messages.ts';
import { PageError } from '../../app/PageState.tsx';
import { usePhone } from '../../app/phone.tsx';
import { formatYuan } from '../orders/shared.tsx';
import { useOverviewRows } from './api.ts';
import { planPath, portfolioPath } from './shared.tsx';
import {
  MONTHS,
  OVERVIEW_SORTS,
  type OverviewRow,
  type OverviewSort,
  type Subject,
  type Tally,
} from './types.ts';

export interface OverviewRowsParams {
  subject: Subject;
  year: number;
  q?: string | undefined;
  sort: OverviewSort;
  page: number;
  pageSize: number;
}

const EMPTY_TEXT: Record<Subject, MessageKey> = {
  team: 'standing.overview.noTeams',
  commission: 'standing.overview.noCommissioners',
  duty: 'standing.overview.noAssignees',
};

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

/** Where a row opens: a team's plan, a commissioner's portfolio, an assignee's duties. */
function pathOf(row: OverviewRow, year: number): string {
  if (row.subject === 'team') return planPath(row.id, year);
  if (row.subject === 'commission') return portfolioPath(row.id);
  return `/standing/duties?assigneeUserId=${row.id}`;
}

/**
 * One tab of the office view: the region's teams, commissioners or contact-duty assignees, a
 * page at a time from the server (counted there, so thousands of commissioners stay quick),
 * the furthest behind first unless asked otherwise, each with its months and what came of its
 * work; on a phone each is a card.
 */
export function OverviewRows({
  params,
  onChange,
}: {
  params: OverviewRowsParams;
  onChange: (next: OverviewRowsParams) => void;
}) {
  const { t } = useI18n();
  const phone = usePhone();
  const { subject, year } = params;
  const rows = useOverviewRows({
    subject,
    year,
    sort: params.sort,
    page: params.page,
    pageSize: params.pageSize,
    ...(params.q ? { q: params.q } : {}),
  });
  const items = rows.data?.items ?? [];
  const testId =
    subject === 'team'
      ? 'standing-overview'
      : `standing-overview-${subject === 'commission' ? 'commissioners' : 'assignees'}`;
  const name = (row: OverviewRow) => (
    <Link
      to={pathOf(row, year)}
      data-testid={subject === 'commission' ? 'standing-commissioner-link' : undefined}
    >
      {row.name}
    </Link>
  );
  const fulfilment = (row: OverviewRow) => (row.fulfilment === null ? EMPTY : `${row.fulfilment}%`);
  const worked = (row: OverviewRow): string | null => {
    if (row.outcomes)
      return `${t('standing.overview.outcomes')}：${t('standing.overview.outcomesValue', { count: row.outcomes.count })}${
        row.outcomes.amountYuan !== null ? ` · ${formatYuan(t, row.outcomes.amountYuan)}` : ''
      }`;
    if (row.refined)
      return `${t('standing.overview.refined')}：${t('standing.overview.refinedValue', row.refined)}`;
    return null;
  };

  const tools = (
    <Space wrap style={{ marginBottom: 12 }}>
      <Input.Search
        allowClear
        defaultValue={params.q}
        key={`${subject}:${params.q ?? ''}`}
        placeholder={t('standing.overview.search')}
        onSearch={(q) => onChange({ ...params, q: q.trim() || undefined, page: 1 })}
        style={{ width: phone ? '100%' : 220 }}
        data-testid="standing-overview-search"
      />
      <Select<OverviewSort>
        value={params.sort}
        onChange={(sort) => onChange({ ...params, sort, page: 1 })}
        options={OVERVIEW_SORTS.map((s) => ({ value: s, label: t(`standing.overview.sort.${s}`) }))}
        style={{ width: 160 }}
        data-testid="standing-overview-sort"
      />
    </Space>
  );
  const paging = {
    current: params.page,
    pageSize: params.pageSize,
    total: rows.data?.total ?? 0,
    showSizeChanger: !phone,
    pageSizeOptions: [...PAGE_SIZES],
    showTotal: (n: number) => t('common.total', { total: n }),
    onChange: (page: number, pageSize: number) => onChange({ ...params, page, pageSize }),
  };
  if (rows.isError && !rows.data) return <PageError error={rows.error} onRetry={() => void rows.refetch()} />;

  if (phone) {
    return (
      <>
        {tools}
        <Spin spinning={rows.isFetching}>
          <Space
            direction="vertical"
            size={12}
            style={{ width: '100%' }}
            data-testid={testId}
            data-layout="cards"
          >
            {items.length === 0 && (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(EMPTY_TEXT[subject])} />
            )}
            {items.map((row) => (
              <Card
                key={row.id}
                size="small"
                title={name(row)}
                extra={fulfilment(row)}
                styles={{ title: { whiteSpace: 'normal' } }}
                data-testid={subject === 'team' ? 'standing-overview-team' : undefined}
              >
                <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                  {[
                    row.countyName,
                    row.industryName,
                    row.hasPlan === false ? t('standing.overview.noPlan') : null,
                    row.enterprises !== null
                      ? t('standing.portfolio.enterprisesCount', { count: row.enterprises })
                      : null,
                    worked(row),
                  ]
                    .filter(Boolean)
                    .join(' · ') || EMPTY}
                </Typography.Paragraph>
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
        </Spin>
        <Pagination {...paging} simple style={{ marginTop: 12, textAlign: 'center' }} />
      </>
    );
  }

  const columns: ColumnsType<OverviewRow> = [
    {
      title: t(
        subject === 'team'
          ? 'menu.teams'
          : subject === 'commission'
            ? 'standing.overview.commissioner'
            : 'standing.duty.assignee',
      ),
      key: 'name',
      fixed: 'left',
      width: subject === 'team' ? 200 : 140,
      render: (_, row) => name(row),
    },
    ...(subject === 'team'
      ? ([
          {
            title: t('teams.county'),
            dataIndex: 'countyName',
            width: 100,
            render: (v: string | null) => v ?? EMPTY,
          },
          {
            title: t('teams.industry'),
            dataIndex: 'industryName',
            width: 110,
            render: (v: string | null) => v ?? EMPTY,
          },
          {
            title: t('standing.plan.tab'),
            dataIndex: 'hasPlan',
            width: 80,
            render: (has: boolean) =>
              has ? <Tag color="green">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>,
          },
        ] satisfies ColumnsType<OverviewRow>)
      : []),
    ...(subject === 'commission'
      ? ([
          {
            title: t('standing.overview.enterprises'),
            dataIndex: 'enterprises',
            width: 90,
            align: 'right',
          },
        ] satisfies ColumnsType<OverviewRow>)
      : []),
    ...MONTHS.map((m) => ({
      title: t('standing.month', { month: m }),
      key: `m${m}`,
      width: 56,
      align: 'center' as const,
      onCell: () => ({ style: { padding: '8px 4px' } }),
      render: (_: unknown, row: OverviewRow) => <MonthCell tally={row.byMonth[m - 1]} />,
    })),
    {
      title: t('standing.overview.overdue'),
      key: 'overdue',
      width: 70,
      align: 'right',
      render: (_, row) =>
        row.total.overdue > 0 ? <Typography.Text type="danger">{row.total.overdue}</Typography.Text> : 0,
    },
    {
      title: t('standing.overview.fulfilment'),
      key: 'fulfilment',
      width: 80,
      align: 'right',
      render: (_, row) => fulfilment(row),
    },
    ...(subject === 'team'
      ? ([
          {
            title: t('standing.overview.outcomes'),
            key: 'outcomes',
            width: 140,
            render: (_, row) =>
              row.outcomes ? (
                <Link to={`/teams/${row.id}?tab=outcomes`} data-testid="standing-overview-outcomes">
                  {t('standing.overview.outcomesValue', { count: row.outcomes.count })}
                  {row.outcomes.amountYuan !== null && ` · ${formatYuan(t, row.outcomes.amountYuan)}`}
                </Link>
              ) : (
                EMPTY
              ),
          },
        ] satisfies ColumnsType<OverviewRow>)
      : []),
    ...(subject === 'commission'
      ? ([
          {
            title: t('standing.overview.refined'),
            key: 'refined',
            width: 120,
            align: 'right',
            render: (_, row) => (row.refined ? t('standing.overview.refinedValue', row.refined) : EMPTY),
          },
        ] satisfies ColumnsType<OverviewRow>)
      : []),
    {
      title: t('common.actions'),
      key: 'actions',
      width: 80,
      fixed: 'right',
      render: (_, row) => <Link to={pathOf(row, year)}>{t('common.view')}</Link>,
    },
  ];
  return (
    <>
      {tools}
      <Table<OverviewRow>
        rowKey="id"
        size="small"
        loading={rows.isFetching}
        dataSource={items}
        columns={columns}
        pagination={paging}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t(EMPTY_TEXT[subject]) }}
        data-testid={testId}
      />
    </>
  );
}
