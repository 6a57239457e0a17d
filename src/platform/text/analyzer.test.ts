import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  charBigrams,
  extractKeywords,
  MAX_ANALYZED_CHARS,
  normaliseText,
  phrases,
  tokenize,
} from './analyzer.ts';

const dataLines = (name: string): string[] =>
  readFileSync(new URL(`../../../data/matching/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && !l.startsWith('#'));

const STOP_WORDS = new Set(dataLines('stopwords.txt'));
const DOMAIN_TERMS = dataLines('domain-dict.txt').map((l) => l.split(/\s+/)[0]!);

/** A typical posted demand, 150 characters. */
const DEMAND =
  '我公司是一家新能源汽车零部件企业，主要生产电池包壳体和电机端盖。目前需要解决碳纤维复合材料壳体的轻量化设计与快速成型问题，' +
  '现有工艺成型周期长、连接强度低、成本高，且壳体满足碰撞安全标准要求。希望与高校或科研院所开展产学研合作，进行技术开发或技术转让，共同推进中试和产业化，' +
  '经费面议，欢迎专家团队联系。';

beforeAll(() => {
  tokenize('预热'); // loads jieba and the dictionaries once, outside the timed tests
});

describe('normaliseText', () => {
  it('converts Traditional to Simplified', () => {
    expect(normaliseText('聯合會')).toBe('联合会');
    expect(normaliseText('鋰離子電池與複合材料')).toBe('锂离子电池与复合材料');
  });

  it('folds full-width forms and lower-cases Latin', () => {
    expect(normaliseText('ＡＩ')).toBe('ai');
    expect(normaliseText('５Ｇ')).toBe('5g');
    expect(normaliseText('ＰＩＤ控制（ＰＬＣ）')).toBe('pid控制(plc)');
  });

  it('collapses and trims whitespace, including ideographic spaces and zero-width characters', () => {
    expect(normaliseText('  碳纤维 \t\n\u3000 复合\u200b材料  ')).toBe('碳纤维 复合材料');
  });

  it('leaves Simplified text alone', () => {
    const text = '显著提高著作权保护。干燥后面包头发系统';
    expect(normaliseText(text)).toBe(text);
  });

  it('returns an empty string for empty or non-string input', () => {
    expect(normaliseText('')).toBe('');
    expect(normaliseText(undefined as unknown as string)).toBe('');
  });
});

describe('tokenize', () => {
  it('keeps domain terms whole: 碳纤维复合材料 gives 碳纤维 and 复合材料', () => {
    const tokens = tokenize('碳纤维复合材料');
    expect(tokens).toContain('碳纤维');
    expect(tokens).toContain('复合材料');
    for (const term of [
      '永磁同步电机',
      '锂离子电池',
      '机器视觉',
      '缺陷检测',
      '数字孪生',
      '再生骨料',
      '低碳水泥',
    ]) {
      expect(tokenize(`采用${term}的方案`)).toContain(term);
    }
  });

  it('adds search-mode sub-words of compounds, including 4-character ones jieba alone misses', () => {
    const tokens = tokenize('复合材料');
    expect(tokens).toEqual(expect.arrayContaining(['复合材料', '复合', '材料']));
    const motor = tokenize('永磁同步电机');
    expect(motor).toEqual(expect.arrayContaining(['永磁同步电机', '同步电机', '永磁', '电机']));
    expect(tokenize('数控机床热误差补偿')).toEqual(
      expect.arrayContaining(['数控机床', '数控', '机床', '热误差补偿', '误差补偿', '误差', '补偿']),
    );
  });

  it('segments every domain dictionary term as one token', () => {
    const split = DOMAIN_TERMS.filter((term) => !tokenize(term).includes(term) && !STOP_WORDS.has(term));
    expect(split).toEqual([]);
  });

  it('removes stop words and request boilerplate, and keeps generic topical words for idf to weigh', () => {
    const request = tokenize('我公司需要寻求解决技术问题，希望与高校进行研究开发合作');
    for (const boilerplate of ['我', '需要', '寻求', '希望', '与', '进行'])
      expect(request).not.toContain(boilerplate);
    // 技术, 企业, 服务 … carry the topic in some texts (企业社会责任, 服务创新): they stay in the index.
    expect(tokenize('企业社会责任与服务创新')).toEqual(
      expect.arrayContaining(['企业', '社会', '责任', '服务', '创新']),
    );
    const tokens = tokenize(DEMAND);
    expect(tokens.filter((t) => STOP_WORDS.has(t))).toEqual([]);
    for (const generic of ['的', '希望', '需要']) expect(tokens).not.toContain(generic);
    expect(tokens).toEqual(expect.arrayContaining(['碳纤维', '复合材料', '轻量化', '新能源汽车', '电池包']));
    expect(tokenize('The design of a PID controller for the motor')).toEqual([
      'design',
      'pid',
      'controller',
      'motor',
    ]);
  });

  it('drops a stop word together with its sub-words', () => {
    expect(tokenize('股份有限公司、有限责任公司')).toEqual([]);
    const company = tokenize('浙江某某新材料科技有限公司');
    expect(company).toEqual(expect.arrayContaining(['新材料', '材料']));
    expect(company).not.toContain('有限');
    expect(company).not.toContain('公司');
  });

  it('drops single CJK characters unless they are meaningful', () => {
    const tokens = tokenize('氢和锂在一个大罐里');
    expect(tokens).toEqual(expect.arrayContaining(['氢', '锂']));
    for (const noise of ['和', '在', '大', '里', '一个']) expect(tokens).not.toContain(noise);
  });

  it('tokenizes Traditional text like its Simplified form', () => {
    expect(tokenize('聯合會')).toEqual(tokenize('联合会'));
    expect(tokenize('聯合會')).toContain('联合会');
    expect(tokenize('遙感影像識別與深度學習')).toEqual(tokenize('遥感影像识别与深度学习'));
    expect(tokenize('遙感影像識別與深度學習')).toEqual(expect.arrayContaining(['遥感影像', '深度学习']));
  });

  it('keeps Latin words and numbers, folding full-width forms', () => {
    expect(tokenize('ＡＩ和５Ｇ')).toEqual(['ai', '5g']);
    expect(tokenize('AI 与 5G')).toEqual(['ai', '5g']);
    expect(tokenize('PID控制器参数整定')).toEqual(expect.arrayContaining(['pid', '控制器', '参数', '整定']));
    expect(tokenize('4S店')).toEqual(expect.arrayContaining(['4s店', '4s']));
    expect(tokenize('C++ 与 C# 开发, .NET平台')).toEqual(['c++', 'c#', '开发', 'net', '平台']);
    expect(tokenize('纯度99.5%，温度300℃')).toEqual(['纯度', '99.5', '温度', '300']);
  });

  it('returns [] when there is nothing to index', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('   \n\t ')).toEqual([]);
    expect(tokenize('，。！？……——“”《》【】、；：!?.,;:()[]{}<>/\\|~`@$^&*_-=+')).toEqual([]);
    expect(tokenize('😀👍🏽🇨🇳❤️🔋⚡')).toEqual([]);
    expect(tokenize('😀'.repeat(600_000))).toEqual([]);
    expect(tokenize(null as unknown as string)).toEqual([]);
    expect(tokenize(42 as unknown as string)).toEqual([]);
  });

  it('handles mixed Chinese, English, numbers and emoji', () => {
    const tokens = tokenize('🔋储能BMS算法v2.0，支持CAN总线😀与IoT平台');
    expect(tokens).toEqual(expect.arrayContaining(['储能', 'bms', '算法', 'can', '总线', 'iot', '平台']));
    expect(tokens.every((t) => /[\p{L}\p{N}]/u.test(t))).toBe(true);
  });

  it('returns the same tokens on repeated calls (memoised sub-words)', () => {
    const first = tokenize(DEMAND);
    expect(tokenize(DEMAND)).toEqual(first);
  });

  it('truncates a 1 MB text and returns quickly', () => {
    const big = '碳纤维复合材料的轻量化设计😀，聯合會ＡＩ５Ｇ。'.repeat(45_000);
    expect(big.length).toBeGreaterThan(1_000_000);
    const start = performance.now();
    const tokens = tokenize(big);
    const ms = performance.now() - start;
    expect(ms).toBeLessThan(500);
    expect(tokens).toContain('碳纤维');
    expect(tokens).toContain('联合会');
    expect(tokens.length).toBeLessThan(MAX_ANALYZED_CHARS);
    expect(extractKeywords(big, 5).length).toBeGreaterThan(0);
  });

  it('measures a typical 150-character demand', () => {
    expect(DEMAND.length).toBe(150);
    const runs = 5_000;
    const start = performance.now();
    for (let i = 0; i < runs; i += 1) tokenize(DEMAND);
    const perCall = ((performance.now() - start) / runs) * 1000;
    console.log(`[analyzer] tokenize ${DEMAND.length}-char demand: ${perCall.toFixed(1)} µs per call`);
  });
});

