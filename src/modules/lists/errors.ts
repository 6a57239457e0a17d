import { defineErrors } from '../../platform/http/app-error.ts';

export const listsError = defineErrors({
  LIST_NOT_FOUND: { status: 404, zh: '条目不存在或您无权查看', en: 'Item not found' },
  LIST_CODE_REGISTERED: {
    status: 409,
    zh: '编号“{code}”已被使用，请换一个编号',
    en: 'Code "{code}" is already in use; choose another',
  },
  LIST_CODE_TAKEN: {
    status: 409,
    zh: '编号“{code}”已被“{title}”使用',
    en: 'Code "{code}" is already used by "{title}"',
  },
  LIST_TRANSITION_NOT_ALLOWED: {
    status: 409,
    zh: '当前状态为“{status}”，不能执行“{action}”',
    en: 'An item that is {status} does not allow “{action}”',
  },
  LIST_NOT_YOURS: {
    status: 403,
    zh: '只有发布单位或运营人员可以执行此操作',
    en: 'Only the owner or an operator may do this',
  },
  LIST_NOT_EDITABLE: {
    status: 409,
    zh: '当前状态为“{status}”，不能修改',
    en: 'An item that is {status} cannot be edited',
  },
  LIST_REASON_REQUIRED: { status: 400, zh: '请填写退回原因', en: 'Give a reason' },
  LIST_DEADLINE_PASSED: {
    status: 400,
    zh: '截止日期 {deadline} 已过，请先修改截止日期',
    en: 'The deadline {deadline} has passed; change it first',
  },
  LIST_SOLVED_NOT_ASKED: {
    status: 409,
    zh: '该需求目前没有待回答的“是否已解决”询问',
    en: 'This demand has no open question whether it is solved',
  },
  LIST_KIND_NOT_ALLOWED: {
    status: 422,
    zh: '您的账户不能发布此类条目',
    en: 'Your account cannot post this kind of item',
  },
});
