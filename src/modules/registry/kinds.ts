import type { z } from 'zod';
import type { FieldCipher } from '../../platform/crypto/fields.ts';
import { issueMessage } from '../../platform/http/validation.ts';
import type { Bilingual } from '../../platform/i18n/locale.ts';
import type { ColumnSpec } from '../../platform/io/columns.ts';
import type { PreparedRow } from '../../platform/io/import.ts';
import type { RowIssue } from '../../platform/io/schema.ts';
import type { DictionaryKind } from '../../reference/dictionaries/index.ts';
import { splitMultiValue } from '../../reference/dictionaries/index.ts';
import { birthDateOfIdNumber, normaliseIdNumber } from '../../reference/idcard.ts';
import { maskIdNumber } from '../../reference/mask.ts';
import { maskMobile, normaliseMobile } from '../../reference/mobile.ts';
import {
  ENTERPRISE_SIZES,
  enterpriseInput,
  type INSTITUTION_KINDS,
  institutionInput,
  type RegistryKind,
  stationInput,
  talentInput,
} from './contract.ts';
import type { DictionarySnapshot } from './dictionaries.ts';
import { regionName, resolveRegion } from './regions.ts';
import type { EnterpriseRow, InstitutionRow, RowOf, StationRow, TalentRow } from './repository.ts';
import type { Flag } from './schema.ts';

export interface KindContext {
  dict: DictionarySnapshot;
  cipher: FieldCipher;
}

export interface ViewContext extends KindContext {
  /** Show personal data unmasked (the caller holds personal.reveal and asked for it, audited). */
  reveal: boolean;
  expertCounts?: Map<string, number>;
}

export interface DictionaryField {
  field: string;
  dictionary: DictionaryKind;
}

export interface UniqueCheck {
  column: string;
  value: string;
  error: 'REGISTRY_ID_NUMBER_TAKEN' | 'REGISTRY_CREDIT_CODE_TAKEN';
}

/** Everything kind-specific about a registry: its fields, views, template columns and import parsing. */
export interface KindDef<K extends RegistryKind = RegistryKind> {
  kind: K;
  entity: string;
  label: Bilingual;
  input: z.ZodObject;
  columns: readonly ColumnSpec[];
  redact: readonly string[];
  /** The ciphertext columns a reveal opens: the record's mobile number and, for people, the ID number. */
  sealed: { mobile: string; idNumber: string | null };
  dictionaryFields: readonly DictionaryField[];
  values(input: Record<string, unknown>, ctx: KindContext): Record<string, unknown>;
  searchText(row: RowOf<K>, ctx: KindContext): string;
  view(row: RowOf<K>, ctx: ViewContext): Record<string, unknown>;
  exportRow(row: RowOf<K>, ctx: ViewContext): Record<string, string | number | null>;
  fromCells(cells: Record<string, string>, ctx: KindContext): CellsOutcome;
  unique(input: Record<string, unknown>, ctx: KindContext): UniqueCheck[];
}

export interface CellsOutcome {
  candidate: Record<string, unknown>;
  flags: (RowIssue & { field: string })[];
  errors: RowIssue[];
}

// ---------- shared helpers ----------

const HONOUR_RANK = ['院士', '国家级', '省级', '市级'];

function has(input: Record<string, unknown>, key: string): boolean {
  return Object.hasOwn(input, key) && input[key] !== undefined;
}

function copy(input: Record<string, unknown>, keys: readonly string[], into: Record<string, unknown>) {
  for (const key of keys) if (has(input, key)) into[key] = input[key] ?? null;
}

function sealed(cipher: FieldCipher, value: unknown, normalise: (s: string) => string) {
  if (typeof value !== 'string' || value === '') return { enc: null, hash: null };
  const n = normalise(value);
  return { enc: cipher.encrypt(n), hash: cipher.lookupHash(n) };
}

/** A code-list field and, in `tagsColumn`, the codes with their ancestors (for hierarchical filters). */
function codesInto(
  v: Record<string, unknown>,
  input: Record<string, unknown>,
  ctx: KindContext,
  field: string,
  dictionary: DictionaryKind,
  tagsColumn: string,
) {
  if (!has(input, field)) return;
  v[field] = input[field];
  v[tagsColumn] = ctx.dict.withAncestors(dictionary, input[field] as string[]);
}

