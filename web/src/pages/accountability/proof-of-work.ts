import { searchNonce } from './sha256';

/**
 * Finds the nonce for the complaint form's challenge in a Web Worker; where workers are unavailable,
 * in small slices on the main thread that yield between them, so the page stays responsive.
 */
export function solveChallenge(challenge: string, bits: number, signal?: AbortSignal): Promise<string> {
  if (typeof Worker !== 'undefined') {
    return new Promise((resolve, reject) => {
      const worker = new Worker(new URL('./pow-worker.ts', import.meta.url), { type: 'module' });
      signal?.addEventListener('abort', () => {
        worker.terminate();
        reject(new DOMException('aborted', 'AbortError'));
      });
      worker.onmessage = (event: MessageEvent<{ nonce?: string }>) => {
        if (event.data.nonce === undefined) return;
        worker.terminate();
        resolve(event.data.nonce);
      };
      worker.onerror = (event) => {
        worker.terminate();
        reject(new Error(event.message || 'worker failed'));
      };
      worker.postMessage({ challenge, bits });
    });
  }
  return (async () => {
    const step = 2_000;
    for (let from = 0; ; from += step) {
      if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
      const nonce = searchNonce(challenge, bits, from, step);
      if (nonce !== undefined) return nonce;
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  })();
}
