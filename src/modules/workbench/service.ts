import type { Actor } from '../../platform/access/actor.ts';
import type { Permission, Role } from '../../platform/access/permissions.ts';
import type { Clock } from '../../platform/clock.ts';
import { chinaDate } from '../../reference/china-time.ts';
import { activitiesQuery } from '../activities/contract.ts';
import type { ActivitiesService } from '../activities/service.ts';
import { LIST_KINDS, type ListKind, listItemsQuery } from '../lists/contract.ts';
import type { ListsService } from '../lists/service.ts';
import { ordersQuery } from '../orders/contract.ts';
import type { OrdersService } from '../orders/service.ts';
import { REGISTRY_KINDS, type RegistryKind } from '../registry/constants.ts';
import { listQuery } from '../registry/contract.ts';
import type { RegistryService } from '../registry/service.ts';
import type { WorkbenchTask } from './constants.ts';
import type { WorkbenchTaskView, WorkbenchView } from './contract.ts';

/** A list's filter as its URL carries it (and as its API route reads it). */
type Filter = Record<string, string>;

interface Total {
  count: number;
  capped: boolean;
}

/** A list a task opens: its web path (the API is `/api` + path), who may read it, and its total for a filter. */
interface Source {
  path: string;
  permission: Permission;
  total(actor: Actor, filter: Filter): Promise<Total>;
}

interface TaskSpec {
  key: WorkbenchTask;
  source: Source;
  filter: Filter;
  /** Whether the caller has this task: their role and permissions (besides reading the list). */
  when: (actor: Actor) => boolean;
}

const can = (permission: Permission) => (actor: Actor) => actor.permissions.has(permission);
const is = (role: Role, permission: Permission) => (actor: Actor) =>
  actor.role === role && actor.permissions.has(permission);

/**
 * 工作台: what waits for the caller — items to review, orders to dispatch,
 * answer, serve or confirm, overdue steps, this week's activities, values an
 * import flagged — each as a count and a link to its list already filtered.
 * A count is the total of that very list: the filter in the link is parsed by
 * the list route's own query schema and handed to the owning module's list
 * (or, for orders, the count that shares the list's conditions), in the
 * caller's scope. Tasks are chosen by role and permissions; one with nothing
 * waiting is still answered, with 0, so the home page keeps its shape.
 */
export class WorkbenchService {
  private readonly orders: Source;
  private readonly activities: Source;
  private readonly lists: Record<ListKind, Source>;
  private readonly registry: Record<RegistryKind, Source>;

  constructor(
    private readonly clock: Clock,
    lists: ListsService,
    registry: RegistryService,
    orders: OrdersService,
    activities: ActivitiesService,
  ) {
    this.orders = {
      path: '/orders',
      permission: 'orders.read',
      total: async (actor, filter) => ({
        count: await orders.count(actor, ordersQuery.parse(filter)),
        capped: false,
      }),
    };
    this.activities = {
      path: '/activities',
      permission: 'activities.read',
      total: async (actor, filter) => ({
        count: (await activities.list(actor, activitiesQuery.parse({ ...filter, pageSize: '1' }))).total,
        capped: false,
      }),
    };
    this.lists = Object.fromEntries(
      LIST_KINDS.map((kind): [ListKind, Source] => [
        kind,
        {
          path: `/lists/${kind}`,
          permission: 'lists.read',
          total: async (actor, filter) => {
            const page = await lists.list(actor, kind, listItemsQuery.parse({ ...filter, pageSize: '1' }));
            return { count: page.total, capped: page.totalCapped };
          },
        },
      ]),
    ) as Record<ListKind, Source>;
    this.registry = Object.fromEntries(
      REGISTRY_KINDS.map((kind): [RegistryKind, Source] => [
        kind,
        {
          path: `/registry/${kind}`,
          permission: 'registry.read',
          total: async (actor, filter) => {
            const page = await registry.list(actor, kind, listQuery.parse({ ...filter, pageSize: '1' }));
            return { count: page.total, capped: page.totalCapped };
          },
        },
      ]),
    ) as Record<RegistryKind, Source>;
  }

