// Prints the gzipped JavaScript a phone downloads for the sign-in page and for the first screen
// after sign-in (home): the entry chunk and its static imports, plus each route's own chunk and
// its static imports, read from the build manifest (web/dist/.vite/manifest.json).
//
//   npm run bench:bundle                 builds the web app, then measures
//   npm run bench:bundle -- --no-build   measures the web/dist already there
//   npm run bench:bundle -- --json       the figures as JSON
//
// Exits with 1 when a page is over the budget (400 KB gzipped), so it can guard a change.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = new URL('..', import.meta.url).pathname;
// BUNDLE_DIR: a build made elsewhere (vite build --outDir …), measured with --no-build.
const dist = process.env.BUNDLE_DIR ? resolve(process.env.BUNDLE_DIR) : join(root, 'web/dist');
const manifestPath = join(dist, '.vite/manifest.json');
const BUDGET_KB = 400;

/**
 * The pages measured: the source files whose chunks the page loads besides the entry. A file
 * that is not a chunk of its own (statically imported, so inside the entry's chunks) adds nothing.
 */
const PAGES = [
  { name: 'sign-in 登录页 (/login)', sources: ['src/modules/auth/LoginPage.tsx'] },
  { name: 'home 首页 (/)', sources: ['src/app/Shell.tsx', 'src/modules/home/HomePage.tsx'] },
];

const args = new Set(process.argv.slice(2));
if (!args.has('--no-build')) {
  const result = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'web/vite.config.ts',
      '--logLevel',
      'warn',
    ],
    { cwd: root, stdio: 'inherit' },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}
if (!existsSync(manifestPath)) {
  console.error(`${manifestPath} is missing: build the web app with build.manifest on (npm run build:web)`);
  process.exit(1);
}

/** @type {Record<string, { file: string; isEntry?: boolean; imports?: string[] }>} */
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
if (!entryKey) {
  console.error('The manifest names no entry chunk');
  process.exit(1);
}

/** A chunk and everything it imports statically (what the browser fetches before it runs). */
function staticClosure(key, into = new Set()) {
  if (into.has(key)) return into;
  into.add(key);
  for (const imported of manifest[key].imports ?? []) staticClosure(imported, into);
  return into;
}

const gzipped = new Map();
function gzipSize(file) {
  if (!gzipped.has(file)) {
    const code = readFileSync(join(dist, file));
    gzipped.set(file, { raw: code.length, gzip: gzipSync(code, { level: 9 }).length });
  }
  return gzipped.get(file);
}

const kb = (bytes) => (bytes / 1024).toFixed(1);
const report = PAGES.map((page) => {
  const keys = staticClosure(entryKey);
  for (const source of page.sources) if (manifest[source]) staticClosure(source, keys);
  const files = [
    ...new Set([...keys].map((key) => manifest[key].file).filter((file) => file.endsWith('.js'))),
  ];
  const chunks = files.map((file) => ({ file, ...gzipSize(file) })).sort((a, b) => b.gzip - a.gzip);
  const gzip = chunks.reduce((sum, chunk) => sum + chunk.gzip, 0);
  const raw = chunks.reduce((sum, chunk) => sum + chunk.raw, 0);
  return { page: page.name, gzipKB: Number(kb(gzip)), rawKB: Number(kb(raw)), chunks };
});

if (args.has('--json')) {
  console.log(JSON.stringify({ budgetKB: BUDGET_KB, pages: report }, null, 2));
} else {
  for (const page of report) {
    const mark = page.gzipKB <= BUDGET_KB ? '≤' : '>';
    console.log(
      `\n${page.page}: ${page.gzipKB} KB gzipped JavaScript (${page.rawKB} KB raw) ${mark} ${BUDGET_KB} KB`,
    );
    for (const chunk of page.chunks) {
      console.log(`  ${kb(chunk.gzip).padStart(7)} KB gz ${kb(chunk.raw).padStart(8)} KB  ${chunk.file}`);
    }
  }
  console.log(
    `\n${Object.keys(manifest).length} chunks in the build; budget ${BUDGET_KB} KB gzipped per page`,
  );
}
process.exit(report.every((page) => page.gzipKB <= BUDGET_KB) ? 0 : 1);
