import { Card, Col, Empty, Row, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';
import { EMPTY } from '../../app/format.ts';
import { useT } from '../../app/i18n.tsx';
import { ListTable, useTablePaging } from '../../app/listPage.tsx';
import { DEFAULT_PAGE_SIZE } from '../../app/listParams.ts';
import { TOUCH_LINK, usePhone } from '../../app/phone.tsx';
import { formatYuan } from '../orders/shared.tsx';
import { useTeamOutcomes } from './api.ts';
import type { TeamOutcomesView } from './types.ts';

type Outcome = TeamOutcomesView['items'][number];

/**
 * 团队成效: what came of the team's work so far — its orders' outcomes once the enterprise
 * confirmed them, and the outcomes of the activities that were its sessions' records — as a
 * count (and amount) per kind over all, then page by page with where each came from.
 */
export function OutcomesPanel({ team }: { team: { id: string } }) {
  const t = useT();
  const phone = usePhone();
  const [paging, setPaging] = useState({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
  const outcomes = useTeamOutcomes(team.id, paging.page, paging.pageSize);
  const table = useTablePaging(paging, outcomes.data?.total ?? 0, setPaging);
  const columns: ColumnsType<Outcome> = [
    {
      title: t('standing.outcomes.happenedOn'),
      dataIndex: 'happenedOn',
      key: 'happenedOn',
      width: 110,
      render: (day: string) => <span data-testid="team-outcome-date">{day}</span>,
    },
    {
      title: t('standing.outcomes.kind'),
      dataIndex: 'kindName',
      key: 'kindName',
      width: 140,
      render: (name: string) => <span data-testid="team-outcome-kind">{name}</span>,
    },
    {
      title: t('standing.outcomes.count'),
      dataIndex: 'count',
      key: 'count',
      width: 80,
      align: 'right',
      render: (count: number) => <span data-testid="team-outcome-count">{count}</span>,
    },
    {
      title: t('standing.outcomes.amount'),
      dataIndex: 'amountYuan',
      key: 'amountYuan',
      width: 130,
      align: 'right',
      render: (yuan: number | null) => formatYuan(t, yuan),
    },
    {
      title: t('standing.outcomes.note'),
      dataIndex: 'note',
      key: 'note',
      render: (note: string | null) => (
        <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{note ?? EMPTY}</span>
      ),
    },
    {
      title: t('standing.outcomes.from'),
      dataIndex: 'from',
      key: 'from',
      width: 280,
      render: (from: Outcome['from'], outcome) => (
        <Space direction="vertical" size={0} style={{ minWidth: 0 }}>
          <Link
            to={from.link}
            style={{ ...(phone ? TOUCH_LINK : {}), overflowWrap: 'anywhere' }}
            data-testid="team-outcome-from"
          >
            {from.code} {from.title}
          </Link>
          {outcome.session && (
            <Typography.Text type="secondary" data-testid="team-outcome-session">
              {t('standing.outcomes.session', {
                kind: outcome.session.kindName,
                dueOn: outcome.session.dueOn,
              })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
  ];
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="team-outcomes">
      <Typography.Text type="secondary">{t('standing.outcomes.help')}</Typography.Text>
      {outcomes.data && outcomes.data.byKind.length > 0 && <ByKind kinds={outcomes.data.byKind} />}
      {outcomes.data?.total === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('standing.outcomes.none')}
          data-testid="team-outcomes-empty"
        />
      ) : (
        <ListTable<Outcome>
          list={outcomes}
          paging={table}
          cardTitle="kindName"
          columns={columns}
          // Wider than a narrow window: the table scrolls inside itself, not the page.
          scroll={{ x: 'max-content' }}
          size="small"
          data-testid="team-outcomes-table"
        />
      )}
    </Space>
  );
}

/** Every outcome by kind: how many, and the amount where the kind has one. */
function ByKind({ kinds }: { kinds: TeamOutcomesView['byKind'] }) {
  const t = useT();
  return (
    <Row gutter={[8, 8]} data-testid="team-outcomes-by-kind">
      {kinds.map((kind) => (
        <Col key={kind.kind} xs={12} sm={8} lg={6} xxl={4}>
          <Card
            size="small"
            style={{ height: '100%' }}
            data-testid="team-outcome-total"
            data-kind={kind.kind}
          >
            <Typography.Text type="secondary">{kind.name}</Typography.Text>
            <div
              style={{ fontSize: 20, fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}
              data-testid="team-outcome-total-count"
            >
              {kind.count}
            </div>
            {kind.amountYuan !== null && (
              <Typography.Text data-testid="team-outcome-total-amount">
                {formatYuan(t, kind.amountYuan)}
              </Typography.Text>
            )}
          </Card>
        </Col>
      ))}
    </Row>
  );
}
