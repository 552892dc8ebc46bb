import { startFakeUpstream } from '../test/helpers/fake-upstream.js';

/**
 * The benchmark's upstream in its own process: an OpenAI-compatible server whose model "bench"
 * answers 10 words with a configurable time to first byte and pause between chunks.
 */
const firstByteDelayMs = Number(process.env.BENCH_TTFT_MS ?? 0);
const chunkDelayMs = Number(process.env.BENCH_CHUNK_MS ?? 0);
const upstream = await startFakeUpstream({ record: false });
upstream.script('bench', { reply: () => 'eins zwei drei vier fünf sechs sieben acht neun zehn', firstByteDelayMs, chunkDelayMs });
process.stdout.write(`${upstream.url}\n`);
