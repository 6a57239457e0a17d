import type { Actor } from '../../platform/access/actor.ts';
import { regionInScope, scopeOf } from '../../platform/access/scope.ts';
import type { Executor } from '../../platform/db/client.ts';
import { RegistryRepository } from '../registry/repository.ts';
import { TeamsRepository } from '../teams/repository.ts';
import type { Subject } from './constants.ts';
import { StandingRepository } from './repository.ts';

/**
 * Who answers for an occurrence (or a visit made for one): a team's members
 * and its station's liaison (the account with the liaison's mobile), the
 * commissioner of a term (by their talent record's account), the assignee of
 * a contact duty.
 */
export async function responsibleFor(
  db: Executor,
  actor: Actor,
  o: { subject: Subject; teamId: string | null; talentId: string | null; assigneeUserId: string | null },
): Promise<boolean> {
  if (o.subject === 'duty') return o.assigneeUserId === actor.userId;
  if (o.subject === 'commission') {
    if (!o.talentId) return false;
    const talent = await new RegistryRepository(db).byId('talents', o.talentId, {
      regionPrefix: '',
      organisationId: null,
    });
    return Boolean(talent?.userId) && talent?.userId === actor.userId;
  }
  if (!o.teamId) return false;
  if ((await new TeamsRepository(db).members([o.teamId])).some((m) => m.userId === actor.userId)) return true;
  return (
    (await new StandingRepository(db).liaisons({ teamIds: [o.teamId], userId: actor.userId })).length > 0
  );
}

/** Those who oversee a region's standing service (its operators, the auditor) see all of it. */
export function overseesRegion(actor: Actor, region: string): boolean {
  const oversees =
    actor.permissions.has('standing.manage') ||
    actor.permissions.has('teams.manage') ||
    actor.permissions.has('insights.read');
  return oversees && regionInScope(region, scopeOf(actor));
}

/** The region's operators change its records: teams' with teams.manage, terms' and duties' with standing.manage. */
export function managesRegion(actor: Actor, subject: Subject, region: string): boolean {
  const permission = subject === 'team' ? 'teams.manage' : 'standing.manage';
  return actor.permissions.has(permission) && regionInScope(region, scopeOf(actor));
}
