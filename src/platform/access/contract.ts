import { z } from 'zod';
import { bilingual, role } from '../auth/contract.ts';
import { ROLES } from './permissions.ts';

export const ORGANISATION_KINDS = ['office', 'institution', 'enterprise', 'provider', 'station'] as const;

export const roleItem = z.object({ role, name: bilingual, permissions: z.array(z.string()) });
export const rolesResponse = z.object({ items: z.array(roleItem) });
export const permissionsResponse = z.object({
  items: z.array(z.object({ code: z.string(), name: bilingual, kind: z.enum(['read', 'write']) })),
});
export const roleParams = z.strictObject({ role: z.enum(ROLES) });
export const setPermissionsRequest = z.strictObject({ permissions: z.array(z.string().max(64)).max(500) });

export const organisationView = z.object({
  id: z.string().uuid(),
  kind: z.string(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
});
export const organisationsQuery = z.strictObject({
  q: z.string().trim().max(64).optional(),
  kind: z.enum(ORGANISATION_KINDS).optional(),
});
export const organisationsResponse = z.object({ items: z.array(organisationView) });
