import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { App } from '../../platform/http/types.ts';
import { attachment, sendExport, XLSX_TYPE } from '../../platform/io/routes.ts';
import {
  activitiesExportQuery,
  activitiesQuery,
  activityInput,
  activityPage,
  activityTransition,
  activityUpdate,
  activityView,
  applicationRequest,
  applicationUpdate,
  checkInRequest,
  checkInResult,
  meetingAction,
  meetingRequest,
  meetingsResult,
  myRegistrationView,
  outcomeInput,
  outcomesResult,
  participantsView,
  positionInput,
  positionsResult,
  proposeRequest,
  proposeResult,
  registerRequest,
  registrationAction,
  registrationPage,
  registrationsQuery,
} from './contract.ts';
import type { MeetingsService } from './meetings.ts';
import type { ActivitiesService } from './service.ts';
import type { ActivityWorkService } from './work.ts';

export function registerActivitiesRoutes(
  app: App,
  activities: ActivitiesService,
  meetings: MeetingsService,
  work: ActivityWorkService,
): void {
  const tags = ['activities'];
  const id = z.string().uuid();
  const idParams = z.strictObject({ id });
  const excel = (reply: FastifyReply, file: { fileName: string; data: Buffer }) =>
    reply.type(XLSX_TYPE).header('content-disposition', attachment(file.fileName)).send(file.data);

  app.get(
    '/api/activities',
    {
      config: { access: 'activities.read' },
      schema: {
        tags,
        summary: '活动列表与日历 Activities',
        querystring: activitiesQuery,
        response: { 200: activityPage },
      },
    },
    async (request) => activities.list(request.actor!, request.query),
  );
  app.get(
    '/api/activities/export',
    {
      config: { access: 'activities.read' },
      schema: {
        tags,
        summary: '导出活动台账（所见活动，按列表筛选）Export the activities',
        querystring: activitiesExportQuery,
      },
    },
    async (request, reply) => {
      const file = await activities.exports.ledger(request.actor!, request.query, request.locale);
      return sendExport(reply, file);
    },
  );
  app.get(
    '/api/activities/:id',
    {
      config: { access: 'activities.read' },
      schema: { tags, summary: '活动详情 One activity', params: idParams, response: { 200: activityView } },
    },
    async (request) => activities.get(request.actor!, request.params.id),
  );
  app.post(
    '/api/activities',
    {
      config: { access: 'activities.manage' },
      schema: {
        tags,
        summary: '创建活动 Create an activity',
        body: activityInput,
        response: { 201: activityView },
      },
    },
    async (request, reply) => reply.code(201).send(await activities.create(request.actor!, request.body)),
  );
  app.put(
    '/api/activities/:id',
    {
      config: { access: 'activities.manage' },
      schema: {
        tags,
        summary: '修改活动 Change an activity',
        params: idParams,
        body: activityUpdate,
        response: { 200: activityView },
      },
    },
    async (request) => activities.update(request.actor!, request.params.id, request.body),
  );
  app.post(
    '/api/activities/:id/transition',
    {
      config: { access: 'activities.manage' },
      schema: {
        tags,
        summary: '发布、截止报名、结束、取消 Move an activity',
        params: idParams,
        body: activityTransition,
        response: { 200: activityView },
      },
    },
    async (request) => activities.transition(request.actor!, request.params.id, request.body),
  );

  // ---- registrations and check-in ----
  app.post(
    '/api/activities/:id/registrations',
    {
      config: { access: 'activities.join' },
      schema: {
        tags,
        summary: '报名（本人或本单位；组织方可代为登记或邀请）Register',
        params: idParams,
        body: registerRequest,
        response: { 201: myRegistrationView },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await activities.registrations.register(request.actor!, request.params.id, request.body)),
  );
  app.get(
    '/api/activities/:id/registrations',
    {
      config: { access: 'activities.manage' },
      schema: {
        tags,
        summary: '报名名单 Registrations',
        params: idParams,
        querystring: registrationsQuery,
        response: { 200: registrationPage },
      },
    },
    async (request) => activities.registrations.list(request.actor!, request.params.id, request.query),
  );
  app.post(
    '/api/activities/:id/registrations/:registrationId',
    {
      config: { access: 'activities.join' },
      schema: {
        tags,
        summary: '审核通过、不通过、取消报名 Approve, reject or cancel a registration',
        params: z.strictObject({ id, registrationId: id }),
        body: registrationAction,
        response: { 200: myRegistrationView },
      },
    },
    async (request) =>
      activities.registrations.act(
        request.actor!,
        request.params.id,
        request.params.registrationId,
        request.body,
      ),
  );
  app.get(
    '/api/activities/:id/participants',
    {
      config: { access: 'activities.join' },
      schema: {
        tags,
        summary: '参会名单（已确认的企业、专家等，供申请洽谈）Confirmed participants',
        params: idParams,
        response: { 200: participantsView },
      },
    },
    async (request) => activities.registrations.participants(request.actor!, request.params.id),
  );
  app.get(
    '/api/activities/:id/registrations/:registrationId/qr.png',
    {
      config: { access: 'activities.read' },
      schema: {
        tags,
        summary: '签到二维码 The check-in QR code',
        params: z.strictObject({ id, registrationId: id }),
      },
    },
    async (request, reply) =>
      reply
        .type('image/png')
        .header('cache-control', 'private, no-store')
        .send(await activities.desk.qrCode(request.actor!, request.params.id, request.params.registrationId)),
  );
  app.post(
    '/api/activities/:id/check-in',
    {
      config: { access: 'activities.manage' },
      schema: {
        tags,
        summary: '签到（扫码、签到码或查找）Check in by QR code, short code or search',
        params: idParams,
        body: checkInRequest,
        response: { 200: checkInResult },
      },
    },
    async (request) => activities.desk.checkIn(request.actor!, request.params.id, request.body),
  );
  app.get(
    '/api/activities/:id/export/attendance',
    {
      config: { access: 'activities.manage' },
      schema: { tags, summary: '导出签到表 Attendance list (Excel)', params: idParams },
    },
    async (request, reply) =>
      excel(reply, await activities.exports.attendance(request.actor!, request.params.id, request.locale)),
  );

  // ---- 1:1 meetings ----
  app.get(
    '/api/activities/:id/meetings',
    {
      config: { access: 'activities.read' },
      schema: {
        tags,
        summary: '一对一洽谈 1:1 meetings',
        params: idParams,
        response: { 200: meetingsResult },
      },
    },
    async (request) => meetings.list(request.actor!, request.params.id),
  );
  app.post(
    '/api/activities/:id/meetings/propose',
    {
      config: { access: 'activities.manage' },
      schema: {
        tags,
        summary: '按匹配结果推荐洽谈 Propose meetings from matching',
        params: idParams,
        body: proposeRequest,
        response: { 200: proposeResult },
      },
    },
    async (request) =>
      meetings.propose(request.actor!, request.params.id, request.body.perEnterprise, request.locale),
  );
  app.post(
    '/api/activities/:id/meetings/arrange',
    {
      config: { access: 'activities.manage' },
      schema: {
        tags,
        summary: '排定洽谈时段与桌号 Lay out the accepted meetings',
        params: idParams,
        response: { 200: meetingsResult },
      },
    },
    async (request) => meetings.arrange(request.actor!, request.params.id),
  );
  app.post(
    '/api/activities/:id/meetings',
    {
      config: { access: 'activities.join' },
      schema: {
        tags,
        summary: '申请或安排一场洽谈 Ask for a meeting',
        params: idParams,
        body: meetingRequest,
        response: { 201: meetingsResult },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await meetings.request(request.actor!, request.params.id, request.body)),
  );
  app.post(
    '/api/activities/:id/meetings/:meetingId',
    {
      config: { access: 'activities.join' },
      schema: {
        tags,
        summary: '确认、谢绝、取消洽谈 Accept, decline or cancel a meeting',
        params: z.strictObject({ id, meetingId: id }),
        body: meetingAction,
        response: { 200: meetingsResult },
      },
    },
    async (request) =>
      meetings.act(request.actor!, request.params.id, request.params.meetingId, request.body),
  );
  app.get(
    '/api/activities/:id/export/schedule',
    {
      config: { access: 'activities.manage' },
      schema: { tags, summary: '导出洽谈日程 Meeting schedule (Excel)', params: idParams },
    },
    async (request, reply) =>
      excel(reply, await meetings.exportSchedule(request.actor!, request.params.id, request.locale)),
  );

  // ---- positions, applications, outcomes ----
  app.get(
    '/api/activities/:id/positions',
    {
      config: { access: 'activities.read' },
      schema: {
        tags,
        summary: '招聘/实习岗位 Positions',
        params: idParams,
        response: { 200: positionsResult },
      },
    },
    async (request) => work.positions(request.actor!, request.params.id),
  );
  app.post(
    '/api/activities/:id/positions',
    {
      config: { access: 'activities.join' },
      schema: {
        tags,
        summary: '发布岗位 Post a position',
        params: idParams,
        body: positionInput,
        response: { 201: positionsResult },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await work.addPosition(request.actor!, request.params.id, request.body)),
  );
  app.post(
    '/api/activities/:id/positions/:positionId/applications',
    {
      config: { access: 'activities.join' },
      schema: {
        tags,
        summary: '投递岗位（登记求职意向）Apply to a position',
        params: z.strictObject({ id, positionId: id }),
        body: applicationRequest,
        response: { 201: positionsResult },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await work.apply(request.actor!, request.params.id, request.params.positionId, request.body)),
  );
  app.post(
    '/api/activities/:id/applications/:applicationId',
    {
      config: { access: 'activities.join' },
      schema: {
        tags,
        summary: '更新投递进度（面谈、意向、录用、撤回）Move an application on',
        params: z.strictObject({ id, applicationId: id }),
        body: applicationUpdate,
        response: { 200: positionsResult },
      },
    },
    async (request) =>
      work.updateApplication(request.actor!, request.params.id, request.params.applicationId, request.body),
  );
  app.get(
    '/api/activities/:id/outcomes',
    {
      config: { access: 'activities.read' },
      schema: { tags, summary: '活动成效 Outcomes', params: idParams, response: { 200: outcomesResult } },
    },
    async (request) => work.outcomes(request.actor!, request.params.id),
  );
  app.post(
    '/api/activities/:id/outcomes',
    {
      config: { access: 'activities.manage' },
      schema: {
        tags,
        summary: '登记成效 Record an outcome',
        params: idParams,
        body: outcomeInput,
        response: { 201: outcomesResult },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await work.addOutcome(request.actor!, request.params.id, request.body)),
  );
  app.delete(
    '/api/activities/:id/outcomes/:outcomeId',
    {
      config: { access: 'activities.manage' },
      schema: {
        tags,
        summary: '删除成效记录 Remove an outcome',
        params: z.strictObject({ id, outcomeId: id }),
        response: { 200: outcomesResult },
      },
    },
    async (request) => work.removeOutcome(request.actor!, request.params.id, request.params.outcomeId),
  );
  app.get(
    '/api/activities/:id/export/outcomes',
    {
      config: { access: 'activities.manage' },
      schema: { tags, summary: '导出成效表 Outcomes (Excel)', params: idParams },
    },
    async (request, reply) =>
      excel(reply, await work.exportOutcomes(request.actor!, request.params.id, request.locale)),
  );
}
