import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Command, Option } from 'commander';
import { loadConfig } from './config.ts';
import { DEMO_ACCOUNTS, isEmpty, seedDemo } from './demo/seed.ts';
import { accountActor, createPlatform, type Platform, prepareDatabase } from './main.ts';
import { BatchInputError, pairsWorkbook, readBatchQueries } from './modules/matching/batch.ts';
import { TARGETS, type Target } from './modules/matching/engine.ts';
import type { RegistryKind } from './modules/registry/contract.ts';
import type { Actor } from './platform/access/actor.ts';
import { systemActor } from './platform/access/actor.ts';
import { ROLES, type Role } from './platform/access/permissions.ts';
import { createUserRequest } from './platform/auth/contract.ts';
import { generatePassword } from './platform/auth/password.ts';
import { FieldCipher } from './platform/crypto/fields.ts';
import { backupDatabase, restoreDatabase } from './platform/db/backup.ts';
import { openDatabase } from './platform/db/client.ts';
import { migrateDatabase } from './platform/db/migrate.ts';
import { AppError } from './platform/http/app-error.ts';

const program = new Command()
  .name('caiqiao')
  .description('才桥 Caiqiao — regional talent and technology services platform')
  .showHelpAfterError();

/** Builds the platform for a one-off command, runs it, and always closes the database. */
async function withPlatform<T>(fn: (platform: Platform) => Promise<T>): Promise<T> {
  const platform = await createPlatform(loadConfig(process.env, { logLevel: 'silent' }));
  try {
    return await fn(platform);
  } finally {
    await platform.close();
  }
}

function demoPassword(configured: string | undefined): { password: string; generated: boolean } {
  return configured
    ? { password: configured, generated: false }
    : { password: generatePassword(), generated: true };
}

function printAccounts(password: string, generated: boolean, url?: string) {
  console.log('\n演示账户 Demo accounts:');
  for (const a of DEMO_ACCOUNTS)
    console.log(`  ${a.username.padEnd(12)} ${a.role.padEnd(12)} ${a.displayName}`);
  console.log(
    `  密码 password: ${password}${generated ? '  (generated; set DEMO_PASSWORD to choose one)' : ''}`,
  );
  if (url) console.log(`\n请在浏览器打开 Open ${url} to sign in.\n`);
}

program
  .command('start')
  .description('migrate, load demo data on an empty database, and serve the web app and API')
  .option('--no-demo', 'do not load demo data even when the database is empty')
  .action(async (options: { demo: boolean }) => {
    const config = loadConfig();
    const platform = await createPlatform(config);
    if (options.demo && (await isEmpty(platform))) {
      const { password, generated } = demoPassword(config.demoPassword);
      await seedDemo(platform, password);
      printAccounts(password, generated);
    }
    const shutdown = async () => {
      await platform.close();
      process.exit(0);
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
    await platform.app.listen({ port: config.port, host: config.host });
    await platform.startJobs();
    const where = `http://localhost:${config.port}`;
    console.log(
      `才桥 Caiqiao is running at ${where} (${platform.database.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL'})${config.webDir ? '' : ' — web app not built: run npm run build:web'}`,
    );
    console.log(`API docs: ${where}/api/docs`);
  });

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(async () => {
    const config = loadConfig();
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      await prepareDatabase(database);
      console.log('数据库已是最新 Database schema is up to date.');
    } finally {
      await database.close();
    }
  });

program
  .command('seed')
  .description('load the demo data (accounts that exist are left alone)')
  .action(async () => {
    await withPlatform(async (platform) => {
      const { password, generated } = demoPassword(platform.config.demoPassword);
      const created = await seedDemo(platform, password);
      if (created.length === 0) console.log('演示数据已存在 Demo data is already loaded.');
      else printAccounts(password, generated);
    });
  });

const user = program.command('user').description('manage accounts');
user
  .command('add')
  .description('create an account')
  .requiredOption('--username <name>')
  .requiredOption('--name <displayName>', 'display name, e.g. 张三')
  .addOption(new Option('--role <role>').choices(ROLES as unknown as string[]).makeOptionMandatory())
  .requiredOption('--region <code>', 'GB/T 2260 region code, e.g. 330500')
  .option('--mobile <mobile>')
  .option('--organisation <id>', 'organisation id')
  .option('--password <password>', 'otherwise one is generated and printed')
  .action(
    async (o: {
      username: string;
      name: string;
      role: Role;
      region: string;
      mobile?: string;
      organisation?: string;
      password?: string;
    }) => {
      const password = o.password ?? generatePassword();
      const input = createUserRequest.parse({
        username: o.username,
        displayName: o.name,
        role: o.role,
        regionCode: o.region,
        password,
        ...(o.mobile ? { mobile: o.mobile } : {}),
        ...(o.organisation ? { organisationId: o.organisation } : {}),
      });
      await withPlatform(async (platform) => {
        const created = await platform.accounts.create(null, input, systemActor('cli'));
        console.log(`已创建账户 Created ${created.username} (${created.role}, ${created.regionName})`);
        if (!o.password) console.log(`密码 password: ${password}`);
      });
    },
  );

