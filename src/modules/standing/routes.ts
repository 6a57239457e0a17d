import { z } from 'zod';
import type { App } from '../../platform/http/types.ts';
import { readUpload, sendStoredFile } from '../../platform/io/routes.ts';
import { ATTACHMENT_MAX_BYTES } from '../orders/attachments.ts';
import {
  fileView,
  occurrencePage,
  occurrencesQuery,
  occurrenceView,
  overviewQuery,
  overviewRowsQuery,
  overviewRowsView,
  overviewView,
  planInput,
  planView,
  planYearParam,
  recordInput,
  unrecordInput,
  visitView,
} from './contract.ts';
import { teamOutcomesQuery, teamOutcomesView } from './contract-outcomes.ts';
import { standingError } from './errors.ts';
import { registerCommissionerRoutes } from './routes-commissioners.ts';
import type { StandingService } from './service.ts';

export function registerStandingRoutes(app: App, standing: StandingService): void {
  const tags = ['standing'];
  const planParams = z.strictObject({ teamId: z.string().uuid(), year: planYearParam });
  const idParams = z.strictObject({ id: z.string().uuid() });
  app.get(
    '/api/standing/teams/:teamId/plans/:year',
    {
      config: { access: 'teams.read' },
      schema: {
        tags,
        summary: '团队年度服务计划（1346）及每次计划服务 A team’s plan for a year',
        params: planParams,
        response: { 200: planView },
      },
    },
    async (request) =>
      standing.plan(request.actor!, request.params.teamId, request.params.year, request.locale),
  );
  app.put(
    '/api/standing/teams/:teamId/plans/:year',
    {
      config: { access: 'teams.manage' },
      schema: {
        tags,
        summary: '制定或调整年度服务计划（调整频次只重排今后未登记的） Make or change a plan',
        params: planParams,
        body: planInput,
        response: { 200: planView },
      },
    },
    async (request) =>
      standing.savePlan(
        request.actor!,
        request.params.teamId,
        request.params.year,
        request.body,
        request.locale,
      ),
  );
  app.get(
    '/api/standing/teams/:teamId/outcomes',
    {
      config: { access: 'teams.read' },
      schema: {
        tags,
        summary: '团队成效：派给团队的订单与团队服务活动取得的成效，各计一次 A team’s outcomes so far',
        params: z.strictObject({ teamId: z.string().uuid() }),
        querystring: teamOutcomesQuery,
        response: { 200: teamOutcomesView },
      },
    },
    async (request) =>
      standing.outcomes.list(request.actor!, request.params.teamId, request.query, request.locale),
  );
  app.get(
    '/api/standing/occurrences',
    {
      config: { access: 'standing.read' },
      schema: {
        tags,
        summary: '计划服务：团队、特派员、联系服务（待办、逾期、本人的）Planned occurrences',
        querystring: occurrencesQuery,
        response: { 200: occurrencePage },
      },
    },
    async (request) => standing.occurrences(request.actor!, request.query, request.locale),
  );
  app.post(
    '/api/standing/occurrences/:id/record',
    {
      config: { access: 'standing.read' },
      schema: {
        tags,
        summary: '登记计划服务（关联活动或填写走访记录）Record a planned session',
        params: idParams,
        body: recordInput,
        response: { 200: occurrenceView },
      },
    },
    async (request) =>
      standing.records.record(request.actor!, request.params.id, request.body, request.locale),
  );
  app.post(
    '/api/standing/occurrences/:id/unrecord',
    {
      config: { access: 'standing.manage' },
      schema: {
        tags,
        summary: '撤销登记（运营人员，须说明原因）Take a record back',
        params: idParams,
        body: unrecordInput,
        response: { 200: occurrenceView },
      },
    },
    async (request) =>
      standing.records.unrecord(request.actor!, request.params.id, request.body, request.locale),
  );
  app.get(
    '/api/standing/visits/:id',
    {
      config: { access: 'standing.read' },
      schema: { tags, summary: '走访记录 A visit log', params: idParams, response: { 200: visitView } },
    },
    async (request) => standing.visits.visit(request.actor!, request.params.id),
  );
  app.post(
    '/api/standing/visits/:id/files',
    {
      config: { access: 'standing.read' },
      schema: {
        tags,
        summary: '上传走访照片或材料（≤10 MB）Attach a file to a visit',
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 201: fileView },
      },
    },
    async (request, reply) => {
      const file = await readUpload(request, ATTACHMENT_MAX_BYTES, {
        empty: () => standingError('STANDING_FILE_EMPTY'),
        tooLarge: (limitMb, cause) =>
          standingError('STANDING_FILE_TOO_LARGE', { params: { limitMb }, cause }),
      });
      return reply.code(201).send(await standing.visits.attach(request.actor!, request.params.id, file));
    },
  );
  app.get(
    '/api/standing/visits/:id/files/:fileId',
    {
      config: { access: 'standing.read' },
      schema: {
        tags,
        summary: '下载走访附件 Download a visit’s file',
        params: z.strictObject({ id: z.string().uuid(), fileId: z.string().uuid() }),
      },
    },
    async (request, reply) => {
      const file = await standing.visits.file(request.actor!, request.params.id, request.params.fileId);
      return sendStoredFile(reply, file);
    },
  );
  app.get(
    '/api/standing/overview',
    {
      config: { access: 'standing.manage' },
      schema: {
        tags,
        summary: '常态化服务总览（各团队、特派员、联系人每月完成情况）Standing service overview',
        querystring: overviewQuery,
        response: { 200: overviewView },
      },
    },
    async (request) => standing.overview.summary(request.actor!, request.query.year),
  );
  app.get(
    '/api/standing/overview/rows',
    {
      config: { access: 'standing.manage' },
      schema: {
        tags,
        summary: '常态化服务总览明细：团队、特派员或联系人，按完成率、逾期或名称排序，分页 Overview rows',
        querystring: overviewRowsQuery,
        response: { 200: overviewRowsView },
      },
    },
    async (request) => standing.overview.rows(request.actor!, request.query),
  );
  registerCommissionerRoutes(app, standing);
}
