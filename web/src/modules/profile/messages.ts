import type { Messages } from '../../app/bilingual.ts';

/** An expert's or enterprise's own record. Each key in Chinese and English. */
export const profileMessages = {
  'profile.kindTalent': { zh: '人才档案', en: 'Talent profile' },
  'profile.kindEnterprise': { zh: '企业档案', en: 'Enterprise profile' },
  'profile.lockedTalent': {
    zh: '编号、姓名、所在地区和身份证号由所在地区运营人员维护，如需修改请联系他们；其他信息可自行更新。',
    en: 'Code, name, region and ID number are kept by your region’s operators; ask them to change these. You can update everything else.',
  },
  'profile.lockedEnterprise': {
    zh: '编号、企业名称、所在地区和统一社会信用代码由所在地区运营人员维护，如需修改请联系他们；其他信息可自行更新。',
    en: 'Code, name, region and credit code are kept by your region’s operators; ask them to change these. You can update everything else.',
  },
} satisfies Messages<'profile'>;