/** A personal field as `<field>Enc` (ciphertext) and `<field>Hash` (lookup hash). */
function sealInto(
  v: Record<string, unknown>,
  input: Record<string, unknown>,
  ctx: KindContext,
  field: string,
  normalise: (s: string) => string,
) {
  if (!has(input, field)) return;
  const s = sealed(ctx.cipher, input[field], normalise);
  v[`${field}Enc`] = s.enc;
  v[`${field}Hash`] = s.hash;
}

function opened(cipher: FieldCipher, enc: string | null, reveal: boolean, mask: (s: string) => string) {
  if (!enc) return null;
  const plain = cipher.decrypt(enc);
  return reveal ? plain : mask(plain);
}

function recordView(row: TalentRow | EnterpriseRow | InstitutionRow | StationRow) {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    regionCode: row.regionCode,
    regionName: regionName(row.regionCode),
    regionText: row.regionText,
    flags: row.flags,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    archived: row.archivedAt !== null,
    version: row.version,
  };
}

export function words(...parts: (string | null | undefined | readonly string[])[]): string {
  return parts
    .flat()
    .filter((p): p is string => typeof p === 'string' && p !== '')
    .join(' ')
    .toLowerCase()
    .slice(0, 8000);
}

/** Names for a multi-value cell, followed by any values kept as written (flagged), so an export re-imports the same. */
function names(list: { name: string }[], flags?: Flag[], field?: string): string {
  const kept = flags?.filter((f) => f.field === field).map((f) => f.value) ?? [];
  return [...list.map((n) => n.name), ...kept].join('；');
}

function flaggedValue(flags: Flag[], field: string): string {
  return flags.find((f) => f.field === field)?.value ?? '';
}

/** Parses the columns every registry has (编号, 名称, 所在地区) into the candidate. */
function commonCells(cells: Record<string, string>, out: CellsOutcome, nameHeader: string) {
  const code = cells.code?.trim() ?? '';
  if (!code) out.errors.push({ column: '编号', value: '', message: '编号必填' });
  out.candidate.code = code;
  const name = cells.name?.trim() ?? '';
  if (!name) out.errors.push({ column: nameHeader, value: '', message: `${nameHeader}必填` });
  out.candidate.name = name;
  const regionText = cells.region?.trim() ?? '';
  if (regionText) {
    const resolved = resolveRegion(regionText);
    if (resolved && 'code' in resolved) out.candidate.regionCode = resolved.code;
    else {
      out.candidate.regionText = regionText.slice(0, 64);
      out.flags.push({
        field: 'regionCode',
        column: '所在地区',
        value: regionText,
        message: resolved
          ? `地区名称有歧义（${resolved.ambiguous.map((r) => regionName(r.code)).join('、')}），已按原文保留`
          : '未识别的地区，已按原文保留',
      });
    }
  }
}

/** A dictionary column: resolved codes into the candidate; unknown values kept in a flag. */
export function dictionaryCells(
  out: CellsOutcome,
  ctx: KindContext,
  text: string | undefined,
  dictionary: DictionaryKind,
  field: string,
  column: string,
  multi: boolean,
) {
  const raw = text?.trim() ?? '';
  if (!raw) return;
  const codes: string[] = [];
  const unknown: string[] = [];
  const take = (v: string) => {
    const entry = ctx.dict.resolve(dictionary, v);
    if (entry && !codes.includes(entry.code)) codes.push(entry.code);
    return entry !== undefined;
  };
  // Strong separators (；; newline |) always split. A part that is a name as a
  // whole stays whole — official names contain 、 (木材加工和木、竹、藤、棕、草制品业) —
  // and only otherwise is it split on 、，, /.
  const parts = multi
    ? raw
        .split(/[；;\n|]+/)
        .map((x) => x.trim())
        .filter(Boolean)
    : [raw];
  for (const part of parts) {
    if (take(part)) continue;
    const pieces = multi ? splitMultiValue(part) : [];
    if (pieces.length > 1) {
      for (const piece of pieces) if (!take(piece)) unknown.push(piece);
    } else unknown.push(part);
  }
  if (multi) out.candidate[field] = codes;
  else if (codes[0]) out.candidate[field] = codes[0];
  if (unknown.length > 0) {
    out.flags.push({ field, column, value: unknown.join('；'), message: '字典中没有该值，已按原文保留' });
  }
}

