import type { Actor } from '../../platform/access/actor.ts';
import { regionInScope, scopeOf } from '../../platform/access/scope.ts';
import type { AuditService } from '../../platform/audit/service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/client.ts';
import { httpError } from '../../platform/http/errors.ts';
import { chinaDate } from '../../reference/china-time.ts';
import { regionFullName } from '../../reference/regions.ts';
import { RegistryRepository } from '../registry/repository.ts';
import { CommissionersRepository } from './commissioners-repository.ts';
import type { EndInput, PortfolioView } from './contract-commissioners.ts';
import { standingError } from './errors.ts';
import { StandingRepository } from './repository.ts';
import { partyOf } from './round-views.ts';

const canManage = (actor: Actor) => actor.permissions.has('standing.manage');

/**
 * The commissioners' desk beside the rounds: the rounds a caller sees, a
 * commissioner's portfolio (特派员服务台账), ending a term early, and the
 * region's setting on serving in two regions.
 */
export class CommissionerDesk {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  private today(): string {
    return chinaDate(this.clock.now());
  }

  async rounds(actor: Actor, page: number, pageSize: number) {
    const db = this.database.db;
    const repo = new CommissionersRepository(db);
    let ids: string[] | undefined;
    if (!canManage(actor)) {
      const party = await partyOf(db, actor);
      ids = party ? await repo.roundsOf(party) : [];
    }
    const { rows, total } = await repo.rounds(
      canManage(actor) ? scopeOf(actor).regionPrefix : '',
      page,
      pageSize,
      ids,
    );
    return {
      items: rows.map(({ round, ...n }) => ({
        id: round.id,
        name: round.name,
        kind: round.kind,
        regionName: regionFullName(round.scopeRegion),
        termStart: round.termStart,
        termEnd: round.termEnd,
        status: round.status,
        enterprises: Number(n.enterprises),
        experts: Number(n.experts),
        pairs: Number(n.pairs),
        createdAt: round.createdAt.toISOString(),
      })),
      total,
      page,
      pageSize,
    };
  }

  /** Ends a term early (the enterprise closed, the expert left), saying why; its visits from today are dropped. */
  async endPairing(actor: Actor, pairingId: string, input: EndInput) {
    return this.database.transaction(async (tx) => {
      const repo = new CommissionersRepository(tx);
      const pairing = await repo.pairing(pairingId, scopeOf(actor).regionPrefix);
      if (!pairing) throw standingError('PAIRING_NOT_FOUND');
      if (pairing.status !== 'confirmed') throw standingError('PAIRING_NOT_CONFIRMED');
      const ended = await repo.endPairing(pairing.id, input.version, this.clock.now(), input.reason);
      if (!ended) throw httpError('VERSION_CONFLICT', { details: { currentVersion: pairing.version } });
      const dropped = await new StandingRepository(tx).dropUnrecordedFrom(pairing.id, this.today());
      await this.audit.record(tx, actor, {
        action: 'standing.pairing.end',
        entity: 'commissioner_round',
        entityId: pairing.roundId,
        regionCode: pairing.scopeRegion,
        changes: {
          pairing: { to: { id: pairing.id, talentId: pairing.talentId, enterpriseId: pairing.enterpriseId } },
          status: { from: 'confirmed', to: 'ended' },
          reason: { to: input.reason },
          dropped: { to: dropped },
        },
      });
      return { id: ended.id, status: ended.status, version: ended.version };
    });
  }

  /** 特派员服务台账: a commissioner's enterprises, for the commissioner or the region's operators. */
  async portfolio(actor: Actor, talentId: string | undefined): Promise<PortfolioView> {
    const db = this.database.db;
    const manage = canManage(actor);
    let id = talentId;
    if (!manage || !id) {
      const own = await partyOf(db, actor);
      if (!own?.talentId || (id && id !== own.talentId)) throw standingError('COMMISSIONER_NOT_FOUND');
      id = own.talentId;
    }
    const registry = new RegistryRepository(db);
    const talent = await registry.byId('talents', id, { regionPrefix: '', organisationId: null });
    const rows = await new CommissionersRepository(db).portfolio(
      id,
      manage ? scopeOf(actor).regionPrefix : '',
      this.today(),
    );
    if (!talent || (manage && talentId && rows.length === 0)) throw standingError('COMMISSIONER_NOT_FOUND');
    return {
      talentId: id,
      name: talent.name,
      terms: rows.map((r) => ({
        pairingId: r.pairing.id,
        roundId: r.pairing.roundId,
        enterpriseId: r.pairing.enterpriseId,
        enterpriseName: r.enterpriseName,
        regionName: r.enterpriseRegion ? regionFullName(r.enterpriseRegion) : null,
        termStart: r.pairing.termStart,
        termEnd: r.pairing.termEnd,
        status: r.pairing.status,
        endReason: r.pairing.endReason,
        lastVisitOn: r.lastVisitOn,
        visits: Number(r.visits),
        planned: Number(r.planned),
        overdue: Number(r.overdue),
        nextDueOn: r.nextDueOn,
        openDemands: Number(r.openDemands),
        refined: Number(r.refined),
        refinedDrafts: Number(r.refinedDrafts),
        openOrders: Number(r.openOrders),
        version: r.pairing.version,
      })),
      canManage: manage,
    };
  }

  async settings(actor: Actor, regionCode?: string) {
    const region = regionCode ?? actor.regionCode;
    if (!regionInScope(region, scopeOf(actor))) throw standingError('ROUND_REGION_OUTSIDE');
    const sharing = await new CommissionersRepository(this.database.db).sharing([region]);
    return {
      regionCode: region,
      regionName: regionFullName(region),
      allowSharedCommissioners: sharing.get(region) ?? false,
    };
  }

  async saveSettings(
    actor: Actor,
    input: { regionCode?: string | undefined; allowSharedCommissioners: boolean },
  ) {
    const region = input.regionCode ?? actor.regionCode;
    if (!regionInScope(region, scopeOf(actor))) throw standingError('ROUND_REGION_OUTSIDE');
    await this.database.transaction(async (tx) => {
      const repo = new CommissionersRepository(tx);
      const before = (await repo.sharing([region])).get(region) ?? false;
      await repo.saveSettings(region, input.allowSharedCommissioners, actor.userId, this.clock.now());
      await this.audit.record(tx, actor, {
        action: 'standing.settings.update',
        entity: 'standing_settings',
        entityId: region,
        regionCode: region,
        changes: { allowSharedCommissioners: { from: before, to: input.allowSharedCommissioners } },
      });
    });
    return this.settings(actor, region);
  }
}
