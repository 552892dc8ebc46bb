import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Llama, LlamaChat, LlamaContext, LlamaModel, ChatHistoryItem, LlamaEmbeddingContext } from 'node-llama-cpp';
import type { ChatChunk, ChatMessage, ChatRequest } from '../openai-types.js';
import { ProviderError, type AdapterFactory, type ProviderSettings } from './provider-spec.js';

/**
 * Embedded inference with llama.cpp (node-llama-cpp) on GGUF files in the models folder: the sovereign
 * default for one machine. The deployment's upstream model is the file name. Options:
 *   threads (default 2), contextSize (default 4096), parallel sequences per model (default 2).
 */
type Loaded = { model: LlamaModel; context: LlamaContext; free: LlamaChat[]; waiting: ((chat: LlamaChat) => void)[]; embedding?: Promise<LlamaEmbeddingContext> };

let llamaPromise: Promise<Llama> | undefined;
function llama(threads: number): Promise<Llama> {
  // Never build or download at run time; CPU only unless a GPU build was installed deliberately.
  llamaPromise ??= import('node-llama-cpp').then(({ getLlama }) => getLlama({ gpu: false, build: 'never', maxThreads: threads }));
  return llamaPromise;
}

function textOf(content: ChatMessage['content']): string {
  if (typeof content === 'string') return content;
  return (content ?? []).map((part) => (part.type === 'text' ? String(part.text ?? '') : '')).join('');
}

export function toChatHistory(messages: ChatMessage[]): { history: ChatHistoryItem[]; lastUser: string } {
  const history: ChatHistoryItem[] = [];
  for (const message of messages) {
    const content = textOf(message.content);
    if (message.role === 'system' || message.role === 'developer') history.push({ type: 'system', text: content });
    else if (message.role === 'assistant') history.push({ type: 'model', response: [content] });
    else history.push({ type: 'user', text: content });
  }
  // The model answers the conversation: an empty model turn is where generation continues.
  history.push({ type: 'model', response: [] });
  return { history, lastUser: '' };
}

