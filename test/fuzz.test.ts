import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatReport, fuzz } from './support/fuzz.ts';
import { DEMO_PASSWORD, type TestPlatform, testPlatform } from './support/platform.ts';

/**
 * The CI slice of the API fuzz run (test/support/fuzz.ts; `npm run fuzz` runs ≥ 10,000):
 * malformed requests over every route the app registers, as several roles, on the demo data.
 * No answer may be a 5xx, and every 4xx carries a stable code and a Chinese message.
 * FUZZ_REQUESTS and FUZZ_SEED change the slice (e.g. to chase a failure another seed found);
 * FUZZ_DUMP=dir writes each failing request whole to that directory.
 */
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 1500);
const SEED = Number(process.env.FUZZ_SEED ?? 2026);
const ROLES = ['admin', 'operator', 'enterprise', 'expert', 'auditor'];

describe('fuzzing every route', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await testPlatform();
  });
  afterAll(() => p.close());

  it(`${REQUESTS} malformed requests as ${ROLES.join(', ')}: no 5xx, every refusal in the error shape`, async () => {
    const report = await fuzz({
      app: p.app,
      routes: p.routes(),
      roles: ROLES,
      password: DEMO_PASSWORD,
      requests: REQUESTS,
      seed: SEED,
      dumpDir: process.env.FUZZ_DUMP,
      // Uploads start a worker thread each: give their time to the other routes, to stay fast.
      balanceTime: true,
    });
    expect(Object.keys(report.byRoute).length).toBe(p.routes().length);
    // The route, the role, what was sent and what came back, for each distinct failure.
    expect(report.failures, formatReport(report)).toEqual([]);
  }, 180_000);
});
