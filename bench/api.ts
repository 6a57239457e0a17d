/**
 * Read API throughput (issue #17): the server as `npm start` runs it, in its
 * own process, with the demo data, measured from outside by autocannon at 50
 * connections, signed in as the demo operator (the session cookie and CSRF
 * token as the web sends them), beside a bare Fastify hello-world measured in
 * the same run — on a noisy two-core machine the ratio is what counts.
 *
 *   npm run bench:api                                          # PGlite in a temp dir
 *   DATABASE_URL=postgres://…/postgres npm run bench:api       # a fresh database on that server, dropped after
 *   BENCH_EXPERTS=100000 npm run bench:api                     # plus 100,000 experts in the operator's city
 *   BENCH_SECONDS=5 BENCH_CONNECTIONS=50 BENCH_ONLY=talents,me  # longer runs, some requests only
 *   BENCH_SERVER=tsx npm run bench:api                         # the server through tsx instead of the build
 *   BENCH_PROFILE=talents npm run bench:api                    # a CPU profile of the server under that request
 *
 * Beside req/s and latency it prints the server process's CPU time per request
 * (server ms/r): steadier than req/s on a shared machine, where the client and
 * the database share the two cores.
 *
 * Targets (PostgreSQL): list pages ≥ 2,000 req/s with p99 ≤ 100 ms; detail
 * pages and /api/auth/me ≥ 3,000 req/s. PGlite: list pages ≥ 500 req/s, p99 ≤ 300 ms.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/config.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { createPlatform } from '../src/main.ts';
import { freshPostgres } from './support.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const EXPERTS = Number(process.env.BENCH_EXPERTS ?? 0);
const SERVER = process.env.BENCH_SERVER ?? 'built';
const ONLY = process.env.BENCH_ONLY?.split(',').filter(Boolean);
const PROFILE = process.env.BENCH_PROFILE;
const PASSWORD = 'bench-Password-2026';
const root = new URL('..', import.meta.url).pathname;

interface Result {
  name: string;
  path: string;
  rps: number;
  p50: number;
  p99: number;
  /** The server process's CPU time per request, in ms: steadier than req/s on a shared machine. */
  cpuPerRequest: number | null;
  errors: number;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, child: ChildProcess, seconds = 60): Promise<void> {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited (${child.exitCode})`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}

/**
 * Waits until the server's start work is done (the matching index is built in
 * the background: over 100,000 experts it keeps PGlite busy for tens of
 * seconds), so the figures are of the requests alone: until the process uses
 * under a tenth of a core for a second (Linux; elsewhere no wait).
 */
async function settled(child: ChildProcess, seconds = 180): Promise<void> {
  const cpu = () => cpuMs(child.pid);
  const t = performance.now();
  let last = cpu();
  while (last !== null && performance.now() - t < seconds * 1000) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = cpu();
    if (now === null || now - last < 100) break;
    last = now;
  }
  const waited = (performance.now() - t) / 1000;
  if (waited > 2) console.log(`  the server's start work took ${waited.toFixed(0)} s`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

/** The command `npm start` serves with (built JavaScript), or tsx over the sources. */
function serverCommand(): string[] {
  if (SERVER === 'tsx') return ['--import', 'tsx', join(root, 'src/cli.ts')];
  const built = spawnSync(process.execPath, [join(root, 'scripts/build-server.mjs')], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('building the server failed');
  return [join(root, 'dist/cli.js')];
}

/** CPU time a process has used, in ms (Linux; elsewhere null). */
function cpuMs(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in clock ticks (1/100 s)
  } catch {
    return null;
  }
}

async function measure(
  name: string,
  url: string,
  headers: Record<string, string>,
  server?: ChildProcess,
): Promise<Result> {
  const check = await fetch(url, { headers });
  if (!check.ok) throw new Error(`${name}: ${check.status} ${(await check.text()).slice(0, 200)}`);
  await check.arrayBuffer().catch(() => undefined);
  // A second of warm-up (JIT, caches, pools), then the measured run.
  await autocannon({ url, connections: CONNECTIONS, duration: 1, headers });
  const cpuBefore = cpuMs(server?.pid);
  const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
  const cpuAfter = cpuMs(server?.pid);
  return {
    cpuPerRequest:
      cpuBefore === null || cpuAfter === null || r.requests.total === 0
        ? null
        : (cpuAfter - cpuBefore) / r.requests.total,
    name,
    path: new URL(url).pathname + new URL(url).search,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx,
  };
}

/** 100,000 (BENCH_EXPERTS) experts in the operator's city, by SQL; mobiles sealed as a demo expert's. */
async function addExperts(platform: Awaited<ReturnType<typeof createPlatform>>, count: number) {
  const t = performance.now();
  await platform.database.rows(
    sql.raw(`
    insert into talents (code, name, region_code, scope_region, search_text, title_text, title_level, employer_name,
                         disciplines, discipline_tags, industries, industry_tags, research_interests, tags, mobile_enc,
                         created_at, updated_at)
    select 'BENCH-' || g, n.name, r.code, r.code, lower(n.name || ' bench-' || g),
           (array['教授','研究员','高级工程师','副教授'])[1 + g % 4], (array['正高级','副高级','中级'])[1 + g % 3],
           (array['浙江大学','湖州师范学院','中国科学院宁波材料所','浙江工业大学'])[1 + g % 4],
           array[(array['复合材料','人工智能','机械设计','电气工程'])[1 + g % 4]], array[]::text[],
           array[]::text[], array[]::text[], '研究方向 ' || g, array[]::text[],
           (select mobile_enc from talents where mobile_enc is not null limit 1),
           now() - (g || ' minutes')::interval, now() - (g || ' minutes')::interval
    from generate_series(1, ${count}) g
    cross join lateral (select (array['王','李','张','刘','陈','杨'])[1 + g % 6] || (array['伟','芳','敏','磊','洋','静'])[1 + (g / 6) % 6] || g as name) n
    cross join lateral (select (array['330502','330503','330521','330522','330523'])[1 + g % 5] as code) r`),
  );
  await platform.database.rows(sql`analyze talents`);
  console.log(`  ${count} experts added in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'caiqiao-bench-api-'));
  const pgUrl = process.env.DATABASE_URL;
  const fresh = pgUrl ? await freshPostgres(pgUrl, 'api') : null;
  const env = {
    ...process.env,
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    DATA_DIR: dir,
    DEMO_PASSWORD: PASSWORD,
    ...(fresh ? { DATABASE_URL: fresh.url } : { DATABASE_URL: undefined }),
  };
  const children: ChildProcess[] = [];
  try {
    // The data, written before the server starts (PGlite is one process's); secrets.json is shared through DATA_DIR.
    console.log(`preparing ${fresh ? 'PostgreSQL' : 'PGlite'} with the demo data …`);
    const platform = await createPlatform(loadConfig({ ...env, LOG_LEVEL: 'silent' }, { webDir: undefined }));
    try {
      await seedDemo(platform, PASSWORD);
      if (EXPERTS > 0) await addExperts(platform, EXPERTS);
    } finally {
      await platform.close();
    }

    const helloPort = await freePort();
    const hello = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import Fastify from 'fastify';
         const app = Fastify();
         app.get('/', async () => ({ hello: 'world' }));
         await app.listen({ port: ${helloPort}, host: '127.0.0.1' });`,
      ],
      { cwd: root, stdio: 'inherit' },
    );
    children.push(hello);

    const port = await freePort();
    const command = serverCommand();
    const profileDir = PROFILE ? mkdtempSync(join(tmpdir(), 'caiqiao-bench-api-profile-')) : undefined;
    const server = spawn(
      process.execPath,
      [
        ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
        ...command,
        'start',
        '--no-demo',
      ],
      {
        cwd: root,
        env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    children.push(server);
    const base = `http://127.0.0.1:${port}`;
    await Promise.all([waitFor(`http://127.0.0.1:${helloPort}/`, hello), waitFor(`${base}/healthz`, server)]);
    await settled(server);

    // Signed in as the web is: the session cookie, and the CSRF token the sign-in answers.
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'operator', password: PASSWORD }),
    });
    if (!login.ok) throw new Error(`sign-in: ${login.status} ${await login.text()}`);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const headers = { cookie, 'x-csrf-token': csrfToken, accept: 'application/json' };
    const page = 'page=1&pageSize=20';
    const firstTalent = (await (await fetch(`${base}/api/registry/talents?${page}`, { headers })).json()) as {
      items: { id: string }[];
      total: number;
      totalCapped?: boolean;
    };
    const talentId = firstTalent.items[0]?.id;
    if (!talentId) throw new Error('no talent in the demo data');

    const requests: [string, string][] = [
      ['healthz', '/healthz'],
      ['me', '/api/auth/me'],
      ['talents', `/api/registry/talents?${page}`],
      // Filtered (正高级): not a plain page, so read and built on every request (not kept).
      ['talents-filtered', `/api/registry/talents?${page}&titleLevel=${encodeURIComponent('正高级')}`],
      ['demands', `/api/lists/demands?${page}`],
      ['talent-demands', `/api/lists/talent-demands?${page}`],
      ['achievements', `/api/lists/achievements?${page}`],
      ['orders', `/api/orders?${page}`],
      ['activities', `/api/activities?${page}`],
      ['talent', `/api/registry/talents/${talentId}`],
    ];
    const only = PROFILE ? [PROFILE] : ONLY;
    const wanted = requests.filter(([name]) => !only || only.includes(name));
    console.log(
      `server: ${SERVER === 'tsx' ? 'tsx src/cli.ts' : 'node dist/cli.js'} on ${fresh ? 'PostgreSQL' : 'PGlite'}, ` +
        `${firstTalent.total.toLocaleString('en')}${firstTalent.totalCapped ? '+' : ''} talents; ${CONNECTIONS} connections, ${SECONDS} s each\n`,
    );
    const results: Result[] = [
      await measure('hello-world (bare Fastify)', `http://127.0.0.1:${helloPort}/`, {}),
    ];
    for (const [name, path] of wanted) {
      const r = await measure(name, base + path, headers, server);
      results.push(r);
    }
    await stop(hello);

    const hw = results[0]!.rps;
    const row = (cells: string[]) =>
      console.log(
        `${cells[0]!.padEnd(28)} ${cells[1]!.padStart(9)} ${cells[2]!.padStart(8)} ${cells[3]!.padStart(8)} ${cells[4]!.padStart(7)} ${cells[5]!.padStart(11)} ${cells[6]!.padStart(7)}  ${cells[7]}`,
      );
    row(['request', 'req/s', 'p50 ms', 'p99 ms', '÷ hello', 'server ms/r', 'errors', 'path']);
    for (const r of results) {
      row([
        r.name,
        Math.round(r.rps).toLocaleString('en'),
        String(r.p50),
        String(r.p99),
        `${((r.rps / hw) * 100).toFixed(1)}%`,
        r.cpuPerRequest === null ? '' : r.cpuPerRequest.toFixed(3),
        String(r.errors),
        r.path,
      ]);
    }
    if (profileDir) {
      await stop(server);
      const file = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
      console.log(`\nCPU profile of the server: ${file ? join(profileDir, file) : `none in ${profileDir}`}`);
    }
  } finally {
    for (const child of children) await stop(child);
    if (fresh) await fresh.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
