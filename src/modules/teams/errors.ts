import { defineErrors } from '../../platform/http/app-error.ts';

export const teamsError = defineErrors({
  TEAM_NOT_FOUND: { status: 404, zh: '服务团队不存在或不在您的管辖范围', en: 'Team not found' },
  TEAM_NAME_TAKEN: {
    status: 409,
    zh: '本地区已有同名服务团队',
    en: 'A team of this name exists in the region',
  },
  TEAM_MEMBER_UNKNOWN: {
    status: 400,
    zh: '团队成员须为专家库中未归档的专家：{who}',
    en: 'Members must be experts of the registry, not archived: {who}',
  },
  TEAM_COMPOSITION_RULE: {
    status: 400,
    zh: '团队组成不符合组建规则（第{version}版）：{rule}',
    en: 'The team does not meet its composition rules (version {version}): {rule}',
  },
  TEAM_RULE_FACT_UNKNOWN: {
    status: 400,
    zh: '规则引用了团队没有的数据项：{facts}',
    en: 'The rule names facts a team does not have: {facts}',
  },
  TEAM_COUNTY_OUT_OF_SCOPE: {
    status: 400,
    zh: '结对县（市、区）须在团队所属地区之内',
    en: 'The paired county must lie within the team’s region',
  },
  TEAM_STATION_UNKNOWN: {
    status: 400,
    zh: '人才驿站不存在或不在您的管辖范围内',
    en: 'The talent station does not exist or is outside your region',
  },
  TEAM_REGION_OUT_OF_SCOPE: {
    status: 403,
    zh: '只能在本人管辖地区内建立服务团队',
    en: 'Teams are set up within one’s own region',
  },
});
