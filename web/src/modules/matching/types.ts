/**
 * The matching API as the web sees it: its routes typed by the server's
 * contract (src/modules/matching/contract.ts), its code values (constants.ts),
 * and what only the web has.
 */

import { type Source, TARGETS, type Target } from '@server/modules/matching/constants.ts';
import type {
  matchResponse,
  mineQuery,
  searchRequest,
  suggestionsQuery,
} from '@server/modules/matching/contract.ts';
import type { BodyOf, ReplyOf } from '../../app/api.ts';

export type MatchingRoutes = {
  'GET /api/matching/suggestions': { query: typeof suggestionsQuery; reply: typeof matchResponse };
  'POST /api/matching/search': { body: typeof searchRequest; reply: typeof matchResponse };
  'GET /api/matching/mine': { query: typeof mineQuery; reply: typeof matchResponse };
};

/** What can be suggested or searched. */
export { TARGETS as MATCH_TARGETS } from '@server/modules/matching/constants.ts';
export type MatchTarget = Target;
/** What suggestions can start from: a list item or an expert (a talent record). */
export type MatchSource = Source;

export type MatchResponse = ReplyOf<MatchingRoutes['POST /api/matching/search']>;
export type MatchResult = MatchResponse['items'][number];
/** Why a result fits: a factor, its label in the caller's language, its weight, and the terms that hit. */
export type MatchReason = MatchResult['reasons'][number];
export type MatchSearchBody = BodyOf<MatchingRoutes['POST /api/matching/search']>;

export function isMatchTarget(value: string | null | undefined): value is MatchTarget {
  return (TARGETS as readonly string[]).includes(value ?? '');
}

/** The tabs of each source's suggestions, in order. */
export const SUGGESTION_TARGETS: Record<MatchSource, readonly MatchTarget[]> = {
  demands: ['experts', 'achievements', 'institutions'],
  'talent-demands': ['experts'],
  achievements: ['demands'],
  experts: ['demands', 'talent-demands'],
};
