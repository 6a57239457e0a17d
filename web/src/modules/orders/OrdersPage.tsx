import { DashboardOutlined, EyeOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Form, Input, Select, Space, Table, Tag, Typography, theme } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { sameParams } from '../../app/api.ts';
import { formatDateTime } from '../../app/format.ts';
import { type MessageKey, useT } from '../../app/i18n.tsx';
import { ExportButtons, FilterButtons, type FromList, useTablePaging } from '../../app/listPage.tsx';
import { PageError } from '../../app/PageState.tsx';
import { hasPermission, useCurrentUser } from '../../app/session.ts';
import { useDocumentTitle } from '../../app/title.ts';
import { useOrders } from './api.ts';
import { readOrderParams, writeOrderParams } from './listParams.ts';
import { OrderStatusTag, orderStatusLabel, StepDue } from './shared.tsx';
import { ORDER_STATUSES, type OrderFilters, type OrderListItem, type OrderStatus } from './types.ts';

/** How the page introduces itself: the dispatcher's region, the enterprise's own orders, the expert's inbox. */
function pageText(role: string, manager: boolean): { title: MessageKey; help: MessageKey } {
  if (manager) return { title: 'orders.title', help: 'orders.help.manager' };
  if (role === 'expert') return { title: 'orders.expertTitle', help: 'orders.help.expert' };
  if (role === 'institution') return { title: 'orders.title', help: 'orders.help.institution' };
  return { title: 'orders.title', help: 'orders.help.enterprise' };
}

/** Whether the caller has an open offer of this order (the list carries each order's actions). */
export function awaitsMyAnswer(order: Pick<OrderListItem, 'actions'>): boolean {
  return order.actions.includes('accept');
}

/** 服务订单: the orders the caller may see (the server scopes them), filters kept in the URL. */
export function OrdersPage() {
  const t = useT();
  const me = useCurrentUser();
  const manager = hasPermission(me, 'orders.manage');
  const text = pageText(me.role, manager);
  useDocumentTitle(text.title);
  const navigate = useNavigate();
  const location = useLocation();
  const { token } = theme.useToken();
  const [searchParams, setSearchParams] = useSearchParams();
  const params = readOrderParams(searchParams);
  const orders = useOrders(params);
  const fromList: FromList = { listSearch: location.search };

  const apply = (next: typeof params) => {
    // Pressing search with unchanged filters still asks the server again.
    if (sameParams(next, params)) void orders.refetch();
    else setSearchParams(writeOrderParams(next));
  };
  const paging = useTablePaging(params, orders.data?.total ?? 0, apply);

  const columns: ColumnsType<OrderListItem> = [
    { title: t('orders.code'), dataIndex: 'code', width: 190 },
    {
      title: t('orders.orderTitle'),
      dataIndex: 'title',
      ellipsis: true,
      render: (title: string, order) => (
        <Link to={`/orders/${order.id}`} state={fromList}>
          {title}
        </Link>
      ),
    },
    {
      title: t('orders.status'),
      dataIndex: 'status',
      width: 190,
      render: (status: OrderStatus, order) => (
        <Space size={6}>
          <OrderStatusTag status={status} />
          {awaitsMyAnswer(order) && (
            <Tag color="orange" style={{ marginInlineEnd: 0 }} data-testid="order-awaiting-me">
              {t('orders.awaitingMe')}
            </Tag>
          )}
        </Space>
      ),
    },
    {
      title: t('orders.stepDue'),
      key: 'stepDue',
      width: 210,
      render: (_, order) => <StepDue order={order} />,
    },
    {
      title: t('orders.createdAt'),
      dataIndex: 'createdAt',
      width: 150,
      render: (value: string) => formatDateTime(value),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_, order) => (
        <Button
          type="link"
          size="small"
          icon={<EyeOutlined />}
          onClick={() => navigate(`/orders/${order.id}`, { state: fromList })}
        >
          {t('common.view')}
        </Button>
      ),
    },
  ];

  return (
    <Card
      title={t(text.title)}
      extra={
        <Space wrap>
          {manager && (
            <Button icon={<DashboardOutlined />} onClick={() => navigate('/orders/board')}>
              {t('menu.orderBoard')}
            </Button>
          )}
          <ExportButtons
            path="/api/orders/export"
            fileName="orders"
            filters={{ status: params.status, q: params.q, overdue: params.overdue, sort: params.sort }}
            testId="orders"
          />
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" data-testid="orders-help">
        {t(text.help)}
      </Typography.Paragraph>
      <OrderFilterForm
        params={params}
        onSearch={(filters) => apply({ page: 1, pageSize: params.pageSize, ...filters })}
      />
      {orders.isError && !orders.data ? (
        <PageError error={orders.error} onRetry={() => void orders.refetch()} />
      ) : (
        <Table<OrderListItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={orders.data?.items ?? []}
          loading={orders.isFetching}
          scroll={{ x: 960 }}
          data-testid="orders-table"
          // An offer waiting for this expert's answer stands out.
          onRow={(order) => (awaitsMyAnswer(order) ? { style: { background: token.colorWarningBg } } : {})}
          pagination={paging.pagination}
          onChange={paging.onChange}
        />
      )}
    </Card>
  );
}

interface FilterValues {
  q?: string;
  status?: OrderStatus;
  overdue?: boolean;
}

function OrderFilterForm({
  params,
  onSearch,
}: {
  params: OrderFilters;
  onSearch: (filters: OrderFilters) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<FilterValues>();

  // Keep the form showing the filters in force (from the URL).
  useEffect(() => {
    form.setFieldsValue({ q: params.q, status: params.status, overdue: params.overdue === 'true' });
  }, [form, params.q, params.status, params.overdue]);

  return (
    <Form<FilterValues>
      form={form}
      layout="inline"
      initialValues={{ overdue: false }}
      onFinish={(values) =>
        onSearch({
          q: values.q?.trim() || undefined,
          status: values.status || undefined,
          overdue: values.overdue ? 'true' : undefined,
        })
      }
      style={{ marginBottom: 16, rowGap: 12 }}
      data-testid="order-filters"
    >
      <Form.Item name="q">
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('orders.searchPlaceholder')}
          style={{ width: 240 }}
          maxLength={64}
        />
      </Form.Item>
      <Form.Item name="status">
        <Select
          allowClear
          placeholder={t('orders.status')}
          options={ORDER_STATUSES.map((status) => ({ value: status, label: orderStatusLabel(t, status) }))}
          style={{ width: 140 }}
          data-testid="order-filter-status"
        />
      </Form.Item>
      <Form.Item name="overdue" valuePropName="checked">
        <Checkbox>{t('orders.overdueOnly')}</Checkbox>
      </Form.Item>
      <FilterButtons
        searchTestId="order-search"
        onReset={() => {
          form.resetFields();
          onSearch({});
        }}
      />
    </Form>
  );
}
