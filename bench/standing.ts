/**
 * Standing service benchmark (issue #16): the yearly plans of assistance
 * teams regenerated, and the office's reads over a year of occurrences.
 *
 * 1. Planning only: `planYear` on the real WorkCalendar for BENCH_TEAMS teams
 *    with random cadences within the contract's ranges (and the "1346"
 *    default), no database.
 * 2. On a database with the demo data and a clock standing at BENCH_TODAY:
 *    BENCH_TEAMS combined teams across the demo city's counties (inserted in
 *    bulk: setup), each team's plan for the year made through
 *    `platform.standing.savePlan` from 1 January; BENCH_COMMISSIONERS tech
 *    commissioners with BENCH_PORTFOLIO enterprises each (the experts, the
 *    enterprises, BENCH_ROUNDS rounds of the counties with their entries and
 *    proposed pairs inserted in bulk: setup), each round confirmed through
 *    `CommissionersService.confirm` — limits checked under the lock, the pairs
 *    made terms for the year, their monthly visits planned — on a clock at the
 *    term's first day (as an office confirms before the term begins), timed
 *    per round and in all; then BENCH_RECORDED of the occurrences due before
 *    today recorded; then
 *    (a) every team plan regenerated with a changed cadence (savePlan: the
 *        future unrecorded sessions re-planned), total time and per-plan p50/p99;
 *    (b–d) the office view (its summary per subject and month; a page of
 *        commissioners furthest behind first and by name; a page of teams
 *        with their outcomes), the overdue list and a team's plan over real
 *        HTTP as the demo operator, p50/p99 over BENCH_CALLS calls each.
 * Prints figures beside the data sizes; asserts no timing.
 *
 *   npm run bench:standing                                      # PGlite in a temp dir
 *   DATABASE_URL=postgres://…/postgres npm run bench:standing   # a fresh database on that server, dropped after
 *   BENCH_TEAMS=500 BENCH_CALLS=200 BENCH_TODAY=2026-03-02 BENCH_RECORDED=0.7
 *   BENCH_COMMISSIONERS=5000 BENCH_PORTFOLIO=3 BENCH_ROUNDS=50
 *   BENCH_KEEP=1 …                                              # keep the PostgreSQL database (to EXPLAIN queries)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, count, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import { ephemeralSecrets, loadConfig } from '../src/config.ts';
import { DEMO_CITY, DEMO_COUNTIES } from '../src/demo/city.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { accountActor, createPlatform, type Platform } from '../src/main.ts';
import { enterprises, talents } from '../src/modules/registry/schema.ts';
import { planYear } from '../src/modules/standing/cadence.ts';
import { CommissionersService } from '../src/modules/standing/commissioners.ts';
import {
  type Cadence,
  DEFAULT_CADENCE,
  PERIODS,
  TEAM_SESSION_KINDS,
} from '../src/modules/standing/constants.ts';
import { StandingRepository } from '../src/modules/standing/repository.ts';
import {
  commissionerEntries,
  commissionerPairings,
  commissionerRounds,
  serviceOccurrences as o,
  servicePlans,
} from '../src/modules/standing/schema.ts';
import { teamMembers, teams } from '../src/modules/teams/schema.ts';
import type { Actor } from '../src/platform/access/actor.ts';
import { ManualClock } from '../src/platform/clock.ts';
import { WorkCalendar } from '../src/reference/workdays.ts';
import { freshPostgres, percentile } from './support.ts';

const TEAMS = Number(process.env.BENCH_TEAMS ?? 500);
const CALLS = Number(process.env.BENCH_CALLS ?? 200);
const TODAY = process.env.BENCH_TODAY ?? '2026-03-02';
const RECORDED = Number(process.env.BENCH_RECORDED ?? 0.7);
const YEAR = Number(TODAY.slice(0, 4));
const PASSWORD = 'bench-Password-2026';
const COMMISSIONERS = Number(process.env.BENCH_COMMISSIONERS ?? 5000);
const PORTFOLIO = Number(process.env.BENCH_PORTFOLIO ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 50);

/** A small seeded generator (mulberry32), so every run plans the same cadences. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A cadence anywhere within the contract's ranges: any period, 0–7 sessions each. */
function randomCadence(next: () => number): Cadence {
  return Object.fromEntries(
    TEAM_SESSION_KINDS.map((k) => [
      k,
      { period: PERIODS[Math.floor(next() * PERIODS.length)]!, count: Math.floor(next() * 8) },
    ]),
  ) as Cadence;
}

