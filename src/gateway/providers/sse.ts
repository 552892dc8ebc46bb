import type { Readable } from 'node:stream';

/**
 * Splits a byte stream of server-sent events into the `data:` payloads of each event.
 * Handles events split across chunks, CRLF line endings and multi-line data fields.
 */
export async function* readSseData(body: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of body) {
    buffer += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let boundary = findBoundary(buffer);
    while (boundary) {
      const event = buffer.slice(0, boundary.index);
      buffer = buffer.slice(boundary.index + boundary.length);
      const data = dataOf(event);
      if (data !== undefined) yield data;
      boundary = findBoundary(buffer);
    }
  }
  buffer += decoder.decode();
  const data = dataOf(buffer);
  if (data !== undefined && buffer.trim()) yield data;
}

function findBoundary(buffer: string): { index: number; length: number } | undefined {
  const lf = buffer.indexOf('\n\n');
  const crlf = buffer.indexOf('\r\n\r\n');
  if (lf === -1 && crlf === -1) return undefined;
  if (crlf !== -1 && (lf === -1 || crlf < lf)) return { index: crlf, length: 4 };
  return { index: lf, length: 2 };
}

function dataOf(event: string): string | undefined {
  // The usual event: one data line (every chunk of a stream goes through here).
  if (event.startsWith('data:') && !event.includes('\n')) return dataValue(event);
  const lines = event.split(/\r?\n/).filter((line) => line.startsWith('data:'));
  if (lines.length === 0) return undefined;
  return lines.map(dataValue).join('\n');
}

/** A `data:` line's value: one space after the colon belongs to the field syntax, not the value. */
function dataValue(line: string): string {
  return line.slice(line.startsWith('data: ') ? 6 : 5);
}

/**
 * The events of an upstream response body. Stopping at the provider's end marker leaves the body open
 * for `releaseBody`, instead of tearing it down (which costs an AbortError with its stack trace on every
 * request and can lose the keep-alive connection).
 */
export function readUpstreamSse(body: Readable): AsyncGenerator<string> {
  return readSseData({ [Symbol.asyncIterator]: () => body.iterator({ destroyOnReturn: false }) });
}

/** After a stream: a complete one is drained so its connection is reused; any other is torn down. */
export function releaseBody(body: Readable, complete: boolean): void {
  // Nobody reads the body any more; a late error (idle timeout, reset) has nowhere else to go.
  body.on('error', () => undefined);
  if (complete) body.resume();
  else body.destroy();
}
