/**
 * The best k of a search's scored documents, kept in a bounded min-heap: the root is the worst of the kept
 * candidates, so a document that does not beat it costs one comparison.
 */

/** The kept documents and their scores, best first (ties by id ascending). */
export interface TopK {
  docs: Int32Array;
  scores: Float64Array;
}

/**
 * The best k of the `m` documents in `touched` by their score in `acc`; documents scoring 0 or less are
 * skipped, and `accept` is asked only about documents that would enter the heap. `ids` names each doc
 * number (ties go to the smaller id).
 */
export function topK(
  touched: Int32Array,
  m: number,
  acc: Float64Array,
  k: number,
  ids: readonly (string | undefined)[],
  accept: ((id: string) => boolean) | undefined,
): TopK {
  const cap = Math.min(k, m);
  const heapDocs = new Int32Array(cap);
  const heapScores = new Float64Array(cap);
  let size = 0;
  // a is worse than b: lower score, or equal score and larger id.
  const worse = (sa: number, da: number, sb: number, db: number): boolean =>
    sa < sb || (sa === sb && ids[da]! > ids[db]!);
  const siftDown = (start: number): void => {
    let i = start;
    const d = heapDocs[i]!;
    const s = heapScores[i]!;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= size) break;
      const r = l + 1;
      let c = l;
      if (r < size && worse(heapScores[r]!, heapDocs[r]!, heapScores[l]!, heapDocs[l]!)) c = r;
      if (!worse(heapScores[c]!, heapDocs[c]!, s, d)) break;
      heapDocs[i] = heapDocs[c]!;
      heapScores[i] = heapScores[c]!;
      i = c;
    }
    heapDocs[i] = d;
    heapScores[i] = s;
  };

  for (let j = 0; j < m; j++) {
    const d = touched[j]!;
    const s = acc[d]!;
    if (!(s > 0)) continue;
    if (size === cap && !worse(heapScores[0]!, heapDocs[0]!, s, d)) continue;
    if (accept !== undefined && !accept(ids[d]!)) continue;
    if (size < cap) {
      // Sift up.
      let i = size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!worse(s, d, heapScores[parent]!, heapDocs[parent]!)) break;
        heapDocs[i] = heapDocs[parent]!;
        heapScores[i] = heapScores[parent]!;
        i = parent;
      }
      heapDocs[i] = d;
      heapScores[i] = s;
    } else {
      heapDocs[0] = d;
      heapScores[0] = s;
      siftDown(0);
    }
  }

  // Pop worst-first into the slot the shrinking heap frees at its end, which leaves the kept ones best first.
  const kept = size;
  while (size > 0) {
    const d = heapDocs[0]!;
    const s = heapScores[0]!;
    size--;
    if (size > 0) {
      heapDocs[0] = heapDocs[size]!;
      heapScores[0] = heapScores[size]!;
      siftDown(0);
    }
    heapDocs[size] = d;
    heapScores[size] = s;
  }
  return { docs: heapDocs.subarray(0, kept), scores: heapScores.subarray(0, kept) };
}
