import type { Permission, Role } from './permissions.ts';

/** Who is calling: resolved from the session on every request. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  organisationId: string | null;
  permissions: ReadonlySet<Permission>;
  sessionId: string;
  ip: string | null;
  requestId: string | null;
}

/**
 * What part of the data an actor may see: every record whose region code
 * starts with regionPrefix ('' = all regions), and, when organisationId is set,
 * only that organisation's records (modules decide which records that bounds).
 */
export interface Scope {
  regionPrefix: string;
  organisationId: string | null;
}

/** Who a change is attributed to: a signed-in actor or the system itself (CLI, seed, jobs). */
export type AuditActor = Pick<Actor, 'displayName' | 'ip' | 'requestId'> & {
  role: Role | null;
  userId: string | null;
};

export function systemActor(name = 'system'): AuditActor {
  return { userId: null, displayName: name, role: null, ip: null, requestId: null };
}
