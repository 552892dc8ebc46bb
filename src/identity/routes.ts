import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ServiceError } from '../core/errors.js';
import type { Services } from '../server/compose.js';
import { callerOf, clearSessionCookie, clientInfo, setSessionCookie, SESSION_COOKIE } from '../server/http-context.js';
import { rolesAt } from './principal.js';
import { changePasswordInput, createApiKeyInput, createOrgInput, createUserInput, loginInput, setRolesInput, updateOrgInput } from './inputs.js';
import { identityMessages } from './messages.js';

const orgParams = z.object({ orgId: z.string().uuid() });
const orgUserParams = orgParams.extend({ userId: z.string().uuid() });
const orgKeyParams = orgParams.extend({ keyId: z.string().uuid() });

export const identityRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { orgs, users, auth, apiKeys, oidc } = services;

  app.post('/api/auth/login', { schema: { tags: ['auth'], body: loginInput }, config: { csrf: false } }, async (request, reply) => {
    const session = await auth.loginWithPassword(request.body.email, request.body.password, clientInfo(request));
    setSessionCookie(reply, request, services, session.token, session.expiresAt);
    return { csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() };
  });

  app.post('/api/auth/logout', { schema: { tags: ['auth'] } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await auth.logout(token, request.id);
    clearSessionCookie(reply, request, services);
    return reply.code(204).send();
  });

  app.get('/api/auth/session', { schema: { tags: ['auth'] } }, async (request) => {
    const principal = request.principal;
    const sso = { enabled: oidc.enabled, displayName: oidc.displayName ?? null };
    if (!principal || principal.kind !== 'user') return { authenticated: false, sso, locale: request.locale };
    const tree = await orgs.tree();
    const visible = await orgs.list(callerOf(request));
    return {
      authenticated: true,
      sso,
      locale: request.locale,
      csrfToken: request.csrfToken,
      user: {
        id: principal.userId,
        email: principal.email,
        displayName: principal.displayName,
        mustChangePassword: request.mustChangePassword,
      },
      orgs: visible.map((org) => ({ ...org, roles: [...rolesAt(principal, tree, org.id)].sort() })),
    };
  });

  app.post('/api/auth/password', { schema: { tags: ['auth'], body: changePasswordInput } }, async (request, reply) => {
    await users.changeOwnPassword(callerOf(request), request.body.currentPassword, request.body.newPassword);
    return reply.code(204).send();
  });

  app.get(
    '/api/auth/oidc/start',
    { schema: { tags: ['auth'], querystring: z.object({ returnTo: z.string().max(500).default('/') }) } },
    async (request, reply) => {
      if (!oidc.enabled) throw new ServiceError('NOT_FOUND', identityMessages.oidcNotConfigured, { reason: 'oidc_disabled' });
      return reply.redirect((await oidc.start(request.query.returnTo)).href);
    },
  );

  app.get('/api/auth/oidc/callback', { schema: { tags: ['auth'] } }, async (request, reply) => {
    const base = services.config.public_url ?? `${request.protocol}://${request.host}`;
    try {
      const session = await oidc.callback(new URL(request.url, base), clientInfo(request));
      setSessionCookie(reply, request, services, session.token, session.expiresAt);
      return reply.redirect(session.returnTo);
    } catch (error) {
      request.log.warn({ err: error }, 'oidc login failed');
      const reason = error instanceof ServiceError ? (error.reason ?? 'oidc') : 'oidc';
      return reply.redirect(`/anmelden?fehler=${encodeURIComponent(reason)}`);
    }
  });

  app.get('/api/orgs', { schema: { tags: ['organisations'] } }, async (request) => {
    const caller = callerOf(request);
    const tree = await orgs.tree();
    return (await orgs.list(caller)).map((org) => ({ ...org, roles: [...rolesAt(caller.principal, tree, org.id)].sort() }));
  });

  app.post('/api/orgs', { schema: { tags: ['organisations'], body: createOrgInput } }, async (request, reply) => {
    return reply.code(201).send(await orgs.create(callerOf(request), request.body));
  });

  app.get('/api/orgs/:orgId', { schema: { tags: ['organisations'], params: orgParams } }, async (request) => {
    return orgs.get(callerOf(request), request.params.orgId);
  });

  app.patch('/api/orgs/:orgId', { schema: { tags: ['organisations'], params: orgParams, body: updateOrgInput } }, async (request) => {
    return orgs.update(callerOf(request), request.params.orgId, request.body);
  });

  app.delete('/api/orgs/:orgId', { schema: { tags: ['organisations'], params: orgParams } }, async (request, reply) => {
    await orgs.remove(callerOf(request), request.params.orgId);
    return reply.code(204).send();
  });

  app.get('/api/orgs/:orgId/users', { schema: { tags: ['users'], params: orgParams } }, async (request) => {
    return users.list(callerOf(request), request.params.orgId);
  });

  app.post('/api/orgs/:orgId/users', { schema: { tags: ['users'], params: orgParams, body: createUserInput } }, async (request, reply) => {
    const result = await users.create(callerOf(request), request.params.orgId, request.body);
    return reply.code(result.created ? 201 : 200).send(result);
  });

  app.put(
    '/api/orgs/:orgId/users/:userId/roles',
    { schema: { tags: ['users'], params: orgUserParams, body: setRolesInput } },
    async (request) => ({ roles: await users.setRoles(callerOf(request), request.params.orgId, request.params.userId, request.body.roles) }),
  );

  app.post('/api/orgs/:orgId/users/:userId/reset-password', { schema: { tags: ['users'], params: orgUserParams } }, async (request) => {
    return users.resetPassword(callerOf(request), request.params.orgId, request.params.userId);
  });

  app.patch(
    '/api/orgs/:orgId/users/:userId',
    { schema: { tags: ['users'], params: orgUserParams, body: z.object({ active: z.boolean() }) } },
    async (request, reply) => {
      await users.setActive(callerOf(request), request.params.orgId, request.params.userId, request.body.active);
      return reply.code(204).send();
    },
  );

  app.get('/api/orgs/:orgId/api-keys', { schema: { tags: ['api-keys'], params: orgParams } }, async (request) => {
    return apiKeys.list(callerOf(request), request.params.orgId);
  });

  app.post('/api/orgs/:orgId/api-keys', { schema: { tags: ['api-keys'], params: orgParams, body: createApiKeyInput } }, async (request, reply) => {
    return reply.code(201).send(await apiKeys.create(callerOf(request), request.params.orgId, request.body));
  });

  app.delete('/api/orgs/:orgId/api-keys/:keyId', { schema: { tags: ['api-keys'], params: orgKeyParams } }, async (request) => {
    return apiKeys.revoke(callerOf(request), request.params.orgId, request.params.keyId);
  });
};
