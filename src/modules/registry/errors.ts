import { defineErrors } from '../../platform/http/app-error.ts';

export const registryError = defineErrors({
  REGISTRY_NOT_FOUND: { status: 404, zh: '记录不存在或不在您的管辖范围内', en: 'Record not found' },
  REGISTRY_ACCOUNT_UNKNOWN: {
    status: 400,
    zh: '没有用户名为“{username}”的账号，或不在您的管辖范围内',
    en: 'No account named {username} in your region',
  },
  REGISTRY_ACCOUNT_TAKEN: {
    status: 409,
    zh: '账号“{username}”已关联人才档案：{other}',
    en: 'Account {username} is already linked to {other}',
  },
  REGISTRY_ACCOUNT_LINKED: {
    status: 409,
    zh: '账号“{username}”已关联其他人才档案',
    en: 'Account {username} is already linked to another record',
  },
  REGISTRY_CODE_TAKEN: {
    status: 409,
    zh: '编号“{code}”已被“{name}”使用',
    en: 'Code "{code}" is already used by "{name}"',
  },
  REGISTRY_CODE_REGISTERED: {
    status: 409,
    zh: '编号“{code}”已被使用，请换一个编号',
    en: 'Code "{code}" is already in use; choose another',
  },
  REGISTRY_ID_NUMBER_REGISTERED: {
    status: 409,
    zh: '该身份证号已登记',
    en: 'This ID number is already registered',
  },
  REGISTRY_CREDIT_CODE_REGISTERED: {
    status: 409,
    zh: '该统一社会信用代码已登记',
    en: 'This credit code is already registered',
  },
  REGISTRY_ID_NUMBER_TAKEN: {
    status: 409,
    zh: '该身份证号已登记为“{name}”（编号 {code}）',
    en: 'This ID number is already registered as "{name}" ({code})',
  },
  REGISTRY_CREDIT_CODE_TAKEN: {
    status: 409,
    zh: '该统一社会信用代码已登记为“{name}”（编号 {code}）',
    en: 'This credit code is already registered as "{name}" ({code})',
  },
  REGISTRY_DICTIONARY_CODE_UNKNOWN: {
    status: 400,
    zh: '字典中没有代码“{code}”（{dictionary}）',
    en: 'Code "{code}" is not in the {dictionary} list',
  },
  REGISTRY_LINK_NOT_FOUND: {
    status: 400,
    zh: '关联的{what}不存在或不在您的管辖范围内',
    en: 'The linked {what} was not found',
  },
  REGISTRY_NO_PROFILE: {
    status: 404,
    zh: '您的账户尚未关联档案，请联系所在地区的运营人员',
    en: 'Your account has no profile yet; ask your region operator',
  },
  DICTIONARY_PARENT_UNKNOWN: {
    status: 400,
    zh: '上级代码“{code}”不存在',
    en: 'Parent code "{code}" does not exist',
  },
});
