import type { Actor } from '../../platform/access/actor.ts';
import { scopeOf } from '../../platform/access/scope.ts';
import type { AuditService } from '../../platform/audit/service.ts';
import type { Clock } from '../../platform/clock.ts';
import { type Database, type Executor, PG_UNIQUE_VIOLATION, pgErrorCode } from '../../platform/db/client.ts';
import { httpError } from '../../platform/http/errors.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { chinaDate } from '../../reference/china-time.ts';
import { scopePrefix } from '../../reference/regions.ts';
import { ACTIVITY_STATUS_NAMES } from '../activities/machine.ts';
import { ActivitiesRepository } from '../activities/repository.ts';
import type { ActivitiesService } from '../activities/service.ts';
import { References } from '../registry/references.ts';
import { TeamsRepository } from '../teams/repository.ts';
import type { TeamRow } from '../teams/schema.ts';
import { teamsSeenPrefix } from '../teams/service.ts';
import { managesRegion, overseesRegion, responsibleFor } from './access.ts';
import { type RecordKind, SESSION_KIND_NAMES, SESSION_RECORDS } from './constants.ts';
import type { OccurrenceView, RecordInput, UnrecordInput } from './contract.ts';
import { standingError } from './errors.ts';
import { type OccurrenceWithRecord, StandingRepository } from './repository.ts';
import { occurrenceView } from './views.ts';

const RECORD_NAMES: Record<RecordKind, { zh: string; en: string }> = {
  activity: { zh: '活动', en: 'an activity' },
  visit: { zh: '走访记录', en: 'a visit log' },
};

/** The statuses of an activity that was (or is being) held. */
const HELD = new Set(['published', 'closed', 'finished']);

/**
 * Recording a planned session: the activity it became, or a visit log with
 * its findings (and the files taken there, added one by one). A session is
 * recorded once; two people at once make one record and the second is told
 * who came first.
 */
