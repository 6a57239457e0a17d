import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { regionInScope, scopeOf } from '../../platform/access/scope.ts';
import type { AuditService } from '../../platform/audit/service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db/client.ts';
import { httpError } from '../../platform/http/errors.ts';
import { chinaDate } from '../../reference/china-time.ts';
import type { WorkCalendar } from '../../reference/workdays.ts';
import type { MatchingService } from '../matching/service.ts';
import { References } from '../registry/references.ts';
import { planSpan } from './cadence.ts';
import { CommissionersRepository } from './commissioners-repository.ts';
import { DEFAULT_PORTFOLIO_LIMIT, DEFAULT_VISIT_CADENCE, MAX_TERM_YEARS } from './constants.ts';
import type {
  EntriesInput,
  PairInput,
  PreferencesInput,
  RoundInput,
  RoundView,
} from './contract-commissioners.ts';
import { standingError } from './errors.ts';
import { StandingRepository } from './repository.ts';
import {
  partyOf,
  proposalFor,
  refuseOver,
  refuseServed,
  rooms,
  roundView,
  servedElsewhere,
} from './round-views.ts';
import type { CommissionerRoundRow } from './schema.ts';

/**
 * 科技特派员: an office opens a round for a term, enterprises and experts join
 * it and state preferences, the platform proposes pairs from matching
 * (pairing.ts), the operator changes what it must and confirms; the pairs
 * become terms whose visits are planned on the working-day calendar. A
 * make-up round pairs those left over. No expert serves more enterprises at
 * once than the round's limit, and an expert serves in two regions only if
 * both allow it.
 */
