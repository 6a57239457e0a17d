import type { Messages } from '../../app/bilingual.ts';

/** Standing service (常态化服务): a team's yearly plan, its sessions and their records. Each key in Chinese and English. */
export const standingMessages = {
  'standing.kind': { zh: '服务类型', en: 'Session' },
  'standing.period': { zh: '周期', en: 'Period' },
  'standing.dueOn': { zh: '计划日期', en: 'Planned for' },
  'standing.close': { zh: '关闭', en: 'Close' },
  'standing.month': { zh: '{month}月', en: 'M{month}' },
  'standing.monthTally': { zh: '已完成 {done}/{planned}', en: 'Done {done}/{planned}' },

  'standing.plan.tab': { zh: '年度计划', en: 'Yearly plan' },
  'standing.plan.yearTitle': { zh: '{year}年', en: '{year}' },
  'standing.plan.previousYear': { zh: '上一年', en: 'Previous year' },
  'standing.plan.nextYear': { zh: '下一年', en: 'Next year' },
  'standing.plan.create': { zh: '制定计划', en: 'Make the plan' },
  'standing.plan.edit': { zh: '调整计划', en: 'Change the plan' },
  'standing.plan.noPlan': {
    zh: '本年度尚未制定服务计划，以下为“1346”默认频次',
    en: 'No plan for this year yet; below is the default “1346” cadence',
  },
  'standing.plan.calendarUnknown': {
    zh: '该年度法定节假日安排尚未发布，暂按周末计算',
    en: 'This year’s official holidays are not published yet: weekends only for now',
  },
  'standing.plan.cadence': { zh: '服务频次', en: 'Cadence' },
  'standing.plan.cadenceHint': {
    zh: '每个周期安排几次（0 为不安排），只排在工作日',
    en: 'Sessions per period (0 for none), on working days',
  },
  'standing.plan.cadenceLine': { zh: '{period} {count} 次', en: '{period}, {count}' },
  'standing.plan.none': { zh: '不安排', en: 'None' },
  'standing.plan.times': { zh: '次', en: 'times' },
  'standing.plan.replanWarning': {
    zh: '调整频次将重排今后未登记的计划服务，已过去的保持不变',
    en: 'Future unrecorded sessions are re-planned; past ones stay',
  },
  'standing.plan.services': { zh: '四类服务', en: 'The four services' },
  'standing.plan.goal': { zh: '三年产业目标', en: 'Three-year industry goal' },
  'standing.plan.milestones': { zh: '里程碑', en: 'Milestones' },
  'standing.plan.milestoneYear': { zh: '年份', en: 'Year' },
  'standing.plan.milestoneText': { zh: '请填写里程碑内容', en: 'What is reached' },
  'standing.plan.milestoneAdd': { zh: '添加里程碑', en: 'Add a milestone' },
  'standing.plan.milestoneRemove': { zh: '删除里程碑', en: 'Remove the milestone' },
  'standing.plan.calendar': { zh: '全年服务日历', en: 'The year’s sessions' },

  'standing.record.action': { zh: '登记', en: 'Record' },
  'standing.record.save': { zh: '保存登记', en: 'Save' },
  'standing.record.saved': { zh: '已登记，计划完成情况已更新', en: 'Recorded; the plan is up to date' },
  'standing.record.as.activity': { zh: '关联活动', en: 'An activity' },
  'standing.record.as.visit': { zh: '走访记录', en: 'A visit log' },
  'standing.record.activity': { zh: '活动', en: 'Activity' },
  'standing.record.activityHint': {
    zh: '本地区{from}以来举办的活动',
    en: 'The region’s activities held since {from}',
  },
  'standing.record.activityRequired': { zh: '请选择活动', en: 'Choose the activity' },
  'standing.record.noActivities': { zh: '本周期内没有可关联的活动', en: 'No activity in this period' },
  'standing.record.doneOn': { zh: '完成日期', en: 'Done on' },
  'standing.record.by': { zh: '登记人', en: 'Recorded by' },
  'standing.record.notYours': { zh: '尚未登记', en: 'Not recorded yet' },
  'standing.record.unrecord': { zh: '撤销登记', en: 'Take back' },
  'standing.record.unrecordReason': {
    zh: '撤销原因（如关联错了活动），撤销后本次服务重新计为未完成',
    en: 'Why (e.g. the wrong activity); the session counts as not done again',
  },
  'standing.record.unrecordDone': { zh: '已撤销登记', en: 'The record was taken back' },

  'standing.visit.date': { zh: '走访日期', en: 'Date' },
  'standing.visit.dateRequired': { zh: '请选择走访日期', en: 'Choose the day of the visit' },
  'standing.visit.enterprise': { zh: '走访企业', en: 'Enterprise' },
  'standing.visit.summary': { zh: '走访内容', en: 'What was done' },
  'standing.visit.summaryRequired': {
    zh: '请填写走访内容（至少2个字）',
    en: 'Say what was done (2 characters at least)',
  },
  'standing.visit.findings': { zh: '发现的问题与需求', en: 'Problems and needs found' },

  'standing.mine.title': { zh: '本周待办的计划服务', en: 'Planned sessions due this week' },
  'standing.mine.none': { zh: '本周没有待办的计划服务', en: 'Nothing due this week' },

  'standing.overview.title': { zh: '常态化服务', en: 'Standing service' },
  'standing.overview.help': {
    zh: '每月“已完成/计划”，红色为当月有逾期',
    en: 'Done / planned per month; red where one is overdue',
  },
  'standing.overview.noPlan': { zh: '未制定计划', en: 'No plan' },
  'standing.overview.fulfilment': { zh: '完成率', en: 'Fulfilment' },
  'standing.sessions.title': { zh: '逾期和即将到期的计划服务', en: 'Sessions overdue or due soon' },
} satisfies Messages<'standing'>;
