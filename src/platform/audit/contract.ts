import { z } from 'zod';

export const auditQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  entity: z.string().trim().max(64).optional(),
  entityId: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  actor: z.string().trim().max(64).optional(),
  from: z.coerce.date().min(new Date('1900-01-01')).max(new Date('2200-01-01')).optional(),
  to: z.coerce.date().min(new Date('1900-01-01')).max(new Date('2200-01-01')).optional(),
});

export const auditItem = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  actorRole: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  regionCode: z.string().nullable(),
  changes: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
});

export const auditPage = z.object({
  items: z.array(auditItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const verifyResponse = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBrokenId: z.number().int().nullable(),
});
