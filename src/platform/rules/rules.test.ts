import fc from 'fast-check';
import { expect, it, describe as suite } from 'vitest';
import { z } from 'zod';
import { issueMessage } from '../http/validation.ts';
import { checkFacts, describe, evaluate, type Facts, failed, type Outcome, summary } from './evaluate.ts';
import {
  type Condition,
  type FactCatalogue,
  MAX_RULE_DEPTH,
  MAX_RULE_NODES,
  type Rule,
  ruleSchema,
  ruleSetSchema,
} from './tree.ts';

const TEAM_FACTS: FactCatalogue = {
  chiefCount: { name: { zh: '首席专家人数', en: 'Chief experts' }, type: 'number' },
  chiefIsAcademician: {
    name: { zh: '首席专家为院士', en: 'Chief expert is an academician' },
    type: 'boolean',
  },
  expertCount: { name: { zh: '专家人数', en: 'Experts' }, type: 'number' },
  managerCount: { name: { zh: '技术经理人人数', en: 'Technology managers' }, type: 'number' },
  memberCount: { name: { zh: '成员人数', en: 'Members' }, type: 'number', unit: { zh: '人', en: 'people' } },
  chiefTitle: {
    name: { zh: '首席专家职称', en: 'Chief expert’s title' },
    type: 'string',
    values: { senior: { zh: '正高级', en: 'Senior' }, associate: { zh: '副高级', en: 'Associate senior' } },
  },
  honours: {
    name: { zh: '荣誉', en: 'Honours' },
    type: 'list',
    values: { academician: { zh: '院士', en: 'Academician' } },
  },
};

const c = (fact: string, op: Condition['op'], value?: unknown): Condition =>
  (value === undefined ? { fact, op } : { fact, op, value }) as Condition;

const names = (outcomes: Outcome[]) => outcomes.map((o) => o.name.en);

suite('evaluate: each operator', () => {
  const cases: [Condition, unknown, boolean][] = [
    [c('n', 'eq', 1), 1, true],
    [c('n', 'eq', 1), 2, false],
    [c('n', 'eq', 1), '1', false],
    [c('s', 'eq', 'a'), 'a', true],
    [c('b', 'eq', true), true, true],
    [c('b', 'eq', true), false, false],
    [c('b', 'eq', false), false, true],
    [c('n', 'ne', 1), 2, true],
    [c('n', 'ne', 1), 1, false],
    [c('n', 'ne', 1), [2], false],
    [c('n', 'gt', 2), 3, true],
    [c('n', 'gt', 2), 2, false],
    [c('n', 'gte', 2), 2, true],
    [c('n', 'gte', 2), 1.5, false],
    [c('n', 'lt', 2), 1, true],
    [c('n', 'lt', 2), 2, false],
    [c('n', 'lte', 2), 2, true],
    [c('n', 'lte', 2), 3, false],
    // Number comparisons on what is not a number never hold, not even '3' > 2.
    [c('n', 'gt', 2), '3', false],
    [c('n', 'gte', 0), true, false],
    [c('n', 'lt', 2), [1], false],
    [c('n', 'lte', 2), Number.NEGATIVE_INFINITY, false],
    [c('s', 'in', ['a', 'b']), 'b', true],
    [c('s', 'in', ['a', 'b']), 'c', false],
    [c('s', 'in', [1, 2]), '1', false],
    [c('s', 'in', ['a']), ['a'], false],
    [c('s', 'notIn', ['a', 'b']), 'c', true],
    [c('s', 'notIn', ['a', 'b']), 'a', false],
    [c('s', 'notIn', ['a']), true, false],
    [c('l', 'includes', 'x'), ['y', 'x'], true],
    [c('l', 'includes', 'x'), ['y'], false],
    [c('l', 'includes', 'x'), 'x', false],
    [c('l', 'includes', 3), [1, 2, 3], true],
    [c('v', 'exists'), 'a', true],
    [c('v', 'exists'), 0, true],
    [c('v', 'exists'), false, true],
    [c('v', 'exists'), ['a'], true],
    [c('v', 'exists'), '  ', false],
    [c('v', 'exists'), [], false],
  ];
  it.each(cases)('%j with %j → %s', (condition, actual, held) => {
    const outcome = evaluate(condition, { [condition.fact]: actual });
    expect(outcome.held).toBe(held);
    expect(outcome.actual).toEqual(actual);
    expect(outcome.missing).toBeUndefined();
  });
});

