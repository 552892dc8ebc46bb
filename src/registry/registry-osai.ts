import type { Caller } from '../identity/principal.js';
import { importOsaiDirectory, mapOsaiToOpenness } from './osai-import.js';
import type { RegistryQueries } from './registry-queries.js';
import type { RegistryService } from './registry-service.js';

const normalise = (value: string) => value.toLowerCase().replace(/[^a-z0-9]+/g, '');

/**
 * Refreshes model cards' openness from a folder of European Open Source AI Index files (issue 4,
 * item 8). A card matches a file when the index's end model is the card's revision or the card's
 * openness already cites that file; source and date are kept with the ratings.
 */
export async function importOsaiOpenness(deps: { service: RegistryService; queries: RegistryQueries }, caller: Caller, dir: string, sourceDate?: string) {
  const { entries, problems } = importOsaiDirectory(dir, sourceDate ? { sourceDate } : {});
  const updated: string[] = [];
  for (const row of await deps.queries.modelRows()) {
    const card = row.card as { revision?: string; openness?: { source?: string } | null };
    const match = entries.find(
      ({ file, record }) =>
        (record.system.endModel && normalise(record.system.endModel) === normalise(row.revision)) ||
        (card.openness?.source && card.openness.source.endsWith(`/model/${encodeURIComponent(file.replace(/\.ya?ml$/, ''))}`)),
    );
    if (!match) continue;
    const openness = mapOsaiToOpenness(match.record);
    const before = await deps.service.upsertModel(caller, { id: row.id, kind: row.kind as 'chat', card: { ...row.card, openness }, deployments: (await deps.queries.listModels()).find((model) => model.id === row.id)!.providers.map((provider) => ({ providerId: provider.id, upstreamModel: provider.upstreamModel })) });
    if (before.version !== row.version) updated.push(row.id);
  }
  return { files: entries.length, updated, problems };
}
