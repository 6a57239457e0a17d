import { ENTERPRISE_SIZES, enterpriseInput } from '../contract.ts';
import type { KindDef } from '../kinds.ts';
import { dictionaryCells, recordCells, textCells } from './cells.ts';
import {
  CONTACT_CELLS,
  coded,
  contactExport,
  contactValues,
  contactView,
  flaggedValue,
  given,
  names,
  RECORD_FIELDS,
  recordView,
  regionCell,
  regionWords,
  words,
} from './common.ts';

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
  sealed: (row) => ({ mobile: row.contactMobileEnc, idNumber: null }),
  dictionaryFields: [
    { field: 'industries', dictionary: 'industry' },
    { field: 'qualifications', dictionary: 'qualification' },
  ],
  values(input, ctx) {
    return {
      ...given(input, [...RECORD_FIELDS, 'creditCode', 'cluster', 'size', 'qualifications']),
      ...contactValues(input, ctx),
      ...coded(ctx, 'industry', input.industries, 'industries', 'industryTags'),
    };
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
      regionWords(row),
    );
  },
  view(row, ctx) {
    return Object.assign(recordView(row), {
      creditCode: row.creditCode,
      industries: ctx.dict.named('industry', row.industries),
      cluster: row.cluster,
      size: row.size,
      qualifications: ctx.dict.named('qualification', row.qualifications),
      ...contactView(row, ctx),
    });
  },
  exportRow(row, ctx) {
    return {
      code: row.code,
      name: row.name,
      creditCode: row.creditCode ?? '',
      region: regionCell(row),
      industries: names(ctx.dict.named('industry', row.industries), row.flags, 'industries'),
      cluster: row.cluster ?? '',
      size: row.size ? (SIZE_NAMES[row.size] ?? row.size) : flaggedValue(row.flags, 'size'),
      qualifications: names(ctx.dict.named('qualification', row.qualifications), row.flags, 'qualifications'),
      ...contactExport(row, ctx),
    };
  },
  fromCells(cells, ctx) {
    const out = recordCells(cells, '企业名称');
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
    textCells(out, cells, CONTACT_CELLS);
    return out;
  },
  unique(input) {
    if (!input.creditCode) return [];
    return [{ column: 'creditCode', value: input.creditCode, error: 'REGISTRY_CREDIT_CODE_TAKEN' }];
  },
};
