import type { Platform } from '../main.ts';
import { RegistryRepository } from '../modules/registry/repository.ts';
import type { MemberRole, TeamKind } from '../modules/teams/constants.ts';
import { DEMO_CITY } from './city.ts';
import { seedActor } from './registry.ts';

type Member = { code: string; role: MemberRole };

/**
 * Three standing teams of the demo city; the demo expert (ZJ-0001) leads the
 * first and serves in the third, a 组合式人才帮扶团 paired with 长兴县 and
 * its leading industry, based at the county's talent workstation.
 */
const TEAMS: {
  name: string;
  kind: TeamKind;
  leader: Member;
  members: Member[];
  description: string;
  county?: string;
  industry?: { code: string; name: string };
  station?: string;
}[] = [
  {
    name: '湖州新材料助企服务团',
    kind: 'assistance',
    leader: { code: 'ZJ-0001', role: 'member' },
    members: [
      { code: 'ZJ-0007', role: 'member' },
      { code: 'ZJ-0013', role: 'member' },
      { code: 'ZJ-0019', role: 'member' },
    ],
    description: '面向新材料、绿色建材企业的常态化上门服务。',
  },
  {
    name: '南太湖科技特派员团队',
    kind: 'commissioners',
    leader: { code: 'ZJ-0003', role: 'member' },
    members: [
      { code: 'ZJ-0005', role: 'member' },
      { code: 'ZJ-0009', role: 'member' },
      { code: 'ZJ-0011', role: 'member' },
    ],
    description: '驻企科技特派员，按月走访、季度报告。',
  },
  {
    name: '长兴新能源组合式人才帮扶团',
    kind: 'combined',
    leader: { code: 'ZJ-0002', role: 'chief' },
    members: [
      { code: 'ZJ-0001', role: 'expert' },
      { code: 'ZJ-0004', role: 'expert' },
      { code: 'ZJ-0006', role: 'expert' },
      { code: 'ZJ-0008', role: 'manager' },
    ],
    description: '首席专家领衔，结对长兴县新能源电池产业，以人才工作站为阵地开展“1346”常态化服务。',
    county: '330522',
    industry: { code: '38', name: '新能源电池' },
    station: 'YZ-002',
  },
];

export async function seedTeamsDemo(platform: Platform, adminUserId: string) {
  const actor = seedActor(adminUserId);
  if ((await platform.teams.list(actor, { page: 1, pageSize: 1 })).total > 0) return;
  const registry = new RegistryRepository(platform.database.db);
  const codes = TEAMS.flatMap((t) => [t.leader, ...t.members].map((m) => m.code));
  const ids = new Map((await registry.byCodes('talents', codes)).map((r) => [r.code, r.id]));
  const stations = new Map((await registry.byCodes('stations', ['YZ-002'])).map((r) => [r.code, r.id]));
  const created = [];
  for (const team of TEAMS) {
    const leaderTalentId = ids.get(team.leader.code);
    if (!leaderTalentId) continue;
    const stationId = team.station ? stations.get(team.station) : undefined;
    created.push(
      await platform.teams.create(actor, {
        name: team.name,
        kind: team.kind,
        description: team.description,
        regionCode: DEMO_CITY,
        leaderTalentId,
        leaderRole: team.leader.role,
        ...(team.county ? { countyCode: team.county } : {}),
        ...(team.industry ? { industryCode: team.industry.code, industryName: team.industry.name } : {}),
        ...(stationId ? { stationId } : {}),
        members: team.members.flatMap((m) => {
          const talentId = ids.get(m.code);
          return talentId ? [{ talentId, role: m.role }] : [];
        }),
      }),
    );
  }
  return created;
}
