import { listParams, param } from '../../app/listParams.ts';
import { ORDER_STATUSES, ORDER_TODOS, type OrderFilters } from './types.ts';

/** The order list's URL parameters (the sort is the server's: the list offers none). */
export const orderParams = listParams<Omit<OrderFilters, 'sort'>>({
  status: param.oneOf(ORDER_STATUSES),
  q: param.text(64),
  overdue: param.flag,
  todo: param.oneOf(ORDER_TODOS),
});
