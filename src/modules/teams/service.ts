import type { Actor } from '../../platform/access/actor.ts';
import { publicPrefix, regionInScope, scopeOf } from '../../platform/access/scope.ts';
import type { AuditService } from '../../platform/audit/service.ts';
import type { Clock } from '../../platform/clock.ts';
import { type Database, type Executor, PG_UNIQUE_VIOLATION, pgErrorCode } from '../../platform/db/client.ts';
import { httpError } from '../../platform/http/errors.ts';
import { regionFullName } from '../../reference/regions.ts';
import { References } from '../registry/references.ts';
import type { TeamInput, TeamUpdate, TeamView } from './contract.ts';
import { teamsError } from './errors.ts';
import { type TeamMemberWithName, TeamsRepository } from './repository.ts';
import type { TeamRow } from './schema.ts';

/**
 * 服务团队: operators set up standing teams of experts in their region; orders
 * can be dispatched to a team (its leader answers; members serve).
 */
export class TeamsService {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(
    actor: Actor,
    q: {
      q?: string | undefined;
      kind?: string | undefined;
      archived?: 'true' | 'false' | undefined;
      page: number;
      pageSize: number;
    },
  ) {
    const repo = new TeamsRepository(this.database.db);
    const { items, total } = await repo.list(this.seen(actor), {
      q: q.q,
      kind: q.kind,
      ...(q.archived ? { archived: q.archived === 'true' } : {}),
      page: q.page,
      pageSize: q.pageSize,
    });
    const members = await repo.members(items.map((t) => t.id));
    return {
      items: items.map((t) => view(t, members)),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  async get(actor: Actor, id: string): Promise<TeamView> {
    return this.load(this.database.db, this.seen(actor), id);
  }

  /** Operators see the teams of their region; experts and institutions those of their city. */
  private seen(actor: Actor): string {
    const prefix = scopeOf(actor).regionPrefix;
    return actor.permissions.has('teams.manage') ? prefix : publicPrefix(prefix);
  }

  async create(actor: Actor, input: TeamInput): Promise<TeamView> {
    this.checkRegion(actor, input.regionCode);
    return this.database.transaction(async (tx) => {
      const members = await this.checkMembers(tx, actor, input);
      const now = this.clock.now();
      const team = await new TeamsRepository(tx)
        .insert({
          name: input.name,
          kind: input.kind,
          description: input.description ?? null,
          regionCode: input.regionCode,
          leaderTalentId: input.leaderTalentId,
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        })
        .catch(rethrowDuplicate);
      await new TeamsRepository(tx).replaceMembers(team.id, members, now);
      await this.audit.record(tx, actor, {
        action: 'team.create',
        entity: 'team',
        entityId: team.id,
        regionCode: team.regionCode,
        changes: { name: { to: team.name }, leader: { to: input.leaderTalentId }, members: { to: members } },
      });
      return this.load(tx, '', team.id);
    });
  }

  async update(actor: Actor, id: string, input: TeamUpdate): Promise<TeamView> {
    this.checkRegion(actor, input.regionCode);
    return this.database.transaction(async (tx) => {
      const repo = new TeamsRepository(tx);
      const before = await repo.byId(id, scopeOf(actor).regionPrefix);
      if (!before) throw teamsError('TEAM_NOT_FOUND');
      const beforeMembers = await repo.members([id]);
      const members = await this.checkMembers(tx, actor, input);
      const now = this.clock.now();
      const after = await repo
        .update(id, input.version, {
          name: input.name,
          kind: input.kind,
          description: input.description ?? null,
          regionCode: input.regionCode,
          leaderTalentId: input.leaderTalentId,
          updatedAt: now,
          ...(input.archived === undefined
            ? {}
            : { archivedAt: input.archived ? (before.archivedAt ?? now) : null }),
        })
        .catch(rethrowDuplicate);
      if (!after) throw httpError('VERSION_CONFLICT', { details: { currentVersion: before.version } });
      await repo.replaceMembers(id, members, now);
      await this.audit.record(tx, actor, {
        action: 'team.update',
        entity: 'team',
        entityId: id,
        regionCode: after.regionCode,
        changes: {
          name: { from: before.name, to: after.name },
          leader: { from: before.leaderTalentId, to: after.leaderTalentId },
          members: { from: beforeMembers.map((m) => m.talentId), to: members.map((m) => m.talentId) },
          archived: { from: before.archivedAt !== null, to: after.archivedAt !== null },
        },
      });
      return this.load(tx, '', id);
    });
  }

  /** 归档 / 恢复 on its own: the members are left as they are. */
  async archive(actor: Actor, id: string, input: { archived: boolean; version: number }): Promise<TeamView> {
    return this.database.transaction(async (tx) => {
      const repo = new TeamsRepository(tx);
      const before = await repo.byId(id, scopeOf(actor).regionPrefix);
      if (!before) throw teamsError('TEAM_NOT_FOUND');
      const after = await repo.update(id, input.version, {
        archivedAt: input.archived ? (before.archivedAt ?? this.clock.now()) : null,
        updatedAt: this.clock.now(),
      });
      if (!after) throw httpError('VERSION_CONFLICT', { details: { currentVersion: before.version } });
      await this.audit.record(tx, actor, {
        action: input.archived ? 'team.archive' : 'team.restore',
        entity: 'team',
        entityId: id,
        regionCode: after.regionCode,
        changes: { archived: { from: before.archivedAt !== null, to: after.archivedAt !== null } },
      });
      return this.load(tx, '', id);
    });
  }

  private checkRegion(actor: Actor, regionCode: string): void {
    if (!regionInScope(regionCode, scopeOf(actor))) {
      throw teamsError('TEAM_REGION_OUT_OF_SCOPE', {
        fields: [{ path: 'body.regionCode', message: '只能选择本人管辖地区' }],
      });
    }
  }

  /** The leader and the members must be experts of the registry, not archived; the leader is always a member. */
  private async checkMembers(tx: Executor, actor: Actor, input: TeamInput) {
    const members = new Map<string, string | null>([[input.leaderTalentId, null]]);
    for (const m of input.members) members.set(m.talentId, m.duty ?? members.get(m.talentId) ?? null);
    await new References(tx, actor).all(
      'talents',
      [...members.keys()],
      (id, row) =>
        teamsError('TEAM_MEMBER_UNKNOWN', {
          params: { who: row ? `${row.name}（${row.code}）` : id },
          details: { talentId: id },
          fields: [
            {
              path: id === input.leaderTalentId ? 'body.leaderTalentId' : 'body.members',
              message: row ? `${row.name}（${row.code}）不是专家或已归档` : '专家不存在或不在您的管辖范围内',
            },
          ],
        }),
      { expert: true },
    );
    return [...members].map(([talentId, duty]) => ({ talentId, duty }));
  }

  private async load(db: Executor, regionPrefix: string, id: string): Promise<TeamView> {
    const repo = new TeamsRepository(db);
    const team = await repo.byId(id, regionPrefix);
    if (!team) throw teamsError('TEAM_NOT_FOUND');
    return view(team, await repo.members([team.id]));
  }
}

function view(team: TeamRow, members: TeamMemberWithName[]): TeamView {
  const mine = members.filter((m) => m.teamId === team.id);
  const leader = mine.find((m) => m.talentId === team.leaderTalentId);
  return {
    id: team.id,
    name: team.name,
    kind: team.kind as TeamView['kind'],
    description: team.description,
    regionCode: team.regionCode,
    regionName: regionFullName(team.regionCode),
    leader: leader ? { talentId: leader.talentId, code: leader.code, name: leader.name } : null,
    members: mine.map((m) => ({
      talentId: m.talentId,
      code: m.code,
      name: m.name,
      duty: m.duty,
      leader: m.talentId === team.leaderTalentId,
    })),
    archived: team.archivedAt !== null,
    updatedAt: team.updatedAt.toISOString(),
    version: team.version,
  };
}

function rethrowDuplicate(err: unknown): never {
  if (pgErrorCode(err) === PG_UNIQUE_VIOLATION) {
    throw teamsError('TEAM_NAME_TAKEN', {
      cause: err,
      fields: [{ path: 'body.name', message: '本地区已有同名服务团队' }],
    });
  }
  throw err;
}
