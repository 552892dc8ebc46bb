import { randomUUID } from 'node:crypto';
import type { Clock } from '../core/clock.js';
import { sha256Hex } from '../core/crypto.js';
import { canonicalJson } from '../core/canonical-json.js';
import { ServiceError } from '../core/errors.js';
import { formatDate, text, type Text } from '../core/l10n.js';
import type { Logger } from '../core/logger.js';
import type { CachedSnapshot } from '../db/cached-snapshot.js';
import type { OrgNode, OrgTree } from '../identity/org-directory.js';
import type { Caller } from '../identity/org-service.js';
import type { RegistryStore } from '../registry/registry-store.js';
import { statusRank, type EffectiveModel } from '../registry/registry-snapshot.js';
import type { AdapterCache } from './adapters.js';
import type { CircuitBreaker } from './circuit-breaker.js';
import type { EnergyEstimator, EnergyFigures, EnergyMeter } from './energy-estimator.js';
import type { GatewayMetrics } from './gateway-metrics.js';
import type { Limits, Reservation } from './limits.js';
import { gatewayMessages } from './messages.js';
import type { ChatChunk, ChatCompletion, ChatMessage, ChatRequest, EmbeddingRequest, EmbeddingResponse, Usage } from './openai-types.js';
import type { ExceptionChecker, PromptGuard } from './pipeline-hooks.js';
import { generateImages } from './image-generation.js';
import type { ImagePipelineHooks, ImageRequest } from './image-types.js';
import { decide, refusal, type Purpose } from './policy.js';
import { attemptContext, firstSuccessful, openStream, type Candidate } from './provider-attempts.js';
import { ProviderError } from './providers/provider-spec.js';
import type { UsageRecorder, UsageRow } from './usage-recorder.js';

export type GatewayDeps = {
  registry: RegistryStore;
  orgs: CachedSnapshot<OrgTree>;
  limits: Limits;
  recorder: UsageRecorder;
  adapters: AdapterCache;
  breaker: CircuitBreaker;
  energy: EnergyEstimator;
  metrics: GatewayMetrics;
  clock: Clock;
  logger: Logger;
  guard?: PromptGuard | undefined;
  exceptions?: ExceptionChecker | undefined;
  /** Image policy and labels of generated images (provenance module); without them images are refused. */
  images?: ImagePipelineHooks | undefined;
  /** Measured energy for providers with a meter (energy module); without it every figure is an estimate. */
  meter?: EnergyMeter | undefined;
};

export type GatewayCall = {
  caller: Caller;
  orgId: string;
  purpose: Purpose;
  signal: AbortSignal;
  conversationId?: string | undefined;
  assistantId?: string | undefined;
  /** public | internal | confidential | personal — which zones the data may go to (guard). */
  dataClass?: string | undefined;
};

/** What Leitplanke adds to every answer: provenance, label, energy, and what the guard replaced. */
export type CallReport = {
  provenance_id: string;
  model: string;
  model_revision: string;
  provider: string;
  zone: string;
  fallback_from: string | null;
  usage_estimated: boolean;
  energy: { wh: number; co2e_g: number; water_ml: number; method: string };
  guard: Record<string, number> | null;
  label: Text;
};

export type Prepared = { lineage: OrgNode[]; org: OrgNode; effective: EffectiveModel; candidates: Candidate[]; reservation: Reservation | undefined; exceptionId?: string };

/** What a call knows from its start: who asked for what, and the policy's decision. */
export type CallStart = {
  call: GatewayCall;
  prepared: Prepared;
  kind: 'chat' | 'embedding' | 'image';
  request: { messages?: ChatMessage[]; input?: unknown; settings: Record<string, unknown> };
  startedAt: number;
  provenanceId: string;
  /** Set where the request's window was reported to the energy meter at its start. */
  usageId?: string | undefined;
};

/** How a call ended. Kept apart from its start: a copy of the start with these added is slow in V8. */
export type CallEnd = {
  candidate: Candidate | undefined;
  usage: Usage | undefined;
  estimatedUsage: Usage;
  outcome: string;
  errorCode?: string | undefined;
  ttftMs: number | undefined;
  outputText?: string | undefined;
};

export function estimateTokens(value: unknown): number {
  const chars = typeof value === 'string' ? value.length : JSON.stringify(value ?? '').length;
  return Math.ceil(chars / 4);
}

