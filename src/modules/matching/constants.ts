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
