import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAnthropic } from '../../../test/helpers/fake-anthropic.js';
import { startFakeUpstream } from '../../../test/helpers/fake-upstream.js';
import { writeTinyGguf } from '../../../test/helpers/tiny-gguf.js';
import type { ChatChunk } from '../openai-types.js';
import { createAnthropicAdapter, toAnthropicMessages } from './anthropic.js';
import { createLlamaCppAdapter } from './llama-cpp.js';
import { createOpenAiCompatibleAdapter } from './openai-compatible.js';
import type { ProviderAdapter } from './provider-spec.js';

/**
 * One contract, every adapter: the pipeline relies on exactly these behaviours, so each provider
 * type is run through the same cases against a real server (or, for llama.cpp, a real model file).
 */
type Subject = { name: string; adapter: ProviderAdapter; model: string; deterministic: boolean };

const subjects: Subject[] = [];
const closers: (() => Promise<void>)[] = [];
const call = () => ({ signal: new AbortController().signal, requestId: 'contract' });

beforeAll(async () => {
  const upstream = await startFakeUpstream();
  const anthropic = await startFakeAnthropic();
  const modelsDir = mkdtempSync(path.join(os.tmpdir(), 'leitplanke-models-'));
  writeTinyGguf(path.join(modelsDir, 'tiny.gguf'));
  closers.push(upstream.close, anthropic.close);
  const base = { headers: {}, modelsDir };
  subjects.push(
    { name: 'openai-compatible', adapter: createOpenAiCompatibleAdapter({ ...base, id: 'o', baseUrl: upstream.url, apiKey: 'k', options: {} }), model: 'echo', deterministic: true },
    { name: 'anthropic', adapter: createAnthropicAdapter({ ...base, id: 'a', baseUrl: anthropic.url, apiKey: 'sk-ant-test', options: {} }), model: 'claude-test', deterministic: true },
    { name: 'llama-cpp', adapter: createLlamaCppAdapter({ ...base, id: 'l', baseUrl: null, apiKey: undefined, options: { threads: 1, contextSize: 512 } }), model: 'tiny.gguf', deterministic: false },
  );
  closers.push(...subjects.map((subject) => async () => subject.adapter.close?.()));
}, 60_000);

afterAll(async () => {
  for (const close of closers) await close();
});

describe.each(['openai-compatible', 'anthropic', 'llama-cpp'])('provider adapter contract: %s', (name) => {
  const subject = () => subjects.find((entry) => entry.name === name)!;
  const request = () => ({ model: subject().model, max_tokens: 8, temperature: 0, messages: [{ role: 'system' as const, content: 'Kurz antworten.' }, { role: 'user' as const, content: 'Wie geht es?' }] });

  it('answers a chat with an assistant message, a finish reason and token usage', async () => {
    const completion = await subject().adapter.chat(request(), call());
    const choice = completion.choices[0]!;
    expect(choice.message.role).toBe('assistant');
    expect(typeof choice.message.content).toBe('string');
    expect(['stop', 'length']).toContain(choice.finish_reason);
    expect(completion.usage!.completion_tokens).toBeGreaterThan(0);
    expect(completion.usage!.prompt_tokens).toBeGreaterThan(0);
    if (subject().deterministic) expect(choice.message.content).toContain('Wie geht es?');
  });

  it('streams: a role chunk first, text deltas, a finish reason, usage at the end', async () => {
    const chunks: ChatChunk[] = [];
    for await (const chunk of subject().adapter.chatStream({ ...request(), stream: true }, call())) chunks.push(chunk);
    expect(chunks[0]!.choices[0]!.delta.role).toBe('assistant');
    const text = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
    expect(text.length).toBeGreaterThan(0);
    expect(chunks.some((chunk) => chunk.choices[0]?.finish_reason)).toBe(true);
    expect(chunks.at(-1)!.usage?.completion_tokens).toBeGreaterThan(0);
    if (subject().deterministic) expect(text).toContain('Wie geht es?');
  });

  it('stops when the caller aborts', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(subject().adapter.chat(request(), { signal: controller.signal, requestId: 'abort' })).rejects.toMatchObject({ name: 'ProviderError' });
  });
});

describe('Anthropic message conversion', () => {
  it('moves system prompts apart, turns tool results into user blocks and merges consecutive roles', () => {
    const converted = toAnthropicMessages([
      { role: 'system', content: 'Du bist hilfreich.' },
      { role: 'user', content: 'Suche nach dem Haushalt.' },
      { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'suche', arguments: '{"begriff":"Haushalt"}' } }] },
      { role: 'tool', tool_call_id: 'call_1', content: '3 Treffer' },
      { role: 'user', content: 'Fasse zusammen.' },
    ]);
    expect(converted.system).toBe('Du bist hilfreich.');
    expect(converted.messages.map((message) => message.role)).toEqual(['user', 'assistant', 'user']);
    expect(converted.messages[1]!.content[0]).toEqual({ type: 'tool_use', id: 'call_1', name: 'suche', input: { begriff: 'Haushalt' } });
    expect(converted.messages[2]!.content).toEqual([
      { type: 'tool_result', tool_use_id: 'call_1', content: '3 Treffer' },
      { type: 'text', text: 'Fasse zusammen.' },
    ]);
  });

  it('returns tool calls in the OpenAI shape', async () => {
    const adapter = subjects.find((entry) => entry.name === 'anthropic')!.adapter;
    const completion = await adapter.chat(
      { model: 'claude-test', messages: [{ role: 'user', content: 'Suche' }], tools: [{ type: 'function', function: { name: 'suche', parameters: { type: 'object' } } }] },
      call(),
    );
    expect(completion.choices[0]!.finish_reason).toBe('tool_calls');
    expect(completion.choices[0]!.message.tool_calls).toEqual([{ id: 'toolu_1', type: 'function', function: { name: 'suche', arguments: '{"begriff":"Haushalt"}' } }]);
  });
});
