/**
 * The posting lists of the inverted index: how one term's postings are laid out in typed arrays, and the
 * small searches over them.
 */

/**
 * Postings of one term: doc numbers and, per posting, one term frequency for each field the term has
 * occurred in (`fields`, ascending; most terms live in one field: character pairs, phrases, codes).
 */
export interface Postings {
  docs: Int32Array;
  /** Frequencies at i * fields.length + j for field fields[j], saturating at 255. */
  tfs: Uint8Array;
  fields: Int8Array;
  n: number;
}

export const EMPTY_I32 = new Int32Array(0);

/** At most this many fields (field numbers are stored in an Int8Array). */
export const MAX_FIELDS = 127;

/** Adds field f to a term's postings (ascending), moving every posting's frequencies to the wider layout. */
export function widen(p: Postings, f: number): void {
  const fields = Int8Array.from([...p.fields, f].sort((a, b) => a - b));
  const from = p.fields.length;
  const to = fields.length;
  const tfs = new Uint8Array(p.docs.length * to);
  for (let i = 0; i < p.n; i++) {
    for (let j = 0; j < from; j++) tfs[i * to + fields.indexOf(p.fields[j]!)] = p.tfs[i * from + j]!;
  }
  p.fields = fields;
  p.tfs = tfs;
}

export function binarySearch(arr: Int32Array, value: number): number {
  let lo = 0;
  let hi = arr.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = arr[mid]!;
    if (v < value) lo = mid + 1;
    else if (v > value) hi = mid - 1;
    else return mid;
  }
  return -1;
}
