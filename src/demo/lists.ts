import type { Platform } from '../main.ts';
import type { ListKind } from '../modules/lists/contract.ts';
import { RegistryRepository } from '../modules/registry/repository.ts';
import { seedActor } from './registry.ts';

/**
 * Demo lists for the demo city: technical demands of the demo enterprises,
 * talent demands, and achievements of the demo institutions, written for this
 * demo (invented), published so that matching has something to suggest.
 */

interface DemoItem {
  code: string;
  title: string;
  description: string;
  keywords?: string[];
  industries?: string[];
  disciplines?: string[];
  owner: string;
  regionCode: string;
  amountYuan?: number;
  cooperationModes?: string[];
  headcount?: number;
  terms?: string;
  stage?: string;
  status?: 'draft' | 'submitted' | 'published';
}

const DEMANDS: DemoItem[] = [
  {
    code: 'XQ-2026-001',
    title: '汽车轻量化碳纤维复合材料构件连接技术',
    description:
      '公司为新能源汽车配套生产复合材料结构件，碳纤维复合材料与铝合金连接部位在疲劳试验中出现分层开裂，需要可靠的胶接—铆接混合连接工艺及失效分析方法。',
    keywords: ['碳纤维复合材料', '轻量化', '胶接', '失效分析'],
    industries: ['29'],
    owner: 'QY-001',
    regionCode: '330521',
    amountYuan: 800_000,
    cooperationModes: ['技术开发', '技术咨询'],
  },
  {
    code: 'XQ-2026-002',
    title: '动力电池模组热管理与热失控预警',
    description:
      '电池模组在快充工况下温差大，希望开发液冷板结构优化方案和基于多传感器的热失控早期预警算法，并形成可量产的设计规范。',
    keywords: ['电池热管理', '热失控', '液冷', '储能'],
    industries: ['38'],
    owner: 'QY-002',
    regionCode: '330522',
    amountYuan: 1_500_000,
    cooperationModes: ['技术开发'],
  },
  {
    code: 'XQ-2026-003',
    title: '竹材防霉防蛀与连续化加工工艺',
    description:
      '竹家具在梅雨季易霉变，现有药剂处理不环保；需要绿色防霉防蛀处理工艺，以及竹条连续化刨切、拼接的自动化加工方案。',
    keywords: ['竹材', '防霉', '连续化加工'],
    industries: ['21'],
    owner: 'QY-003',
    regionCode: '330523',
    amountYuan: 300_000,
    cooperationModes: ['技术服务', '技术转让'],
  },
  {
    code: 'XQ-2026-004',
    title: '永磁同步电机无位置传感器控制算法',
    description:
      '伺服驱动产品需要在低速和零速下稳定运行的无位置传感器控制算法，降低编码器成本，要求能在国产芯片上实现。',
    keywords: ['永磁同步电机', '无位置传感器', '伺服驱动'],
    industries: ['38'],
    owner: 'QY-004',
    regionCode: '330503',
    amountYuan: 600_000,
    cooperationModes: ['技术开发'],
  },
  {
    code: 'XQ-2026-005',
    title: '印染车间数字化排产与能耗优化',
    description: '数字化印染车间需要订单排产优化模型和染色工艺能耗监测分析系统，减少换缸次数和蒸汽消耗。',
    keywords: ['数字化车间', '排产优化', '能耗', '印染'],
    industries: ['17'],
    owner: 'QY-005',
    regionCode: '330502',
    cooperationModes: ['技术服务'],
  },
  {
    code: 'XQ-2026-006',
    title: '遥感影像建筑物变化检测深度学习模型',
    description: '时空大数据平台需要基于深度学习的高分辨率遥感影像建筑物提取与变化检测模型，支持国产化部署。',
    keywords: ['遥感影像', '深度学习', '变化检测', '目标识别'],
    industries: ['65'],
    owner: 'QY-006',
    regionCode: '330521',
    amountYuan: 500_000,
    cooperationModes: ['技术开发', '合作开发'],
  },
  {
    code: 'XQ-2026-007',
    title: '建筑固废再生骨料墙体材料配方',
    description: '希望利用建筑固废制备再生骨料，开发满足强度要求的低能耗墙体材料配方及养护工艺。',
    keywords: ['固废综合利用', '再生骨料', '墙体材料', '节能'],
    industries: ['30'],
    owner: 'QY-007',
    regionCode: '330522',
    cooperationModes: ['技术开发'],
    status: 'submitted',
  },
  {
    code: 'XQ-2026-008',
    title: '中药提取物质量标准与指纹图谱',
    description: '需要建立主要中药提取物的指纹图谱和含量测定方法，提升质量标准，支撑新剂型开发。',
    keywords: ['中药提取', '指纹图谱', '质量标准', '新剂型'],
    industries: ['27'],
    owner: 'QY-008',
    regionCode: '330503',
    amountYuan: 400_000,
    cooperationModes: ['技术咨询', '技术服务'],
  },
];

const TALENT_DEMANDS: DemoItem[] = [
  {
    code: 'RC-2026-001',
    title: '电池管理系统（BMS）算法工程师',
    description: '负责电池状态估计（SOC/SOH）与均衡策略开发，熟悉电化学模型。',
    owner: 'QY-002',
    regionCode: '330522',
    headcount: 2,
    terms: '年薪30–50万元，可申请人才公寓',
    cooperationModes: ['人才引进'],
  },
  {
    code: 'RC-2026-002',
    title: '复合材料结构设计柔性引才',
    description: '以兼职或项目合作方式指导复合材料结构件设计与工艺验证。',
    owner: 'QY-001',
    regionCode: '330521',
    headcount: 1,
    terms: '按项目支付咨询费',
    cooperationModes: ['柔性引才'],
  },
  {
    code: 'RC-2026-003',
    title: '中药制剂研发带头人',
    description: '牵头中药新剂型研发与注册申报，具有制剂工艺放大经验。',
    owner: 'QY-008',
    regionCode: '330503',
    headcount: 1,
    terms: '面议，提供研发团队与实验室',
    cooperationModes: ['人才引进'],
  },
];