function retention(org: OrgNode): { days: number } | undefined {
  const settings = org.settings.retention as { storePrompts?: boolean; days?: number } | undefined;
  return settings?.storePrompts && settings.days ? { days: settings.days } : undefined;
}

export function createGatewayService(deps: GatewayDeps) {
  const { registry, orgs, limits, recorder, clock, metrics } = deps;

  function label(modelName: string, at: Date): Text {
    return text(`KI-generiert · ${modelName} · ${formatDate(at, 'de')}`, `AI-generated · ${modelName} · ${formatDate(at, 'en')}`);
  }

  function refuse(call: GatewayCall, modelId: string, error: ServiceError): never {
    metrics.refusals.inc({ reason: error.reason ?? error.code });
    recorder.record({
      audit: {
        actor: call.caller.actor,
        requestId: call.caller.requestId,
        occurredAt: clock.now(),
        event: { action: 'gateway.refused', orgId: call.orgId, targetType: 'model', targetId: modelId, metadata: { reason: error.reason, purpose: call.purpose } },
      },
    });
    throw error;
  }

  /** Policy, fallbacks, guard readiness, limits: everything decided before a provider sees the request. */
  async function prepare(call: GatewayCall, modelId: string, kind: 'chat' | 'embedding' | 'image', tokenEstimate: number): Promise<Prepared> {
    const [tree, snapshot] = await Promise.all([orgs.get(), registry.get()]);
    const org = tree.byId.get(call.orgId);
    if (!org) throw new ServiceError('VALIDATION', gatewayMessages.noOrg, { reason: 'no_org' });
    const policyInput = { caller: call.caller, orgId: call.orgId, kind, purpose: call.purpose, tree, registry: snapshot, exceptions: deps.exceptions, dataClass: call.dataClass, modelId };
    const decision = await decide(policyInput);
    if (decision.outcome !== 'allow') refuse(call, modelId, refusal(decision));
    const { effective } = decision;
    const candidates: Candidate[] = effective.deployments.map((deployment) => ({ model: effective.model, deployment }));
    for (const fallbackId of effective.model.fallbacks) {
      const fallback = await decide({ ...policyInput, modelId: fallbackId });
      if (fallback.outcome !== 'allow' || statusRank(fallback.effective.status) > statusRank(effective.status)) continue;
      for (const deployment of fallback.effective.deployments) candidates.push({ model: fallback.effective.model, deployment, fallbackFrom: modelId });
    }
    if (candidates.length === 0) refuse(call, modelId, new ServiceError('UNAVAILABLE', gatewayMessages.noProvider(modelId), { reason: 'no_provider' }));
    const lineage = tree.lineage(call.orgId);
    await limits.checkRate(call.caller.principal, lineage);
    const reservation = await limits.reserve(lineage, tokenEstimate);
    return { lineage, org, effective, candidates, reservation, ...(decision.exceptionId ? { exceptionId: decision.exceptionId } : {}) };
  }

  /** The guard for each candidate's zone; candidates it blocks drop out, and if none is left the request is refused. */
  async function guarded(call: GatewayCall, prepared: Prepared, messages: ChatMessage[]): Promise<Candidate[]> {
    const usable: Candidate[] = [];
    let blocked: ServiceError | undefined;
    for (const candidate of prepared.candidates) {
      const zone = candidate.deployment.provider.zone;
      if (!deps.guard) {
        if (zone === 'own') usable.push(candidate);
        else blocked ??= new ServiceError('POLICY_DENIED', gatewayMessages.guardRequired(candidate.model.id), { reason: 'guard_required' });
        continue;
      }
      const outcome = await deps.guard.inspect({ orgId: call.orgId, zone, messages, dataClass: call.dataClass });
      if (outcome.action === 'block') blocked ??= new ServiceError('POLICY_DENIED', outcome.detail, { reason: outcome.reason });
      else usable.push(outcome.action === 'protect' ? { ...candidate, guard: outcome.session } : candidate);
    }
    if (usable.length === 0) {
      await limits.settle(prepared.reservation, 0);
      refuse(call, prepared.effective.model.id, blocked ?? new ServiceError('UNAVAILABLE', gatewayMessages.noProvider(prepared.effective.model.id), { reason: 'no_provider' }));
    }
    return usable;
  }

  function upstreamFailure(modelId: string, error: unknown, midStream = false): ServiceError {
    if (error instanceof ServiceError) return error;
    const failure = error instanceof ProviderError ? error : new ProviderError(String(error), { retryable: false });
    // Once the first chunk has gone out, any failure leaves the client with an incomplete answer.
    if (midStream) return new ServiceError('UPSTREAM', gatewayMessages.streamCut(failure.options.code ?? 'error'), { reason: 'upstream_cut' });
    if (!failure.retryable && failure.status && failure.status < 500) {
      return new ServiceError('VALIDATION', gatewayMessages.upstreamRejected(failure.message), { reason: 'upstream_rejected', extra: { status: failure.status } });
    }
    return new ServiceError('UPSTREAM', gatewayMessages.allProvidersFailed(modelId, failure.options.code ?? failure.message), {
      reason: failure.options.code === 'stream_cut' ? 'upstream_cut' : 'upstream_failed',
      retryAfterSeconds: 5,
    });
  }

  /** The usage record's id, known from the start so a meter can follow the request while it runs. */
  function meterStart(startedAt: number): string {
    const usageId = randomUUID();
    deps.meter?.begin(usageId, startedAt);
    return usageId;
  }

  /** Meters and audits one call (success or not) and settles its budget reservation. */
  async function finish(start: CallStart, end: CallEnd): Promise<{ energy: EnergyFigures; usage: Usage; estimated: boolean }> {
    const { call, prepared } = start;
    const { candidate } = end;
    const usage = end.usage ?? end.estimatedUsage;
    const endedAt = clock.now().getTime();
    const durationMs = endedAt - start.startedAt;
    const model = candidate?.model ?? prepared.effective.model;
    const provider = candidate?.deployment.provider;
    if (start.usageId) deps.meter?.end(start.usageId, provider?.id, endedAt, usage.completion_tokens);
    const energy = deps.energy.estimate({
      activeParametersB: model.activeParametersB,
      inputTokens: usage.prompt_tokens,
      outputTokens: usage.completion_tokens,
      location: provider?.location ?? null,
      zone: provider?.zone ?? 'own',
      durationMs,
    });
    await limits.settle(prepared.reservation, usage.total_tokens).catch((error: unknown) => deps.logger.error({ err: error }, 'budget settle failed'));
    const keep = retention(prepared.org);
    const prompt = start.request.messages ?? start.request.input ?? null;
    const occurredAt = clock.now();
    const principal = call.caller.principal;
    const row: UsageRow = {
      id: start.usageId ?? randomUUID(),
      occurredAt,
      orgId: call.orgId,
      userId: principal.kind === 'user' ? principal.userId : principal.kind === 'api_key' ? principal.createdByUserId : null,
      apiKeyId: principal.kind === 'api_key' ? principal.keyId : null,
      purpose: call.purpose,
      kind: start.kind,
      modelId: model.id,
      modelRevision: model.revision,
      providerId: provider?.id ?? null,
      providerZone: provider?.zone ?? null,
      fallbackFrom: candidate?.fallbackFrom ?? null,
      tokensIn: usage.prompt_tokens,
      tokensOut: usage.completion_tokens,
      usageEstimated: !end.usage,
      ttftMs: end.ttftMs ?? null,
      durationMs,
      outcome: end.outcome,
      errorCode: end.errorCode ?? null,
      energyWh: energy.energyWh,
      co2eGrams: energy.co2eGrams,
      waterMl: energy.waterMl,
      energyMethod: energy.method,
      requestId: call.caller.requestId,
      provenanceId: end.outcome === 'ok' ? start.provenanceId : null,
      conversationId: call.conversationId ?? null,
      assistantId: call.assistantId ?? null,
      settings: start.request.settings,
      guard: candidate?.guard?.summary ?? null,
      promptHash: sha256Hex(canonicalJson(prompt)),
      promptText: keep ? prompt : null,
      outputText: keep ? (end.outputText ?? null) : null,
      retainUntil: keep ? new Date(occurredAt.getTime() + keep.days * 86_400_000) : null,
    };
    recorder.record({
      usage: row,
      audit: {
        actor: call.caller.actor,
        requestId: call.caller.requestId,
        occurredAt,
        event: {
          action: `gateway.${start.kind}`,
          orgId: call.orgId,
          targetType: 'model',
          targetId: model.id,
          metadata: {
            usageId: row.id,
            provider: provider?.id ?? null,
            outcome: end.outcome,
            tokensIn: usage.prompt_tokens,
            tokensOut: usage.completion_tokens,
            promptHash: row.promptHash,
            purpose: call.purpose,
            ...(candidate?.fallbackFrom ? { fallbackFrom: candidate.fallbackFrom } : {}),
            ...(prepared.exceptionId ? { exceptionId: prepared.exceptionId } : {}),
            ...(candidate?.guard ? { guard: candidate.guard.summary } : {}),
          },
        },
      },
    });
    metrics.observe({ model: model.id, provider: provider?.id ?? 'none', outcome: end.outcome, usage, durationMs, ttftMs: end.ttftMs, energyWh: energy.energyWh });
    return { energy, usage, estimated: !end.usage };
  }

  function report(candidate: Candidate, provenanceId: string, figures: { energy: EnergyFigures; estimated: boolean }): CallReport {
    return {
      provenance_id: provenanceId,
      model: candidate.model.id,
      model_revision: candidate.model.revision,
      provider: candidate.deployment.provider.id,
      zone: candidate.deployment.provider.zone,
      fallback_from: candidate.fallbackFrom ?? null,
      usage_estimated: figures.estimated,
      energy: { wh: figures.energy.energyWh, co2e_g: figures.energy.co2eGrams, water_ml: figures.energy.waterMl, method: figures.energy.method },
      guard: candidate.guard?.summary ?? null,
      label: label(candidate.model.name, clock.now()),
    };
  }

  const settingsOf = (request: ChatRequest) => ({
    temperature: request.temperature ?? null,
    top_p: request.top_p ?? null,
    max_tokens: request.max_completion_tokens ?? request.max_tokens ?? null,
    seed: request.seed ?? null,
    stream: !!request.stream,
    ...(request.response_format ? { response_format: request.response_format.type } : {}),
    ...(request.tools?.length ? { tools: request.tools.length } : {}),
  });

  const upstreamRequest = (request: ChatRequest, candidate: Candidate): ChatRequest => ({
    ...request,
    model: candidate.deployment.upstreamModel,
    messages: candidate.guard?.messages ?? request.messages,
  });

  return {
    /** Non-streaming chat completion through the whole pipeline. */
    async chat(call: GatewayCall, request: ChatRequest): Promise<ChatCompletion & { leitplanke: CallReport }> {
      const startedAt = clock.now().getTime();
      const promptTokens = estimateTokens(request.messages);
      const prepared = await prepare(call, request.model, 'chat', promptTokens + (request.max_completion_tokens ?? request.max_tokens ?? 1024));
      const candidates = await guarded(call, prepared, request.messages);
      const provenanceId = randomUUID();
      const usageId = meterStart(startedAt);
      const base: CallStart = { call, prepared, kind: 'chat', request: { messages: request.messages, settings: settingsOf(request) }, startedAt, provenanceId, usageId };
      let completion: ChatCompletion;
      let candidate: Candidate;
      try {
        ({ result: completion, candidate } = await firstSuccessful(candidates, attemptContext(deps, call), (adapter, next) =>
          adapter.chat(upstreamRequest(request, next), { signal: call.signal, requestId: call.caller.requestId }),
        ));
      } catch (error) {
        const failure = upstreamFailure(request.model, error);
        await finish(base, { candidate: undefined, usage: undefined, estimatedUsage: { prompt_tokens: promptTokens, completion_tokens: 0, total_tokens: promptTokens }, outcome: call.signal.aborted ? 'client_aborted' : 'error', errorCode: failure.reason, ttftMs: undefined });
        throw failure;
      }
      for (const choice of completion.choices) {
        if (candidate.guard && typeof choice.message.content === 'string') choice.message.content = candidate.guard.restore(choice.message.content);
      }
      const outputText = completion.choices.map((choice) => choice.message.content ?? '').join('\n');
      const estimatedUsage = { prompt_tokens: promptTokens, completion_tokens: estimateTokens(outputText), total_tokens: promptTokens + estimateTokens(outputText) };
      const figures = await finish(base, { candidate, usage: completion.usage, estimatedUsage, outcome: 'ok', ttftMs: clock.now().getTime() - startedAt, outputText });
      // Assigned rather than spread into a copy (a spread plus a new field is slow in V8); the object is our own parse.
      return Object.assign(completion, { model: candidate.model.id, usage: figures.usage, leitplanke: report(candidate, provenanceId, figures) });
    },

    /**
     * Streaming chat completion. Throws (before the first chunk) like `chat` when the call cannot start;
     * afterwards an upstream failure surfaces as an error thrown by the iterator, never as a clean end.
     */
    async chatStream(call: GatewayCall, request: ChatRequest): Promise<AsyncGenerator<ChatChunk & { leitplanke?: CallReport }>> {
      const startedAt = clock.now().getTime();
      const promptTokens = estimateTokens(request.messages);
      const prepared = await prepare(call, request.model, 'chat', promptTokens + (request.max_completion_tokens ?? request.max_tokens ?? 1024));
      const candidates = await guarded(call, prepared, request.messages);
      const provenanceId = randomUUID();
      const usageId = meterStart(startedAt);
      const base: CallStart = { call, prepared, kind: 'chat', request: { messages: request.messages, settings: settingsOf(request) }, startedAt, provenanceId, usageId };
      let opened: Awaited<ReturnType<typeof openStream>>;
      let candidate: Candidate;
      try {
        const context = attemptContext(deps, call);
        ({ result: opened, candidate } = await firstSuccessful(candidates, context, (adapter, next) =>
          openStream(adapter, upstreamRequest({ ...request, stream: true }, next), context),
        ));
      } catch (error) {
        const failure = upstreamFailure(request.model, error);
        await finish(base, { candidate: undefined, usage: undefined, estimatedUsage: { prompt_tokens: promptTokens, completion_tokens: 0, total_tokens: promptTokens }, outcome: call.signal.aborted ? 'client_aborted' : 'error', errorCode: failure.reason, ttftMs: undefined });
        throw failure;
      }

      async function* relay(): AsyncGenerator<ChatChunk & { leitplanke?: CallReport }> {
        const restorers = new Map<number, { push(chunk: string): string; flush(): string }>();
        const restore = (index: number, value: string, end: boolean): string => {
          if (!candidate.guard) return value;
          let restorer = restorers.get(index);
          if (!restorer) restorers.set(index, (restorer = candidate.guard.streamRestorer()));
          return restorer.push(value) + (end ? restorer.flush() : '');
        };
        let upstreamUsage: Usage | undefined;
        let output = '';
        let ttftMs: number | undefined;
        let outcome = 'client_aborted';
        let errorCode: string | undefined;
        let last: ChatChunk | undefined;
        try {
          let next: ChatChunk | undefined = opened.first;
          while (next) {
            last = next;
            if (next.usage) upstreamUsage = next.usage;
            if (next.choices.length > 0) {
              for (const choice of next.choices) {
                const content = choice.delta.content;
                const ends = choice.finish_reason !== null;
                if (typeof content === 'string' || (ends && candidate.guard)) {
                  const restored = restore(choice.index, content ?? '', ends);
                  choice.delta.content = restored;
                  output += restored;
                  if (ttftMs === undefined && restored) ttftMs = clock.now().getTime() - startedAt;
                }
              }
              // Changed in place, like the delta above (the chunk is our own parse): a copy costs ~1 µs per chunk in V8.
              next.model = candidate.model.id;
              next.usage = null;
              yield next;
            }
            const step = await opened.iterator.next();
            next = step.done ? undefined : step.value;
          }
          outcome = 'ok';
        } catch (error) {
          const failure = upstreamFailure(request.model, error, true);
          outcome = call.signal.aborted ? 'client_aborted' : 'error';
          errorCode = failure.reason;
          throw failure;
        } finally {
          if (outcome !== 'ok') await opened.iterator.return?.(undefined).catch(() => undefined);
          const estimatedUsage = { prompt_tokens: promptTokens, completion_tokens: estimateTokens(output), total_tokens: promptTokens + estimateTokens(output) };
          const figures = await finish(base, { candidate, usage: upstreamUsage, estimatedUsage, outcome, errorCode, ttftMs, outputText: output });
          if (outcome === 'ok') {
            yield {
              id: last?.id ?? provenanceId,
              object: 'chat.completion.chunk',
              created: last?.created ?? Math.floor(startedAt / 1000),
              model: candidate.model.id,
              choices: [],
              usage: figures.usage,
              leitplanke: report(candidate, provenanceId, figures),
            };
          }
        }
      }
      return relay();
    },

    async embed(call: GatewayCall, request: EmbeddingRequest): Promise<EmbeddingResponse & { leitplanke: CallReport }> {
      const startedAt = clock.now().getTime();
      const inputs = Array.isArray(request.input) ? request.input : [request.input];
      const promptTokens = estimateTokens(request.input);
      const prepared = await prepare(call, request.model, 'embedding', promptTokens);
      const asMessages: ChatMessage[] = inputs.map((input) => ({ role: 'user', content: typeof input === 'string' ? input : JSON.stringify(input) }));
      const candidates = await guarded(call, prepared, asMessages);
      const provenanceId = randomUUID();
      const usageId = meterStart(startedAt);
      const base: CallStart = { call, prepared, kind: 'embedding', request: { input: request.input, settings: {} }, startedAt, provenanceId, usageId };
      try {
        const { result, candidate } = await firstSuccessful(candidates, attemptContext(deps, call), (adapter, next) => {
          const guardedInput = next.guard ? next.guard.messages.map((message) => String(message.content)) : request.input;
          return adapter.embed({ ...request, input: guardedInput, model: next.deployment.upstreamModel }, { signal: call.signal, requestId: call.caller.requestId });
        });
        // Some servers ignore encoding_format; the official SDKs ask for base64 by default.
        if (request.encoding_format === 'base64') {
          for (const item of result.data) if (Array.isArray(item.embedding)) item.embedding = Buffer.from(new Float32Array(item.embedding).buffer).toString('base64');
        }
        const usage = result.usage ? { prompt_tokens: result.usage.prompt_tokens, completion_tokens: 0, total_tokens: result.usage.total_tokens } : undefined;
        const figures = await finish(base, { candidate, usage, estimatedUsage: { prompt_tokens: promptTokens, completion_tokens: 0, total_tokens: promptTokens }, outcome: 'ok', ttftMs: undefined });
        return Object.assign(result, { model: candidate.model.id, leitplanke: report(candidate, provenanceId, figures) });
      } catch (error) {
        const failure = upstreamFailure(request.model, error);
        await finish(base, { candidate: undefined, usage: undefined, estimatedUsage: { prompt_tokens: promptTokens, completion_tokens: 0, total_tokens: promptTokens }, outcome: 'error', errorCode: failure.reason, ttftMs: undefined });
        throw failure;
      }
    },

    /** Image generation through the same steps, plus the image policy and labels (image-generation.ts). */
    images: (call: GatewayCall, request: ImageRequest) =>
      generateImages({ deps, prepare, guarded, finish, report, refuse, upstreamFailure, estimateTokens }, call, request),

    /** The models this caller may use in this organisation, with registry status, zone and energy. */
    async listModels(caller: Caller, orgId: string) {
      const [tree, snapshot] = await Promise.all([orgs.get(), registry.get()]);
      const usable = [];
      for (const model of snapshot.models.values()) {
        const decision = await decide({ caller, orgId, modelId: model.id, kind: model.kind, purpose: 'api', tree, registry: snapshot, exceptions: deps.exceptions });
        if (decision.outcome !== 'allow') continue;
        const reachable = decision.effective.deployments.filter((deployment) => deployment.provider.zone === 'own' || deps.guard);
        if (reachable.length === 0) continue;
        usable.push({ effective: decision.effective, reachable });
      }
      return usable.map(({ effective, reachable }) => ({
        id: effective.model.id,
        object: 'model' as const,
        created: 0,
        owned_by: reachable[0]!.provider.name,
        leitplanke: {
          name: effective.model.name,
          kind: effective.model.kind,
          revision: effective.model.revision,
          status: effective.status,
          providers: reachable.map((deployment) => ({ id: deployment.provider.id, zone: deployment.provider.zone, jurisdiction: deployment.provider.jurisdiction })),
          zone: reachable[0]!.provider.zone,
          energy_wh_per_1k_output_tokens: effective.model.energyWhPer1kOutputTokens ?? deps.energy.estimate({ activeParametersB: effective.model.activeParametersB, inputTokens: 0, outputTokens: 1000, location: reachable[0]!.provider.location, zone: reachable[0]!.provider.zone, durationMs: 0 }).energyWh,
          context_length: effective.model.contextLength,
        },
      }));
    },
  };
}

export type GatewayService = ReturnType<typeof createGatewayService>;
