/**
 * The API fuzz run (issue 13): at least 10,000 malformed requests over every route the app
 * registers, as five roles (each request to a role that may call the route, one in ten to any),
 * on a fresh database with the demo data. Prints the count of answers
 * per status (and per kind of input) and every distinct failure: a 5xx, a hang, or a 4xx without
 * the error shape. Exits 1 when there is one. test/fuzz.test.ts runs a fast slice of the same in CI.
 *
 *   npm run fuzz
 *   FUZZ_REQUESTS=20000 FUZZ_SEED=7 FUZZ_ROLES=admin,operator,expert npm run fuzz
 *   DATABASE_URL=postgres://…/postgres npm run fuzz     # on PostgreSQL (a fresh database, dropped after)
 *   FUZZ_DUMP=/tmp/fuzz npm run fuzz                     # each failing request whole, to replay
 *   FUZZ_ONLY='registrations/import' npm run fuzz        # only the routes whose "METHOD /url" matches
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ephemeralSecrets, loadConfig } from '../src/config.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { createPlatform } from '../src/main.ts';
import { formatReport, fuzz } from '../test/support/fuzz.ts';
import { freshPostgres } from './support.ts';

const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 12_000);
const SEED = Number(process.env.FUZZ_SEED ?? 13);
const ROLES = (process.env.FUZZ_ROLES ?? 'admin,operator,enterprise,expert,auditor').split(',');
const PASSWORD = 'fuzz-Password-2026';

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'caiqiao-fuzz-'));
  const pgUrl = process.env.DATABASE_URL;
  const fresh = pgUrl ? await freshPostgres(pgUrl, 'fuzz') : null;
  const config = loadConfig(
    {
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
      DATA_DIR: dir,
      ...(fresh ? { DATABASE_URL: fresh.url } : {}),
    },
    { secrets: ephemeralSecrets(), webDir: undefined },
  );
  const platform = await createPlatform(config);
  let failed = false;
  try {
    await seedDemo(platform, PASSWORD);
    const started = Date.now();
    const report = await fuzz({
      app: platform.app,
      routes: platform.routes(),
      roles: ROLES,
      password: PASSWORD,
      requests: REQUESTS,
      seed: SEED,
      dumpDir: process.env.FUZZ_DUMP,
      ...(process.env.FUZZ_ONLY ? { only: new RegExp(process.env.FUZZ_ONLY) } : {}),
      onProgress: (done, r) => {
        if (done % 1000 === 0) {
          const fives = Object.entries(r.byStatus).filter(([s]) => Number(s) >= 500 || s === '0');
          console.error(`${done} … ${fives.map(([s, n]) => `${s}: ${n}`).join(', ') || 'no 5xx'}`);
        }
      },
    });
    console.log(`seed ${SEED}, roles ${ROLES.join(', ')}, ${Math.round((Date.now() - started) / 1000)} s`);
    console.log(formatReport(report));
    failed = report.failures.length > 0;
  } finally {
    await platform.close();
    await fresh?.drop();
    rmSync(dir, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
