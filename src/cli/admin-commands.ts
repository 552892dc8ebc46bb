import os from 'node:os';
import { z } from 'zod';
import { ServiceError } from '../core/errors.js';
import { text } from '../core/l10n.js';
import { verifyAuditChain } from '../audit/audit-service.js';
import { orgKinds, roleSchema, slugSchema } from '../identity/inputs.js';
import { systemCaller, type Caller } from '../identity/principal.js';
import type { Services } from '../server/compose.js';

/**
 * Administrative commands, run the same way from the CLI (directly on the database) and through the
 * running server's admin socket (PGlite allows only one process per data folder).
 */
export function cliCaller(requestId = `cli-${process.pid}`): Caller {
  let user = 'unknown';
  try {
    user = os.userInfo().username;
  } catch {
    // containers without a passwd entry
  }
  return systemCaller(`cli:${user}@${os.hostname()}`, requestId);
}

async function orgBySlugOrRoot(services: Services, slug: string | undefined) {
  if (slug) return services.orgs.resolve(slug);
  const root = await services.orgs.root();
  if (!root) throw new ServiceError('NOT_FOUND', text('Keine Hauptorganisation vorhanden.', 'No root organisation exists.'));
  return root;
}

function command<S extends z.ZodType, R>(input: S, run: (services: Services, input: z.output<S>, caller: Caller) => Promise<R>) {
  return { input, run };
}

export const adminCommands = {
  'org.create': command(
    z.object({ slug: slugSchema, name: z.string().min(1), kind: z.enum(orgKinds).default('local'), parent: z.string().optional() }),
    async (services, input, caller) => {
      const parent = await orgBySlugOrRoot(services, input.parent);
      return services.orgs.create(caller, { slug: input.slug, name: input.name, kind: input.kind, parentId: parent.id });
    },
  ),
  'user.create': command(
    z.object({
      email: z.string().email(),
      name: z.string().min(1),
      org: z.string().optional(),
      roles: z.array(roleSchema).min(1).default(['member']),
      password: z.string().min(12).optional(),
    }),
    async (services, input, caller) => {
      const org = await orgBySlugOrRoot(services, input.org);
      return services.users.create(caller, org.id, {
        email: input.email,
        displayName: input.name,
        roles: input.roles,
        ...(input.password ? { password: input.password } : {}),
      });
    },
  ),
  'user.reset-password': command(z.object({ email: z.string().email() }), async (services, input, caller) => {
    const user = await services.users.findByEmail(input.email);
    const grant = user?.grants[0];
    if (!user || !grant) throw new ServiceError('NOT_FOUND', text(`Kein Konto für ${input.email}.`, `No account for ${input.email}.`));
    return { email: user.email, ...(await services.users.resetPassword(caller, grant.orgId, user.id)) };
  }),
  'apikey.create': command(
    z.object({ name: z.string().min(1).max(100), org: z.string().optional(), role: roleSchema.default('admin'), expires: z.coerce.date().optional() }),
    async (services, input, caller) => {
      const org = await orgBySlugOrRoot(services, input.org);
      return services.apiKeys.create(caller, org.id, { name: input.name, role: input.role, ...(input.expires ? { expiresAt: input.expires } : {}) });
    },
  ),
  'apikey.revoke': command(z.object({ id: z.string().uuid(), org: z.string().optional() }), async (services, input, caller) => {
    const org = await orgBySlugOrRoot(services, input.org);
    return services.apiKeys.revoke(caller, org.id, input.id);
  }),
  'audit.verify': command(z.object({}), async (services) => verifyAuditChain(services.database.db)),
} as const;

export type AdminCommandName = keyof typeof adminCommands;

export async function runAdminCommand(services: Services, name: string, rawInput: unknown, caller: Caller = cliCaller()): Promise<unknown> {
  const entry = (adminCommands as Record<string, { input: z.ZodType; run: (s: Services, i: unknown, c: Caller) => Promise<unknown> }>)[name];
  if (!entry) throw new ServiceError('NOT_FOUND', text(`Unbekannter Befehl ${name}.`, `Unknown command ${name}.`));
  return entry.run(services, entry.input.parse(rawInput), caller);
}
