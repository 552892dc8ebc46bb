import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { constantTimeEqual } from '../core/crypto.js';
import { ServiceError } from '../core/errors.js';
import { pickLocale, type Locale } from '../core/l10n.js';
import { identityMessages } from '../identity/messages.js';
import { actorOf, type Principal } from '../identity/principal.js';
import type { Caller } from '../identity/org-service.js';
import type { Services } from './compose.js';

export const SESSION_COOKIE = 'lp_session';
export const LOCALE_COOKIE = 'lp_lang';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    locale: Locale;
    /** Set for cookie sessions; unsafe methods must echo it in X-CSRF-Token. */
    csrfToken: string | null;
    mustChangePassword: boolean;
  }
  interface FastifyContextConfig {
    /** false for the few cookie-less entry points (login) that cannot carry a CSRF token yet. */
    csrf?: boolean;
  }
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Resolves who is calling (API key or session cookie) and in which language, before any route runs. */
export function registerRequestContext(app: FastifyInstance, services: Services): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('locale', 'de');
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('mustChangePassword', false);

  app.addHook('onRequest', async (request) => {
    const chosen = request.cookies[LOCALE_COOKIE];
    request.locale = chosen === 'en' || chosen === 'de' ? chosen : pickLocale(request.headers['accept-language']);

    const authorization = request.headers.authorization;
    if (authorization) {
      const [scheme, token] = authorization.split(' ');
      const principal = scheme?.toLowerCase() === 'bearer' && token ? await services.apiKeys.authenticate(token) : undefined;
      if (!principal) throw new ServiceError('UNAUTHENTICATED', identityMessages.apiKeyInvalid, { reason: 'invalid_api_key' });
      request.principal = principal;
      return;
    }
    const sessionToken = request.cookies[SESSION_COOKIE];
    if (!sessionToken) return;
    const session = await services.auth.resolveSession(sessionToken);
    if (!session) return;
    request.principal = session.principal;
    request.csrfToken = session.csrfToken;
    request.mustChangePassword = session.mustChangePassword;
    if (unsafeMethods.has(request.method) && request.routeOptions.config?.csrf !== false) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !constantTimeEqual(sent, session.csrfToken)) {
        throw new ServiceError('FORBIDDEN', identityMessages.csrfMissing, { reason: 'csrf' });
      }
    }
  });
}

/** The caller of a route that needs authentication. */
export function callerOf(request: FastifyRequest): Caller {
  if (!request.principal) throw new ServiceError('UNAUTHENTICATED', identityMessages.notLoggedIn, { reason: 'not_authenticated' });
  return { principal: request.principal, actor: actorOf(request.principal), requestId: request.id, locale: request.locale };
}

export function setSessionCookie(reply: FastifyReply, request: FastifyRequest, services: Services, token: string, expiresAt: Date): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecure(request, services),
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, request: FastifyRequest, services: Services): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: isSecure(request, services) });
}

function isSecure(request: FastifyRequest, services: Services): boolean {
  return request.protocol === 'https' || !!services.config.public_url?.startsWith('https://');
}

export function clientInfo(request: FastifyRequest) {
  return { ip: request.ip, userAgent: request.headers['user-agent'], requestId: request.id };
}

/** Aborted when the client goes away before the response is complete; cancels the model call behind it. */
export function disconnectSignal(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.on('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  return controller.signal;
}
