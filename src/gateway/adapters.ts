import { canonicalJson } from '../core/canonical-json.js';
import type { ProviderConnection } from '../registry/registry-snapshot.js';
import { createAnthropicAdapter } from './providers/anthropic.js';
import { createLlamaCppAdapter } from './providers/llama-cpp.js';
import { createOpenAiCompatibleAdapter } from './providers/openai-compatible.js';
import type { AdapterFactory, ProviderAdapter } from './providers/provider-spec.js';

/** Adding a provider type is one adapter file and one line here. */
export const adapterFactories: Record<string, AdapterFactory> = {
  'openai-compatible': createOpenAiCompatibleAdapter,
  'llama-cpp': createLlamaCppAdapter,
  anthropic: createAnthropicAdapter,
};

/** One adapter per provider, rebuilt when its connection settings change. */
export function createAdapterCache(modelsDir: string) {
  const cache = new Map<string, { signature: string; adapter: ProviderAdapter }>();
  return {
    get(provider: ProviderConnection): ProviderAdapter {
      const signature = canonicalJson([provider.adapter, provider.baseUrl, provider.apiKey ?? null, provider.headers, provider.options]);
      const cached = cache.get(provider.id);
      if (cached?.signature === signature) return cached.adapter;
      void cached?.adapter.close?.();
      const factory = adapterFactories[provider.adapter!]!;
      const adapter = factory({ id: provider.id, baseUrl: provider.baseUrl, apiKey: provider.apiKey, headers: provider.headers, options: provider.options, modelsDir });
      cache.set(provider.id, { signature, adapter });
      return adapter;
    },
    async close(): Promise<void> {
      for (const { adapter } of cache.values()) await adapter.close?.();
      cache.clear();
    },
  };
}

export type AdapterCache = ReturnType<typeof createAdapterCache>;
