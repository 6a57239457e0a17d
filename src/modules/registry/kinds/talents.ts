import type { ColumnSpec } from '../../../platform/io/columns.ts';
import { splitMultiValue } from '../../../reference/dictionaries/index.ts';
import { birthDateOfIdNumber, normaliseIdNumber } from '../../../reference/idcard.ts';
import { maskIdNumber } from '../../../reference/mask.ts';
import { maskMobile, normaliseMobile } from '../../../reference/mobile.ts';
import { talentInput } from '../contract.ts';
import type { KindDef } from '../kinds.ts';
import type { TalentRow } from '../repository.ts';
import { regionName } from '../regions.ts';
import { dictionaryCells, recordCells, textCells } from './cells.ts';
import {
  coded,
  flaggedValue,
  given,
  type KindContext,
  names,
  opened,
  RECORD_FIELDS,
  RECORD_VIEW_COLUMNS,
  recordView,
  regionWords,
  sealedField,
  type ViewContext,
  words,
} from './common.ts';

/** Honour levels from the highest down: a talent's honourLevel is the highest they hold. */
const HONOUR_RANK = ['院士', '国家级', '省级', '市级'];

const talentColumns: ColumnSpec[] = [
  {
    key: 'code',
    header: '编号',
    headerEn: 'Code',
    required: true,
    hint: '本地区人才库中的唯一编号，重复导入时按编号更新',
    example: 'HZ-ZJ-0001',
    identifier: true,
  },
  { key: 'name', header: '姓名', headerEn: 'Name', required: true, example: '陈志远' },
  { key: 'gender', header: '性别', headerEn: 'Gender', hint: '男 / 女' },
  {
    key: 'birthYear',
    header: '出生年份',
    headerEn: 'Birth year',
    aliases: ['出生年月', '出生日期'],
    example: '1975',
  },
  { key: 'education', header: '学历', headerEn: 'Education', aliases: ['最高学历'], example: '博士' },
  { key: 'title', header: '职称', headerEn: 'Title', aliases: ['专业技术职称'], example: '教授' },
  {
    key: 'employerName',
    header: '工作单位',
    headerEn: 'Employer',
    aliases: ['单位', '所在单位', '工作单位名称'],
    hint: '与机构库中的名称一致时自动关联，不存在的高校/院所将自动建档',
    example: '浙北理工学院',
  },
  {
    key: 'region',
    header: '所在地区',
    headerEn: 'Region',
    aliases: ['地区', '所在地', '区域'],
    hint: '行政区划代码或名称，如 330502、浙江省湖州市吴兴区、杭州',
    example: '浙江省湖州市吴兴区',
  },
  {
    key: 'disciplines',
    header: '学科领域',
    headerEn: 'Disciplines',
    aliases: ['学科', '专业领域'],
    hint: 'GB/T 13745 学科名称或代码，多个用；分隔',
    example: '材料科学；机械工程',
  },
  {
    key: 'industries',
    header: '行业领域',
    headerEn: 'Industries',
    aliases: ['所属行业', '行业'],
    hint: 'GB/T 4754 行业名称或代码，多个用；分隔',
  },
  {
    key: 'researchInterests',
    header: '研究方向',
    headerEn: 'Research interests',
    aliases: ['专业特长', '研究领域'],
    example: '高性能复合材料；轻量化结构设计',
  },
  {
    key: 'representativeWork',
    header: '代表成果',
    headerEn: 'Representative work',
    aliases: ['主要成果', '代表性成果'],
  },
  {
    key: 'honours',
    header: '荣誉称号',
    headerEn: 'Honours',
    aliases: ['人才称号', '荣誉'],
    hint: '多个用；分隔',
  },
  {
    key: 'mobile',
    header: '手机',
    headerEn: 'Mobile',
    aliases: ['手机号', '手机号码', '联系电话'],
    identifier: true,
  },
  { key: 'email', header: '邮箱', headerEn: 'Email', aliases: ['电子邮箱', 'E-mail'] },
  {
    key: 'idNumber',
    header: '身份证号',
    headerEn: 'ID number',
    aliases: ['身份证号码', '证件号码'],
    hint: '18位居民身份证号，请将本列设为文本格式',
    identifier: true,
  },
  { key: 'tags', header: '标签', headerEn: 'Tags', hint: '多个用；分隔' },
  { key: 'isExpert', header: '是否专家', headerEn: 'Expert', hint: '是 / 否，默认是' },
];