describe('extractKeywords', () => {
  it('returns topic words of a demand, most specific first', () => {
    const keywords = extractKeywords(
      '寻求永磁同步电机伺服驱动控制技术，解决电机高速运行时的振动与噪声问题，提高控制精度。',
      5,
    );
    expect(keywords).toHaveLength(5);
    expect(keywords.slice(0, 2)).toEqual(['永磁同步电机', '伺服驱动']);
    expect(keywords.filter((k) => STOP_WORDS.has(k))).toEqual([]);
  });

  it('skips stop words, cooperation terms, numbers and single characters', () => {
    const keywords = extractKeywords(DEMAND, 10);
    expect(keywords.length).toBeGreaterThan(3);
    expect(keywords.length).toBeLessThanOrEqual(10);
    expect(new Set(keywords).size).toBe(keywords.length);
    for (const k of keywords) {
      expect(STOP_WORDS.has(k)).toBe(false);
      expect(k.length).toBeGreaterThan(1);
    }
    for (const cooperation of ['产学研', '技术开发', '技术转让', '中试', '产业化']) {
      expect(keywords).not.toContain(cooperation);
    }
    // Generic words stay in the index but are never offered as a demand's keywords.
    for (const generic of ['技术', '企业', '问题', '研究', '提高']) expect(keywords).not.toContain(generic);
    expect(keywords).toEqual(expect.arrayContaining(['碳纤维', '复合材料', '轻量化', '新能源汽车']));
  });

  it('normalises Traditional and full-width input', () => {
    expect(extractKeywords('鋰離子電池熱管理', 3)).toEqual(expect.arrayContaining(['锂离子电池', '热管理']));
    expect(extractKeywords('ＡＩ大模型', 3)).toEqual(expect.arrayContaining(['ai', '大模型']));
  });

  it('returns [] for empty input or a non-positive count', () => {
    expect(extractKeywords('')).toEqual([]);
    expect(extractKeywords('，。！😀')).toEqual([]);
    expect(extractKeywords('碳纤维复合材料', 0)).toEqual([]);
    expect(extractKeywords('碳纤维复合材料', -3)).toEqual([]);
  });
});

describe('phrases and character pairs', () => {
  it('pairs adjacent words, skipping stop words but not punctuation', () => {
    expect(phrases('车辆路径问题及其优化算法')).toEqual(
      expect.arrayContaining(['车辆_路径', '路径_问题', '优化_算法']),
    );
    expect(phrases('复合材料，轻量化')).not.toContain('复合材料_轻量化');
    expect(phrases('')).toEqual([]);
  });

  it('gives character pairs of each run of letters and digits, folding forms', () => {
    expect(charBigrams('复合材料')).toEqual(['#复合', '#合材', '#材料']);
    expect(charBigrams('聯合會，AI')).toEqual(['#联合', '#合会', '#ai']);
    expect(charBigrams('😀，。')).toEqual([]);
  });
});
