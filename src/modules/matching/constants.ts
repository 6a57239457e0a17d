/**
 * What matching suggests and searches, what it starts from, and the factors a
 * result's reasons name. Pure data: the web bundles this file.
 */

/** The kinds of record a suggestion or a search can return. */
export const TARGETS = ['experts', 'achievements', 'institutions', 'demands', 'talent-demands'] as const;
export type Target = (typeof TARGETS)[number];

/** What suggestions can start from: a list item or an expert (a talent record). */
export const SOURCES = ['demands', 'talent-demands', 'achievements', 'experts'] as const;
export type Source = (typeof SOURCES)[number];

/** The factors of a result's score, each given as a reason. */
export const FACTORS = [
  'text',
  'discipline',
  'industry',
  'topic',
  'region',
  'load',
  'outcome',
  'members',
] as const;
export type Factor = (typeof FACTORS)[number];

/**
 * 匹配度 levels, best first. A result's 匹配度 is 0–100 (see score.ts); each level starts at its floor,
 * and a result below the lowest floor is not shown (the answer says how many were left out). The web
 * writes the meaning of each level beside the score, with these numbers.
 */
export const MATCH_LEVELS = ['high', 'medium', 'low'] as const;
export type MatchLevel = (typeof MATCH_LEVELS)[number];

/** The lowest 匹配度 of each level. */
export const LEVEL_FLOORS: Readonly<Record<MatchLevel, number>> = { high: 60, medium: 40, low: 20 };

/** The level of a 匹配度, or null below the lowest (not shown). */
export function matchLevel(score: number): MatchLevel | null {
  return MATCH_LEVELS.find((level) => score >= LEVEL_FLOORS[level]) ?? null;
}
