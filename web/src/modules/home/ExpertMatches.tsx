import { Tag } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n.tsx';
import { MyMatchesCard } from '../matching/MyMatchesCard.tsx';
import { useOrders } from '../orders/api.ts';
import { orderStatusLabel } from '../orders/shared.tsx';
import type { OrderListItem } from '../orders/types.ts';

/**
 * 适合我的需求, with the demands the expert already has an order for marked (我的订单 · 服务中),
 * linking to that order.
 */
export function ExpertMatches({ canReadOrders }: { canReadOrders: boolean }) {
  const { t } = useI18n();
  const orders = useOrders({ page: 1, pageSize: 100, sort: 'updated' }, canReadOrders);
  const byDemand = new Map<string, OrderListItem>();
  // Newest first: the first order of a demand is its current one.
  for (const order of orders.data?.items ?? []) {
    if (order.demandId && !byDemand.has(order.demandId)) byDemand.set(order.demandId, order);
  }
  return (
    <MyMatchesCard
      badge={(result) => {
        const order = byDemand.get(result.id);
        if (!order) return null;
        return (
          <Link to={`/orders/${order.id}`} data-testid="match-my-order">
            <Tag color="gold" style={{ marginInlineEnd: 0 }}>
              {t('home.myOrder', { status: orderStatusLabel(t, order.status) })}
            </Tag>
          </Link>
        );
      }}
    />
  );
}
