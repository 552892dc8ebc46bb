import type { Logger } from '../core/logger.js';
import type { Deployment, ModelEntry, ProviderConnection } from '../registry/registry-snapshot.js';
import type { AdapterCache } from './adapters.js';
import type { CircuitBreaker } from './circuit-breaker.js';
import type { ChatChunk, ChatRequest } from './openai-types.js';
import type { GuardSession } from './pipeline-hooks.js';
import { ProviderError, type ProviderAdapter } from './providers/provider-spec.js';

/** One place a request can go: a model (the requested one or a fallback) on one of its providers. */
export type Candidate = { model: ModelEntry; deployment: Deployment & { provider: ProviderConnection }; fallbackFrom?: string; guard?: GuardSession };

export type AttemptContext = { adapters: AdapterCache; breaker: CircuitBreaker; logger: Logger; signal: AbortSignal; requestId: string };

/**
 * One call's attempt context from the gateway's dependencies. Written out: spreading the dependencies and
 * adding fields makes V8 build a slow object, ~5 µs on every model call (measured).
 */
export function attemptContext(deps: Pick<AttemptContext, 'adapters' | 'breaker' | 'logger'>, call: { signal: AbortSignal; caller: { requestId: string } }): AttemptContext {
  return { adapters: deps.adapters, breaker: deps.breaker, logger: deps.logger, signal: call.signal, requestId: call.caller.requestId };
}

const MAX_BACKOFF_MS = 4_000;

export function backoffMs(attempt: number, retryAfterMs?: number): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, MAX_BACKOFF_MS);
  return Math.min(100 * 2 ** attempt + Math.random() * 50, MAX_BACKOFF_MS);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}

function retriesOf(provider: ProviderConnection): number {
  return typeof provider.options.maxRetries === 'number' ? provider.options.maxRetries : 2;
}

/**
 * Tries the candidates in order: retries a retryable failure on the same provider with backoff, then
 * moves on (failover). A non-retryable failure (the request itself is bad) ends the search at once.
 * `start` returns once the provider has accepted the request (for streams: its first chunk arrived).
 */
export async function firstSuccessful<T>(
  candidates: Candidate[],
  context: AttemptContext,
  start: (adapter: ProviderAdapter, candidate: Candidate) => Promise<T>,
): Promise<{ result: T; candidate: Candidate }> {
  let lastError: ProviderError | undefined;
  for (const candidate of candidates) {
    const provider = candidate.deployment.provider;
    if (!context.breaker.canRequest(provider.id)) {
      lastError = new ProviderError(`circuit open for provider ${provider.id}`, { retryable: true, code: 'circuit_open' });
      continue;
    }
    const adapter = context.adapters.get(provider);
    for (let attempt = 0; attempt <= retriesOf(provider); attempt++) {
      if (context.signal.aborted) throw new ProviderError('request aborted', { retryable: false, code: 'aborted' });
      try {
        const result = await start(adapter, candidate);
        context.breaker.success(provider.id);
        return { result, candidate };
      } catch (error) {
        const failure = error instanceof ProviderError ? error : new ProviderError((error as Error).message, { retryable: false, code: 'adapter_error', cause: error });
        if (failure.options.code === 'aborted') throw failure;
        if (!failure.retryable) throw failure;
        context.breaker.failure(provider.id);
        lastError = failure;
        context.logger.warn({ provider: provider.id, attempt, code: failure.options.code, requestId: context.requestId }, 'provider attempt failed');
        if (!context.breaker.canRequest(provider.id)) break;
        if (attempt < retriesOf(provider)) await sleep(backoffMs(attempt, failure.options.retryAfterMs), context.signal);
      }
    }
  }
  throw lastError ?? new ProviderError('no provider available', { retryable: false, code: 'no_provider' });
}

/** Starts a stream and waits for its first chunk, so failover is still possible until then. */
export async function openStream(adapter: ProviderAdapter, request: ChatRequest, context: AttemptContext) {
  const iterator = adapter.chatStream(request, { signal: context.signal, requestId: context.requestId })[Symbol.asyncIterator]();
  const first = await iterator.next();
  return { iterator, first: first.done ? undefined : (first.value as ChatChunk) };
}
