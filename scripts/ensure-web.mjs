// Builds the web app when web/dist is missing or older than its sources, so
// `npm start` on a fresh clone serves the real pages without a separate step.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const built = join(root, 'web/dist/index.html');

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const sources = [join(root, 'web/src'), join(root, 'web/index.html'), join(root, 'web/vite.config.ts')];
// The pure server files the web bundles (constants, names), as the last build listed them.
const serverSources = join(root, 'node_modules/.cache/caiqiao/web-server-sources.json');
if (existsSync(serverSources)) {
  for (const file of JSON.parse(readFileSync(serverSources, 'utf8'))) sources.push(join(root, file));
}
const sourceTime = Math.max(
  ...sources.filter(existsSync).map((p) => (statSync(p).isDirectory() ? newest(p) : statSync(p).mtimeMs)),
);
if (existsSync(built) && statSync(built).mtimeMs >= sourceTime) process.exit(0);

console.log('正在构建前端 Building the web app (first start only)…');
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
  {
    cwd: root,
    stdio: 'inherit',
  },
);
process.exit(result.status ?? 1);
