import { describe, expect, it } from 'vitest';
import { matchLevel } from './constants.ts';
import {
  codeCloseness,
  LEVEL_FLOORS,
  type MatchDoc,
  MatchingEngine,
  matchWeights,
  regionCloseness,
} from './engine.ts';

function doc(id: string, over: Partial<MatchDoc>): MatchDoc {
  return {
    id,
    code: id.toUpperCase(),
    name: id,
    scopeRegion: '330500',
    regionCode: null,
    title: '',
    keywords: [],
    text: '',
    disciplineTags: [],
    industryTags: [],
    summary: { subtitle: null, regionName: null, tags: [], status: null },
    ...over,
  };
}

describe('ranking factors', () => {
  it('scores codes hierarchically: the same class above the same section', () => {
    // 43055 复合材料 under 430 材料科学; 43020 under the same section.
    expect(codeCloseness(['430', '43055'], ['430', '43055']).closeness).toBe(1);
    expect(codeCloseness(['430', '43055'], ['430', '43020']).closeness).toBeLessThan(1);
    expect(codeCloseness(['430', '43055'], ['430', '43020']).shared).toEqual(['430']);
    expect(codeCloseness(['430', '43055'], ['460', '46035']).closeness).toBe(0);
    expect(codeCloseness(['C', '29'], ['C', '38']).closeness).toBeGreaterThan(0);
    expect(codeCloseness(['C', '29'], ['C', '38']).closeness).toBeLessThan(
      codeCloseness(['C', '29'], ['C', '29']).closeness,
    );
  });

  it('scores regions: county, city, province', () => {
    expect(regionCloseness('330502', '330502')).toBe(1);
    expect(regionCloseness('330502', '330521')).toBe(0.6);
    expect(regionCloseness('330502', '330106')).toBe(0.3);
    expect(regionCloseness('330502', '110105')).toBe(0);
    expect(regionCloseness(null, '330502')).toBe(0);
  });

  it('ranks equal texts by code overlap and region, and says what each factor added', () => {
    const engine = new MatchingEngine();
    const text = '碳纤维复合材料轻量化结构设计';
    engine.upsert(
      'experts',
      doc('far', { title: text, regionCode: '110105', disciplineTags: ['460', '46035'] }),
    );
    engine.upsert(
      'experts',
      doc('near', { title: text, regionCode: '330502', disciplineTags: ['430', '43055'] }),
    );
    const [first, second] = engine.match(
      'experts',
      { text, disciplineTags: ['430', '43055'], regionCode: '330502' },
      2,
    );
    expect(first!.id).toBe('near');
    expect(second!.id).toBe('far');
    const factors = Object.fromEntries(first!.reasons.map((r) => [r.factor, r]));
    expect(factors.discipline!.value).toBeGreaterThan(0);
    expect(factors.region!.value).toBeGreaterThan(0);
    expect(factors.text!.terms).toEqual(expect.arrayContaining(['碳纤维', '复合材料']));
    expect(second!.reasons.map((r) => r.factor)).not.toContain('discipline');
  });

  it('lowers busy experts and raises proven ones through the signals other modules give', () => {
    const engine = new MatchingEngine();
    engine.upsert('experts', doc('busy', { title: '永磁同步电机控制' }));
    engine.upsert('experts', doc('free', { title: '永磁同步电机控制' }));
    engine.setSignals({
      load: (id) => (id === 'busy' ? 5 : 0),
      outcomes: (id) => (id === 'free' ? { count: 3, rating: 5 } : { count: 0, rating: null }),
    });
    const [first, second] = engine.match('experts', { text: '永磁同步电机' }, 2);
    expect(first!.id).toBe('free');
    expect(first!.reasons.find((r) => r.factor === 'outcome')).toMatchObject({ count: 3, rating: 5 });
    expect(second!.reasons.find((r) => r.factor === 'load')!.value).toBeLessThan(0);
  });

  it('takes a question without codes to be about what its closest matches are about', () => {
    const engine = new MatchingEngine();
    for (let i = 0; i < 4; i++) {
      engine.upsert('achievements', doc(`crop${i}`, { title: `辣椒杂交品种选育${i}`, labels: ['园艺学'] }));
    }
    engine.upsert('achievements', doc('other', { title: '辣椒素提取工艺', labels: ['食品科学与工程'] }));
    const results = engine.match('achievements', { text: '辣椒杂交品种' }, 5);
    const topic = results[0]!.reasons.find((r) => r.factor === 'topic');
    expect(topic?.labels).toEqual(['f:园艺学']);
  });

  it('takes weights from configuration and refuses unknown ones', () => {
    const weights = matchWeights({ region: 0.5, fields: { title: 4 } });
    expect(weights.region).toBe(0.5);
    expect(weights.fields.title).toBe(4);
    expect(weights.fields.text).toBe(1);
    expect(() => matchWeights({ regoin: 1 })).toThrow(/MATCHING_WEIGHTS/);
    expect(() => matchWeights({ load: 5 })).toThrow(/load/);
  });
});