suite('evaluate: missing facts', () => {
  const conditions = [
    c('x', 'eq', 1),
    c('x', 'ne', 1),
    c('x', 'gt', 0),
    c('x', 'notIn', ['a']),
    c('x', 'includes', 'a'),
    c('x', 'exists'),
  ];
  it.each(conditions)(
    '%j on an absent, null or NaN fact does not hold and is reported missing',
    (condition) => {
      for (const facts of [{}, { x: null }, { x: Number.NaN }, { x: undefined }] as Facts[]) {
        const outcome = evaluate(condition, facts);
        expect(outcome).toMatchObject({ held: false, missing: true, fact: 'x' });
        expect(failed(outcome)).toEqual([outcome]);
      }
    },
  );

  it('reads only the facts given, not what every object inherits', () => {
    expect(evaluate(c('constructor', 'exists'), {})).toMatchObject({ held: false, missing: true });
    expect(evaluate(c('toString', 'ne', 'x'), {}).held).toBe(false);
    expect(describe(c('constructor', 'exists'), TEAM_FACTS)).toEqual({
      zh: 'constructor不为空',
      en: 'constructor is given',
    });
  });

  it('tells which facts were missing in the summary', () => {
    const rule: Rule = { all: [c('chiefCount', 'eq', 1), c('expertCount', 'gte', 3)] };
    const outcome = evaluate(rule, { expertCount: 2 }, TEAM_FACTS);
    expect(summary(failed(outcome))).toEqual({
      zh: '首席专家人数 = 1（缺少数据）；专家人数 ≥ 3',
      en: 'Chief experts = 1 (no data); Experts ≥ 3',
    });
  });
});

suite('evaluate: groups', () => {
  const team: Rule = {
    name: { zh: '组合式人才帮扶团', en: 'Assistance team' },
    all: [
      c('chiefCount', 'eq', 1),
      { any: [c('chiefIsAcademician', 'eq', true), c('chiefTitle', 'in', ['senior'])] },
      {
        atLeast: 2,
        of: [c('expertCount', 'gte', 3), c('managerCount', 'gte', 1), c('memberCount', 'lte', 7)],
      },
    ],
  };

  it('holds when every part holds, with each node named', () => {
    const facts = {
      chiefCount: 1,
      chiefIsAcademician: false,
      chiefTitle: 'senior',
      expertCount: 3,
      managerCount: 0,
      memberCount: 5,
    };
    const outcome = evaluate(team, facts, TEAM_FACTS);
    expect(outcome.held).toBe(true);
    expect(outcome.name).toEqual({ zh: '组合式人才帮扶团', en: 'Assistance team' });
    expect(outcome.children?.map((o) => [o.name.en, o.held])).toEqual([
      ['Chief experts = 1', true],
      ['Any of the following', true],
      ['At least 2 of the following', true],
    ]);
    expect(outcome.children?.[2]?.children?.map((o) => o.held)).toEqual([true, false, true]);
    expect(failed(outcome)).toEqual([]);
  });

  it('names the conditions that failed and mattered, not those that held or were not needed', () => {
    const facts = {
      chiefCount: 1,
      chiefIsAcademician: false,
      chiefTitle: 'associate',
      expertCount: 2,
      managerCount: 1,
      memberCount: 9,
    };
    const outcome = evaluate(team, facts, TEAM_FACTS);
    expect(outcome.held).toBe(false);
    // any: both alternatives could have made it hold; atLeast 2: one of three held, either missing one would do.
    expect(names(failed(outcome))).toEqual([
      'Chief expert is an academician: yes',
      'Chief expert’s title is Senior',
      'Experts ≥ 3',
      'Members ≤ 7 people',
    ]);
    expect(failed(outcome).map((o) => o.actual)).toEqual([false, 'associate', 2, 9]);
  });

  it('leaves out a failed condition under a group that held anyway', () => {
    const rule: Rule = { all: [c('a', 'eq', 1), { any: [c('b', 'eq', 1), c('c', 'eq', 1)] }] };
    const outcome = evaluate(rule, { a: 0, b: 0, c: 1 });
    expect(failed(outcome).map((o) => o.fact)).toEqual(['a']);
  });

  it('counts atLeast 0 as always held, 1 as any, n as all', () => {
    const of = [c('a', 'eq', true), c('b', 'eq', true), c('d', 'eq', true)];
    const facts = { a: false, b: false, d: false };
    expect(evaluate({ atLeast: 0, of }, facts).held).toBe(true);
    expect(evaluate({ atLeast: 1, of }, facts).held).toBe(false);
    expect(evaluate({ atLeast: 1, of }, { ...facts, d: true }).held).toBe(true);
    expect(evaluate({ atLeast: 3, of }, { a: true, b: true, d: false }).held).toBe(false);
    expect(evaluate({ atLeast: 3, of }, { a: true, b: true, d: true }).held).toBe(true);
    expect(failed(evaluate({ atLeast: 3, of }, { a: true, b: true, d: false })).map((o) => o.fact)).toEqual([
      'd',
    ]);
  });

  it('names a group that cannot hold when it has nothing to fail (rules not checked by the schema)', () => {
    const outcome = evaluate({ atLeast: 2, of: [c('a', 'exists')] }, { a: 'x' });
    expect(outcome.held).toBe(false);
    expect(names(failed(outcome))).toEqual(['At least 2 of the following']);
    expect(failed(evaluate({ any: [] }, {}))).toHaveLength(1);
  });

  it('names groups in both languages', () => {
    const named = (rule: Rule) => evaluate(rule, {}).name;
    expect(named({ all: [c('a', 'exists')] })).toEqual({
      zh: '同时满足以下全部条件',
      en: 'All of the following',
    });
    expect(named({ any: [c('a', 'exists')] })).toEqual({
      zh: '满足以下任一条件',
      en: 'Any of the following',
    });
    expect(named({ atLeast: 1, of: [c('a', 'exists')] })).toEqual({
      zh: '至少满足以下 1 项',
      en: 'At least 1 of the following',
    });
  });
});

