/**
 * The one evaluator of rules kept as data (tree.ts): whether a rule holds for
 * some facts, which conditions held, and which did not and why it matters.
 * It never throws on facts: a missing fact makes its condition not hold
 * (`missing: true`), a fact of the wrong type makes it not hold.
 * Pure, like tree.ts, so the web can show the same outcome the server decided.
 *
 * Usage (a team's composition, with the rule set stored as JSON):
 *
 * ```ts
 * const TEAM_FACTS: FactCatalogue = {
 *   chiefCount: { name: { zh: '首席专家人数', en: 'Chief experts' }, type: 'number' },
 *   chiefIsAcademician: { name: { zh: '首席专家为院士', en: 'Chief expert is an academician' }, type: 'boolean' },
 *   expertCount: { name: { zh: '专家人数', en: 'Experts' }, type: 'number' },
 *   managerCount: { name: { zh: '技术经理人人数', en: 'Technology managers' }, type: 'number' },
 *   memberCount: { name: { zh: '成员人数', en: 'Members' }, type: 'number', unit: { zh: '人', en: 'people' } },
 * };
 * const composition = ruleSetSchema.parse(stored); // { key: 'teams.composition', version: 3, name, rule }
 * // rule: { all: [{ fact: 'chiefCount', op: 'eq', value: 1 }, { fact: 'expertCount', op: 'gte', value: 3 },
 * //               { fact: 'managerCount', op: 'gte', value: 1 }] }
 * const outcome = evaluate(composition.rule, { chiefCount: 1, expertCount: 2, managerCount: 1 }, TEAM_FACTS);
 * if (!outcome.held) {
 *   // failed(outcome) → [{ held: false, name: { zh: '专家人数 ≥ 3', en: 'Experts ≥ 3' }, fact: 'expertCount', actual: 2 }]
 *   throw teamsError('TEAM_COMPOSITION_UNMET', { params: { unmet: summary(failed(outcome)) } });
 * }
 * ```
 * (An operator editing the rule is told `checkFacts(rule, TEAM_FACTS)` before it is saved.)
 */
import type { Bilingual } from '../i18n/locale.ts';
import {
  type Condition,
  childRules,
  type FactCatalogue,
  type FactSpec,
  factsOf,
  isCondition,
  type Rule,
} from './tree.ts';

/** The facts a rule is evaluated against, by name. */
export type Facts = Readonly<Record<string, unknown>>;

/** The verdict on one node of a rule, with the verdicts on its children. */
export interface Outcome {
  held: boolean;
  /** The node's own name, or the words describe() (a condition) or the group's kind give it. */
  name: Bilingual;
  /** A group's children, in the rule's order. */
  children?: Outcome[];
  /** A condition's fact and the value it had. */
  fact?: string;
  actual?: unknown;
  /** The condition's fact was not given (absent, null or NaN). */
  missing?: true;
}

const has = (record: object | undefined, key: string): boolean =>
  record !== undefined && Object.hasOwn(record, key);

/** Own properties only: a fact called `constructor` is not Object's. */
function factOf(facts: Facts, fact: string): unknown {
  return has(facts, fact) ? facts[fact] : undefined;
}

function isMissing(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'number' && Number.isNaN(value));
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isScalar = (value: unknown): value is string | number | boolean =>
  typeof value === 'string' || typeof value === 'boolean' || isNumber(value);

/** Whether a condition holds for a value that is there. */
function holds(condition: Condition, actual: unknown): boolean {
  switch (condition.op) {
    case 'eq':
      return isScalar(actual) && actual === condition.value;
    case 'ne':
      return isScalar(actual) && actual !== condition.value;
    case 'gt':
      return isNumber(actual) && actual > condition.value;
    case 'gte':
      return isNumber(actual) && actual >= condition.value;
    case 'lt':
      return isNumber(actual) && actual < condition.value;
    case 'lte':
      return isNumber(actual) && actual <= condition.value;
    case 'in':
      return (typeof actual === 'string' || isNumber(actual)) && condition.value.includes(actual);
    case 'notIn':
      return (typeof actual === 'string' || isNumber(actual)) && !condition.value.includes(actual);
    case 'includes':
      return Array.isArray(actual) && actual.includes(condition.value);
    case 'exists':
      return (
        !(typeof actual === 'string' && actual.trim() === '') &&
        !(Array.isArray(actual) && actual.length === 0)
      );
  }
}

function groupName(rule: Rule): Bilingual {
  if ('all' in rule) return { zh: '同时满足以下全部条件', en: 'All of the following' };
  if ('any' in rule) return { zh: '满足以下任一条件', en: 'Any of the following' };
  if ('atLeast' in rule)
    return { zh: `至少满足以下 ${rule.atLeast} 项`, en: `At least ${rule.atLeast} of the following` };
  return { zh: '', en: '' };
}

/**
 * Evaluates a rule for the facts: every node's verdict and name. Groups:
 * `all` holds when every child holds, `any` when one does, `atLeast` when
 * at least that many do. The rule is one ruleSchema accepted (depth-limited).
 */
