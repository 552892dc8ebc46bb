import os from 'node:os';
import { z } from 'zod';
import { ServiceError } from '../core/errors.js';
import { text } from '../core/l10n.js';
import { verifyAuditChain } from '../audit/audit-service.js';
import { addModelFile, downloadModel, modelIdFromFile, resolvePullTarget } from '../gateway/model-files.js';
import { detectLocalServers } from '../gateway/local-detection.js';
import { exclusionCategories, modelStatuses } from '../registry/model-card.js';
import { LOCAL_PROVIDER_ID } from '../registry/local-provider.js';
import { importOsaiOpenness } from '../registry/registry-osai.js';
import { zones } from '../core/config.js';
import { orgKinds, roleSchema, slugSchema } from '../identity/inputs.js';
import { systemCaller, type Caller } from '../identity/principal.js';
import type { Services } from '../server/compose.js';
import { evaluationAdminCommands } from '../evaluation/cli-commands.js';

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
  'models.list': command(z.object({ org: z.string().optional() }), async (services, input) => {
    const org = input.org ? await services.orgs.resolve(input.org) : undefined;
    return services.registryQueries.listModels(org?.id);
  }),
  'models.add': command(
    z.object({ path: z.string().min(1), id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/).optional(), name: z.string().optional(), kind: z.enum(['chat', 'embedding']).default('chat'), status: z.enum(modelStatuses).optional() }),
    async (services, input, caller) => {
      const file = await addModelFile(input.path, services.config.models_dir);
      const id = input.id ?? modelIdFromFile(file);
      return services.registry.upsertModel(caller, { id, name: input.name ?? id, kind: input.kind, status: input.status ?? 'candidate', deployments: [{ providerId: LOCAL_PROVIDER_ID, upstreamModel: file }] });
    },
  ),
  'models.pull': command(
    z.object({ name: z.string().optional(), url: z.string().url().optional(), sha256: z.string().regex(/^[a-fA-F0-9]{64}$/).optional(), id: z.string().optional(), status: z.enum(modelStatuses).optional() }),
    async (services, input, caller) => {
      const target = await resolvePullTarget(input.name, input.url, input.sha256);
      const file = await downloadModel(target, services.config.models_dir);
      const id = input.id ?? target.entry?.name ?? modelIdFromFile(file);
      return services.registry.upsertModel(caller, {
        id,
        name: id,
        kind: target.entry?.kind ?? 'chat',
        status: input.status ?? 'candidate',
        deployments: [{ providerId: LOCAL_PROVIDER_ID, upstreamModel: file }],
        card: target.entry ? { licence: { name: target.entry.licence, spdx: null }, sourceRepository: target.entry.repo } : {},
      });
    },
  ),
  'models.status': command(
    z.object({ id: z.string().min(1), status: z.enum(modelStatuses), reason: z.string().min(1), category: z.enum(exclusionCategories).optional() }),
    async (services, input, caller) => services.registry.setModelStatus(caller, input.id, { status: input.status, reason: input.reason, exclusionCategory: input.category }),
  ),
  'registry.export': command(z.object({ format: z.enum(['yaml', 'json']).default('yaml') }), async (services, input) => {
    const document = await services.registryTransfer.exportDocument();
    return { text: input.format === 'yaml' ? services.registryTransfer.toYaml(document) : services.registryTransfer.toJson(document) };
  }),
  'registry.import': command(z.object({ format: z.enum(['yaml', 'json']), document: z.string().min(1) }), async (services, input, caller) =>
    services.registryTransfer.importDocument(caller, services.registryTransfer.parseDocument(input.document, input.format)),
  ),
  'registry.overdue': command(z.object({}), async (services) => services.registryQueries.overdue()),
  'registry.import-osai': command(z.object({ dir: z.string().min(1), date: z.string().optional() }), async (services, input, caller) =>
    importOsaiOpenness({ service: services.registry, queries: services.registryQueries }, caller, input.dir, input.date),
  ),
  'providers.list': command(z.object({}), async (services) => services.registryQueries.listProviders()),
  'providers.add': command(
    z.object({
      id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/),
      name: z.string().optional(),
      type: z.string().default('openai-compatible'),
      baseUrl: z.string().url().optional(),
      apiKeyEnv: z.string().optional(),
      apiKey: z.string().optional(),
      zone: z.enum(zones),
      jurisdiction: z.string().length(2).toUpperCase(),
    }),
    async (services, input, caller) => {
      const row = await services.registry.connectProvider(caller, { ...input, adapter: input.type });
      return { ...row, apiKeyCiphertext: row.apiKeyCiphertext ? '[encrypted]' : null };
    },
  ),
  'providers.detect': command(z.object({}), async () => detectLocalServers()),
  ...evaluationAdminCommands,
} as const;

export type AdminCommandName = keyof typeof adminCommands;

export async function runAdminCommand(services: Services, name: string, rawInput: unknown, caller: Caller = cliCaller()): Promise<unknown> {
  const entry = (adminCommands as Record<string, { input: z.ZodType; run: (s: Services, i: unknown, c: Caller) => Promise<unknown> }>)[name];
  if (!entry) throw new ServiceError('NOT_FOUND', text(`Unbekannter Befehl ${name}.`, `Unknown command ${name}.`));
  return entry.run(services, entry.input.parse(rawInput), caller);
}