program
  .command('backup <file>')
  .description('write a logical backup of the whole database (gzip JSON lines)')
  .action(async (file: string) => {
    const config = loadConfig();
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      await migrateDatabase(database);
      const key = new FieldCipher(config.secrets.fieldKey);
      const summary = await backupDatabase(database, file, key);
      const total = Object.values(summary.tables).reduce((a, b) => a + b, 0);
      console.log(
        `已备份 Backed up ${total} rows from ${Object.keys(summary.tables).length} tables to ${file}`,
      );
      console.log(
        `个人数据由密钥 ${key.keyId} 加密：请另行妥善保管 ${process.env.FIELD_ENCRYPTION_KEY ? '所设的 FIELD_ENCRYPTION_KEY' : join(config.dataDir, 'secrets.json')}，没有它备份中的个人数据无法恢复。\n` +
          `Personal data is encrypted with key ${key.keyId}: keep that key safe, apart from the backup; a restore needs it.`,
      );
    } finally {
      await database.close();
    }
  });

program
  .command('restore <file>')
  .description('replace the whole database with a backup')
  .option('--force', 'required: the current data is replaced')
  .action(async (file: string, options: { force?: boolean }) => {
    if (!options.force) {
      console.error(
        '恢复会替换全部现有数据，请加 --force 确认。Restore replaces all data; pass --force to confirm.',
      );
      process.exitCode = 2;
      return;
    }
    const config = loadConfig();
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      const summary = await restoreDatabase(database, file, new FieldCipher(config.secrets.fieldKey));
      const total = Object.values(summary.tables).reduce((a, b) => a + b, 0);
      console.log(
        `已恢复 Restored ${total} rows into ${Object.keys(summary.tables).length} tables from ${file}`,
      );
    } finally {
      await database.close();
    }
  });

const KIND_ALIASES: Record<string, string> = {
  experts: 'talents',
  talents: 'talents',
  enterprises: 'enterprises',
  institutions: 'institutions',
  stations: 'stations',
  demands: 'demands',
  'talent-demands': 'talent-demands',
  achievements: 'achievements',
};

/** The CLI acts as an account (its permissions and region), `admin` unless --as says otherwise. */
async function actorFor(platform: Platform, username: string): Promise<Actor> {
  const actor = await accountActor(platform, username, '（命令行）');
  if (!actor) throw new Error(`没有账户 No account named "${username}" (use --as USERNAME)`);
  return actor;
}

program
  .command('import <kind> <file>')
  .description(
    'import a spreadsheet: experts|enterprises|institutions|stations|demands|talent-demands|achievements, or dictionary.<list>',
  )
  .option('--as <username>', 'the account the import is made as (its region and permissions)', 'admin')
  .option('--dry-run', 'validate and report only')
  .action(async (kindArg: string, file: string, options: { as: string; dryRun?: boolean }) => {
    const kind = KIND_ALIASES[kindArg] ?? kindArg;
    await withPlatform(async (platform) => {
      const actor = await actorFor(platform, options.as);
      const job = await platform.imports.preview(actor, kind, basename(file), readFileSync(file));
      console.log(
        `读取 ${job.total} 行：可导入 ${job.valid}（新增 ${job.toCreate}，更新 ${job.toUpdate}），有标记 ${job.flagged}，拒绝 ${job.rejected}`,
      );
      if (job.ignoredHeaders.length)
        console.log(`未使用的列 Ignored columns: ${job.ignoredHeaders.join('、')}`);
      for (const row of job.report) {
        const issues = [...row.errors, ...row.flags].map(
          (i) => `${i.column}：${i.message}${i.value ? `（${i.value}）` : ''}`,
        );
        console.log(
          `  第${row.rowNumber}行 ${row.code ? `[${row.code}] ` : ''}${row.status === 'rejected' ? '拒绝' : '标记'} ${issues.join('；')}`,
        );
      }
      if (options.dryRun || job.valid === 0) {
        // Nothing will be committed: the uploaded copy (personal data) goes at once.
        await platform.imports.abandon(actor, job.id);
        return;
      }
      let last = 0;
      const done = await platform.imports.commit(actor, job.id, ({ processed, total }) => {
        if (processed - last >= 1000 || processed === total) {
          process.stderr.write(`已处理 ${processed}/${total} 行\n`);
          last = processed;
        }
      });
      console.log(
        `已导入 Imported: 新增 created ${done.created}，更新 updated ${done.updated}，拒绝 rejected ${done.rejected}`,
      );
    });
  });

program
  .command('export <kind>')
  .description('export a registry to .xlsx or .csv (personal data masked unless --reveal)')
  .requiredOption('--out <file>')
  .option('--as <username>', 'the account whose scope is exported', 'admin')
  .option('--reveal', 'unmasked personal data (needs personal.reveal; audited)')
  .action(async (kindArg: string, options: { out: string; as: string; reveal?: boolean }) => {
    const kind = KIND_ALIASES[kindArg];
    if (!kind)
      throw new Error(`未知类型 Unknown kind "${kindArg}": experts|enterprises|institutions|stations`);
    await withPlatform(async (platform) => {
      const actor = await actorFor(platform, options.as);
      const format = options.out.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx';
      const file = await platform.registry.export(
        actor,
        kind as RegistryKind,
        {},
        format,
        options.reveal === true,
        'zh-CN',
      );
      writeFileSync(options.out, file.data);
      console.log(`已导出 Exported ${file.count} rows to ${options.out}`);
    });
  });

