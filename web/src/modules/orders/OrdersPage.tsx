import { DashboardOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Select, Space, Tag, Typography, theme } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect } from 'react';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../../app/format.ts';
import { type MessageKey, useT } from '../../app/i18n.tsx';
import {
  actionsColumn,
  ExportButtons,
  FilterForm,
  ListPageCard,
  ListTable,
  SearchField,
  useListPaging,
  useListUrl,
} from '../../app/listPage.tsx';
import { filtersOf } from '../../app/listParams.ts';
import { hasPermission, useCurrentUser } from '../../app/session.ts';
import { useDocumentTitle } from '../../app/title.ts';
import { useOrders } from './api.ts';
import { orderParams } from './listParams.ts';
import { OrderStatusTag, orderStatusLabel, StepDue } from './shared.tsx';
import {
  ORDER_STATUSES,
  ORDER_TODO_NAMES,
  type OrderFilters,
  type OrderListItem,
  type OrderStatus,
  type OrderTodo,
} from './types.ts';

/** How the page introduces itself: the dispatcher's region, the enterprise's own orders, the expert's inbox. */
function pageText(role: string, manager: boolean): { title: MessageKey; help: MessageKey } {
  if (manager) return { title: 'orders.title', help: 'orders.help.manager' };
  if (role === 'expert') return { title: 'orders.expertTitle', help: 'orders.help.expert' };
  if (role === 'institution') return { title: 'orders.title', help: 'orders.help.institution' };
  return { title: 'orders.title', help: 'orders.help.enterprise' };
}

/** The 待办 filters each party's list offers (the workbench's tiles open them); a dispatcher filters by status. */
const TODOS_BY_ROLE: Record<string, readonly OrderTodo[]> = {
  expert: ['answer', 'serve'],
  enterprise: ['confirm'],
  institution: ['dispatch', 'offered'],
};

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
  const { token } = theme.useToken();
  const url = useListUrl(orderParams);
  const { params, fromList } = url;
  const orders = useOrders(params);
  const { apply, paging } = useListPaging(url, orders);

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
    actionsColumn(t, {
      width: 100,
      fixed: false,
      onView: (order) => navigate(`/orders/${order.id}`, { state: fromList }),
    }),
  ];

  const tools = (
    <Space wrap>
      {manager && (
        <Button icon={<DashboardOutlined />} onClick={() => navigate('/orders/board')}>
          {t('menu.orderBoard')}
        </Button>
      )}
      <ExportButtons
        path="/api/orders/export"
        fileName="orders"
        filters={{ ...filtersOf(params) }}
        testId="orders"
      />
    </Space>
  );

  // On a phone the buttons go under the title (ListPageCard), and the rows are cards (ListTable).
  return (
    <ListPageCard title={t(text.title)} extra={tools}>
      <Typography.Paragraph type="secondary" data-testid="orders-help">
        {t(text.help)}
      </Typography.Paragraph>
      <OrderFilterForm
        params={params}
        todos={manager ? [] : (TODOS_BY_ROLE[me.role] ?? [])}
        onSearch={(filters) => apply({ page: 1, pageSize: params.pageSize, ...filters })}
      />
      <ListTable<OrderListItem>
        list={orders}
        paging={paging}
        columns={columns}
        scroll={{ x: 960 }}
        data-testid="orders-table"
        // An offer waiting for this expert's answer stands out.
        onRow={(order) => (awaitsMyAnswer(order) ? { style: { background: token.colorWarningBg } } : {})}
      />
    </ListPageCard>
  );
}

interface FilterValues {
  q?: string;
  status?: OrderStatus;
  overdue?: boolean;
  todo?: OrderTodo;
}

function OrderFilterForm({
  params,
  todos,
  onSearch,
}: {
  params: OrderFilters;
  /** The 待办 filters the caller's part has. */
  todos: readonly OrderTodo[];
  onSearch: (filters: OrderFilters) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<FilterValues>();
  // A link may carry one the caller's part does not list: it is shown, so it can be seen and cleared.
  const todoOptions = params.todo && !todos.includes(params.todo) ? [...todos, params.todo] : todos;

  // Keep the form showing the filters in force (from the URL).
  useEffect(() => {
    form.setFieldsValue({
      q: params.q,
      status: params.status,
      overdue: params.overdue === 'true',
      todo: params.todo,
    });
  }, [form, params.q, params.status, params.overdue, params.todo]);

  return (
    <FilterForm<FilterValues>
      form={form}
      initialValues={{ overdue: false }}
      onFinish={(values) =>
        onSearch({
          q: values.q?.trim() || undefined,
          status: values.status || undefined,
          overdue: values.overdue ? 'true' : undefined,
          todo: values.todo || undefined,
        })
      }
      onReset={() => onSearch({})}
      testId="order-filters"
      searchTestId="order-search"
    >
      <SearchField placeholder={t('orders.searchPlaceholder')} width={240} />
      {todoOptions.length > 0 && (
        <Form.Item name="todo">
          <Select
            allowClear
            placeholder={t('orders.todo')}
            options={todoOptions.map((todo) => ({ value: todo, label: t(ORDER_TODO_NAMES[todo]) }))}
            style={{ width: 180 }}
            data-testid="order-filter-todo"
          />
        </Form.Item>
      )}
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
    </FilterForm>
  );
}