/** The change every team's plan is regenerated with: two visits a month, two consultations a quarter. */
const CHANGED: Cadence = {
  ...DEFAULT_CADENCE,
  visit: { period: 'month', count: 2 },
  consultation: { period: 'quarter', count: 2 },
};

const ms = (x: number) => x.toFixed(1).padStart(8);
const int = (x: number) => x.toLocaleString('en');
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

function row(label: string, times: number[], extra = ''): string {
  const s = sorted(times);
  return `  ${label.padEnd(58)} ${String(s.length).padStart(5)} ${ms(percentile(s, 50))} ${ms(percentile(s, 99))}${extra}`;
}

/** 1. planYear alone: how long the cadence arithmetic takes, away from any database. */
function planningOnly(): { sessions: number; ms: number } {
  const calendar = new WorkCalendar();
  const next = random(16);
  const cadences = Array.from({ length: TEAMS }, () => randomCadence(next));
  planYear(calendar, YEAR, DEFAULT_CADENCE); // warm-up
  const measure = (label: string, list: readonly Cadence[]) => {
    const per: number[] = [];
    let sessions = 0;
    const t = performance.now();
    for (const c of list) {
      const s = performance.now();
      sessions += planYear(calendar, YEAR, c).length;
      per.push(performance.now() - s);
    }
    const total = performance.now() - t;
    console.log(
      `  ${label.padEnd(40)} ${int(sessions).padStart(9)} sessions in ${total.toFixed(0).padStart(5)} ms` +
        ` (per team p50 ${percentile(sorted(per), 50).toFixed(2)} ms, p99 ${percentile(sorted(per), 99).toFixed(2)} ms)`,
    );
    return { sessions, ms: total };
  };
  console.log(`1. planning only (planYear ${YEAR} on the WorkCalendar, no database), ${int(TEAMS)} teams:`);
  const randomRun = measure('random cadences (any period, 0–7 each)', cadences);
  measure('the 1346 default', Array(TEAMS).fill(DEFAULT_CADENCE));
  return randomRun;
}

const INDUSTRIES = [
  { code: '38', name: '新能源电池' },
  { code: '65', name: '地理信息' },
  { code: '30', name: '绿色建材' },
  { code: '26', name: '生物医药' },
  { code: '34', name: '智能装备' },
  { code: '17', name: '现代纺织' },
];

