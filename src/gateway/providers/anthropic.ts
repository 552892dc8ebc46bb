import { Agent, request, type Dispatcher } from 'undici';
import type { ChatChunk, ChatCompletion, ChatMessage, ChatRequest } from '../openai-types.js';
import { upstreamError } from './openai-compatible.js';
import { isRetryableStatus, ProviderError, type AdapterFactory, type CallOptions } from './provider-spec.js';
import { readUpstreamSse, releaseBody } from './sse.js';

/**
 * Anthropic's Messages API, which is not OpenAI-shaped (system prompt apart, content blocks, tool_use,
 * its own stream events). Used only under an approved exception (SOV-3); it proves the adapter seam.
 */
const agent = new Agent({ keepAliveTimeout: 30_000, connections: 128 });
const API_VERSION = '2023-06-01';

type Block = { type: string; [key: string]: unknown };
type AnthropicMessage = { role: 'user' | 'assistant'; content: Block[] };

function textOf(content: ChatMessage['content']): string {
  if (typeof content === 'string') return content;
  return (content ?? []).map((part) => (part.type === 'text' ? String(part.text ?? '') : '')).join('');
}

function blocksOf(content: ChatMessage['content']): Block[] {
  if (typeof content === 'string' || content == null) return [{ type: 'text', text: content ?? '' }];
  return content.map((part): Block => {
    const imageUrl = (part.image_url as { url?: string } | undefined)?.url;
    const dataUrl = imageUrl?.match(/^data:([^;]+);base64,(.*)$/);
    if (part.type === 'image_url' && dataUrl) return { type: 'image', source: { type: 'base64', media_type: dataUrl[1], data: dataUrl[2] } };
    if (part.type === 'image_url' && imageUrl) return { type: 'image', source: { type: 'url', url: imageUrl } };
    return { type: 'text', text: String(part.text ?? '') };
  });
}

/** OpenAI messages → Anthropic: system apart, tool results as user blocks, alternating roles merged. */
export function toAnthropicMessages(messages: ChatMessage[]): { system: string | undefined; messages: AnthropicMessage[] } {
  const system = messages.filter((message) => message.role === 'system' || message.role === 'developer').map((message) => textOf(message.content));
  const converted: AnthropicMessage[] = [];
  for (const message of messages) {
    let next: AnthropicMessage | undefined;
    if (message.role === 'user') next = { role: 'user', content: blocksOf(message.content) };
    if (message.role === 'tool') next = { role: 'user', content: [{ type: 'tool_result', tool_use_id: message.tool_call_id, content: textOf(message.content) }] };
    if (message.role === 'assistant') {
      const blocks: Block[] = textOf(message.content) ? [{ type: 'text', text: textOf(message.content) }] : [];
      for (const call of message.tool_calls ?? []) blocks.push({ type: 'tool_use', id: call.id, name: call.function.name, input: safeJson(call.function.arguments) });
      next = { role: 'assistant', content: blocks };
    }
    if (!next) continue;
    const last = converted[converted.length - 1];
    if (last && last.role === next.role) last.content.push(...next.content);
    else converted.push(next);
  }
  return { system: system.length ? system.join('\n\n') : undefined, messages: converted };
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return {};
  }
}

const finishReasons: Record<string, string> = { end_turn: 'stop', stop_sequence: 'stop', max_tokens: 'length', tool_use: 'tool_calls' };

