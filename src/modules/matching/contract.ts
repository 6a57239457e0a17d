import { z } from 'zod';
import { FACTORS, MATCH_LEVELS, SOURCES, TARGETS } from './constants.ts';

const top = z.coerce.number().int().min(1).max(100).default(10);

export const suggestionsQuery = z.strictObject({
  from: z.enum(SOURCES),
  id: z.string().uuid(),
  against: z.enum(TARGETS),
  top,
});

export const searchRequest = z.strictObject({
  /** Any text; long texts are cut to their first 20,000 characters for analysis. */
  text: z.string().max(1_000_000),
  against: z.enum(TARGETS),
  top,
  regionCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});

export const mineQuery = z.strictObject({ against: z.enum(TARGETS).default('demands'), top });

export const matchResultView = z.object({
  id: z.string(),
  kind: z.enum(TARGETS),
  code: z.string(),
  name: z.string(),
  /** 匹配度, 0–100: the same for any question (see score.ts), best first. */
  score: z.number(),
  /** 高/中/低 (constants.ts LEVEL_FLOORS); a suggestion below the lowest is not given. */
  level: z.enum(MATCH_LEVELS),
  summary: z.object({
    subtitle: z.string().nullable(),
    regionName: z.string().nullable(),
    tags: z.array(z.string()),
    status: z.string().nullable(),
  }),
  reasons: z.array(
    z.object({
      factor: z.enum(FACTORS),
      label: z.string(),
      value: z.number(),
      terms: z.array(z.string()).optional(),
    }),
  ),
});

export const matchResponse = z.object({
  against: z.enum(TARGETS),
  items: z.array(matchResultView),
  /** How many of the results asked for were left out as below the lowest level (or unexplained). */
  hidden: z.number().int(),
  /** What would find better results (a record's keywords, a more specific description …), for the page to say. */
  advice: z.string(),
  tookMs: z.number(),
});
