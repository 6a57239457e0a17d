import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Version = [number, number, number];

/** A version or a partial one (`20`, `8.x`, `10.*`): missing or wildcard parts are null. */
function parts(text: string): [number | null, number | null, number | null] {
  const [a, b, c] = text
    .replace(/^v/, '')
    .split('-')[0]!
    .split('.')
    .map((p) => (p === undefined || p === '' || p === 'x' || p === 'X' || p === '*' ? null : Number(p)));
  return [a ?? null, b ?? null, c ?? null];
}

function compare(a: Version, b: Version): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** Whether `version` satisfies one comparator of an npm range (>=, >, <=, <, ^, ~, =, partial versions). */
function satisfiesOne(version: Version, comparator: string): boolean {
  if (comparator === '*' || comparator === '') return true;
  const m = /^(>=|<=|>|<|\^|~|=)?(.+)$/.exec(comparator)!;
  const op = m[1] ?? '';
  const [major, minor, patch] = parts(m[2]!);
  const low: Version = [major ?? 0, minor ?? 0, patch ?? 0];
  switch (op) {
    case '>=':
      return compare(version, low) >= 0;
    case '>':
      return compare(version, low) > 0;
    case '<':
      return compare(version, low) < 0;
    case '<=':
      return compare(version, low) <= 0;
    case '^':
      return compare(version, low) >= 0 && version[0] === low[0];
    case '~':
      return compare(version, low) >= 0 && version[0] === low[0] && version[1] === low[1];
    default:
      return (
        (major === null || version[0] === major) &&
        (minor === null || version[1] === minor) &&
        (patch === null || version[2] === patch)
      );
  }
}

function satisfies(version: string, range: string): boolean {
  const v = parts(version) as Version;
  return range.split('||').some((alternative) =>
    alternative
      .trim()
      .replace(/(>=|<=|>|<|\^|~|=)\s+/g, '$1')
      .split(/\s+/)
      .every((comparator) => satisfiesOne(v, comparator)),
  );
}

/**
 * `npm install` warns EBADENGINE for every installed package whose `engines.node`
 * the running Node does not satisfy; the project supports Node 20, so the lock
 * must hold no package that wants a newer one.
 */
describe('package-lock.json', () => {
  it('reads npm ranges as npm does', () => {
    expect(satisfies('20.20.2', '>=22')).toBe(false);
    expect(satisfies('20.20.2', '^22 || ^24 || >=26')).toBe(false);
    expect(satisfies('20.20.2', '^20.19.0 || >=22.12.0')).toBe(true);
    expect(satisfies('20.20.2', '>= 10.x')).toBe(true);
    expect(satisfies('20.20.2', '6.* || 8.* || >= 10.*')).toBe(true);
    expect(satisfies('20.20.2', '18 || 20 || >=22')).toBe(true);
    expect(satisfies('20.20.2', '>=16 || 14 >=14.17')).toBe(true);
    expect(satisfies('14.10.0', '>=16 || 14 >=14.17')).toBe(false);
  });

  it(`holds only packages whose engines accept this Node (${process.version})`, () => {
    const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8')) as {
      packages: Record<string, { engines?: { node?: string } | string[] }>;
    };
    const refused = Object.entries(lock.packages)
      .map(([path, pkg]) => ({ path, node: Array.isArray(pkg.engines) ? undefined : pkg.engines?.node }))
      .filter(({ node }) => node !== undefined && !satisfies(process.version, node))
      .map(({ path, node }) => `${path} wants node ${node}`);
    expect(refused).toEqual([]);
  });
});
