import { defineErrors } from '../../platform/http/app-error.ts';

export const matchingError = defineErrors({
  MATCH_BATCH_INVALID: {
    status: 400,
    zh: '无法读取需求表：{reason}',
    en: 'The demand sheet cannot be read: {reason}',
  },
  MATCH_BATCH_TOO_MANY: {
    status: 400,
    zh: '一次最多匹配 {limit} 条需求，请拆分后再试',
    en: 'At most {limit} demands at a time; split the sheet',
  },
});
