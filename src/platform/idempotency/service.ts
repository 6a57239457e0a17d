import { and, eq } from 'drizzle-orm';
import type { Clock } from '../clock.ts';
import type { Database, Executor } from '../db/client.ts';
import { httpError } from '../http/errors.ts';
import { idempotencyKeys } from './schema.ts';

/**
 * Applies a change once per `Idempotency-Key` and caller. The key is claimed
 * in the change's own transaction, so a retry that arrives while the first
 * request is still running waits for it (PostgreSQL holds the key's index
 * entry) and then answers what it answered; a failed first attempt leaves no
 * claim behind.
 */
export class IdempotencyService {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
  ) {}

  async once<T>(
    userId: string,
    key: string | undefined,
    scope: string,
    apply: (tx: Executor) => Promise<T>,
  ): Promise<{ value: T; replayed: boolean }> {
    if (!key) return { value: await this.database.transaction(apply), replayed: false };
    return this.database.transaction(async (tx) => {
      const claimed = await tx
        .insert(idempotencyKeys)
        .values({ userId, key, scope, createdAt: this.clock.now() })
        .onConflictDoNothing()
        .returning();
      if (claimed.length === 0) {
        const [earlier] = await tx
          .select()
          .from(idempotencyKeys)
          .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
        if (!earlier || earlier.scope !== scope) throw httpError('IDEMPOTENCY_KEY_REUSED');
        return { value: earlier.response as T, replayed: true };
      }
      const value = await apply(tx);
      await tx
        .update(idempotencyKeys)
        .set({ status: 200, response: value as unknown as object })
        .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
      return { value, replayed: false };
    });
  }
}
