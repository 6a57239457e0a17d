import type { SessionRow, UserRow } from './repository.ts';

/** A live session and its user as the lookup read them. */
export interface CachedSession {
  session: SessionRow;
  user: UserRow;
}

interface Entry extends CachedSession {
  at: number;
}

/** More distinct sessions than this in one TTL and the oldest are dropped first. */
const MAX_ENTRIES = 10_000;

/**
 * Sessions looked up in the last `ttlMs` (by the hash of their token), so a
 * signed-in request does not pay the session query each time. The expiry and
 * idle checks still run on every request against the clock; what may be
 * stale is only what another process changed (a session ended or an account
 * edited by another server on the same PostgreSQL, or by the CLI): that is
 * seen within `ttlMs`. In this process every change that ends a session or
 * edits an account forgets it after its commit, and a lookup that was already
 * running when something was forgotten is not remembered (the epoch), so it
 * cannot put back what it read before the change. On PGlite there is only
 * this process (the data directory is locked), so the cache is exact there.
 */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  /** Moves on at every forget: a lookup begun before it is not remembered. */
  private epoch = 0;

  constructor(private readonly ttlMs: number) {}

  get(tokenHash: string): CachedSession | undefined {
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    if (Date.now() - entry.at >= this.ttlMs) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return entry;
  }

  /** The epoch to hand back to `put` once the lookup has answered. */
  begin(): number {
    return this.epoch;
  }

  /** Remembers a lookup's answer, unless something was forgotten while it ran. */
  put(tokenHash: string, found: CachedSession, epoch: number): CachedSession {
    if (this.ttlMs <= 0 || epoch !== this.epoch) return { ...found };
    const now = Date.now();
    // Entries are in the order they were put: drop the expired ones at the front, then any beyond the bound.
    for (const [key, entry] of this.entries) {
      if (now - entry.at < this.ttlMs && this.entries.size < MAX_ENTRIES) break;
      this.entries.delete(key);
    }
    const entry: Entry = { session: found.session, user: found.user, at: now };
    this.entries.set(tokenHash, entry);
    return entry;
  }

  /** After a commit that ended a session. */
  forgetSession(sessionId: string): void {
    this.epoch++;
    for (const [key, entry] of this.entries) if (entry.session.id === sessionId) this.entries.delete(key);
  }

  /** After a commit that changed an account (role, region, organisation, disabled …) or ended its sessions. */
  forgetUser(userId: string): void {
    this.epoch++;
    for (const [key, entry] of this.entries) if (entry.user.id === userId) this.entries.delete(key);
  }
}
