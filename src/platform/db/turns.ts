import type { PGlite } from '@electric-sql/pglite';

const taking = Symbol('pglite takes turns');

/**
 * Lets PGlite's statements in one at a time per turn of the event loop.
 *
 * PGlite runs each statement synchronously on this thread, and a request's
 * work after its statement (the view, the JSON, the write) follows in the same
 * microtask chain, so a saturated server spends a whole turn of the loop on
 * every request that was waiting, and Node accepts at most about one new
 * connection per turn then. At 50 connections a turn was 150–300 ms of list
 * pages, and a connection opened under that load waited for its first answer
 * behind a turn per connection opened before it: the 1–4 s p99 of every route
 * on PGlite, however quick the route. Admitted one per turn (the next on
 * setImmediate, after the loop has polled), a statement waits at most for the
 * statements already queued, and the loop accepts, reads and writes between
 * them. Only admission is ordered; PGlite's own lock still serialises the
 * statements, and a transaction is admitted once (the statements in it go
 * through its own handle, not these methods).
 */
export function takeTurns(pglite: PGlite): PGlite {
  const target = pglite as PGlite & { [taking]?: true };
  if (target[taking]) return pglite;
  target[taking] = true;
  const waiting: (() => void)[] = [];
  let scheduled = false;
  const admit = () => {
    waiting.shift()?.();
    scheduled = waiting.length > 0;
    if (scheduled) setImmediate(admit);
  };
  const turn = () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      if (!scheduled) {
        scheduled = true;
        setImmediate(admit);
      }
    });
  for (const method of ['query', 'exec', 'transaction'] as const) {
    const original = pglite[method].bind(pglite) as (...args: unknown[]) => Promise<unknown>;
    Object.defineProperty(pglite, method, {
      configurable: true,
      writable: true,
      value: async (...args: unknown[]) => {
        await turn();
        return original(...args);
      },
    });
  }
  return pglite;
}
