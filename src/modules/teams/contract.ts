import { z } from 'zod';
import { pageQuery, recordVersion, regionCode } from '../../platform/auth/contract.ts';
import { ruleSchema } from '../../platform/rules/tree.ts';
import { MEMBER_ROLES, TEAM_KINDS } from './constants.ts';

const member = z.strictObject({
  talentId: z.string().uuid(),
  /** chief (首席专家) | expert | manager (技术经理人) | member; the leader's own role is leaderRole. */
  role: z.enum(MEMBER_ROLES).default('member'),
  duty: z.string().trim().max(100).optional(),
});

export const teamInput = z.strictObject({
  name: z.string().trim().min(2).max(60),
  kind: z.enum(TEAM_KINDS).default('assistance'),
  description: z.string().trim().max(2000).optional(),
  regionCode,
  leaderTalentId: z.string().uuid(),
  /** The leader's place as the composition rules count it (an assistance team's leader is usually its chief expert). */
  leaderRole: z.enum(MEMBER_ROLES).default('member'),
  /** 结对县（市、区）: a county within the team's region (assistance teams). */
  countyCode: z
    .string()
    .regex(/^\d{6}$/, '请选择县（市、区）')
    .optional(),
  /** 主导产业: a GB/T 4754 code from the code list, and its name (a name no code list knows is kept as text). */
  industryCode: z.string().trim().max(10).optional(),
  industryName: z.string().trim().max(60).optional(),
  /** 人才驿站 where the team meets the county's enterprises. */
  stationId: z.string().uuid().optional(),
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
      role: z.enum(MEMBER_ROLES),
      duty: z.string().nullable(),
      leader: z.boolean(),
    }),
  ),
  countyCode: z.string().nullable(),
  countyName: z.string().nullable(),
  industryCode: z.string().nullable(),
  industryName: z.string().nullable(),
  station: z
    .object({
      id: z.string().uuid(),
      code: z.string(),
      name: z.string(),
      liaisonName: z.string().nullable(),
      /** Masked unless the caller may see personal data. */
      liaisonMobile: z.string().nullable(),
    })
    .nullable(),
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

/** The composition rules in force for a kind of team, for the form to show what is asked. */
export const compositionRulesView = z.object({
  kind: z.enum(TEAM_KINDS),
  version: z.number().int().nullable(),
  name: z.object({ zh: z.string(), en: z.string() }).nullable(),
  /** Each condition in words, in the caller's language. */
  conditions: z.array(z.string()),
  /** The rule tree itself, for an administrator to edit into a new version. */
  rule: z.unknown().nullable(),
  /** The facts a rule may name, with their names. */
  facts: z.array(
    z.object({ key: z.string(), name: z.object({ zh: z.string(), en: z.string() }), type: z.string() }),
  ),
});

/** A new version of a kind's composition rules (administrators): the tree, checked before it is stored. */
export const compositionRulesInput = z.strictObject({
  kind: z.enum(TEAM_KINDS),
  name: z.strictObject({ zh: z.string().trim().min(2).max(60), en: z.string().trim().min(2).max(80) }),
  rule: ruleSchema,
});
export type CompositionRulesInput = z.infer<typeof compositionRulesInput>;