export function formatIssue(issue: z.core.$ZodIssue, columns: readonly ColumnSpec[]): RowIssue {
  const key = String(issue.path[0] ?? '');
  const column = columns.find((c) => c.key === key || `${c.key}`.replace(/Text$/, '') === key)?.header ?? key;
  // Import reports are read by Chinese operators and stored as written.
  return { column, message: issueMessage(issue, 'zh-CN') };
}

/**
 * A parsed row checked against the record's input schema: the record input (with its flags) when the
 * row has no errors, else the errors; schema errors count only when the cells gave none of their own.
 */
export function preparedRow(
  outcome: CellsOutcome,
  input: z.ZodObject,
  columns: readonly ColumnSpec[],
  extra: Record<string, unknown> = {},
): PreparedRow<Record<string, unknown>> {
  const parsed = input.safeParse(outcome.candidate);
  const errors = [...outcome.errors];
  if (!parsed.success && errors.length === 0) {
    for (const issue of parsed.error.issues) errors.push(formatIssue(issue, columns));
  }
  const code =
    typeof outcome.candidate.code === 'string' && outcome.candidate.code ? outcome.candidate.code : null;
  const data =
    parsed.success && errors.length === 0
      ? { ...(parsed.data as Record<string, unknown>), flags: toFlags(outcome.flags), ...extra }
      : null;
  return { code, data, errors, flags: outcome.flags.map(({ field: _f, ...issue }) => issue) };
}

/** Flags as stored on the record. */
export function toFlags(flags: CellsOutcome['flags']): Flag[] {
  return flags.map((f) => ({ field: f.field, value: f.value ?? '', reason: f.message }));
}

// ---------- talents ----------

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

export const talentKind: KindDef<'talents'> = {
  kind: 'talents',
  entity: 'talent',
  label: { zh: '人才/专家', en: 'Talents and experts' },
  input: talentInput,
  columns: talentColumns,
  redact: ['mobileEnc', 'mobileHash', 'idNumberEnc', 'idNumberHash', 'searchText'],
  sealed: { mobile: 'mobileEnc', idNumber: 'idNumberEnc' },
  dictionaryFields: [
    { field: 'education', dictionary: 'education' },
    { field: 'title', dictionary: 'title' },
    { field: 'disciplines', dictionary: 'discipline' },
    { field: 'industries', dictionary: 'industry' },
    { field: 'honours', dictionary: 'honour' },
  ],
  values(input, ctx) {
    const v: Record<string, unknown> = {};
    copy(
      input,
      [
        'code',
        'name',
        'gender',
        'birthYear',
        'education',
        'educationText',
        'title',
        'titleText',
        'employerName',
        'institutionId',
        'enterpriseId',
        'regionCode',
        'regionText',
        'researchInterests',
        'representativeWork',
        'tags',
        'isExpert',
        'email',
      ],
      v,
    );
    if (has(input, 'title'))
      v.titleLevel = input.title ? ctx.dict.level('title', input.title as string) : null;
    codesInto(v, input, ctx, 'disciplines', 'discipline', 'disciplineTags');
    codesInto(v, input, ctx, 'industries', 'industry', 'industryTags');
    if (has(input, 'honours')) {
      const honours = input.honours as string[];
      v.honours = honours;
      const levels = honours.map((c) => ctx.dict.level('honour', c)).filter((l): l is string => !!l);
      v.honourLevel = HONOUR_RANK.find((rank) => levels.includes(rank)) ?? null;
    }
    sealInto(v, input, ctx, 'mobile', normaliseMobile);
    sealInto(v, input, ctx, 'idNumber', normaliseIdNumber);
    return v;
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
      regionName(row.regionCode) ?? row.regionText,
    );
  },
  view(row, ctx) {
    return {
      ...recordView(row),
      gender: row.gender,
      birthYear: row.birthYear,
      education: row.education
        ? { code: row.education, name: ctx.dict.name('education', row.education) }
        : null,
      educationText: row.educationText,
      title: row.title ? { code: row.title, name: ctx.dict.name('title', row.title) } : null,
      titleText: row.titleText,
      titleLevel: row.titleLevel,
      employerName: row.employerName,
      institutionId: row.institutionId,
      enterpriseId: row.enterpriseId,
      disciplines: ctx.dict.named('discipline', row.disciplines),
      industries: ctx.dict.named('industry', row.industries),
      researchInterests: row.researchInterests,
      representativeWork: row.representativeWork,
      honours: ctx.dict.named('honour', row.honours),
      honourLevel: row.honourLevel,
      tags: row.tags,
      isExpert: row.isExpert,
      mobile: opened(ctx.cipher, row.mobileEnc, ctx.reveal, maskMobile),
      email: row.email,
      idNumber: opened(ctx.cipher, row.idNumberEnc, ctx.reveal, maskIdNumber),
    };
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
    const out: CellsOutcome = { candidate: {}, flags: [], errors: [] };
    commonCells(cells, out, '姓名');
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
    for (const key of ['employerName', 'researchInterests', 'representativeWork', 'email'] as const) {
      if (cells[key]?.trim()) out.candidate[key] = cells[key].trim();
    }
    if (cells.mobile?.trim()) out.candidate.mobile = cells.mobile.trim();
    if (cells.tags?.trim()) out.candidate.tags = splitMultiValue(cells.tags).map((t) => t.slice(0, 32));
    const expert = cells.isExpert?.trim() ?? '';
    if (expert) out.candidate.isExpert = !/^(否|no|n|false|0)$/i.test(expert);
    return out;
  },
  unique(input, ctx) {
    if (typeof input.idNumber !== 'string' || !input.idNumber) return [];
    return [
      {
        column: 'idNumberHash',
        value: ctx.cipher.lookupHash(normaliseIdNumber(input.idNumber)),
        error: 'REGISTRY_ID_NUMBER_TAKEN',
      },
    ];
  },
};

