import type PgBoss from 'pg-boss';
import type { Database, Executor } from '../db/client.ts';

/** What drizzle keeps underneath a handle: a pg Pool or PoolClient, a PGlite or a PGlite transaction. */
interface DriverClient {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  /** PGlite: several statements in one string, no parameters. */
  exec?(text: string): Promise<{ rows: unknown[] }[]>;
  /** PGlite (the instance, not a transaction). */
  transaction?<T>(fn: (tx: DriverClient) => Promise<T>): Promise<T>;
  /** pg Pool. */
  connect?(): Promise<DriverClient & { release(destroy?: boolean): void }>;
}

function driverClient(executor: Executor): DriverClient {
  const client = (executor as unknown as { session?: { client?: DriverClient } }).session?.client;
  if (!client || typeof client.query !== 'function')
    throw new Error('the job queue needs a drizzle node-postgres or PGlite handle');
  return client;
}

/**
 * The job queue's SQL (pg-boss brings its own, with $1… parameters) run on
 * the platform's database: on `executor`, an open transaction (a job sent in
 * the transaction of the change it belongs to) or the database itself.
 * Statements without parameters may be several in one string, wrapped in
 * BEGIN … COMMIT by pg-boss: on PGlite they run inside PGlite's own
 * transaction and on PostgreSQL on one pooled connection, so that a failure
 * rolls back there and leaves no connection inside an aborted transaction.
 */
export function sqlOn(database: Database, executor: Executor = database.db): PgBoss.Db {
  const client = driverClient(executor);
  return {
    async executeSql(text: string, values?: unknown[]) {
      if ((values && values.length > 0) || executor !== database.db) return client.query(text, values);
      if (client.transaction && client.exec) {
        const results = await client.transaction((tx) => tx.exec!(text));
        return results.at(-1) ?? { rows: [] };
      }
      if (client.connect) {
        const connection = await client.connect();
        let broken = false;
        try {
          return await connection.query(text);
        } catch (err) {
          broken = true;
          throw err;
        } finally {
          connection.release(broken);
        }
      }
      return client.query(text);
    },
  };
}

/**
 * sqlOn(database) that knows which statements are still running, so the
 * queue can wait for them before the database closes, and refuses new ones
 * once closed.
 */
export class TrackedSql implements PgBoss.Db {
  private readonly inner: PgBoss.Db;
  private readonly running = new Set<Promise<unknown>>();
  private closed = false;

  constructor(database: Database) {
    this.inner = sqlOn(database);
  }

  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> {
    if (this.closed) return Promise.reject(new Error('the job queue is stopped'));
    const run = this.inner.executeSql(text, values as unknown[]);
    this.running.add(run);
    const forget = () => this.running.delete(run);
    run.then(forget, forget);
    return run;
  }

  /** Waits for the statements in flight, then refuses any more. */
  async close(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
    this.closed = true;
  }
}
