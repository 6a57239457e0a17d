import { LockOutlined } from '@ant-design/icons';
import {
  Alert,
  Card,
  Col,
  Descriptions,
  Empty,
  List,
  Rate,
  Row,
  Space,
  Table,
  Tag,
  Timeline,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useParams } from 'react-router';
import { DetailCard, DetailDescriptions, DetailPage, LongText } from '../../app/DetailPage.tsx';
import { EMPTY, formatDateTime, show } from '../../app/format.ts';
import { type Translate, useT } from '../../app/i18n.tsx';
import { hasPermission, useCan, useCurrentUser } from '../../app/session.ts';
import { useOrder } from './api.ts';
import { OrderActions } from './OrderActions.tsx';
import {
  formatYuan,
  OfferStateTag,
  OrderStatusTag,
  orderActionLabel,
  orderStatusLabel,
  outcomeLabel,
  StepDue,
} from './shared.tsx';
import type { OrderEvent, OrderOffer, OrderOutcome, OrderView } from './types.ts';
import { VisitsCard } from './VisitsCard.tsx';

/** One service order: where it stands, what the caller may do now, its offers, visits, outcomes and history. */
export function OrderDetailPage() {
  const { id = '' } = useParams();
  return <OrderDetail key={id} id={id} />;
}

function OrderDetail({ id }: { id: string }) {
  const t = useT();
  const me = useCurrentUser();
  const order = useOrder(id);
  const canOpen = (permission: string) => hasPermission(me, permission);

  return (
    <DetailPage query={order} listPath="/orders" documentTitle="menu.orders">
      {(data) => (
        <>
          <DetailCard
            title={data.title}
            titleTestId="order-title"
            tags={
              <>
                <Tag>{data.code}</Tag>
                <OrderStatusTag status={data.status} />
              </>
            }
            actions={<OrderActions order={data} />}
          >
            <OrderNotice order={data} />
            <DetailDescriptions testId="order-descriptions">
              <Descriptions.Item label={t('orders.code')}>{data.code}</Descriptions.Item>
              <Descriptions.Item label={t('orders.status')}>
                {orderStatusLabel(t, data.status)}
              </Descriptions.Item>
              <Descriptions.Item label={t('orders.stepDue')}>
                <StepDue order={data} />
              </Descriptions.Item>
              <Descriptions.Item label={t('orders.demand')}>
                {data.demandId && canOpen('lists.read') ? (
                  <Link to={`/lists/demands/${data.demandId}`} data-testid="order-demand">
                    {t('orders.openDemand')}
                  </Link>
                ) : (
                  EMPTY
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('orders.enterprise')}>
                {data.enterprise && canOpen('registry.read') ? (
                  <Link to={`/registry/enterprises/${data.enterprise.id}`} data-testid="order-enterprise">
                    {data.enterprise.name}
                  </Link>
                ) : (
                  <span data-testid="order-enterprise">{data.enterprise?.name ?? EMPTY}</span>
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('field.contactName')}>
                <span data-testid="order-contact-name">{show(data.enterprise?.contactName)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('field.contactMobile')}>
                <Space size={4} data-testid="order-contact-mobile">
                  {show(data.enterprise?.contactMobile)}
                  {data.enterprise?.masked && data.enterprise.contactMobile && (
                    <Tooltip title={t('orders.contactMasked')}>
                      <LockOutlined aria-label={t('orders.contactMasked')} />
                    </Tooltip>
                  )}
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={t('orders.institution')}>
                {data.institutionId && canOpen('registry.read') ? (
                  <Link to={`/registry/institutions/${data.institutionId}`}>
                    {data.institutionName ?? t('orders.openInstitution')}
                  </Link>
                ) : data.institutionId ? (
                  (data.institutionName ?? t('orders.institutionAssigned'))
                ) : (
                  EMPTY
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('orders.team')}>
                {data.teamId && canOpen('teams.read') ? (
                  <Link to={`/teams/${data.teamId}`}>{data.teamName ?? t('orders.team')}</Link>
                ) : (
                  (data.teamName ?? EMPTY)
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('orders.round')}>
                {data.round > 0 ? t('orders.roundN', { round: data.round }) : EMPTY}
              </Descriptions.Item>
              <Descriptions.Item label={t('orders.createdAt')}>
                {formatDateTime(data.createdAt)}
              </Descriptions.Item>
              <Descriptions.Item label={t('orders.statusChangedAt')}>
                {formatDateTime(data.statusChangedAt)}
              </Descriptions.Item>
              <Descriptions.Item label={t('orders.description')} span={3}>
                <LongText>{data.description ?? EMPTY}</LongText>
              </Descriptions.Item>
            </DetailDescriptions>
          </DetailCard>
          <Row gutter={[24, 24]}>
            <Col xs={24} xl={15}>
              <Space direction="vertical" size="large" style={{ width: '100%' }}>
                <OffersCard order={data} />
                <VisitsCard order={data} canLog={data.canLogVisit} />
                <OutcomesCard order={data} />
              </Space>
            </Col>
            <Col xs={24} xl={9}>
              <HistoryCard order={data} />
            </Col>
          </Row>
        </>
      )}
    </DetailPage>
  );
}

/** What the caller is expected to do now, when it is theirs to do. */
function OrderNotice({ order }: { order: OrderView }) {
  const t = useT();
  const manager = useCan('orders.manage');
  const notice = noticeOf(t, order, manager);
  if (!notice) return null;
  return (
    <Alert
      type={notice.type}
      showIcon
      message={notice.message}
      style={{ marginBottom: 16 }}
      data-testid="order-notice"
    />
  );
}

function noticeOf(
  t: Translate,
  order: OrderView,
  manager: boolean,
): { type: 'warning' | 'info' | 'error'; message: string } | null {
  const due = formatDateTime(order.stepDueAt);
  if (order.actions.includes('accept')) {
    return { type: 'warning', message: t('orders.notice.offered', { due }) };
  }
  if (order.actions.includes('redispatch') && !order.actions.includes('dispatch') && !manager) {
    return { type: 'info', message: t('orders.notice.institution', { due }) };
  }
  if (order.actions.includes('confirm')) return { type: 'info', message: t('orders.notice.confirm') };
  if (order.overdue && order.status !== 'closed' && order.status !== 'cancelled') {
    return { type: 'error', message: t('orders.notice.overdue', { due }) };
  }
  return null;
}

/** 派单记录: who was offered the order in which round, and what they answered. */
function OffersCard({ order }: { order: OrderView }) {
  const t = useT();
  const me = useCurrentUser();
  const canOpen = hasPermission(me, 'registry.read');
  // The latest round first.
  const offers = [...order.offers].sort((a, b) => b.round - a.round);
  const columns: ColumnsType<OrderOffer> = [
    {
      title: t('orders.offer.round'),
      dataIndex: 'round',
      width: 90,
      render: (round: number) => t('orders.roundN', { round }),
    },
    {
      title: t('orders.offer.expert'),
      dataIndex: 'name',
      render: (name: string, offer) =>
        canOpen ? <Link to={`/registry/talents/${offer.talentId}`}>{name}</Link> : name,
    },
    {
      title: t('orders.offer.state'),
      dataIndex: 'state',
      width: 110,
      render: (state: string) => <OfferStateTag state={state} />,
    },
    {
      title: t('orders.offer.reason'),
      dataIndex: 'reason',
      render: (reason: string | null) => reason ?? EMPTY,
    },
  ];
  return (
    <Card title={t('orders.offers')} data-testid="order-offers">
      <Table<OrderOffer>
        rowKey={(offer) => `${offer.round}:${offer.talentId}`}
        size="small"
        columns={columns}
        dataSource={offers}
        pagination={false}
        locale={{ emptyText: t('orders.offer.none') }}
      />
    </Card>
  );
}

/** 服务成效 and the enterprise's rating. */
function OutcomesCard({ order }: { order: OrderView }) {
  const t = useT();
  return (
    <Card title={t('orders.outcomes')} data-testid="order-outcomes">
      {order.outcomes.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orders.outcome.noneYet')} />
      ) : (
        <List<OrderOutcome>
          size="small"
          dataSource={order.outcomes}
          renderItem={(outcome) => (
            <List.Item data-testid="order-outcome">
              <Space size={8} wrap>
                <Tag color={outcome.kind === 'none' ? 'default' : 'green'} style={{ marginInlineEnd: 0 }}>
                  {outcomeLabel(t, outcome.kind)}
                </Tag>
                {outcome.amountYuan !== null && (
                  <Typography.Text strong>{formatYuan(t, outcome.amountYuan)}</Typography.Text>
                )}
                {outcome.note && <Typography.Text type="secondary">{outcome.note}</Typography.Text>}
              </Space>
            </List.Item>
          )}
        />
      )}
      {order.rating !== null && (
        <Descriptions column={1} size="small" style={{ marginTop: 16 }} data-testid="order-rating">
          <Descriptions.Item label={t('orders.rating')}>
            <Space size={8}>
              <Rate disabled value={order.rating} />
              <span>{t('orders.ratingValue', { rating: order.rating })}</span>
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('orders.ratingComment')}>
            {order.ratingComment ?? EMPTY}
          </Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}

const EVENT_COLORS: Record<string, string> = {
  place: 'gray',
  decline: 'red',
  cancel: 'red',
  timeout: 'orange',
  overdue: 'orange',
  reopen: 'orange',
  confirm: 'green',
};

/** The parts of an event's details a reader cares about, as short lines. */
function eventDetails(t: Translate, event: OrderEvent, order: OrderView): string[] {
  const lines: string[] = [];
  const d = event.details;
  if ((event.action === 'dispatch' || event.action === 'redispatch') && typeof d.round === 'number') {
    const names = order.offers.filter((x) => x.round === d.round).map((x) => x.name);
    if (names.length > 0)
      lines.push(t('orders.event.experts', { names: names.join(t('orders.nameSeparator')) }));
  }
  if (typeof d.institution === 'string') lines.push(t('orders.event.institution', { name: d.institution }));
  if (typeof d.team === 'string') lines.push(t('orders.event.team', { name: d.team }));
  if (Array.isArray(d.outcomes)) {
    const outcomes = d.outcomes
      .filter((x): x is { kind: string; amountYuan?: number } => typeof x === 'object' && x !== null)
      .map((x) =>
        typeof x.amountYuan === 'number'
          ? `${outcomeLabel(t, x.kind)} ${formatYuan(t, x.amountYuan)}`
          : outcomeLabel(t, x.kind),
      );
    if (outcomes.length > 0) {
      lines.push(t('orders.event.outcomes', { outcomes: outcomes.join(t('orders.listSeparator')) }));
    }
  }
  if (typeof d.rating === 'number') lines.push(t('orders.ratingValue', { rating: d.rating }));
  return lines;
}

/** 办理进程: every step, who took it, when and why. */
function HistoryCard({ order }: { order: OrderView }) {
  const t = useT();
  return (
    <Card title={t('orders.history')} data-testid="order-history">
      <Timeline
        items={order.events.map((event, index) => {
          const moved = event.fromStatus !== null && event.fromStatus !== event.toStatus;
          return {
            key: index,
            color: EVENT_COLORS[event.action] ?? 'blue',
            children: (
              <Space direction="vertical" size={0} data-testid="order-event">
                <Space size={8} wrap>
                  <Typography.Text strong>{orderActionLabel(t, event.action)}</Typography.Text>
                  {moved && (
                    <Typography.Text type="secondary">
                      {orderStatusLabel(t, event.fromStatus)} → {orderStatusLabel(t, event.toStatus)}
                    </Typography.Text>
                  )}
                </Space>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {event.actorName} · {formatDateTime(event.at)}
                </Typography.Text>
                {event.reason && (
                  <Typography.Text>{t('orders.event.reason', { reason: event.reason })}</Typography.Text>
                )}
                {eventDetails(t, event, order).map((line) => (
                  <Typography.Text key={line}>{line}</Typography.Text>
                ))}
              </Space>
            ),
          };
        })}
      />
    </Card>
  );
}
