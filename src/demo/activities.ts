import type { Platform } from '../main.ts';
import { RegistryRepository } from '../modules/registry/repository.ts';
import { seedActor } from './registry.ts';

const at = (day: string, time: string) => `${day}T${time}:00+08:00`;

/**
 * Demo activities of the demo city: a matchmaking meeting open for
 * registration (enterprises, a university and invited experts, demands
 * featured, an agreement already reached between the university and an
 * enterprise), a job
 * fair and a training class already held (with outcomes), and a talent-care
 * event that asks for approval.
 */
export async function seedActivitiesDemo(platform: Platform, adminUserId: string) {
  const actor = seedActor(adminUserId);
  const svc = platform.activities;
  if ((await svc.list(actor, { page: 1, pageSize: 1 })).total > 0) return;
  const registry = new RegistryRepository(platform.database.db);
  const enterprises = new Map(
    (await registry.byCodes('enterprises', ['QY-001', 'QY-002', 'QY-005'])).map((r) => [r.code, r.id]),
  );
  const talents = new Map(
    (
      await registry.byCodes('talents', ['ZJ-0001', 'ZJ-0002', 'ZJ-0003', 'ZJ-0004', 'ZJ-0007', 'ZJ-0013'])
    ).map((r) => [r.code, r.id]),
  );
  const demands = (
    await platform.lists.list(actor, 'demands', { page: 1, pageSize: 3, sort: 'code' })
  ).items.map((d) => String(d.id));
  const publish = async (a: { id: string; version: number }) =>
    svc.transition(actor, a.id, { action: 'publish', version: a.version });

  // 1. A matchmaking meeting, open for registration.
  const meeting = await svc.create(actor, {
    kind: 'matchmaking',
    title: '南太湖新材料产学研对接会',
    description: '发布企业技术需求，组织企业与高校院所专家一对一洽谈。',
    startsAt: at('2026-12-10', '13:30'),
    endsAt: at('2026-12-10', '17:30'),
    place: '湖州市南太湖科技创新中心 3 楼报告厅',
    regionCode: '330502',
    organisers: ['湖州市委人才办', '湖州市科技局'],
    capacity: 120,
    needsApproval: false,
    registrationClosesAt: at('2026-12-08', '18:00'),
    details: { meetings: { firstSlotAt: '14:30', slotMinutes: 20, slots: 6, tables: 8 } },
    featured: demands,
  });
  await publish(meeting);
  for (const code of ['QY-001', 'QY-002']) {
    const enterpriseId = enterprises.get(code);
    if (enterpriseId) await svc.registrations.register(actor, meeting.id, { enterpriseId });
  }
  for (const code of ['ZJ-0002', 'ZJ-0003', 'ZJ-0004', 'ZJ-0007', 'ZJ-0013']) {
    const talentId = talents.get(code);
    if (talentId) await svc.registrations.register(actor, meeting.id, { talentId, invited: true });
  }
  // A university comes as 高校院所, and signs with an enterprise: the agreement names both parties.
  const [university] = await registry.byCodes('institutions', ['JG-001']);
  const signer = enterprises.get('QY-001');
  if (university && signer) {
    await svc.registrations.register(actor, meeting.id, { institutionId: university.id, invited: true });
    await platform.activityWork.addOutcome(actor, meeting.id, {
      kind: 'agreement',
      count: 1,
      amountYuan: 800_000,
      listItemId: demands[0],
      institutionIds: [university.id],
      enterpriseIds: [signer],
      // The university's expert who led the talks.
      talentIds: talents.has('ZJ-0007') ? [talents.get('ZJ-0007')!] : [],
      note: '会前对接达成，签订复合材料联合研发协议',
    });
  }

  // 2. A job fair already held.
  const fair = await svc.create(actor, {
    kind: 'job_fair',
    title: '2026 湖州秋季高层次人才招聘会',
    startsAt: at('2026-10-18', '09:00'),
    endsAt: at('2026-10-18', '16:00'),
    place: '湖州国际会展中心',
    regionCode: '330502',
    organisers: ['湖州市人力资源和社会保障局'],
    capacity: 800,
    needsApproval: false,
    details: { booths: 120, mode: 'offline' },
    featured: [],
  });
  await publish(fair);
  const employerId = enterprises.get('QY-001');
  if (employerId) {
    const employer = await svc.registrations.register(actor, fair.id, {
      enterpriseId: employerId,
      role: 'employer',
    });
    await platform.activityWork.addPosition(actor, fair.id, {
      employerRegistrationId: employer.id,
      title: '复合材料研发工程师',
      headcount: 3,
      salary: '18-30万元/年',
      requirements: '材料科学与工程相关专业硕士及以上',
    });
  }
  for (const [name, organisationName] of [
    ['周明轩', '浙江大学'],
    ['吴思琪', '东华大学'],
    ['郑浩然', '南京工业大学'],
  ] as const) {
    await svc.registrations.register(actor, fair.id, { name, organisationName, role: 'applicant' });
  }
  const fairNow = await svc.get(actor, fair.id);
  await svc.transition(actor, fair.id, { action: 'finish', version: fairNow.version });
  await platform.activityWork.addOutcome(actor, fair.id, { kind: 'contact', count: 326 });
  await platform.activityWork.addOutcome(actor, fair.id, { kind: 'hire_intent', count: 41 });

  // 3. A training class already held.
  const training = await svc.create(actor, {
    kind: 'training',
    title: '企业知识产权与专利实务培训班',
    startsAt: at('2026-09-05', '09:00'),
    endsAt: at('2026-09-06', '17:00'),
    place: '湖州市行政中心 2 号楼培训室',
    regionCode: '330502',
    organisers: ['湖州市市场监督管理局（知识产权局）'],
    capacity: 60,
    needsApproval: false,
    details: { hours: 12, certificate: true },
    featured: [],
  });
  await publish(training);
  const trainingNow = await svc.get(actor, training.id);
  await svc.transition(actor, training.id, { action: 'finish', version: trainingNow.version });
  await platform.activityWork.addOutcome(actor, training.id, { kind: 'trained', count: 56 });

  // 4. A talent-care event that asks for approval.
  const care = await svc.create(actor, {
    kind: 'care',
    title: '高层次人才健康体检日',
    startsAt: at('2026-12-05', '08:00'),
    endsAt: at('2026-12-05', '11:30'),
    place: '湖州市中心医院体检中心',
    regionCode: '330502',
    organisers: ['湖州市委人才办'],
    capacity: 40,
    needsApproval: true,
    details: { services: '常规体检、专家咨询' },
    featured: [],
  });
  await publish(care);
}
