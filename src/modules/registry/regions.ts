import {
  findRegion,
  isKnownRegion,
  type Region,
  regionFullName,
  searchRegionsByName,
} from '../../reference/regions.ts';

const LEVEL_RANK = { province: 0, city: 1, county: 2 } as const;

/**
 * The region a spreadsheet cell means: a GB/T 2260 code, or a name as people
 * write it ("浙江", "杭州市临安区", "内蒙"). Undefined when unknown or ambiguous
 * (two districts of the same name in different cities), so the caller keeps
 * the text and flags it.
 */
export function resolveRegion(text: string): Resolved {
  const t = text.replace(/\s/g, '');
  const cached = memo.get(t);
  if (cached !== undefined || memo.has(t)) return cached;
  const resolved = resolveUncached(t);
  if (memo.size > 20_000) memo.clear();
  memo.set(t, resolved);
  return resolved;
}

type Resolved = { code: string } | { ambiguous: Region[] } | undefined;
/** Spreadsheets repeat the same few region names thousands of times. */
const memo = new Map<string, Resolved>();

function resolveUncached(t: string): Resolved {
  if (!t) return undefined;
  if (/^\d{6}$/.test(t)) return isKnownRegion(t) ? { code: t } : undefined;
  if (/^\d{2}$|^\d{4}$/.test(t)) {
    const code = t.padEnd(6, '0');
    return isKnownRegion(code) ? { code } : undefined;
  }
  if (t.length < 2) return undefined;
  const results = searchRegionsByName(t);
  if (results.length === 0) return undefined;
  const exact = results.filter((r) => r.name === t || regionFullName(r.code) === t);
  if (exact.length === 1) return { code: exact[0]!.code };
  if (exact.length > 1) return { ambiguous: exact };
  const [first, second] = results;
  if (!second) return { code: first!.code };
  if (LEVEL_RANK[first!.level] < LEVEL_RANK[second.level]) return { code: first!.code };
  return { ambiguous: results.slice(0, 5) };
}

/** "浙江省湖州市" for a code, or null. */
export function regionName(code: string | null): string | null {
  return code && findRegion(code) ? regionFullName(code) : null;
}
