import { request } from 'undici';

/** Inference servers people commonly run next to Leitplanke, on their usual local ports. */
export const localServers = [
  { name: 'Ollama', baseUrl: 'http://127.0.0.1:11434/v1' },
  { name: 'llama.cpp server / LocalAI', baseUrl: 'http://127.0.0.1:8080/v1' },
  { name: 'vLLM', baseUrl: 'http://127.0.0.1:8000/v1' },
  { name: 'LM Studio', baseUrl: 'http://127.0.0.1:1234/v1' },
];

export type DetectedServer = { name: string; baseUrl: string; models: string[] };

/** Probes the usual ports briefly; a server that answers /v1/models is reported with its models. */
export async function detectLocalServers(candidates = localServers, timeoutMs = 600): Promise<DetectedServer[]> {
  const probes = candidates.map(async (candidate): Promise<DetectedServer | undefined> => {
    try {
      const response = await request(`${candidate.baseUrl}/models`, { headersTimeout: timeoutMs, bodyTimeout: timeoutMs, signal: AbortSignal.timeout(timeoutMs) });
      if (response.statusCode !== 200) {
        await response.body.dump();
        return undefined;
      }
      const payload = (await response.body.json()) as { data?: { id: string }[] };
      return { ...candidate, models: (payload.data ?? []).map((model) => model.id) };
    } catch {
      return undefined;
    }
  });
  return (await Promise.all(probes)).filter((server): server is DetectedServer => !!server);
}
