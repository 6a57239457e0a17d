import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_DICTIONARIES,
  DICTIONARY_NAMES,
  type DictionaryKind,
  normaliseDictionaryText,
  resolveDictionaryValue,
  splitMultiValue,
} from './index.ts';

const kinds = Object.keys(BUILT_IN_DICTIONARIES) as DictionaryKind[];
const { industry, emerging, discipline, title, honour, qualification, education, cluster } =
  BUILT_IN_DICTIONARIES;
const code = (kind: DictionaryKind, text: string) =>
  resolveDictionaryValue(BUILT_IN_DICTIONARIES[kind], text)?.code;

describe('built-in dictionaries', () => {
  it('covers every kind with a name', () => {
    expect([...kinds].sort()).toEqual(
      [
        'cluster',
        'discipline',
        'education',
        'emerging',
        'honour',
        'industry',
        'qualification',
        'title',
      ].sort(),
    );
    for (const kind of kinds) {
      expect(BUILT_IN_DICTIONARIES[kind].length).toBeGreaterThan(0);
      expect(DICTIONARY_NAMES[kind].zh).toBeTruthy();
      expect(DICTIONARY_NAMES[kind].en).toBeTruthy();
    }
  });

  it.each(kinds)('%s: codes are unique and every parentCode exists', (kind) => {
    const entries = BUILT_IN_DICTIONARIES[kind];
    const codes = entries.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const e of entries) {
      expect(e.name.trim()).toBe(e.name);
      if (e.parentCode !== null) expect(codes, `${e.code} → ${e.parentCode}`).toContain(e.parentCode);
    }
  });

  it.each(kinds)('%s: every name and alias resolves back to its own entry', (kind) => {
    const entries = BUILT_IN_DICTIONARIES[kind];
    for (const e of entries) {
      expect(resolveDictionaryValue(entries, e.code)).toBe(e);
      const byName = resolveDictionaryValue(entries, e.name);
      // Sections and divisions sharing a name (K/70 房地产业) resolve to the section.
      expect(byName === e || (byName !== undefined && byName.code === e.parentCode), e.name).toBe(true);
      for (const alias of e.aliases ?? []) expect(resolveDictionaryValue(entries, alias), alias).toBe(e);
    }
  });

  it('has the 20 GB/T 4754-2017 sections and 97 divisions under the right sections', () => {
    const sections = industry.filter((e) => e.parentCode === null);
    const divisions = industry.filter((e) => e.parentCode !== null);
    expect(sections.map((e) => e.code).join('')).toBe('ABCDEFGHIJKLMNOPQRST');
    expect(divisions).toHaveLength(97);
    expect(divisions.map((e) => e.code)).toEqual(
      Array.from({ length: 97 }, (_, i) => String(i + 1).padStart(2, '0')),
    );
    const ranges: Record<string, [number, number]> = {
      A: [1, 5],
      B: [6, 12],
      C: [13, 43],
      D: [44, 46],
      E: [47, 50],
      F: [51, 52],
      G: [53, 60],
      H: [61, 62],
      I: [63, 65],
      J: [66, 69],
      K: [70, 70],
      L: [71, 72],
      M: [73, 75],
      N: [76, 79],
      O: [80, 82],
      P: [83, 83],
      Q: [84, 85],
      R: [86, 90],
      S: [91, 96],
      T: [97, 97],
    };
    for (const d of divisions) {
      const [from, to] = ranges[d.parentCode!]!;
      const n = Number(d.code);
      expect(n >= from && n <= to, `${d.code} under ${d.parentCode}`).toBe(true);
    }
    const parentOf = (c: string) => industry.find((e) => e.code === c)?.parentCode;
    expect(parentOf('13')).toBe('C');
    expect(parentOf('39')).toBe('C');
    expect(parentOf('65')).toBe('I');
    expect(parentOf('97')).toBe('T');
    expect(industry.find((e) => e.code === 'A')?.name).toBe('农、林、牧、渔业');
    expect(industry.find((e) => e.code === 'T')?.name).toBe('国际组织');
  });

  it('has the 9 strategic emerging industry categories with dotted children', () => {
    const top = emerging.filter((e) => e.parentCode === null);
    expect(top.map((e) => e.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    for (const e of emerging.filter((x) => x.parentCode !== null)) {
      expect(e.code.startsWith(`${e.parentCode}.`)).toBe(true);
    }
  });

  it('has the 62 GB/T 13745-2009 first-level disciplines; second-level codes extend their parent', () => {
    const first = discipline.filter((e) => e.parentCode === null);
    expect(first).toHaveLength(62);
    for (const e of first) expect(e.code).toMatch(/^\d{3}$/);
    for (const e of discipline.filter((x) => x.parentCode !== null)) {
      expect(e.code).toMatch(/^\d{5}$/);
      expect(e.code.startsWith(e.parentCode!)).toBe(true);
    }
    for (const parent of [
      '430',
      '460',
      '470',
      '480',
      '510',
      '520',
      '530',
      '550',
      '580',
      '610',
      '180',
      '320',
      '350',
      '210',
    ]) {
      expect(
        discipline.some((e) => e.parentCode === parent),
        parent,
      ).toBe(true);
    }
  });

  it('grades titles and honours', () => {
    for (const e of title) expect(['正高级', '副高级', '中级', '初级']).toContain(e.level);
    for (const e of honour) expect(['院士', '国家级', '省级', '市级']).toContain(e.level);
    expect(honour.filter((e) => e.parentCode === 'H00').map((e) => e.name)).toEqual([
      '中国科学院院士',
      '中国工程院院士',
      '外籍院士',
    ]);
  });
});

describe('resolveDictionaryValue', () => {
  it('matches codes, names and aliases', () => {
    expect(code('discipline', '520')).toBe('520');
    expect(code('discipline', '计算机')).toBe('520');
    expect(code('discipline', '计算机科学技术')).toBe('520');
    expect(code('discipline', '人工智能')).toBe('52020');
    expect(code('discipline', 'ai')).toBe('52020');
    expect(resolveDictionaryValue(title, '高工')?.name).toBe('高级工程师');
    expect(resolveDictionaryValue(title, '教授级高工')?.name).toBe('正高级工程师');
    expect(resolveDictionaryValue(qualification, '小巨人')?.name).toBe('专精特新“小巨人”企业');
    expect(code('qualification', '专精特新"小巨人"企业')).toBe('Q02');
    expect(code('qualification', '专精特新小巨人企业')).toBe('Q02');
    expect(code('education', '博士')).toBe('E1');
    expect(code('education', '研究生')).toBe('E2');
    expect(code('honour', '两院院士')).toBe('H00');
    expect(code('honour', '杰青')).toBe('H06');
    expect(code('emerging', '生物医药')).toBe('4');
    expect(code('cluster', '新材料')).toBe('K05');
  });

  it('normalises width, case, spaces and brackets', () => {
    expect(code('industry', 'Ｃ')).toBe('C');
    expect(code('industry', 'c')).toBe('C');
    expect(code('industry', ' i ')).toBe('I');
    expect(code('industry', 'IT')).toBe('I');
    expect(code('industry', '农林牧渔业')).toBe('A');
    expect(code('discipline', '（人工智能）')).toBe('52020');
    expect(code('discipline', '５２０')).toBe('520');
    expect(normaliseDictionaryText(' 专精特新“小巨人” 企业 ')).toBe('专精特新小巨人企业');
  });

  it('reads 教育部 degree-subject names as their discipline, and a broad name never as a narrower one', () => {
    expect(code('discipline', '作物学')).toBe('210');
    expect(code('discipline', '建筑学')).toBe('560');
    expect(code('discipline', '核科学与技术')).toBe('490');
    expect(code('discipline', '矿业工程')).toBe('440');
    // 地理学 is a part of 地球科学, not the 能源地理学 whose name contains it.
    expect(code('discipline', '地理学')).toBe('170');
    expect(code('discipline', '海洋科学')).toBe('170');
  });

  it('accepts spreadsheet number forms', () => {
    expect(code('discipline', '520.0')).toBe('520');
    expect(code('industry', '1')).toBe('01');
    expect(code('emerging', '1')).toBe('1');
    expect(code('emerging', '1.1')).toBe('1.1');
  });

  it('accepts a code and a name together when they agree', () => {
    expect(code('discipline', '52020 人工智能')).toBe('52020');
    expect(code('discipline', '人工智能(52020)')).toBe('52020');
    expect(code('industry', 'C 制造业')).toBe('C');
    expect(code('industry', '39-计算机、通信和其他电子设备制造业')).toBe('39');
    expect(code('discipline', '52020 材料科学')).toBeUndefined();
  });

  it('matches partial names when the match is unique', () => {
    expect(code('discipline', '计算机科学')).toBe('520');
    expect(code('discipline', '计算机软件开发')).toBe('52040');
    expect(code('discipline', '电气')).toBe('470');
    expect(code('emerging', '新能源汽车整车')).toBe('5.1');
    expect(code('honour', '科学院院士')).toBe('H01');
  });

  it('returns undefined for unknown or ambiguous text', () => {
    expect(resolveDictionaryValue(discipline, '火星殖民学')).toBeUndefined();
    expect(resolveDictionaryValue(discipline, '')).toBeUndefined();
    expect(resolveDictionaryValue(discipline, '   ')).toBeUndefined();
    expect(resolveDictionaryValue(title, '正高')).toBeUndefined();
    expect(resolveDictionaryValue(title, '工程')).toBeUndefined();
    expect(resolveDictionaryValue(cluster, '生物医药与新材料')).toBeUndefined();
    expect(resolveDictionaryValue(industry, 'x')).toBeUndefined();
    expect(resolveDictionaryValue(education, '幼儿园')).toBeUndefined();
  });

  it('caches an index per entries array and works on caller-supplied lists', () => {
    const custom = [
      { code: 'X1', name: '湖州市南太湖精英计划', parentCode: null, aliases: ['南太湖精英'] },
      { code: 'X2', name: '湖州市南太湖本土高层次人才', parentCode: null },
    ];
    expect(resolveDictionaryValue(custom, '南太湖精英')?.code).toBe('X1');
    expect(resolveDictionaryValue(custom, '本土高层次人才')?.code).toBe('X2');
    expect(resolveDictionaryValue(custom, '南太湖')).toBeUndefined();
    expect(resolveDictionaryValue(custom, '南太湖精英')?.code).toBe('X1');
  });
});

describe('splitMultiValue', () => {
  it('splits on Chinese and ASCII separators and newlines', () => {
    expect(splitMultiValue('计算机；材料科学、 机械')).toEqual(['计算机', '材料科学', '机械']);
    expect(splitMultiValue('a,b，c;d/e|f\ng\r\nh')).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
    expect(splitMultiValue(' ；、 ')).toEqual([]);
    expect(splitMultiValue('')).toEqual([]);
  });

  it('feeds the resolver', () => {
    expect(splitMultiValue('计算机；材料科学、 机械').map((v) => code('discipline', v))).toEqual([
      '520',
      '430',
      '460',
    ]);
  });
});
