import { z } from 'zod';
import type { App } from '../../platform/http/types.ts';
import { readUpload, sendExport, sendStoredFile } from '../../platform/io/routes.ts';
import { ATTACHMENT_MAX_BYTES } from './attachments.ts';
import {
  orderBoard,
  orderPage,
  ordersExportQuery,
  ordersQuery,
  orderTransitionRequest,
  orderView,
  placeOrderRequest,
  visitInput,
} from './contract.ts';
import { ordersError } from './errors.ts';
import type { OrdersService } from './service.ts';

/** An optional `Idempotency-Key` header: a retry with the same key gets the first answer. */
const idempotencyHeaders = z
  .object({ 'idempotency-key': z.string().min(8).max(128).optional() })
  .passthrough();

export function registerOrdersRoutes(app: App, orders: OrdersService): void {
  const tags = ['orders'];
  const idParams = z.strictObject({ id: z.string().uuid() });
  app.get(
    '/api/orders',
    {
      config: { access: 'orders.read' },
      schema: {
        tags,
        summary: '服务订单 Service orders',
        querystring: ordersQuery,
        response: { 200: orderPage },
      },
    },
    async (request) => orders.list(request.actor!, request.query),
  );
  app.get(
    '/api/orders/export',
    {
      config: { access: 'orders.read' },
      schema: {
        tags,
        summary: '导出服务订单台账（所见订单，按列表筛选）Export the orders',
        querystring: ordersExportQuery,
      },
    },
    async (request, reply) => {
      const file = await orders.export(request.actor!, request.query, request.locale);
      return sendExport(reply, file);
    },
  );
  app.get(
    '/api/orders/board',
    {
      config: { access: 'orders.manage' },
      schema: {
        tags,
        summary: '派单看板：各状态订单数、超时数、各环节用时 Board',
        response: { 200: orderBoard },
      },
    },
    async (request) => orders.board(request.actor!),
  );
  app.get(
    '/api/orders/:id',
    {
      config: { access: 'orders.read' },
      schema: {
        tags,
        summary: '订单详情与进程 One order with its history',
        params: idParams,
        response: { 200: orderView },
      },
    },
    async (request) => orders.get(request.actor!, request.params.id),
  );
  app.post(
    '/api/orders',
    {
      config: { access: 'orders.act' },
      schema: {
        tags,
        summary: '企业点单（由已发布的技术需求）Place an order for a demand',
        headers: idempotencyHeaders,
        body: placeOrderRequest,
        response: { 201: orderView },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await orders.place(request.actor!, request.body, request.headers['idempotency-key'])),
  );
  app.post(
    '/api/orders/:id/transition',
    {
      config: { access: 'orders.act' },
      schema: {
        tags,
        summary: '派单、接单、拒单、开始、完成、确认、取消 Move an order',
        headers: idempotencyHeaders,
        params: idParams,
        body: orderTransitionRequest,
        response: { 200: orderView },
      },
    },
    async (request) =>
      orders.transition(request.actor!, request.params.id, request.body, request.headers['idempotency-key']),
  );
  app.post(
    '/api/orders/:id/visits',
    {
      config: { access: 'orders.act' },
      schema: {
        tags,
        summary: '登记服务记录 Log a service visit',
        params: idParams,
        body: visitInput,
        response: { 201: orderView },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await orders.logVisit(request.actor!, request.params.id, request.body)),
  );
  app.post(
    '/api/orders/:id/visits/:visitId/attachments',
    {
      config: { access: 'orders.act' },
      schema: {
        tags,
        summary: '上传服务记录附件（≤10 MB；PDF、图片、Office、文本）Attach a file to a visit',
        consumes: ['multipart/form-data'],
        params: z.strictObject({ id: z.string().uuid(), visitId: z.string().uuid() }),
        response: { 201: orderView },
      },
    },
    async (request, reply) => {
      const file = await readUpload(request, ATTACHMENT_MAX_BYTES, {
        empty: () => ordersError('ORDER_ATTACHMENT_EMPTY'),
        tooLarge: (limitMb, cause) =>
          ordersError('ORDER_ATTACHMENT_TOO_LARGE', { params: { limitMb }, cause }),
      });
      const view = await orders.attach(request.actor!, request.params.id, request.params.visitId, file);
      return reply.code(201).send(view);
    },
  );
  app.get(
    '/api/orders/:id/attachments/:attachmentId',
    {
      config: { access: 'orders.read' },
      schema: {
        tags,
        summary: '下载服务记录附件 Download an attachment',
        params: z.strictObject({ id: z.string().uuid(), attachmentId: z.string().uuid() }),
      },
    },
    async (request, reply) => {
      const file = await orders.attachment(request.actor!, request.params.id, request.params.attachmentId);
      return sendStoredFile(reply, file);
    },
  );
}
