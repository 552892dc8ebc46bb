import { searchNonce } from './sha256';

/** Solves a proof-of-work challenge off the main thread, reporting progress now and then. */
self.onmessage = (event: MessageEvent<{ challenge: string; bits: number }>) => {
  const { challenge, bits } = event.data;
  const step = 20_000;
  for (let from = 0; ; from += step) {
    const nonce = searchNonce(challenge, bits, from, step);
    if (nonce !== undefined) {
      self.postMessage({ nonce });
      return;
    }
    self.postMessage({ tried: from + step });
  }
};
