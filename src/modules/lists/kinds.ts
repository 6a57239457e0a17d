import type { z } from 'zod';
import type { Bilingual } from '../../platform/i18n/locale.ts';
import type { ColumnSpec } from '../../platform/io/columns.ts';
import { recordCode } from '../registry/contract.ts';
import { COOPERATION_MODES, LIST_INPUTS, type ListKind } from './contract.ts';

/**
 * What differs per list: its entity and name, its input schema, and its
 * spreadsheet columns (imports read them, exports and templates write them).
 * Reading a row of them: cells.ts; writing one: export.ts.
 */

export interface ListKindDef {
  kind: ListKind;
  entity: string;
  label: Bilingual;
  input: z.ZodObject;
  columns: readonly ColumnSpec[];
  /** Which registry the owner (企业名称 / 完成单位) is looked up in first. */
  owner: 'enterprise' | 'institution';
}

const code: ColumnSpec = {
  key: 'code',
  header: '编号',
  headerEn: 'Code',
  required: true,
  hint: '唯一编号，重复导入时按编号更新',
  identifier: true,
};
const keywords: ColumnSpec = {
  key: 'keywords',
  header: '关键词',
  headerEn: 'Keywords',
  aliases: ['关键字', '技术关键词'],
  hint: '多个用；或、分隔，留空时由系统从描述中提取',
};
const industries: ColumnSpec = {
  key: 'industries',
  header: '所属行业',
  headerEn: 'Industries',
  aliases: ['行业', '行业领域', '产业领域'],
  hint: 'GB/T 4754 行业名称或代码，多个用；分隔',
};
const disciplines: ColumnSpec = {
  key: 'disciplines',
  header: '所属学科',
  headerEn: 'Disciplines',
  aliases: ['学科', '学科领域'],
  hint: 'GB/T 13745 学科名称或代码',
};
const field: ColumnSpec = {
  key: 'field',
  header: '所属领域',
  headerEn: 'Field',
  aliases: ['技术领域', '领域'],
  hint: '学科或行业名称；字典中没有的按原文保留并标记',
};
const region: ColumnSpec = {
  key: 'region',
  header: '所在地区',
  headerEn: 'Region',
  aliases: ['地区', '所在地', '区域'],
  hint: '行政区划代码或名称，如 330502、湖州市吴兴区',
};
const cluster: ColumnSpec = { key: 'cluster', header: '主导产业', headerEn: 'Leading industry' };
const deadline: ColumnSpec = {
  key: 'deadline',
  header: '截止日期',
  headerEn: 'Deadline',
  aliases: ['有效期', '有效期至', '截止时间'],
  hint: '如 2026-12-31',
};
const status: ColumnSpec = {
  key: 'status',
  header: '状态',
  headerEn: 'Status',
  hint: '草稿 / 待审核 / 已发布 / 对接中 / 已关闭；留空为已发布',
};
/**
 * 发布日期: the day an item was published, for items entered after the fact (last year's lists);
 * empty is the day of the import. Not after today.
 */
const publishedOn: ColumnSpec = {
  key: 'publishedOn',
  header: '发布日期',
  headerEn: 'Published on',
  aliases: ['发布时间', '发布日'],
  hint: '如 2025-11-03，不晚于今天；留空为导入当天。草稿、待审核的不使用',
};
const contact: ColumnSpec = { key: 'contactName', header: '联系人', headerEn: 'Contact' };
const modes = (header: string, aliases: string[]): ColumnSpec => ({
  key: 'cooperationModes',
  header,
  headerEn: 'Cooperation modes',
  aliases,
  hint: `${COOPERATION_MODES.join('、')}，多个用；分隔`,
});
const title = (header: string, aliases: string[]): ColumnSpec => ({
  key: 'title',
  header,
  headerEn: 'Title',
  required: true,
  aliases,
});
const description = (header: string, headerEn: string, aliases: string[]): ColumnSpec => ({
  key: 'description',
  header,
  headerEn,
  aliases,
});
/** 企业名称 / 完成单位: looked up in the registries on import (see ListKindDef.owner). */
const owner = (header: string, headerEn: string, aliases: string[]): ColumnSpec => ({
  key: 'ownerName',
  header,
  headerEn,
  aliases,
});
/** 预算 / 价格 in 万元, the lists' one unit: the header says so (a bracketed unit is read as the bare name). */
const amountColumn = (name: string, aliases: string[]): ColumnSpec => ({
  key: 'amount',
  header: `${name}（万元）`,
  headerEn: 'Amount (10k CNY)',
  aliases,
  hint: '单位万元；也可写“面议”或“30000元”',
});

