import type { Actor } from '../../platform/access/actor.ts';
import type { Executor } from '../../platform/db/client.ts';
import { regionFullName } from '../../reference/regions.ts';
import type { MatchingService } from '../matching/service.ts';
import { RegistryRepository } from '../registry/repository.ts';
import { CommissionersRepository } from './commissioners-repository.ts';
import type { RoundView } from './contract-commissioners.ts';
import { standingError } from './errors.ts';
import { proposePairs } from './pairing.ts';
import type { CommissionerRoundRow } from './schema.ts';

/** A participant of rounds: an enterprise's or a talent's registry record. */
export type Party = { enterpriseId?: string; talentId?: string };

/** An expert's portfolio against a round: terms held elsewhere at the time, the room left, a region in the way. */
export type Room = { held: number; room: number; blockedBy: string | null };

/** The caller's own registry record: the enterprise of their organisation, or their talent record. */
export async function partyOf(db: Executor, actor: Actor): Promise<Party | undefined> {
  const registry = new RegistryRepository(db);
  if (actor.role === 'enterprise' && actor.organisationId) {
    const enterprise = await registry.byColumn('enterprises', 'organisationId', actor.organisationId);
    return enterprise ? { enterpriseId: enterprise.id } : undefined;
  }
  if (actor.role === 'expert') {
    const talent = await registry.byColumn('talents', 'userId', actor.userId);
    return talent ? { talentId: talent.id } : undefined;
  }
  return undefined;
}

/**
 * Each expert's room in a round: the limit less the terms held in other
 * rounds over the same time, and none when a term elsewhere is in a region
 * that (or whose round's region) does not allow serving in two.
 */
export async function rooms(db: Executor, round: CommissionerRoundRow, talentIds: readonly string[]) {
  const repo = new CommissionersRepository(db);
  const held = await repo.termsHeld(talentIds, round.termStart, round.termEnd, round.id);
  const elsewhere = [...new Set(held.map((h) => h.scopeRegion).filter((r) => r !== round.scopeRegion))];
  const sharing = await repo.sharing([round.scopeRegion, ...elsewhere]);
  const out = new Map<string, Room>();
  for (const talentId of talentIds) {
    const mine = held.filter((h) => h.talentId === talentId);
    const count = mine.reduce((n, h) => n + Number(h.n), 0);
    const other = mine.find(
      (h) =>
        h.scopeRegion !== round.scopeRegion &&
        !(sharing.get(h.scopeRegion) && sharing.get(round.scopeRegion)),
    );
    out.set(talentId, {
      held: count,
      room: other ? 0 : Math.max(0, round.portfolioLimit - count),
      blockedBy: other?.scopeRegion ?? null,
    });
  }
  return out;
}

/** Refuses a portfolio past its limit, or a term where the regions do not allow serving in two. */
export async function refuseOver(db: Executor, talentId: string, room: Room, wanted: number, limit: number) {
  if (room.room >= wanted) return;
  const talent = await new RegistryRepository(db).byId('talents', talentId, {
    regionPrefix: '',
    organisationId: null,
  });
  const name = talent?.name ?? '';
  if (room.blockedBy) {
    throw standingError('COMMISSIONER_CROSS_REGION', {
      params: { name, region: regionFullName(room.blockedBy) },
    });
  }
  throw standingError('COMMISSIONER_PORTFOLIO_FULL', {
    params: { name, held: room.held + wanted - 1, limit },
  });
}

/** What a round's proposal reads: its participants, each expert's room, what each enterprise needs, matching's fits. */
export async function proposalFor(db: Executor, matching: MatchingService, round: CommissionerRoundRow) {
  const repo = new CommissionersRepository(db);
  const entries = await repo.entries(round.id);
  const enterpriseEntries = entries.filter((x) => x.entry.side === 'enterprise');
  const expertEntries = entries.filter((x) => x.entry.side === 'expert');
  if (enterpriseEntries.length === 0 || expertEntries.length === 0) throw standingError('ROUND_EMPTY');
  const talentIds = expertEntries.map((x) => x.entry.talentId as string);
  const room = await rooms(db, round, talentIds);
  // An enterprise a commissioner already serves at the time (another round's term) is not paired again.
  const served = new Set(
    (
      await servedElsewhere(
        db,
        round,
        enterpriseEntries.map((x) => x.entry.enterpriseId as string),
      )
    ).map((s) => s.enterpriseId),
  );
  const open = enterpriseEntries.filter((x) => !served.has(x.entry.enterpriseId as string));
  const registry = new RegistryRepository(db);
  const enterpriseRows = await registry.byIds(
    'enterprises',
    open.map((x) => x.entry.enterpriseId as string),
    { regionPrefix: '', organisationId: null },
  );
  const demands = await repo.openDemandTitles([...enterpriseRows.keys()]);
  const fits = await matching.expertsFitting(
    enterpriseEntries.flatMap((x) => {
      const row = enterpriseRows.get(x.entry.enterpriseId as string);
      if (!row) return [];
      const titles = demands.filter((d) => d.enterpriseId === row.id).map((d) => d.title);
      return [{ row, needs: [x.entry.need, ...titles] }];
    }),
    new Set(talentIds),
  );
  const proposal = proposePairs({
    enterprises: open.map((x) => ({
      id: x.entry.enterpriseId as string,
      preferences: x.entry.preferences,
    })),
    experts: expertEntries.map((x) => ({
      id: x.entry.talentId as string,
      capacity: room.get(x.entry.talentId as string)?.room ?? 0,
      preferences: x.entry.preferences,
    })),
    fits,
  });
  proposal.left.push(...[...served].map((enterpriseId) => ({ enterpriseId, reason: 'served' as const })));
  return { proposal, enterpriseEntries };
}

