import { defineErrors } from './app-error.ts';

/** Errors of the HTTP layer itself, shared by every route. */
export const httpError = defineErrors({
  VALIDATION_FAILED: {
    status: 400,
    zh: '请求参数有误，请检查标出的字段',
    en: 'The request has invalid fields',
  },
  MALFORMED_JSON: { status: 400, zh: '请求内容不是有效的 JSON', en: 'The request body is not valid JSON' },
  BAD_REQUEST: { status: 400, zh: '请求无效', en: 'Bad request' },
  URL_INVALID: {
    status: 400,
    zh: '请求地址无效（含有无法解码的字符）',
    en: 'The address cannot be decoded',
  },
  URL_TOO_LONG: { status: 414, zh: '请求地址中的参数过长', en: 'A part of the address is too long' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please sign in' },
  FORBIDDEN: { status: 403, zh: '您没有执行此操作的权限', en: 'You are not allowed to do this' },
  CSRF_TOKEN_INVALID: {
    status: 403,
    zh: '页面已过期，请刷新后重试',
    en: 'The page has expired; reload and try again',
  },
  METRICS_FORBIDDEN: {
    status: 403,
    zh: '运行指标只对本机或持有 METRICS_TOKEN 的采集端开放',
    en: 'Metrics are open to this machine or to a collector with METRICS_TOKEN only',
  },
  NOT_FOUND: { status: 404, zh: '记录不存在或不在您的管辖范围内', en: 'Record not found' },
  ROUTE_NOT_FOUND: { status: 404, zh: '接口不存在', en: 'No such endpoint' },
  METHOD_NOT_ALLOWED: { status: 405, zh: '不支持该请求方法', en: 'Method not allowed' },
  VERSION_CONFLICT: {
    status: 409,
    zh: '记录已被他人修改，请刷新后重试',
    en: 'The record was changed by someone else; reload and try again',
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    zh: '该幂等键已用于另一项操作，请换一个新的键',
    en: 'This Idempotency-Key was used for another request; use a new one',
  },
  BODY_TOO_LARGE: { status: 413, zh: '请求内容过大', en: 'Request body too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type' },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  INTERNAL_ERROR: {
    status: 500,
    zh: '服务器内部错误，已记录，请稍后重试',
    en: 'Internal error; it has been logged',
  },
  SERVICE_UNAVAILABLE: { status: 503, zh: '服务暂不可用', en: 'Service unavailable' },
});
