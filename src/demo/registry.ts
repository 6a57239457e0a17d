import type { Platform } from '../main.ts';
import { RegistryRepository } from '../modules/registry/repository.ts';
import type { Actor } from '../platform/access/actor.ts';
import { PERMISSIONS, type Permission } from '../platform/access/permissions.ts';
import { idNumberCheckChar } from '../reference/idcard.ts';
import { DEMO_CITY } from './city.ts';

/**
 * Demo registries for the demo city (湖州): institutions, enterprises, experts
 * and talent stations with realistic Chinese content written for this demo.
 * Names of people and companies are invented.
 */

const INSTITUTIONS = [
  {
    code: 'JG-001',
    name: '浙北理工学院',
    kind: 'university',
    regionCode: '330502',
    disciplines: ['430', '460', '520'],
  },
  {
    code: 'JG-002',
    name: '湖州绿色制造研究院',
    kind: 'institute',
    regionCode: '330502',
    disciplines: ['430', '470', '610'],
  },
  {
    code: 'JG-003',
    name: '太湖生物医药研究所',
    kind: 'institute',
    regionCode: '330503',
    disciplines: ['180', '350'],
  },
  {
    code: 'JG-004',
    name: '湖州市机械工程学会',
    kind: 'society',
    regionCode: DEMO_CITY,
    disciplines: ['460'],
  },
  {
    code: 'JG-005',
    name: '长三角数字经济研究中心',
    kind: 'institute',
    regionCode: '330521',
    disciplines: ['520', '510'],
  },
  {
    code: 'JG-006',
    name: '安吉竹产业技术研究院',
    kind: 'institute',
    regionCode: '330523',
    disciplines: ['220', '430'],
  },
] as const;

const ENTERPRISES = [
  {
    code: 'QY-001',
    name: '德清绿源新材料有限公司',
    regionCode: '330521',
    industries: ['C', '29'],
    qualifications: ['Q01', 'Q03'],
    cluster: '新材料',
    size: 'medium',
    description: '主营高性能复合材料与改性塑料，正在推进汽车轻量化零部件项目。',
  },
  {
    code: 'QY-002',
    name: '长兴锂能电池科技有限公司',
    regionCode: '330522',
    industries: ['C', '38'],
    qualifications: ['Q01'],
    cluster: '新能源汽车及关键零部件',
    size: 'large',
    description: '动力电池电芯与模组制造，关注电池热管理与回收利用技术。',
  },
  {
    code: 'QY-003',
    name: '安吉竹韵家居有限公司',
    regionCode: '330523',
    industries: ['C', '21'],
    qualifications: ['Q05'],
    cluster: '绿色家居',
    size: 'small',
    description: '竹木家具与竹纤维制品，需要竹材防霉与连续化加工技术。',
  },
  {
    code: 'QY-004',
    name: '南浔智控电机有限公司',
    regionCode: '330503',
    industries: ['C', '38'],
    qualifications: ['Q01', 'Q02'],
    cluster: '高端装备',
    size: 'medium',
    description: '中小型高效电机与伺服驱动系统，计划开发永磁同步电机控制算法。',
  },
  {
    code: 'QY-005',
    name: '吴兴数智纺织有限公司',
    regionCode: '330502',
    industries: ['C', '17'],
    qualifications: ['Q05'],
    cluster: '现代纺织',
    size: 'small',
    description: '功能性面料织造，正在建设数字化印染车间。',
  },
  {
    code: 'QY-006',
    name: '德清地理信息科技有限公司',
    regionCode: '330521',
    industries: ['I', '65'],
    qualifications: ['Q01', 'Q04'],
    cluster: '数字经济',
    size: 'small',
    description: '遥感影像处理与时空大数据平台，需要深度学习目标识别能力。',
  },
  {
    code: 'QY-007',
    name: '长兴绿色建材有限公司',
    regionCode: '330522',
    industries: ['C', '30'],
    qualifications: ['Q04'],
    cluster: '新材料',
    size: 'medium',
    description: '新型墙体材料与固废综合利用，希望降低生产能耗。',
  },
  {
    code: 'QY-008',
    name: '湖州太湖生物制药有限公司',
    regionCode: '330503',
    industries: ['C', '27'],
    qualifications: ['Q01'],
    cluster: '生物医药',
    size: 'medium',
    description: '中药提取与制剂，寻求质量标准提升与新剂型开发合作。',
  },
] as const;

/**
 * The demo experts, one name each (no two alike) with the gender the name reads as (王雪梅 female,
 * 刘宏伟 male). The first sixteen keep the names browser tests pick them by (ZJ-0001 陈志远 …).
 */
