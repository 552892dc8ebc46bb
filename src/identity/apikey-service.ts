import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Clock } from '../core/clock.js';
import { randomToken, sha256Hex } from '../core/crypto.js';
import { ServiceError } from '../core/errors.js';
import { CachedSnapshot } from '../db/cached-snapshot.js';
import { notify } from '../db/connection.js';
import { identityMessages } from './messages.js';
import { requirePermission, rolesAt, type Principal } from './principal.js';
import { apiKeys } from './schema.js';
import type { Role } from './roles.js';
import type { Caller, OrgServiceDeps } from './org-service.js';
import { createApiKeyInput, type CreateApiKeyInput } from './inputs.js';

export const APIKEY_CHANNEL = 'leitplanke_apikey_changed';
const KEY_PREFIX = 'lp_';

export type ApiKeySummary = {
  id: string;
  name: string;
  keyPrefix: string;
  orgId: string;
  role: Role;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
};

type ActiveKey = { id: string; name: string; orgId: string; role: Role; expiresAt: Date | null; createdByUserId: string | null };

function summarise(row: typeof apiKeys.$inferSelect): ApiKeySummary {
  const { keyHash: _hash, createdByUserId: _creator, ...rest } = row;
  return { ...rest, role: rest.role as Role };
}

export function createApiKeyService({ database, orgs, audit, clock }: OrgServiceDeps & { clock: Clock }) {
  const { db } = database;
  // Authentication sits on the gateway's hot path: keys are looked up in memory, reloaded on any change.
  const activeKeys = new CachedSnapshot(database, APIKEY_CHANNEL, async () => {
    const rows = await db.select().from(apiKeys).where(isNull(apiKeys.revokedAt));
    return new Map<string, ActiveKey>(
      rows.map((row) => [
        row.keyHash,
        { id: row.id, name: row.name, orgId: row.orgId, role: row.role as Role, expiresAt: row.expiresAt, createdByUserId: row.createdByUserId },
      ]),
    );
  });
  const lastUsedWrites = new Map<string, number>();

  return {
    activeKeys,

    async create(caller: Caller, orgId: string, rawInput: CreateApiKeyInput): Promise<{ key: string; apiKey: ApiKeySummary }> {
      const input = createApiKeyInput.parse(rawInput);
      const tree = await orgs.get();
      requirePermission(caller.principal, tree, 'apikey.manage', orgId);
      if (caller.principal.kind !== 'system' && !rolesAt(caller.principal, tree, orgId).has(input.role) && !rolesAt(caller.principal, tree, orgId).has('admin')) {
        throw new ServiceError('FORBIDDEN', identityMessages.roleTooHigh);
      }
      const key = `${KEY_PREFIX}${randomToken(32)}`;
      const created = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(apiKeys)
          .values({
            name: input.name,
            keyHash: sha256Hex(key),
            keyPrefix: key.slice(0, 10),
            orgId,
            role: input.role,
            createdByUserId: caller.principal.kind === 'user' ? caller.principal.userId : null,
            expiresAt: input.expiresAt ?? null,
            createdAt: clock.now(),
          })
          .returning();
        const apiKey = summarise(row!);
        await audit(tx, caller, { action: 'apikey.create', orgId, targetType: 'api_key', targetId: apiKey.id, after: apiKey });
        await notify(tx, APIKEY_CHANNEL);
        return apiKey;
      });
      activeKeys.invalidate();
      return { key, apiKey: created };
    },

    async list(caller: Caller, orgId: string): Promise<ApiKeySummary[]> {
      requirePermission(caller.principal, await orgs.get(), 'apikey.manage', orgId);
      const rows = await db.select().from(apiKeys).where(eq(apiKeys.orgId, orgId)).orderBy(desc(apiKeys.createdAt));
      return rows.map(summarise);
    },

    async revoke(caller: Caller, orgId: string, keyId: string): Promise<ApiKeySummary> {
      requirePermission(caller.principal, await orgs.get(), 'apikey.manage', orgId);
      const revoked = await db.transaction(async (tx) => {
        const [before] = await tx
          .select()
          .from(apiKeys)
          .where(and(eq(apiKeys.id, keyId), eq(apiKeys.orgId, orgId)))
          .for('update');
        if (!before) throw new ServiceError('NOT_FOUND', identityMessages.apiKeyNotFound);
        const [after] = await tx
          .update(apiKeys)
          .set({ revokedAt: before.revokedAt ?? clock.now() })
          .where(eq(apiKeys.id, keyId))
          .returning();
        await audit(tx, caller, {
          action: 'apikey.revoke',
          orgId,
          targetType: 'api_key',
          targetId: keyId,
          before: summarise(before),
          after: summarise(after!),
        });
        await notify(tx, APIKEY_CHANNEL);
        return summarise(after!);
      });
      activeKeys.invalidate();
      return revoked;
    },

    /** The principal for a bearer key, or undefined when it is unknown, revoked or expired. */
    async authenticate(rawKey: string): Promise<Principal | undefined> {
      if (!rawKey.startsWith(KEY_PREFIX)) return undefined;
      const found = (await activeKeys.get()).get(sha256Hex(rawKey));
      const now = clock.now();
      if (!found || (found.expiresAt && found.expiresAt <= now)) return undefined;
      const lastWrite = lastUsedWrites.get(found.id) ?? 0;
      if (now.getTime() - lastWrite > 60_000) {
        lastUsedWrites.set(found.id, now.getTime());
        void db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, found.id)).catch(() => undefined);
      }
      return {
        kind: 'api_key',
        keyId: found.id,
        name: found.name,
        orgId: found.orgId,
        role: found.role,
        grants: [{ orgId: found.orgId, role: found.role }],
        createdByUserId: found.createdByUserId,
      };
    },
  };
}

export type ApiKeyService = ReturnType<typeof createApiKeyService>;