/** The enterprises of a list a commissioner of another round serves during a round's term, with whom. */
export function servedElsewhere(db: Executor, round: CommissionerRoundRow, enterpriseIds: readonly string[]) {
  return new CommissionersRepository(db).servedElsewhere(
    enterpriseIds,
    round.termStart,
    round.termEnd,
    round.id,
  );
}

/** Refuses pairing an enterprise a commissioner of another round serves at the time. */
export async function refuseServed(
  db: Executor,
  round: CommissionerRoundRow,
  enterpriseIds: readonly string[],
) {
  const [first] = await servedElsewhere(db, round, enterpriseIds);
  if (first) {
    throw standingError('COMMISSIONER_ENTERPRISE_SERVED', {
      params: { enterprise: first.enterpriseName, name: first.talentName },
    });
  }
}

/**
 * A round as its caller sees it: an operator (manage) everything, with each
 * expert's room; a participant the round, both sides' names and needs, its
 * own preferences, and its own pair once the round is confirmed.
 */
export async function roundView(
  db: Executor,
  round: CommissionerRoundRow,
  party: Party | undefined,
  manage: boolean,
): Promise<RoundView> {
  const repo = new CommissionersRepository(db);
  const [entries, pairs] = await Promise.all([repo.entries(round.id), repo.pairings(round.id)]);
  const names = new Map(entries.map((x) => [(x.entry.enterpriseId ?? x.entry.talentId) as string, x.name]));
  const experts = entries.filter((x) => x.entry.side === 'expert');
  const roomOf = manage
    ? await rooms(
        db,
        round,
        experts.map((x) => x.entry.talentId as string),
      )
    : new Map();
  const mine = party
    ? entries.find(
        (x) => (party.enterpriseId ?? party.talentId) === (x.entry.enterpriseId ?? x.entry.talentId),
      )
    : undefined;
  const entryView = (x: (typeof entries)[number]) => {
    const partyId = (x.entry.enterpriseId ?? x.entry.talentId) as string;
    const own = manage || x === mine;
    const room = x.entry.talentId ? roomOf.get(x.entry.talentId) : undefined;
    const inRound = pairs.filter((p) => p.talentId === x.entry.talentId).length;
    return {
      id: x.entry.id,
      side: x.entry.side,
      partyId,
      name: x.name,
      regionCode: x.regionCode,
      detail:
        x.entry.side === 'expert' ? [x.titleText, x.employerName].filter(Boolean).join(' · ') || null : null,
      need: own || x.entry.side === 'enterprise' ? x.entry.need : null,
      preferences: own ? x.entry.preferences.map((p) => ({ id: p, name: names.get(p) ?? '' })) : [],
      preferencesByName: own ? x.entry.preferencesByName : null,
      leftReason: manage ? x.entry.leftReason : null,
      held: room ? room.held : null,
      room: room ? Math.max(0, room.room - inRound) : null,
    };
  };
  const shownPairs = manage
    ? pairs
    : pairs.filter(
        (p) =>
          round.status === 'confirmed' &&
          (p.enterpriseId === party?.enterpriseId || p.talentId === party?.talentId),
      );
  const paired = new Set(pairs.map((p) => p.enterpriseId));
  return {
    id: round.id,
    name: round.name,
    kind: round.kind,
    parentId: round.parentId,
    regionCode: round.scopeRegion,
    regionName: regionFullName(round.scopeRegion),
    termStart: round.termStart,
    termEnd: round.termEnd,
    portfolioLimit: round.portfolioLimit,
    visitCadence: round.visitCadence,
    status: round.status,
    proposedAt: round.proposedAt?.toISOString() ?? null,
    confirmedAt: round.confirmedAt?.toISOString() ?? null,
    enterprises: entries.filter((x) => x.entry.side === 'enterprise').map(entryView),
    experts: experts.map(entryView),
    pairs: shownPairs.map((p) => ({
      id: p.id,
      talentId: p.talentId,
      talentName: names.get(p.talentId) ?? '',
      enterpriseId: p.enterpriseId,
      enterpriseName: names.get(p.enterpriseId) ?? '',
      status: p.status,
      score: p.score,
      reasons: p.reasons,
      termStart: p.termStart,
      termEnd: p.termEnd,
      version: p.version,
    })),
    left: manage
      ? entries
          .filter((x) => x.entry.side === 'enterprise' && !paired.has(x.entry.enterpriseId as string))
          .map((x) => ({
            enterpriseId: x.entry.enterpriseId as string,
            name: x.name,
            reason: x.entry.leftReason,
          }))
      : [],
    myEntryId: mine?.entry.id ?? null,
    canManage: manage,
    version: round.version,
  };
}
