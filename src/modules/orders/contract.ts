import { z } from 'zod';
import { calendarDate, pageQuery, recordVersion } from '../../platform/auth/contract.ts';
import { ORDER_TODOS, OUTCOME_KINDS } from './constants.ts';
import { ORDER_ACTIONS, ORDER_STATUSES } from './machine.ts';

export const placeOrderRequest = z.strictObject({
  demandId: z.string().uuid(),
  /** What the enterprise asks for beyond the demand's own text. */
  description: z.string().trim().max(4000).optional(),
});

export const outcomeInput = z.strictObject({
  kind: z.enum(OUTCOME_KINDS),
  /** 合作协议 / 成果转化 (OUTCOMES_WITH_AMOUNT): the amount in yuan (CNY). */
  amountYuan: z.number().min(0).max(1e12).multipleOf(0.01).optional(),
  note: z.string().trim().max(1000).optional(),
  /**
   * The China date it happened (an agreement signed last week), today when absent; not after
   * today (ORDER_OUTCOME_DATE_IN_FUTURE) nor before the order was placed (ORDER_OUTCOME_DATE_BEFORE_ORDER).
   */
  happenedOn: calendarDate.optional(),
});

export const orderTransitionRequest = z.strictObject({
  action: z.enum(ORDER_ACTIONS),
  version: recordVersion,
  reason: z.string().trim().max(1000).optional(),
  /** dispatch / redispatch: the experts offered the order, and/or the institution that dispatches it further. */
  experts: z.array(z.string().uuid()).max(20).optional(),
  institutionId: z.string().uuid().optional(),
  /** dispatch / redispatch (operators): a service team of the order's city; its leader gets the offer. */
  teamId: z.string().uuid().optional(),
  /** finish: what came of it (at least one; `none` when nothing did). */
  outcomes: z.array(outcomeInput).min(1).max(10).optional(),
  /** confirm: the enterprise's rating and comment. */
  rating: z.number().int().min(1).max(5).optional(),
  comment: z.string().trim().max(1000).optional(),
});
export type OrderTransitionRequest = z.infer<typeof orderTransitionRequest>;

export const ordersQuery = z.strictObject({
  ...pageQuery,
  status: z.enum(ORDER_STATUSES).optional(),
  /** Order code or title (substring). */
  q: z.string().trim().max(64).optional(),
  /** Only orders whose current step is past its deadline. */
  overdue: z.enum(['true', 'false']).optional(),
  /** 待办: only the orders waiting for the caller in this way (constants.ts ORDER_TODOS). */
  todo: z.enum(ORDER_TODOS).optional(),
  /** updated: last changed first (default); due: the most pressing step first (the dispatcher's queue); created. */
  sort: z.enum(['updated', 'due', 'created']).default('updated'),
});
export type OrdersQuery = z.infer<typeof ordersQuery>;

/** The orders the caller sees, with the list's filters, as one sheet (台账). */
export const ordersExportQuery = ordersQuery.omit({ page: true, pageSize: true }).extend({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
});
export type OrdersExportQuery = z.infer<typeof ordersExportQuery>;

const offerView = z.object({
  talentId: z.string(),
  name: z.string(),
  round: z.number().int(),
  state: z.string(),
  reason: z.string().nullable(),
});

const eventView = z.object({
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  actorName: z.string(),
  reason: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  at: z.string(),
});

export const visitInput = z.strictObject({
  /**
   * The China date the visit took place, today (the platform's clock) when absent; a later
   * day is refused (VISIT_DATE_IN_FUTURE).
   */
  visitedOn: calendarDate.optional(),
  place: z.string().trim().max(200).optional(),
  people: z.string().trim().max(500).optional(),
  summary: z.string().trim().min(1).max(4000),
});

export type VisitInput = z.infer<typeof visitInput>;

export const orderView = z.object({
  id: z.string().uuid(),
  code: z.string(),
  demandId: z.string().nullable(),
  title: z.string(),
  description: z.string().nullable(),
  enterpriseId: z.string().nullable(),
  institutionId: z.string().nullable(),
  institutionName: z.string().nullable(),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  regionCode: z.string().nullable(),
  status: z.enum(ORDER_STATUSES),
  round: z.number().int(),
  statusChangedAt: z.string(),
  /** When the current step is due (working days), and whether it is past. */
  stepDueAt: z.string().nullable(),
  overdue: z.boolean(),
  rating: z.number().int().nullable(),
  ratingComment: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
  offers: z.array(offerView),
  /**
   * The enterprise that placed the order and its contact (contact.ts): whole for the
   * enterprise itself and whoever serves the order, masked (`masked`) for anyone else.
   */
  enterprise: z
    .object({
      id: z.string().uuid(),
      name: z.string(),
      contactName: z.string().nullable(),
      contactMobile: z.string().nullable(),
      masked: z.boolean(),
    })
    .nullable(),
  outcomes: z.array(
    z.object({
      kind: z.enum(OUTCOME_KINDS),
      amountYuan: z.number().nullable(),
      note: z.string().nullable(),
      /** The China date it happened. */
      happenedOn: z.string(),
    }),
  ),
  visits: z.array(
    z.object({
      id: z.string().uuid(),
      visitedOn: z.string(),
      place: z.string().nullable(),
      people: z.string().nullable(),
      summary: z.string(),
      by: z.string(),
      attachments: z.array(
        z.object({
          id: z.string().uuid(),
          name: z.string(),
          size: z.number().int(),
          contentType: z.string(),
        }),
      ),
    }),
  ),
  events: z.array(eventView),
  /** What the caller may do with it now. */
  actions: z.array(z.enum(ORDER_ACTIONS)),
  /** Whether the caller may log service visits and attach files now (who serves it, or an operator). */
  canLogVisit: z.boolean(),
});
export type OrderView = z.infer<typeof orderView>;

export const orderPage = z.object({
  items: z.array(
    orderView.omit({ offers: true, events: true, enterprise: true, outcomes: true, visits: true }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
/** One order as the list answers it (without offers, history, the enterprise's contact, outcomes and visits). */
export type OrderListItem = z.infer<typeof orderPage>['items'][number];

/** 派单看板: orders per status (overdue counted), and how long each step took (from the history). */
export const orderBoard = z.object({
  statuses: z.array(z.object({ status: z.string(), count: z.number().int(), overdue: z.number().int() })),
  steps: z.array(
    z.object({
      status: z.string(),
      transitions: z.number().int(),
      medianHours: z.number(),
      meanHours: z.number(),
    }),
  ),
});
export type OrderBoard = z.infer<typeof orderBoard>;
