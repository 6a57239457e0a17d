import { sql } from 'drizzle-orm';
import type { Platform } from '../main.ts';
import { systemActor } from '../platform/access/actor.ts';
import type { Role } from '../platform/access/permissions.ts';
import { AccessRepository } from '../platform/access/repository.ts';
import { UsersRepository } from '../platform/auth/repository.ts';
import { seedActivitiesDemo } from './activities.ts';
import { DEMO_CITY } from './city.ts';
import { seedListsDemo } from './lists.ts';
import { seedOrdersDemo } from './orders.ts';
import { seedRegistryDemo } from './registry.ts';
import { seedStandingDemo } from './standing.ts';
import { seedTeamsDemo } from './teams.ts';

export { DEMO_CITY, DEMO_COUNTIES } from './city.ts';

export interface DemoAccount {
  username: string;
  role: Role;
  displayName: string;
  regionCode: string;
  organisation?: string;
}

/** One account per role; usernames are a fixed interface (README, browser tests, checks). */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', role: 'admin', displayName: '平台管理员', regionCode: '330000' },
  {
    username: 'operator',
    role: 'operator',
    displayName: '王敏',
    regionCode: DEMO_CITY,
    organisation: 'office',
  },
  {
    username: 'institution',
    role: 'institution',
    displayName: '李晓岚',
    regionCode: '330502',
    organisation: 'institution',
  },
  {
    username: 'enterprise',
    role: 'enterprise',
    displayName: '周建华',
    regionCode: '330521',
    organisation: 'enterprise',
  },
  { username: 'expert', role: 'expert', displayName: '陈志远', regionCode: '330502' },
  {
    username: 'provider',
    role: 'provider',
    displayName: '沈佳怡',
    regionCode: '330523',
    organisation: 'provider',
  },
  { username: 'reviewer', role: 'reviewer', displayName: '吴国平', regionCode: DEMO_CITY },
  { username: 'auditor', role: 'auditor', displayName: '审计员', regionCode: DEMO_CITY },
];

const DEMO_ORGANISATIONS = {
  office: { kind: 'office', name: '湖州市委人才工作领导小组办公室', regionCode: DEMO_CITY },
  institution: { kind: 'institution', name: '浙北理工学院', regionCode: '330502' },
  enterprise: { kind: 'enterprise', name: '德清绿源新材料有限公司', regionCode: '330521' },
  provider: { kind: 'provider', name: '安吉县人才服务中心', regionCode: '330523' },
} as const;

/** True when the database holds no accounts yet (a fresh install). */
export async function isEmpty(platform: Platform): Promise<boolean> {
  return (await new UsersRepository(platform.database.db).count()) === 0;
}

/**
 * Loads the demo data. Accounts that already exist are left alone, so running
 * it twice changes nothing. Returns the accounts it created. `orders: false`
 * leaves the demo service orders out, `commissioners: false` the demo's
 * commissioner round and contact duties.
 */
export async function seedDemo(
  platform: Platform,
  password: string,
  parts: { orders?: boolean; commissioners?: boolean } = {},
): Promise<DemoAccount[]> {
  const actor = systemActor('seed');
  const orgIds: Record<string, string> = {};
  await platform.database.transaction(async (tx) => {
    const repo = new AccessRepository(tx);
    const existing = await repo.listOrganisations({ regionPrefix: '', organisationId: null }, {}, 1000);
    for (const [key, org] of Object.entries(DEMO_ORGANISATIONS)) {
      const found = existing.find((o) => o.name === org.name);
      const row = found ?? (await repo.insertOrganisation(org));
      if (!found) {
        await platform.audit.record(tx, actor, {
          action: 'organisation.create',
          entity: 'organisation',
          entityId: row.id,
          regionCode: row.regionCode,
          changes: { name: { to: row.name }, kind: { to: row.kind }, regionCode: { to: row.regionCode } },
        });
      }
      orgIds[key] = row.id;
    }
  });
  const users = new UsersRepository(platform.database.db);
  const created: DemoAccount[] = [];
  for (const account of DEMO_ACCOUNTS) {
    if (await users.byUsername(account.username)) continue;
    await platform.accounts.create(
      null,
      {
        username: account.username,
        displayName: account.displayName,
        role: account.role,
        regionCode: account.regionCode,
        password,
        ...(account.organisation ? { organisationId: orgIds[account.organisation] } : {}),
      },
      actor,
    );
    created.push(account);
  }
  const admin = await users.byUsername('admin');
  const expert = await users.byUsername('expert');
  if (admin) {
    await seedRegistryDemo(platform, admin.id, {
      ...(expert ? { expertUserId: expert.id } : {}),
    });
    await seedListsDemo(platform, admin.id);
    await seedTeamsDemo(platform, admin.id);
    await seedActivitiesDemo(platform, admin.id);
    await seedStandingDemo(platform, admin.id, { commissioners: parts.commissioners !== false });
    if (parts.orders !== false) await seedOrdersDemo(platform);
  }
  // Statistics for the planner now: autovacuum analyses a table only after 50 changed rows, so the
  // demo's small tables would stay unanalysed, and a list's prepared statement planned afresh each time.
  await platform.database.rows(sql`analyze`);
  return created;
}
