import { eq } from 'drizzle-orm';
import type { Database } from '../db/connection.js';
import { usageRecords } from './schema.js';
import type { UsageRecorder } from './usage-recorder.js';

/** The facts of one generated output, as the gateway metered it (LABEL-1, DECIDE-1). */
export type GeneratedOutput = {
  provenanceId: string;
  occurredAt: Date;
  orgId: string;
  userId: string | null;
  apiKeyId: string | null;
  kind: string;
  purpose: string;
  modelId: string;
  modelRevision: string | null;
  providerId: string | null;
  providerZone: string | null;
  promptHash: string;
  settings: Record<string, unknown>;
};

/**
 * Reads a successful call by its provenance id, for the provenance module. Usage rows are written in
 * batches, so a miss flushes pending rows once and looks again.
 */
export function createProvenanceLookup(database: Database, recorder: UsageRecorder) {
  async function find(provenanceId: string): Promise<GeneratedOutput | undefined> {
    const [row] = await database.db.select().from(usageRecords).where(eq(usageRecords.provenanceId, provenanceId)).limit(1);
    if (!row) return undefined;
    return {
      provenanceId,
      occurredAt: row.occurredAt,
      orgId: row.orgId,
      userId: row.userId,
      apiKeyId: row.apiKeyId,
      kind: row.kind,
      purpose: row.purpose,
      modelId: row.modelId,
      modelRevision: row.modelRevision,
      providerId: row.providerId,
      providerZone: row.providerZone,
      promptHash: row.promptHash,
      settings: row.settings,
    };
  }
  return {
    async byProvenanceId(provenanceId: string): Promise<GeneratedOutput | undefined> {
      const found = await find(provenanceId);
      if (found || recorder.pending() === 0) return found;
      await recorder.flush();
      return find(provenanceId);
    },
  };
}

export type ProvenanceLookup = ReturnType<typeof createProvenanceLookup>;
