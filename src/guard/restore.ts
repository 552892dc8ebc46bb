/** Placeholder → original value; lives only inside Leitplanke for one request and is never logged. */
export type PseudonymMapping = ReadonlyMap<string, string>;

/** Every placeholder the guard issues has this shape: `[PERSON_1]`, `[TAX_ID_12]`. */
export const placeholderShape = /\[[A-Z][A-Z_]*_\d+\]/g;

/** Puts the original values back; text that merely looks like a placeholder but is not in the mapping stays. */
export function restore(text: string, mapping: PseudonymMapping): string {
  if (mapping.size === 0 || !text.includes('[')) return text;
  return text.replace(placeholderShape, (placeholder) => mapping.get(placeholder) ?? placeholder);
}

export type StreamRestorer = { push(chunk: string): string; flush(): string };

/**
 * Restores a streamed answer chunk by chunk. Only a tail that is still the beginning of a known placeholder
 * (e.g. `[PERS`) is held back until the next chunk decides it, so the output lags by at most one placeholder.
 */
export function createStreamRestorer(mapping: PseudonymMapping): StreamRestorer {
  const prefixes = new Set<string>();
  for (const placeholder of mapping.keys()) {
    for (let length = 1; length < placeholder.length; length++) prefixes.add(placeholder.slice(0, length));
  }
  let pending = '';
  return {
    push(chunk) {
      const text = pending + chunk;
      const open = text.lastIndexOf('[');
      const holdFrom = open !== -1 && prefixes.has(text.slice(open)) ? open : text.length;
      pending = text.slice(holdFrom);
      return restore(text.slice(0, holdFrom), mapping);
    },
    flush() {
      const rest = pending;
      pending = '';
      return restore(rest, mapping);
    },
  };
}
