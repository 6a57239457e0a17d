import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type MeetingToPlace, schedule } from './schedule.ts';

/** Random meetings between enterprises e0…eN and experts x0…xM (no pair twice), some already placed. */
const meetingsArb = fc
  .record({
    enterprises: fc.integer({ min: 1, max: 12 }),
    experts: fc.integer({ min: 1, max: 12 }),
    pairs: fc.array(fc.tuple(fc.nat(11), fc.nat(11), fc.option(fc.nat(9)), fc.option(fc.nat(9))), {
      maxLength: 80,
    }),
  })
  .map(({ enterprises, experts, pairs }) => {
    const seen = new Set<string>();
    const out: MeetingToPlace[] = [];
    for (const [e, x, slot, table] of pairs) {
      const a = `e${e % enterprises}`;
      const b = `x${x % experts}`;
      if (seen.has(a + b)) continue;
      seen.add(a + b);
      out.push({ id: `m${out.length}`, a, b, slot, table: table === null ? null : table + 1 });
    }
    return out;
  });

function maxDegree(meetings: readonly MeetingToPlace[]): number {
  const d = new Map<string, number>();
  for (const m of meetings) {
    d.set(m.a, (d.get(m.a) ?? 0) + 1);
    d.set(m.b, (d.get(m.b) ?? 0) + 1);
  }
  return Math.max(0, ...d.values());
}

describe('1:1 meeting timetable', () => {
  it('never puts a person in two places at once or two meetings at one table, and loses no meeting', () => {
    fc.assert(
      fc.property(
        meetingsArb,
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 10 }),
        (ms, slots, tables) => {
          const { placed, unplaced } = schedule(ms, slots, tables);
          // Every meeting is either placed once or reported.
          expect([...placed.map((p) => p.id), ...unplaced].sort()).toEqual(ms.map((m) => m.id).sort());
          const byId = new Map(ms.map((m) => [m.id, m]));
          const where = new Set<string>();
          const tableUse = new Set<string>();
          for (const p of placed) {
            expect(p.slot).toBeGreaterThanOrEqual(0);
            expect(p.slot).toBeLessThan(slots);
            expect(p.table).toBeGreaterThanOrEqual(1);
            expect(p.table).toBeLessThanOrEqual(tables);
            const m = byId.get(p.id)!;
            for (const person of [m.a, m.b]) {
              const key = `${person}@${p.slot}`;
              expect(where.has(key), `${person} twice in slot ${p.slot}`).toBe(false);
              where.add(key);
            }
            const t = `${p.slot}/${p.table}`;
            expect(tableUse.has(t), `table ${t} twice`).toBe(false);
            tableUse.add(t);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('places every meeting when slots cover the busiest participant and tables are plenty', () => {
    fc.assert(
      fc.property(meetingsArb, (ms) => {
        const fresh = ms.map((m) => ({ ...m, slot: null, table: null }));
        const slots = Math.max(1, maxDegree(fresh));
        const { unplaced } = schedule(fresh, slots, fresh.length + 1);
        expect(unplaced).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps meetings where they were when a re-run still allows it', () => {
    const first = schedule(
      [
        { id: 'm1', a: 'e1', b: 'x1' },
        { id: 'm2', a: 'e1', b: 'x2' },
        { id: 'm3', a: 'e2', b: 'x1' },
      ],
      3,
      2,
    );
    expect(first.unplaced).toEqual([]);
    const again = schedule(
      [
        ...first.placed.map((p) => ({
          id: p.id,
          a: p.id === 'm3' ? 'e2' : 'e1',
          b: p.id === 'm2' ? 'x2' : 'x1',
          slot: p.slot,
          table: p.table,
        })),
        { id: 'm4', a: 'e2', b: 'x2' },
      ],
      3,
      2,
    );
    for (const p of first.placed) expect(again.placed).toContainEqual(p);
    expect(again.unplaced).toEqual([]);
  });
});