// ---------- enterprises ----------

const SIZE_NAMES: Record<string, string> = { large: '大型', medium: '中型', small: '小型', micro: '微型' };

export const enterpriseKind: KindDef<'enterprises'> = {
  kind: 'enterprises',
  entity: 'enterprise',
  label: { zh: '企业', en: 'Enterprises' },
  input: enterpriseInput,
  columns: [
    {
      key: 'code',
      header: '编号',
      headerEn: 'Code',
      required: true,
      example: 'HZ-QY-0001',
      identifier: true,
    },
    {
      key: 'name',
      header: '企业名称',
      headerEn: 'Name',
      required: true,
      aliases: ['名称', '单位名称'],
      example: '德清绿源新材料有限公司',
    },
    {
      key: 'creditCode',
      header: '统一社会信用代码',
      headerEn: 'Credit code',
      aliases: ['信用代码', '社会信用代码'],
      identifier: true,
    },
    { key: 'region', header: '所在地区', headerEn: 'Region', aliases: ['地区', '所在地'], example: '德清县' },
    {
      key: 'industries',
      header: '所属行业',
      headerEn: 'Industries',
      aliases: ['行业', '行业领域'],
      hint: 'GB/T 4754 行业名称或代码，多个用；分隔',
    },
    { key: 'cluster', header: '主导产业', headerEn: 'Leading industry', aliases: ['产业集群'] },
    {
      key: 'size',
      header: '企业规模',
      headerEn: 'Size',
      aliases: ['规模'],
      hint: '大型 / 中型 / 小型 / 微型',
    },
    {
      key: 'qualifications',
      header: '企业资质',
      headerEn: 'Qualifications',
      aliases: ['资质', '资质荣誉'],
      hint: '如 高新技术企业；专精特新',
    },
    { key: 'contactName', header: '联系人', headerEn: 'Contact' },
    {
      key: 'contactMobile',
      header: '联系电话',
      headerEn: 'Contact mobile',
      aliases: ['手机', '联系人手机'],
      identifier: true,
    },
    { key: 'contactEmail', header: '邮箱', headerEn: 'Email', aliases: ['电子邮箱'] },
    { key: 'address', header: '地址', headerEn: 'Address', aliases: ['详细地址'] },
    { key: 'description', header: '企业简介', headerEn: 'Description', aliases: ['简介'] },
  ],
  redact: ['contactMobileEnc', 'contactMobileHash', 'searchText'],
  sealed: { mobile: 'contactMobileEnc', idNumber: null },
  dictionaryFields: [
    { field: 'industries', dictionary: 'industry' },
    { field: 'qualifications', dictionary: 'qualification' },
  ],
  values(input, ctx) {
    const v: Record<string, unknown> = {};
    copy(
      input,
      [
        'code',
        'name',
        'creditCode',
        'regionCode',
        'regionText',
        'cluster',
        'size',
        'qualifications',
        'contactName',
        'contactEmail',
        'address',
        'description',
      ],
      v,
    );
    codesInto(v, input, ctx, 'industries', 'industry', 'industryTags');
    sealInto(v, input, ctx, 'contactMobile', normaliseMobile);
    return v;
  },
  searchText(row, ctx) {
    return words(
      row.name,
      row.code,
      row.creditCode,
      row.cluster,
      row.description,
      row.address,
      ctx.dict.named('industry', row.industries).map((n) => n.name),
      regionName(row.regionCode) ?? row.regionText,
    );
  },
  view(row, ctx) {
    return {
      ...recordView(row),
      creditCode: row.creditCode,
      industries: ctx.dict.named('industry', row.industries),
      cluster: row.cluster,
      size: row.size,
      qualifications: ctx.dict.named('qualification', row.qualifications),
      contactName: row.contactName,
      contactMobile: opened(ctx.cipher, row.contactMobileEnc, ctx.reveal, maskMobile),
      contactEmail: row.contactEmail,
      address: row.address,
      description: row.description,
      organisationId: row.organisationId,
    };
  },
  exportRow(row, ctx) {
    return {
      code: row.code,
      name: row.name,
      creditCode: row.creditCode ?? '',
      region: row.regionCode ? (regionName(row.regionCode) ?? '') : (row.regionText ?? ''),
      industries: names(ctx.dict.named('industry', row.industries), row.flags, 'industries'),
      cluster: row.cluster ?? '',
      size: row.size ? (SIZE_NAMES[row.size] ?? row.size) : flaggedValue(row.flags, 'size'),
      qualifications: names(ctx.dict.named('qualification', row.qualifications), row.flags, 'qualifications'),
      contactName: row.contactName ?? '',
      contactMobile: opened(ctx.cipher, row.contactMobileEnc, ctx.reveal, maskMobile) ?? '',
      contactEmail: row.contactEmail ?? '',
      address: row.address ?? '',
      description: row.description ?? '',
    };
  },
  fromCells(cells, ctx) {
    const out: CellsOutcome = { candidate: {}, flags: [], errors: [] };
    commonCells(cells, out, '企业名称');
    if (cells.creditCode?.trim()) out.candidate.creditCode = cells.creditCode.trim();
    dictionaryCells(out, ctx, cells.industries, 'industry', 'industries', '所属行业', true);
    dictionaryCells(out, ctx, cells.qualifications, 'qualification', 'qualifications', '企业资质', true);
    if (cells.cluster?.trim()) {
      const cluster = ctx.dict.resolve('cluster', cells.cluster);
      out.candidate.cluster = cluster ? cluster.name : cells.cluster.trim().slice(0, 64);
    }
    const size = cells.size?.trim() ?? '';
    const sizeKey =
      Object.entries(SIZE_NAMES).find(([, zh]) => size.startsWith(zh))?.[0] ??
      (ENTERPRISE_SIZES as readonly string[]).find((s) => s === size.toLowerCase());
    if (sizeKey) out.candidate.size = sizeKey;
    else if (size)
      out.flags.push({
        field: 'size',
        column: '企业规模',
        value: size,
        message: '规模应为大型、中型、小型或微型，已忽略',
      });
    for (const key of ['contactName', 'contactMobile', 'contactEmail', 'address', 'description'] as const) {
      if (cells[key]?.trim()) out.candidate[key] = cells[key].trim();
    }
    return out;
  },
  unique(input) {
    if (typeof input.creditCode !== 'string' || !input.creditCode) return [];
    return [{ column: 'creditCode', value: input.creditCode, error: 'REGISTRY_CREDIT_CODE_TAKEN' }];
  },
};

