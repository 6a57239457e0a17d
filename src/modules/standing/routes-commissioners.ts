import { z } from 'zod';
import type { App } from '../../platform/http/types.ts';
import { refineInput, visitView } from './contract.ts';
import {
  dutiesQuery,
  dutyChangeInput,
  dutyInput,
  dutyPage,
  dutyView,
  endInput,
  entriesInput,
  makeupInput,
  pairInput,
  portfolioQuery,
  portfolioView,
  preferencesInput,
  roundInput,
  roundPage,
  roundsQuery,
  roundView,
  settingsInput,
  settingsQuery,
  settingsView,
  versionInput,
} from './contract-commissioners.ts';
import type { StandingService } from './service.ts';

/** The tech commissioners' routes (rounds, pairs, portfolios, settings), refined demands and contact duties. */
export function registerCommissionerRoutes(app: App, standing: StandingService): void {
  const tags = ['standing'];
  const idParams = z.strictObject({ id: z.string().uuid() });
  const entryParams = z.strictObject({ id: z.string().uuid(), entryId: z.string().uuid() });
  const { commissioners, desk, duties, visits } = standing;

  app.get(
    '/api/standing/rounds',
    {
      config: { access: 'standing.read' },
      schema: {
        tags,
        summary: '科技特派员选派轮次（运营人员看本地区，企业与专家看本方参加的）Commissioner rounds',
        querystring: roundsQuery,
        response: { 200: roundPage },
      },
    },
    async (request) => desk.rounds(request.actor!, request.query.page, request.query.pageSize),
  );
  app.post(
    '/api/standing/rounds',
    {
      config: { access: 'standing.manage' },
      schema: {
        tags,
        summary: '开启选派轮次（任期、每人服务企业上限、走访频次）Open a round',
        body: roundInput,
        response: { 201: roundView },
      },
    },
    async (request, reply) => reply.code(201).send(await commissioners.create(request.actor!, request.body)),
  );
  app.get(
    '/api/standing/rounds/:id',
    {
      config: { access: 'standing.read' },
      schema: { tags, summary: '选派轮次详情 A round', params: idParams, response: { 200: roundView } },
    },
    async (request) => commissioners.round(request.actor!, request.params.id),
  );
  app.post(
    '/api/standing/rounds/:id/entries',
    {
      config: { access: 'standing.manage' },
      schema: {
        tags,
        summary: '加入企业与专家 Add enterprises and experts',
        params: idParams,
        body: entriesInput,
        response: { 200: roundView },
      },
    },
    async (request) => commissioners.addEntries(request.actor!, request.params.id, request.body),
  );
  app.delete(
    '/api/standing/rounds/:id/entries/:entryId',
    {
      config: { access: 'standing.manage' },
      schema: {
        tags,
        summary: '移出参与方 Remove a participant',
        params: entryParams,
        response: { 200: roundView },
      },
    },
    async (request) => commissioners.removeEntry(request.actor!, request.params.id, request.params.entryId),
  );
  app.put(
    '/api/standing/rounds/:id/preferences',
    {
      config: { access: 'standing.read' },
      schema: {
        tags,
        summary: '填报本方意向（企业或专家本人）State one’s preferences',
        params: idParams,
        body: preferencesInput,
        response: { 200: roundView },
      },
    },
    async (request) =>
      commissioners.setPreferences(request.actor!, request.params.id, undefined, request.body),
  );
  app.put(
    '/api/standing/rounds/:id/entries/:entryId/preferences',
    {
      config: { access: 'standing.manage' },
      schema: {
        tags,
        summary: '代为填报意向（运营人员）Enter a participant’s preferences',
        params: entryParams,
        body: preferencesInput,
        response: { 200: roundView },
      },
    },
    async (request) =>
      commissioners.setPreferences(request.actor!, request.params.id, request.params.entryId, request.body),
  );
  app.post(
    '/api/standing/rounds/:id/propose',
    {
      config: { access: 'standing.manage' },
      schema: {
        tags,
        summary: '生成配对建议（匹配度与双方意向）Propose pairs',
        params: idParams,
        response: { 200: roundView },
      },
    },
    async (request) => commissioners.propose(request.actor!, request.params.id),
  );
  app.put(
    '/api/standing/rounds/:id/pairs',
    {
      config: { access: 'standing.manage' },
      schema: {
        tags,
        summary: '调整某企业的配对 Set or clear an enterprise’s pair',
        params: idParams,
        body: pairInput,
        response: { 200: roundView },
      },
    },
    async (request) => commissioners.setPair(request.actor!, request.params.id, request.body),
  );
  app.post(
    '/api/standing/rounds/:id/confirm',
    {
      config: { access: 'standing.manage' },
      schema: {
        tags,
        summary: '确认选派（生成任期内走访计划）Confirm the pairs',
        params: idParams,
        body: versionInput,
        response: { 200: roundView },
      },
    },
    async (request) => commissioners.confirm(request.actor!, request.params.id, request.body.version),
  );
  app.post(
    '/api/standing/rounds/:id/makeup',
    {
      config: { access: 'standing.manage' },
      schema: {
        tags,
        summary: '开补充轮（未配对企业）Open a make-up round',
        params: idParams,
        body: makeupInput,
        response: { 201: roundView },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await commissioners.makeup(request.actor!, request.params.id, request.body.name)),
  );
  app.post(
    '/api/standing/pairings/:id/end',
    {
      config: { access: 'standing.manage' },
      schema: {
        tags,
        summary: '提前结束特派员服务（须说明原因）End a term early',
        params: idParams,
        body: endInput,
        response: {
          200: z.object({ id: z.string().uuid(), status: z.string(), version: z.number().int() }),
        },
      },
    },
    async (request) => desk.endPairing(request.actor!, request.params.id, request.body),
  );
  app.get(
    '/api/standing/portfolio',
    {
      config: { access: 'standing.read' },
      schema: {
        tags,
        summary: '特派员服务台账（本人，或运营人员指定专家）A commissioner’s portfolio',
        querystring: portfolioQuery,
        response: { 200: portfolioView },
      },
    },
    async (request) => desk.portfolio(request.actor!, request.query.talentId),
  );
  app.get(
    '/api/standing/settings',
    {
      config: { access: 'standing.manage' },
      schema: {
        tags,
        summary: '本地区常态化服务设置 The region’s settings',
        querystring: settingsQuery,
        response: { 200: settingsView },
      },
    },
    async (request) => desk.settings(request.actor!, request.query.regionCode),
  );
  app.put(
    '/api/standing/settings',
    {
      config: { access: 'standing.manage' },
      schema: {
        tags,
        summary: '设置是否允许专家跨地区兼任特派员 Allow serving in two regions',
        body: settingsInput,
        response: { 200: settingsView },
      },
    },
    async (request) => desk.saveSettings(request.actor!, request.body),
  );
  app.post(
    '/api/standing/visits/:id/demands',
    {
      config: { access: 'standing.read' },
      schema: {
        tags,
        summary: '凝练技术需求（进入需求库，待企业确认）Refine a demand from a visit',
        params: idParams,
        body: refineInput,
        response: { 201: visitView },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await visits.refine(request.actor!, request.params.id, request.body)),
  );
  app.get(
    '/api/standing/duties',
    {
      config: { access: 'standing.read' },
      schema: {
        tags,
        summary: '联系服务任务（运营人员看本地区，其他人看本人的）Contact duties',
        querystring: dutiesQuery,
        response: { 200: dutyPage },
      },
    },
    async (request) =>
      duties.list(request.actor!, {
        ...request.query,
        regionPrefix: '',
        ended: request.query.ended === undefined ? undefined : request.query.ended === 'true',
      }),
  );
  app.post(
    '/api/standing/duties',
    {
      config: { access: 'standing.manage' },
      schema: {
        tags,
        summary: '安排联系服务（联系人、对象、频次、5·30与节日关怀）Assign a contact duty',
        body: dutyInput,
        response: { 201: dutyView },
      },
    },
    async (request, reply) => reply.code(201).send(await duties.create(request.actor!, request.body)),
  );
  app.get(
    '/api/standing/duties/:id',
    {
      config: { access: 'standing.read' },
      schema: { tags, summary: '联系服务任务 A contact duty', params: idParams, response: { 200: dutyView } },
    },
    async (request) => duties.get(request.actor!, request.params.id),
  );
  app.put(
    '/api/standing/duties/:id',
    {
      config: { access: 'standing.manage' },
      schema: {
        tags,
        summary: '调整联系服务（只重排今后未登记的）Change a duty',
        params: idParams,
        body: dutyChangeInput,
        response: { 200: dutyView },
      },
    },
    async (request) => duties.change(request.actor!, request.params.id, request.body),
  );
  app.post(
    '/api/standing/duties/:id/end',
    {
      config: { access: 'standing.manage' },
      schema: {
        tags,
        summary: '结束联系服务（须说明原因）End a duty',
        params: idParams,
        body: endInput,
        response: { 200: dutyView },
      },
    },
    async (request) => duties.end(request.actor!, request.params.id, request.body),
  );
}
