import { systemCaller } from '../identity/principal.js';
import type { GatewayService } from './gateway-service.js';
import { detectLocalServers, type DetectedServer } from './local-detection.js';
import { knownDownloads } from './model-files.js';

export type SetupStatus = { usableChatModels: string[]; detected: DetectedServer[]; suggestedDownloads: string[] };

/** What a fresh install needs next: usable models, or local servers found and open models to pull. */
export async function setupStatus(gateway: GatewayService, rootOrgId: string, detect = detectLocalServers): Promise<SetupStatus> {
  const models = await gateway.listModels(systemCaller('setup-status'), rootOrgId);
  const usableChatModels = models.filter((model) => model.leitplanke.kind === 'chat').map((model) => model.id);
  return {
    usableChatModels,
    detected: usableChatModels.length > 0 ? [] : await detect(),
    suggestedDownloads: knownDownloads.filter((entry) => entry.kind === 'chat').map((entry) => entry.name),
  };
}

export function setupHints(status: SetupStatus): string[] {
  if (status.usableChatModels.length > 0) return [`Modelle bereit / models ready: ${status.usableChatModels.join(', ')}`];
  const lines = ['Noch kein Sprachmodell eingerichtet. So geht es weiter / no language model set up yet. Next steps:'];
  for (const server of status.detected) {
    const id = server.name.split(/[ /]/)[0]!.toLowerCase();
    lines.push(`  • ${server.name} gefunden / found at ${server.baseUrl} (${server.models.slice(0, 5).join(', ') || '–'}):`);
    lines.push(`      leitplanke providers add --id ${id} --base-url ${server.baseUrl} --zone own --jurisdiction DE`);
  }
  lines.push(`  • Offenes Modell laden / pull an open model: leitplanke models pull ${status.suggestedDownloads[0]}`);
  lines.push('  • GGUF-Datei aufnehmen / add a GGUF file: leitplanke models add /pfad/modell.gguf');
  lines.push('  • EU-Anbieter anbinden / connect an EU provider: leitplanke providers add --id ionos --base-url https://openai.inference.de-txl.ionos.com/v1 --api-key-env IONOS_API_KEY --zone eu --jurisdiction DE');
  return lines;
}
