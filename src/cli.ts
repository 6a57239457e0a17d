import { Command, Option } from 'commander';
import { loadConfig } from './config.ts';
import { DEMO_ACCOUNTS, isEmpty, seedDemo } from './demo/seed.ts';
import { createPlatform, type Platform } from './main.ts';
import { systemActor } from './platform/access/actor.ts';
import { ROLES, type Role } from './platform/access/permissions.ts';
import { createUserRequest } from './platform/auth/contract.ts';
import { generatePassword } from './platform/auth/password.ts';
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
      await migrateDatabase(database);
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
      const summary = await backupDatabase(database, file);
      const total = Object.values(summary.tables).reduce((a, b) => a + b, 0);
      console.log(
        `已备份 Backed up ${total} rows from ${Object.keys(summary.tables).length} tables to ${file}`,
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
      const summary = await restoreDatabase(database, file);
      const total = Object.values(summary.tables).reduce((a, b) => a + b, 0);
      console.log(
        `已恢复 Restored ${total} rows into ${Object.keys(summary.tables).length} tables from ${file}`,
      );
    } finally {
      await database.close();
    }
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
  if (err instanceof AppError) console.error(`${err.code}: ${err.localizedMessage('zh-CN')}`);
  else if (err && typeof err === 'object' && 'issues' in err)
    console.error(`参数有误 Invalid input: ${String(err)}`);
  else console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
