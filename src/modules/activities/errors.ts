import { defineErrors } from '../../platform/http/app-error.ts';

export const activitiesError = defineErrors({
  ACTIVITY_NOT_FOUND: { status: 404, zh: '活动不存在或不在您的范围内', en: 'Activity not found' },
  ACTIVITY_NOT_MANAGER: {
    status: 403,
    zh: '只有本地区的活动组织人员可以这样做',
    en: 'Only the region’s organisers may do this',
  },
  ACTIVITY_TIMES_INVALID: {
    status: 400,
    zh: '结束时间须晚于开始时间，报名截止须不晚于结束时间',
    en: 'The end must follow the start, and registration must close by the end',
  },
  ACTIVITY_DETAILS_INVALID: {
    status: 400,
    zh: '活动设置有误：{problem}',
    en: 'Invalid activity settings: {problem}',
  },
  ACTIVITY_REGION_OUT_OF_SCOPE: {
    status: 403,
    zh: '只能在本人管辖地区内举办活动',
    en: 'Activities are held within one’s own region',
  },
  ACTIVITY_FEATURED_UNKNOWN: {
    status: 400,
    zh: '推介的需求或成果中有不存在或不可见的条目',
    en: 'A featured item does not exist or cannot be seen',
  },
  ACTIVITY_TRANSITION_NOT_ALLOWED: {
    status: 409,
    zh: '活动当前状态为“{status}”，不能{action}',
    en: 'An activity that is {status} does not allow “{action}”',
  },
  ACTIVITY_REASON_REQUIRED: { status: 400, zh: '请填写取消原因', en: 'Give a reason' },
  ACTIVITY_NOT_EDITABLE: {
    status: 409,
    zh: '已结束或已取消的活动不能修改',
    en: 'A finished or cancelled activity cannot be changed',
  },
  REGISTRATION_CLOSED: {
    status: 409,
    zh: '活动当前不接受报名（{status}）',
    en: 'The activity does not take registrations now ({status})',
  },
  REGISTRATION_ROLE_INVALID: {
    status: 400,
    zh: '此类活动不能以“{role}”身份报名',
    en: 'One cannot register as {role} for this kind of activity',
  },
  REGISTRATION_WHO_UNKNOWN: {
    status: 400,
    zh: '报名的人员或单位不存在、已归档，或不在您的管辖范围内',
    en: 'The person or organisation to register was not found in your region, or is archived',
  },
  REGISTRATION_WHO_MISSING: {
    status: 400,
    zh: '请选择报名的专家或企业，或填写姓名',
    en: 'Choose the expert or enterprise to register, or give a name',
  },
  REGISTRATION_NO_PROFILE: {
    status: 400,
    zh: '您的账号尚未关联{what}档案，不能以此身份报名',
    en: 'Your account has no {what} profile to register with',
  },
  REGISTRATION_DUPLICATE: {
    status: 409,
    zh: '已报名（{status}），无需重复报名',
    en: 'Already registered ({status})',
  },
  REGISTRATION_NOT_FOUND: { status: 404, zh: '报名记录不存在', en: 'Registration not found' },
  REGISTRATION_ACTION_NOT_ALLOWED: {
    status: 409,
    zh: '报名当前状态为“{status}”，不能{action}',
    en: 'A registration that is {status} does not allow “{action}”',
  },
  CHECKIN_CODE_INVALID: {
    status: 400,
    zh: '签到码无效（不是本平台签发的二维码，或已被改动）',
    en: 'Not a valid check-in code',
  },
  CHECKIN_SHORT_CODE_UNKNOWN: {
    status: 404,
    zh: '签到码不存在，请核对后重试或按姓名查找',
    en: 'No registration has this check-in code: check it and try again, or search by name',
  },
  CHECKIN_OTHER_ACTIVITY: {
    status: 409,
    zh: '这是另一场活动的签到码：{title}',
    en: 'This code is for another activity: {title}',
  },
  CHECKIN_NOT_CONFIRMED: {
    status: 409,
    zh: '该报名当前状态为“{status}”，不能签到',
    en: 'This registration is {status} and cannot check in',
  },
  CHECKIN_NOT_OPEN: {
    status: 409,
    zh: '活动当前状态为“{status}”，不能签到',
    en: 'Check-in is not open: the activity is {status}',
  },
  MEETINGS_NOT_MATCHMAKING: {
    status: 409,
    zh: '只有项目对接会安排一对一洽谈',
    en: 'Only matchmaking meetings have 1:1 meetings',
  },
  MEETING_NOT_FOUND: { status: 404, zh: '洽谈安排不存在', en: 'Meeting not found' },
  MEETING_DEMAND_UNKNOWN: {
    status: 400,
    zh: '洽谈关联的需求不存在或不在您的管辖范围内',
    en: 'The demand for this meeting was not found in your region',
  },
  MEETING_SIDES_INVALID: {
    status: 400,
    zh: '洽谈双方须为本活动已确认报名的企业和专家',
    en: 'The two sides must be a confirmed enterprise and a confirmed expert of this activity',
  },
  MEETING_DUPLICATE: { status: 409, zh: '双方已有洽谈安排', en: 'These two already have a meeting' },
  MEETING_ACTION_NOT_ALLOWED: {
    status: 409,
    zh: '洽谈当前状态为“{status}”，不能{action}',
    en: 'A meeting that is {status} does not allow “{action}”',
  },
  MEETING_NOT_YOURS: { status: 403, zh: '您不是这场洽谈的一方', en: 'You are not a side of this meeting' },
  POSITIONS_NOT_SUPPORTED: {
    status: 409,
    zh: '只有招聘会和研学实习活动设置岗位',
    en: 'Only job fairs and study tours have positions',
  },
  POSITION_NOT_FOUND: { status: 404, zh: '岗位不存在', en: 'Position not found' },
  POSITION_EMPLOYER_INVALID: {
    status: 400,
    zh: '岗位须属于本活动已确认报名的招聘或接待单位',
    en: 'The position must belong to a confirmed employer or host of this activity',
  },
  APPLICATION_APPLICANT_INVALID: {
    status: 400,
    zh: '投递人须为本活动已确认报名的求职者或学员',
    en: 'The applicant must be a confirmed applicant or student of this activity',
  },
  APPLICATION_DUPLICATE: { status: 409, zh: '已投递该岗位', en: 'Already applied to this position' },
  APPLICATION_NOT_FOUND: { status: 404, zh: '投递记录不存在', en: 'Application not found' },
  APPLICATION_STEP_INVALID: {
    status: 409,
    zh: '投递进度不能从“{from}”改为“{to}”',
    en: 'An application cannot go from {from} to {to}',
  },
  OUTCOME_KIND_INVALID: {
    status: 400,
    zh: '此类活动不登记“{kind}”',
    en: 'This kind of activity does not record {kind}',
  },
  OUTCOME_LINK_UNKNOWN: {
    status: 400,
    zh: '成效关联的{what}不存在或不可见',
    en: 'The linked {what} does not exist or cannot be seen',
  },
  OUTCOME_AMOUNT_ONLY_AGREEMENT: {
    status: 400,
    zh: '只有签约合作登记金额',
    en: 'Only agreements carry an amount',
  },
  OUTCOME_NOT_FOUND: { status: 404, zh: '成效记录不存在', en: 'Outcome not found' },
  ACTIVITY_OUTCOME_DATE_IN_FUTURE: {
    status: 400,
    zh: '成效日期不能晚于今天（{today}）',
    en: 'The outcome’s date cannot be after today ({today})',
  },
});
