import { accountActor, type Platform } from '../main.ts';
import { RegistryRepository } from '../modules/registry/repository.ts';
import { CommissionersService } from '../modules/standing/commissioners.ts';
import { DEFAULT_CADENCE } from '../modules/standing/constants.ts';
import { addDays, chinaDate, startOfChinaDay } from '../reference/china-time.ts';
import { DEMO_CITY } from './city.ts';
import { seedActor } from './registry.ts';

const TEAM = '长兴新能源组合式人才帮扶团';
const PLACE = '长兴新能源人才工作站';

/**
 * The demo's standing service: a team's living plan, a round of tech
 * commissioners at work and the office's contact duties, so that `npm start`
 * shows every kind of occurrence on the one calendar, done, due and overdue.
 */
export async function seedStandingDemo(
  platform: Platform,
  adminUserId: string,
  parts: { commissioners?: boolean } = {},
) {
  await seedTeamPlan(platform, adminUserId);
  if (parts.commissioners === false) return;
  await seedCommissioners(platform);
  await seedDuties(platform);
}

/**
 * A living "1346" plan for the demo's 组合式人才帮扶团: made six weeks before
 * the platform's today, its past salons held as activities at the county's
 * workstation (all but the latest, which shows as overdue), its monthly visit
 * logged with what the enterprises said, and the rest ahead on the calendar.
 */
