import type { AddressInfo } from 'node:net';
import OpenAI from 'openai';
import type { ConfigInput } from '../../src/core/config.js';
import { systemCaller } from '../../src/identity/principal.js';
import type { ModelStatus } from '../../src/registry/model-card.js';
import type { ComposeOptions } from '../../src/server/compose.js';
import { startFakeUpstream, type FakeUpstream } from './fake-upstream.js';
import { createTestApp, makeApiKey, type TestContext } from './test-app.js';

export type GatewayFixture = TestContext & {
  upstream: FakeUpstream;
  baseUrl: string;
  client(key?: string): OpenAI;
  adminKey: string;
  addModel(id: string, options?: { status?: ModelStatus; provider?: string; upstreamModel?: string; kind?: 'chat' | 'embedding'; fallbacks?: string[] }): Promise<void>;
  addProvider(id: string, options?: { zone?: 'own' | 'eu' | 'non-eu'; baseUrl?: string; adapter?: string; options?: Record<string, unknown> }): Promise<void>;
  setStatus(id: string, status: ModelStatus, reason?: string): Promise<void>;
  closeAll(): Promise<void>;
};

export const reviewer = systemCaller('test-reviewer');

/** A listening Leitplanke with a scripted upstream registered as provider "upstream" (own zone). */
export async function createGatewayFixture(overrides: Partial<ConfigInput> = {}, options: Omit<ComposeOptions, 'database' | 'logger'> = {}): Promise<GatewayFixture> {
  const upstream = await startFakeUpstream();
  const t = await createTestApp(overrides, options);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  const root = (await t.services.orgs.root())!;
  const { key: adminKey } = await makeApiKey(t.services, root.id, 'admin');

  async function addProvider(id: string, provider: Parameters<GatewayFixture['addProvider']>[1] = {}): Promise<void> {
    await t.services.registry.connectProvider(reviewer, {
      id,
      adapter: provider.adapter ?? 'openai-compatible',
      baseUrl: provider.baseUrl ?? upstream.url,
      zone: provider.zone ?? 'own',
      jurisdiction: 'DE',
      options: { maxRetries: 1, timeoutMs: 5_000, idleTimeoutMs: 5_000, ...(provider.options ?? {}) },
    });
  }
  await addProvider('upstream');

  return {
    ...t,
    upstream,
    baseUrl,
    adminKey,
    client: (key = adminKey) => new OpenAI({ apiKey: key, baseURL: `${baseUrl}/v1`, maxRetries: 0 }),
    addProvider,
    async addModel(id, model = {}) {
      await t.services.registry.upsertModel(reviewer, {
        id,
        name: `Modell ${id}`,
        kind: model.kind ?? 'chat',
        status: model.status ?? 'approved',
        deployments: [{ providerId: model.provider ?? 'upstream', upstreamModel: model.upstreamModel ?? id }],
        ...(model.fallbacks ? { fallbacks: model.fallbacks } : {}),
        card: { parameters: { activeB: 8, totalB: 8 } },
      });
    },
    async setStatus(id, status, reason = 'Testentscheidung') {
      await t.services.registry.setModelStatus(reviewer, id, { status, reason, ...(status === 'excluded' ? { exclusionCategory: 'political_manipulation' as const } : {}) });
    },
    async closeAll() {
      await t.close();
      await upstream.close();
    },
  };
}
