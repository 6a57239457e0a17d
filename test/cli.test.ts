import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createPglite, openDatabase } from '../src/platform/db/client.ts';
import { withDatabase } from './global-setup.ts';

const run = promisify(execFile);
const serverUrl = process.env.DATABASE_URL;

/**
 * The caiqiao CLI as an operator runs it: a real process against a real
 * database (PGlite in DATA_DIR, or its own database on the PostgreSQL server).
 * The two tests use their own data directories and run at the same time.
 */
describe.concurrent('caiqiao CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'caiqiao-cli-'));
  const databases: string[] = [];
  let admin: pg.Client | undefined;
  /** The CLI compiled as `npm start` compiles it (scripts/build-server.mjs), built once in beforeAll. */
  let built = '';

  async function target(name: string): Promise<Record<string, string>> {
    const dataDir = join(dir, name);
    if (!serverUrl) return { DATA_DIR: dataDir };
    const db = `caiqiao_cli_${name}_${randomBytes(4).toString('hex')}`;
    await admin!.query(`create database ${db}`);
    databases.push(db);
    return { DATA_DIR: dataDir, DATABASE_URL: withDatabase(serverUrl, db) };
  }

  /**
   * Runs a command in its own process. Most go to the compiled CLI: through
   * bin/caiqiao.mjs each one paid for three node processes and tsx compiling
   * src/ again (about 2.5 s of CPU a command, some 35 commands); the first
   * command of each test goes through bin/caiqiao.mjs, the operator's command.
   */
  function caiqiao(env: Record<string, string>, ...args: string[]) {
    return spawn(join(built, 'cli.js'), env, args);
  }
  function caiqiaoBin(env: Record<string, string>, ...args: string[]) {
    return spawn('bin/caiqiao.mjs', env, args);
  }

  async function spawn(entry: string, env: Record<string, string>, args: string[]) {
    const { DATABASE_URL: _ignored, ...base } = process.env;
    try {
      const { stdout, stderr } = await run(process.execPath, [entry, ...args], {
        env: { ...base, DEMO_PASSWORD: 'cli-Demo-2026', ...env },
      });
      return { code: 0, out: stdout + stderr, stdout };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, out: e.stdout + e.stderr, stdout: e.stdout };
    }
  }

  /** Changes one audit row behind the triggers' back, as someone with raw database access could. */
  async function tamper(env: Record<string, string>): Promise<number> {
    const statements = [
      'alter table audit_log disable trigger audit_log_no_update',
      `update audit_log set actor_name = '伪造' where id = 3`,
      'alter table audit_log enable trigger audit_log_no_update',
    ];
    if (env.DATABASE_URL) {
      const client = new pg.Client({ connectionString: env.DATABASE_URL });
      await client.connect();
      for (const s of statements) await client.query(s);
      await client.end();
    } else {
      const db = await createPglite({ dataDir: join(env.DATA_DIR!, 'pgdata') });
      for (const s of statements) await db.query(s);
      await db.close();
    }
    return 3;
  }

  beforeAll(async () => {
    if (serverUrl) {
      admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
    }
    // Laid out as the project is (dist/ beside data/, drizzle/, node_modules/), in a directory of
    // this run: a run beside this one, or `npm start`, may be rebuilding the project's own dist/.
    const root = resolve(import.meta.dirname, '..');
    const build = join(dir, 'build');
    mkdirSync(build);
    for (const entry of ['package.json', 'node_modules', 'data', 'drizzle'])
      symlinkSync(join(root, entry), join(build, entry));
    built = join(build, 'dist');
    await run(process.execPath, [join(root, 'scripts/build-server.mjs'), built]);
  });
  afterAll(async () => {
    for (const db of databases) await admin!.query(`drop database if exists ${db} with (force)`);
    await admin?.end();
    rmSync(dir, { recursive: true, force: true });
  });

  it('migrates, seeds, adds a user, backs up, restores elsewhere, and verifies the audit chain', async ({
    expect,
  }) => {
    const first = await target('first');
    expect((await caiqiaoBin(first, 'migrate')).out).toContain('up to date');

    const seeded = await caiqiao(first, 'seed');
    expect(seeded.code).toBe(0);
    for (const username of ['admin', 'operator', 'auditor']) expect(seeded.out).toContain(username);
    expect(seeded.out).toContain('cli-Demo-2026');
    expect((await caiqiao(first, 'seed')).out).toContain('already loaded');

    const added = await caiqiao(
      first,
      'user',
      'add',
      '--username',
      'li.na',
      '--name',
      '李娜',
      '--role',
      'expert',
      '--region',
      '330503',
    );
    expect(added.code).toBe(0);
    expect(added.out).toContain('浙江省湖州市南浔区');
    expect(added.out).toMatch(/password: \w{14}/);
    const badRegion = await caiqiao(
      first,
      'user',
      'add',
      '--username',
      'x.y',
      '--name',
      '某',
      '--role',
      'expert',
      '--region',
      '999999',
    );
    expect(badRegion.code).not.toBe(0);

    const sheet = join(dir, 'experts.csv');
    writeFileSync(
      sheet,
      '编号,姓名,所在地区,职称,身份证号\r\nCLI-1,命令行专家,火星市,教授,\r\nCLI-2,坏行,湖州,教授,123\r\n',
    );
    const imported = await caiqiao(first, 'import', 'experts', sheet, '--as', 'operator');
    expect(imported.code).toBe(0);
    expect(imported.out).toContain('读取 2 行：可导入 1（新增 1，更新 0），有标记 1，拒绝 1');
    expect(imported.out).toMatch(/第3行 \[CLI-2\] 拒绝 身份证号/);
    expect(imported.out).toContain('新增 created 1');
    const unreadable = await caiqiao(first, 'import', 'experts', join(dir, 'missing.xlsx'));
    expect(unreadable.code).not.toBe(0);
    const out = join(dir, 'experts.xlsx');
    const exported = await caiqiao(first, 'export', 'experts', '--out', out, '--as', 'operator');
    expect(exported.out).toMatch(/Exported \d+ rows/);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');

    // Batch matching: JSON lines in, one JSON line per query out, best first; the meeting's Excel with --out.
    const queries = join(dir, 'queries.jsonl');
    writeFileSync(
      queries,
      `${JSON.stringify({ id: 'q1', text: '动力电池热失控预警与液冷热管理' })}\n${JSON.stringify({ id: 'q2', text: '🙂' })}\n`,
    );
    const pairs = join(dir, 'pairs.xlsx');
    const matched = await caiqiao(
      first,
      'match',
      '--against',
      'experts',
      '--queries',
      queries,
      '--top',
      '3',
      '--out',
      pairs,
    );
    expect(matched.code).toBe(0);
    const lines = matched.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['q1', 'q2']);
    expect(lines[0].results).toHaveLength(3);
    const [best] = lines[0].results;
    expect(best.code).toMatch(/^ZJ-\d{4}$/);
    expect(typeof best.score).toBe('number');
    expect(lines[0].results[0].score).toBeGreaterThanOrEqual(lines[0].results[2].score);
    expect(best.reasons.join(' ')).toMatch(/共同关键词：.*(热管理|电池|热失控)/);
    expect(lines[1].results).toEqual([]);
    expect(readFileSync(pairs).subarray(0, 2).toString()).toBe('PK');
    const badQueries = join(dir, 'bad.jsonl');
    writeFileSync(badQueries, 'not json\n');
    const refused = await caiqiao(first, 'match', '--against', 'experts', '--queries', badQueries);
    expect(refused.code).not.toBe(0);
    expect(refused.out).toContain('第 1 行不是 JSON');

    // The work report: Word for a region and period, and the same figures as JSON.
    const report = join(dir, 'report.docx');
    const word = await caiqiao(
      first,
      'report',
      '--region',
      '330500',
      '--from',
      '2026-01-01',
      '--to',
      '2026-12-31',
      '--out',
      report,
      '--as',
      'operator',
    );
    expect(word.code, word.out).toBe(0);
    expect(readFileSync(report).subarray(0, 2).toString()).toBe('PK');
    const figures = await caiqiao(
      first,
      'report',
      '--region',
      '330500',
      '--from',
      '2026-01-01',
      '--to',
      '2026-12-31',
      '--format',
      'json',
      '--as',
      'operator',
    );
    expect(figures.code).toBe(0);
    const json = JSON.parse(figures.stdout);
    expect(json.region.name).toBe('浙江省湖州市');
    expect(json.metrics.find((m: { key: string }) => m.key === 'demands_posted').value).toBeGreaterThan(0);
    const outside = await caiqiao(
      first,
      'report',
      '--region',
      '330100',
      '--format',
      'json',
      '--as',
      'operator',
    );
    expect(outside.code).not.toBe(0);

    const file = join(dir, 'backup.jsonl.gz');
    const backup = await caiqiao(first, 'backup', file);
    expect(backup.code).toBe(0);
    expect(backup.out).toMatch(/Backed up \d+ rows/);
    expect(backup.out).toMatch(/Personal data is encrypted with key [0-9a-f]{16}/);

    const second = await target('second');
    expect((await caiqiao(second, 'restore', file)).code).toBe(2);
    // Under another key (second's own secrets.json) the personal data would not open: refused.
    const withoutKey = await caiqiao(second, 'restore', file, '--force');
    expect(withoutKey.code).toBe(1);
    expect(withoutKey.out).toContain('BACKUP_KEY_MISMATCH');
    expect(withoutKey.out).toContain('secrets.json');
    // The key is kept apart from the backup; the operator puts it in place, then restores.
    copyFileSync(join(first.DATA_DIR!, 'secrets.json'), join(second.DATA_DIR!, 'secrets.json'));
    const restored = await caiqiao(second, 'restore', file, '--force');
    expect(restored.code).toBe(0);
    // Everything came across: the added account exists (adding it again is refused) and the chain is intact.
    const again = await caiqiao(
      second,
      'user',
      'add',
      '--username',
      'li.na',
      '--name',
      '李娜',
      '--role',
      'expert',
      '--region',
      '330503',
    );
    expect(again.out).toContain('USER_USERNAME_TAKEN');
    const verified = await caiqiao(second, 'audit', 'verify');
    expect(verified.code).toBe(0);
    expect(verified.out).toMatch(/intact: \d+ rows/);
    // New rows continue the restored sequence and chain.
    await caiqiao(
      second,
      'user',
      'add',
      '--username',
      'wang.fang',
      '--name',
      '王芳',
      '--role',
      'expert',
      '--region',
      '330503',
    );
    expect((await caiqiao(second, 'audit', 'verify')).code).toBe(0);

    const broken = await tamper(second);
    const afterTamper = await caiqiao(second, 'audit', 'verify');
    expect(afterTamper.code).toBe(1);
    expect(afterTamper.out).toContain(`broken at row ${broken}`);
  }, 600_000);

  it.skipIf(serverUrl)(
    'refuses to open a PGlite data directory another process has open, and writes nothing',
    async ({ expect }) => {
      const env = await target('locked');
      expect((await caiqiaoBin(env, 'migrate')).code).toBe(0);
      const addUser = (username: string) =>
        caiqiao(
          env,
          'user',
          'add',
          '--username',
          username,
          '--name',
          '锁',
          '--role',
          'expert',
          '--region',
          '330503',
        );
      const users = async (username: string) => {
        const db = await openDatabase({ dataDir: env.DATA_DIR });
        const [row] = await db.rows<{ n: number }>(
          sql`select count(*)::int as n from users where username = ${username}`,
        );
        await db.close();
        return row!.n;
      };

      // This test process plays the running server.
      const server = await openDatabase({ dataDir: env.DATA_DIR });
      const refused = await addUser('lock.test');
      expect(refused.code).not.toBe(0);
      expect(refused.out).toContain('DATA_DIR_LOCKED');
      expect(refused.out).toContain(`进程 ${process.pid}`);
      for (const hint of ['停止', 'API', 'DATABASE_URL', 'pgdata.lock']) expect(refused.out).toContain(hint);
      const sheet = join(dir, 'locked.csv');
      writeFileSync(sheet, '编号,姓名,所在地区\r\nLOCK-1,锁定专家,湖州\r\n');
      const importRefused = await caiqiao(env, 'import', 'experts', sheet);
      expect(importRefused.code).not.toBe(0);
      expect(importRefused.out).toContain('DATA_DIR_LOCKED');
      // A second open in the same process is refused too.
      await expect(openDatabase({ dataDir: env.DATA_DIR })).rejects.toMatchObject({
        code: 'DATA_DIR_LOCKED',
      });
      await server.close();
      const lock = join(env.DATA_DIR!, 'pgdata.lock');
      expect(existsSync(lock)).toBe(false);

      expect(await users('lock.test')).toBe(0);
      expect((await addUser('lock.test')).code).toBe(0);
      expect(await users('lock.test')).toBe(1);

      // A lock left by a process that died (kill -9, a crash) is taken over.
      const dead = await run(process.execPath, ['-e', 'console.log(process.pid)']);
      const holder = (pid: number, host: string) =>
        `${JSON.stringify({ pid, host, started: null, nonce: 'x', at: new Date().toISOString(), command: 'test' })}\n`;
      writeFileSync(lock, holder(Number(dead.stdout.trim()), hostname()));
      expect((await caiqiao(env, 'audit', 'verify')).code).toBe(0);
      expect(existsSync(lock)).toBe(false);
      // A lock of another host cannot be checked: it stands until it has not been touched for ten minutes.
      writeFileSync(lock, holder(1, 'another-host'));
      const otherHost = await caiqiao(env, 'audit', 'verify');
      expect(otherHost.code).not.toBe(0);
      expect(otherHost.out).toContain('another-host');
      const old = new Date(Date.now() - 11 * 60_000);
      utimesSync(lock, old, old);
      expect((await caiqiao(env, 'audit', 'verify')).code).toBe(0);
    },
    300_000,
  );
});
