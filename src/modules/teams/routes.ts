import { z } from 'zod';
import type { App } from '../../platform/http/types.ts';
import { TEAM_KINDS } from './constants.ts';
import {
  compositionRulesInput,
  compositionRulesView,
  teamArchive,
  teamInput,
  teamPage,
  teamsQuery,
  teamUpdate,
  teamView,
} from './contract.ts';
import type { TeamsService } from './service.ts';

export function registerTeamsRoutes(app: App, teams: TeamsService): void {
  const tags = ['teams'];
  const idParams = z.strictObject({ id: z.string().uuid() });
  app.get(
    '/api/teams',
    {
      config: { access: 'teams.read' },
      schema: { tags, summary: '服务团队 Teams', querystring: teamsQuery, response: { 200: teamPage } },
    },
    async (request) => teams.list(request.actor!, request.query),
  );
  app.get(
    '/api/teams/composition-rules',
    {
      config: { access: 'teams.read' },
      schema: {
        tags,
        summary: '团队组建规则（现行版本）The composition rules in force',
        querystring: z.strictObject({ kind: z.enum(TEAM_KINDS).default('combined') }),
        response: { 200: compositionRulesView },
      },
    },
    async (request) => teams.rules(request.query.kind, request.locale),
  );
  app.put(
    '/api/teams/composition-rules',
    {
      config: { access: 'rules.manage' },
      schema: {
        tags,
        summary: '发布团队组建规则新版本（管理员）Store a new version of the composition rules',
        body: compositionRulesInput,
        response: { 200: compositionRulesView },
      },
    },
    async (request) => teams.saveRules(request.actor!, request.body, request.locale),
  );
  app.get(
    '/api/teams/:id',
    {
      config: { access: 'teams.read' },
      schema: { tags, summary: '服务团队详情 One team', params: idParams, response: { 200: teamView } },
    },
    async (request) => teams.get(request.actor!, request.params.id),
  );
  app.post(
    '/api/teams',
    {
      config: { access: 'teams.manage' },
      schema: { tags, summary: '组建服务团队 Set up a team', body: teamInput, response: { 201: teamView } },
    },
    async (request, reply) => reply.code(201).send(await teams.create(request.actor!, request.body)),
  );
  app.put(
    '/api/teams/:id',
    {
      config: { access: 'teams.manage' },
      schema: {
        tags,
        summary: '修改服务团队（成员、团长、归档）Change a team',
        params: idParams,
        body: teamUpdate,
        response: { 200: teamView },
      },
    },
    async (request) => teams.update(request.actor!, request.params.id, request.body),
  );
  app.post(
    '/api/teams/:id/archive',
    {
      config: { access: 'teams.manage' },
      schema: {
        tags,
        summary: '归档或恢复服务团队 Archive or restore a team',
        params: idParams,
        body: teamArchive,
        response: { 200: teamView },
      },
    },
    async (request) => teams.archive(request.actor!, request.params.id, request.body),
  );
}
