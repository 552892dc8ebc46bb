import type { Config } from '../core/config.js';
import { text, type Text } from '../core/l10n.js';
import type { Caller } from '../identity/principal.js';
import type { RegistryService } from './registry-service.js';

/**
 * Providers and models declared in LEITPLANKE_CONFIG, imported at every start (as LiteLLM's config.yaml).
 * A model's status is taken from the file only when it is new: afterwards the review board governs it.
 */
export async function importDeclarations(registry: RegistryService, caller: Caller, config: Config, env: NodeJS.ProcessEnv = process.env): Promise<Text[]> {
    const warnings: Text[] = [];
    for (const provider of config.providers) {
      if (provider.api_key_env && !env[provider.api_key_env]) {
        warnings.push(
          text(
            `Anbieter „${provider.id}“: Umgebungsvariable ${provider.api_key_env} ist nicht gesetzt.`,
            `Provider "${provider.id}": environment variable ${provider.api_key_env} is not set.`,
          ),
        );
      }
      await registry.connectProvider(
        caller,
        {
          id: provider.id,
          name: provider.name,
          adapter: provider.type,
          baseUrl: provider.base_url,
          apiKeyEnv: provider.api_key_env,
          headers: provider.headers,
          zone: provider.zone,
          jurisdiction: provider.jurisdiction,
          location: provider.location,
          options: { ...(provider.options ?? {}), ...(provider.timeout_ms ? { timeoutMs: provider.timeout_ms } : {}), ...(provider.max_retries !== undefined ? { maxRetries: provider.max_retries } : {}) },
          dpaStatus: provider.dpa_status,
        },
        'config',
      );
    }
    for (const model of config.models) {
      await registry.upsertModel(
        caller,
        {
          id: model.id,
          name: model.name,
          kind: model.kind,
          status: model.status,
          deployments: [{ providerId: model.provider, upstreamModel: model.upstream_model }],
          card: {
            parameters: { activeB: model.active_parameters_b ?? null, totalB: model.total_parameters_b ?? null },
            contextLength: model.context_length ?? null,
          },
        },
        'config',
      );
    }
    // Fallbacks point at other declared models, so they are set once all of them exist.
    for (const model of config.models.filter((entry) => entry.fallback)) {
      await registry.upsertModel(
        caller,
        { id: model.id, kind: model.kind, deployments: [{ providerId: model.provider, upstreamModel: model.upstream_model }], fallbacks: model.fallback },
        'config',
      );
    }
    return warnings;
  }
