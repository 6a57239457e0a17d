import { describe, expect, it } from 'vitest';
import { codeCloseness, type MatchDoc, MatchingEngine, matchWeights, regionCloseness } from './engine.ts';

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