/** The columns a talent's list item reads (talentListItem). */
const LIST_COLUMNS = [
  ...RECORD_VIEW_COLUMNS,
  'gender',
  'education',
  'educationText',
  'title',
  'titleText',
  'titleLevel',
  'employerName',
  'institutionId',
  'disciplines',
  'honourLevel',
  'tags',
  'isExpert',
  'mobileEnc',
] as const;

/** A talent's list item, from the list's columns alone. */
function listItem(row: Pick<TalentRow, (typeof LIST_COLUMNS)[number]>, ctx: ViewContext) {
  return Object.assign(recordView(row), {
    gender: row.gender,
    education: row.education
      ? { code: row.education, name: ctx.dict.name('education', row.education) }
      : null,
    educationText: row.educationText,
    title: row.title ? { code: row.title, name: ctx.dict.name('title', row.title) } : null,
    titleText: row.titleText,
    titleLevel: row.titleLevel,
    employerName: row.employerName,
    institutionId: row.institutionId,
    disciplines: ctx.dict.named('discipline', row.disciplines),
    honourLevel: row.honourLevel,
    tags: row.tags,
    isExpert: row.isExpert,
    mobile: opened(ctx.cipher, row.mobileEnc, ctx.reveal, maskMobile),
  });
}

/** Talents and experts (人才/专家): one person record; `isExpert` marks those who serve as experts. */
export const talentKind: KindDef<'talents'> = {
  kind: 'talents',
  entity: 'talent',
  label: { zh: '人才/专家', en: 'Talents and experts' },
  input: talentInput,
  columns: talentColumns,
  redact: ['mobileEnc', 'mobileHash', 'idNumberEnc', 'idNumberHash', 'searchText'],
  sealed: (row) => ({ mobile: row.mobileEnc, idNumber: row.idNumberEnc }),
  dictionaryFields: [
    { field: 'education', dictionary: 'education' },
    { field: 'title', dictionary: 'title' },
    { field: 'disciplines', dictionary: 'discipline' },
    { field: 'industries', dictionary: 'industry' },
    { field: 'honours', dictionary: 'honour' },
  ],
  values(input, ctx) {
    return {
      ...given(input, [
        ...RECORD_FIELDS,
        'gender',
        'birthYear',
        'education',
        'educationText',
        'title',
        'titleText',
        'employerName',
        'institutionId',
        'enterpriseId',
        'researchInterests',
        'representativeWork',
        'tags',
        'isExpert',
        'email',
      ]),
      ...(input.title !== undefined
        ? { titleLevel: input.title ? ctx.dict.level('title', input.title) : null }
        : {}),
      ...coded(ctx, 'discipline', input.disciplines, 'disciplines', 'disciplineTags'),
      ...coded(ctx, 'industry', input.industries, 'industries', 'industryTags'),
      ...(input.honours !== undefined
        ? { honours: input.honours, honourLevel: highestHonour(input.honours, ctx) }
        : {}),
      ...sealedField(ctx, 'mobile', input.mobile, normaliseMobile),
      ...sealedField(ctx, 'idNumber', input.idNumber, normaliseIdNumber),
    };
  },
  searchText(row, ctx) {
    return words(
      row.name,
      row.code,
      row.employerName,
      row.title ? ctx.dict.name('title', row.title) : row.titleText,
      row.researchInterests,
      row.representativeWork,
      row.tags,
      ctx.dict.named('discipline', row.disciplines).map((n) => n.name),
      ctx.dict.named('honour', row.honours).map((n) => n.name),
      regionWords(row),
    );
  },
  list: { columns: LIST_COLUMNS, item: listItem },
  view(row, ctx) {
    return Object.assign(listItem(row, ctx), {
      birthYear: row.birthYear,
      enterpriseId: row.enterpriseId,
      industries: ctx.dict.named('industry', row.industries),
      researchInterests: row.researchInterests,
      representativeWork: row.representativeWork,
      honours: ctx.dict.named('honour', row.honours),
      email: row.email,
      idNumber: opened(ctx.cipher, row.idNumberEnc, ctx.reveal, maskIdNumber),
    });
  },
  exportRow(row, ctx) {
    return {
      code: row.code,
      name: row.name,
      gender:
        row.gender === 'male' ? '男' : row.gender === 'female' ? '女' : flaggedValue(row.flags, 'gender'),
      birthYear: row.birthYear,
      education: row.education ? ctx.dict.name('education', row.education) : (row.educationText ?? ''),
      title: row.title ? ctx.dict.name('title', row.title) : (row.titleText ?? ''),
      employerName: row.employerName ?? '',
      // A code no region list knows is exported as the code (the other kinds leave the cell empty).
      region: row.regionCode ? (regionName(row.regionCode) ?? row.regionCode) : (row.regionText ?? ''),
      disciplines: names(ctx.dict.named('discipline', row.disciplines), row.flags, 'disciplines'),
      industries: names(ctx.dict.named('industry', row.industries), row.flags, 'industries'),
      researchInterests: row.researchInterests ?? '',
      representativeWork: row.representativeWork ?? '',
      honours: names(ctx.dict.named('honour', row.honours), row.flags, 'honours'),
      mobile: opened(ctx.cipher, row.mobileEnc, ctx.reveal, maskMobile) ?? '',
      email: row.email ?? '',
      idNumber: opened(ctx.cipher, row.idNumberEnc, ctx.reveal, maskIdNumber) ?? '',
      tags: row.tags.join('；'),
      isExpert: row.isExpert ? '是' : '否',
    };
  },
  fromCells(cells, ctx) {
    const out = recordCells(cells, '姓名');
    const gender = cells.gender?.trim() ?? '';
    if (/^(男|male|m)$/i.test(gender)) out.candidate.gender = 'male';
    else if (/^(女|female|f)$/i.test(gender)) out.candidate.gender = 'female';
    else if (gender)
      out.flags.push({
        field: 'gender',
        column: '性别',
        value: gender,
        message: '性别应为“男”或“女”，已忽略',
      });
    const idNumber = cells.idNumber?.replace(/\s/g, '') ?? '';
    if (idNumber) out.candidate.idNumber = idNumber;
    const year = cells.birthYear?.trim() ?? '';
    if (year) {
      const m = /^(\d{4})(?:\D|$)/.exec(year);
      if (!m || Number(m[1]) < 1900 || Number(m[1]) > new Date().getFullYear()) {
        out.errors.push({ column: '出生年份', value: year, message: '出生年份应为1900年至今的四位年份' });
      } else out.candidate.birthYear = Number(m[1]);
    } else if (idNumber) {
      const born = birthDateOfIdNumber(idNumber);
      if (born) out.candidate.birthYear = Number(born.slice(0, 4));
    }
    dictionaryCells(out, ctx, cells.education, 'education', 'education', '学历', false);
    if (cells.education?.trim() && !out.candidate.education)
      out.candidate.educationText = cells.education.trim().slice(0, 32);
    dictionaryCells(out, ctx, cells.title, 'title', 'title', '职称', false);
    if (cells.title?.trim() && !out.candidate.title)
      out.candidate.titleText = cells.title.trim().slice(0, 64);
    dictionaryCells(out, ctx, cells.disciplines, 'discipline', 'disciplines', '学科领域', true);
    dictionaryCells(out, ctx, cells.industries, 'industry', 'industries', '行业领域', true);
    dictionaryCells(out, ctx, cells.honours, 'honour', 'honours', '荣誉称号', true);
    textCells(out, cells, ['employerName', 'researchInterests', 'representativeWork', 'email', 'mobile']);
    if (cells.tags?.trim()) out.candidate.tags = splitMultiValue(cells.tags).map((t) => t.slice(0, 32));
    const expert = cells.isExpert?.trim() ?? '';
    if (expert) out.candidate.isExpert = !/^(否|no|n|false|0)$/i.test(expert);
    return out;
  },
  unique(input, cipher) {
    if (!input.idNumber) return [];
    return [
      {
        column: 'idNumberHash',
        value: cipher.lookupHash(normaliseIdNumber(input.idNumber)),
        error: 'REGISTRY_ID_NUMBER_TAKEN',
      },
    ];
  },
};

/** The highest level among a talent's honours, or null. */
function highestHonour(honours: readonly string[], ctx: KindContext): string | null {
  const levels = honours.map((c) => ctx.dict.level('honour', c)).filter((l): l is string => !!l);
  return HONOUR_RANK.find((rank) => levels.includes(rank)) ?? null;
}
