import type { Database } from '../../platform/db/client.ts';
import type { ExpertSignals } from '../matching/engine.ts';
import { OrdersRepository } from './repository.ts';

/**
 * What matching weighs for experts: orders they hold now (load) and orders
 * they closed with the enterprise's ratings (outcomes), read from the orders
 * and held in this process; refreshed after every change to an order and by
 * a per-process job (jobs.ts).
 */
export class ExpertSignalCache {
  private refreshing: Promise<void> | null = null;
  private refreshAgain = false;
  private signals = new Map<string, { open: number; closed: number; rating: number | null }>();

  constructor(private readonly database: Database) {}

  readonly expertSignals: ExpertSignals = {
    load: (expertId) => this.signals.get(expertId)?.open ?? 0,
    outcomes: (expertId) => {
      const s = this.signals.get(expertId);
      return { count: s?.closed ?? 0, rating: s?.rating ?? null };
    },
  };

  async refresh(): Promise<void> {
    // Concurrent callers share one refresh; a caller arriving mid-read gets one more pass after it.
    if (this.refreshing) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      do {
        this.refreshAgain = false;
        const rows = await new OrdersRepository(this.database.db).expertSignals();
        this.signals = new Map(rows.map((r) => [r.talentId, r]));
      } while (this.refreshAgain);
    })().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }
}
