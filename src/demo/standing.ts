import type { Platform } from '../main.ts';
import { DEFAULT_CADENCE } from '../modules/standing/constants.ts';
import { addDays, chinaDate } from '../reference/china-time.ts';
import { seedActor } from './registry.ts';

const TEAM = '长兴新能源组合式人才帮扶团';
const PLACE = '长兴新能源人才工作站';

/**
 * A living "1346" plan for the demo's 组合式人才帮扶团: made six weeks before
 * the platform's today, its past salons held as activities at the county's
 * workstation (all but the latest, which shows as overdue), its monthly visit
 * logged with what the enterprises said, and the rest ahead on the calendar.
 */
export async function seedStandingDemo(platform: Platform, adminUserId: string) {
  // Recorded by the workstation's liaison, as the office would see it.
  const actor = { ...seedActor(adminUserId), displayName: '钱立伟（长兴新能源人才工作站）' };
  const [team] = (await platform.teams.list(actor, { q: TEAM, page: 1, pageSize: 1 })).items;
  if (!team) return;
  const today = chinaDate(platform.clock.now());
  const year = Number(today.slice(0, 4));
  if ((await platform.standing.plan(actor, team.id, year, 'zh-CN')).id) return;
  const sixWeeksAgo = addDays(today, -42);
  const plan = await platform.standing.savePlan(
    actor,
    team.id,
    year,
    {
      cadence: DEFAULT_CADENCE,
      services: {
        direction: '研判长兴新能源电池产业链短板，提出补链强链方向',
        research: '围绕电池回收与梯次利用开展关键技术攻关',
        support: '为县内电池企业引进和培养研发、工艺人才',
        links: '对接浙江大学、湖州师范学院等高校院所',
      },
      goal: '三年内推动长兴新能源电池产业产值提升两成，培育一家省级重点企业研究院',
      milestones: [
        { year, text: '摸清县内重点电池企业技术需求，形成需求清单' },
        { year: year + 1, text: '落地两项电池回收利用技术合作' },
        { year: year + 2, text: '建成省级重点企业研究院' },
      ],
      from: sixWeeksAgo.startsWith(`${year}-`) ? sixWeeksAgo : `${year}-01-01`,
    },
    'zh-CN',
  );
  const past = plan.occurrences.filter((o) => o.dueOn < today);
  const salons = past.filter((o) => o.kind === 'salon');
  let n = 0;
  // Every past salon but the latest was held; the latest is left for the plan to show as overdue.
  for (const salon of salons.slice(0, -1)) {
    n += 1;
    const held = await platform.activities.create(actor, {
      kind: 'forum',
      title: `新能源电池微沙龙（第${n}期）`,
      description: '帮扶团专家与县内电池企业技术负责人围绕一个具体问题座谈交流。',
      startsAt: `${salon.dueOn}T14:30:00+08:00`,
      endsAt: `${salon.dueOn}T16:30:00+08:00`,
      place: PLACE,
      regionCode: '330522',
      organisers: ['长兴县委人才办'],
      capacity: 30,
      needsApproval: false,
      details: {},
      featured: [],
    });
    await platform.activities.transition(actor, held.id, { action: 'publish', version: held.version });
    await platform.standing.records.record(actor, salon.id, { activityId: held.id }, 'zh-CN');
  }
  for (const session of past.filter((o) => o.kind !== 'salon')) {
    await platform.standing.records.record(
      actor,
      session.id,
      {
        visit: {
          visitedOn: session.dueOn,
          place: '长兴县太湖街道电池企业',
          people: '首席专家、两名专家、技术经理人，企业技术负责人',
          summary: '走访三家电池企业，了解极片涂布与电池回收环节的生产难题。',
          findings: '极片涂布厚度一致性差、废旧电池拆解效率低，企业希望对接自动化拆解技术。',
        },
      },
      'zh-CN',
    );
  }
}