// ---------- institutions ----------

const INSTITUTION_KIND_NAMES: Record<string, string> = {
  university: '高校',
  institute: '科研院所',
  society: '学会协会',
  other: '其他',
};

/** A guess at what kind of institution a name is (for institutions created from an employer name). */
export function institutionKindOf(name: string): (typeof INSTITUTION_KINDS)[number] {
  if (/大学|学院|学校/.test(name)) return 'university';
  if (/研究院|研究所|研究中心|实验室|科学院/.test(name)) return 'institute';
  if (/学会|协会|联合会|商会/.test(name)) return 'society';
  return 'other';
}

export const institutionKind: KindDef<'institutions'> = {
  kind: 'institutions',
  entity: 'institution',
  label: { zh: '机构', en: 'Institutions' },
  input: institutionInput,
  columns: [
    { key: 'code', header: '编号', headerEn: 'Code', required: true, identifier: true },
    { key: 'name', header: '机构名称', headerEn: 'Name', required: true, aliases: ['名称', '单位名称'] },
    {
      key: 'kind',
      header: '机构类型',
      headerEn: 'Kind',
      aliases: ['类型'],
      hint: '高校 / 科研院所 / 学会协会 / 其他',
    },
    { key: 'region', header: '所在地区', headerEn: 'Region', aliases: ['地区'] },
    {
      key: 'disciplines',
      header: '学科领域',
      headerEn: 'Disciplines',
      aliases: ['优势学科'],
      hint: '多个用；分隔',
    },
    { key: 'contactName', header: '技术转移联系人', headerEn: 'Tech-transfer contact', aliases: ['联系人'] },
    {
      key: 'contactMobile',
      header: '联系电话',
      headerEn: 'Contact mobile',
      aliases: ['手机'],
      identifier: true,
    },
    { key: 'contactEmail', header: '邮箱', headerEn: 'Email' },
    { key: 'address', header: '地址', headerEn: 'Address' },
    { key: 'description', header: '简介', headerEn: 'Description' },
  ],
  redact: ['contactMobileEnc', 'contactMobileHash', 'searchText'],
  sealed: { mobile: 'contactMobileEnc', idNumber: null },
  dictionaryFields: [{ field: 'disciplines', dictionary: 'discipline' }],
  values(input, ctx) {
    const v: Record<string, unknown> = {};
    copy(
      input,
      [
        'code',
        'name',
        'kind',
        'regionCode',
        'regionText',
        'contactName',
        'contactEmail',
        'address',
        'description',
      ],
      v,
    );
    codesInto(v, input, ctx, 'disciplines', 'discipline', 'disciplineTags');
    sealInto(v, input, ctx, 'contactMobile', normaliseMobile);
    return v;
  },
  searchText(row, ctx) {
    return words(
      row.name,
      row.code,
      row.description,
      ctx.dict.named('discipline', row.disciplines).map((n) => n.name),
      regionName(row.regionCode) ?? row.regionText,
    );
  },
  view(row, ctx) {
    return {
      ...recordView(row),
      kind: row.kind,
      disciplines: ctx.dict.named('discipline', row.disciplines),
      contactName: row.contactName,
      contactMobile: opened(ctx.cipher, row.contactMobileEnc, ctx.reveal, maskMobile),
      contactEmail: row.contactEmail,
      address: row.address,
      description: row.description,
      organisationId: row.organisationId,
      ...(ctx.expertCounts ? { expertCount: ctx.expertCounts.get(row.id) ?? 0 } : {}),
    };
  },
  exportRow(row, ctx) {
    return {
      code: row.code,
      name: row.name,
      kind: flaggedValue(row.flags, 'kind') || (INSTITUTION_KIND_NAMES[row.kind] ?? row.kind),
      region: row.regionCode ? (regionName(row.regionCode) ?? '') : (row.regionText ?? ''),
      disciplines: names(ctx.dict.named('discipline', row.disciplines), row.flags, 'disciplines'),
      contactName: row.contactName ?? '',
      contactMobile: opened(ctx.cipher, row.contactMobileEnc, ctx.reveal, maskMobile) ?? '',
      contactEmail: row.contactEmail ?? '',
      address: row.address ?? '',
      description: row.description ?? '',
    };
  },
  fromCells(cells, ctx) {
    const out: CellsOutcome = { candidate: {}, flags: [], errors: [] };
    commonCells(cells, out, '机构名称');
    const kind = cells.kind?.trim() ?? '';
    const kindKey = Object.entries(INSTITUTION_KIND_NAMES).find(([, zh]) => kind && zh.includes(kind))?.[0];
    out.candidate.kind = kindKey ?? institutionKindOf(String(out.candidate.name ?? ''));
    if (kind && !kindKey)
      out.flags.push({
        field: 'kind',
        column: '机构类型',
        value: kind,
        message: '未识别的机构类型，已按名称推断',
      });
    dictionaryCells(out, ctx, cells.disciplines, 'discipline', 'disciplines', '学科领域', true);
    for (const key of ['contactName', 'contactMobile', 'contactEmail', 'address', 'description'] as const) {
      if (cells[key]?.trim()) out.candidate[key] = cells[key].trim();
    }
    return out;
  },
  unique: () => [],
};