const EXPERTS: readonly (readonly [name: string, gender: 'male' | 'female'])[] = [
  ['陈志远', 'male'],
  ['王雪梅', 'female'],
  ['李立新', 'male'],
  ['张文静', 'female'],
  ['刘宏伟', 'male'],
  ['杨丽华', 'female'],
  ['赵国强', 'male'],
  ['黄晓峰', 'male'],
  ['周振宇', 'male'],
  ['吴一鸣', 'male'],
  ['徐明辉', 'male'],
  ['孙春燕', 'female'],
  ['朱海涛', 'male'],
  ['胡思远', 'male'],
  ['沈建国', 'male'],
  ['钱佳琪', 'female'],
  ['郑晓东', 'male'],
  ['冯静怡', 'female'],
  ['蒋立军', 'male'],
  ['韩雨桐', 'female'],
  ['曹永刚', 'male'],
  ['许慧敏', 'female'],
  ['邓志华', 'male'],
  ['彭晓燕', 'female'],
  ['潘建明', 'male'],
  ['袁丽娟', 'female'],
  ['蔡俊杰', 'male'],
  ['叶佩琳', 'female'],
  ['程国栋', 'male'],
  ['魏淑芬', 'female'],
  ['姚天宇', 'male'],
  ['陆婉清', 'female'],
  ['金晨阳', 'male'],
  ['方秀英', 'female'],
  ['高振华', 'male'],
  ['严梦瑶', 'female'],
];

/** Whom to call at each demo enterprise (invented people and numbers). */
const ENTERPRISE_CONTACTS: Record<string, { contactName: string; contactMobile: string }> = {
  'QY-001': { contactName: '周建华', contactMobile: '13957201001' },
  'QY-002': { contactName: '马俊峰', contactMobile: '13957201002' },
  'QY-003': { contactName: '潘雅琴', contactMobile: '13957201003' },
  'QY-004': { contactName: '钟伟东', contactMobile: '13957201004' },
  'QY-005': { contactName: '戴丽萍', contactMobile: '13957201005' },
  'QY-006': { contactName: '任嘉伟', contactMobile: '13957201006' },
  'QY-007': { contactName: '谢永明', contactMobile: '13957201007' },
  'QY-008': { contactName: '唐秀兰', contactMobile: '13957201008' },
};

const FIELDS = [
  {
    disciplines: ['43055', '43020'],
    industries: ['29'],
    interests: '高性能复合材料；轻量化结构设计；材料失效分析',
    work: '汽车用碳纤维复合材料构件设计方法',
  },
  {
    disciplines: ['46035', '46050'],
    industries: ['34'],
    interests: '智能制造装备；数控机床精度补偿；工业机器人',
    work: '五轴机床热误差补偿技术',
  },
  {
    disciplines: ['47040'],
    industries: ['38'],
    interests: '永磁同步电机控制；电力电子变换；伺服驱动',
    work: '高效电机无位置传感器控制算法',
  },
  {
    disciplines: ['48040', '47010'],
    industries: ['38', '44'],
    interests: '锂离子电池热管理；储能系统；电池回收',
    work: '动力电池包液冷热管理系统',
  },
  {
    disciplines: ['52020', '52060'],
    industries: ['65'],
    interests: '深度学习；遥感影像目标识别；计算机视觉',
    work: '面向高分遥感影像的目标检测模型',
  },
  {
    disciplines: ['35010', '360'],
    industries: ['27'],
    interests: '中药质量标准；天然药物化学；新剂型开发',
    work: '中药指纹图谱质量评价方法',
  },
  {
    disciplines: ['61030'],
    industries: ['77'],
    interests: '工业固废资源化；低碳建材；环境评价',
    work: '建筑固废再生骨料制备技术',
  },
  {
    disciplines: ['540'],
    industries: ['17'],
    interests: '功能纺织材料；数字化印染；纺织品检测',
    work: '低浴比数码印染工艺',
  },
  {
    disciplines: ['220', '43055'],
    industries: ['20', '21'],
    interests: '竹材改性；竹纤维复合材料；木竹防霉',
    work: '竹材高温热改性防霉技术',
  },
] as const;
const TITLES = ['T01', 'T02', 'T05', 'T06', 'T09', 'T10'] as const;
const REGIONS = ['330502', '330503', '330521', '330522', '330523', '330100', '310000', '320100'] as const;