export const createAnthropicAdapter: AdapterFactory = (settings) => {
  const base = (settings.baseUrl ?? 'https://api.anthropic.com').replace(/\/+$/, '');
  const timeoutMs = typeof settings.options.timeoutMs === 'number' ? settings.options.timeoutMs : 60_000;
  const headers = { 'content-type': 'application/json', 'anthropic-version': API_VERSION, ...(settings.apiKey ? { 'x-api-key': settings.apiKey } : {}), ...settings.headers };

  function body(chat: ChatRequest, stream: boolean) {
    const { system, messages } = toAnthropicMessages(chat.messages);
    const tools = (chat.tools ?? [])
      .filter((tool) => tool.type === 'function')
      .map((tool) => {
        const fn = tool.function as { name: string; description?: string; parameters?: unknown };
        return { name: fn.name, description: fn.description, input_schema: fn.parameters ?? { type: 'object' } };
      });
    return {
      model: chat.model,
      max_tokens: chat.max_completion_tokens ?? chat.max_tokens ?? 1024,
      messages,
      ...(system ? { system } : {}),
      ...(chat.temperature != null ? { temperature: Math.min(chat.temperature, 1) } : {}),
      ...(chat.top_p != null ? { top_p: chat.top_p } : {}),
      ...(chat.stop ? { stop_sequences: Array.isArray(chat.stop) ? chat.stop : [chat.stop] } : {}),
      ...(tools.length ? { tools } : {}),
      stream,
    };
  }

  async function post(payload: unknown, call: CallOptions): Promise<Dispatcher.ResponseData> {
    try {
      const response = await request(`${base}/v1/messages`, { method: 'POST', headers, body: JSON.stringify(payload), dispatcher: agent, signal: call.signal, headersTimeout: timeoutMs });
      if (response.statusCode >= 400) {
        const detail = (await response.body.json().catch(() => ({}))) as { error?: { message?: string } };
        throw new ProviderError(`upstream ${response.statusCode}: ${detail.error?.message ?? 'error'}`, { status: response.statusCode, retryable: isRetryableStatus(response.statusCode), code: `http_${response.statusCode}` });
      }
      return response;
    } catch (error) {
      throw upstreamError(error, call.signal.aborted);
    }
  }

  return {
    async chat(chat, call): Promise<ChatCompletion> {
      const message = (await (await post(body(chat, false), call)).body.json()) as {
        id: string;
        content: Block[];
        stop_reason: string;
        usage: { input_tokens: number; output_tokens: number };
      };
      const toolCalls = message.content
        .filter((block) => block.type === 'tool_use')
        .map((block) => ({ id: String(block.id), type: 'function', function: { name: String(block.name), arguments: JSON.stringify(block.input ?? {}) } }));
      return {
        id: message.id,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: chat.model,
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: message.content.filter((block) => block.type === 'text').map((block) => String(block.text)).join(''), ...(toolCalls.length ? { tool_calls: toolCalls } : {}) },
            finish_reason: finishReasons[message.stop_reason] ?? 'stop',
          },
        ],
        usage: { prompt_tokens: message.usage.input_tokens, completion_tokens: message.usage.output_tokens, total_tokens: message.usage.input_tokens + message.usage.output_tokens },
      };
    },

    async *chatStream(chat, call) {
      const response = await post(body(chat, true), call);
      const created = Math.floor(Date.now() / 1000);
      let id = '';
      let inputTokens = 0;
      let outputTokens = 0;
      let finish: string | null = null;
      let stopped = false;
      const toolIndex = new Map<number, number>();
      const chunk = (delta: ChatChunk['choices'][number]['delta'], finishReason: string | null = null): ChatChunk => ({
        id,
        object: 'chat.completion.chunk',
        created,
        model: chat.model,
        choices: [{ index: 0, delta, finish_reason: finishReason }],
      });
      try {
        for await (const data of readUpstreamSse(response.body)) {
          const event = JSON.parse(data) as { type: string; [key: string]: unknown };
          if (event.type === 'message_start') {
            const message = event.message as { id: string; usage?: { input_tokens?: number } };
            id = message.id;
            inputTokens = message.usage?.input_tokens ?? 0;
            yield chunk({ role: 'assistant', content: '' });
          } else if (event.type === 'content_block_start') {
            const block = event.content_block as Block;
            if (block.type === 'tool_use') {
              toolIndex.set(Number(event.index), toolIndex.size);
              yield chunk({ tool_calls: [{ index: toolIndex.get(Number(event.index))!, id: String(block.id), type: 'function', function: { name: String(block.name), arguments: '' } }] });
            }
          } else if (event.type === 'content_block_delta') {
            const delta = event.delta as { type: string; text?: string; partial_json?: string };
            if (delta.type === 'text_delta') yield chunk({ content: delta.text ?? '' });
            if (delta.type === 'input_json_delta') yield chunk({ tool_calls: [{ index: toolIndex.get(Number(event.index)) ?? 0, function: { arguments: delta.partial_json ?? '' } }] });
          } else if (event.type === 'message_delta') {
            finish = finishReasons[(event.delta as { stop_reason?: string }).stop_reason ?? ''] ?? 'stop';
            outputTokens = (event.usage as { output_tokens?: number } | undefined)?.output_tokens ?? outputTokens;
          } else if (event.type === 'message_stop') {
            stopped = true;
            break;
          } else if (event.type === 'error') {
            throw new ProviderError(`upstream stream error: ${(event.error as { message?: string }).message ?? 'unknown'}`, { retryable: false, code: 'stream_error' });
          }
        }
      } catch (error) {
        throw upstreamError(error, call.signal.aborted);
      } finally {
        releaseBody(response.body, stopped);
      }
      if (!stopped) throw new ProviderError('upstream stream ended before completion', { retryable: false, code: 'stream_cut' });
      yield chunk({}, finish ?? 'stop');
      yield { ...chunk({}), choices: [], usage: { prompt_tokens: inputTokens, completion_tokens: outputTokens, total_tokens: inputTokens + outputTokens } };
    },

    async embed() {
      throw new ProviderError('this provider offers no embeddings', { retryable: false, code: 'unsupported', status: 400 });
    },

    async listModels() {
      return [];
    },
  };
};
