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

/**
 * antd's Modal (and so App, on every page) imports antd's form context, which takes only
 * FormProvider from rc-field-form's index; that index also attaches Field, List and useForm to
 * the form (property assignments Rollup must keep), so the whole form library came with every
 * page. That one import is pointed at the file FormProvider lives in: the same binding.
 */
function antdFormContextOnly(): Plugin {
  return {
    name: 'caiqiao:antd-form-context-only',
    enforce: 'pre',
    resolveId(source, importer) {
      if (
        source === 'rc-field-form' &&
        importer &&
        /[\\/]antd[\\/]es[\\/]form[\\/]context\.js$/.test(importer)
      ) {
        return this.resolve('rc-field-form/es/FormContext.js', importer, { skipSelf: true });
      }
      return null;
    },
  };
}

/**
 * Long-cacheable vendor chunks for what every screen runs (React and its router, TanStack Query),
 * and ECharts, which only the dashboard's chunk imports. antd and the rest are left to Rollup:
 * each component lands in the chunks of the pages that use it (shared ones in shared chunks), so
 * the sign-in page and the first screen do not carry every component of the app.
 */
function vendorChunk(id: string): string | undefined {
  if (!id.includes('node_modules')) return undefined;
  if (/node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser)[\\/]/.test(id)) {
    return 'vendor-react';
  }
  if (/node_modules[\\/]@tanstack[\\/]/.test(id)) return 'vendor-query';
  if (/node_modules[\\/](echarts|zrender|tslib)[\\/]/.test(id)) return 'vendor-charts';
  return undefined;
}

export default defineConfig({
  root,
  base: '/',
  esbuild: { jsx: 'automatic' },
  plugins: [serverValuesArePure(), antdFormContextOnly()],
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
    // .vite/manifest.json: the chunks each entry and route imports (scripts/bundle-size.mjs reads it).
    manifest: true,
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