export class StandingRecords {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly activities: ActivitiesService,
  ) {}

  /**
   * A team's member (by their registry record), its station's liaison (by
   * account), or the region's operator records its sessions.
   */
  async canRecord(db: Executor, actor: Actor, team: TeamRow): Promise<boolean> {
    if (actor.permissions.has('teams.manage') && team.regionCode.startsWith(scopeOf(actor).regionPrefix)) {
      return true;
    }
    return responsibleFor(db, actor, {
      subject: 'team',
      teamId: team.id,
      talentId: null,
      assigneeUserId: null,
    });
  }

  async record(actor: Actor, id: string, input: RecordInput, locale: Locale): Promise<OccurrenceView> {
    const now = this.clock.now();
    const today = chinaDate(now);
    return this.database.transaction(async (tx) => {
      const repo = new StandingRepository(tx);
      const { occurrence, region } = await this.recordable(tx, actor, id);
      if (occurrence.recordKind) throw alreadyRecorded(occurrence);
      const kind: RecordKind = 'activityId' in input ? 'activity' : 'visit';
      const allowed = SESSION_RECORDS[occurrence.kind];
      if (!allowed.includes(kind)) {
        throw standingError('OCCURRENCE_RECORD_KIND', {
          params: {
            kind: SESSION_KIND_NAMES[occurrence.kind],
            records: {
              zh: allowed.map((k) => RECORD_NAMES[k].zh).join('或'),
              en: allowed.map((k) => RECORD_NAMES[k].en).join(' or '),
            },
          },
        });
      }
      let doneOn: string;
      let activityId: string | null = null;
      let visitId: string | null = null;
      if ('activityId' in input) {
        const activity = await new ActivitiesRepository(tx).byId(
          input.activityId,
          this.activities.scopeFor(actor),
        );
        const inTeamRegion = activity?.scopeRegion.startsWith(scopePrefix(region)) ?? false;
        if (!activity || !inTeamRegion) {
          throw standingError('OCCURRENCE_ACTIVITY_UNKNOWN', {
            fields: [{ path: 'body.activityId', message: '活动不存在或不在团队所在地区' }],
          });
        }
        if (!HELD.has(activity.status)) {
          throw standingError('OCCURRENCE_ACTIVITY_NOT_HELD', {
            params: { title: activity.title, status: ACTIVITY_STATUS_NAMES[activity.status] },
          });
        }
        doneOn = chinaDate(activity.startsAt);
        activityId = activity.id;
      } else {
        doneOn = input.visit.visitedOn ?? today;
      }
      if (doneOn > today) throw standingError('OCCURRENCE_DATE_IN_FUTURE', { params: { today } });
      if (doneOn < occurrence.periodStart) {
        throw standingError('OCCURRENCE_BEFORE_PERIOD', {
          params: { on: doneOn, start: occurrence.periodStart },
        });
      }
      if ('visit' in input) {
        const v = input.visit;
        if (v.enterpriseId) {
          await new References(tx, actor).one('enterprises', v.enterpriseId, () =>
            standingError('STANDING_ENTERPRISE_UNKNOWN', {
              fields: [{ path: 'body.visit.enterpriseId', message: '企业不存在或不在您的管辖范围内' }],
            }),
          );
        }
        const visit = await repo.addVisit({
          scopeRegion: occurrence.scopeRegion,
          teamId: occurrence.teamId,
          pairingId: occurrence.pairingId,
          dutyId: occurrence.dutyId,
          visitedOn: doneOn,
          mode: v.mode ?? 'onsite',
          // A commissioner's or a duty's visit is to its enterprise (or talent) unless it names another.
          enterpriseId: v.enterpriseId ?? occurrence.enterpriseId,
          talentId: occurrence.contactTalentId,
          place: v.place ?? null,
          people: v.people ?? null,
          summary: v.summary,
          findings: v.findings ?? null,
          createdBy: actor.userId,
          createdByName: actor.displayName,
          createdAt: now,
        });
        visitId = visit.id;
      }
      const set = await repo
        .setRecord(occurrence.id, {
          recordKind: kind,
          activityId,
          visitId,
          doneOn,
          recordedAt: now,
          recordedBy: actor.userId,
          recordedByName: actor.displayName,
        })
        .catch((err: unknown) => {
          // The partial unique index: the activity already counts for another session.
          if (activityId && pgErrorCode(err) === PG_UNIQUE_VIOLATION) {
            throw standingError('OCCURRENCE_ACTIVITY_TAKEN', { cause: err });
          }
          throw err;
        });
      if (!set) {
        const first = await repo.recordedBy(occurrence.id);
        throw alreadyRecorded({ recordedByName: first?.by ?? null, recordedAt: first?.at ?? null });
      }
      await this.audit.record(tx, actor, {
        action: 'standing.record',
        ...auditTarget(occurrence),
        changes: {
          occurrence: { to: { id: occurrence.id, kind: occurrence.kind, dueOn: occurrence.dueOn } },
          record: { to: { kind, activityId, visitId, doneOn } },
        },
      });
      const after = await repo.occurrence(occurrence.id, '');
      return occurrenceView(after!, today, locale, false);
    });
  }

  /**
   * 撤销登记: the region's operator takes back a wrong record (the wrong
   * activity linked, a visit logged on the wrong session), saying why. The
   * session is open again and may be overdue again; a visit log stays on
   * the team's record; the audit keeps what was taken back and why.
   */
  async unrecord(actor: Actor, id: string, input: UnrecordInput, locale: Locale): Promise<OccurrenceView> {
    const today = chinaDate(this.clock.now());
    return this.database.transaction(async (tx) => {
      const repo = new StandingRepository(tx);
      const { occurrence } = await this.recordable(tx, actor, id);
      if (!managesRegion(actor, occurrence.subject, occurrence.scopeRegion)) {
        throw standingError('OCCURRENCE_UNRECORD_FORBIDDEN');
      }
      if (!occurrence.recordKind) throw standingError('OCCURRENCE_NOT_RECORDED');
      if (!(await repo.clearRecord(occurrence.id, input.version))) {
        throw httpError('VERSION_CONFLICT', { details: { currentVersion: occurrence.version } });
      }
      await this.audit.record(tx, actor, {
        action: 'standing.unrecord',
        ...auditTarget(occurrence),
        changes: {
          occurrence: { to: { id: occurrence.id, kind: occurrence.kind, dueOn: occurrence.dueOn } },
          record: {
            from: {
              kind: occurrence.recordKind,
              activityId: occurrence.activityId,
              visitId: occurrence.visitId,
            },
            to: null,
          },
          reason: { to: input.reason },
        },
      });
      const after = await repo.occurrence(occurrence.id, '');
      return occurrenceView(after!, today, locale, true);
    });
  }

  /**
   * The occurrence and its region, if the caller may record it: a team's
   * member or the region's operator (a team's session); the commissioner or
   * the assignee, or the region's operator (a term's or a duty's).
   */
  private async recordable(tx: Executor, actor: Actor, id: string) {
    const occurrence = await new StandingRepository(tx).occurrence(id, '');
    if (!occurrence) throw standingError('OCCURRENCE_NOT_FOUND');
    if (occurrence.subject === 'team') {
      const team = await new TeamsRepository(tx).byId(occurrence.teamId ?? '', '');
      // A session of a team the caller cannot see is answered like one that does not exist.
      if (!team?.regionCode.startsWith(teamsSeenPrefix(actor))) throw standingError('OCCURRENCE_NOT_FOUND');
      if (!(await this.canRecord(tx, actor, team))) throw standingError('OCCURRENCE_NOT_YOURS');
      return { occurrence, region: team.regionCode };
    }
    const own = await responsibleFor(tx, actor, occurrence);
    if (!own && !overseesRegion(actor, occurrence.scopeRegion)) throw standingError('OCCURRENCE_NOT_FOUND');
    if (!own && !managesRegion(actor, occurrence.subject, occurrence.scopeRegion)) {
      throw standingError('OCCURRENCE_NOT_YOURS');
    }
    return { occurrence, region: occurrence.scopeRegion };
  }
}

/** What an occurrence's audit entries are about: the team, the commissioner's term, or the duty. */
export function auditTarget(o: {
  teamId: string | null;
  pairingId: string | null;
  dutyId: string | null;
  scopeRegion: string;
}) {
  if (o.teamId) return { entity: 'team', entityId: o.teamId, regionCode: o.scopeRegion };
  if (o.pairingId)
    return { entity: 'commissioner_pairing', entityId: o.pairingId, regionCode: o.scopeRegion };
  return { entity: 'contact_duty', entityId: o.dutyId ?? '', regionCode: o.scopeRegion };
}

function alreadyRecorded(o: Pick<OccurrenceWithRecord, 'recordedByName' | 'recordedAt'>) {
  const at = o.recordedAt ? `${chinaDate(o.recordedAt)}` : '';
  return standingError('OCCURRENCE_ALREADY_RECORDED', { params: { by: o.recordedByName ?? '', at } });
}