/** Setup, not measured as the real path: combined teams of five demo experts each, inserted in bulk. */
async function insertTeams(platform: Platform, n: number): Promise<string[]> {
  const db = platform.database.db;
  const experts = (
    await db.select({ id: talents.id }).from(talents).where(sql`${talents.code} like 'ZJ-%'`).limit(60)
  ).map((r) => r.id);
  if (experts.length < 5) throw new Error('the demo data has too few experts');
  const ids: string[] = [];
  for (let i = 0; i < n; i += 200) {
    const chunk = Array.from({ length: Math.min(200, n - i) }, (_, j) => {
      const k = i + j;
      const industry = INDUSTRIES[k % INDUSTRIES.length]!;
      return {
        name: `${industry.name}组合式人才帮扶团（基准 ${k + 1}）`,
        kind: 'combined',
        regionCode: DEMO_CITY,
        countyCode: DEMO_COUNTIES[k % DEMO_COUNTIES.length]!,
        industryCode: industry.code,
        industryName: industry.name,
        leaderTalentId: experts[k % experts.length]!,
      };
    });
    const rows = await db
      .insert(teams)
      .values(chunk)
      .returning({ id: teams.id, leader: teams.leaderTalentId });
    await db.insert(teamMembers).values(
      rows.flatMap((r, j) => {
        const at = experts.indexOf(r.leader);
        const pick = (d: number) => experts[(at + d + i + j) % experts.length]!;
        const members = [
          { teamId: r.id, talentId: r.leader, role: 'chief' as const },
          { teamId: r.id, talentId: pick(7), role: 'expert' as const },
          { teamId: r.id, talentId: pick(13), role: 'expert' as const },
          { teamId: r.id, talentId: pick(19), role: 'expert' as const },
          { teamId: r.id, talentId: pick(29), role: 'manager' as const },
        ];
        // Two picks may land on one expert; a member is listed once.
        return members.filter((m, x) => members.findIndex((y) => y.talentId === m.talentId) === x);
      }),
    );
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

/** Makes each team's plan through the service, as the operator's PUT does; per-plan times. */
async function makePlans(platform: Platform, actor: Actor, teamIds: readonly string[]) {
  const times: number[] = [];
  const versions = new Map<string, number>();
  for (const teamId of teamIds) {
    const t = performance.now();
    const plan = await platform.standing.savePlan(
      actor,
      teamId,
      YEAR,
      {
        cadence: DEFAULT_CADENCE,
        services: { direction: '研判产业链短板', links: '对接高校院所' },
        goal: '三年内培育两家省级专精特新企业',
        milestones: [{ year: YEAR + 1, text: '建成产业创新联合体' }],
        from: `${YEAR}-01-01`,
      },
      'zh-CN',
    );
    times.push(performance.now() - t);
    versions.set(teamId, plan.version!);
  }
  return { times, versions };
}

/** Inserts rows in chunks (setup). */
async function inChunks<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>, size = 1000) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/**
 * Setup, not measured as the real path: COMMISSIONERS experts and
 * PORTFOLIO × COMMISSIONERS enterprises of the demo city's counties, and
 * ROUNDS rounds of the counties for the year, each with its experts and
 * enterprises as participants and every expert proposed for PORTFOLIO
 * enterprises (the limit), as `propose` leaves a round.
 */
async function insertRounds(platform: Platform, actor: Actor): Promise<{ id: string; version: number }[]> {
  const db = platform.database.db;
  const county = (k: number) => DEMO_COUNTIES[(k % ROUNDS) % DEMO_COUNTIES.length]!;
  const experts = Array.from({ length: COMMISSIONERS }, (_, k) => ({
    code: `TP-${String(k + 1).padStart(5, '0')}`,
    name: `特派员${k + 1}`,
    regionCode: county(k),
    scopeRegion: county(k),
    isExpert: true,
    tags: ['科技特派员'],
  }));
  const talentIds: string[] = [];
  await inChunks(experts, async (chunk) =>
    talentIds.push(
      ...(await db.insert(talents).values(chunk).returning({ id: talents.id })).map((r) => r.id),
    ),
  );
  const firms = Array.from({ length: COMMISSIONERS * PORTFOLIO }, (_, n) => {
    const k = Math.floor(n / PORTFOLIO);
    return {
      code: `TQ-${String(n + 1).padStart(6, '0')}`,
      name: `基准企业${n + 1}`,
      regionCode: county(k),
      scopeRegion: county(k),
    };
  });
  const enterpriseIds: string[] = [];
  await inChunks(firms, async (chunk) =>
    enterpriseIds.push(
      ...(await db.insert(enterprises).values(chunk).returning({ id: enterprises.id })).map((r) => r.id),
    ),
  );
  const now = platform.clock.now();
  const rounds = await db
    .insert(commissionerRounds)
    .values(
      Array.from({ length: ROUNDS }, (_, r) => ({
        scopeRegion: DEMO_COUNTIES[r % DEMO_COUNTIES.length]!,
        name: `${YEAR}年度科技特派员选派（基准 ${r + 1}）`,
        termStart: `${YEAR}-01-01`,
        termEnd: `${YEAR}-12-31`,
        portfolioLimit: PORTFOLIO,
        visitCadence: { period: 'month' as const, count: 1 },
        status: 'proposed' as const,
        proposedAt: now,
        createdBy: actor.userId,
      })),
    )
    .returning({ id: commissionerRounds.id, version: commissionerRounds.version });
  const roundOf = (k: number) => rounds[k % ROUNDS]!;
  const entries = talentIds.flatMap((talentId, k) => [
    { roundId: roundOf(k).id, side: 'expert' as const, talentId },
    ...Array.from({ length: PORTFOLIO }, (_, j) => ({
      roundId: roundOf(k).id,
      side: 'enterprise' as const,
      enterpriseId: enterpriseIds[k * PORTFOLIO + j]!,
    })),
  ]);
  await inChunks(entries, (chunk) => db.insert(commissionerEntries).values(chunk));
  const pairs = talentIds.flatMap((talentId, k) =>
    Array.from({ length: PORTFOLIO }, (_, j) => ({
      roundId: roundOf(k).id,
      scopeRegion: county(k),
      talentId,
      enterpriseId: enterpriseIds[k * PORTFOLIO + j]!,
      termStart: `${YEAR}-01-01`,
      termEnd: `${YEAR}-12-31`,
      score: 80,
      reasons: [{ zh: '研究方向与企业需求相符', en: 'Research fits the need' }],
    })),
  );
  await inChunks(pairs, (chunk) => db.insert(commissionerPairings).values(chunk));
  return rounds;
}

/**
 * Confirms every round through the service, as the operator's POST …/confirm
 * does, on a clock at the term's first day (so the year's twelve visits of
 * each pair are planned, January's and February's among them); per-round times.
 */
async function confirmRounds(
  platform: Platform,
  actor: Actor,
  rounds: readonly { id: string; version: number }[],
) {
  const office = new CommissionersService(
    platform.database,
    platform.audit,
    new ManualClock(new Date(`${YEAR}-01-01T09:00:00+08:00`)),
    platform.calendar,
    platform.matching,
  );
  const times: number[] = [];
  for (const round of rounds) {
    const t = performance.now();
    const view = await office.confirm(actor, round.id, round.version);
    times.push(performance.now() - t);
    if (view.status !== 'confirmed') throw new Error(`round ${round.id} not confirmed`);
  }
  return times;
}

/**
 * Records a share of the sessions due before today, one compare-and-set each
 * (the repository's setRecord), in one transaction for the setup's speed.
 */
async function recordPast(platform: Platform, actor: Actor, share: number): Promise<number> {
  const past = await platform.database.db
    .select({ id: o.id, kind: o.kind, dueOn: o.dueOn })
    .from(o)
    .where(lt(o.dueOn, TODAY))
    .orderBy(o.id);
  const next = random(30);
  const at = platform.clock.now();
  return platform.database.transaction(async (tx) => {
    const repo = new StandingRepository(tx);
    let recorded = 0;
    for (const s of past) {
      if (next() >= share) continue;
      const ok = await repo.setRecord(s.id, {
        recordKind: s.kind === 'salon' ? 'activity' : 'visit',
        doneOn: s.dueOn,
        recordedAt: at,
        recordedBy: actor.userId,
        recordedByName: actor.displayName,
      });
      if (ok) recorded += 1;
    }
    return recorded;
  });
}

/** Re-plans every team's year with the changed cadence through savePlan; per-plan times. */
async function regenerate(
  platform: Platform,
  actor: Actor,
  versions: Map<string, number>,
  cadence: Cadence,
): Promise<number[]> {
  const times: number[] = [];
  for (const [teamId, version] of versions) {
    const t = performance.now();
    const plan = await platform.standing.savePlan(
      actor,
      teamId,
      YEAR,
      {
        cadence,
        services: { direction: '研判产业链短板', links: '对接高校院所' },
        goal: '三年内培育两家省级专精特新企业',
        milestones: [{ year: YEAR + 1, text: '建成产业创新联合体' }],
        version,
      },
      'zh-CN',
    );
    times.push(performance.now() - t);
    versions.set(teamId, plan.version!);
  }
  return times;
}

async function sizes(platform: Platform) {
  const db = platform.database.db;
  const [all] = await db.select({ n: count() }).from(o);
  const [done] = await db.select({ n: count() }).from(o).where(isNotNull(o.recordKind));
  const [overdue] = await db
    .select({ n: count() })
    .from(o)
    .where(and(isNull(o.recordKind), lt(o.dueOn, TODAY)));
  const [plans] = await db.select({ n: count() }).from(servicePlans);
  const [commission] = await db.select({ n: count() }).from(o).where(sql`${o.subject} = 'commission'`);
  return {
    plans: plans?.n ?? 0,
    occurrences: all?.n ?? 0,
    commissionVisits: commission?.n ?? 0,
    recorded: done?.n ?? 0,
    overdue: overdue?.n ?? 0,
  };
}

/**
 * What each kind of standing subject puts in the database and how its plans
 * are regenerated: the assistance teams' plans. (A commissioner's term is
 * planned once, at confirmation: measured above as (e).)
 */
interface Subject {
  /** The key of its figures in the JSON line. */
  key: string;
  label: string;
  regenerate: () => Promise<number[]>;
}

async function main() {
  const planned = planningOnly();

  const dir = mkdtempSync(join(tmpdir(), 'caiqiao-bench-standing-'));
  const pgUrl = process.env.DATABASE_URL;
  const fresh = pgUrl ? await freshPostgres(pgUrl, 'standing') : null;
  const config = loadConfig(
    { LOG_LEVEL: 'silent', DATA_DIR: dir, ...(fresh ? { DATABASE_URL: fresh.url } : {}) },
    { secrets: ephemeralSecrets(), webDir: undefined },
  );
  // The platform's today stands still, so states (done, overdue, due) are the same on every run.
  const clock = new ManualClock(new Date(`${TODAY}T09:00:00+08:00`));
  const platform = await createPlatform(config, { clock });
  const db = platform.database;
  try {
    await seedDemo(platform, PASSWORD);
    const operator = await accountActor(platform, 'operator');
    if (!operator) throw new Error('no demo operator');
    console.log(`\n2. on ${db.kind}, today ${TODAY}, ${int(TEAMS)} combined teams of 湖州's counties:`);
    let t = performance.now();
    const teamIds = await insertTeams(platform, TEAMS);
    console.log(
      `  setup: ${int(teamIds.length)} teams inserted in bulk in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    t = performance.now();
    const made = await makePlans(platform, operator, teamIds);
    const makeSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    const rounds = await insertRounds(platform, operator);
    console.log(
      `  setup: ${int(COMMISSIONERS)} commissioners, ${int(COMMISSIONERS * PORTFOLIO)} enterprises, ${int(rounds.length)} rounds ` +
        `with ${int(COMMISSIONERS * PORTFOLIO)} proposed pairs inserted in bulk in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    await db.rows(sql`analyze`);
    t = performance.now();
    const confirmTimes = await confirmRounds(platform, operator, rounds);
    const confirmSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    const recorded = await recordPast(platform, operator, RECORDED);
    console.log(
      `  setup: ${int(recorded)} past occurrences recorded (${Math.round(RECORDED * 100)} %, setRecord) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    await db.rows(sql`analyze`);
    const before = await sizes(platform);
    console.log(
      `  data: ${int(before.plans)} plans (the demo's one among them), ${int(before.occurrences)} occurrences ` +
        `(${int(before.commissionVisits)} commissioners' visits, the demo's among them), ` +
        `${int(before.recorded)} recorded, ${int(before.overdue)} overdue`,
    );

    const subjects: Subject[] = [
      {
        key: 'teams',
        label: `(a) ${int(teamIds.length)} team plans regenerated, new cadence`,
        regenerate: () => regenerate(platform, operator, made.versions, CHANGED),
      },
    ];
    console.log(
      `\n  ${'measure'.padEnd(58)} ${'n'.padStart(5)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}`,
    );
    console.log(
      row(
        `${int(teamIds.length)} team plans made (savePlan from 1 January)`,
        made.times,
        `   total ${makeSeconds.toFixed(1)} s`,
      ),
    );
    console.log(
      row(
        `(e) ${int(rounds.length)} rounds confirmed, ${int(COMMISSIONERS * PORTFOLIO)} terms' visits planned`,
        confirmTimes,
        `   total ${confirmSeconds.toFixed(1)} s`,
      ),
    );
    const confirmed = sorted(confirmTimes);
    const regenerated: Record<string, { seconds: number; p50: number; p99: number }> = {};
    for (const subject of subjects) {
      const start = performance.now();
      const times = await subject.regenerate();
      const seconds = (performance.now() - start) / 1000;
      console.log(row(subject.label, times, `   total ${seconds.toFixed(1)} s`));
      const s = sorted(times);
      regenerated[subject.key] = {
        seconds: Number(seconds.toFixed(2)),
        p50: Number(percentile(s, 50).toFixed(1)),
        p99: Number(percentile(s, 99).toFixed(1)),
      };
    }
    await db.rows(sql`analyze`);
    const after = await sizes(platform);
    console.log(
      `  data after: ${int(after.plans)} plans, ${int(after.occurrences)} occurrences (${int(after.commissionVisits)} commissioners' visits), ` +
        `${int(after.recorded)} recorded, ${int(after.overdue)} overdue`,
    );

    // The reads over real HTTP, as the operator's browser makes them.
    const address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
    const login = await fetch(`${address}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'operator', password: PASSWORD }),
    });
    if (!login.ok) throw new Error(`sign-in: ${login.status} ${await login.text()}`);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const get = async (path: string) => {
      const res = await fetch(`${address}${path}`, { headers: { cookie } });
      const text = await res.text();
      if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${text.slice(0, 300)}`);
      return text;
    };
    const READS: { name: string; path: (i: number) => string }[] = [
      {
        name: `(b) office view summary GET /api/standing/overview?year=${YEAR}`,
        path: () => `/api/standing/overview?year=${YEAR}`,
      },
      {
        name: '(b2) office view, commissioners furthest behind first (page of 20)',
        path: () => `/api/standing/overview/rows?year=${YEAR}&subject=commission&page=1&pageSize=20`,
      },
      {
        name: '(b3) office view, commissioners by name (page 10 of 20)',
        path: () =>
          `/api/standing/overview/rows?year=${YEAR}&subject=commission&sort=name&page=10&pageSize=20`,
      },
      {
        name: '(b4) office view, teams furthest behind first (page of 20, with outcomes)',
        path: () => `/api/standing/overview/rows?year=${YEAR}&subject=team&page=1&pageSize=20`,
      },
      {
        name: '(c) overdue list GET /api/standing/occurrences?state=overdue',
        path: () => '/api/standing/occurrences?state=overdue&page=1&pageSize=20',
      },
      {
        name: `(d) a team's plan GET /api/standing/teams/:id/plans/${YEAR}`,
        path: (i) => `/api/standing/teams/${teamIds[(i * 7919) % teamIds.length]}/plans/${YEAR}`,
      },
    ];
    const reads: Record<string, { p50: number; p99: number; kb: number }> = {};
    for (const read of READS) {
      for (let i = 0; i < 5; i++) await get(read.path(i)); // warm-up
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < CALLS; i++) {
        const s = performance.now();
        bytes += (await get(read.path(i))).length;
        times.push(performance.now() - s);
      }
      const kb = bytes / CALLS / 1024;
      console.log(row(read.name, times, `   ${kb.toFixed(0)} KB`));
      const s = sorted(times);
      reads[read.name.slice(0, read.name.indexOf(')') + 1)] = {
        p50: Number(percentile(s, 50).toFixed(1)),
        p99: Number(percentile(s, 99).toFixed(1)),
        kb: Number(kb.toFixed(1)),
      };
    }
    console.log(
      JSON.stringify({
        engine: db.kind,
        today: TODAY,
        teams: teamIds.length,
        commissioners: COMMISSIONERS,
        pairs: COMMISSIONERS * PORTFOLIO,
        rounds: rounds.length,
        confirmed: {
          seconds: Number(confirmSeconds.toFixed(2)),
          p50: Number(percentile(confirmed, 50).toFixed(1)),
          p99: Number(percentile(confirmed, 99).toFixed(1)),
        },
        occurrences: after.occurrences,
        commission_visits: after.commissionVisits,
        recorded: after.recorded,
        overdue: after.overdue,
        planning_only: { sessions: planned.sessions, ms: Math.round(planned.ms) },
        regenerated,
        reads,
      }),
    );
  } finally {
    await platform.close();
    if (process.env.BENCH_KEEP && fresh) console.log(`kept ${fresh.url}`);
    else await fresh?.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
