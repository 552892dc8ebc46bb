import type { ChatChunk, ChatCompletion, ChatRequest, EmbeddingRequest, EmbeddingResponse } from '../openai-types.js';
import type { ImageRequest, ImageResponse } from '../image-types.js';

/**
 * The one small interface every provider adapter implements. It depends on nothing but the wire
 * types; adapters depend on it, the pipeline only ever sees it (no provider names in the core).
 */
export type ProviderSettings = {
  id: string;
  baseUrl: string | null;
  apiKey: string | undefined;
  headers: Record<string, string>;
  options: Record<string, unknown>;
  modelsDir: string;
};

export type CallOptions = {
  /** Aborted when the client disconnects or the call times out. */
  signal: AbortSignal;
  requestId: string;
};

export interface ProviderAdapter {
  /** Non-streaming chat completion. The request's `model` is already the provider's own model name. */
  chat(request: ChatRequest, options: CallOptions): Promise<ChatCompletion>;
  /** Streaming chat completion; the last chunk carries `usage` when the provider reports it. */
  chatStream(request: ChatRequest, options: CallOptions): AsyncIterable<ChatChunk>;
  embed(request: EmbeddingRequest, options: CallOptions): Promise<EmbeddingResponse>;
  /** Image generation (model kind 'image'), for adapters whose providers offer it; images come back as `b64_json`. */
  images?(request: Omit<ImageRequest, 'leitplanke'>, options: CallOptions): Promise<ImageResponse>;
  /** Model names the provider offers, for set-up and health checks. */
  listModels(options: CallOptions): Promise<string[]>;
  close?(): Promise<void>;
}

export type AdapterFactory = (settings: ProviderSettings) => ProviderAdapter;

/** An upstream failure, normalised. `retryable` says whether trying again (or elsewhere) may help. */
export class ProviderError extends Error {
  constructor(
    message: string,
    readonly options: { status?: number | undefined; retryable: boolean; code?: string | undefined; retryAfterMs?: number | undefined; cause?: unknown },
  ) {
    super(message, { cause: options.cause });
    this.name = 'ProviderError';
  }

  get retryable(): boolean {
    return this.options.retryable;
  }

  get status(): number | undefined {
    return this.options.status;
  }
}

/** Statuses after which another attempt can succeed: rate limits, overload, gateway errors, timeouts. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}