  /** The caller's tasks with their counts, in the order the home page shows them. */
  async tasks(actor: Actor): Promise<WorkbenchView> {
    const mine = this.specs().filter(
      (spec) => actor.permissions.has(spec.source.permission) && spec.when(actor),
    );
    // One at a time: PGlite answers one query at a time anyway, and a server's pool is left to requests.
    const tasks: WorkbenchTaskView[] = [];
    for (const spec of mine) {
      const { count, capped } = await spec.source.total(actor, spec.filter);
      tasks.push({ key: spec.key, count, capped, link: linkOf(spec.source, spec.filter) });
    }
    return { tasks };
  }

  private specs(): TaskSpec[] {
    const week = chinaWeek(this.clock.now());
    const orders = this.orders;
    return [
      ...(['draft', 'submitted', 'published'] as const).map(
        (status): TaskSpec => ({
          key: `demands.${status}`,
          source: this.lists.demands,
          filter: { status, mine: 'true' },
          when: is('enterprise', 'lists.submit'),
        }),
      ),
      {
        key: 'orders.confirm',
        source: orders,
        filter: { todo: 'confirm' },
        when: is('enterprise', 'orders.act'),
      },
      { key: 'orders.answer', source: orders, filter: { todo: 'answer' }, when: is('expert', 'orders.act') },
      { key: 'orders.serve', source: orders, filter: { todo: 'serve' }, when: is('expert', 'orders.act') },
      {
        key: 'orders.institutionDispatch',
        source: orders,
        filter: { todo: 'dispatch' },
        when: is('institution', 'orders.act'),
      },
      {
        key: 'orders.institutionOffered',
        source: orders,
        filter: { todo: 'offered' },
        when: is('institution', 'orders.act'),
      },
      { key: 'orders.placed', source: orders, filter: { status: 'placed' }, when: can('orders.manage') },
      { key: 'orders.overdue', source: orders, filter: { overdue: 'true' }, when: can('orders.manage') },
      ...LIST_KINDS.map(
        (kind): TaskSpec => ({
          key: `review.${kind}`,
          source: this.lists[kind],
          filter: { status: 'submitted' },
          when: can('lists.manage'),
        }),
      ),
      { key: 'activities.week', source: this.activities, filter: week, when: can('activities.manage') },
      {
        key: 'activities.myWeek',
        source: this.activities,
        filter: { ...week, mine: 'true' },
        when: (actor) =>
          actor.permissions.has('activities.join') && !actor.permissions.has('activities.manage'),
      },
      ...LIST_KINDS.map(
        (kind): TaskSpec => ({
          key: `flagged.${kind}`,
          source: this.lists[kind],
          filter: { flagged: 'true' },
          when: can('lists.manage'),
        }),
      ),
      ...REGISTRY_KINDS.map(
        (kind): TaskSpec => ({
          key: `flagged.${kind}`,
          source: this.registry[kind],
          filter: { flagged: 'true' },
          when: can('registry.manage'),
        }),
      ),
    ];
  }
}

/** The list's web path with the filter as its query string (the list page reads it from there). */
function linkOf(source: Source, filter: Filter): string {
  return `${source.path}?${new URLSearchParams(filter).toString()}`;
}

/** The China week (Monday to Sunday) of an instant, as the activities list's from/to filter. */
export function chinaWeek(now: Date): { from: string; to: string } {
  const today = Date.parse(`${chinaDate(now)}T00:00:00Z`);
  const sinceMonday = (new Date(today).getUTCDay() + 6) % 7;
  const day = (offset: number) => new Date(today + offset * 86_400_000).toISOString().slice(0, 10);
  return { from: day(-sinceMonday), to: day(6 - sinceMonday) };
}
