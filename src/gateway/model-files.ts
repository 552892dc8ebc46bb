import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { copyFile, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { Agent, interceptors, request } from 'undici';
import { ServiceError } from '../core/errors.js';
import { text } from '../core/l10n.js';

/**
 * GGUF files for the embedded provider: adding a local file, and pulling a named open model when a
 * network is available — always verified against a SHA-256 (pinned here, or the hub's LFS hash).
 */
export type DownloadEntry = { name: string; repo: string; file: string; kind: 'chat' | 'embedding'; licence: string; sha256?: string; catalogueId?: string };

/** Small open models that run on a laptop CPU; the hub's published LFS hash verifies each download. */
export const knownDownloads: DownloadEntry[] = [
  { name: 'qwen2.5-1.5b-instruct', repo: 'Qwen/Qwen2.5-1.5B-Instruct-GGUF', file: 'qwen2.5-1.5b-instruct-q4_k_m.gguf', kind: 'chat', licence: 'Apache-2.0' },
  { name: 'llama-3.2-3b-instruct', repo: 'bartowski/Llama-3.2-3B-Instruct-GGUF', file: 'Llama-3.2-3B-Instruct-Q4_K_M.gguf', kind: 'chat', licence: 'Llama 3.2 Community License' },
  { name: 'gemma-2-2b-it', repo: 'bartowski/gemma-2-2b-it-GGUF', file: 'gemma-2-2b-it-Q4_K_M.gguf', kind: 'chat', licence: 'Gemma Terms of Use' },
  { name: 'eurollm-9b-instruct', repo: 'bartowski/EuroLLM-9B-Instruct-GGUF', file: 'EuroLLM-9B-Instruct-Q4_K_M.gguf', kind: 'chat', licence: 'Apache-2.0' },
  { name: 'nomic-embed-text-v1.5', repo: 'nomic-ai/nomic-embed-text-v1.5-GGUF', file: 'nomic-embed-text-v1.5.Q4_K_M.gguf', kind: 'embedding', licence: 'Apache-2.0' },
];

const HUB = process.env.LEITPLANKE_MODEL_HUB_URL ?? 'https://huggingface.co';
// Hubs answer file requests with redirects to their CDN.
const following = new Agent().compose(interceptors.redirect({ maxRedirections: 5 }));

export const fileMessages = {
  notGguf: (file: string) => text(`${file} ist keine GGUF-Datei.`, `${file} is not a GGUF file.`),
  missing: (file: string) => text(`Die Datei ${file} gibt es nicht.`, `The file ${file} does not exist.`),
  unknownName: (name: string) =>
    text(
      `Unbekanntes Modell „${name}“. Bekannt: ${knownDownloads.map((entry) => entry.name).join(', ')} – oder --url und --sha256 angeben.`,
      `Unknown model "${name}". Known: ${knownDownloads.map((entry) => entry.name).join(', ')} – or give --url and --sha256.`,
    ),
  checksum: (expected: string, actual: string) =>
    text(`Prüfsumme stimmt nicht (erwartet ${expected}, erhalten ${actual}); die Datei wurde verworfen.`, `Checksum mismatch (expected ${expected}, got ${actual}); the file was discarded.`),
  download: (detail: string) => text(`Download fehlgeschlagen: ${detail}`, `Download failed: ${detail}`),
  noChecksum: text('Für diesen Download ist keine Prüfsumme bekannt; bitte --sha256 angeben.', 'No checksum is known for this download; please give --sha256.'),
};

export async function assertGguf(file: string): Promise<void> {
  const handle = await open(file, 'r').catch(() => {
    throw new ServiceError('NOT_FOUND', fileMessages.missing(file));
  });
  try {
    const magic = Buffer.alloc(4);
    await handle.read(magic, 0, 4, 0);
    if (magic.toString('latin1') !== 'GGUF') throw new ServiceError('VALIDATION', fileMessages.notGguf(file), { reason: 'not_gguf' });
  } finally {
    await handle.close();
  }
}

/** Copies a GGUF into the models folder (unless it is already there); returns its file name. */
export async function addModelFile(source: string, modelsDir: string): Promise<string> {
  const resolved = path.resolve(source);
  await assertGguf(resolved);
  await mkdir(modelsDir, { recursive: true });
  const name = path.basename(resolved);
  const target = path.join(modelsDir, name);
  if (resolved !== target) await copyFile(resolved, target);
  return name;
}

export function modelIdFromFile(file: string): string {
  return path
    .basename(file, '.gguf')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The hub's SHA-256 of a file (Git LFS object id), fetched over TLS from its API. */
async function hubChecksum(entry: DownloadEntry): Promise<string | undefined> {
  const response = await request(`${HUB}/api/models/${entry.repo}/tree/main`, { dispatcher: following, headersTimeout: 30_000 });
  if (response.statusCode >= 400) return undefined;
  const files = (await response.body.json()) as { path: string; lfs?: { oid: string } }[];
  return files.find((file) => file.path === entry.file)?.lfs?.oid;
}

export type PullTarget = { url: string; file: string; sha256: string | undefined; entry?: DownloadEntry };

export async function resolvePullTarget(name: string | undefined, url: string | undefined, sha256: string | undefined): Promise<PullTarget> {
  if (url) return { url, file: path.basename(new URL(url).pathname), sha256 };
  const entry = knownDownloads.find((candidate) => candidate.name === name);
  if (!entry) throw new ServiceError('NOT_FOUND', fileMessages.unknownName(name ?? ''), { reason: 'unknown_model_name' });
  return { url: `${HUB}/${entry.repo}/resolve/main/${entry.file}`, file: entry.file, sha256: sha256 ?? entry.sha256 ?? (await hubChecksum(entry)), entry };
}

/** Streams the download to a temporary file, hashing as it goes; only a verified file gets its final name. */
export async function downloadModel(target: PullTarget, modelsDir: string, onProgress: (received: number, total: number | undefined) => void = () => undefined): Promise<string> {
  if (!target.sha256) throw new ServiceError('VALIDATION', fileMessages.noChecksum, { reason: 'checksum_unknown' });
  await mkdir(modelsDir, { recursive: true });
  const partial = path.join(modelsDir, `${target.file}.part`);
  const final = path.join(modelsDir, target.file);
  const hash = createHash('sha256');
  try {
    const response = await request(target.url, { dispatcher: following, headersTimeout: 60_000, bodyTimeout: 120_000 });
    if (response.statusCode >= 400) throw new ServiceError('UPSTREAM', fileMessages.download(`HTTP ${response.statusCode}`), { reason: 'download_failed' });
    const total = Number(response.headers['content-length']) || undefined;
    let received = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        received += chunk.length;
        onProgress(received, total);
        callback(null, chunk);
      },
    });
    await pipeline(response.body, meter, createWriteStream(partial));
  } catch (error) {
    await rm(partial, { force: true });
    if (error instanceof ServiceError) throw error;
    throw new ServiceError('UPSTREAM', fileMessages.download((error as Error).message), { reason: 'download_failed' });
  }
  const actual = hash.digest('hex');
  if (actual !== target.sha256.toLowerCase()) {
    await rm(partial, { force: true });
    throw new ServiceError('VALIDATION', fileMessages.checksum(target.sha256, actual), { reason: 'checksum_mismatch' });
  }
  await rename(partial, final);
  await assertGguf(final);
  return target.file;
}

export async function fileSize(file: string): Promise<number> {
  return (await stat(file)).size;
}
