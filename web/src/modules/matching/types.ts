/** The matching API's shapes (src/modules/matching). */
import type { ListKind } from '../lists/types.ts';

/** What can be suggested or searched. */
export const MATCH_TARGETS = [
  'experts',
  'achievements',
  'institutions',
  'demands',
  'talent-demands',
] as const;
export type MatchTarget = (typeof MATCH_TARGETS)[number];

export function isMatchTarget(value: string | null | undefined): value is MatchTarget {
  return (MATCH_TARGETS as readonly string[]).includes(value ?? '');
}

/** What suggestions can start from: a list item or an expert (a talent record). */
export type MatchSource = ListKind | 'experts';

/** The tabs of each source's suggestions, in order. */
export const SUGGESTION_TARGETS: Record<MatchSource, readonly MatchTarget[]> = {
  demands: ['experts', 'achievements', 'institutions'],
  'talent-demands': ['experts'],
  achievements: ['demands'],
  experts: ['demands', 'talent-demands'],
};

export type MatchFactor =
  | 'text'
  | 'topic'
  | 'discipline'
  | 'industry'
  | 'region'
  | 'load'
  | 'outcome'
  | 'members';

/** Why a result fits: a factor, its label in the caller's language, its weight, and the terms that hit. */
export interface MatchReason {
  factor: MatchFactor | string;
  label: string;
  value: number;
  terms?: string[];
}

export interface MatchResult {
  id: string;
  kind: string;
  code: string;
  name: string;
  score: number;
  summary: {
    /** Employer or owner. */
    subtitle: string | null;
    regionName: string | null;
    /** Discipline or industry names. */
    tags: string[];
    /** A list item's status, as its Chinese name (已发布) or code. */
    status: string | null;
  };
  reasons: MatchReason[];
}

export interface MatchResponse {
  against: string;
  items: MatchResult[];
  tookMs: number;
}

export interface MatchSearchBody {
  text: string;
  against: MatchTarget;
  top?: number;
}
