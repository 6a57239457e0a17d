import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FitScore, proposePairs } from './pairing.ts';

const fitOf = (talentId: string, score: number): FitScore => ({
  talentId,
  score,
  reasons: [{ zh: `共同关键词：${talentId}`, en: `Shared words: ${talentId}` }],
});

describe('proposing commissioner pairs', () => {
  it('takes the best pairs first, within each expert’s room, and says why the rest are left over', () => {
    const proposal = proposePairs({
      enterprises: [
        { id: 'e1', preferences: [] },
        { id: 'e2', preferences: [] },
        { id: 'e3', preferences: [] },
        { id: 'e4', preferences: [] },
      ],
      experts: [
        { id: 'x1', capacity: 1, preferences: [] },
        { id: 'x2', capacity: 2, preferences: [] },
      ],
      fits: new Map([
        ['e1', [fitOf('x1', 80), fitOf('x2', 50)]],
        ['e2', [fitOf('x1', 70)]],
        ['e3', [fitOf('x2', 40)]],
      ]),
    });
    expect(proposal.pairs.map((p) => [p.enterpriseId, p.talentId])).toEqual([
      ['e1', 'x1'],
      ['e3', 'x2'],
    ]);
    // e2 fits only x1, who is full; nobody fits e4.
    expect(proposal.left).toEqual([
      { enterpriseId: 'e2', reason: 'no_capacity' },
      { enterpriseId: 'e4', reason: 'no_fit' },
    ]);
  });

  it('weighs a stated preference above a small difference of 匹配度 and names it as a reason', () => {
    const proposal = proposePairs({
      enterprises: [{ id: 'e1', preferences: ['x2'] }],
      experts: [
        { id: 'x1', capacity: 3, preferences: [] },
        { id: 'x2', capacity: 3, preferences: ['e1'] },
      ],
      fits: new Map([['e1', [fitOf('x1', 70), fitOf('x2', 55)]]]),
    });
    expect(proposal.pairs[0]).toMatchObject({ talentId: 'x2', score: 55 });
    expect(proposal.pairs[0]?.reasons.map((r) => r.zh).slice(0, 2)).toEqual([
      '专家意向第1位',
      '企业意向第1位',
    ]);
  });

  it('pairs by preference alone when matching finds nothing, but never with someone outside the round', () => {
    const proposal = proposePairs({
      enterprises: [{ id: 'e1', preferences: ['outsider', 'x1'] }],
      experts: [{ id: 'x1', capacity: 1, preferences: [] }],
      fits: new Map(),
    });
    expect(proposal.pairs).toMatchObject([{ enterpriseId: 'e1', talentId: 'x1', score: 0 }]);
  });

  it('pairs every enterprise or lists it as left over, and fills no portfolio past its room (property)', () => {
    const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 0, max: 6 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 6, maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(11), fc.nat(5), fc.integer({ min: 20, max: 100 })), { maxLength: 40 }),
        fc.array(fc.tuple(fc.nat(11), fc.nat(5)), { maxLength: 10 }),
        (nEnterprises, nExperts, rooms, fitList, prefList) => {
          const enterprises = ids('e', nEnterprises).map((id, i) => ({
            id,
            preferences: prefList.filter(([e]) => e === i).map(([, x]) => `x${x}`),
          }));
          const experts = ids('x', nExperts).map((id, i) => ({
            id,
            capacity: rooms[i] ?? 0,
            preferences: prefList.filter(([, x]) => x === i).map(([e]) => `e${e}`),
          }));
          const fits = new Map<string, FitScore[]>();
          for (const [e, x, score] of fitList) {
            const list = fits.get(`e${e}`) ?? [];
            if (!list.some((f) => f.talentId === `x${x}`)) list.push(fitOf(`x${x}`, score));
            fits.set(`e${e}`, list);
          }
          const { pairs, left } = proposePairs({ enterprises, experts, fits });
          const pairedIds = pairs.map((p) => p.enterpriseId);
          // Every enterprise exactly once: paired or left over.
          expect([...pairedIds, ...left.map((l) => l.enterpriseId)].sort()).toEqual(
            enterprises.map((e) => e.id).sort(),
          );
          expect(new Set(pairedIds).size).toBe(pairedIds.length);
          for (const expert of experts) {
            expect(pairs.filter((p) => p.talentId === expert.id).length).toBeLessThanOrEqual(expert.capacity);
          }
          // Only experts of the round are proposed.
          for (const p of pairs) expect(experts.some((x) => x.id === p.talentId)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