suite('describe', () => {
  const cases: [Condition, string, string][] = [
    [c('chiefCount', 'gte', 1), '首席专家人数 ≥ 1', 'Chief experts ≥ 1'],
    [c('chiefCount', 'eq', 1), '首席专家人数 = 1', 'Chief experts = 1'],
    [c('memberCount', 'gt', 3), '成员人数 > 3人', 'Members > 3 people'],
    [c('memberCount', 'lt', 10), '成员人数 < 10人', 'Members < 10 people'],
    [c('memberCount', 'lte', 7), '成员人数 ≤ 7人', 'Members ≤ 7 people'],
    [c('memberCount', 'ne', 0), '成员人数 ≠ 0人', 'Members ≠ 0 people'],
    [c('chiefIsAcademician', 'eq', true), '首席专家为院士：是', 'Chief expert is an academician: yes'],
    [c('chiefIsAcademician', 'ne', true), '首席专家为院士：否', 'Chief expert is an academician: no'],
    [c('chiefTitle', 'eq', 'senior'), '首席专家职称 = 正高级', 'Chief expert’s title = Senior'],
    [c('chiefTitle', 'in', ['senior']), '首席专家职称为正高级', 'Chief expert’s title is Senior'],
    [
      c('chiefTitle', 'in', ['senior', 'associate']),
      '首席专家职称为正高级、副高级之一',
      'Chief expert’s title is one of Senior, Associate senior',
    ],
    [
      c('chiefTitle', 'notIn', ['associate']),
      '首席专家职称不为副高级',
      'Chief expert’s title is not Associate senior',
    ],
    [
      c('chiefTitle', 'notIn', ['associate', 'other']),
      '首席专家职称不为副高级、other中任何一项',
      'Chief expert’s title is none of Associate senior, other',
    ],
    [c('honours', 'includes', 'academician'), '荣誉包含院士', 'Honours: includes Academician'],
    [c('chiefTitle', 'exists'), '首席专家职称不为空', 'Chief expert’s title is given'],
    [c('unknownFact', 'gte', 2), 'unknownFact ≥ 2', 'unknownFact ≥ 2'],
  ];
  it.each(cases)('%j → %s / %s', (condition, zh, en) => {
    expect(describe(condition, TEAM_FACTS)).toEqual({ zh, en });
  });

  it('calls facts by their keys without a catalogue, and a named condition by its name', () => {
    expect(describe(c('chiefCount', 'gte', 1))).toEqual({ zh: 'chiefCount ≥ 1', en: 'chiefCount ≥ 1' });
    const name = { zh: '须有首席专家', en: 'A chief expert is required' };
    expect(evaluate({ ...c('chiefCount', 'gte', 1), name }, {}, TEAM_FACTS).name).toEqual(name);
  });
});

suite('checkFacts', () => {
  it('lists the facts a rule names that the catalogue does not know, each once', () => {
    const rule: Rule = {
      all: [
        c('chiefCount', 'eq', 1),
        c('chiefcount', 'eq', 1),
        { any: [c('toString', 'exists'), c('chiefcount', 'gt', 0)] },
      ],
    };
    expect(checkFacts(rule, TEAM_FACTS)).toEqual(['chiefcount', 'toString']);
    expect(checkFacts(c('memberCount', 'lte', 7), TEAM_FACTS)).toEqual([]);
  });
});

