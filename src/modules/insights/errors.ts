import { defineErrors } from '../../platform/http/app-error.ts';

export const insightsError = defineErrors({
  INSIGHTS_REGION_UNKNOWN: { status: 400, zh: '地区代码无效', en: 'Unknown region code' },
  INSIGHTS_REGION_OUT_OF_SCOPE: {
    status: 403,
    zh: '只能查看本人管辖地区的统计',
    en: 'Statistics are for one’s own region only',
  },
  INSIGHTS_PERIOD_INVALID: {
    status: 400,
    zh: '开始日期不能晚于结束日期',
    en: 'The period starts after it ends',
  },
  INSIGHTS_METRIC_UNKNOWN: { status: 404, zh: '没有这项统计指标', en: 'No such metric' },
  INSIGHTS_DIMENSION_INVALID: {
    status: 400,
    zh: '这项指标不能按“{dimension}”分组',
    en: 'This metric cannot be broken down by {dimension}',
  },
});
