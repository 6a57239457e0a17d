import { LockOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
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
  theme,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { DetailCard, DetailDescriptions, DetailPage, LongText } from '../../app/DetailPage.tsx';
import { EMPTY, formatDate, formatDateTime, show } from '../../app/format.ts';
import { type Translate, useT } from '../../app/i18n.tsx';
import { TouchTargets, usePhone } from '../../app/phone.tsx';
import { hasPermission, useCan, useCurrentUser } from '../../app/session.ts';
import { useOrder } from './api.ts';
import { BAR_BUTTON, OrderActions } from './OrderActions.tsx';
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

/**
 * One service order: where it stands, what the caller may do now, its offers, visits, outcomes and
 * history. On a phone the facts are one column, every button is a 44 px target, and the actions
 * (with 登记服务记录) are full-width buttons in a bar that stays at the bottom of the screen.
 */
export function OrderDetailPage() {
  const { id = '' } = useParams();
  return <OrderDetail key={id} id={id} />;
}

function OrderDetail({ id }: { id: string }) {
  const t = useT();
  const me = useCurrentUser();
  const order = useOrder(id);
  const canOpen = (permission: string) => hasPermission(me, permission);
  const phone = usePhone();
  const [logging, setLogging] = useState(false);

  return (
    <DetailPage query={order} listPath="/orders" documentTitle="menu.orders">
      {(data) => (
        <TouchTargets on={phone}>
          {/* One box for the cards and the bar, so that the bar sticks to the screen's bottom while any card shows. */}
          <div>
            <Space direction="vertical" size="large" style={{ width: '100%' }}>
              <DetailCard
                title={data.title}
                titleTestId="order-title"
                tags={
                  <>
                    <Tag>{data.code}</Tag>
                    <OrderStatusTag status={data.status} />
                  </>
                }
                actions={phone ? undefined : <OrderActions order={data} />}
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
                    <VisitsCard
                      order={data}
                      canLog={data.canLogVisit}
                      logging={logging}
                      onLogging={setLogging}
                    />
                    <OutcomesCard order={data} />
                  </Space>
                </Col>
                <Col xs={24} xl={9}>
                  <HistoryCard order={data} />
                </Col>
              </Row>
            </Space>
            {phone && <PhoneActionBar order={data} onLogVisit={() => setLogging(true)} />}
          </div>
        </TouchTargets>
      )}
    </DetailPage>
  );
}

/**
 * A phone's actions on the order: what the caller may do now, and 登记服务记录 while serving, as
 * full-width buttons (two to a row) in a bar kept at the bottom of the screen, in reach of a thumb.
 */
function PhoneActionBar({ order, onLogVisit }: { order: OrderView; onLogVisit: () => void }) {
  const t = useT();
  const { token } = theme.useToken();
  if (order.actions.length === 0 && !order.canLogVisit) return null;
  return (
    <div
      role="toolbar"
      aria-label={t('orders.actionBar')}
      data-testid="order-action-bar"
      style={{
        position: 'sticky',
        bottom: 0,
        zIndex: 10,
        marginTop: 16,
        padding: 8,
        paddingBottom: 'calc(8px + env(safe-area-inset-bottom, 0px))',
        display: 'flex',
        flexWrap: 'wrap',
        gap: 8,
        background: token.colorBgContainer,
        borderRadius: token.borderRadiusLG,
        boxShadow: token.boxShadowSecondary,
      }}
    >
      <OrderActions order={order} bar />
      {order.canLogVisit && (
        <Button block icon={<PlusOutlined />} style={BAR_BUTTON} onClick={onLogVisit} data-testid="visit-add">
          {t('orders.visit.add')}
        </Button>
      )}
    </div>
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
  const phone = usePhone();
  // The latest round first.
  const offers = [...order.offers].sort((a, b) => b.round - a.round);
  const expert = (offer: OrderOffer) =>
    canOpen ? <Link to={`/registry/talents/${offer.talentId}`}>{offer.name}</Link> : offer.name;
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
      render: (_, offer) => expert(offer),
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
  // On a phone, one offer per line instead of a table's squeezed columns.
  if (phone) {
    return (
      <Card title={t('orders.offers')} data-testid="order-offers">
        <List<OrderOffer>
          size="small"
          dataSource={offers}
          locale={{ emptyText: t('orders.offer.none') }}
          renderItem={(offer) => (
            <List.Item key={`${offer.round}:${offer.talentId}`}>
              <Space direction="vertical" size={2}>
                <Space size={8} wrap>
                  {expert(offer)}
                  <OfferStateTag state={offer.state} />
                  <Typography.Text type="secondary">
                    {t('orders.roundN', { round: offer.round })}
                  </Typography.Text>
                </Space>
                {offer.reason && (
                  <Typography.Text type="secondary">
                    {t('orders.offer.reason')}：{offer.reason}
                  </Typography.Text>
                )}
              </Space>
            </List.Item>
          )}
        />
      </Card>
    );
  }
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
                <Typography.Text type="secondary" data-testid="order-outcome-date">
                  {formatDate(outcome.happenedOn)}
                </Typography.Text>
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
      .filter(
        (x): x is { kind: string; amountYuan?: number; happenedOn?: string } =>
          typeof x === 'object' && x !== null,
      )
      .map((x) => {
        const outcome =
          typeof x.amountYuan === 'number'
            ? `${outcomeLabel(t, x.kind)} ${formatYuan(t, x.amountYuan)}`
            : outcomeLabel(t, x.kind);
        // Outcomes entered before they were dated (earlier finishes) have no day in their history.
        return typeof x.happenedOn === 'string'
          ? t('orders.outcome.on', { outcome, date: x.happenedOn })
          : outcome;
      });
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
