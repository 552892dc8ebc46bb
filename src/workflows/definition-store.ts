import { and, eq } from 'drizzle-orm';
import { canonicalJson } from '../core/canonical-json.js';
import { sha256Hex } from '../core/crypto.js';
import { ServiceError } from '../core/errors.js';
import type { Database } from '../db/connection.js';
import { workflowDefinitionSchema, type WorkflowDefinition } from './definition-schema.js';
import { DefinitionError, type LoadedDefinition } from './load-definitions.js';
import { workflowMessages } from './messages.js';
import { workflowDefinitions } from './schema.js';

export type StoredDefinition = {
  definition: WorkflowDefinition;
  hash: string;
  origin: string;
  loadedAt: Date;
};

/**
 * Keeps every loaded definition version in the database, immutable: the same id and version with a
 * different content is refused ("raise the version"), so a case's version always means one thing.
 */
export function createDefinitionStore(database: Database) {
  const { db } = database;
  const cache = new Map<string, StoredDefinition>();
  const key = (workflowId: string, version: number) => `${workflowId}@${version}`;

  function remember(row: typeof workflowDefinitions.$inferSelect): StoredDefinition {
    const stored = {
      definition: workflowDefinitionSchema.parse(row.definition),
      hash: row.hash,
      origin: row.origin,
      loadedAt: row.loadedAt,
    };
    cache.set(key(row.workflowId, row.version), stored);
    return stored;
  }

  return {
    /** Stores new versions and checks known ones; throws DefinitionError for a changed version. */
    async publish(loaded: LoadedDefinition[]): Promise<void> {
      for (const entry of loaded) {
        const { id, version } = entry.definition;
        await db
          .insert(workflowDefinitions)
          .values({
            workflowId: id,
            version,
            hash: entry.hash,
            definition: entry.definition as unknown as Record<string, unknown>,
            origin: entry.origin,
          })
          .onConflictDoNothing();
        const [row] = await db
          .select()
          .from(workflowDefinitions)
          .where(and(eq(workflowDefinitions.workflowId, id), eq(workflowDefinitions.version, version)));
        if (row!.hash !== entry.hash) {
          throw new DefinitionError(entry.origin, [
            `version ${version} of "${id}" is already in use with different content (${row!.origin}); raise "version" to change it`,
          ]);
        }
        remember(row!);
      }
    },

    async load(): Promise<void> {
      for (const row of await db.select().from(workflowDefinitions)) remember(row);
    },

    /** A stored version (any, for reproducing old cases) — or the newest when `version` is omitted. */
    async get(workflowId: string, version?: number): Promise<StoredDefinition> {
      if (version === undefined) {
        const newest = this.latest().find((entry) => entry.definition.id === workflowId);
        if (newest) return newest;
      } else {
        const cached = cache.get(key(workflowId, version));
        if (cached) return cached;
        const [row] = await db
          .select()
          .from(workflowDefinitions)
          .where(
            and(eq(workflowDefinitions.workflowId, workflowId), eq(workflowDefinitions.version, version)),
          );
        if (row) return remember(row);
      }
      throw new ServiceError('NOT_FOUND', workflowMessages.workflowNotFound(workflowId), {
        reason: 'workflow_not_found',
      });
    },

    /** The newest version of every workflow, by title. */
    latest(): StoredDefinition[] {
      const newest = new Map<string, StoredDefinition>();
      for (const stored of cache.values()) {
        const current = newest.get(stored.definition.id);
        if (!current || current.definition.version < stored.definition.version)
          newest.set(stored.definition.id, stored);
      }
      return [...newest.values()].sort((a, b) =>
        a.definition.title.de.localeCompare(b.definition.title.de, 'de'),
      );
    },

    /** All versions of one workflow, newest first. */
    versions(workflowId: string): StoredDefinition[] {
      return [...cache.values()]
        .filter((stored) => stored.definition.id === workflowId)
        .sort((a, b) => b.definition.version - a.definition.version);
    },

    /** True when the stored definition still hashes to its recorded hash (nothing altered it in the database). */
    intact(stored: StoredDefinition): boolean {
      return sha256Hex(canonicalJson(stored.definition)) === stored.hash;
    },
  };
}

export type DefinitionStore = ReturnType<typeof createDefinitionStore>;
