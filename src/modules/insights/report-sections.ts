import type { MetricKey } from './metrics.ts';
import { change, count, money } from './numbers.ts';
import type { Breakdown, Comparison, InsightsService } from './service.ts';

export interface ReportSection {
  heading: string;
  paragraphs: string[];
}

type Funnel = Awaited<ReturnType<InsightsService['funnel']>>;
type Standing = Awaited<ReturnType<InsightsService['standing']>>;

/**
 * The report's text in fluent Chinese: a lead paragraph of the headline
 * figures and a section per area of work, sentences from templates that drop
 * what is zero, sections that drop when all their figures are.
 */
export function reportText(input: {
  figures: Map<MetricKey, Comparison>;
  byKind: Breakdown;
  byIndustry: Breakdown;
  funnel: Funnel;
  /** 常态化服务: the teams' sessions due in the period by kind, the commissioners' visits, the contact duties. */
  standing: Standing;
  /** How the period reads at the head of the lead (今年以来, 2024年1月至3月). */
  opening: string;
  place: string;
}): { lead: string; sections: ReportSection[] } {
  const { figures, byKind, byIndustry, funnel, standing, opening, place } = input;
  const v = (key: MetricKey) => figures.get(key)!.value;
  const amount = (key: MetricKey) => figures.get(key)!.amountYuan ?? 0;

  // Lead paragraph: the headline figures, each clause only when it is not zero.
  const clauses: string[] = [];
  if (v('activities_held') > 0) {
    clauses.push(
      `共举办各类对接活动${count(v('activities_held'))}场次${v('activity_attendance') > 0 ? `、参与${count(v('activity_attendance'))}人次` : ''}`,
    );
  }
  const published = [
    v('achievements_published') > 0 ? `科技成果${count(v('achievements_published'))}项` : '',
    v('demands_posted') > 0 ? `技术需求${count(v('demands_posted'))}项` : '',
  ].filter(Boolean);
  if (published.length > 0) clauses.push(`发布${published.join('、')}`);
  if (v('orders_placed') > 0) {
    clauses.push(
      `受理企业点单${count(v('orders_placed'))}个${v('orders_closed') > 0 ? `、办结${count(v('orders_closed'))}个` : ''}`,
    );
  }
  if (v('agreements_signed') > 0) {
    clauses.push(
      `促成签订合作协议${count(v('agreements_signed'))}项${amount('agreements_signed') > 0 ? `，金额${money(amount('agreements_signed'))}` : ''}`,
    );
  }
  if (v('problems_solved') > 0) clauses.push(`帮助企业解决技术难题${count(v('problems_solved'))}个`);
  if (v('talents_introduced') > 0) clauses.push(`引进人才${count(v('talents_introduced'))}人`);
  if (v('people_trained') > 0) clauses.push(`培训人才${count(v('people_trained'))}人次`);
  const lead =
    clauses.length > 0
      ? `${opening}，${place}依托才桥平台深化人才科技服务，${clauses.join('，')}。`
      : `${opening}，${place}暂无可统计的人才科技服务记录。`;

  const trend = (key: MetricKey) => {
    const f = figures.get(key)!;
    const parts = [
      change(f.value, f.lastYear.value, '同比'),
      change(f.value, f.previous.value, '环比'),
    ].filter((x): x is string => !!x);
    return parts.length > 0 ? `（${parts.join('，')}）` : '';
  };

  const sections: ReportSection[] = [];
  // 活动开展
  {
    const p: string[] = [];
    if (v('activities_held') > 0) {
      const kinds = byKind.items
        .filter((k) => k.value > 0)
        .map((k) => `${k.label}${count(k.value)}场次`)
        .join('、');
      p.push(
        `共举办活动${count(v('activities_held'))}场次${trend('activities_held')}${kinds ? `，其中${kinds}` : ''}。`,
      );
    }
    const more = [
      v('activity_attendance') > 0 ? `签到参与${count(v('activity_attendance'))}人次` : '',
      v('contacts_made') > 0 ? `开展对接洽谈${count(v('contacts_made'))}次` : '',
      v('hire_intents') > 0 ? `达成就业意向${count(v('hire_intents'))}人` : '',
      v('people_trained') > 0 ? `培训人才${count(v('people_trained'))}人次` : '',
    ].filter(Boolean);
    if (more.length > 0) p.push(`活动中${more.join('，')}。`);
    if (p.length > 0) sections.push({ heading: '活动开展', paragraphs: p });
  }
  // 需求与成果
  {
    const p: string[] = [];
    const lists = [
      v('demands_posted') > 0 ? `企业技术需求${count(v('demands_posted'))}项${trend('demands_posted')}` : '',
      v('achievements_published') > 0 ? `科技成果${count(v('achievements_published'))}项` : '',
      v('talent_demands_posted') > 0 ? `人才合作需求${count(v('talent_demands_posted'))}项` : '',
    ].filter(Boolean);
    if (lists.length > 0) p.push(`平台发布${lists.join('，')}。`);
    const top = byIndustry.items.filter((i) => i.key !== '-' && i.value > 0).slice(0, 3);
    if (top.length > 0) {
      p.push(`技术需求主要集中在${top.map((i) => `${i.label}（${count(i.value)}项）`).join('、')}。`);
    }
    if (p.length > 0) sections.push({ heading: '需求与成果', paragraphs: p });
  }
  // 服务订单
  {
    const p: string[] = [];
    if (funnel.placed > 0) {
      p.push(
        `企业点单${count(funnel.placed)}个${trend('orders_placed')}，其中已派单${count(funnel.dispatched)}个、专家接单${count(funnel.accepted)}个、办结${count(funnel.closed)}个${funnel.effective > 0 ? `（其中取得成效${count(funnel.effective)}个）` : ''}。`,
      );
      const names: Record<string, string> = {
        placed: '派单',
        dispatched: '接单',
        accepted: '启动服务',
        in_service: '服务',
        awaiting_confirmation: '企业确认',
      };
      const steps = funnel.steps
        .filter((s) => names[s.status])
        .map((s) => `${names[s.status]}环节平均用时${hours(s.meanHours)}`);
      if (steps.length > 0) p.push(`${steps.join('，')}。`);
    }
    if (v('orders_closed') > 0 && funnel.placed === 0) p.push(`办结服务订单${count(v('orders_closed'))}个。`);
    if (funnel.overdueNow > 0) p.push(`目前有${count(funnel.overdueNow)}个订单环节超时，已提醒督办。`);
    if (p.length > 0) sections.push({ heading: '服务订单', paragraphs: p });
  }
  // 常态化服务
  {
    const p = standingText(standing, v('teams_planned'), v('standing_visits'));
    if (p.length > 0) sections.push({ heading: '常态化服务', paragraphs: p });
  }
  // 合作成效
  {
    // Who signed, as a city's news reports it: 签约23项，涉及18家高校院所、19家企业.
    const signed = [
      v('institutions_signed') > 0 ? `${count(v('institutions_signed'))}家高校院所` : '',
      v('enterprises_signed') > 0 ? `${count(v('enterprises_signed'))}家企业` : '',
    ].filter(Boolean);
    const parts = [
      v('agreements_signed') > 0
        ? `签订合作协议${count(v('agreements_signed'))}项${amount('agreements_signed') > 0 ? `、金额${money(amount('agreements_signed'))}` : ''}${trend('agreements_signed')}${signed.length > 0 ? `，涉及${signed.join('、')}` : ''}`
        : '',
      v('problems_solved') > 0 ? `解决技术难题${count(v('problems_solved'))}个` : '',
      v('achievements_transferred') > 0
        ? `转化科技成果${count(v('achievements_transferred'))}项${amount('achievements_transferred') > 0 ? `、金额${money(amount('achievements_transferred'))}` : ''}`
        : '',
      v('talents_introduced') > 0 ? `引进人才${count(v('talents_introduced'))}人` : '',
    ].filter(Boolean);
    if (parts.length > 0)
      sections.push({ heading: '合作成效', paragraphs: [`通过平台服务，${parts.join('；')}。`] });
  }
  // 参与主体
  {
    const parts = [
      v('experts_involved') > 0 ? `专家${count(v('experts_involved'))}人` : '',
      v('institutions_involved') > 0 ? `高校院所${count(v('institutions_involved'))}家` : '',
      v('enterprises_served') > 0 ? `企业${count(v('enterprises_served'))}家` : '',
    ].filter(Boolean);
    if (parts.length > 0)
      sections.push({ heading: '参与主体', paragraphs: [`参与服务的${parts.join('、')}。`] });
  }
  return { lead, sections };
}