/** A chain of `all` groups `depth` levels deep (the leaf counts as a level). */
function nested(depth: number): unknown {
  let rule: unknown = c('a', 'exists');
  for (let level = 1; level < depth; level++) rule = { all: [rule] };
  return rule;
}

function refusal(input: unknown) {
  const result = ruleSchema.safeParse(input);
  expect(result.success).toBe(false);
  return result.error!.issues;
}

suite('ruleSchema', () => {
  it('accepts every kind of node and keeps it as given', () => {
    const rule = {
      name: { zh: '规则', en: 'Rule' },
      all: [
        c('a', 'eq', 'x'),
        c('a', 'ne', false),
        c('a', 'gt', 1.5),
        c('a', 'gte', -1),
        c('a', 'lt', 0),
        c('a', 'lte', 9),
        c('a', 'in', ['x', 1]),
        c('a', 'notIn', [2]),
        c('a', 'includes', 'x'),
        { any: [c('a', 'exists')] },
        { atLeast: 0, of: [c('b', 'exists')] },
      ],
    };
    expect(ruleSchema.parse(JSON.parse(JSON.stringify(rule)))).toEqual(rule);
  });

  it(`refuses a tree deeper than ${MAX_RULE_DEPTH} levels at the node that is too deep, however deep`, () => {
    expect(ruleSchema.safeParse(nested(MAX_RULE_DEPTH)).success).toBe(true);
    const [issue] = refusal(nested(MAX_RULE_DEPTH + 1));
    expect(issue!.path).toEqual(Array.from({ length: MAX_RULE_DEPTH }, () => ['all', 0]).flat());
    expect(issueMessage(issue!, 'zh-CN')).toBe('规则嵌套过深（最多8层）');
    expect(issueMessage(issue!, 'en-US')).toBe('The rule is nested too deeply (at most 8 levels)');
    expect(refusal(nested(100_000))).toHaveLength(1);
  });

  it(`refuses a tree of more than ${MAX_RULE_NODES} nodes`, () => {
    const leaves = (n: number) => ({ any: Array.from({ length: n }, (_, i) => c(`f${i}`, 'exists')) });
    expect(ruleSchema.safeParse(leaves(MAX_RULE_NODES - 1)).success).toBe(true);
    const issues = refusal(leaves(MAX_RULE_NODES));
    expect(issues.map((i) => issueMessage(i, 'zh-CN'))).toEqual(['规则过大（最多200个条件和分组）']);
    expect(refusal(leaves(1_000_000))).toHaveLength(1);
  });

  const bad: [string, unknown, (string | number)[]][] = [
    ['an unknown operator', { all: [{ fact: 'a', op: 'between', value: 1 }] }, ['all', 0, 'op']],
    ['a number comparison with a string', { all: [c('a', 'gt', '3')] }, ['all', 0, 'value']],
    ['eq with a list', c('a', 'eq', [1]), ['value']],
    ['in with one value', c('a', 'in', 'x'), ['value']],
    ['in with an empty list', c('a', 'in', []), ['value']],
    ['in with a boolean', c('a', 'in', [true]), ['value', 0]],
    ['includes with a list', c('a', 'includes', ['x']), ['value']],
    ['exists with a value', { fact: 'a', op: 'exists', value: 1 }, []],
    ['a comparison without a value', { fact: 'a', op: 'gte' }, ['value']],
    ['a fact that is not an identifier', c('1a b', 'exists'), ['fact']],
    ['an infinite number', c('a', 'lt', Number.POSITIVE_INFINITY), ['value']],
    ['an empty group', { any: [] }, ['any']],
    ['two groups in one node', { all: [c('a', 'exists')], any: [c('a', 'exists')] }, []],
    [
      'atLeast more than its conditions',
      { atLeast: 3, of: [c('a', 'exists'), c('b', 'exists')] },
      ['atLeast'],
    ],
    ['atLeast below 0', { atLeast: -1, of: [c('a', 'exists')] }, ['atLeast']],
    ['atLeast not a whole number', { atLeast: 1.5, of: [c('a', 'exists'), c('b', 'exists')] }, ['atLeast']],
    ['a name without English', { name: { zh: '规则' }, all: [c('a', 'exists')] }, ['name', 'en']],
    ['a child that is not an object', { all: [c('a', 'exists'), 'b'] }, ['all', 1]],
    ['null', null, []],
  ];
  it.each(bad)('refuses %s, naming where', (_, input, path) => {
    const issues = refusal(input);
    expect(issues.map((i) => i.path)).toContainEqual(path);
  });

  it('renders the atLeast refusal in both languages', () => {
    const [issue] = refusal({ atLeast: 2, of: [c('a', 'exists')] });
    expect(issueMessage(issue!, 'zh-CN')).toBe('“至少满足”的项数须在0到所列条件数之间');
    expect(issueMessage(issue!, 'en-US')).toBe(
      '“At least” must be between 0 and the number of conditions listed',
    );
  });
});