describe('匹配度 and reasons worth reading', () => {
  /** Records of other topics, some with the common words 性能, 材料 and 方法 (in far more than 5 % of them). */
  function city(engine: MatchingEngine): void {
    const topics = [
      '锂电池热管理',
      '遥感影像识别',
      '中药指纹图谱',
      '数控机床误差补偿',
      '印染排产',
      '竹材改性',
    ];
    for (let i = 0; i < 30; i++) {
      const topic = topics[i % topics.length]!;
      engine.upsert(
        'experts',
        doc(`x${String(i).padStart(2, '0')}`, { title: i % 3 === 0 ? `${topic}；材料性能` : topic }),
      );
    }
  }

  it('gives 匹配度 on a bounded scale with a level, against what the question could reach', () => {
    const engine = new MatchingEngine();
    city(engine);
    engine.upsert('experts', doc('motor', { title: '永磁同步电机无位置传感器控制；伺服驱动' }));
    engine.upsert('experts', doc('robot', { title: '工业机器人自动化产线' }));
    const strong = engine.match('experts', { text: '永磁同步电机无位置传感器控制' }, 5);
    expect(strong[0]!.id).toBe('motor');
    expect(strong[0]!.level).toBe('high');
    for (const r of strong) {
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThan(100);
    }
    // A question nothing answers well: its best result shares one word of many, and is not made to look
    // strong for being the best of the list.
    const weak = engine.match('experts', { text: '竹材防霉处理与连续化刨切拼接自动化加工' }, 5);
    const robot = weak.find((r) => r.id === 'robot')!;
    expect(robot.score).toBeLessThan(LEVEL_FLOORS.medium);
    expect(robot.level === null || robot.level === 'low').toBe(true);
    // The level follows the score, and the scores fall as the ranks do.
    for (const list of [strong, weak]) {
      for (let i = 1; i < list.length; i++) expect(list[i - 1]!.score).toBeGreaterThanOrEqual(list[i]!.score);
      for (const r of list) if (r.level) expect(r.level).toBe(matchLevel(r.score));
    }
    expect(matchLevel(LEVEL_FLOORS.high)).toBe('high');
    expect(matchLevel(LEVEL_FLOORS.medium)).toBe('medium');
    expect(matchLevel(LEVEL_FLOORS.low)).toBe('low');
    expect(matchLevel(LEVEL_FLOORS.low - 1)).toBeNull();
  });

  it('never gives a word most records contain as a reason on its own', () => {
    const engine = new MatchingEngine();
    city(engine);
    engine.upsert('experts', doc('coating', { title: '涂层耐磨性能测试' }));
    engine.upsert('experts', doc('pp', { title: '聚丙烯改性与冲击性能' }));
    engine.upsert('experts', doc('way', { title: '评价方法' }));
    const results = engine.match('experts', { text: '改性聚丙烯低温冲击性能的测定方法' }, 40);
    const of = (id: string) => results.find((r) => r.id === id);
    // 性能 is in more than 5 % of the records and 方法 is generic in any text: sharing only them says nothing.
    for (const id of ['coating', 'way', 'x00']) {
      const r = of(id);
      if (!r) continue;
      expect(r.reasons.find((x) => x.factor === 'text')?.terms ?? [], id).not.toContain('性能');
      expect(r.reasons.find((x) => x.factor === 'text')?.terms ?? [], id).not.toContain('方法');
    }
    expect(of('x00')?.reasons.some((x) => x.factor === 'text')).not.toBe(true);
    expect(of('x00')?.level ?? null).toBeNull();
    // Beside rarer words they are left out too; the rarer words are the reason.
    const pp = of('pp')!;
    const text = pp.reasons.find((x) => x.factor === 'text')!;
    expect(text.terms).toEqual(expect.arrayContaining(['聚丙烯', '冲击']));
    expect(text.terms).not.toContain('性能');
    // No result is explained by a common word alone, or by a bare 文本相关.
    for (const r of results) {
      const terms = r.reasons.find((x) => x.factor === 'text')?.terms;
      if (terms)
        expect(
          terms.some((t) => t !== '性能' && t !== '方法' && t !== '材料'),
          r.id,
        ).toBe(true);
    }
  });

  it('weighs a question’s own keywords above its description and names them first when they match', () => {
    const engine = new MatchingEngine();
    city(engine);
    // One record shares a word of the description, the other an equally rare word of the keywords.
    engine.upsert('experts', doc('a-description', { title: '保险杠' }));
    engine.upsert('experts', doc('b-keyword', { title: '聚丙烯' }));
    const [first] = engine.match('experts', { text: '需要提高保险杠的韧性', keywords: ['聚丙烯'] }, 2);
    expect(first!.id).toBe('b-keyword');

    engine.upsert(
      'experts',
      doc('pp', { title: '改性聚丙烯增韧；低温冲击韧性', text: '汽车材料性能研究方法' }),
    );
    const [best] = engine.match(
      'experts',
      {
        title: '汽车保险杠材料改进',
        text: '现有材料性能不足，需要研究改进方法',
        keywords: ['改性聚丙烯', '低温冲击'],
      },
      3,
    );
    expect(best!.id).toBe('pp');
    // The keywords as written, in the asker's order, before the words of the description.
    const terms = best!.reasons.find((r) => r.factor === 'text')!.terms!;
    expect(terms.slice(0, 2)).toEqual(['改性聚丙烯', '低温冲击']);
    expect(terms).not.toContain('性能');
    expect(terms).not.toContain('方法');
  });
});
