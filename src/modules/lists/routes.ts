import { z } from 'zod';
import type { App } from '../../platform/http/types.ts';
import { sendExport } from '../../platform/io/routes.ts';
import { updateOf } from '../registry/contract.ts';
import {
  LIST_INPUTS,
  LIST_KINDS,
  listExportQuery,
  listItemPage,
  listItemsQuery,
  listItemView,
  newItemDefaults,
  transitionRequest,
} from './contract.ts';
import { LIST_KIND_DEFS } from './kinds.ts';
import type { ListsService } from './service.ts';

export function registerListsRoutes(app: App, lists: ListsService): void {
  const idParams = z.strictObject({ id: z.string().uuid() });
  for (const kind of LIST_KINDS) {
    const label = LIST_KIND_DEFS[kind].label;
    const tags = [`lists: ${kind}`];
    const base = `/api/lists/${kind}`;
    app.get(
      base,
      {
        config: { access: 'lists.read' },
        schema: {
          tags,
          summary: `${label.zh}列表 List ${label.en}`,
          querystring: listItemsQuery,
          response: { 200: listItemPage },
        },
      },
      async (request) => lists.list(request.actor!, kind, request.query),
    );
    app.get(
      `${base}/export`,
      {
        config: { access: 'lists.read' },
        schema: { tags, summary: `导出${label.zh} Export ${label.en}`, querystring: listExportQuery },
      },
      async (request, reply) => {
        const { format, ...filter } = request.query;
        const file = await lists.export(request.actor!, kind, filter, format, request.locale);
        return sendExport(reply, file);
      },
    );
    app.get(
      `${base}/defaults`,
      {
        config: { access: 'lists.submit' },
        schema: {
          tags,
          summary: `新建${label.zh}的默认值 Defaults of a new item`,
          response: { 200: newItemDefaults },
        },
      },
      async (request) => lists.defaults(request.actor!),
    );
    app.get(
      `${base}/:id`,
      {
        config: { access: 'lists.read' },
        schema: {
          tags,
          summary: `${label.zh}详情 One item`,
          params: idParams,
          response: { 200: listItemView },
        },
      },
      async (request) => lists.get(request.actor!, kind, request.params.id),
    );
    app.post(
      base,
      {
        // Owners post drafts to submit; operators (who also hold lists.manage) post for anyone.
        config: { access: 'lists.submit' },
        schema: {
          tags,
          summary: `新建${label.zh} Create`,
          body: LIST_INPUTS[kind],
          response: { 201: listItemView },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await lists.create(request.actor!, kind, request.body as Record<string, unknown>)),
    );
    app.patch(
      `${base}/:id`,
      {
        config: { access: 'lists.submit' },
        schema: {
          tags,
          summary: `修改${label.zh} Edit`,
          params: idParams,
          body: updateOf(LIST_INPUTS[kind]),
          response: { 200: listItemView },
        },
      },
      async (request) =>
        lists.update(
          request.actor!,
          kind,
          request.params.id,
          request.body as Record<string, unknown> & { version: number },
        ),
    );
    app.post(
      `${base}/:id/transition`,
      {
        config: { access: 'lists.submit' },
        schema: {
          tags,
          summary: '提交、发布、退回、关闭… Change status',
          params: idParams,
          body: transitionRequest,
          response: { 200: listItemView },
        },
      },
      async (request) => lists.transition(request.actor!, kind, request.params.id, request.body),
    );
  }
}
