import type { FastifyReply } from 'fastify';
import { CSRF_COOKIE, SESSION_COOKIE } from '../http/app.ts';
import type { App } from '../http/types.ts';
import type { AccountsService } from './accounts.ts';
import {
  changePasswordRequest,
  createUserRequest,
  idParams,
  listUsersQuery,
  loginRequest,
  me,
  ok,
  ownEmailRequest,
  resetPasswordRequest,
  sessionResponse,
  updateUserRequest,
  userPage,
  userView,
} from './contract.ts';
import type { AuthService } from './service.ts';

export interface AuthRouteDeps {
  auth: AuthService;
  accounts: AccountsService;
  /** Whether cookies carry the Secure flag: 'auto' follows the request's protocol. */
  cookieSecure: 'true' | 'false' | 'auto';
}

export function registerAuthRoutes(app: App, deps: AuthRouteDeps): void {
  const { auth, accounts } = deps;
  const tags = ['auth'];

  function setSessionCookies(
    reply: FastifyReply,
    token: string,
    csrfToken: string,
    secure: boolean,
    maxAge: number,
  ) {
    const base = { path: '/', sameSite: 'lax' as const, secure, maxAge };
    reply.setCookie(SESSION_COOKIE, token, { ...base, httpOnly: true });
    reply.setCookie(CSRF_COOKIE, csrfToken, { ...base, httpOnly: false });
  }

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: { tags, summary: '登录 Sign in', body: loginRequest, response: { 200: sessionResponse } },
    },
    async (request, reply) => {
      const signedIn = await auth.login(request.body.username, request.body.password, {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        requestId: String(request.id),
      });
      const secure =
        deps.cookieSecure === 'true' || (deps.cookieSecure === 'auto' && request.protocol === 'https');
      const maxAge = Math.floor((signedIn.expiresAt.getTime() - Date.now()) / 1000);
      setSessionCookies(reply, signedIn.token, signedIn.csrfToken, secure, Math.max(maxAge, 60));
      const resolved = await auth.resolve(signedIn.token, { ip: request.ip, requestId: String(request.id) });
      return { user: await accounts.me(resolved!.actor), csrfToken: signedIn.csrfToken };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: '退出登录 Sign out', response: { 200: ok } },
    },
    async (request, reply) => {
      await auth.logout(request.actor!);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      reply.clearCookie(CSRF_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: '当前用户 The signed-in user', response: { 200: sessionResponse } },
    },
    async (request) => ({ user: await accounts.me(request.actor!), csrfToken: request.csrfToken ?? '' }),
  );

  app.post(
    '/api/auth/password',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '修改密码 Change my password',
        body: changePasswordRequest,
        response: { 200: ok },
      },
    },
    async (request) => {
      await auth.changePassword(request.actor!, request.body.currentPassword, request.body.newPassword);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/email',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '设置本人电子邮箱（接收消息提醒）Set my e-mail address',
        body: ownEmailRequest,
        response: { 200: me },
      },
    },
    async (request) => accounts.setOwnEmail(request.actor!, request.body.email),
  );

  const userTags = ['users'];
  app.get(
    '/api/users',
    {
      config: { access: 'users.read' },
      schema: {
        tags: userTags,
        summary: '用户列表 List accounts',
        querystring: listUsersQuery,
        response: { 200: userPage },
      },
    },
    async (request) => accounts.list(request.actor!, request.query),
  );

  app.get(
    '/api/users/:id',
    {
      config: { access: 'users.read' },
      schema: {
        tags: userTags,
        summary: '用户详情 One account',
        params: idParams,
        response: { 200: userView },
      },
    },
    async (request) => accounts.get(request.actor!, request.params.id),
  );

  app.post(
    '/api/users',
    {
      config: { access: 'users.manage' },
      schema: {
        tags: userTags,
        summary: '新建用户 Create an account',
        body: createUserRequest,
        response: { 201: userView },
      },
    },
    async (request, reply) => reply.code(201).send(await accounts.create(request.actor!, request.body)),
  );

  app.patch(
    '/api/users/:id',
    {
      config: { access: 'users.manage' },
      schema: {
        tags: userTags,
        summary: '修改用户 Edit an account',
        params: idParams,
        body: updateUserRequest,
        response: { 200: userView },
      },
    },
    async (request) => accounts.update(request.actor!, request.params.id, request.body),
  );

  app.post(
    '/api/users/:id/password',
    {
      config: { access: 'users.manage' },
      schema: {
        tags: userTags,
        summary: '重置密码 Reset an account password',
        params: idParams,
        body: resetPasswordRequest,
        response: { 200: ok },
      },
    },
    async (request) => {
      await accounts.resetPassword(request.actor!, request.params.id, request.body.newPassword);
      return { ok: true as const };
    },
  );
}
