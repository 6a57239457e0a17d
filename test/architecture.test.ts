/**
 * The shape ARCHITECTURE.md promises, checked on the source: dependencies
 * point one way, and every server file is short enough to hold in one's head.
 * A module added later fails here until it takes its place in MODULE_ORDER.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/** ARCHITECTURE.md's "Dependencies point one way": a module imports only those before it. */
const MODULE_ORDER = [
  'registry',
  'lists',
  'matching',
  'teams',
  'orders',
  'activities',
  'standing',
  'certification',
  'benefits',
  'talentcode',
  'reviews',
  'workbench',
  'insights',
] as const;

const MAX_LINES = 500;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The project files a source file imports (relative specifiers, resolved from the repository root). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]!);
  return specifiers.map((s) => normalize(join(dirname(file), s)));
}

/** Where a file sits: 'reference', 'platform', a module's name, or the composition root. */
function layerOf(path: string): string {
  const parts = relative('src', path).split('/');
  if (parts[0] === 'modules') return parts[1]!;
  return parts.length > 1 ? parts[0]! : 'root';
}

const files = sourceFiles('src');

describe('the shape of the server', () => {
  it('has every module in the order of ARCHITECTURE.md', () => {
    const modules = readdirSync('src/modules', { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    for (const name of modules) expect(MODULE_ORDER, `src/modules/${name}`).toContain(name);
  });

  it('points dependencies one way: reference ← platform ← modules in their order; the root wires them', () => {
    const wrong: string[] = [];
    for (const file of files) {
      const from = layerOf(file);
      if (from === 'root' || from === 'demo') continue;
      for (const target of importsOf(file)) {
        if (!target.startsWith('src/')) continue;
        const to = layerOf(target);
        if (to === from) continue;
        const allowed =
          to === 'reference' ||
          (to === 'platform' && from !== 'reference') ||
          (MODULE_ORDER.includes(to as never) &&
            MODULE_ORDER.includes(from as never) &&
            MODULE_ORDER.indexOf(to as never) < MODULE_ORDER.indexOf(from as never));
        if (!allowed) wrong.push(`${file} → ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it(`keeps every server file under ${MAX_LINES} lines`, () => {
    const long = files
      .map((file) => ({ file, lines: readFileSync(file, 'utf8').split('\n').length }))
      .filter((f) => f.lines >= MAX_LINES)
      .map((f) => `${f.file}: ${f.lines}`);
    expect(long).toEqual([]);
  });
});
