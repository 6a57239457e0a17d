/**
 * 1:1 meeting timetable: accepted meetings placed in time slots at tables so
 * that nobody is in two places at once and no table holds two meetings in a
 * slot. Meetings already placed keep their place when it is still valid (a
 * re-run after a late acceptance moves nobody). The rest are placed busiest
 * participants first, each in the earliest slot where both sides are free
 * and a table is; if none is, a swap along an alternating chain of the two
 * sides' slots is tried (the classic bipartite edge-colouring step), so that
 * with enough tables every meeting fits whenever slots ≥ the busiest
 * participant's meetings. What still does not fit is reported, not dropped.
 */
export interface MeetingToPlace {
  id: string;
  /** The two sides (registration ids). */
  a: string;
  b: string;
  /** Where it is now, if anywhere. */
  slot?: number | null;
  table?: number | null;
}

export interface Placement {
  id: string;
  slot: number;
  table: number;
}

export interface Timetable {
  placed: Placement[];
  unplaced: string[];
}

export function schedule(meetings: readonly MeetingToPlace[], slots: number, tables: number): Timetable {
  /** slotOf.get(person).get(slot) = meeting id */
  const busy = new Map<string, Map<number, string>>();
  const at = (p: string) => {
    let m = busy.get(p);
    if (!m) {
      m = new Map();
      busy.set(p, m);
    }
    return m;
  };
  const slotOf = new Map<string, number>();
  const load = new Array<number>(slots).fill(0);
  const byId = new Map(meetings.map((m) => [m.id, m]));
  const put = (m: MeetingToPlace, s: number) => {
    at(m.a).set(s, m.id);
    at(m.b).set(s, m.id);
    slotOf.set(m.id, s);
    load[s]!++;
  };
  const take = (m: MeetingToPlace) => {
    const s = slotOf.get(m.id);
    if (s === undefined) return;
    at(m.a).delete(s);
    at(m.b).delete(s);
    slotOf.delete(m.id);
    load[s]!--;
  };

  // 1. Keep valid earlier places.
  const rest: MeetingToPlace[] = [];
  const keptTables = new Map<string, number>();
  for (const m of meetings) {
    const s = m.slot;
    if (
      s !== null &&
      s !== undefined &&
      s >= 0 &&
      s < slots &&
      m.a !== m.b &&
      !at(m.a).has(s) &&
      !at(m.b).has(s) &&
      load[s]! < tables
    ) {
      put(m, s);
      if (m.table) keptTables.set(m.id, m.table);
    } else rest.push(m);
  }

  // 2. The rest, busiest participants first (ties by id, so a run is reproducible).
  const degree = new Map<string, number>();
  for (const m of meetings) {
    degree.set(m.a, (degree.get(m.a) ?? 0) + 1);
    degree.set(m.b, (degree.get(m.b) ?? 0) + 1);
  }
  rest.sort(
    (x, y) =>
      Math.max(degree.get(y.a)!, degree.get(y.b)!) - Math.max(degree.get(x.a)!, degree.get(x.b)!) ||
      (x.id < y.id ? -1 : x.id > y.id ? 1 : 0),
  );
  const unplaced: string[] = [];
  for (const m of rest) {
    if (m.a === m.b) {
      unplaced.push(m.id);
      continue;
    }
    let done = false;
    for (let s = 0; s < slots && !done; s++) {
      if (!at(m.a).has(s) && !at(m.b).has(s) && load[s]! < tables) {
        put(m, s);
        done = true;
      }
    }
    if (!done) done = placeBySwap(m);
    if (!done) unplaced.push(m.id);
  }

  /**
   * a is free at α, b is free at β (α ≠ β). Walk the chain from b along
   * meetings at α, β, α, … and swap α ↔ β on it: then α is free at b too,
   * and m goes in α. The chain cannot reach a (a is free at α and, being on
   * the other side, would only be reached through β … which the bipartite
   * structure rules out). Table loads change only at the chain's ends: the
   * swap is kept when no slot goes over its tables.
   */
  function placeBySwap(m: MeetingToPlace): boolean {
    const freeA: number[] = [];
    const freeB: number[] = [];
    for (let s = 0; s < slots; s++) {
      if (!at(m.a).has(s)) freeA.push(s);
      if (!at(m.b).has(s)) freeB.push(s);
    }
    for (const alpha of freeA) {
      for (const beta of freeB) {
        if (alpha === beta) continue;
        const chain: MeetingToPlace[] = [];
        let person = m.b;
        let colour = alpha;
        const seen = new Set<string>();
        for (;;) {
          const id = at(person).get(colour);
          if (!id || seen.has(id)) break;
          seen.add(id);
          const next = byId.get(id)!;
          chain.push(next);
          person = next.a === person ? next.b : next.a;
          colour = colour === alpha ? beta : alpha;
        }
        if (chain.some((c) => c.a === m.a || c.b === m.a)) continue;
        const before = new Map(chain.map((c) => [c.id, slotOf.get(c.id)!]));
        for (const c of chain) take(c);
        for (const c of chain) put(c, before.get(c.id) === alpha ? beta : alpha);
        if (!at(m.a).has(alpha) && !at(m.b).has(alpha) && load[alpha]! < tables) {
          put(m, alpha);
          if (load.every((n) => n <= tables)) return true;
          take(m);
        }
        // Undo.
        for (const c of chain) take(c);
        for (const c of chain) put(c, before.get(c.id)!);
      }
    }
    return false;
  }

  // 3. Tables: kept ones stay; the rest get the lowest free table of their slot.
  const used = new Map<number, Set<number>>();
  const tablesAt = (s: number) => {
    let t = used.get(s);
    if (!t) {
      t = new Set();
      used.set(s, t);
    }
    return t;
  };
  const placed: Placement[] = [];
  const order = meetings.filter((m) => slotOf.has(m.id));
  const later: MeetingToPlace[] = [];
  for (const m of order) {
    const s = slotOf.get(m.id)!;
    const kept = keptTables.get(m.id);
    if (kept !== undefined && m.slot === s && kept >= 1 && kept <= tables && !tablesAt(s).has(kept)) {
      tablesAt(s).add(kept);
      placed.push({ id: m.id, slot: s, table: kept });
    } else later.push(m);
  }
  for (const m of later) {
    const s = slotOf.get(m.id)!;
    let table = 1;
    while (tablesAt(s).has(table)) table++;
    tablesAt(s).add(table);
    placed.push({ id: m.id, slot: s, table });
  }
  return { placed, unplaced };
}