const STATIONS = [
  {
    code: 'YZ-001',
    name: '德清地理信息小镇人才驿站',
    kind: 'station',
    regionCode: '330521',
    hostName: '德清县人才发展服务中心',
    liaisonName: '孙晓婷',
    address: '德清县阜溪街道',
  },
  {
    code: 'YZ-002',
    name: '长兴新能源人才工作站',
    kind: 'workstation',
    regionCode: '330522',
    hostName: '长兴经济技术开发区管委会',
    liaisonName: '钱立伟',
    address: '长兴县太湖街道',
  },
  {
    code: 'YZ-003',
    name: '安吉绿色家居人才驿站',
    kind: 'station',
    regionCode: '330523',
    hostName: '安吉县经济开发区',
    liaisonName: '朱海燕',
    address: '安吉县递铺街道',
  },
  {
    code: 'YZ-004',
    name: '南浔智能电机产业人才工作站',
    kind: 'workstation',
    regionCode: '330503',
    hostName: '南浔区科技局',
    liaisonName: '沈国华',
    address: '南浔区南浔镇',
  },
] as const;

/** A well-formed (check digit included) but invented resident ID number. */
function demoIdNumber(year: number, n: number): string {
  const first17 = `330502${year}${String(1 + (n % 12)).padStart(2, '0')}${String(1 + (n % 28)).padStart(2, '0')}${String(100 + n).slice(-3)}`;
  return first17 + idNumberCheckChar(first17);
}

/** The demo city's talent office, as the actor the demo records are attributed to. */
export function seedActor(userId: string): Actor {
  return {
    userId,
    username: 'seed',
    displayName: 'seed',
    role: 'operator',
    regionCode: DEMO_CITY,
    organisationId: null,
    // The demo city's office registers the records: experts from elsewhere are maintained by it.
    permissions: new Set((Object.keys(PERMISSIONS) as Permission[]).filter((p) => p !== 'scope.all')),
    sessionId: 'seed',
    ip: null,
    requestId: null,
  };
}

/** Loads the demo registries unless some are there already. */
export async function seedRegistryDemo(
  platform: Platform,
  adminUserId: string,
  links: { expertUserId?: string },
) {
  const actor = seedActor(adminUserId);
  const existing = await platform.registry.list(actor, 'institutions', {
    page: 1,
    pageSize: 1,
    sort: 'code',
  });
  if (existing.total > 0) return;
  const institutionIds: string[] = [];
  for (const i of INSTITUTIONS) {
    const created = await platform.registry.create(actor, 'institutions', {
      ...i,
      disciplines: [...i.disciplines],
      description: `${i.name}面向湖州主导产业开展技术研发与成果转化服务。`,
    });
    institutionIds.push(String(created.id));
  }
  for (const e of ENTERPRISES) {
    await platform.registry.create(actor, 'enterprises', {
      ...e,
      industries: [...e.industries],
      qualifications: [...e.qualifications],
      ...ENTERPRISE_CONTACTS[e.code],
    });
  }
  for (const [n, [name, gender]] of EXPERTS.entries()) {
    const field = FIELDS[n % FIELDS.length]!;
    const institution = INSTITUTIONS[n % INSTITUTIONS.length]!;
    await platform.registry.create(actor, 'talents', {
      code: `ZJ-${String(n + 1).padStart(4, '0')}`,
      name,
      gender,
      birthYear: 1962 + ((n * 5) % 30),
      // Invented contact data, so that masking and reveal can be seen in the demo.
      mobile: `1390572${String(1000 + n * 37).slice(-4)}`,
      idNumber: demoIdNumber(1962 + ((n * 5) % 30), n),
      education: n % 4 === 3 ? 'E2' : 'E1',
      title: TITLES[n % TITLES.length],
      employerName: institution.name,
      institutionId: institutionIds[n % INSTITUTIONS.length],
      regionCode: REGIONS[n % REGIONS.length],
      disciplines: [...field.disciplines],
      industries: [...field.industries],
      researchInterests: field.interests,
      representativeWork: field.work,
      honours: n % 9 === 0 ? ['H04'] : n % 5 === 0 ? ['H08'] : [],
      tags: n % 2 === 0 ? ['科技特派员'] : [],
      isExpert: true,
      email: `expert${n + 1}@example.cn`,
    });
  }
  for (const s of STATIONS) await platform.registry.create(actor, 'stations', { ...s });
  // The demo expert keeps their own profile. (The enterprise and institution accounts belong to the
  // organisations of the same name, which the records QY-001 and JG-001 were attached to on creation.)
  await platform.database.transaction(async (tx) => {
    const repo = new RegistryRepository(tx);
    const [expert] = await repo.byCodes('talents', ['ZJ-0001']);
    if (expert && links.expertUserId)
      await repo.updateVersioned('talents', expert.id, expert.version, { userId: links.expertUserId });
  });
}