program
  .command('report')
  .description('the work report (工作简报) for a region and period: Word, or the same figures as JSON')
  .option('--region <code>', "a province, city or county code (the account's own region by default)")
  .option('--from <date>', "first day, YYYY-MM-DD (1 January of --to's year by default)")
  .option('--to <date>', 'last day, YYYY-MM-DD (today by default)')
  .option('--format <format>', 'docx or json', 'docx')
  .option('--out <file>', 'where to write it (JSON goes to stdout without --out)')
  .option('--as <username>', 'the account whose scope the report covers', 'admin')
  .action(
    async (options: {
      region?: string;
      from?: string;
      to?: string;
      format: string;
      out?: string;
      as: string;
    }) => {
      if (options.format !== 'docx' && options.format !== 'json')
        throw new Error('--format 应为 docx 或 json');
      for (const d of [options.from, options.to]) {
        if (d && !/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new Error(`日期应为 YYYY-MM-DD: ${d}`);
      }
      if (options.format === 'docx' && !options.out) throw new Error('Word 简报需要 --out report.docx');
      await withPlatform(async (platform) => {
        const actor = await actorFor(platform, options.as);
        const started = performance.now();
        const report = await platform.reports.build(actor, {
          regionCode: options.region,
          from: options.from,
          to: options.to,
        });
        if (options.format === 'json') {
          const text = `${JSON.stringify(report.figures, null, 2)}\n`;
          if (options.out) writeFileSync(options.out, text);
          else process.stdout.write(text);
        } else {
          writeFileSync(options.out!, (await platform.reports.docx(report)).data);
        }
        process.stderr.write(
          `${report.title}（${report.scope.fromDate}至${report.scope.toDate}）${((performance.now() - started) / 1000).toFixed(1)} s${options.out ? `; 已写入 ${options.out}` : ''}\n`,
        );
      });
    },
  );

program
  .command('match')
  .description(
    'batch matching: JSON lines {"id","text"} or an xlsx of demands → JSON lines of the best matches',
  )
  .requiredOption('--against <kind>', `experts|achievements|institutions|demands|talent-demands`)
  .requiredOption('--queries <file>', 'JSON lines {"id": "...", "text": "..."} or .xlsx/.csv of demands')
  .option('--top <n>', 'results per query', '10')
  .option('--out <file>', 'also write the matchmaking Excel of pairs with reasons (.xlsx)')
  .action(async (options: { against: string; queries: string; top: string; out?: string }) => {
    if (!(TARGETS as readonly string[]).includes(options.against)) {
      throw new Error(`未知类型 Unknown kind "${options.against}": ${TARGETS.join('|')}`);
    }
    const against = options.against as Target;
    const top = Number(options.top);
    if (!Number.isInteger(top) || top < 1 || top > 200) throw new Error('--top 应为 1–200 的整数');
    const queries = await readBatchQueries(options.queries, readFileSync(options.queries));
    await withPlatform(async (platform) => {
      const started = performance.now();
      const answers = await platform.matching.batch(queries, against, top);
      for (const answer of answers) {
        const results = answer.results.map((r) => ({
          code: r.code,
          name: r.name,
          score: r.score,
          reasons: r.reasons.map((x) => x.label),
        }));
        process.stdout.write(`${JSON.stringify({ id: answer.id, results })}\n`);
      }
      if (options.out) {
        const label = {
          experts: '专家',
          achievements: '成果',
          institutions: '机构',
          demands: '需求',
          'talent-demands': '人才需求',
        }[against];
        writeFileSync(options.out, await pairsWorkbook(queries, answers, label));
      }
      process.stderr.write(
        `${queries.length} 条查询 queries, ${((performance.now() - started) / 1000).toFixed(1)} s${options.out ? `; 已写入 ${options.out}` : ''}\n`,
      );
    });
  });

const audit = program.command('audit').description('the audit log');
audit
  .command('verify')
  .description('check the hash chain and report the first broken row')
  .action(async () => {
    await withPlatform(async (platform) => {
      const result = await platform.audit.verify();
      if (result.ok) {
        console.log(`审计链完整 Audit chain intact: ${result.checked} rows checked.`);
      } else {
        console.log(
          `审计链断裂 Audit chain broken at row ${result.firstBrokenId} (${result.checked} rows before it are intact).`,
        );
        process.exitCode = 1;
      }
    });
  });

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof BatchInputError) console.error(err.message);
  else if (err instanceof AppError)
    console.error(`${err.code}: ${err.localizedMessage('zh-CN')}\n${err.localizedMessage('en-US')}`);
  else if (err && typeof err === 'object' && 'issues' in err)
    console.error(`参数有误 Invalid input: ${String(err)}`);
  else console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
