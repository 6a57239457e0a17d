import { defineErrors } from '../http/app-error.ts';

export const accessError = defineErrors({
  ROLE_UNKNOWN: { status: 404, zh: '角色不存在', en: 'No such role' },
  PERMISSION_UNKNOWN: { status: 400, zh: '未知权限：{permission}', en: 'Unknown permission: {permission}' },
  GRANT_VIOLATES_SEPARATION: {
    status: 400,
    zh: '职责分离：不能将“{permission}”授予“{role}”',
    en: 'Separation of duties: "{permission}" cannot be given to "{role}"',
  },
  ORGANISATION_KIND_UNKNOWN: { status: 400, zh: '未知组织类型', en: 'Unknown organisation kind' },
});
