import { and, eq, lt, sql } from 'drizzle-orm';
import * as oidc from 'openid-client';
import type { Clock } from '../core/clock.js';
import type { Config, OidcConfig } from '../core/config.js';
import { ServiceError } from '../core/errors.js';
import type { Database } from '../db/connection.js';
import type { CachedSnapshot } from '../db/cached-snapshot.js';
import type { AuditEmitter } from '../audit/audit-service.js';
import type { AuthService, ClientInfo, NewSession } from './auth-service.js';
import { identityMessages } from './messages.js';
import type { OrgTree } from './org-directory.js';
import { isRole, type Role } from './roles.js';
import { memberships, oidcLogins, users } from './schema.js';

export type OidcDeps = {
  database: Database;
  clock: Clock;
  audit: AuditEmitter;
  config: Config;
  auth: AuthService;
  orgs: CachedSnapshot<OrgTree>;
};

const LOGIN_TTL_MS = 10 * 60_000;

/** Maps the identity provider's claims onto memberships: role_mapping first, the default org otherwise. */
export function mapClaimsToGrants(settings: OidcConfig, claims: Record<string, unknown>, tree: OrgTree): { orgId: string; role: Role }[] {
  const raw = claims[settings.roles_claim];
  const values = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? raw.split(/[\s,]+/) : [];
  const grants = new Map<string, { orgId: string; role: Role }>();
  for (const value of values) {
    const mapping = settings.role_mapping[value];
    const org = mapping ? tree.bySlug.get(mapping.org) : undefined;
    if (mapping && org && isRole(mapping.role)) grants.set(`${org.id}:${mapping.role}`, { orgId: org.id, role: mapping.role });
  }
  if (grants.size === 0 && settings.default_org) {
    const org = tree.bySlug.get(settings.default_org);
    if (org && isRole(settings.default_role)) grants.set(org.id, { orgId: org.id, role: settings.default_role });
  }
  return [...grants.values()];
}

export function createOidcService({ database, clock, audit, config, auth, orgs }: OidcDeps) {
  const { db } = database;
  const settings = config.oidc;
  let discovered: Promise<oidc.Configuration> | undefined;

  function redirectUri(): string {
    const base = config.public_url ?? `http://localhost:${config.port}`;
    return new URL('/api/auth/oidc/callback', base).href;
  }

  function discover(): Promise<oidc.Configuration> {
    if (!settings) throw new ServiceError('NOT_FOUND', identityMessages.oidcNotConfigured);
    const insecure = new URL(settings.issuer).protocol === 'http:';
    discovered ??= oidc
      .discovery(
        new URL(settings.issuer),
        settings.client_id,
        settings.client_secret,
        settings.client_secret ? oidc.ClientSecretPost(settings.client_secret) : oidc.None(),
        insecure ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        discovered = undefined;
        throw new ServiceError('UNAVAILABLE', identityMessages.oidcFailed((error as Error).message), { reason: 'oidc_discovery' });
      });
    return discovered;
  }

  return {
    enabled: !!settings,
    displayName: settings?.display_name,

    async start(returnTo: string): Promise<URL> {
      const configuration = await discover();
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      await db.delete(oidcLogins).where(lt(oidcLogins.expiresAt, clock.now()));
      await db.insert(oidcLogins).values({
        state,
        codeVerifier,
        nonce,
        returnTo: returnTo.startsWith('/') && !returnTo.startsWith('//') ? returnTo : '/',
        expiresAt: new Date(clock.now().getTime() + LOGIN_TTL_MS),
      });
      return oidc.buildAuthorizationUrl(configuration, {
        redirect_uri: redirectUri(),
        scope: settings!.scopes,
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
    },

    async callback(currentUrl: URL, client: ClientInfo): Promise<NewSession & { returnTo: string }> {
      const configuration = await discover();
      const state = currentUrl.searchParams.get('state') ?? '';
      const [pending] = await db.delete(oidcLogins).where(eq(oidcLogins.state, state)).returning();
      if (!pending || pending.expiresAt < clock.now()) {
        throw new ServiceError('UNAUTHENTICATED', identityMessages.oidcFailed('state'), { reason: 'oidc_state' });
      }
      let claims: Record<string, unknown>;
      try {
        const tokens = await oidc.authorizationCodeGrant(configuration, currentUrl, {
          pkceCodeVerifier: pending.codeVerifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
        });
        claims = { ...(tokens.claims() ?? {}) };
        if (tokens.access_token && claims.sub) {
          const info = await oidc.fetchUserInfo(configuration, tokens.access_token, String(claims.sub)).catch(() => ({}));
          claims = { ...info, ...claims };
        }
      } catch (error) {
        throw new ServiceError('UNAUTHENTICATED', identityMessages.oidcFailed((error as Error).message), { reason: 'oidc_exchange' });
      }
      const subject = String(claims.sub ?? '');
      const email = String(claims.email ?? `${subject}@${new URL(settings!.issuer).hostname}`).toLowerCase();
      const displayName = String(claims.name ?? claims.preferred_username ?? email);
      const grants = mapClaimsToGrants(settings!, claims, await orgs.get());
      if (grants.length === 0) throw new ServiceError('FORBIDDEN', identityMessages.oidcNoRole, { reason: 'oidc_unmapped' });

      const session = await db.transaction(async (tx) => {
        const [bySubject] = await tx
          .select()
          .from(users)
          .where(and(eq(users.oidcIssuer, settings!.issuer), eq(users.oidcSubject, subject)));
        const [byEmail] = bySubject ? [bySubject] : await tx.select().from(users).where(sql`lower(${users.email}) = ${email}`);
        const user =
          byEmail ??
          (await tx.insert(users).values({ email, displayName, passwordHash: null, oidcIssuer: settings!.issuer, oidcSubject: subject }).returning())[0]!;
        if (!user.active) throw new ServiceError('FORBIDDEN', identityMessages.forbidden, { reason: 'user_inactive' });
        await tx
          .update(users)
          .set({ oidcIssuer: settings!.issuer, oidcSubject: subject, displayName, lastLoginAt: clock.now() })
          .where(eq(users.id, user.id));
        // Roles from the identity provider are replaced at each login; roles granted in Leitplanke stay.
        await tx.delete(memberships).where(and(eq(memberships.userId, user.id), eq(memberships.source, 'oidc')));
        await tx
          .insert(memberships)
          .values(grants.map((grant) => ({ userId: user.id, orgId: grant.orgId, role: grant.role, source: 'oidc' })))
          .onConflictDoNothing();
        const created = await auth.createSession(tx, user.id, 'oidc', client);
        await audit(tx, { actor: { type: 'user', id: user.id, label: email }, requestId: client.requestId }, {
          action: byEmail ? 'auth.login' : 'user.create.oidc',
          targetType: 'user',
          targetId: user.id,
          metadata: { method: 'oidc', issuer: settings!.issuer, grants },
        });
        return created;
      });
      return { ...session, returnTo: pending.returnTo };
    },
  };
}

export type OidcService = ReturnType<typeof createOidcService>;