export function evaluate(rule: Rule, facts: Facts, catalogue?: FactCatalogue): Outcome {
  if (isCondition(rule)) {
    const actual = factOf(facts, rule.fact);
    const name = rule.name ?? describe(rule, catalogue);
    if (isMissing(actual)) return { held: false, name, fact: rule.fact, actual, missing: true };
    return { held: holds(rule, actual), name, fact: rule.fact, actual };
  }
  const children = childRules(rule).map((child) => evaluate(child, facts, catalogue));
  const count = children.filter((c) => c.held).length;
  const held = 'all' in rule ? count === children.length : 'any' in rule ? count > 0 : count >= rule.atLeast;
  return { held, name: rule.name ?? groupName(rule), children };
}

/**
 * The conditions that did not hold and mattered: under a group that did not
 * hold, those of its children that did not hold (for `any` and `atLeast`,
 * each of them could have made it hold). Empty exactly when the rule held.
 */
export function failed(outcome: Outcome): Outcome[] {
  if (outcome.held) return [];
  if (!outcome.children) return [outcome];
  const leaves = outcome.children.flatMap(failed);
  // A group that cannot hold whatever its children do (no children, or more
  // asked than it has) is itself what failed; ruleSchema refuses such groups.
  return leaves.length > 0 ? leaves : [outcome];
}

/** The names of outcomes in one line per language (the missing marked), e.g. an error's parameter. */
export function summary(outcomes: readonly Outcome[]): Bilingual {
  const zh = outcomes.map((o) => (o.missing ? `${o.name.zh}（缺少数据）` : o.name.zh));
  const en = outcomes.map((o) => (o.missing ? `${o.name.en} (no data)` : o.name.en));
  return { zh: zh.join('；'), en: en.join('; ') };
}

/** The facts a rule names that the catalogue does not know, each once (an operator is told before saving). */
export function checkFacts(rule: Rule, catalogue: FactCatalogue): string[] {
  return factsOf(rule).filter((fact) => !has(catalogue, fact));
}

const SYMBOLS = { eq: '=', ne: '≠', gt: '>', gte: '≥', lt: '<', lte: '≤' } as const;

/** A value in words: a code by its name in the catalogue, a boolean as yes or no. */
function valueName(spec: FactSpec | undefined, value: string | number | boolean): Bilingual {
  if (typeof value === 'boolean') return value ? { zh: '是', en: 'yes' } : { zh: '否', en: 'no' };
  const key = String(value);
  if (spec?.values && has(spec.values, key)) return spec.values[key]!;
  return { zh: key, en: key };
}

function withUnit(spec: FactSpec | undefined, value: number): Bilingual {
  const n = String(value);
  return spec?.unit ? { zh: `${n}${spec.unit.zh}`, en: `${n} ${spec.unit.en}` } : { zh: n, en: n };
}

function listNames(spec: FactSpec | undefined, values: readonly (string | number)[]): Bilingual {
  const names = values.map((v) => valueName(spec, v));
  return { zh: names.map((n) => n.zh).join('、'), en: names.map((n) => n.en).join(', ') };
}

/**
 * A condition in words, in both languages, from the fact's name and unit and
 * the names of its codes: "首席专家人数 ≥ 1" / "Chief experts ≥ 1". A fact the
 * catalogue does not know is called by its key.
 */
export function describe(condition: Condition, catalogue?: FactCatalogue): Bilingual {
  const spec = has(catalogue, condition.fact) ? catalogue![condition.fact] : undefined;
  const fact = spec?.name ?? { zh: condition.fact, en: condition.fact };
  switch (condition.op) {
    case 'eq':
    case 'ne': {
      if (typeof condition.value === 'boolean') {
        const v = valueName(spec, condition.op === 'eq' ? condition.value : !condition.value);
        return { zh: `${fact.zh}：${v.zh}`, en: `${fact.en}: ${v.en}` };
      }
      const v =
        typeof condition.value === 'number'
          ? withUnit(spec, condition.value)
          : valueName(spec, condition.value);
      const symbol = SYMBOLS[condition.op];
      return { zh: `${fact.zh} ${symbol} ${v.zh}`, en: `${fact.en} ${symbol} ${v.en}` };
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const v = withUnit(spec, condition.value);
      const symbol = SYMBOLS[condition.op];
      return { zh: `${fact.zh} ${symbol} ${v.zh}`, en: `${fact.en} ${symbol} ${v.en}` };
    }
    case 'in':
    case 'notIn': {
      const one = condition.value.length === 1;
      const v = listNames(spec, condition.value);
      if (condition.op === 'in') {
        return one
          ? { zh: `${fact.zh}为${v.zh}`, en: `${fact.en} is ${v.en}` }
          : { zh: `${fact.zh}为${v.zh}之一`, en: `${fact.en} is one of ${v.en}` };
      }
      return one
        ? { zh: `${fact.zh}不为${v.zh}`, en: `${fact.en} is not ${v.en}` }
        : { zh: `${fact.zh}不为${v.zh}中任何一项`, en: `${fact.en} is none of ${v.en}` };
    }
    case 'includes': {
      const v = valueName(spec, condition.value);
      return { zh: `${fact.zh}包含${v.zh}`, en: `${fact.en}: includes ${v.en}` };
    }
    case 'exists':
      return { zh: `${fact.zh}不为空`, en: `${fact.en} is given` };
  }
}
