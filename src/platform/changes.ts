/** What changed: a kind of record (e.g. 'talents', 'demands') and the ids written. */
export interface Change {
  entity: string;
  ids: readonly string[];
}

export type ChangeListener = (change: Change) => void;

/**
 * In-process notice of committed changes, so that derived state (the matching
 * index) follows the records. Services publish after their transaction has
 * committed; listeners must not throw and must not block (they schedule work).
 */
export class ChangeFeed {
  private readonly listeners = new Set<ChangeListener>();

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(entity: string, ids: readonly string[]): void {
    if (ids.length === 0) return;
    for (const listener of this.listeners) listener({ entity, ids });
  }
}