export class CommissionersService {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly calendar: WorkCalendar,
    private readonly matching: MatchingService,
  ) {}

  private today(): string {
    return chinaDate(this.clock.now());
  }

  private canManage(actor: Actor): boolean {
    return actor.permissions.has('standing.manage');
  }

  /** A round the caller may see: the region's for an operator, one they take part in otherwise. */
  private async seenRound(db: Executor, actor: Actor, id: string) {
    const repo = new CommissionersRepository(db);
    if (this.canManage(actor)) {
      const round = await repo.round(id, scopeOf(actor).regionPrefix);
      if (round) return { round, party: undefined };
    } else {
      const party = await partyOf(db, actor);
      const round = party ? await repo.round(id, '') : undefined;
      if (round && party && (await repo.entryOf(round.id, party))) return { round, party };
    }
    throw standingError('ROUND_NOT_FOUND');
  }

  private async managedRound(db: Executor, actor: Actor, id: string, open = true) {
    const round = await new CommissionersRepository(db).round(id, scopeOf(actor).regionPrefix);
    if (!round) throw standingError('ROUND_NOT_FOUND');
    if (open && round.status === 'confirmed') throw standingError('ROUND_CONFIRMED');
    return round;
  }

  async create(actor: Actor, input: RoundInput): Promise<RoundView> {
    const regionCode = input.regionCode ?? actor.regionCode;
    if (!regionInScope(regionCode, scopeOf(actor))) throw standingError('ROUND_REGION_OUTSIDE');
    const years = (Date.parse(input.termEnd) - Date.parse(input.termStart)) / (365.25 * 86_400_000);
    if (years > MAX_TERM_YEARS)
      throw standingError('ROUND_TERM_TOO_LONG', { params: { years: MAX_TERM_YEARS } });
    const id = await this.database.transaction(async (tx) => {
      const now = this.clock.now();
      const round = await new CommissionersRepository(tx).insertRound({
        scopeRegion: regionCode,
        name: input.name,
        termStart: input.termStart,
        termEnd: input.termEnd,
        portfolioLimit: input.portfolioLimit ?? DEFAULT_PORTFOLIO_LIMIT,
        visitCadence: input.visitCadence ?? DEFAULT_VISIT_CADENCE,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      });
      if (!round) throw standingError('ROUND_NAME_TAKEN', { params: { name: input.name } });
      await this.audit.record(tx, actor, {
        action: 'standing.round.create',
        entity: 'commissioner_round',
        entityId: round.id,
        regionCode,
        changes: { name: { to: round.name }, term: { to: [round.termStart, round.termEnd] } },
      });
      return round.id;
    });
    return this.round(actor, id);
  }

  async round(actor: Actor, id: string): Promise<RoundView> {
    const db = this.database.db;
    const { round, party } = await this.seenRound(db, actor, id);
    return roundView(db, round, party, this.canManage(actor) && !party);
  }

  /** Adds enterprises and experts of the caller's scope to an open round (those already in it stay as they are). */
  async addEntries(actor: Actor, id: string, input: EntriesInput): Promise<RoundView> {
    await this.database.transaction(async (tx) => {
      const round = await this.managedRound(tx, actor, id);
      const refs = new References(tx, actor);
      const enterprises = await refs.all(
        'enterprises',
        input.enterprises.map((x) => x.id),
        () => standingError('STANDING_ENTERPRISE_UNKNOWN'),
      );
      await refs.all(
        'talents',
        input.experts.map((x) => x.id),
        () => standingError('STANDING_TALENT_UNKNOWN'),
        { expert: true },
      );
      const repo = new CommissionersRepository(tx);
      const added = await repo.addEntries([
        ...input.enterprises.map((x) => ({
          roundId: round.id,
          side: 'enterprise' as const,
          enterpriseId: x.id,
          need: x.need ?? null,
        })),
        ...input.experts.map((x) => ({ roundId: round.id, side: 'expert' as const, talentId: x.id })),
      ]);
      await repo.touchRound(round.id, this.clock.now());
      await this.audit.record(tx, actor, {
        action: 'standing.round.entries',
        entity: 'commissioner_round',
        entityId: round.id,
        regionCode: round.scopeRegion,
        changes: {
          enterprises: { to: [...enterprises.values()].map((e) => e.name) },
          experts: { to: input.experts.map((x) => x.id) },
          added: { to: added },
        },
      });
    });
    return this.round(actor, id);
  }

  async removeEntry(actor: Actor, id: string, entryId: string): Promise<RoundView> {
    await this.database.transaction(async (tx) => {
      const round = await this.managedRound(tx, actor, id);
      const repo = new CommissionersRepository(tx);
      const entry = await repo.entry(round.id, entryId);
      if (!entry) throw standingError('ROUND_ENTRY_NOT_FOUND');
      await repo.dropProposed(round.id, {
        ...(entry.enterpriseId ? { enterpriseId: entry.enterpriseId } : {}),
        ...(entry.talentId ? { talentId: entry.talentId } : {}),
      });
      await repo.deleteEntry(entry.id);
      await repo.touchRound(round.id, this.clock.now());
      await this.audit.record(tx, actor, {
        action: 'standing.round.entries',
        entity: 'commissioner_round',
        entityId: round.id,
        regionCode: round.scopeRegion,
        changes: { removed: { from: entry.enterpriseId ?? entry.talentId } },
      });
    });
    return this.round(actor, id);
  }

  /**
   * A participant's preferences: stated by the enterprise or expert itself
   * (no entry id: the caller's own), or entered by the operator for them.
   */
  async setPreferences(
    actor: Actor,
    id: string,
    entryId: string | undefined,
    input: PreferencesInput,
  ): Promise<RoundView> {
    await this.database.transaction(async (tx) => {
      const repo = new CommissionersRepository(tx);
      let round: CommissionerRoundRow;
      let entry: Awaited<ReturnType<CommissionersRepository['entry']>>;
      if (entryId) {
        round = await this.managedRound(tx, actor, id);
        entry = await repo.entry(round.id, entryId);
        if (!entry) throw standingError('ROUND_ENTRY_NOT_FOUND');
      } else {
        const seen = await this.seenRound(tx, actor, id).catch(() => undefined);
        if (!seen?.party) throw standingError('ROUND_NOT_PARTICIPANT');
        round = seen.round;
        if (round.status === 'confirmed') throw standingError('ROUND_CONFIRMED');
        entry = await repo.entryOf(round.id, seen.party);
        if (!entry) throw standingError('ROUND_NOT_PARTICIPANT');
      }
      const others = new Set(
        (await repo.entries(round.id))
          .filter((x) => x.entry.side !== entry.side)
          .map((x) => (x.entry.enterpriseId ?? x.entry.talentId) as string),
      );
      if (
        input.preferences.some((p) => !others.has(p)) ||
        new Set(input.preferences).size !== input.preferences.length
      ) {
        throw standingError('ROUND_PREFERENCE_UNKNOWN', {
          fields: [{ path: 'body.preferences', message: '意向只能填写本轮另一方的参与者，且不重复' }],
        });
      }
      const now = this.clock.now();
      await repo.updateEntry(entry.id, {
        preferences: input.preferences,
        preferencesByName: actor.displayName,
        preferencesAt: now,
        ...(input.need !== undefined && entry.side === 'enterprise' ? { need: input.need } : {}),
      });
      await repo.touchRound(round.id, now);
      await this.audit.record(tx, actor, {
        action: 'standing.round.preferences',
        entity: 'commissioner_round',
        entityId: round.id,
        regionCode: round.scopeRegion,
        changes: {
          party: { to: entry.enterpriseId ?? entry.talentId },
          preferences: { from: entry.preferences, to: input.preferences },
        },
      });
    });
    return this.round(actor, id);
  }

  /**
   * 生成配对建议: replaces the round's proposals by the best pairs within
   * each expert's room (the limit less the terms held in other rounds at
   * the same time, none where the regions do not allow serving in two).
   */
  async propose(actor: Actor, id: string): Promise<RoundView> {
    const db = this.database.db;
    const round = await this.managedRound(db, actor, id);
    const { proposal, enterpriseEntries } = await proposalFor(db, this.matching, round);
    await this.database.transaction(async (tx) => {
      const now = this.clock.now();
      const r = new CommissionersRepository(tx);
      const after = await r.updateRound(round.id, round.version, {
        status: 'proposed',
        proposedAt: now,
        updatedAt: now,
      });
      if (!after) throw httpError('VERSION_CONFLICT', { details: { currentVersion: round.version } });
      await r.dropProposed(round.id);
      await r.clearLeft(round.id);
      await r.addPairings(
        proposal.pairs.map((p) => ({
          roundId: round.id,
          scopeRegion: round.scopeRegion,
          talentId: p.talentId,
          enterpriseId: p.enterpriseId,
          termStart: round.termStart,
          termEnd: round.termEnd,
          score: p.score,
          reasons: p.reasons,
          createdAt: now,
        })),
      );
      for (const left of proposal.left) {
        const entry = enterpriseEntries.find((x) => x.entry.enterpriseId === left.enterpriseId);
        if (entry) await r.updateEntry(entry.entry.id, { leftReason: left.reason });
      }
      await this.audit.record(tx, actor, {
        action: 'standing.round.propose',
        entity: 'commissioner_round',
        entityId: round.id,
        regionCode: round.scopeRegion,
        changes: { pairs: { to: proposal.pairs.length }, left: { to: proposal.left.length } },
      });
    });
    return this.round(actor, id);
  }

  /** The operator sets or clears the pair of one enterprise before the round is confirmed. */
  async setPair(actor: Actor, id: string, input: PairInput): Promise<RoundView> {
    await this.database.transaction(async (tx) => {
      const round = await this.managedRound(tx, actor, id);
      const repo = new CommissionersRepository(tx);
      const entry = await repo.entryOf(round.id, { enterpriseId: input.enterpriseId });
      if (!entry) throw standingError('ROUND_ENTRY_NOT_FOUND');
      const pairs = await repo.pairings(round.id);
      const before = pairs.find((p) => p.enterpriseId === input.enterpriseId);
      await repo.dropProposed(round.id, { enterpriseId: input.enterpriseId });
      if (input.talentId) {
        const expert = await repo.entryOf(round.id, { talentId: input.talentId });
        if (!expert) throw standingError('ROUND_PAIR_EXPERT_UNKNOWN');
        await refuseServed(tx, round, [input.enterpriseId]);
        const room = (await rooms(tx, round, [input.talentId])).get(input.talentId)!;
        const inRound = pairs.filter(
          (p) => p.talentId === input.talentId && p.enterpriseId !== input.enterpriseId,
        ).length;
        await refuseOver(tx, input.talentId, room, inRound + 1, round.portfolioLimit);
        await repo.addPairings([
          {
            roundId: round.id,
            scopeRegion: round.scopeRegion,
            talentId: input.talentId,
            enterpriseId: input.enterpriseId,
            termStart: round.termStart,
            termEnd: round.termEnd,
            score: null,
            reasons: [{ zh: '运营人员指定', en: 'Chosen by the operator' }],
          },
        ]);
        await repo.updateEntry(entry.id, { leftReason: null });
      }
      await repo.touchRound(round.id, this.clock.now());
      await this.audit.record(tx, actor, {
        action: 'standing.round.pair',
        entity: 'commissioner_round',
        entityId: round.id,
        regionCode: round.scopeRegion,
        changes: {
          enterpriseId: { to: input.enterpriseId },
          talentId: { from: before?.talentId ?? null, to: input.talentId },
        },
      });
    });
    return this.round(actor, id);
  }

  /**
   * 确认: the round's pairs become terms and their visits are planned (from
   * today or the term's first day). Confirming a confirmed round changes
   * nothing and answers it as it is. The limits are checked again under a
   * lock, as another round may have confirmed the same expert since.
   */
  async confirm(actor: Actor, id: string, version: number): Promise<RoundView> {
    await this.database.transaction(async (tx) => {
      const round = await this.managedRound(tx, actor, id, false);
      if (round.status === 'confirmed') return;
      if (round.status !== 'proposed') throw standingError('ROUND_NOT_PROPOSED');
      // One confirmation at a time across the platform: portfolios span rounds and regions.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('standing.commissioners.confirm'))`);
      const repo = new CommissionersRepository(tx);
      const pairs = await repo.pairings(round.id);
      await refuseServed(
        tx,
        round,
        pairs.map((p) => p.enterpriseId),
      );
      const perTalent = new Map<string, number>();
      for (const p of pairs) perTalent.set(p.talentId, (perTalent.get(p.talentId) ?? 0) + 1);
      const roomOf = await rooms(tx, round, [...perTalent.keys()]);
      for (const [talentId, n] of perTalent)
        await refuseOver(tx, talentId, roomOf.get(talentId)!, n, round.portfolioLimit);
      const now = this.clock.now();
      const after = await repo.updateRound(round.id, version, {
        status: 'confirmed',
        confirmedAt: now,
        confirmedBy: actor.userId,
        updatedAt: now,
      });
      if (!after) throw httpError('VERSION_CONFLICT', { details: { currentVersion: round.version } });
      const confirmed = await repo.confirmPairings(round.id, now, actor.userId);
      const from = later(this.today(), round.termStart);
      const sessions = planSpan(this.calendar, from, round.termEnd, { commission_visit: round.visitCadence });
      const standing = new StandingRepository(tx);
      let planned = 0;
      for (const p of confirmed) {
        planned += await standing.addOccurrences(
          {
            subject: 'commission',
            ownerId: p.id,
            pairingId: p.id,
            talentId: p.talentId,
            scopeRegion: p.scopeRegion,
          },
          sessions,
        );
      }
      await this.audit.record(tx, actor, {
        action: 'standing.round.confirm',
        entity: 'commissioner_round',
        entityId: round.id,
        regionCode: round.scopeRegion,
        changes: {
          status: { from: round.status, to: 'confirmed' },
          terms: { to: confirmed.length },
          planned: { to: planned },
        },
      });
    });
    return this.round(actor, id);
  }

  /** 补充轮: the enterprises a confirmed round left over, with its experts who still have room. */
  async makeup(actor: Actor, id: string, name?: string): Promise<RoundView> {
    const created = await this.database.transaction(async (tx) => {
      const parent = await this.managedRound(tx, actor, id, false);
      if (parent.status !== 'confirmed') throw standingError('ROUND_NOT_CONFIRMED');
      const repo = new CommissionersRepository(tx);
      const entries = await repo.entries(parent.id);
      const paired = new Set((await repo.pairings(parent.id)).map((p) => p.enterpriseId));
      const unpaired = entries.filter(
        (x) => x.entry.side === 'enterprise' && !paired.has(x.entry.enterpriseId as string),
      );
      // Those a commissioner of another round serves are not left over: they have one.
      const served = new Set(
        (
          await servedElsewhere(
            tx,
            parent,
            unpaired.map((x) => x.entry.enterpriseId as string),
          )
        ).map((s) => s.enterpriseId),
      );
      const left = unpaired.filter((x) => !served.has(x.entry.enterpriseId as string));
      if (left.length === 0) throw standingError('ROUND_NOTHING_LEFT');
      const experts = entries.filter((x) => x.entry.side === 'expert').map((x) => x.entry.talentId as string);
      const now = this.clock.now();
      const round = await repo.insertRound({
        scopeRegion: parent.scopeRegion,
        name: name ?? `${parent.name}（补充轮）`,
        kind: 'makeup',
        parentId: parent.id,
        termStart: later(this.today(), parent.termStart),
        termEnd: parent.termEnd,
        portfolioLimit: parent.portfolioLimit,
        visitCadence: parent.visitCadence,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      });
      if (!round)
        throw standingError('ROUND_NAME_TAKEN', { params: { name: name ?? `${parent.name}（补充轮）` } });
      const roomOf = await rooms(tx, round, experts);
      await repo.addEntries([
        ...left.map((x) => ({
          roundId: round.id,
          side: 'enterprise' as const,
          enterpriseId: x.entry.enterpriseId,
          need: x.entry.need,
        })),
        ...experts
          .filter((t) => (roomOf.get(t)?.room ?? 0) > 0)
          .map((t) => ({ roundId: round.id, side: 'expert' as const, talentId: t })),
      ]);
      await this.audit.record(tx, actor, {
        action: 'standing.round.create',
        entity: 'commissioner_round',
        entityId: round.id,
        regionCode: round.scopeRegion,
        changes: { name: { to: round.name }, parentId: { to: parent.id }, enterprises: { to: left.length } },
      });
      return round.id;
    });
    return this.round(actor, created);
  }
}

/** The later of two China dates. */
function later(a: string, b: string): string {
  return a > b ? a : b;
}