// ---------- stations ----------

export const stationKind: KindDef<'stations'> = {
  kind: 'stations',
  entity: 'station',
  label: { zh: '人才驿站', en: 'Talent stations' },
  input: stationInput,
  columns: [
    { key: 'code', header: '编号', headerEn: 'Code', required: true, identifier: true },
    { key: 'name', header: '驿站名称', headerEn: 'Name', required: true, aliases: ['名称', '工作站名称'] },
    { key: 'kind', header: '类型', headerEn: 'Kind', hint: '人才驿站 / 人才工作站' },
    { key: 'region', header: '所在地区', headerEn: 'Region', aliases: ['地区'] },
    { key: 'hostName', header: '依托单位', headerEn: 'Host organisation', aliases: ['建设单位', '承办单位'] },
    { key: 'liaisonName', header: '联络员', headerEn: 'Liaison', aliases: ['联系人'] },
    {
      key: 'liaisonMobile',
      header: '联络员电话',
      headerEn: 'Liaison mobile',
      aliases: ['联系电话', '手机'],
      identifier: true,
    },
    { key: 'address', header: '地址', headerEn: 'Address' },
    { key: 'description', header: '简介', headerEn: 'Description' },
  ],
  redact: ['liaisonMobileEnc', 'liaisonMobileHash', 'searchText'],
  sealed: { mobile: 'liaisonMobileEnc', idNumber: null },
  dictionaryFields: [],
  values(input, ctx) {
    const v: Record<string, unknown> = {};
    copy(
      input,
      [
        'code',
        'name',
        'kind',
        'regionCode',
        'regionText',
        'hostName',
        'liaisonName',
        'address',
        'description',
      ],
      v,
    );
    sealInto(v, input, ctx, 'liaisonMobile', normaliseMobile);
    return v;
  },
  searchText(row) {
    return words(
      row.name,
      row.code,
      row.hostName,
      row.liaisonName,
      row.address,
      regionName(row.regionCode) ?? row.regionText,
    );
  },
  view(row, ctx) {
    return {
      ...recordView(row),
      kind: row.kind,
      hostName: row.hostName,
      liaisonName: row.liaisonName,
      liaisonMobile: opened(ctx.cipher, row.liaisonMobileEnc, ctx.reveal, maskMobile),
      address: row.address,
      description: row.description,
    };
  },
  exportRow(row: StationRow, ctx) {
    return {
      code: row.code,
      name: row.name,
      kind: row.kind === 'workstation' ? '人才工作站' : '人才驿站',
      region: row.regionCode ? (regionName(row.regionCode) ?? '') : (row.regionText ?? ''),
      hostName: row.hostName ?? '',
      liaisonName: row.liaisonName ?? '',
      liaisonMobile: opened(ctx.cipher, row.liaisonMobileEnc, ctx.reveal, maskMobile) ?? '',
      address: row.address ?? '',
      description: row.description ?? '',
    };
  },
  fromCells(cells) {
    const out: CellsOutcome = { candidate: {}, flags: [], errors: [] };
    commonCells(cells, out, '驿站名称');
    out.candidate.kind =
      /工作站/.test(cells.kind ?? '') || /工作站/.test(String(out.candidate.name))
        ? 'workstation'
        : 'station';
    for (const key of ['hostName', 'liaisonName', 'liaisonMobile', 'address', 'description'] as const) {
      if (cells[key]?.trim()) out.candidate[key] = cells[key].trim();
    }
    return out;
  },
  unique: () => [],
};

export const KINDS: { [K in RegistryKind]: KindDef<K> } = {
  talents: talentKind,
  enterprises: enterpriseKind,
  institutions: institutionKind,
  stations: stationKind,
};
