import { accountActor, type Platform } from '../main.ts';
import type { OrderTransitionRequest } from '../modules/orders/contract.ts';
import { RegistryRepository } from '../modules/registry/repository.ts';
import { chinaDate } from '../reference/china-time.ts';

type Step = Omit<OrderTransitionRequest, 'version'> & { by: 'operator' | 'expert' };

/**
 * Demo service orders, one at each stage, so the dispatch board, the demo
 * expert's inbox and the dashboard's funnel have something to show. The
 * office places them for the enterprises (代企业点单) on demands other than
 * XQ-2026-001, which the demo enterprise account keeps for itself; the demo
 * expert (ZJ-0001, alone or leading 湖州新材料助企服务团) is the one who serves,
 * since only ZJ-0001 has an account to accept with.
 */
const ORDERS: { demand: string; note: string; steps: (ids: Ids) => Step[]; visit?: string }[] = [
  { demand: 'XQ-2026-002', note: '希望尽快安排专家上门诊断。', steps: () => [] },
  {
    demand: 'XQ-2026-003',
    note: '企业希望与高校团队联合攻关。',
    steps: (ids) => [{ by: 'operator', action: 'dispatch', experts: [ids.expert] }],
  },
  {
    demand: 'XQ-2026-004',
    note: '请服务团上门对接。',
    steps: (ids) => [
      { by: 'operator', action: 'dispatch', teamId: ids.team },
      { by: 'expert', action: 'accept' },
      { by: 'expert', action: 'start' },
    ],
    visit: '服务团首次上门，了解生产工艺现状，约定两周后带方案复访。',
  },
  {
    demand: 'XQ-2026-005',
    note: '',
    steps: (ids) => [
      { by: 'operator', action: 'dispatch', experts: [ids.expert] },
      { by: 'expert', action: 'accept' },
      { by: 'expert', action: 'start' },
      {
        by: 'expert',
        action: 'finish',
        outcomes: [
          { kind: 'agreement', amountYuan: 200_000, note: '签订技术开发合同' },
          { kind: 'solved', note: '工艺参数优化后良品率提升' },
        ],
      },
      { by: 'operator', action: 'confirm', rating: 5, comment: '企业反馈服务及时、方案可行（电话回访）。' },
    ],
    visit: '现场调试工艺参数，形成优化方案并与企业技术负责人确认。',
  },
  {
    demand: 'XQ-2026-006',
    note: '',
    steps: () => [{ by: 'operator', action: 'cancel', reason: '企业已自行解决，撤回点单' }],
  },
];

interface Ids {
  expert: string;
  team: string;
}

export async function seedOrdersDemo(platform: Platform) {
  const operator = await accountActor(platform, 'operator');
  const expert = await accountActor(platform, 'expert');
  if (!operator || !expert) return;
  if ((await platform.orders.list(operator, { page: 1, pageSize: 1, sort: 'updated' })).total > 0) return;
  const [zj] = await new RegistryRepository(platform.database.db).byCodes('talents', ['ZJ-0001']);
  const team = (await platform.teams.list(operator, { page: 1, pageSize: 20 })).items.find(
    (t) => t.name === '湖州新材料助企服务团',
  );
  if (!zj || !team) return;
  const ids: Ids = { expert: zj.id, team: team.id };
  const actors = { operator, expert };
  for (const spec of ORDERS) {
    const demand = (
      await platform.lists.list(operator, 'demands', { page: 1, pageSize: 1, q: spec.demand, sort: 'code' })
    ).items[0];
    if (!demand) continue;
    let order = await platform.orders.place(operator, {
      demandId: String(demand.id),
      ...(spec.note ? { description: spec.note } : {}),
    });
    for (const { by, ...step } of spec.steps(ids)) {
      if (step.action === 'finish' && spec.visit) {
        order = await platform.orders.logVisit(expert, order.id, {
          visitedOn: chinaDate(platform.clock.now()),
          summary: spec.visit,
        });
      }
      order = await platform.orders.transition(actors[by], order.id, { ...step, version: order.version });
    }
    if (order.status === 'in_service' && spec.visit) {
      await platform.orders.logVisit(expert, order.id, {
        visitedOn: chinaDate(platform.clock.now()),
        summary: spec.visit,
      });
    }
  }
}
