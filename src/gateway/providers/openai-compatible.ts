import { Agent, errors as undiciErrors, request, type Dispatcher } from 'undici';
import type { ChatChunk, ChatCompletion, ChatRequest, EmbeddingRequest, EmbeddingResponse } from '../openai-types.js';
import type { ImageResponse } from '../image-types.js';
import { isRetryableStatus, ProviderError, type AdapterFactory, type CallOptions, type ProviderAdapter, type ProviderSettings } from './provider-spec.js';
import { readUpstreamSse, releaseBody } from './sse.js';

/**
 * OpenAI-compatible HTTP: Ollama, vLLM, llama.cpp server, LocalAI, LM Studio and the EU clouds
 * (IONOS, STACKIT, Scaleway, OVHcloud, Mistral). Dialect differences are options, not copies:
 *   timeoutMs       time to the response headers (first token for streams), default 60 s
 *   idleTimeoutMs   longest pause between streamed chunks, default 60 s
 *   authHeader      header for the key, default `authorization` (Bearer); e.g. `api-key`
 *   streamUsage     ask for usage in the last chunk (stream_options), default true
 *   extraBody       fields merged into every request body
 */
const sharedAgent = new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 120_000, connections: 512 });

type Options = { timeoutMs: number; idleTimeoutMs: number; authHeader: string; streamUsage: boolean; extraBody: Record<string, unknown> };

function readOptions(raw: Record<string, unknown>): Options {
  return {
    timeoutMs: typeof raw.timeoutMs === 'number' ? raw.timeoutMs : 60_000,
    idleTimeoutMs: typeof raw.idleTimeoutMs === 'number' ? raw.idleTimeoutMs : 60_000,
    authHeader: typeof raw.authHeader === 'string' ? raw.authHeader.toLowerCase() : 'authorization',
    streamUsage: raw.streamUsage !== false,
    extraBody: typeof raw.extraBody === 'object' && raw.extraBody ? (raw.extraBody as Record<string, unknown>) : {},
  };
}

export function upstreamError(error: unknown, aborted: boolean): ProviderError {
  if (error instanceof ProviderError) return error;
  if (aborted) return new ProviderError('request aborted', { retryable: false, code: 'aborted', cause: error });
  const code = (error as { code?: string }).code ?? '';
  if (error instanceof undiciErrors.HeadersTimeoutError || error instanceof undiciErrors.BodyTimeoutError) {
    return new ProviderError(`upstream timed out (${code})`, { retryable: true, code: 'timeout', cause: error });
  }
  return new ProviderError(`upstream unreachable: ${(error as Error).message} ${code}`.trim(), { retryable: true, code: code || 'network', cause: error });
}

async function failure(response: Dispatcher.ResponseData): Promise<ProviderError> {
  const body = await response.body.text().catch(() => '');
  let message = body.slice(0, 500);
  try {
    const parsed = JSON.parse(body) as { error?: { message?: string } | string; message?: string; detail?: string };
    message = (typeof parsed.error === 'string' ? parsed.error : parsed.error?.message) ?? parsed.message ?? parsed.detail ?? message;
  } catch {
    // not JSON: keep the text
  }
  const retryAfter = Number(response.headers['retry-after']);
  return new ProviderError(`upstream ${response.statusCode}: ${message}`, {
    status: response.statusCode,
    retryable: isRetryableStatus(response.statusCode),
    code: `http_${response.statusCode}`,
    ...(Number.isFinite(retryAfter) ? { retryAfterMs: retryAfter * 1000 } : {}),
  });
}

export const createOpenAiCompatibleAdapter: AdapterFactory = (settings: ProviderSettings): ProviderAdapter => {
  const options = readOptions(settings.options);
  const base = (settings.baseUrl ?? '').replace(/\/+$/, '');
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json', ...settings.headers };
  if (settings.apiKey) headers[options.authHeader] = options.authHeader === 'authorization' ? `Bearer ${settings.apiKey}` : settings.apiKey;

  async function post(path: string, body: unknown, call: CallOptions, stream: boolean): Promise<Dispatcher.ResponseData> {
    try {
      const response = await request(`${base}${path}`, {
        method: 'POST',
        headers: { ...headers, ...(stream ? { accept: 'text/event-stream' } : {}), 'x-request-id': call.requestId },
        body: JSON.stringify(body),
        dispatcher: sharedAgent,
        signal: call.signal,
        headersTimeout: options.timeoutMs,
        bodyTimeout: options.idleTimeoutMs,
      });
      if (response.statusCode >= 400) throw await failure(response);
      return response;
    } catch (error) {
      throw upstreamError(error, call.signal.aborted);
    }
  }

  return {
    async chat(chatRequest, call) {
      const response = await post('/chat/completions', { ...chatRequest, ...options.extraBody, stream: false }, call, false);
      try {
        return (await response.body.json()) as ChatCompletion;
      } catch (error) {
        throw new ProviderError(`upstream sent an unreadable response: ${(error as Error).message}`, { retryable: false, code: 'malformed', cause: error });
      }
    },

    async *chatStream(chatRequest: ChatRequest, call) {
      const body = {
        ...chatRequest,
        ...options.extraBody,
        stream: true,
        ...(options.streamUsage ? { stream_options: { ...(chatRequest.stream_options ?? {}), include_usage: true } } : {}),
      };
      const response = await post('/chat/completions', body, call, true);
      let done = false;
      try {
        for await (const data of readUpstreamSse(response.body)) {
          if (data === '[DONE]') {
            done = true;
            break;
          }
          let chunk: ChatChunk & { error?: { message?: string } };
          try {
            chunk = JSON.parse(data) as ChatChunk & { error?: { message?: string } };
          } catch {
            throw new ProviderError(`upstream sent a malformed chunk: ${data.slice(0, 200)}`, { retryable: false, code: 'malformed_chunk' });
          }
          if (chunk.error) throw new ProviderError(`upstream stream error: ${chunk.error.message ?? 'unknown'}`, { retryable: false, code: 'stream_error' });
          yield chunk;
        }
      } catch (error) {
        throw upstreamError(error, call.signal.aborted);
      } finally {
        releaseBody(response.body, done);
      }
      // A stream that stops without [DONE] was cut off: never report that as success.
      if (!done) throw new ProviderError('upstream stream ended before completion', { retryable: false, code: 'stream_cut' });
    },

    async embed(embeddingRequest: EmbeddingRequest, call) {
      const response = await post('/embeddings', { ...embeddingRequest }, call, false);
      return (await response.body.json()) as EmbeddingResponse;
    },

    async images(imageRequest, call) {
      const response = await post('/images/generations', { ...imageRequest, response_format: 'b64_json' }, call, false);
      try {
        return (await response.body.json()) as ImageResponse;
      } catch (error) {
        throw new ProviderError(`upstream sent an unreadable response: ${(error as Error).message}`, { retryable: false, code: 'malformed', cause: error });
      }
    },

    async listModels(call) {
      try {
        const response = await request(`${base}/models`, { method: 'GET', headers, dispatcher: sharedAgent, signal: call.signal, headersTimeout: options.timeoutMs });
        if (response.statusCode >= 400) throw await failure(response);
        const payload = (await response.body.json()) as { data?: { id: string }[]; models?: { name: string }[] };
        return payload.data?.map((model) => model.id) ?? payload.models?.map((model) => model.name) ?? [];
      } catch (error) {
        throw upstreamError(error, call.signal.aborted);
      }
    },
  };
};
