import { SendOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Space, Statistic, Table, Typography, theme } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../../app/format.ts';
import { useT } from '../../app/i18n.tsx';
import { PageError, PageLoading } from '../../app/PageState.tsx';
import { useDocumentTitle } from '../../app/title.ts';
import { useOrderBoard, useOrders } from './api.ts';
import { DispatchDialog } from './DispatchDialog.tsx';
import { orderStatusLabel, StepDue } from './shared.tsx';
import type { OrderBoard, OrderListItem, OrderListParams } from './types.ts';

const QUEUE_PAGE_SIZE = 10;

function hours(value: number): string {
  return value.toLocaleString('zh-CN', { maximumFractionDigits: 1 });
}

/** 派单看板: the region's orders by status (overdue marked), how long each step takes, and the queue to dispatch. */
export function OrderBoardPage() {
  const t = useT();
  useDocumentTitle('menu.orderBoard');
  const board = useOrderBoard();

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('menu.orderBoard')}>
        {board.isPending ? (
          <PageLoading />
        ) : board.isError ? (
          <PageError error={board.error} onRetry={() => void board.refetch()} />
        ) : (
          <StatusCards board={board.data} />
        )}
      </Card>
      <DispatchQueue />
      {board.data && <StepTimes board={board.data} />}
    </Space>
  );
}

/** One card per status: how many, and how many are past their step's deadline; each opens the list. */
function StatusCards({ board }: { board: OrderBoard }) {
  const t = useT();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  return (
    <Row gutter={[16, 16]} data-testid="board-statuses">
      {board.statuses.map((entry) => (
        <Col key={entry.status} flex="1 1 150px">
          <Card
            size="small"
            hoverable
            onClick={() => navigate(`/orders?status=${entry.status}`)}
            data-testid={`board-status-${entry.status}`}
          >
            <Statistic title={orderStatusLabel(t, entry.status)} value={entry.count} />
            <Typography.Text
              type={entry.overdue > 0 ? 'danger' : 'secondary'}
              style={{ fontSize: 12, color: entry.overdue > 0 ? token.colorError : undefined }}
            >
              {t('orders.board.overdue', { count: entry.overdue })}
            </Typography.Text>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** 待派单: the placed orders, each with a 派单 button (the list carries what the caller may do). */
function DispatchQueue() {
  const t = useT();
  const [params, setParams] = useState<OrderListParams>({
    page: 1,
    pageSize: QUEUE_PAGE_SIZE,
    status: 'placed',
    sort: 'due',
  });
  const queue = useOrders(params);
  // The order as the queue shows it now (its version moves on; once dispatched it leaves the queue).
  const [dispatchingId, setDispatching] = useState<string | null>(null);
  const dispatching = queue.data?.items.find(
    (order) => order.id === dispatchingId && order.actions.includes('dispatch'),
  );
  const columns: ColumnsType<OrderListItem> = [
    { title: t('orders.code'), dataIndex: 'code', width: 190 },
    {
      title: t('orders.orderTitle'),
      dataIndex: 'title',
      ellipsis: true,
      render: (title: string, order) => <Link to={`/orders/${order.id}`}>{title}</Link>,
    },
    {
      title: t('orders.createdAt'),
      dataIndex: 'createdAt',
      width: 150,
      render: (value: string) => formatDateTime(value),
    },
    {
      title: t('orders.stepDue'),
      key: 'stepDue',
      width: 210,
      render: (_, order) => <StepDue order={order} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      render: (_, order) =>
        order.actions.includes('dispatch') && (
          <Button
            type="primary"
            size="small"
            icon={<SendOutlined />}
            onClick={() => setDispatching(order.id)}
            data-testid="board-dispatch"
          >
            {t('orders.action.dispatch')}
          </Button>
        ),
    },
  ];
  return (
    <Card title={t('orders.board.queue')} data-testid="board-queue">
      {queue.isError && !queue.data ? (
        <PageError error={queue.error} onRetry={() => void queue.refetch()} />
      ) : (
        <Table<OrderListItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={queue.data?.items ?? []}
          loading={queue.isFetching}
          scroll={{ x: 860 }}
          locale={{ emptyText: t('orders.board.queueEmpty') }}
          pagination={{
            current: params.page,
            pageSize: params.pageSize,
            total: queue.data?.total ?? 0,
            showTotal: (total) => t('common.total', { total }),
          }}
          onChange={(pagination) => setParams({ ...params, page: pagination.current ?? 1 })}
        />
      )}
      {dispatching && (
        <DispatchDialog order={dispatching} action="dispatch" onClose={() => setDispatching(null)} />
      )}
    </Card>
  );
}

/** 各环节用时: how many orders left each status, and their median and mean hours in it. */
function StepTimes({ board }: { board: OrderBoard }) {
  const t = useT();
  const columns: ColumnsType<OrderBoard['steps'][number]> = [
    {
      title: t('orders.board.step'),
      dataIndex: 'status',
      render: (status: string) => orderStatusLabel(t, status),
    },
    { title: t('orders.board.transitions'), dataIndex: 'transitions', align: 'right', width: 140 },
    {
      title: t('orders.board.median'),
      dataIndex: 'medianHours',
      align: 'right',
      width: 160,
      render: (value: number) => hours(value),
    },
    {
      title: t('orders.board.mean'),
      dataIndex: 'meanHours',
      align: 'right',
      width: 160,
      render: (value: number) => hours(value),
    },
  ];
  return (
    <Card title={t('orders.board.steps')} data-testid="board-steps">
      <Typography.Paragraph type="secondary">{t('orders.board.stepsHelp')}</Typography.Paragraph>
      <Table
        rowKey="status"
        size="small"
        columns={columns}
        dataSource={board.steps}
        pagination={false}
        locale={{ emptyText: t('orders.board.stepsEmpty') }}
      />
    </Card>
  );
}