/** A sheet's row always names its 编号: imports update the item that holds it. */
const imported = (input: z.ZodObject) => input.extend({ code: recordCode });

export const LIST_KIND_DEFS: Record<ListKind, ListKindDef> = {
  demands: {
    kind: 'demands',
    entity: 'demand',
    label: { zh: '技术需求', en: 'Technical demands' },
    input: imported(LIST_INPUTS.demands),
    owner: 'enterprise',
    columns: [
      code,
      title('需求名称', ['需求标题', '技术需求', '名称']),
      description('需求描述', 'Description', ['需求内容', '需求详情', '技术难题', '需求简介']),
      keywords,
      industries,
      disciplines,
      field,
      owner('企业名称', 'Enterprise', ['需求单位', '企业', '单位名称']),
      region,
      amountColumn('预算', ['经费预算', '投入资金', '拟投入资金']),
      modes('合作方式', ['合作模式']),
      deadline,
      cluster,
      contact,
      status,
      publishedOn,
    ],
  },
  'talent-demands': {
    kind: 'talent-demands',
    entity: 'talentDemand',
    label: { zh: '人才合作需求', en: 'Talent cooperation demands' },
    input: imported(LIST_INPUTS['talent-demands']),
    owner: 'enterprise',
    columns: [
      code,
      title('需求名称', ['岗位名称', '需求岗位', '岗位', '名称']),
      description('需求描述', 'Description', ['岗位要求', '专业要求', '需求内容', '任职要求']),
      keywords,
      { key: 'headcount', header: '需求人数', headerEn: 'Headcount', aliases: ['人数', '招聘人数'] },
      {
        key: 'terms',
        header: '合作条件',
        headerEn: 'Terms',
        aliases: ['待遇', '薪酬待遇', '合作待遇'],
      },
      industries,
      disciplines,
      field,
      owner('企业名称', 'Enterprise', ['需求单位', '用人单位', '单位名称']),
      region,
      modes('合作方式', ['引才方式']),
      deadline,
      cluster,
      contact,
      status,
      publishedOn,
    ],
  },
  achievements: {
    kind: 'achievements',
    entity: 'achievement',
    label: { zh: '科技成果', en: 'Tech achievements' },
    input: imported(LIST_INPUTS.achievements),
    owner: 'institution',
    columns: [
      code,
      title('成果名称', ['名称', '项目名称']),
      description('成果简介', 'Summary', ['成果描述', '简介', '技术简介', '成果介绍']),
      keywords,
      field,
      disciplines,
      industries,
      owner('完成单位', 'Owner', ['成果单位', '所属单位', '持有单位', '单位名称']),
      region,
      {
        key: 'stage',
        header: '成熟度',
        headerEn: 'Stage',
        aliases: ['成果阶段', '技术成熟度', '所处阶段'],
        hint: '实验室 / 小试 / 中试 / 产业化，或 TRL 1–9',
      },
      modes('转化方式', ['合作方式', '交易方式']),
      { key: 'patents', header: '专利号', headerEn: 'Patents', aliases: ['知识产权', '专利'] },
      amountColumn('价格', ['转让价格', '成果价格', '意向价格']),
      deadline,
      cluster,
      contact,
      status,
      publishedOn,
    ],
  },
};