async function seedTeamPlan(platform: Platform, adminUserId: string) {
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

/** The demo's commissioners: the demo expert with three enterprises (the demo enterprise first), and one more. */
const COMMISSIONERS: { expert: string; enterprises: { code: string; need: string }[] }[] = [
  {
    expert: 'ZJ-0001',
    enterprises: [
      { code: 'QY-001', need: '碳纤维汽车轻量化构件的成型工艺与量产良率' },
      { code: 'QY-007', need: '固废基新型墙材的配方优化与生产降耗' },
      { code: 'QY-003', need: '竹纤维复合板材的防霉与连续化热压工艺' },
    ],
  },
  { expert: 'ZJ-0003', enterprises: [{ code: 'QY-004', need: '永磁同步电机无位置传感器控制算法' }] },
];

/**
 * A confirmed round of 科技特派员 in the demo city whose two-year term began
 * about two months before the platform's today: the demo expert (陈志远,
 * ZJ-0001) serves three enterprises including the demo enterprise (QY-001)
 * and ZJ-0003 one. Their monthly visits so far are logged by the
 * commissioners themselves — all but the demo expert's latest to his third
 * enterprise, which shows as overdue — and what QY-001 said at the first
 * visit is refined into a demand still waiting, as its draft, for the
 * enterprise to confirm.
 */
async function seedCommissioners(platform: Platform) {
  const operator = await accountActor(platform, 'operator');
  const expert = await accountActor(platform, 'expert');
  const enterprise = await accountActor(platform, 'enterprise');
  if (!operator || !expert || !enterprise) return;
  if ((await platform.standing.desk.rounds(operator, 1, 1)).total > 0) return;
  const registry = new RegistryRepository(platform.database.db);
  const companies = new Map(
    (
      await registry.byCodes(
        'enterprises',
        COMMISSIONERS.flatMap((c) => c.enterprises.map((e) => e.code)),
      )
    ).map((e) => [e.code, e.id]),
  );
  const experts = new Map(
    (
      await registry.byCodes(
        'talents',
        COMMISSIONERS.map((c) => c.expert),
      )
    ).map((t) => [t.code, t.id]),
  );
  if (companies.size < 4 || experts.size < 2) return;

  const today = chinaDate(platform.clock.now());
  const termStart = monthsBefore(today, 2);
  const termEnd = addDays(termStart, 730);
  // The round was run and confirmed when the term began: the same service on a clock set to that
  // morning, so its visits are planned from then (confirming today would plan them from today).
  const then = startOfChinaDay(termStart).getTime() + 9 * 3_600_000;
  const office = new CommissionersService(
    platform.database,
    platform.audit,
    { now: () => new Date(then) },
    platform.calendar,
    platform.matching,
  );
  const opened = await office.create(operator, {
    name: `${termStart.slice(0, 4)}年度湖州市科技特派员选派`,
    regionCode: DEMO_CITY,
    termStart,
    termEnd,
    portfolioLimit: 3,
    visitCadence: { period: 'month', count: 1 },
  });
  await office.addEntries(operator, opened.id, {
    enterprises: COMMISSIONERS.flatMap((c) =>
      c.enterprises.map((e) => ({ id: companies.get(e.code)!, need: e.need })),
    ),
    experts: COMMISSIONERS.map((c) => ({ id: experts.get(c.expert)! })),
  });
  // The demo enterprise states its own preference for the demo expert.
  await office.setPreferences(enterprise, opened.id, undefined, { preferences: [experts.get('ZJ-0001')!] });
  const proposed = await office.propose(operator, opened.id);
  // The operator keeps the proposal where it agrees with the office's plan and sets the rest:
  // first clearing what differs, so that no portfolio passes its limit on the way.
  const wanted = new Map(
    COMMISSIONERS.flatMap((c) => c.enterprises.map((e) => [companies.get(e.code)!, experts.get(c.expert)!])),
  );
  const differs = [...wanted].filter(
    ([enterpriseId, talentId]) =>
      proposed.pairs.find((p) => p.enterpriseId === enterpriseId)?.talentId !== talentId,
  );
  for (const [enterpriseId] of differs)
    await office.setPair(operator, opened.id, { enterpriseId, talentId: null });
  let round = proposed;
  for (const [enterpriseId, talentId] of differs) {
    round = await office.setPair(operator, opened.id, { enterpriseId, talentId });
  }
  round = await office.confirm(operator, opened.id, round.version);

  const commissioners = { [experts.get('ZJ-0001')!]: expert, [experts.get('ZJ-0003')!]: operator };
  const order = COMMISSIONERS.flatMap((c) => c.enterprises.map((e) => companies.get(e.code)!));
  const pairs = [...round.pairs].sort(
    (a, b) => order.indexOf(a.enterpriseId) - order.indexOf(b.enterpriseId),
  );
  const lastOfDemoExpert = pairs.filter((p) => p.talentId === experts.get('ZJ-0001')).at(-1);
  for (const pair of pairs) {
    // ZJ-0003 has no account of the demo: the office logs his visits from what he reports.
    const by = commissioners[pair.talentId] ?? operator;
    const visits = (
      await platform.standing.occurrences(by, { pairingId: pair.id, page: 1, pageSize: 100 }, 'zh-CN')
    ).items.filter((o) => o.dueOn < today);
    const logged = pair === lastOfDemoExpert ? visits.slice(0, -1) : visits;
    for (const [n, visit] of logged.entries()) {
      // A few working days before the month's last, within the month and the term.
      const day = platform.calendar.workdayOnOrBefore(addDays(visit.dueOn, -2 - 3 * n));
      const done = await platform.standing.records.record(
        by,
        visit.id,
        {
          visit: {
            visitedOn: day >= visit.periodStart && day >= termStart ? day : visit.dueOn,
            mode: n === 1 ? 'video' : 'onsite',
            people: `科技特派员${pair.talentName}，企业技术负责人`,
            summary: `第${n + 1}次走访${pair.enterpriseName}，了解生产工艺与研发进展，梳理技术难题。`,
            findings:
              n === 0 && pair.enterpriseId === companies.get('QY-001')
                ? '碳纤维构件热压成型周期长、废品率约8%，企业希望缩短成型周期并建立在线质量检测。'
                : '企业反映研发人员不足，希望特派员协助对接高校实习生与联合实验室。',
          },
        },
        'zh-CN',
      );
      if (n === 0 && pair.enterpriseId === companies.get('QY-001') && done.record?.visitId) {
        await platform.standing.visits.refine(by, done.record.visitId, {
          title: '碳纤维汽车构件快速热压成型与在线质量检测技术',
          description:
            '企业碳纤维汽车轻量化构件热压成型周期长、废品率约8%。需要快速固化树脂体系与模具温控方案，将成型周期缩短三成，并建立基于机器视觉的在线缺陷检测，废品率降至3%以下。',
          keywords: ['碳纤维', '热压成型', '在线检测'],
        });
      }
    }
  }
}

/**
 * The office's contact duties: 王敏 (the demo operator) keeps in touch with a
 * leading talent, with the care visits of 5·30 and before the holidays, and
 * with an enterprise once a quarter, for a year from today.
 */
async function seedDuties(platform: Platform) {
  const operator = await accountActor(platform, 'operator');
  if (!operator) return;
  if ((await platform.standing.duties.list(operator, { regionPrefix: '', page: 1, pageSize: 1 })).total > 0)
    return;
  const registry = new RegistryRepository(platform.database.db);
  const [talent] = await registry.byCodes('talents', ['ZJ-0010']);
  const [company] = await registry.byCodes('enterprises', ['QY-008']);
  if (!talent || !company) return;
  const today = chinaDate(platform.clock.now());
  const endOn = addDays(today, 364);
  await platform.standing.duties.create(operator, {
    assigneeUserId: operator.userId,
    subject: 'talent',
    talentId: talent.id,
    care: true,
    startOn: today,
    endOn,
    note: '市级重点联系人才，每季度联系一次，节日与科技工作者日上门关怀',
  });
  await platform.standing.duties.create(operator, {
    assigneeUserId: operator.userId,
    subject: 'enterprise',
    enterpriseId: company.id,
    care: false,
    startOn: today,
    endOn,
    note: '市领导联系企业，每季度了解一次人才与技术需求',
  });
}

/** The same day some months earlier (the month's last day where it has no such day). */
function monthsBefore(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 - months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}
