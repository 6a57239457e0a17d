/**
 * The service orders API's shapes (服务订单), as src/modules/orders/contract.ts
 * and machine.ts define them.
 *
 *   placed ──dispatch──▶ dispatched ──accept──▶ accepted ──start──▶ in_service ──finish──▶
 *   awaiting_confirmation ──confirm──▶ closed; decline/timeout go back to placed, reopen to
 *   in_service, cancel (before service) to cancelled.
 */

export const ORDER_STATUSES = [
  'placed',
  'dispatched',
  'accepted',
  'in_service',
  'awaiting_confirmation',
  'closed',
  'cancelled',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export function isOrderStatus(value: string | null | undefined): value is OrderStatus {
  return (ORDER_STATUSES as readonly string[]).includes(value ?? '');
}

/** The actions a caller may be offered, in the order of an order's life (`timeout` is the system's). */
export const ORDER_ACTIONS = [
  'dispatch',
  'redispatch',
  'accept',
  'decline',
  'start',
  'finish',
  'confirm',
  'reopen',
  'cancel',
] as const;
export type OrderAction = (typeof ORDER_ACTIONS)[number] | 'timeout';

/** What a history row can record: the transitions, placing the order, and an escalated deadline. */
export type OrderEventAction = OrderAction | 'place' | 'overdue';

/** 服务成效: what came of the service. Agreements and transfers carry an amount in yuan. */
export const OUTCOME_KINDS = ['agreement', 'solved', 'transfer', 'talent', 'none'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];
export const OUTCOMES_WITH_AMOUNT: readonly OutcomeKind[] = ['agreement', 'transfer'];

/** An offer to one expert in one dispatch round. */
export const OFFER_STATES = ['offered', 'accepted', 'declined', 'withdrawn'] as const;

export interface OrderOffer {
  talentId: string;
  name: string;
  round: number;
  state: string;
  /** Why they declined. */
  reason: string | null;
}

export interface OrderEvent {
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actorName: string;
  reason: string | null;
  /** dispatch: experts (ids), round, institution; accept/decline: expert; finish: outcomes; confirm: rating. */
  details: Record<string, unknown>;
  at: string;
}

export interface OrderOutcome {
  kind: OutcomeKind;
  amountYuan: number | null;
  note: string | null;
}

export interface VisitAttachment {
  id: string;
  name: string;
  size: number;
  contentType: string;
}

export interface OrderVisit {
  /** Being added on the server with attachments; older answers have neither. */
  id?: string;
  /** YYYY-MM-DD. */
  visitedOn: string;
  place: string | null;
  people: string | null;
  summary: string;
  by: string;
  attachments?: VisitAttachment[];
}

/** One order as the list answers it (without offers, history, outcomes and visits). */
export interface OrderListItem {
  id: string;
  /** GD-YYYYMMDD-XXXXXX. */
  code: string;
  demandId: string | null;
  title: string;
  description: string | null;
  enterpriseId: string | null;
  institutionId: string | null;
  institutionName: string | null;
  /** The service team it was dispatched to. */
  teamId: string | null;
  teamName: string | null;
  regionCode: string | null;
  status: OrderStatus;
  /** The dispatch round (0 before the first dispatch). */
  round: number;
  statusChangedAt: string;
  /** When the current step is due, and whether that has passed. */
  stepDueAt: string | null;
  overdue: boolean;
  rating: number | null;
  ratingComment: string | null;
  createdAt: string;
  version: number;
  /** What the caller may do with it now. */
  actions: OrderAction[];
  /** Whether the caller may log visits and attach files now. */
  canLogVisit: boolean;
}

export interface OrderView extends OrderListItem {
  offers: OrderOffer[];
  outcomes: OrderOutcome[];
  visits: OrderVisit[];
  events: OrderEvent[];
}

export interface OrderPage {
  items: OrderListItem[];
  total: number;
  page: number;
  pageSize: number;
}

export interface OrderFilters {
  status?: OrderStatus;
  /** Order code or title (substring). */
  q?: string;
  /** Only orders whose current step is past due. */
  overdue?: 'true';
  /** updated (default), due: the most pressing step first, created. */
  sort?: 'updated' | 'due' | 'created';
}

export interface OrderListParams extends OrderFilters {
  page: number;
  pageSize: number;
}

/** 派单看板: orders per status, and how long each step took. */
export interface OrderBoard {
  statuses: { status: OrderStatus; count: number; overdue: number }[];
  steps: { status: OrderStatus; transitions: number; medianHours: number; meanHours: number }[];
}

export interface OutcomeInput {
  kind: OutcomeKind;
  amountYuan?: number;
  note?: string;
}

export interface OrderTransitionBody {
  action: OrderAction;
  version: number;
  reason?: string;
  /** dispatch / redispatch: experts offered the order, the institution that dispatches it further, or a team. */
  experts?: string[];
  institutionId?: string;
  teamId?: string;
  outcomes?: OutcomeInput[];
  /** confirm: 1–5. */
  rating?: number;
  comment?: string;
}

export interface PlaceOrderBody {
  demandId: string;
  description?: string;
}

export interface VisitBody {
  visitedOn: string;
  place?: string;
  people?: string;
  summary: string;
}
