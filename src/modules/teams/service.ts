import type { Actor } from '../../platform/access/actor.ts';
import { publicPrefix, regionInScope, scopeOf } from '../../platform/access/scope.ts';
import type { AuditService } from '../../platform/audit/service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCipher } from '../../platform/crypto/fields.ts';
import { type Database, type Executor, PG_UNIQUE_VIOLATION, pgErrorCode } from '../../platform/db/client.ts';
import { httpError } from '../../platform/http/errors.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { maskMobile } from '../../reference/mobile.ts';
import { regionFullName, regionLevel, scopePrefix } from '../../reference/regions.ts';
import { References } from '../registry/references.ts';
import { RegistryRepository } from '../registry/repository.ts';
import type { stations as stationsTable } from '../registry/schema.ts';
import { checkComposition, compositionRules, saveCompositionRules } from './composition.ts';
import type { MemberRole, TeamKind } from './constants.ts';
import type { CompositionRulesInput, TeamInput, TeamUpdate, TeamView } from './contract.ts';
import { teamsError } from './errors.ts';
import { type TeamMemberWithName, TeamsRepository } from './repository.ts';
import type { TeamRow } from './schema.ts';

type StationRow = typeof stationsTable.$inferSelect;

/**
 * 服务团队: operators set up standing teams of experts in their region; orders
 * can be dispatched to a team (its leader answers; members serve).
 */
export class TeamsService {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    /** Masks the station liaison's mobile on the team's view. */
    private readonly cipher: FieldCipher,
  ) {}

  /** The composition rules in force for a kind of team, in words. */
  rules(kind: TeamKind, locale: Locale) {
    return compositionRules(this.database.db, kind, locale);
  }

  /** 组建规则: an administrator stores a new version; teams set up from now on are checked by it. */
  async saveRules(actor: Actor, input: CompositionRulesInput, locale: Locale) {
    await this.database.transaction(async (tx) => {
      const saved = await saveCompositionRules(tx, input, actor.userId, this.clock.now());
      await this.audit.record(tx, actor, {
        action: 'rules.update',
        entity: 'rule_set',
        entityId: saved.key,
        changes: { key: { to: saved.key }, version: { to: saved.version }, rule: { to: saved.rule } },
      });
    });
    return compositionRules(this.database.db, input.kind, locale);
  }

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
    const stations = await this.stations(this.database.db, items);
    return {
      items: items.map((t) => this.view(t, members, stations)),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  async get(actor: Actor, id: string): Promise<TeamView> {
    return this.load(this.database.db, this.seen(actor), id);
  }

  private seen(actor: Actor): string {
    return teamsSeenPrefix(actor);
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
          ...pairing(input),
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
        changes: {
          name: { to: team.name },
          leader: { to: input.leaderTalentId },
          members: { to: members },
          county: { to: team.countyCode },
          industry: { to: team.industryName },
          station: { to: team.stationId },
        },
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
          ...pairing(input),
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
          members: {
            from: beforeMembers.map((m) => ({ talentId: m.talentId, role: m.role })),
            to: members.map((m) => ({ talentId: m.talentId, role: m.role })),
          },
          county: { from: before.countyCode, to: after.countyCode },
          industry: { from: before.industryName, to: after.industryName },
          station: { from: before.stationId, to: after.stationId },
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

  /**
   * The leader and the members must be experts of the registry, not
   * archived; the leader is always a member. The paired county lies in the
   * team's region, the station is one the caller sees, and the whole team
   * meets its kind's composition rules (data, composition.ts).
   */
  private async checkMembers(tx: Executor, actor: Actor, input: TeamInput) {
    const members = new Map<string, { role: MemberRole; duty: string | null }>([
      [input.leaderTalentId, { role: input.leaderRole, duty: null }],
    ]);
    for (const m of input.members) {
      const before = members.get(m.talentId);
      members.set(m.talentId, {
        role: m.talentId === input.leaderTalentId ? input.leaderRole : m.role,
        duty: m.duty ?? before?.duty ?? null,
      });
    }
    const refs = new References(tx, actor);
    const rows = await refs.all(
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
    if (
      input.countyCode &&
      (regionLevel(input.countyCode) !== 'county' ||
        !input.countyCode.startsWith(scopePrefix(input.regionCode)))
    ) {
      throw teamsError('TEAM_COUNTY_OUT_OF_SCOPE', {
        fields: [{ path: 'body.countyCode', message: '须为团队所属地区内的县（市、区）' }],
      });
    }
    if (input.stationId) {
      await refs.one('stations', input.stationId, () =>
        teamsError('TEAM_STATION_UNKNOWN', {
          fields: [{ path: 'body.stationId', message: '人才驿站不存在或不在您的管辖范围内' }],
        }),
      );
    }
    await checkComposition(tx, input.kind, {
      members: [...members].map(([id, m]) => ({
        role: m.role,
        honourLevel: rows.get(id)?.honourLevel ?? null,
      })),
      countyCode: input.countyCode,
      industryName: input.industryName,
      stationId: input.stationId,
    });
    return [...members].map(([talentId, m]) => ({ talentId, role: m.role, duty: m.duty }));
  }

  private async load(db: Executor, regionPrefix: string, id: string): Promise<TeamView> {
    const repo = new TeamsRepository(db);
    const team = await repo.byId(id, regionPrefix);
    if (!team) throw teamsError('TEAM_NOT_FOUND');
    return this.view(team, await repo.members([team.id]), await this.stations(db, [team]));
  }

  /** The stations teams meet at, whatever their scope: a team the caller sees shows its station's name. */
  private async stations(db: Executor, list: readonly TeamRow[]) {
    const ids = list.map((t) => t.stationId).filter((id): id is string => id !== null);
    return ids.length ? new RegistryRepository(db).linkedByIds('stations', ids) : new Map();
  }

  private view(team: TeamRow, members: TeamMemberWithName[], stations: Map<string, StationRow>): TeamView {
    const station = team.stationId ? stations.get(team.stationId) : undefined;
    return Object.assign(view(team, members), {
      station: station
        ? {
            id: station.id,
            code: station.code,
            name: station.name,
            liaisonName: station.liaisonName,
            liaisonMobile: station.liaisonMobileEnc
              ? this.cipher.masked(station.liaisonMobileEnc, maskMobile)
              : null,
          }
        : null,
    });
  }
}

/** An assistance team's pairing: county, leading industry (code and name as given) and station. */
function pairing(input: TeamInput) {
  return {
    countyCode: input.countyCode ?? null,
    industryCode: input.industryCode ?? null,
    industryName: input.industryName ?? null,
    stationId: input.stationId ?? null,
  };
}

function view(team: TeamRow, members: TeamMemberWithName[]): Omit<TeamView, 'station'> {
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
      role: m.role,
      duty: m.duty,
      leader: m.talentId === team.leaderTalentId,
    })),
    countyCode: team.countyCode,
    countyName: team.countyCode ? regionFullName(team.countyCode) : null,
    industryCode: team.industryCode,
    industryName: team.industryName,
    archived: team.archivedAt !== null,
    updatedAt: team.updatedAt.toISOString(),
    version: team.version,
  };
}

/**
 * Which teams a caller sees: operators those of their region; experts and
 * institutions those of their city (and so their plans, sessions and visits).
 */
export function teamsSeenPrefix(actor: Actor): string {
  const prefix = scopeOf(actor).regionPrefix;
  return actor.permissions.has('teams.manage') ? prefix : publicPrefix(prefix);
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
