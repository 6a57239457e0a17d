/**
 * The service orders API as the web sees it (服务订单): its routes typed by the
 * server's contract (src/modules/orders/contract.ts), the contract's types and
 * the server's code values (machine.ts, constants.ts), and what only the web has.
 *
 *   placed ──dispatch──▶ dispatched ──accept──▶ accepted ──start──▶ in_service ──finish──▶
 *   awaiting_confirmation ──confirm──▶ closed; decline/timeout go back to placed, reopen to
 *   in_service, cancel (before service) to cancelled.
 */
import type {
  OrderView,
  orderBoard,
  orderPage,
  ordersQuery,
  orderTransitionRequest,
  orderView,
  placeOrderRequest,
  visitInput,
} from '@server/modules/orders/contract.ts';
import { ORDER_STATUSES, type OrderAction, type OrderStatus } from '@server/modules/orders/machine.ts';
import type { BodyOf, QueryOf } from '../../app/api.ts';

export type OrderRoutes = {
  'GET /api/orders': { query: typeof ordersQuery; reply: typeof orderPage };
  'GET /api/orders/board': { reply: typeof orderBoard };
  'GET /api/orders/:id': { reply: typeof orderView };
  'POST /api/orders': { body: typeof placeOrderRequest; reply: typeof orderView };
  'POST /api/orders/:id/transition': { body: typeof orderTransitionRequest; reply: typeof orderView };
  'POST /api/orders/:id/visits': { body: typeof visitInput; reply: typeof orderView };
  'POST /api/orders/:id/visits/:visitId/attachments': { form: true; reply: typeof orderView };
};

export {
  ORDER_TODO_NAMES,
  ORDER_TODOS,
  type OrderTodo,
  OUTCOME_KINDS,
  OUTCOMES_WITH_AMOUNT,
  type OutcomeKind,
} from '@server/modules/orders/constants.ts';
export type { OrderBoard, OrderListItem, OrderView } from '@server/modules/orders/contract.ts';
export {
  ORDER_ACTIONS,
  ORDER_STATUS_NAMES,
  ORDER_STATUSES,
  type OrderAction,
  type OrderStatus,
} from '@server/modules/orders/machine.ts';

export type OrderOffer = OrderView['offers'][number];
export type OrderEvent = OrderView['events'][number];
export type OrderOutcome = OrderView['outcomes'][number];
export type OrderVisit = OrderView['visits'][number];
export type VisitAttachment = OrderVisit['attachments'][number];

export type PlaceOrderBody = BodyOf<OrderRoutes['POST /api/orders']>;
export type OrderTransitionBody = BodyOf<OrderRoutes['POST /api/orders/:id/transition']>;
export type OutcomeInput = NonNullable<OrderTransitionBody['outcomes']>[number];
export type VisitBody = BodyOf<OrderRoutes['POST /api/orders/:id/visits']>;

export function isOrderStatus(value: string | null | undefined): value is OrderStatus {
  return (ORDER_STATUSES as readonly string[]).includes(value ?? '');
}

/** What a history row can record: the transitions, placing the order, and an escalated deadline. */
export type OrderEventAction = OrderAction | 'place' | 'overdue';

/** The list's filters as its page keeps them in the URL (`overdue` is only ever asked for). */
export type OrderFilters = Pick<QueryOf<OrderRoutes['GET /api/orders']>, 'status' | 'q' | 'sort' | 'todo'> & {
  overdue?: 'true';
};

export interface OrderListParams extends OrderFilters {
  page: number;
  pageSize: number;
}
