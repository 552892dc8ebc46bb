import type { Clock } from '../core/clock.js';
import type { Config } from '../core/config.js';
import type { SecretBox } from '../core/crypto.js';
import { sql, type SQL } from 'drizzle-orm';
import type { PgSequence } from 'drizzle-orm/pg-core';
import { ServiceError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import type { CachedSnapshot } from '../db/cached-snapshot.js';
import type { Database } from '../db/connection.js';
import type { AuditEmitter } from '../audit/audit-service.js';
import type { OrgTree } from '../identity/org-directory.js';
import { can, systemCaller, type Caller, type Principal } from '../identity/principal.js';
import type { Permission } from '../identity/roles.js';
import type { UserService } from '../identity/user-service.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { RateLimiter } from '../ratelimit/rate-limiter.js';
import type { RegistryService } from '../registry/registry-service.js';
import type { RegistryQueries } from '../registry/registry-queries.js';
import { accountabilityMessages } from './messages.js';

/** What the accountability module needs from the rest of Leitplanke (services only, never tables). */
export type AccountabilityDeps = {
  database: Database;
  clock: Clock;
  audit: AuditEmitter;
  config: Config;
  logger: Logger;
  secrets: SecretBox;
  orgs: CachedSnapshot<OrgTree>;
  users: UserService;
  registry: Pick<RegistryService, 'setModelStatus'>;
  registryQueries: Pick<RegistryQueries, 'listModels' | 'getModel'>;
  jobs: JobQueue;
  rateLimiter: RateLimiter;
};

/**
 * The person behind a caller, for the four-eyes rule: a user is themselves; an API key acts for the
 * person who created it (a key without one is only itself). System callers are nobody.
 */
export type Person = { person: string; userId: string | null; label: string };

export function personOf(principal: Principal): Person | undefined {
  switch (principal.kind) {
    case 'user':
      return { person: `user:${principal.userId}`, userId: principal.userId, label: principal.displayName || principal.email };
    case 'api_key':
      return principal.createdByUserId
        ? { person: `user:${principal.createdByUserId}`, userId: principal.createdByUserId, label: `${principal.name} (API)` }
        : { person: `key:${principal.keyId}`, userId: null, label: `${principal.name} (API)` };
    case 'system':
      return undefined;
  }
}

export function actorLabel(caller: Caller): string {
  return personOf(caller.principal)?.label ?? caller.actor.label;
}

export function requireOrgPermission(caller: Caller, tree: OrgTree, permission: Permission, orgId: string): void {
  if (!tree.byId.has(orgId) || !can(caller.principal, tree, permission, orgId)) {
    throw new ServiceError('FORBIDDEN', accountabilityMessages.forbidden, { reason: `missing_permission:${permission}` });
  }
}

/** Organisation ids at and below `orgId`: what a list on that organisation shows. */
export function subtreeIds(tree: OrgTree, orgId: string): string[] {
  return tree.subtree(orgId).map((node) => node.id);
}

export const checksCaller = () => systemCaller('accountability-checks');

/** Base URL for links in e-mails. */
export function publicBase(config: Config): string {
  return (config.public_url ?? `http://localhost:${config.port}`).replace(/\/$/, '');
}

/** A readable number such as `B-2026-00042`: prefix, year, and the next value of a sequence. */
export function nextNumber(prefix: string, sequence: PgSequence, now: Date): SQL {
  return sql`${`${prefix}-${now.getUTCFullYear()}-`} || lpad(nextval(${sql.raw(`'${sequence.seqName!}'`)})::text, 5, '0')`;
}
