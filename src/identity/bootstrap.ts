import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Config } from '../core/config.js';
import { systemActor } from '../core/context.js';
import { notify, type Database } from '../db/connection.js';
import type { AuditEmitter } from '../audit/audit-service.js';
import { ORG_CHANNEL } from './org-directory.js';
import { generatePassword, hashPassword } from './passwords.js';
import { memberships, organisations, users } from './schema.js';

export const ROOT_ORG_SLUG = 'root';

export type BootstrapResult = {
  rootOrgId: string;
  /** Set when this start created the first admin; the password is shown once and never stored in clear. */
  createdAdmin?: { email: string; password?: string };
};

/** First start: the root organisation and an admin who can log in. Idempotent; safe with several instances. */
export async function bootstrapIdentity(database: Database, config: Config, audit: AuditEmitter): Promise<BootstrapResult> {
  const password = config.admin_password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(4242002)`);
    const ctx = { actor: systemActor('bootstrap'), requestId: 'bootstrap' };
    let [root] = await tx.select().from(organisations).where(isNull(organisations.parentId)).limit(1);
    if (!root) {
      [root] = await tx
        .insert(organisations)
        .values({ slug: ROOT_ORG_SLUG, name: config.root_org_name, kind: 'federal' })
        .returning();
      await audit(tx, ctx, { action: 'org.create', orgId: root!.id, targetType: 'organisation', targetId: root!.id, after: root });
      await notify(tx, ORG_CHANNEL);
    }
    const [admin] = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.orgId, root!.id), eq(memberships.role, 'admin')))
      .limit(1);
    if (admin) return { rootOrgId: root!.id };

    const [existing] = await tx.select().from(users).where(sql`lower(${users.email}) = ${config.admin_email.toLowerCase()}`);
    const user =
      existing ??
      (
        await tx
          .insert(users)
          .values({
            email: config.admin_email,
            displayName: 'Administration',
            passwordHash,
            mustChangePassword: !config.admin_password,
          })
          .returning()
      )[0]!;
    await tx.insert(memberships).values({ userId: user.id, orgId: root!.id, role: 'admin' }).onConflictDoNothing();
    await audit(tx, ctx, {
      action: 'user.create',
      orgId: root!.id,
      targetType: 'user',
      targetId: user.id,
      after: { email: user.email, roles: ['admin'], bootstrap: true },
    });
    return {
      rootOrgId: root!.id,
      createdAdmin: { email: user.email, ...(config.admin_password ? {} : { password }) },
    };
  });
}
