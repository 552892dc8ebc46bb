import type { GatewayService } from '../gateway/gateway-service.js';
import type { Caller } from '../identity/principal.js';

export type EmbedPurpose = 'knowledge' | 'workflow';

/** Embeddings through the gateway (policy, metering, audit apply), in batches, in input order. */
export async function embedTexts(
  gateway: GatewayService,
  call: { caller: Caller; orgId: string; purpose: EmbedPurpose; signal: AbortSignal },
  model: string,
  texts: string[],
  onBatch?: (done: number) => Promise<void> | void,
  batchSize = 16,
): Promise<number[][]> {
  const vectors: number[][] = [];
  for (let start = 0; start < texts.length; start += batchSize) {
    const batch = texts.slice(start, start + batchSize);
    const result = await gateway.embed(call, { model, input: batch });
    const ordered = [...result.data].sort((a, b) => a.index - b.index);
    for (const item of ordered) vectors.push(typeof item.embedding === 'string' ? decodeBase64(item.embedding) : item.embedding);
    await onBatch?.(Math.min(texts.length, start + batch.length));
  }
  return vectors;
}

function decodeBase64(value: string): number[] {
  const bytes = Buffer.from(value, 'base64');
  return Array.from(new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4));
}

export function norm(vector: number[]): number {
  let sum = 0;
  for (const value of vector) sum += value * value;
  return Math.sqrt(sum);
}