export const createLlamaCppAdapter: AdapterFactory = (settings: ProviderSettings) => {
  const threads = typeof settings.options.threads === 'number' ? settings.options.threads : 2;
  const contextSize = typeof settings.options.contextSize === 'number' ? settings.options.contextSize : 4096;
  const parallel = typeof settings.options.parallel === 'number' ? settings.options.parallel : 2;
  const loaded = new Map<string, Promise<Loaded>>();

  function modelPath(file: string): string {
    const resolved = path.resolve(settings.modelsDir, file);
    if (!resolved.startsWith(path.resolve(settings.modelsDir) + path.sep)) {
      throw new ProviderError(`model file outside the models folder: ${file}`, { retryable: false, code: 'bad_model_path', status: 400 });
    }
    return resolved;
  }

  function load(file: string): Promise<Loaded> {
    let entry = loaded.get(file);
    if (!entry) {
      entry = (async () => {
        const runtime = await llama(threads);
        const model = await runtime.loadModel({ modelPath: modelPath(file) });
        const context = await model.createContext({ contextSize: Math.min(contextSize, model.trainContextSize || contextSize), sequences: parallel });
        const { LlamaChat } = await import('node-llama-cpp');
        const free = Array.from({ length: parallel }, () => new LlamaChat({ contextSequence: context.getSequence() }));
        return { model, context, free, waiting: [] };
      })().catch((error: unknown) => {
        loaded.delete(file);
        throw new ProviderError(`cannot load model ${file}: ${(error as Error).message}`, { retryable: false, code: 'model_load_failed', cause: error });
      });
      loaded.set(file, entry);
    }
    return entry;
  }

  /** One chat per context sequence; callers queue for a free one. */
  async function withChat<T>(file: string, fn: (chat: LlamaChat, entry: Loaded) => Promise<T>): Promise<T> {
    const entry = await load(file);
    const chat = entry.free.pop() ?? (await new Promise<LlamaChat>((resolve) => entry.waiting.push(resolve)));
    try {
      return await fn(chat, entry);
    } finally {
      const next = entry.waiting.shift();
      if (next) next(chat);
      else entry.free.push(chat);
    }
  }

  async function generate(request: ChatRequest, signal: AbortSignal, onText: (text: string) => void) {
    if (request.tools?.length) {
      throw new ProviderError('the embedded provider does not support tool calls; use an OpenAI-compatible inference server', { retryable: false, code: 'unsupported', status: 400 });
    }
    return withChat(request.model, async (chat, entry) => {
      const { history } = toChatHistory(request.messages);
      const meter = chat.sequence.tokenMeter.getState();
      const grammar = request.response_format?.type === 'json_object' ? await (await llama(threads)).getGrammarFor('json') : undefined;
      const result = await chat.generateResponse(history, {
        signal,
        stopOnAbortSignal: false,
        maxTokens: request.max_completion_tokens ?? request.max_tokens ?? 512,
        temperature: request.temperature ?? 0.7,
        ...(request.top_p != null ? { topP: request.top_p } : {}),
        ...(request.seed != null ? { seed: request.seed } : {}),
        ...(grammar ? { grammar } : {}),
        onTextChunk: onText,
      });
      const used = chat.sequence.tokenMeter.diff(meter);
      void entry;
      return {
        text: result.response,
        finish: result.metadata.stopReason === 'maxTokens' ? 'length' : 'stop',
        usage: { prompt_tokens: used.usedInputTokens, completion_tokens: used.usedOutputTokens, total_tokens: used.usedInputTokens + used.usedOutputTokens },
      };
    }).catch((error: unknown) => {
      if (error instanceof ProviderError) throw error;
      if (signal.aborted) throw new ProviderError('request aborted', { retryable: false, code: 'aborted', cause: error });
      throw new ProviderError(`local inference failed: ${(error as Error).message}`, { retryable: false, code: 'inference_failed', cause: error });
    });
  }

  return {
    async chat(request, call) {
      const result = await generate(request, call.signal, () => undefined);
      return {
        id: `chatcmpl-${randomUUID()}`,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: request.model,
        choices: [{ index: 0, message: { role: 'assistant', content: result.text }, finish_reason: result.finish }],
        usage: result.usage,
      };
    },

    async *chatStream(request, call) {
      const id = `chatcmpl-${randomUUID()}`;
      const created = Math.floor(Date.now() / 1000);
      const chunk = (delta: ChatChunk['choices'][number]['delta'], finish: string | null = null): ChatChunk => ({ id, object: 'chat.completion.chunk', created, model: request.model, choices: [{ index: 0, delta, finish_reason: finish }] });
      // llama.cpp pushes text through a callback; a small queue turns it into an async iterator.
      const queue: string[] = [];
      let wake: (() => void) | undefined;
      let finished: { finish: string; usage: ChatChunk['usage'] } | undefined;
      let failed: unknown;
      void generate(request, call.signal, (text) => {
        queue.push(text);
        wake?.();
      }).then(
        (result) => {
          finished = { finish: result.finish, usage: result.usage };
          wake?.();
        },
        (error: unknown) => {
          failed = error;
          wake?.();
        },
      );
      yield chunk({ role: 'assistant', content: '' });
      for (;;) {
        while (queue.length > 0) yield chunk({ content: queue.shift()! });
        if (failed) throw failed;
        if (finished) break;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
      yield chunk({}, finished.finish);
      yield { ...chunk({}), choices: [], usage: finished.usage ?? null };
    },

    async embed(request) {
      const inputs = Array.isArray(request.input) ? request.input : [request.input];
      if (inputs.some((input) => typeof input !== 'string')) {
        throw new ProviderError('the embedded provider embeds text only', { retryable: false, code: 'unsupported', status: 400 });
      }
      const entry = await load(request.model);
      entry.embedding ??= entry.model.createEmbeddingContext({ contextSize: Math.min(2048, contextSize) });
      const context = await entry.embedding;
      const data = [];
      let tokens = 0;
      for (const [index, input] of (inputs as string[]).entries()) {
        tokens += entry.model.tokenize(input).length;
        data.push({ object: 'embedding' as const, index, embedding: [...(await context.getEmbeddingFor(input)).vector] });
      }
      return { object: 'list', data, model: request.model, usage: { prompt_tokens: tokens, total_tokens: tokens } };
    },

    async listModels() {
      const { readdir } = await import('node:fs/promises');
      return (await readdir(settings.modelsDir).catch(() => [])).filter((file) => file.endsWith('.gguf'));
    },

    async close() {
      for (const entry of loaded.values()) await (await entry.catch(() => undefined))?.model.dispose();
      loaded.clear();
    },
  };
};
