import type { Clock } from '../core/clock.js';
import { ServiceError } from '../core/errors.js';
import type { CachedSnapshot } from '../db/cached-snapshot.js';
import type { CallReport, GatewayService } from '../gateway/gateway-service.js';
import type { OrgTree } from '../identity/org-directory.js';
import { requirePermission, type Caller } from '../identity/principal.js';
import { workspaceMessages } from './messages.js';
import type { ModelChoice } from './model-choice.js';

export type SlotResult = {
  latencyMs: number;
  ttftMs: number | null;
  tokensIn: number | null;
  tokensOut: number | null;
  energyWh: number | null;
  co2eGrams: number | null;
  label: CallReport['label'] | null;
  provenanceId: string | null;
  model: string;
};

export type PlaygroundEvent =
  | { type: 'start'; slots: { slot: number; modelId: string; name: string }[] }
  | { type: 'delta'; slot: number; text: string }
  | { type: 'done'; slot: number; result: SlotResult }
  | { type: 'error'; slot: number; error: unknown };

type Deps = { clock: Clock; orgs: CachedSnapshot<OrgTree>; gateway: GatewayService; models: ModelChoice };

/**
 * WORK-4: one prompt against two or three models at once, side by side, with latency, tokens and
 * energy for each. Nothing is stored beyond the gateway's metering (purpose `playground`).
 */
export function createPlaygroundService(deps: Deps) {
  return {
    async compare(caller: Caller, input: { orgId: string; prompt: string; modelIds: string[]; system?: string | undefined }, signal: AbortSignal): Promise<AsyncGenerator<PlaygroundEvent>> {
      requirePermission(caller.principal, await deps.orgs.get(), 'model.use', input.orgId);
      const modelIds = [...new Set(input.modelIds)];
      if (modelIds.length < 2 || modelIds.length > 3) throw new ServiceError('VALIDATION', workspaceMessages.playgroundModels, { reason: 'playground_models' });
      const names = new Map((await deps.models.list(caller, input.orgId)).map((model) => [model.id, model.name]));
      const messages = [...(input.system ? [{ role: 'system' as const, content: input.system }] : []), { role: 'user' as const, content: input.prompt }];
      return merge(
        { type: 'start', slots: modelIds.map((modelId, slot) => ({ slot, modelId, name: names.get(modelId) ?? modelId })) },
        modelIds.map((modelId, slot) => runSlot(caller, input.orgId, slot, modelId, messages, signal)),
      );
    },
  };

  async function* runSlot(caller: Caller, orgId: string, slot: number, modelId: string, messages: { role: 'system' | 'user'; content: string }[], signal: AbortSignal): AsyncGenerator<PlaygroundEvent> {
    const started = deps.clock.now().getTime();
    let ttftMs: number | null = null;
    let report: CallReport | undefined;
    let usage: { prompt_tokens: number; completion_tokens: number } | undefined;
    try {
      const stream = await deps.gateway.chatStream({ caller, orgId, purpose: 'playground', signal }, { model: modelId, messages, stream: true, stream_options: { include_usage: true } });
      for await (const chunk of stream) {
        if (chunk.leitplanke) report = chunk.leitplanke;
        if (chunk.usage) usage = chunk.usage;
        const delta = chunk.choices[0]?.delta.content;
        if (delta) {
          ttftMs ??= deps.clock.now().getTime() - started;
          yield { type: 'delta', slot, text: delta };
        }
      }
    } catch (error) {
      yield { type: 'error', slot, error };
      return;
    }
    yield {
      type: 'done',
      slot,
      result: {
        latencyMs: deps.clock.now().getTime() - started,
        ttftMs,
        tokensIn: usage?.prompt_tokens ?? null,
        tokensOut: usage?.completion_tokens ?? null,
        energyWh: report?.energy.wh ?? null,
        co2eGrams: report?.energy.co2e_g ?? null,
        label: report?.label ?? null,
        provenanceId: report?.provenance_id ?? null,
        model: report?.model ?? modelId,
      },
    };
  }
}

/** Interleaves several event streams as their events arrive; closing the merged stream closes them all. */
async function* merge<T>(first: T, sources: AsyncGenerator<T>[]): AsyncGenerator<T> {
  yield first;
  const pending = new Map(sources.map((source, index) => [index, source.next().then((step) => ({ index, step }))]));
  try {
    while (pending.size > 0) {
      const { index, step } = await Promise.race(pending.values());
      if (step.done) {
        pending.delete(index);
        continue;
      }
      pending.set(index, sources[index]!.next().then((next) => ({ index, step: next })));
      yield step.value;
    }
  } finally {
    await Promise.all(sources.map((source) => source.return(undefined)));
  }
}
