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
    zh: '只有团队成员或本地区运营人员可以登记',
    en: 'Only the team’s members or the region’s operators record its sessions',
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
});
