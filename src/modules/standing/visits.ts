import type { Actor } from '../../platform/access/actor.ts';
import type { AuditService } from '../../platform/audit/service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db/client.ts';
import type { ListsService } from '../lists/service.ts';
import { ATTACHMENTS_PER_VISIT, intake } from '../orders/attachments.ts';
import { RegistryRepository } from '../registry/repository.ts';
import { TeamsRepository } from '../teams/repository.ts';
import { teamsSeenPrefix } from '../teams/service.ts';
import { managesRegion, overseesRegion, responsibleFor } from './access.ts';
import { CommissionersRepository } from './commissioners-repository.ts';
import type { RefineInput, VisitView } from './contract.ts';
import { DutiesRepository } from './duties-repository.ts';
import { standingError } from './errors.ts';
import { auditTarget, type StandingRecords } from './recording.ts';
import { StandingRepository } from './repository.ts';
import type { StandingVisitRow } from './schema.ts';

const UNSCOPED = { regionPrefix: '', organisationId: null };

/**
 * The visit logs of the standing service — a team's, a commissioner's, a
 * duty's — with the files taken there and the demands refined from what was
 * said (凝练需求: drafts of the enterprise in the demands list, which it
 * confirms by submitting them).
 */
export class StandingVisits {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly records: StandingRecords,
    private readonly lists: ListsService,
  ) {}

  /** What a visit was made for, as the access rules read it. */
  private async owner(db: Executor, visit: StandingVisitRow) {
    if (visit.pairingId) {
      const pairing = await new CommissionersRepository(db).pairing(visit.pairingId, '');
      return {
        subject: 'commission' as const,
        teamId: null,
        talentId: pairing?.talentId ?? null,
        assigneeUserId: null,
      };
    }
    if (visit.dutyId) {
      const duty = await new DutiesRepository(db).duty(visit.dutyId, '');
      return {
        subject: 'duty' as const,
        teamId: null,
        talentId: null,
        assigneeUserId: duty?.assigneeUserId ?? null,
      };
    }
    return { subject: 'team' as const, teamId: visit.teamId, talentId: null, assigneeUserId: null };
  }

  /** Whether the caller sees a visit: the team's as its team is seen; a term's or duty's by those responsible and the region's overseers. */
  private async seen(db: Executor, actor: Actor, visit: StandingVisitRow): Promise<boolean> {
    if (visit.teamId) return visit.scopeRegion.startsWith(teamsSeenPrefix(actor));
    if (visit.createdBy === actor.userId || overseesRegion(actor, visit.scopeRegion)) return true;
    return responsibleFor(db, actor, await this.owner(db, visit));
  }

  /** Whether the caller adds to a visit (files, refined demands): who may record for it, or who wrote it. */
  private async writable(db: Executor, actor: Actor, visit: StandingVisitRow): Promise<boolean> {
    if (visit.teamId) {
      const team = await new TeamsRepository(db).byId(visit.teamId, '');
      return Boolean(team) && (await this.records.canRecord(db, actor, team!));
    }
    const owner = await this.owner(db, visit);
    return (
      visit.createdBy === actor.userId ||
      managesRegion(actor, owner.subject, visit.scopeRegion) ||
      (await responsibleFor(db, actor, owner))
    );
  }

  private async found(db: Executor, actor: Actor, visitId: string, write = false) {
    const visit = await new StandingRepository(db).visit(visitId, '');
    if (!visit || !(await this.seen(db, actor, visit))) throw standingError('STANDING_VISIT_NOT_FOUND');
    if (write && !(await this.writable(db, actor, visit))) throw standingError('STANDING_VISIT_NOT_FOUND');
    return visit;
  }

  /** A visit log with its files and refined demands. */
  async visit(actor: Actor, visitId: string): Promise<VisitView> {
    const db = this.database.db;
    const visit = await this.found(db, actor, visitId);
    const [files, refined, canWrite] = await Promise.all([
      new StandingRepository(db).files([visit.id]),
      new CommissionersRepository(db).refinedOf([visit.id]),
      this.writable(db, actor, visit),
    ]);
    return {
      ...visit,
      createdAt: visit.createdAt.toISOString(),
      files,
      refinedDemands: refined.map(({ visitId: _v, ...r }) => r),
      canRefine: canWrite && Boolean(visit.enterpriseId),
    };
  }

  /** A file for a visit log: by whoever may record for it; type decided from the content. */
  async attach(actor: Actor, visitId: string, file: { fileName: string; data: Buffer }) {
    const stored = intake(file, {
      empty: () => standingError('STANDING_FILE_EMPTY'),
      type: () => standingError('STANDING_FILE_TYPE'),
    });
    return this.database.transaction(async (tx) => {
      const repo = new StandingRepository(tx);
      const visit = await this.found(tx, actor, visitId, true);
      if ((await repo.fileCount(visit.id)) >= ATTACHMENTS_PER_VISIT) {
        throw standingError('STANDING_FILES_FULL', { params: { max: ATTACHMENTS_PER_VISIT } });
      }
      const added = await repo.addFile({
        visitId: visit.id,
        ...stored,
        createdBy: actor.userId,
        createdByName: actor.displayName,
        createdAt: this.clock.now(),
      });
      await this.audit.record(tx, actor, {
        action: 'standing.attach',
        ...auditTarget(visit),
        changes: {
          file: { to: { visitId: visit.id, name: stored.name, size: stored.size, sha256: stored.sha256 } },
        },
      });
      return added;
    });
  }

  async file(actor: Actor, visitId: string, fileId: string) {
    const db = this.database.db;
    const visit = await this.found(db, actor, visitId).catch(() => undefined);
    const file = visit ? await new StandingRepository(db).file(visit.id, fileId) : undefined;
    if (!file) throw standingError('STANDING_FILE_NOT_FOUND');
    return file;
  }

  /**
   * 凝练需求: a technical demand refined from what the enterprise said at the
   * visit, entered as the enterprise's draft in the demands list. The
   * enterprise's accounts see it among their drafts and confirm it by
   * submitting it; it counts as refined whatever they do.
   */
  async refine(actor: Actor, visitId: string, input: RefineInput): Promise<VisitView> {
    const dict = await this.lists.codeLists();
    const created = await this.database.transaction(async (tx) => {
      const visit = await this.found(tx, actor, visitId);
      if (!(await this.writable(tx, actor, visit))) throw standingError('REFINE_NOT_ALLOWED');
      if (!visit.enterpriseId) throw standingError('REFINE_NO_ENTERPRISE');
      const enterprise = await new RegistryRepository(tx).byId('enterprises', visit.enterpriseId, UNSCOPED);
      if (!enterprise) throw standingError('REFINE_NO_ENTERPRISE');
      const item = await this.lists.draftDemandFor(tx, actor, enterprise, input, dict);
      await new CommissionersRepository(tx).addRefined({
        visitId: visit.id,
        pairingId: visit.pairingId,
        listItemId: item.id,
        scopeRegion: visit.scopeRegion,
        createdBy: actor.userId,
        createdByName: actor.displayName,
        createdAt: this.clock.now(),
      });
      await this.audit.record(tx, actor, {
        action: 'standing.refine',
        ...auditTarget(visit),
        changes: { demand: { to: { id: item.id, code: item.code, title: item.title, visitId: visit.id } } },
      });
      return item.id;
    });
    this.lists.changes.publish('demands', [created]);
    return this.visit(actor, visitId);
  }
}
