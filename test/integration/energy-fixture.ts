import { randomUUID } from 'node:crypto';
import type { Services } from '../../src/server/compose.js';
import { systemCaller } from '../../src/identity/principal.js';

const reviewer = systemCaller('energy-test');

/** A usage row as the gateway writes it; energy figures and who/what/when chosen by the test. */
export type RecordedUse = {
  occurredAt: Date;
  orgId: string;
  userId?: string | null;
  modelId: string;
  assistantId?: string | null;
  tokensIn?: number;
  tokensOut: number;
  energyWh: number;
  co2eGrams: number;
  waterMl: number;
  energyMethod?: string;
};

/** Writes usage rows through the gateway's recorder (the same batch writer real calls use). */
export async function recordUse(services: Services, uses: RecordedUse[]): Promise<void> {
  for (const use of uses) {
    services.recorder.record({
      usage: {
        id: randomUUID(),
        occurredAt: use.occurredAt,
        orgId: use.orgId,
        userId: use.userId ?? null,
        assistantId: use.assistantId ?? null,
        purpose: 'api',
        kind: 'chat',
        modelId: use.modelId,
        modelRevision: '1',
        providerId: 'upstream',
        providerZone: 'own',
        tokensIn: use.tokensIn ?? 10,
        tokensOut: use.tokensOut,
        usageEstimated: false,
        durationMs: 100,
        energyWh: use.energyWh,
        co2eGrams: use.co2eGrams,
        waterMl: use.waterMl,
        outcome: 'ok',
        energyMethod: use.energyMethod ?? 'estimated',
        requestId: 'energy-test',
        provenanceId: randomUUID(),
        settings: {},
        promptHash: '0'.repeat(64),
      },
    });
  }
  await services.recorder.flush();
}

/** A chat model on the fake upstream with a published energy figure, so comparisons can be checked by hand. */
export async function addChatModel(services: Services, id: string, whPer1kOutputTokens: number | null, status: 'approved' | 'recommended' | 'candidate' = 'approved', activeB = 8): Promise<void> {
  await services.registry.upsertModel(reviewer, {
    id,
    name: `Modell ${id}`,
    kind: 'chat',
    status,
    deployments: [{ providerId: 'upstream', upstreamModel: id }],
    card: {
      parameters: { activeB, totalB: activeB },
      ...(whPer1kOutputTokens === null ? {} : { energy: { whPer1kOutputTokens, method: 'measured', source: 'https://example.org/energie' } }),
    },
  });
}
