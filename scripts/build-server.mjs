// Compiles the server (src/, tests left out) to plain JavaScript in dist/, which
// `npm start` runs with node: no TypeScript loader in the serving process.
// File by file, one level below the root as src/ is, so paths that a module
// finds from its own location (drizzle/, data/, a worker beside it) hold in
// both. Relative imports are rewritten from .ts to .js; packages stay imports.
// Takes about a second, so `npm start` builds every time (over the last build:
// a running server's files are replaced, never missing). Source maps are
// written beside the files for a debugger or `node --enable-source-maps`;
// the server does not rewrite stack traces by them while serving.
// `node scripts/build-server.mjs <dir>` writes elsewhere (test/cli.test.ts builds
// its own copy); <dir> needs data/, drizzle/ and node_modules/ beside it.
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const src = join(root, 'src');
const out = process.argv[2] ? resolve(process.argv[2]) : join(root, 'dist');

function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/**
 * Each file stays a module of its own: a relative import is left as an import
 * of the compiled .js, a package as an import of the package. JSON data from a
 * package is inlined (esbuild would drop the `with { type: 'json' }` that Node needs).
 */
const keepModules = {
  name: 'keep-modules',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      return { path: args.path.replace(/\.ts$/, '.js'), external: true };
    });
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.endsWith('.json') ? undefined : { external: true },
    );
  },
};

const started = performance.now();
const entryPoints = sources(src);
await build({
  entryPoints,
  outdir: out,
  outbase: src,
  bundle: true,
  plugins: [keepModules],
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
});
console.log(
  `服务端已编译 Server compiled: ${entryPoints.length} files → ${relative(root, out)}/ in ${Math.round(performance.now() - started)} ms`,
);
