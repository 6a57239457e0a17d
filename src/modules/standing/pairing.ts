import type { LeftReason } from './constants.ts';

/**
 * 科技特派员配对建议: which expert to propose for each enterprise of a round.
 *
 * A pair can be proposed when matching finds the expert fits the enterprise
 * (a 匹配度 at a level), or when either side named the other among its
 * preferences. A pair's weight is its 匹配度 plus a bonus for each side's
 * preference, more for a higher place. Pairs are taken best first while the
 * enterprise has no expert yet and the expert has room in the portfolio
 * (the limit less the terms held already); ties go by enterprise, then
 * expert, so the same round proposes the same pairs. What is left over says
 * why: no expert fits at all, or every fitting one is full. This greedy rule
 * is explainable pair by pair ("the best remaining pair") and is within a
 * factor of two of the best total weight.
 */

export interface FitScore {
  talentId: string;
  /** 匹配度 0–100. */
  score: number;
  reasons: { zh: string; en: string }[];
}

export interface PairingInput {
  /** The round's enterprises, each with the experts it prefers, best first. */
  enterprises: readonly { id: string; preferences: readonly string[] }[];
  /** The round's experts: room left in their portfolio, and the enterprises they prefer, best first. */
  experts: readonly { id: string; capacity: number; preferences: readonly string[] }[];
  /** Matching's fit of experts for each enterprise (among the round's experts). */
  fits: ReadonlyMap<string, readonly FitScore[]>;
}

export interface ProposedPair {
  enterpriseId: string;
  talentId: string;
  /** 匹配度 from matching (0 when only preferences brought them together). */
  score: number;
  /** The weight the proposal ranked by. */
  weight: number;
  reasons: { zh: string; en: string }[];
}

export interface Proposal {
  pairs: ProposedPair[];
  left: { enterpriseId: string; reason: LeftReason }[];
}

/** The bonus for being named at a place (0 = first) of a side's preferences. */
export function preferenceBonus(place: number, first: number): number {
  return place < 0 ? 0 : Math.max(5, first - 5 * place);
}

const ENTERPRISE_FIRST = 30;
const EXPERT_FIRST = 20;

export function proposePairs(input: PairingInput): Proposal {
  const experts = new Map(input.experts.map((e) => [e.id, e]));
  const capacity = new Map(input.experts.map((e) => [e.id, Math.max(0, e.capacity)]));
  const candidates: ProposedPair[] = [];
  for (const enterprise of input.enterprises) {
    const fit = new Map((input.fits.get(enterprise.id) ?? []).map((f) => [f.talentId, f]));
    const ids = new Set([...fit.keys(), ...enterprise.preferences]);
    for (const expert of input.experts) if (expert.preferences.includes(enterprise.id)) ids.add(expert.id);
    for (const talentId of ids) {
      const expert = experts.get(talentId);
      if (!expert) continue; // a preference for someone not in the round
      const f = fit.get(talentId);
      const byEnterprise = enterprise.preferences.indexOf(talentId);
      const byExpert = expert.preferences.indexOf(enterprise.id);
      const reasons = [...(f?.reasons ?? [])];
      if (byEnterprise >= 0) {
        reasons.unshift({
          zh: `企业意向第${byEnterprise + 1}位`,
          en: `The enterprise’s choice no. ${byEnterprise + 1}`,
        });
      }
      if (byExpert >= 0) {
        reasons.unshift({ zh: `专家意向第${byExpert + 1}位`, en: `The expert’s choice no. ${byExpert + 1}` });
      }
      const score = f?.score ?? 0;
      candidates.push({
        enterpriseId: enterprise.id,
        talentId,
        score,
        weight:
          score + preferenceBonus(byEnterprise, ENTERPRISE_FIRST) + preferenceBonus(byExpert, EXPERT_FIRST),
        reasons,
      });
    }
  }
  candidates.sort(
    (a, b) =>
      b.weight - a.weight ||
      (a.enterpriseId < b.enterpriseId ? -1 : a.enterpriseId > b.enterpriseId ? 1 : 0) ||
      (a.talentId < b.talentId ? -1 : a.talentId > b.talentId ? 1 : 0),
  );
  const paired = new Set<string>();
  const hadCandidate = new Set<string>();
  const pairs: ProposedPair[] = [];
  for (const c of candidates) {
    hadCandidate.add(c.enterpriseId);
    if (paired.has(c.enterpriseId)) continue;
    const room = capacity.get(c.talentId) ?? 0;
    if (room <= 0) continue;
    capacity.set(c.talentId, room - 1);
    paired.add(c.enterpriseId);
    pairs.push(c);
  }
  const left = input.enterprises
    .filter((e) => !paired.has(e.id))
    .map((e) => ({
      enterpriseId: e.id,
      reason: (hadCandidate.has(e.id) ? 'no_capacity' : 'no_fit') as LeftReason,
    }));
  return { pairs, left };
}
