import type { Config } from '../core/config.js';
import { systemCaller } from '../identity/principal.js';
import type { RegistryService } from './registry-service.js';
import type { RegistryQueries } from './registry-queries.js';

export const LOCAL_PROVIDER_ID = 'local';

/** The embedded llama.cpp provider on this machine (own infrastructure) is always in the registry. */
export async function ensureLocalProvider(registry: RegistryService, queries: RegistryQueries, config: Config): Promise<void> {
  if (await queries.getProviderRow(LOCAL_PROVIDER_ID)) return;
  await registry.connectProvider(
    systemCaller('bootstrap'),
    { id: LOCAL_PROVIDER_ID, name: 'Eingebettet (llama.cpp) / embedded', adapter: 'llama-cpp', zone: 'own', jurisdiction: config.location, location: config.location, dpaStatus: 'not_required' },
    'config',
  );
}