/**
 * 本期3个帮扶团计划开展服务40次，已完成31次，完成率91%，其中微沙龙计划30次、完成24次，团队走访计划6次、完成5次；
 * 开展走访9次。The rate is of the sessions whose day has come (as the office view says it): when some
 * are still ahead in the period, it says so (到期服务完成率). Then the commissioners (本期5名科技特派员结对
 * 服务12家企业，计划走访36次，已走访30次，完成率94%；凝练企业技术需求6项，企业已确认4项。) and the
 * contact duties (联系服务计划8次，已完成6次，其中关怀走访计划2次、完成2次。), each sentence only when
 * there is something to say.
 */
function standingText(s: Standing, teams: number, visits: number): string[] {
  const p: string[] = [];
  const kinds = s.byKind
    .filter((k) => k.planned > 0)
    .map((k) => `${k.label}计划${count(k.planned)}次、完成${count(k.done)}次`)
    .join('，');
  const clauses: string[] = [];
  if (s.planned > 0) {
    clauses.push(
      `本期${teams > 0 ? `${count(teams)}个` : '各'}帮扶团计划开展服务${count(s.planned)}次，已完成${count(s.done)}次${rateText(s)}${kinds ? `，其中${kinds}` : ''}`,
    );
  }
  if (visits > 0) clauses.push(`${s.planned > 0 ? '' : '本期各帮扶团'}开展走访${count(visits)}次`);
  if (clauses.length > 0) p.push(`${clauses.join('；')}。`);
  if (s.overdue > 0) p.push(`另有${count(s.overdue)}次服务逾期未登记记录，已提醒督办。`);

  const c = s.commissions;
  const commission: string[] = [];
  if (c.planned > 0) {
    commission.push(
      `本期${count(c.commissioners)}名科技特派员结对服务${count(c.enterprises)}家企业，计划走访${count(c.planned)}次，已走访${count(c.done)}次${rateText(c)}${c.overdue > 0 ? `，逾期未走访${count(c.overdue)}次` : ''}`,
    );
  }
  if (s.refined.total > 0) {
    commission.push(
      `${c.planned > 0 ? '' : '本期科技特派员'}在走访中挖掘凝练企业技术需求${count(s.refined.total)}项${s.refined.confirmed > 0 ? `，企业已确认${count(s.refined.confirmed)}项` : '，尚待企业确认'}`,
    );
  }
  if (commission.length > 0) p.push(`${commission.join('；')}。`);

  const d = s.duties;
  if (d.planned > 0) {
    const care = d.byKind.find((k) => k.kind === 'care');
    p.push(
      `联系服务计划${count(d.planned)}次，已完成${count(d.done)}次${rateText(d)}${care && care.planned > 0 ? `，其中关怀走访计划${count(care.planned)}次、完成${count(care.done)}次` : ''}${d.overdue > 0 ? `，逾期未联系${count(d.overdue)}次` : ''}。`,
    );
  }
  return p;
}

/** ，完成率91% (，到期服务完成率… when some are still ahead in the period); nothing when none is due yet. */
function rateText(x: { planned: number; done: number; overdue: number; fulfilment: number | null }): string {
  if (x.fulfilment === null) return '';
  return `，${x.done + x.overdue < x.planned ? '到期服务' : ''}完成率${x.fulfilment}%`;
}

function hours(h: number): string {
  return h >= 48 ? `${Math.round((h / 24) * 10) / 10}天` : `${Math.round(h * 10) / 10}小时`;
}
