import type { Platform } from '../main.ts';
import { RegistryRepository } from '../modules/registry/repository.ts';
import { DEMO_CITY } from './city.ts';
import { seedActor } from './registry.ts';

/** Two standing teams of the demo city; the demo expert (ZJ-0001) leads the first. */
const TEAMS = [
  {
    name: '湖州新材料助企服务团',
    kind: 'assistance' as const,
    leader: 'ZJ-0001',
    members: ['ZJ-0007', 'ZJ-0013', 'ZJ-0019'],
    description: '面向新材料、绿色建材企业的常态化上门服务。',
  },
  {
    name: '南太湖科技特派员团队',
    kind: 'commissioners' as const,
    leader: 'ZJ-0003',
    members: ['ZJ-0005', 'ZJ-0009', 'ZJ-0011'],
    description: '驻企科技特派员，按月走访、季度报告。',
  },
];

export async function seedTeamsDemo(platform: Platform, adminUserId: string) {
  const actor = seedActor(adminUserId);
  if ((await platform.teams.list(actor, { page: 1, pageSize: 1 })).total > 0) return;
  const codes = TEAMS.flatMap((t) => [t.leader, ...t.members]);
  const ids = new Map(
    (await new RegistryRepository(platform.database.db).byCodes('talents', codes)).map((r) => [r.code, r.id]),
  );
  for (const team of TEAMS) {
    const leaderTalentId = ids.get(team.leader);
    if (!leaderTalentId) continue;
    await platform.teams.create(actor, {
      name: team.name,
      kind: team.kind,
      description: team.description,
      regionCode: DEMO_CITY,
      leaderTalentId,
      members: team.members.flatMap((code) => {
        const talentId = ids.get(code);
        return talentId ? [{ talentId }] : [];
      }),
    });
  }
}
