import { maskMobile, normaliseMobile } from '../../../reference/mobile.ts';
import { stationInput } from '../contract.ts';
import type { KindDef } from '../kinds.ts';
import { recordCells, textCells } from './cells.ts';
import {
  given,
  opened,
  RECORD_FIELDS,
  recordView,
  regionCell,
  regionWords,
  sealedField,
  words,
} from './common.ts';

/** 人才驿站 / 人才工作站: places in a county or park where teams meet enterprises. */
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
  sealed: (row) => ({ mobile: row.liaisonMobileEnc, idNumber: null }),
  dictionaryFields: [],
  values(input, ctx) {
    return {
      ...given(input, [...RECORD_FIELDS, 'kind', 'hostName', 'liaisonName', 'address', 'description']),
      ...sealedField(ctx, 'liaisonMobile', input.liaisonMobile, normaliseMobile),
    };
  },
  searchText(row) {
    return words(row.name, row.code, row.hostName, row.liaisonName, row.address, regionWords(row));
  },
  view(row, ctx) {
    return Object.assign(recordView(row), {
      kind: row.kind,
      hostName: row.hostName,
      liaisonName: row.liaisonName,
      liaisonMobile: opened(ctx.cipher, row.liaisonMobileEnc, ctx.reveal, maskMobile),
      address: row.address,
      description: row.description,
    });
  },
  exportRow(row, ctx) {
    return {
      code: row.code,
      name: row.name,
      kind: row.kind === 'workstation' ? '人才工作站' : '人才驿站',
      region: regionCell(row),
      hostName: row.hostName ?? '',
      liaisonName: row.liaisonName ?? '',
      liaisonMobile: opened(ctx.cipher, row.liaisonMobileEnc, ctx.reveal, maskMobile) ?? '',
      address: row.address ?? '',
      description: row.description ?? '',
    };
  },
  fromCells(cells) {
    const out = recordCells(cells, '驿站名称');
    out.candidate.kind =
      /工作站/.test(cells.kind ?? '') || /工作站/.test(String(out.candidate.name))
        ? 'workstation'
        : 'station';
    textCells(out, cells, ['hostName', 'liaisonName', 'liaisonMobile', 'address', 'description']);
    return out;
  },
  unique: () => [],
};
