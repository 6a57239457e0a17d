/**
 * How close two records are by their codes and regions: discipline and
 * industry codes nest by prefix, regions by GB/T 2260 level.
 */

/** The most specific codes of a tag set (those that are nobody's ancestor within it). */
export function leaves(tags: readonly string[]): string[] {
  return tags.filter((t) => !tags.some((o) => o !== t && isAncestor(t, o)));
}

/**
 * Discipline codes nest by prefix (430 → 43055), industry codes by prefix below their section letter
 * (29 → 291), and a section letter heads every industry code in a tag set (tags hold whole chains: C, 29, 291).
 */
function isAncestor(a: string, b: string): boolean {
  if (/^[A-Z]$/.test(a)) return /^\d/.test(b);
  return b.length > a.length && b.startsWith(a);
}

/**
 * How closely two code sets agree: 1 when a most specific code of one is
 * shared by the other (same class), else a fraction for a shared ancestor
 * by depth (same first-level discipline, same industry section).
 */
export function codeCloseness(
  query: readonly string[],
  doc: readonly string[],
): { closeness: number; shared: string[] } {
  if (query.length === 0 || doc.length === 0) return { closeness: 0, shared: [] };
  const docSet = new Set(doc);
  const shared = query.filter((c) => docSet.has(c));
  if (shared.length === 0) return { closeness: 0, shared: [] };
  const qLeaves = new Set(leaves(query));
  const dLeaves = new Set(leaves(doc));
  const exact = shared.filter((c) => qLeaves.has(c) || dLeaves.has(c));
  const deepest = Math.max(...shared.map((c) => depth(c)));
  const closeness = exact.some((c) => depth(c) === deepest) ? 1 : deepest >= 2 ? 0.6 : 0.35;
  // Name the deepest shared codes (the ancestors are implied).
  return { closeness, shared: shared.filter((c) => depth(c) === deepest) };
}

/** 1 for a section letter or a 3-digit first-level discipline, 2 for a division / 5-digit, 3 below. */
function depth(code: string): number {
  if (/^[A-Z]$/.test(code)) return 1;
  if (/^[A-Z]?\d{2}$/.test(code)) return 2;
  if (/^\d{3}$/.test(code)) return 1;
  if (/^\d{5}$/.test(code)) return 2;
  return 3;
}

/** Same county 1, same city 0.6, same province 0.3. */
export function regionCloseness(a: string | null | undefined, b: string | null | undefined): number {
  if (!a || !b) return 0;
  if (a === b && !a.endsWith('00')) return 1;
  if (a.slice(0, 4) === b.slice(0, 4)) return 0.6;
  if (a.slice(0, 2) === b.slice(0, 2)) return 0.3;
  return 0;
}
