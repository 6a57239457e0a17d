import { z } from 'zod';
import type { App } from '../../platform/http/types.ts';
import { RequestValidationError } from '../../platform/http/validation.ts';
import { sendExport } from '../../platform/io/routes.ts';
import {
  archiveRequest,
  dictionaryEntries,
  dictionaryEntryBody,
  dictionaryEntryView,
  dictionaryKinds,
  exportQuery,
  INPUTS,
  LIST_ITEMS,
  listQuery,
  profileUpdateRequest,
  profileView,
  REGISTRY_KINDS,
  recordPage,
  revealResponse,
  talentAccount,
  talentAccountRequest,
  updateOf,
  VIEWS,
} from './contract.ts';
import { DICTIONARY_KINDS, type DictionaryService } from './dictionaries.ts';
import { KINDS } from './kinds.ts';
import type { RegistryService } from './service.ts';

export function registerRegistryRoutes(
  app: App,
  registry: RegistryService,
  dictionaries: DictionaryService,
): void {
  const idParams = z.strictObject({ id: z.string().uuid() });
  for (const kind of REGISTRY_KINDS) {
    const label = KINDS[kind].label;
    const tags = [`registry: ${kind}`];
    const view = VIEWS[kind];
    const base = `/api/registry/${kind}`;
    app.get(
      base,
      {
        config: { access: 'registry.read' },
        schema: {
          tags,
          summary: `${label.zh}列表 List ${label.en}`,
          querystring: listQuery,
          response: { 200: recordPage(LIST_ITEMS[kind]) },
        },
      },
      async (request) => registry.list(request.actor!, kind, request.query),
    );
    app.get(
      `${base}/export`,
      {
        config: { access: 'registry.read' },
        schema: { tags, summary: `导出${label.zh} Export ${label.en}`, querystring: exportQuery },
      },
      async (request, reply) => {
        const { format, reveal, ...filter } = request.query;
        const file = await registry.export(
          request.actor!,
          kind,
          filter,
          format,
          reveal === 'true',
          request.locale,
        );
        return sendExport(reply, file);
      },
    );
    app.get(
      `${base}/:id`,
      {
        config: { access: 'registry.read' },
        schema: { tags, summary: `${label.zh}详情 One record`, params: idParams, response: { 200: view } },
      },
      async (request) => registry.get(request.actor!, kind, request.params.id),
    );
    app.post(
      base,
      {
        config: { access: 'registry.manage' },
        schema: { tags, summary: `新建${label.zh} Create`, body: INPUTS[kind], response: { 201: view } },
      },
      async (request, reply) =>
        reply.code(201).send(await registry.create(request.actor!, kind, request.body)),
    );
    app.patch(
      `${base}/:id`,
      {
        config: { access: 'registry.manage' },
        schema: {
          tags,
          summary: `修改${label.zh} Edit`,
          params: idParams,
          body: updateOf(INPUTS[kind]),
          response: { 200: view },
        },
      },
      async (request) => registry.update(request.actor!, kind, request.params.id, request.body),
    );
    app.post(
      `${base}/:id/archive`,
      {
        config: { access: 'registry.manage' },
        schema: {
          tags,
          summary: `归档或恢复 Archive or restore`,
          params: idParams,
          body: archiveRequest,
          response: { 200: view },
        },
      },
      async (request) =>
        registry.setArchived(
          request.actor!,
          kind,
          request.params.id,
          request.body.version,
          request.body.archived,
        ),
    );
    app.post(
      `${base}/:id/reveal`,
      {
        config: { access: 'personal.reveal' },
        schema: {
          tags,
          summary: '查看完整个人信息（留痕）Reveal personal data (audited)',
          params: idParams,
          response: { 200: revealResponse },
        },
      },
      async (request) => registry.reveal(request.actor!, kind, request.params.id),
    );
  }

  app.get(
    '/api/registry/talents/:id/account',
    {
      config: { access: 'registry.read' },
      schema: {
        tags: ['registry'],
        summary: '人才档案关联的账号 The account a talent record is linked to',
        params: z.strictObject({ id: z.string().uuid() }),
        response: { 200: talentAccount },
      },
    },
    async (request) => registry.talentAccount(request.actor!, request.params.id),
  );
  app.put(
    '/api/registry/talents/:id/account',
    {
      config: { access: 'registry.manage' },
      schema: {
        tags: ['registry'],
        summary: '关联或解除账号（专家据此接单、维护档案）Link or unlink an account',
        params: z.strictObject({ id: z.string().uuid() }),
        body: talentAccountRequest,
        response: { 200: talentAccount },
      },
    },
    async (request) => registry.linkTalentAccount(request.actor!, request.params.id, request.body.username),
  );

  const tags = ['dictionaries'];
  const kindParams = z.strictObject({
    kind: z.enum(DICTIONARY_KINDS),
  });
  app.get(
    '/api/dictionaries',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: '数据字典 Code lists', response: { 200: dictionaryKinds } },
    },
    async () => dictionaries.kinds(),
  );
  app.get(
    '/api/dictionaries/:kind',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '字典条目 Entries of a code list',
        params: kindParams,
        response: { 200: dictionaryEntries },
      },
    },
    async (request) => dictionaries.entries(request.params.kind),
  );
  app.put(
    '/api/dictionaries/:kind/:code',
    {
      config: { access: 'dictionaries.manage' },
      schema: {
        tags,
        summary: '新增或修改字典条目 Save an entry',
        params: z.strictObject({ kind: kindParams.shape.kind, code: z.string().min(1).max(16) }),
        body: dictionaryEntryBody,
        response: { 200: dictionaryEntryView },
      },
    },
    async (request) =>
      dictionaries.save(request.actor!, request.params.kind, { ...request.body, code: request.params.code }),
  );

  // Views are built at run time; the response schema still checks (and documents) the profile.
  const profile = profileView as unknown as z.ZodType<{ kind: string; record: Record<string, unknown> }>;
  app.get(
    '/api/profile',
    {
      config: { access: 'profile.own' },
      schema: { tags: ['profile'], summary: '我的档案 My profile', response: { 200: profile } },
    },
    async (request) => registry.myProfile(request.actor!),
  );
  app.patch(
    '/api/profile',
    {
      config: { access: 'profile.own' },
      schema: {
        tags: ['profile'],
        summary: '修改我的档案 Edit my profile',
        body: profileUpdateRequest,
        response: { 200: profile },
      },
    },
    async (request) => {
      const me = await registry.myProfile(request.actor!);
      // The fields depend on the caller's kind of profile, so the body is checked here rather than by the route schema.
      const parsed = updateOf(INPUTS[me.kind]).safeParse(request.body, { reportInput: true });
      if (!parsed.success) throw new RequestValidationError('body', parsed.error.issues);
      return registry.updateMyProfile(request.actor!, parsed.data);
    },
  );
}
