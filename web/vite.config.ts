import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const backend = 'http://localhost:3000';

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
