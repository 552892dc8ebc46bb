import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { ServiceError } from '../core/errors.js';
import type { Tx } from '../db/connection.js';
import { identityMessages } from './messages.js';
import { generatePassword, hashPassword, verifyPassword } from './passwords.js';
import { requirePermission } from './principal.js';
import { memberships, sessions, users } from './schema.js';
import type { Role } from './roles.js';
import type { Caller, OrgServiceDeps } from './org-service.js';
import { createUserInput, type CreateUserInput } from './inputs.js';

export type UserSummary = {
  id: string;
  email: string;
  displayName: string;
  active: boolean;
  locked: boolean;
  roles: Role[];
  createdAt: Date;
  lastLoginAt: Date | null;
};

export type CreatedUser = { user: UserSummary; oneTimePassword?: string; created: boolean };

export function createUserService({ database, orgs, audit }: OrgServiceDeps) {
  const { db } = database;

  async function rolesIn(tx: Tx | typeof db, userId: string, orgId: string): Promise<Role[]> {
    const rows = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.userId, userId), eq(memberships.orgId, orgId)));
    return rows.map((row) => row.role as Role).sort();
  }

  async function assertAdminRemains(tx: Tx, orgId: string): Promise<void> {
    const tree = await orgs.get();
    if (tree.byId.get(orgId)?.parentId) return;
    const [row] = await tx
      .select({ count: sql<number>`count(*)::int` })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.orgId, orgId), eq(memberships.role, 'admin'), eq(users.active, true)));
    if ((row?.count ?? 0) === 0) throw new ServiceError('CONFLICT', identityMessages.lastAdmin, { reason: 'last_admin' });
  }

  return {
    async list(caller: Caller, orgId: string): Promise<UserSummary[]> {
      requirePermission(caller.principal, await orgs.get(), 'user.read', orgId);
      const rows = await db
        .select({
          id: users.id,
          email: users.email,
          displayName: users.displayName,
          active: users.active,
          lockedUntil: users.lockedUntil,
          createdAt: users.createdAt,
          lastLoginAt: users.lastLoginAt,
          roles: sql<Role[]>`array_agg(${memberships.role} order by ${memberships.role})`,
        })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(eq(memberships.orgId, orgId))
        .groupBy(users.id)
        .orderBy(asc(users.displayName));
      const now = Date.now();
      return rows.map(({ lockedUntil, ...row }) => ({ ...row, locked: !!lockedUntil && lockedUntil.getTime() > now }));
    },

    /** Creates the account, or grants the roles in this organisation to an existing account with that e-mail. */
    async create(caller: Caller, orgId: string, rawInput: CreateUserInput): Promise<CreatedUser> {
      const input = createUserInput.parse(rawInput);
      requirePermission(caller.principal, await orgs.get(), 'user.manage', orgId);
      const oneTimePassword = input.password ? undefined : generatePassword();
      const passwordHash = await hashPassword(input.password ?? oneTimePassword!);
      return db.transaction(async (tx) => {
        const [existing] = await tx.select().from(users).where(sql`lower(${users.email}) = ${input.email}`);
        const user =
          existing ??
          (
            await tx
              .insert(users)
              .values({
                email: input.email,
                displayName: input.displayName,
                passwordHash,
                locale: input.locale,
                mustChangePassword: !input.password,
              })
              .returning()
          )[0]!;
        await tx
          .insert(memberships)
          .values(input.roles.map((role) => ({ userId: user.id, orgId, role })))
          .onConflictDoNothing();
        const roles = await rolesIn(tx, user.id, orgId);
        await audit(tx, caller, {
          action: existing ? 'user.roles.grant' : 'user.create',
          orgId,
          targetType: 'user',
          targetId: user.id,
          after: { email: user.email, displayName: user.displayName, roles },
        });
        const summary: UserSummary = {
          id: user.id,
          email: user.email,
          displayName: user.displayName,
          active: user.active,
          locked: false,
          roles,
          createdAt: user.createdAt,
          lastLoginAt: user.lastLoginAt,
        };
        return existing ? { user: summary, created: false } : { user: summary, created: true, ...(oneTimePassword ? { oneTimePassword } : {}) };
      });
    },

    async setRoles(caller: Caller, orgId: string, userId: string, roles: Role[]): Promise<Role[]> {
      requirePermission(caller.principal, await orgs.get(), 'user.manage', orgId);
      return db.transaction(async (tx) => {
        const before = await rolesIn(tx, userId, orgId);
        if (before.length === 0) throw new ServiceError('NOT_FOUND', identityMessages.userNotFound);
        await tx.delete(memberships).where(and(eq(memberships.userId, userId), eq(memberships.orgId, orgId)));
        const unique = [...new Set(roles)];
        if (unique.length > 0) await tx.insert(memberships).values(unique.map((role) => ({ userId, orgId, role })));
        await assertAdminRemains(tx, orgId);
        const after = await rolesIn(tx, userId, orgId);
        await audit(tx, caller, { action: 'user.roles.set', orgId, targetType: 'user', targetId: userId, before, after });
        return after;
      });
    },

    async resetPassword(caller: Caller, orgId: string, userId: string): Promise<{ oneTimePassword: string }> {
      requirePermission(caller.principal, await orgs.get(), 'user.manage', orgId);
      const oneTimePassword = generatePassword();
      const passwordHash = await hashPassword(oneTimePassword);
      await db.transaction(async (tx) => {
        if ((await rolesIn(tx, userId, orgId)).length === 0) throw new ServiceError('NOT_FOUND', identityMessages.userNotFound);
        await tx
          .update(users)
          .set({ passwordHash, mustChangePassword: true, failedLoginCount: 0, lockedUntil: null })
          .where(eq(users.id, userId));
        await tx.delete(sessions).where(eq(sessions.userId, userId));
        await audit(tx, caller, { action: 'user.password.reset', orgId, targetType: 'user', targetId: userId });
      });
      return { oneTimePassword };
    },

    async setActive(caller: Caller, orgId: string, userId: string, active: boolean): Promise<void> {
      requirePermission(caller.principal, await orgs.get(), 'user.manage', orgId);
      await db.transaction(async (tx) => {
        if ((await rolesIn(tx, userId, orgId)).length === 0) throw new ServiceError('NOT_FOUND', identityMessages.userNotFound);
        await tx.update(users).set({ active, failedLoginCount: 0, lockedUntil: null }).where(eq(users.id, userId));
        if (!active) await tx.delete(sessions).where(eq(sessions.userId, userId));
        await assertAdminRemains(tx, orgId);
        await audit(tx, caller, { action: active ? 'user.activate' : 'user.deactivate', orgId, targetType: 'user', targetId: userId });
      });
    },

    async changeOwnPassword(caller: Caller, currentPassword: string, newPassword: string): Promise<void> {
      if (caller.principal.kind !== 'user') throw new ServiceError('FORBIDDEN', identityMessages.forbidden);
      const userId = caller.principal.userId;
      const [user] = await db.select().from(users).where(eq(users.id, userId));
      if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, currentPassword))) {
        throw new ServiceError('VALIDATION', identityMessages.wrongCurrentPassword, {
          fields: [{ path: 'currentPassword', message: identityMessages.wrongCurrentPassword }],
        });
      }
      const passwordHash = await hashPassword(newPassword);
      await db.transaction(async (tx) => {
        await tx.update(users).set({ passwordHash, mustChangePassword: false }).where(eq(users.id, userId));
        // Other sessions end; the current one stays.
        await tx
          .delete(sessions)
          .where(
            and(eq(sessions.userId, userId), sql`${sessions.id} <> ${caller.principal.kind === 'user' ? (caller.principal.sessionId ?? '') : ''}`),
          );
        await audit(tx, caller, { action: 'user.password.change', targetType: 'user', targetId: userId });
      });
    },

    /** Accounts and their grants by e-mail, for the CLI's `user reset-password`. */
    async findByEmail(email: string) {
      const [user] = await db.select().from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
      if (!user) return undefined;
      const grants = await db.select().from(memberships).where(inArray(memberships.userId, [user.id]));
      return { ...user, grants };
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;
