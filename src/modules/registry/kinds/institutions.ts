import { type INSTITUTION_KINDS, institutionInput } from '../contract.ts';
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
  sealed: (row) => ({ mobile: row.contactMobileEnc, idNumber: null }),
  dictionaryFields: [{ field: 'disciplines', dictionary: 'discipline' }],
  values(input, ctx) {
    return {
      ...given(input, [...RECORD_FIELDS, 'kind']),
      ...contactValues(input, ctx),
      ...coded(ctx, 'discipline', input.disciplines, 'disciplines', 'disciplineTags'),
    };
  },
  searchText(row, ctx) {
    return words(
      row.name,
      row.code,
      row.description,
      ctx.dict.named('discipline', row.disciplines).map((n) => n.name),
      regionWords(row),
    );
  },
  view(row, ctx) {
    return Object.assign(recordView(row), {
      kind: row.kind,
      disciplines: ctx.dict.named('discipline', row.disciplines),
      ...contactView(row, ctx),
      ...(ctx.expertCounts ? { expertCount: ctx.expertCounts.get(row.id) ?? 0 } : {}),
    });
  },
  exportRow(row, ctx) {
    return {
      code: row.code,
      name: row.name,
      kind: flaggedValue(row.flags, 'kind') || (INSTITUTION_KIND_NAMES[row.kind] ?? row.kind),
      region: regionCell(row),
      disciplines: names(ctx.dict.named('discipline', row.disciplines), row.flags, 'disciplines'),
      ...contactExport(row, ctx),
    };
  },
  fromCells(cells, ctx) {
    const out = recordCells(cells, '机构名称');
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
    textCells(out, cells, CONTACT_CELLS);
    return out;
  },
  unique: () => [],
};
