import { z } from 'zod';
import { pageQuery, recordVersion, regionCode } from '../../platform/auth/contract.ts';
import { TEAM_KINDS } from './constants.ts';

const member = z.strictObject({
  talentId: z.string().uuid(),
  duty: z.string().trim().max(100).optional(),
});

export const teamInput = z.strictObject({
  name: z.string().trim().min(2).max(60),
  kind: z.enum(TEAM_KINDS).default('assistance'),
  description: z.string().trim().max(2000).optional(),
  regionCode,
  leaderTalentId: z.string().uuid(),
  /** Everyone in the team besides the leader (the leader is always a member). */
  members: z.array(member).max(100).default([]),
});
export type TeamInput = z.infer<typeof teamInput>;

export const teamUpdate = teamInput.extend({
  version: recordVersion,
  archived: z.boolean().optional(),
});
export type TeamUpdate = z.infer<typeof teamUpdate>;

export const teamArchive = z.strictObject({ archived: z.boolean(), version: recordVersion });

export const teamsQuery = z.strictObject({
  ...pageQuery,
  /** Team name, or the name of one of its members (substring). */
  q: z.string().trim().max(64).optional(),
  kind: z.enum(TEAM_KINDS).optional(),
  archived: z.enum(['true', 'false']).optional(),
});

export const teamView = z.object({
  id: z.string().uuid(),
  name: z.string(),
  kind: z.enum(TEAM_KINDS),
  description: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  leader: z.object({ talentId: z.string(), code: z.string(), name: z.string() }).nullable(),
  members: z.array(
    z.object({
      talentId: z.string(),
      code: z.string(),
      name: z.string(),
      duty: z.string().nullable(),
      leader: z.boolean(),
    }),
  ),
  archived: z.boolean(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type TeamView = z.infer<typeof teamView>;

export const teamPage = z.object({
  items: z.array(teamView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
