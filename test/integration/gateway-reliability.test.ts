import { type APIError } from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGatewayFixture, type GatewayFixture } from '../helpers/gateway-fixture.js';

let f: GatewayFixture;

beforeAll(async () => {
  f = await createGatewayFixture();
  await f.addModel('backup');
  await f.addModel('primary', { fallbacks: ['backup'] });
  await f.addModel('flaky');
  await f.addModel('slow');
  await f.addModel('broken');
  await f.addModel('restricted-backup', { status: 'exception_only' });
  await f.addModel('lonely', { fallbacks: ['restricted-backup'] });
});
afterAll(async () => f.closeAll());
beforeEach(() => f.upstream.reset());

const ask = (model: string, content = 'Hallo') => f.client().chat.completions.create({ model, messages: [{ role: 'user', content }] });
const callsTo = (model: string) => f.upstream.requests.filter((request) => request.body.model === model).length;

async function lastUsage(modelId?: string) {
  await f.services.recorder.flush();
  const { usageRecords } = await import('../../src/gateway/schema.js');
  const rows = await f.services.database.db.select().from(usageRecords);
  return rows.filter((row) => !modelId || row.modelId === modelId).sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime()).at(-1)!;
}

describe('retries and failover', () => {
  it('retries a retryable failure on the same provider and succeeds', async () => {
    f.upstream.script('flaky', { status: 503, failTimes: 1 });
    const answer = await ask('flaky');
    expect(answer.choices[0]!.message.content).toBe('Echo: Hallo');
    expect(callsTo('flaky')).toBe(2);
  });

  it('falls back to an alternative model of equal or better status when the providers fail', async () => {
    f.upstream.script('primary', { status: 503 });
    const answer = await ask('primary');
    expect(answer.model).toBe('backup');
    expect((answer as unknown as { leitplanke: { fallback_from: string } }).leitplanke.fallback_from).toBe('primary');
    expect(callsTo('primary')).toBe(2);
    expect((await lastUsage('backup')).fallbackFrom).toBe('primary');
  });

  it('fails over a stream before its first chunk', async () => {
    f.upstream.script('primary', { status: 502 });
    const stream = await f.client().chat.completions.create({ model: 'primary', messages: [{ role: 'user', content: 'Strom' }], stream: true });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe('Echo: Strom');
    expect(callsTo('backup')).toBe(1);
  });

  it('never falls back to a model with a worse status', async () => {
    f.upstream.script('lonely', { status: 503 });
    const error = await ask('lonely').catch((caught: unknown) => caught);
    expect((error as APIError).status).toBe(502);
    expect(callsTo('restricted-backup')).toBe(0);
  });

  it('passes a request the provider rejects back to the client without retrying', async () => {
    f.upstream.script('broken', { status: 400 });
    const error = await ask('broken').catch((caught: unknown) => caught);
    expect((error as APIError).status).toBe(400);
    expect((error as APIError).code).toBe('upstream_rejected');
    expect(callsTo('broken')).toBe(1);
  });

  it('times out a provider that does not answer and reports a clear error', async () => {
    await f.addProvider('sluggish', { options: { timeoutMs: 300, maxRetries: 0 } });
    await f.addModel('sluggish-model', { provider: 'sluggish', upstreamModel: 'slow' });
    f.upstream.script('slow', { firstByteDelayMs: 2000 });
    const started = Date.now();
    const error = await ask('sluggish-model').catch((caught: unknown) => caught);
    expect(Date.now() - started).toBeLessThan(1500);
    expect((error as APIError).status).toBe(502);
    expect((error as APIError).message).toContain('timeout');
  });

  it('opens the circuit after repeated failures and stops calling the provider', async () => {
    await f.addProvider('fragile', { options: { maxRetries: 0 } });
    await f.addModel('fragile-model', { provider: 'fragile', upstreamModel: 'broken-up' });
    f.upstream.script('broken-up', { status: 500 });
    for (let attempt = 0; attempt < 5; attempt++) await ask('fragile-model').catch(() => undefined);
    expect(callsTo('broken-up')).toBe(5);
    const error = await ask('fragile-model').catch((caught: unknown) => caught);
    expect((error as APIError).status).toBe(502);
    expect((error as APIError).message).toContain('circuit_open');
    expect(callsTo('broken-up')).toBe(5);
  });
});

describe('streams that go wrong', () => {
  it('ends a stream cut off upstream with an error, never as a success', async () => {
    f.upstream.script('broken', { cutAfterChunks: 2 });
    const stream = await f.client().chat.completions.create({ model: 'broken', messages: [{ role: 'user', content: 'eins zwei drei vier fünf' }], stream: true });
    let text = '';
    const error = await (async () => {
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    })().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(String((error as Error).message)).toMatch(/vorzeitig|upstream|abgebrochen|No provider|Kein Anbieter/i);
    expect(text).toBe('Echo: eins ');
    expect(await lastUsage('broken')).toMatchObject({ outcome: 'error', errorCode: 'upstream_cut' });
  });

  it('reports a malformed chunk as an error event', async () => {
    f.upstream.script('broken', { malformedAfterChunks: 1 });
    const response = await fetch(`${f.baseUrl}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${f.adminKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'broken', messages: [{ role: 'user', content: 'a b c' }], stream: true }),
    });
    const body = await response.text();
    expect(body).toContain('"error"');
    expect(body).toContain('malformed_chunk');
    expect(body).not.toContain('[DONE]');
  });

  it('cancels the upstream request when the client disconnects', async () => {
    f.upstream.script('slow', { chunkDelayMs: 150 });
    const controller = new AbortController();
    const stream = await f.client().chat.completions.create(
      { model: 'slow', messages: [{ role: 'user', content: 'ein sehr langer Text mit vielen einzelnen Wörtern zum Streamen' }], stream: true },
      { signal: controller.signal },
    );
    let chunks = 0;
    await (async () => {
      for await (const _chunk of stream) if (++chunks === 2) controller.abort();
    })().catch(() => undefined);
    await expect.poll(() => f.upstream.aborted, { timeout: 3000 }).toBe(1);
    await expect.poll(async () => (await lastUsage('slow')).outcome, { timeout: 3000 }).toBe('client_aborted');
  });
});
