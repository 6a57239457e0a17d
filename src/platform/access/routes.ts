import type { App } from '../http/types.ts';
import {
  organisationsQuery,
  organisationsResponse,
  permissionsResponse,
  roleItem,
  roleParams,
  rolesResponse,
  setPermissionsRequest,
} from './contract.ts';
import type { AccessService } from './service.ts';

export function registerAccessRoutes(app: App, access: AccessService): void {
  const tags = ['access'];
  app.get(
    '/api/roles',
    {
      config: { access: 'roles.read' },
      schema: { tags, summary: '角色及其权限 Roles', response: { 200: rolesResponse } },
    },
    async () => access.listRoles(),
  );
  app.get(
    '/api/permissions',
    {
      config: { access: 'roles.read' },
      schema: { tags, summary: '权限目录 Permission catalogue', response: { 200: permissionsResponse } },
    },
    async () => access.listPermissions(),
  );
  app.put(
    '/api/roles/:role/permissions',
    {
      config: { access: 'roles.manage' },
      schema: {
        tags,
        summary: '设置角色权限 Set a role’s permissions',
        params: roleParams,
        body: setPermissionsRequest,
        response: { 200: roleItem },
      },
    },
    async (request) =>
      access.setRolePermissions(request.actor!, request.params.role, request.body.permissions),
  );
  app.get(
    '/api/organisations',
    {
      config: { access: 'organisations.read' },
      schema: {
        tags,
        summary: '组织列表 Organisations in scope',
        querystring: organisationsQuery,
        response: { 200: organisationsResponse },
      },
    },
    async (request) => access.listOrganisations(request.actor!, request.query),
  );
}
