import { describe, expect, it } from 'vitest';
import { readSseData } from './sse.js';

async function collect(chunks: string[]): Promise<string[]> {
  async function* source() {
    for (const chunk of chunks) yield new TextEncoder().encode(chunk);
  }
  const out: string[] = [];
  for await (const data of readSseData(source())) out.push(data);
  return out;
}

describe('readSseData', () => {
  it('yields each event once, however the bytes are split', async () => {
    const stream = 'data: {"a":1}\n\ndata: {"b":2}\n\ndata: [DONE]\n\n';
    for (let size = 1; size <= stream.length; size++) {
      const chunks = stream.match(new RegExp(`[\\s\\S]{1,${size}}`, 'g'))!;
      expect(await collect(chunks)).toEqual(['{"a":1}', '{"b":2}', '[DONE]']);
    }
  });

  it('handles CRLF, comments and multi-line data', async () => {
    expect(await collect([': keep-alive\r\n\r\ndata: x\r\ndata: y\r\n\r\n'])).toEqual(['x\ny']);
  });

  it('reads data with or without the space after the colon, and skips events without data', async () => {
    expect(await collect(['data:{"a":1}\n\nid: 7\n\nevent: ping\n\ndata:  two spaces\n\nevent: message\ndata: z\n\n'])).toEqual(['{"a":1}', ' two spaces', 'z']);
  });

  it('keeps a multi-byte character split across chunks intact', async () => {
    const bytes = new TextEncoder().encode('data: Grüße\n\n');
    async function* source() {
      yield bytes.slice(0, 9);
      yield bytes.slice(9);
    }
    const out: string[] = [];
    for await (const data of readSseData(source())) out.push(data);
    expect(out).toEqual(['Grüße']);
  });
});
