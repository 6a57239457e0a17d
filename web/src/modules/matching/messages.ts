import type { Messages } from '../../app/bilingual.ts';

/** Matching: suggestions, search and the batch. Each key in Chinese and English. */
export const matchingMessages = {
  'matching.target.experts': { zh: '专家', en: 'Experts' },
  'matching.target.achievements': { zh: '科技成果', en: 'Achievements' },
  'matching.target.institutions': { zh: '机构', en: 'Institutions' },
  'matching.target.demands': { zh: '技术需求', en: 'Technical demands' },
  'matching.target.talentDemands': { zh: '人才需求', en: 'Talent demands' },
  'matching.suggestions': { zh: '匹配推荐', en: 'Suggestions' },
  'matching.score': { zh: '匹配度', en: 'Score' },
  'matching.scoreHelp': {
    zh: '相关程度得分：共同关键词越多、越少见，得分越高，再按学科、行业、地区等因素加减。只用于同一列表内比较，不是百分比。',
    en: 'Relevance: more and rarer shared terms score higher, then discipline, industry, region and other factors add or take away. Compare within one list; it is not a percentage.',
  },
  'matching.reasons': { zh: '匹配依据：', en: 'Why:' },
  'matching.reasonValue': { zh: '贡献分值 {value}', en: 'Contribution {value}' },
  'matching.terms': { zh: '命中：', en: 'Matched: ' },
  'matching.took': { zh: '共 {count} 条 · 用时 {ms} 毫秒', en: '{count} results in {ms} ms' },
  'matching.empty': { zh: '暂无匹配结果', en: 'No matches' },
  'matching.searchIntro': {
    zh: '粘贴一段需求、成果或专家的描述，选择要查找的对象，系统将按文本、学科、行业和地区找出最合适的结果，并说明匹配依据。',
    en: 'Paste a description of a demand, an achievement or an expert and choose what to look for: the best fits by text, discipline, industry and region are listed with the reasons.',
  },
  'matching.text': { zh: '描述', en: 'Description' },
  'matching.textRequired': { zh: '请粘贴或输入描述', en: 'Paste or type a description' },
  'matching.textPlaceholder': {
    zh: '例如：电池模组在快充工况下温差大，需要液冷板结构优化和热失控早期预警算法……',
    en: 'For example: battery modules heat unevenly under fast charging; we need liquid-cooling plate design and early thermal-runaway warning…',
  },
  'matching.against': { zh: '查找', en: 'Look for' },
  'matching.top': { zh: '数量', en: 'Results' },
  'matching.topOption': { zh: '前 {top} 条', en: 'Top {top}' },
  'matching.submit': { zh: '开始匹配', en: 'Match' },
  'matching.batch.title': { zh: '批量匹配（对接会）', en: 'Batch matching (matchmaking meeting)' },
  'matching.batch.intro': {
    zh: '上传当天的需求表（列：编号、需求名称、需求描述、关键词），下载对接建议表：每条需求的最佳匹配与推荐理由。',
    en: 'Upload the day’s demand sheet (columns 编号, 需求名称, 需求描述, 关键词) and download the suggested pairs with reasons.',
  },
  'matching.batch.file': { zh: '需求表（.xlsx 或 .csv）', en: 'Demand sheet (.xlsx or .csv)' },
  'matching.batch.fileRequired': { zh: '请选择需求表', en: 'Choose the demand sheet' },
  'matching.batch.top': { zh: '每条需求推荐', en: 'Suggestions per demand' },
  'matching.batch.submit': { zh: '生成对接建议表', en: 'Make the pairs sheet' },
  'matching.batch.done': { zh: '已生成 {file}（{count} 组配对）', en: '{file} is ready ({count} pairs)' },
  'matching.results': { zh: '匹配结果', en: 'Results' },
  'matching.resultsOf': { zh: '匹配的{target}', en: 'Matching {target}' },
  'matching.mine': { zh: '适合我的需求', en: 'Demands for me' },
  'matching.mineAll': { zh: '查看全部技术需求', en: 'All technical demands' },
  'matching.mineEmpty': {
    zh: '暂时没有与您的档案匹配的技术需求；完善研究方向和学科领域可获得更准确的推荐',
    en: 'No technical demands fit your profile yet; research interests and disciplines make suggestions more precise',
  },
} satisfies Messages<'matching'>;
