import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
/** The server's source: the web imports its contracts' types and its pure constants from here. */
const server = fileURLToPath(new URL('../src/', import.meta.url));
const backend = 'http://localhost:3000';
/** Lists the server files the bundle holds (scripts/ensure-web.mjs reads it). */
const SERVER_SOURCES = fileURLToPath(
  new URL('../node_modules/.cache/caiqiao/web-server-sources.json', import.meta.url),
);

/**
 * The web takes types from the server's contracts (type-only imports, erased)
 * and values only from pure server files (constants.ts, machine.ts …). A server
 * file that reaches the bundle and imports a package (zod, drizzle, node:*)
 * fails the build instead of shipping server code to the browser.
 */
function serverValuesArePure(): Plugin {
  return {
    name: 'caiqiao:server-values-are-pure',
    enforce: 'pre',
    resolveId(source, importer) {
      if (importer?.startsWith(server) && !source.startsWith('.')) {
        this.error(
          `${importer} imports '${source}': the web may bundle only server files that import nothing but other pure files`,
        );
      }
      return null;
    },
    // The server files in the bundle, so that scripts/ensure-web.mjs rebuilds when one changes
    // (in node_modules/.cache, not in dist: dist is served).
    generateBundle() {
      const files = [...this.getModuleIds()]
        .filter((id) => id.startsWith(server))
        .map((id) => `src/${id.slice(server.length)}`)
        .sort();
      mkdirSync(dirname(SERVER_SOURCES), { recursive: true });
      writeFileSync(SERVER_SOURCES, `${JSON.stringify(files, null, 2)}\n`);
    },
  };
}

/** Splits the heavy third-party libraries into long-cacheable vendor chunks. */
function vendorChunk(id: string): string | undefined {
  if (!id.includes('node_modules')) return undefined;
  if (/node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser)[\\/]/.test(id)) {
    return 'vendor-react';
  }
  if (/node_modules[\\/]@tanstack[\\/]/.test(id)) return 'vendor-query';
  // Charts are big and only the dashboard needs them: their own chunk, loaded with that page.
  if (/node_modules[\\/](echarts|zrender|tslib)[\\/]/.test(id)) return 'vendor-charts';
  if (/node_modules[\\/](@ant-design|antd|rc-[^\\/]+|@rc-component|dayjs)[\\/]/.test(id))
    return 'vendor-antd';
  return 'vendor';
}

export default defineConfig({
  root,
  base: '/',
  esbuild: { jsx: 'automatic' },
  plugins: [serverValuesArePure()],
  resolve: { alias: { '@server/': server } },
  server: {
    port: 5173,
    proxy: {
      '/api': backend,
      '/healthz': backend,
      '/readyz': backend,
      '/metrics': backend,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      output: { manualChunks: vendorChunk },
      onwarn(warning, warn) {
        // antd marks its modules "use client"; meaningless in a client-only bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