suite('ruleSetSchema', () => {
  const set = {
    key: 'teams.composition',
    version: 2,
    name: { zh: '帮扶团组成', en: 'Team composition' },
    rule: c('chiefCount', 'eq', 1),
  };

  it('keeps a versioned rule set through JSON', () => {
    expect(ruleSetSchema.parse(JSON.parse(JSON.stringify(set)))).toEqual(set);
  });

  it('refuses a set without a whole positive version or with a bad key or rule', () => {
    for (const wrong of [{ version: 0 }, { version: 1.5 }, { key: 'has space' }, { rule: { all: [] } }]) {
      expect(ruleSetSchema.safeParse({ ...set, ...wrong }).success, JSON.stringify(wrong)).toBe(false);
    }
  });

  it('is described as JSON Schema for requests and responses (a route can carry it)', () => {
    const input = JSON.stringify(z.toJSONSchema(ruleSetSchema, { io: 'input' }));
    expect(input).toContain('"atLeast"');
    expect(JSON.stringify(z.toJSONSchema(ruleSetSchema, { io: 'output' }))).toContain('"includes"');
  });
});

/** Leaves with an oracle written apart from the evaluator. */
type Leaf = { rule: Condition; oracle: (facts: Facts) => boolean };
const FACT_NAMES = ['a', 'b', 'd', 'e'] as const;
const factName = fc.constantFrom(...FACT_NAMES);
const leafArb: fc.Arbitrary<Leaf> = fc.oneof(
  fc.record({ fact: factName, value: fc.boolean() }).map(({ fact, value }) => ({
    rule: c(fact, 'eq', value),
    oracle: (facts: Facts) => facts[fact] === value,
  })),
  fc.record({ fact: factName, value: fc.integer({ min: -2, max: 2 }) }).map(({ fact, value }) => ({
    rule: c(fact, 'gte', value),
    oracle: (facts: Facts) => typeof facts[fact] === 'number' && (facts[fact] as number) >= value,
  })),
  factName.map((fact) => ({ rule: c(fact, 'exists'), oracle: (facts: Facts) => facts[fact] != null })),
);

type Tree = { rule: Rule; oracle: (facts: Facts) => boolean };
const { tree } = fc.letrec<{ tree: Tree; group: Tree }>((tie) => ({
  tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leafArb, tie('group')),
  group: fc
    .tuple(
      fc.constantFrom('all', 'any', 'atLeast'),
      fc.array(tie('tree'), { minLength: 1, maxLength: 3 }),
      fc.nat(),
    )
    .map(([kind, kids, k]): Tree => {
      const rules = kids.map((t) => t.rule);
      const count = (facts: Facts) => kids.filter((t) => t.oracle(facts)).length;
      if (kind === 'all') return { rule: { all: rules }, oracle: (f) => count(f) === kids.length };
      if (kind === 'any') return { rule: { any: rules }, oracle: (f) => count(f) > 0 };
      const n = k % (kids.length + 1);
      return { rule: { atLeast: n, of: rules }, oracle: (f) => count(f) >= n };
    }),
}));
const factsArb: fc.Arbitrary<Facts> = fc.record(
  {
    a: fc.boolean(),
    b: fc.integer({ min: -3, max: 3 }),
    d: fc.oneof(fc.boolean(), fc.integer({ min: -3, max: 3 }), fc.constant(null)),
    e: fc.boolean(),
  },
  { requiredKeys: ['a'] },
);

suite('evaluate: property', () => {
  it('holds exactly when the boolean formula does, and fails with named conditions exactly when it does not', () => {
    fc.assert(
      fc.property(
        tree.filter((t) => ruleSchema.safeParse(t.rule).success),
        factsArb,
        (t, facts) => {
          const outcome = evaluate(t.rule, facts);
          expect(outcome.held).toBe(t.oracle(facts));
          const leaves = failed(outcome);
          expect(leaves.length === 0).toBe(outcome.held);
          for (const leaf of leaves) expect([leaf.held, leaf.children]).toEqual([false, undefined]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps every generated rule the same through JSON and the schema', () => {
    fc.assert(
      fc.property(tree, (t) => {
        const parsed = ruleSchema.safeParse(JSON.parse(JSON.stringify(t.rule)));
        if (parsed.success) expect(parsed.data).toEqual(t.rule);
      }),
    );
  });
});
