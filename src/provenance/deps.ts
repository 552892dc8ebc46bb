import type { Clock } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import type { Database } from '../db/connection.js';
import type { AuditEmitter } from '../audit/audit-service.js';
import type { OrgService } from '../identity/org-service.js';
import type { Caller } from '../identity/principal.js';
import type { ProvenanceLookup } from '../gateway/provenance-lookup.js';
import type { RegistryQueries } from '../registry/registry-queries.js';
import type { C2paSigner } from './c2pa-signing.js';
import type { ImageStore } from './image-store.js';
import type { MetadataTool } from './image-metadata.js';

/** What the provenance services share; built once in `createProvenanceModule`. */
export type ProvenanceDeps = {
  database: Database;
  clock: Clock;
  logger: Logger;
  audit: AuditEmitter;
  orgs: OrgService;
  lookup: ProvenanceLookup;
  registry: RegistryQueries;
  store: ImageStore;
  metadata: MetadataTool;
  c2pa: C2paSigner;
  /** PEM file of trust anchors for C2PA verification; unset: every signer shows as untrusted. */
  trustAnchors?: string | undefined;
};

/** The person behind a call: the user, or whoever created the API key. */
export function userIdOf(caller: Caller): string | null {
  const principal = caller.principal;
  return principal.kind === 'user' ? principal.userId : principal.kind === 'api_key' ? principal.createdByUserId : null;
}
