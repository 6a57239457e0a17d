import { defineErrors } from '../../platform/http/app-error.ts';

export const ordersError = defineErrors({
  ORDER_NOT_FOUND: { status: 404, zh: '订单不存在或与您无关', en: 'Order not found' },
  ORDER_TRANSITION_NOT_ALLOWED: {
    status: 409,
    zh: '订单当前状态为“{status}”，不能{action}',
    en: 'An order that is {status} does not allow “{action}”',
  },
  ORDER_NOT_YOURS: { status: 403, zh: '您不是此环节的办理方', en: 'This step is not yours to take' },
  ORDER_REASON_REQUIRED: { status: 400, zh: '请填写原因', en: 'Give a reason' },
  ORDER_DEMAND_NOT_OPEN: {
    status: 409,
    zh: '只能为已发布或对接中的技术需求下单',
    en: 'Orders are placed for published demands only',
  },
  ORDER_DISPATCH_EMPTY: {
    status: 400,
    zh: '请选择派单的专家或机构',
    en: 'Choose the experts or the institution to dispatch to',
  },
  ORDER_INSTITUTION_UNKNOWN: {
    status: 400,
    zh: '派单机构不存在或不在您的管辖范围内',
    en: 'The institution to dispatch to was not found in your region',
  },
  ORDER_EXPERT_UNKNOWN: {
    status: 400,
    zh: '派单对象中有专家不存在，或不属于本机构',
    en: 'An expert to dispatch to does not exist or is not of this institution',
  },
  ORDER_OUTCOME_REQUIRED: {
    status: 400,
    zh: '请登记服务成效（签订协议、解决难题、成果转化、引进人才，或“无”）',
    en: 'Record what came of the service (or "none")',
  },
  ORDER_NOT_IN_SERVICE: {
    status: 409,
    zh: '订单当前状态为“{status}”，只能在接单后、确认前登记服务记录',
    en: 'Visits are logged between acceptance and confirmation; the order is {status}',
  },
  ORDER_OUTCOME_DATE_IN_FUTURE: {
    status: 400,
    zh: '成效日期不能晚于今天（{today}）',
    en: 'An outcome cannot be dated after today ({today})',
  },
  ORDER_OUTCOME_DATE_BEFORE_ORDER: {
    status: 400,
    zh: '成效日期不能早于下单日期（{placedOn}）',
    en: 'An outcome cannot be dated before the order was placed ({placedOn})',
  },
  ORDER_RATING_REQUIRED: { status: 400, zh: '请为本次服务评分（1–5 分）', en: 'Rate the service (1–5)' },
  ORDER_TEAM_UNKNOWN: {
    status: 400,
    zh: '服务团队不存在、已归档或不在订单所在地区',
    en: 'The team does not exist, is archived or is not of the order’s region',
  },
  ORDER_VISIT_NOT_FOUND: { status: 404, zh: '服务记录不存在', en: 'Visit not found' },
  VISIT_DATE_IN_FUTURE: {
    status: 400,
    zh: '走访日期不能晚于今天（{today}）',
    en: 'The visit date cannot be after today ({today})',
  },
  ORDER_ATTACHMENT_NOT_FOUND: { status: 404, zh: '附件不存在', en: 'Attachment not found' },
  ORDER_ATTACHMENT_EMPTY: { status: 400, zh: '请选择要上传的附件', en: 'Choose a file to attach' },
  ORDER_ATTACHMENT_TOO_LARGE: {
    status: 413,
    zh: '附件过大（上限 {limitMb} MB）',
    en: 'Attachment too large (limit {limitMb} MB)',
  },
  ORDER_ATTACHMENT_TYPE: {
    status: 415,
    zh: '不支持的附件类型：只接受 PDF、图片（JPG/PNG/GIF/WEBP）、Word、Excel、PPT 和文本文件，且内容须与扩展名相符',
    en: 'Unsupported attachment: PDF, images, Word, Excel, PowerPoint or text, with content matching the extension',
  },
  ORDER_ATTACHMENTS_FULL: {
    status: 409,
    zh: '每条服务记录最多 {max} 个附件',
    en: 'At most {max} attachments per visit',
  },
});
