import {
  and,
  asc,
  count,
  desc,
  eq,
  exists,
  ilike,
  inArray,
  isNotNull,
  isNull,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import { regionPrefixCondition } from '../../platform/access/scope.ts';
import type { Executor } from '../../platform/db/client.ts';
import { containing } from '../../platform/db/like.ts';
import { talents } from '../registry/schema.ts';
import type { MemberRole } from './constants.ts';
import { type TeamRow, teamMembers, teams } from './schema.ts';

export interface TeamMemberWithName {
  teamId: string;
  talentId: string;
  name: string;
  code: string;
  role: MemberRole;
  duty: string | null;
  userId: string | null;
}

export class TeamsRepository {
  constructor(private readonly db: Executor) {}

  async list(
    regionPrefix: string,
    q: {
      q?: string | undefined;
      kind?: string | undefined;
      archived?: boolean;
      page: number;
      pageSize: number;
    },
  ): Promise<{ items: TeamRow[]; total: number }> {
    const like = q.q ? containing(q.q) : undefined;
    const where: SQL | undefined = and(
      regionPrefixCondition(teams.regionCode, regionPrefix),
      q.kind ? eq(teams.kind, q.kind) : undefined,
      q.archived === undefined
        ? undefined
        : q.archived
          ? isNotNull(teams.archivedAt)
          : isNull(teams.archivedAt),
      like
        ? or(
            ilike(teams.name, like),
            exists(
              this.db
                .select({ one: sql`1` })
                .from(teamMembers)
                .innerJoin(talents, eq(talents.id, teamMembers.talentId))
                .where(and(eq(teamMembers.teamId, teams.id), ilike(talents.name, like))),
            ),
          )
        : undefined,
    );
    const items = await this.db
      .select()
      .from(teams)
      .where(where)
      .orderBy(desc(teams.updatedAt), asc(teams.name))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize);
    const [total] = await this.db.select({ n: count() }).from(teams).where(where);
    return { items, total: total?.n ?? 0 };
  }

  async byId(id: string, regionPrefix: string): Promise<TeamRow | undefined> {
    const [row] = await this.db
      .select()
      .from(teams)
      .where(and(eq(teams.id, id), regionPrefixCondition(teams.regionCode, regionPrefix)));
    return row;
  }

  /** Every team of a region that is not archived, in name order (the standing service's office view). */
  async active(regionPrefix: string): Promise<TeamRow[]> {
    return this.db
      .select()
      .from(teams)
      .where(and(regionPrefixCondition(teams.regionCode, regionPrefix), isNull(teams.archivedAt)))
      .orderBy(asc(teams.name));
  }

  async members(teamIds: readonly string[]): Promise<TeamMemberWithName[]> {
    if (teamIds.length === 0) return [];
    return this.db
      .select({
        teamId: teamMembers.teamId,
        talentId: teamMembers.talentId,
        name: talents.name,
        code: talents.code,
        role: teamMembers.role,
        duty: teamMembers.duty,
        userId: talents.userId,
      })
      .from(teamMembers)
      .innerJoin(talents, eq(talents.id, teamMembers.talentId))
      .where(inArray(teamMembers.teamId, [...teamIds]))
      .orderBy(asc(teamMembers.joinedAt), asc(talents.code));
  }

  async insert(values: typeof teams.$inferInsert): Promise<TeamRow> {
    const [row] = await this.db.insert(teams).values(values).returning();
    return row!;
  }

  /** Compare-and-set on version; undefined when the team changed since it was read. */
  async update(id: string, version: number, values: Partial<typeof teams.$inferInsert>) {
    const [row] = await this.db
      .update(teams)
      .set({ ...values, version: sql`${teams.version} + 1` })
      .where(and(eq(teams.id, id), eq(teams.version, version)))
      .returning();
    return row;
  }

  async replaceMembers(
    teamId: string,
    members: readonly { talentId: string; role: MemberRole; duty: string | null }[],
    now: Date,
  ): Promise<void> {
    const before = await this.db
      .select({ talentId: teamMembers.talentId })
      .from(teamMembers)
      .where(eq(teamMembers.teamId, teamId));
    const keep = new Set(members.map((m) => m.talentId));
    const gone = before.map((b) => b.talentId).filter((id) => !keep.has(id));
    if (gone.length > 0) {
      await this.db
        .delete(teamMembers)
        .where(and(eq(teamMembers.teamId, teamId), inArray(teamMembers.talentId, gone)));
    }
    for (const m of members) {
      await this.db
        .insert(teamMembers)
        .values({ teamId, talentId: m.talentId, role: m.role, duty: m.duty, joinedAt: now })
        .onConflictDoUpdate({
          target: [teamMembers.teamId, teamMembers.talentId],
          set: { role: m.role, duty: m.duty },
        });
    }
  }
}
