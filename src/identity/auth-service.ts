import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Clock } from '../core/clock.js';
import type { Config } from '../core/config.js';
import { randomToken, sha256Hex } from '../core/crypto.js';
import { ServiceError } from '../core/errors.js';
import type { Locale } from '../core/l10n.js';
import type { Database, DbOrTx } from '../db/connection.js';
import type { AuditEmitter } from '../audit/audit-service.js';
import type { RateLimiter } from '../ratelimit/rate-limiter.js';
import { identityMessages } from './messages.js';
import { hashPassword, verifyPassword } from './passwords.js';
import type { Principal } from './principal.js';
import { memberships, sessions, users } from './schema.js';
import type { Role } from './roles.js';

export type AuthDeps = { database: Database; clock: Clock; audit: AuditEmitter; config: Config; rateLimiter: RateLimiter };

export type NewSession = { token: string; csrfToken: string; expiresAt: Date };
export type ClientInfo = { ip: string; userAgent?: string | undefined; requestId: string };

const IP_LOGIN_WINDOW = { limit: 30, windowSeconds: 300 };
// Computed once so unknown e-mails take as long as wrong passwords.
const dummyHash = hashPassword('dummy password for timing equalisation');

export function createAuthService({ database, clock, audit, config, rateLimiter }: AuthDeps) {
  const { db } = database;
  const ttlMs = config.session_ttl_hours * 3_600_000;

  async function grantsOf(executor: DbOrTx, userId: string) {
    const rows = await executor
      .select({ orgId: memberships.orgId, role: memberships.role })
      .from(memberships)
      .where(eq(memberships.userId, userId));
    return rows.map((row) => ({ orgId: row.orgId, role: row.role as Role }));
  }

  async function createSession(executor: DbOrTx, userId: string, method: 'password' | 'oidc', client: ClientInfo): Promise<NewSession> {
    const token = randomToken();
    const csrfToken = randomToken(24);
    const expiresAt = new Date(clock.now().getTime() + ttlMs);
    await executor.insert(sessions).values({
      id: sha256Hex(token),
      userId,
      csrfToken,
      authMethod: method,
      ip: client.ip,
      userAgent: client.userAgent?.slice(0, 400),
      createdAt: clock.now(),
      lastSeenAt: clock.now(),
      expiresAt,
    });
    return { token, csrfToken, expiresAt };
  }

  return {
    createSession,

    async loginWithPassword(email: string, password: string, client: ClientInfo): Promise<NewSession & { userId: string }> {
      const throttle = await rateLimiter.hit(`login:ip:${client.ip}`, IP_LOGIN_WINDOW);
      if (!throttle.allowed) {
        throw new ServiceError('LIMIT_EXCEEDED', identityMessages.tooManyAttempts, {
          reason: 'login_throttled',
          retryAfterSeconds: throttle.retryAfterSeconds,
        });
      }
      const [user] = await db.select().from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
      const now = clock.now();
      if (!user || !user.active || !user.passwordHash) {
        await verifyPassword(await dummyHash, password);
        throw new ServiceError('UNAUTHENTICATED', identityMessages.loginFailed, { reason: 'login_failed' });
      }
      if (user.lockedUntil && user.lockedUntil > now) {
        const minutes = Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000);
        throw new ServiceError('LIMIT_EXCEEDED', identityMessages.accountLocked(minutes), {
          reason: 'account_locked',
          retryAfterSeconds: minutes * 60,
        });
      }
      const actor = { type: 'user' as const, id: user.id, label: user.email };
      if (!(await verifyPassword(user.passwordHash, password))) {
        await db.transaction(async (tx) => {
          const [updated] = await tx
            .update(users)
            .set({ failedLoginCount: sql`${users.failedLoginCount} + 1` })
            .where(eq(users.id, user.id))
            .returning({ failed: users.failedLoginCount });
          if ((updated?.failed ?? 0) >= config.login_max_failures) {
            const lockedUntil = new Date(now.getTime() + config.login_lockout_minutes * 60_000);
            await tx.update(users).set({ lockedUntil, failedLoginCount: 0 }).where(eq(users.id, user.id));
            await audit(tx, { actor, requestId: client.requestId }, {
              action: 'auth.lockout',
              targetType: 'user',
              targetId: user.id,
              metadata: { ip: client.ip, until: lockedUntil.toISOString() },
            });
          }
        });
        throw new ServiceError('UNAUTHENTICATED', identityMessages.loginFailed, { reason: 'login_failed' });
      }
      return db.transaction(async (tx) => {
        await tx.update(users).set({ failedLoginCount: 0, lockedUntil: null, lastLoginAt: now }).where(eq(users.id, user.id));
        const session = await createSession(tx, user.id, 'password', client);
        await audit(tx, { actor, requestId: client.requestId }, {
          action: 'auth.login',
          targetType: 'user',
          targetId: user.id,
          metadata: { method: 'password', ip: client.ip },
        });
        return { ...session, userId: user.id };
      });
    },

    /** The principal behind a session cookie, or undefined if it is unknown or expired. */
    async resolveSession(token: string): Promise<{ principal: Principal; csrfToken: string; mustChangePassword: boolean } | undefined> {
      const now = clock.now();
      const [row] = await db
        .select({ session: sessions, user: users })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(and(eq(sessions.id, sha256Hex(token)), gt(sessions.expiresAt, now)));
      if (!row || !row.user.active) return undefined;
      // Sliding expiry, written at most once a minute per session.
      if (now.getTime() - row.session.lastSeenAt.getTime() > 60_000) {
        await db
          .update(sessions)
          .set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + ttlMs) })
          .where(eq(sessions.id, row.session.id));
      }
      return {
        principal: {
          kind: 'user',
          userId: row.user.id,
          email: row.user.email,
          displayName: row.user.displayName,
          locale: row.user.locale as Locale,
          grants: await grantsOf(db, row.user.id),
          sessionId: row.session.id,
        },
        csrfToken: row.session.csrfToken,
        mustChangePassword: row.user.mustChangePassword,
      };
    },

    async logout(token: string, requestId: string): Promise<void> {
      await db.transaction(async (tx) => {
        const [removed] = await tx.delete(sessions).where(eq(sessions.id, sha256Hex(token))).returning();
        if (removed) {
          await audit(tx, { actor: { type: 'user', id: removed.userId, label: removed.userId }, requestId }, {
            action: 'auth.logout',
            targetType: 'user',
            targetId: removed.userId,
          });
        }
      });
    },

    async sweepExpiredSessions(): Promise<number> {
      const removed = await db.delete(sessions).where(lt(sessions.expiresAt, clock.now())).returning({ id: sessions.id });
      return removed.length;
    },

    grantsOf: (userId: string) => grantsOf(db, userId),
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
