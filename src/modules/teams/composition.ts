import type { Executor } from '../../platform/db/client.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { checkFacts, describe, evaluate, failed, summary } from '../../platform/rules/evaluate.ts';
import { currentRuleSet, saveRuleSet } from '../../platform/rules/store.ts';
import type { FactCatalogue, Rule } from '../../platform/rules/tree.ts';
import { childRules, isCondition } from '../../platform/rules/tree.ts';
import type { MemberRole, TeamKind } from './constants.ts';
import { teamsError } from './errors.ts';

/** The facts a team's composition rules may name. */
export const TEAM_FACTS: FactCatalogue = {
  chiefCount: {
    name: { zh: '首席专家人数', en: 'Chief experts' },
    type: 'number',
    unit: { zh: '名', en: '' },
  },
  expertCount: { name: { zh: '专家人数', en: 'Experts' }, type: 'number', unit: { zh: '名', en: '' } },
  managerCount: {
    name: { zh: '技术经理人人数', en: 'Technology managers' },
    type: 'number',
    unit: { zh: '名', en: '' },
  },
  memberCount: {
    name: { zh: '团队总人数', en: 'Members in all' },
    type: 'number',
    unit: { zh: '名', en: '' },
  },
  chiefIsAcademician: {
    name: { zh: '首席专家为院士', en: 'The chief expert is an academician' },
    type: 'boolean',
  },
  countyCode: { name: { zh: '结对县（市、区）', en: 'Paired county' }, type: 'string' },
  industryName: { name: { zh: '县域主导产业', en: 'Leading industry' }, type: 'string' },
  stationId: { name: { zh: '人才驿站', en: 'Talent station' }, type: 'string' },
};

/** The rule set key of a kind of team; kinds without one are not checked. */
export const ruleKey = (kind: TeamKind) => `teams.composition.${kind}`;

export interface CompositionInput {
  members: readonly { role: MemberRole; honourLevel: string | null }[];
  countyCode?: string | undefined;
  industryName?: string | undefined;
  stationId?: string | undefined;
}

export function compositionFacts(input: CompositionInput): Record<string, unknown> {
  const countOf = (role: MemberRole) => input.members.filter((m) => m.role === role).length;
  const chiefs = input.members.filter((m) => m.role === 'chief');
  return {
    chiefCount: countOf('chief'),
    expertCount: countOf('expert'),
    managerCount: countOf('manager'),
    memberCount: input.members.length,
    chiefIsAcademician: chiefs.length > 0 && chiefs.every((c) => c.honourLevel === '院士'),
    countyCode: input.countyCode,
    industryName: input.industryName,
    stationId: input.stationId,
  };
}

/**
 * A team is set up only as its kind's rules (data, versioned) allow; the
 * refusal names every rule that failed, in both languages.
 */
export async function checkComposition(db: Executor, kind: TeamKind, input: CompositionInput): Promise<void> {
  const rules = await currentRuleSet(db, ruleKey(kind));
  if (!rules) return;
  const outcome = evaluate(rules.rule, compositionFacts(input), TEAM_FACTS);
  const missed = failed(outcome);
  if (missed.length === 0) return;
  throw teamsError('TEAM_COMPOSITION_RULE', {
    params: { rule: summary(missed), version: rules.version },
    details: { ruleSet: rules.key, version: rules.version, failed: missed.map((m) => m.fact ?? null) },
  });
}

/** The rules in force for a kind of team, each condition in words. */
export async function compositionRules(db: Executor, kind: TeamKind, locale: Locale) {
  const rules = await currentRuleSet(db, ruleKey(kind));
  const facts = Object.entries(TEAM_FACTS).map(([key, f]) => ({ key, name: f.name, type: f.type }));
  if (!rules) return { kind, version: null, name: null, conditions: [], rule: null, facts };
  const words = (rule: Rule): string[] => {
    if (!isCondition(rule)) return childRules(rule).flatMap(words);
    const name = rule.name ?? describe(rule, TEAM_FACTS);
    return [locale === 'en-US' ? name.en : name.zh];
  };
  return {
    kind,
    version: rules.version,
    name: rules.name,
    conditions: words(rules.rule),
    rule: rules.rule,
    facts,
  };
}

/**
 * A new version of a kind's composition rules: a rule naming a fact teams
 * do not have is refused before it is stored; the version before stays.
 */
export async function saveCompositionRules(
  tx: Executor,
  input: { kind: TeamKind; name: { zh: string; en: string }; rule: Rule },
  createdBy: string | null,
  at: Date,
) {
  const unknown = checkFacts(input.rule, TEAM_FACTS);
  if (unknown.length > 0) {
    throw teamsError('TEAM_RULE_FACT_UNKNOWN', {
      params: { facts: unknown.join('、') },
      fields: [{ path: 'body.rule', message: `未知数据项：${unknown.join('、')}` }],
    });
  }
  return saveRuleSet(tx, { key: ruleKey(input.kind), name: input.name, rule: input.rule, createdBy, at });
}
