import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/client.ts';
import type { NotificationsService } from '../../platform/notifications/service.ts';
import { chinaDate } from '../../reference/china-time.ts';
import type { WorkCalendar } from '../../reference/workdays.ts';
import { RegistryRepository } from '../registry/repository.ts';
import { stepDue } from './deadlines.ts';
import { ORDER_STATUS_NAMES, type OrderAction } from './machine.ts';
import type { ServiceOrderRow } from './schema.ts';
import type { OfferWithName } from './views.ts';

/**
 * 站内消息 about orders: who hears of each step and what they are told. Sent
 * in the step's transaction, so a step rolled back tells nobody.
 */
export class OrderNotices {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    /** China's working days with the configured days off, for the answer-by day of an offer. */
    private readonly calendar: WorkCalendar,
  ) {}

  /** Who hears of a step on `order` (as it is after the step), and what they are told. */
  async tell(
    tx: Executor,
    order: ServiceOrderRow,
    action: OrderAction | 'overdue',
    details: Record<string, unknown>,
    offers: OfferWithName[],
  ): Promise<void> {
    const n = this.notifications;
    const link = `/orders/${order.id}`;
    const title = (what: string) => `${what}：${order.title}`;
    const enterprise = () => n.membersOf(tx, [order.organisationId]);
    const operators = () => n.operatorsOf(tx, order.scopeRegion);
    const accepted = offers.filter((x) => x.state === 'accepted' && x.userId).map((x) => x.userId!);
    const open = offers.filter((x) => x.state === 'offered' && x.userId).map((x) => x.userId!);
    const reason = typeof details.reason === 'string' ? details.reason : null;
    switch (action) {
      case 'dispatch':
      case 'redispatch': {
        const experts = await new RegistryRepository(tx).linkedByIds(
          'talents',
          (details.experts as string[]) ?? [],
        );
        const due = stepDue('dispatched', this.clock.now(), this.calendar);
        const body = `${details.actor}向您派单，请在 ${due ? chinaDate(new Date(due.getTime() - 1)) : ''} 前接单或说明原因拒单。`;
        await n.send(
          tx,
          [...experts.values()].map((e) => e.userId).filter((u): u is string => !!u),
          {
            kind: 'order.offer',
            title: title('新的服务订单'),
            body,
            link,
          },
        );
        if (details.institution) {
          await n.send(tx, await n.membersOf(tx, [order.institutionOrganisationId]), {
            kind: 'order.institution',
            title: title('服务订单派至本单位'),
            body: '请选派本单位专家服务。',
            link,
          });
        }
        break;
      }
      case 'accept':
        await n.send(tx, [...(await enterprise()), ...(await operators())], {
          kind: 'order.accept',
          title: title('专家已接单'),
          body: `${details.expert ?? ''}已接单。`,
          link,
        });
        break;
      case 'decline':
        await n.send(tx, await operators(), {
          kind: 'order.decline',
          title: title('专家拒单'),
          body: `${details.expert ?? ''}：${reason ?? ''}`,
          link,
        });
        break;
      case 'timeout':
        await n.send(tx, await operators(), {
          kind: 'order.timeout',
          title: title('派单超时未接，已退回待派'),
          link,
        });
        break;
      case 'finish':
        await n.send(tx, await enterprise(), {
          kind: 'order.finish',
          title: title('服务已完成，请确认办结并评价'),
          link,
        });
        break;
      case 'confirm':
      case 'reopen':
        await n.send(tx, accepted, {
          kind: `order.${action}`,
          title: title(action === 'confirm' ? '企业已确认办结' : '企业退回继续服务'),
          body: action === 'confirm' ? `评分 ${details.rating ?? ''} 分` : reason,
          link,
        });
        if (details.askSolved === true && order.demandId) {
          await n.send(tx, await enterprise(), {
            kind: 'demand.solved',
            title: title('请确认需求是否已解决'),
            body: '服务订单已办结并有成效。需求已解决的，请在需求页面点“已解决”；尚未解决的，点“尚未解决”，需求继续对接。',
            link: `/lists/demands/${order.demandId}`,
          });
        }
        break;
      case 'cancel':
        await n.send(tx, [...open, ...accepted], {
          kind: 'order.cancel',
          title: title('订单已取消'),
          body: reason,
          link,
        });
        break;
      case 'overdue':
        await n.send(tx, await operators(), {
          kind: 'order.overdue',
          title: title('订单环节超时'),
          body: `当前环节“${ORDER_STATUS_NAMES[order.status].zh}”已于 ${
            order.stepDueAt ? chinaDate(new Date(order.stepDueAt.getTime() - 1)) : ''
          } 到期，请督办。`,
          link,
        });
        break;
      default:
        break;
    }
  }
}