const ACHIEVEMENTS: DemoItem[] = [
  {
    code: 'CG-2026-001',
    title: '碳纤维复合材料—金属混合连接结构及其疲劳评估方法',
    description: '提出胶接与自冲铆复合的连接结构和基于损伤力学的疲劳寿命评估方法，已在样件上验证。',
    keywords: ['复合材料', '混合连接', '疲劳寿命', '轻量化'],
    disciplines: ['43055'],
    owner: 'JG-001',
    regionCode: '330502',
    stage: '中试',
    cooperationModes: ['技术转让', '技术许可'],
    amountYuan: 1_200_000,
  },
  {
    code: 'CG-2026-002',
    title: '锂离子电池热失控多参数预警技术',
    description: '融合温度、气体与电压信号的热失控预警模型，可提前数分钟报警，适用于储能和动力电池系统。',
    keywords: ['锂离子电池', '热失控', '预警', '储能系统'],
    disciplines: ['48040'],
    owner: 'JG-002',
    regionCode: '330502',
    stage: '小试',
    cooperationModes: ['合作开发'],
  },
  {
    code: 'CG-2026-003',
    title: '竹材绿色防霉改性处理工艺',
    description: '以植物源抑菌剂和热处理结合的竹材防霉防蛀工艺，无甲醛，防霉等级达0级。',
    keywords: ['竹材改性', '防霉', '绿色工艺'],
    disciplines: ['220'],
    owner: 'JG-006',
    regionCode: '330523',
    stage: '产业化',
    cooperationModes: ['技术转让'],
    amountYuan: 500_000,
  },
  {
    code: 'CG-2026-004',
    title: '高动态永磁同步电机无感控制技术',
    description: '基于高频注入与滑模观测器切换的无位置传感器控制，零速满载启动，已移植到国产MCU。',
    keywords: ['永磁同步电机', '无位置传感器控制', '滑模观测器'],
    disciplines: ['47040'],
    owner: 'JG-001',
    regionCode: '330502',
    stage: '中试',
    cooperationModes: ['技术许可', '技术开发'],
  },
  {
    code: 'CG-2026-005',
    title: '遥感影像语义分割与变化检测平台',
    description: '面向国土监测的深度学习语义分割和变化检测平台，支持多源遥感影像与国产GPU。',
    keywords: ['遥感', '语义分割', '变化检测', '深度学习'],
    disciplines: ['52020'],
    owner: 'JG-005',
    regionCode: '330521',
    stage: '产业化',
    cooperationModes: ['技术服务', '技术许可'],
  },
  {
    code: 'CG-2026-006',
    title: '中药多成分指纹图谱质量控制方法',
    description: '建立中药提取物多成分指纹图谱与一测多评含量测定方法，已用于三个品种的质量标准提升。',
    keywords: ['指纹图谱', '质量控制', '中药'],
    disciplines: ['360'],
    owner: 'JG-003',
    regionCode: '330503',
    stage: '产业化',
    cooperationModes: ['技术服务'],
  },
  {
    code: 'CG-2026-007',
    title: '五轴数控机床热误差建模与补偿系统',
    description: '基于温度敏感点优化的热误差模型和实时补偿模块，加工精度提升40%。',
    keywords: ['数控机床', '热误差补偿', '精度'],
    disciplines: ['46035'],
    owner: 'JG-004',
    regionCode: '330500',
    stage: '中试',
    cooperationModes: ['技术转让'],
  },
];

export async function seedListsDemo(platform: Platform, adminUserId: string) {
  const actor = seedActor(adminUserId);
  const existing = await platform.lists.list(actor, 'demands', { page: 1, pageSize: 1, sort: 'code' });
  if (existing.total > 0) return;
  const repo = new RegistryRepository(platform.database.db);
  const enterprises = new Map(
    (
      await repo.byCodes('enterprises', [
        'QY-001',
        'QY-002',
        'QY-003',
        'QY-004',
        'QY-005',
        'QY-006',
        'QY-007',
        'QY-008',
      ])
    ).map((r) => [r.code, r.id]),
  );
  const institutions = new Map(
    (await repo.byCodes('institutions', ['JG-001', 'JG-002', 'JG-003', 'JG-004', 'JG-005', 'JG-006'])).map(
      (r) => [r.code, r.id],
    ),
  );
  const lists: [ListKind, DemoItem[]][] = [
    ['demands', DEMANDS],
    ['talent-demands', TALENT_DEMANDS],
    ['achievements', ACHIEVEMENTS],
  ];
  for (const [kind, items] of lists) {
    for (const { owner, status = 'published', ...item } of items) {
      const link = owner.startsWith('QY')
        ? { enterpriseId: enterprises.get(owner) }
        : { institutionId: institutions.get(owner) };
      let row = await platform.lists.create(actor, kind, { ...item, ...link, deadline: '2027-06-30' });
      if (status === 'published' || status === 'submitted') {
        row = await platform.lists.transition(actor, kind, row.id, {
          action: status === 'published' ? 'publish' : 'submit',
          version: row.version,
        });
      }
    }
  }
}
