import { defineErrors } from '../../platform/http/app-error.ts';

export const standingError = defineErrors({
  PLAN_TEAM_NOT_FOUND: { status: 404, zh: '服务团队不存在或不在您的管辖范围', en: 'Team not found' },
  PLAN_NOT_FOUND: {
    status: 404,
    zh: '该团队本年度尚未制定服务计划',
    en: 'The team has no plan for this year',
  },
  PLAN_EXISTS: {
    status: 409,
    zh: '该团队本年度已有服务计划，请刷新后修改',
    en: 'The team already has a plan for this year; reload it to change it',
  },
  PLAN_TEAM_ARCHIVED: { status: 409, zh: '团队已归档，不能制定计划', en: 'The team is archived' },
  PLAN_YEAR_OVER: {
    status: 409,
    zh: '{year}年已过，不能再调整服务频次；已有记录保持不变',
    en: 'The year {year} is over: its cadence can no longer change',
  },
  PLAN_FROM_OUTSIDE_YEAR: {
    status: 400,
    zh: '计划生效日期须在{year}年内',
    en: 'The plan’s first day must lie in {year}',
  },
  OCCURRENCE_NOT_FOUND: {
    status: 404,
    zh: '计划服务不存在或不在您的管辖范围',
    en: 'Planned session not found',
  },
  OCCURRENCE_NOT_YOURS: {
    status: 403,
    zh: '只有负责人（团队成员、特派员或联系人）或本地区运营人员可以登记',
    en: 'Only those responsible (the team’s members, the commissioner, the assignee) or the region’s operators record it',
  },
  OCCURRENCE_ALREADY_RECORDED: {
    status: 409,
    zh: '该次服务已由{by}于{at}登记，不能重复登记',
    en: 'This session was already recorded by {by} at {at}',
  },
  OCCURRENCE_NOT_RECORDED: { status: 409, zh: '该次服务尚未登记', en: 'This session has no record' },
  OCCURRENCE_UNRECORD_FORBIDDEN: {
    status: 403,
    zh: '只有本地区运营人员可以撤销登记',
    en: 'Only the region’s operators take a record back',
  },
  OCCURRENCE_RECORD_KIND: {
    status: 400,
    zh: '{kind}须以{records}登记',
    en: 'A {kind} is recorded as {records}',
  },
  OCCURRENCE_BEFORE_PERIOD: {
    status: 400,
    zh: '服务日期{on}早于本次计划的周期（{start}起），不能计入',
    en: 'The session on {on} is before its period (from {start})',
  },
  OCCURRENCE_DATE_IN_FUTURE: {
    status: 400,
    zh: '服务日期不能晚于今天（{today}）：发生后再登记',
    en: 'A session is recorded once it happened (today is {today})',
  },
  OCCURRENCE_ACTIVITY_UNKNOWN: {
    status: 400,
    zh: '活动不存在或不在您的管辖范围内',
    en: 'The activity does not exist or is outside your region',
  },
  OCCURRENCE_ACTIVITY_NOT_HELD: {
    status: 400,
    zh: '活动“{title}”{status}，不能作为服务记录',
    en: 'The activity “{title}” is {status} and cannot be the record',
  },
  OCCURRENCE_ACTIVITY_TAKEN: {
    status: 409,
    zh: '该活动已登记为另一次计划服务的记录',
    en: 'This activity is already the record of another planned session',
  },
  STANDING_VISIT_NOT_FOUND: { status: 404, zh: '走访记录不存在', en: 'Visit not found' },
  STANDING_ENTERPRISE_UNKNOWN: {
    status: 400,
    zh: '企业不存在或不在您的管辖范围内',
    en: 'The enterprise does not exist or is outside your region',
  },
  STANDING_FILE_EMPTY: { status: 400, zh: '请选择要上传的文件', en: 'Choose a file to attach' },
  STANDING_FILE_TOO_LARGE: {
    status: 413,
    zh: '文件过大（上限 {limitMb} MB）',
    en: 'The file is too large (at most {limitMb} MB)',
  },
  STANDING_FILE_TYPE: {
    status: 415,
    zh: '只能上传图片、PDF、Office 文档或文本文件',
    en: 'Only images, PDF, Office documents or text files can be attached',
  },
  STANDING_FILES_FULL: { status: 409, zh: '每条记录最多 {max} 个附件', en: 'At most {max} files per visit' },
  STANDING_FILE_NOT_FOUND: { status: 404, zh: '附件不存在', en: 'File not found' },
  STANDING_TALENT_UNKNOWN: {
    status: 400,
    zh: '人才不存在或不在您的管辖范围内',
    en: 'The talent does not exist or is outside your region',
  },
  ROUND_NOT_FOUND: { status: 404, zh: '选派轮次不存在或不在您的管辖范围', en: 'Round not found' },
  ROUND_NAME_TAKEN: {
    status: 409,
    zh: '本地区已有同名选派轮次“{name}”',
    en: 'The region already has a round named “{name}”',
  },
  ROUND_TERM_TOO_LONG: {
    status: 400,
    zh: '任期最长 {years} 年',
    en: 'A term lasts at most {years} years',
  },
  ROUND_REGION_OUTSIDE: {
    status: 403,
    zh: '只能在本人管辖的地区安排',
    en: 'Only within your own region',
  },
  ROUND_CONFIRMED: {
    status: 409,
    zh: '选派轮次已确认，不能再调整；遗留企业请开补充轮',
    en: 'The round is confirmed; open a make-up round for the enterprises left over',
  },
  ROUND_NOT_PROPOSED: {
    status: 409,
    zh: '请先生成配对建议再确认',
    en: 'Propose pairs before confirming them',
  },
  ROUND_NOT_CONFIRMED: {
    status: 409,
    zh: '选派轮次确认后才能开补充轮',
    en: 'A make-up round follows a confirmed round',
  },
  ROUND_NOTHING_LEFT: {
    status: 409,
    zh: '本轮所有企业均已配对，无需补充轮',
    en: 'Every enterprise of the round is paired',
  },
  ROUND_EMPTY: {
    status: 409,
    zh: '本轮还没有企业或专家参加',
    en: 'The round has no enterprises or experts yet',
  },
  ROUND_ENTRY_NOT_FOUND: { status: 404, zh: '该参与方不在本轮', en: 'Not a participant of this round' },
  ROUND_NOT_PARTICIPANT: {
    status: 403,
    zh: '您（或贵单位）不在本轮选派名单中',
    en: 'You are not a participant of this round',
  },
  ROUND_PREFERENCE_UNKNOWN: {
    status: 400,
    zh: '意向只能填写本轮另一方的参与者',
    en: 'Preferences name participants of the other side of the round',
  },
  ROUND_PAIR_EXPERT_UNKNOWN: {
    status: 400,
    zh: '所选专家不在本轮专家名单中',
    en: 'The expert is not a participant of this round',
  },
  COMMISSIONER_PORTFOLIO_FULL: {
    status: 409,
    zh: '{name}已服务 {held} 家企业，达到每人 {limit} 家的上限',
    en: '{name} already serves {held} enterprises, the limit of {limit}',
  },
  COMMISSIONER_CROSS_REGION: {
    status: 409,
    zh: '{name}已在{region}担任科技特派员；须两地均允许跨地区兼任',
    en: '{name} already serves as a commissioner in {region}; both regions must allow serving in two',
  },
  COMMISSIONER_ENTERPRISE_SERVED: {
    status: 409,
    zh: '{enterprise}已由科技特派员{name}服务，任期内不再重复选派',
    en: '{enterprise} is already served by the commissioner {name}',
  },
  PAIRING_NOT_FOUND: { status: 404, zh: '特派员服务关系不存在', en: 'Commissioner term not found' },
  PAIRING_NOT_CONFIRMED: { status: 409, zh: '该服务关系不在任期中', en: 'The term is not current' },
  COMMISSIONER_NOT_FOUND: {
    status: 404,
    zh: '未找到该科技特派员的服务记录',
    en: 'No commissioner terms found',
  },
  REFINE_NOT_ALLOWED: {
    status: 403,
    zh: '只有该企业的科技特派员或本地区运营人员可以凝练需求',
    en: 'Only the enterprise’s commissioner or the region’s operators refine its demands',
  },
  REFINE_NO_ENTERPRISE: {
    status: 409,
    zh: '该走访记录没有关联企业，不能凝练需求',
    en: 'The visit names no enterprise to refine demands for',
  },
  DUTY_NOT_FOUND: { status: 404, zh: '联系服务任务不存在或不在您的管辖范围', en: 'Contact duty not found' },
  DUTY_ASSIGNEE_UNKNOWN: {
    status: 400,
    zh: '联系人须为本地区的运营人员账号',
    en: 'The assignee must be an operator account of the region',
  },
  DUTY_EXISTS: {
    status: 409,
    zh: '{name}已负责联系该对象',
    en: '{name} already keeps in touch with them',
  },
  DUTY_SPAN_INVALID: {
    status: 400,
    zh: '结束日期须在开始日期之后，且不超过 {years} 年',
    en: 'The end must come after the start, within {years} years',
  },
  DUTY_ENDED: { status: 409, zh: '该联系服务任务已结束', en: 'The duty has ended' },
});
