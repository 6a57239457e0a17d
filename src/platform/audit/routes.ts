import type { App } from '../http/types.ts';
import { auditPage, auditQuery, verifyResponse } from './contract.ts';
import type { AuditService } from './service.ts';

export function registerAuditRoutes(app: App, audit: AuditService): void {
  const tags = ['audit'];
  app.get(
    '/api/audit',
    {
      config: { access: 'audit.read' },
      schema: { tags, summary: '审计日志 Audit log', querystring: auditQuery, response: { 200: auditPage } },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      const { items, total } = await audit.list(filter, page, pageSize);
      return {
        items: items.map((row) => ({
          id: row.id,
          at: row.at.toISOString(),
          actorId: row.actorId,
          actorName: row.actorName,
          actorRole: row.actorRole,
          action: row.action,
          entity: row.entity,
          entityId: row.entityId,
          regionCode: row.regionCode,
          changes: row.changes,
          ip: row.ip,
        })),
        total,
        page,
        pageSize,
      };
    },
  );
  app.get(
    '/api/audit/verify',
    {
      config: { access: 'audit.read' },
      schema: { tags, summary: '校验哈希链 Verify the hash chain', response: { 200: verifyResponse } },
    },
    async () => audit.verify(),
  );
}
