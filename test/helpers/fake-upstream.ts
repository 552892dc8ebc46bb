import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';

/**
 * A real OpenAI-compatible HTTP server for tests and benchmarks. Each upstream model name can be given
 * a script: what to answer, how fast, and how to fail (status, slow start, cut-off, malformed chunk).
 */
export type Script = {
  /** The answer text; default: "Echo: <last user message>". */
  reply?: (body: ChatBody) => string;
  /** Pause after each streamed word (one chunk per word); a non-streaming answer waits for all of them, as generation takes that long. */
  chunkDelayMs?: number;
  firstByteDelayMs?: number;
  status?: number;
  /** Fail with `status` only for the first n requests, then answer normally. */
  failTimes?: number;
  /** Stream: close the connection after this many chunks, without [DONE]. */
  cutAfterChunks?: number;
  /** Stream: send an invalid JSON chunk after this many chunks. */
  malformedAfterChunks?: number;
  omitUsage?: boolean;
  toolCall?: { name: string; arguments: string };
};

export type ChatBody = { model: string; messages: { role: string; content: unknown }[]; stream?: boolean; [key: string]: unknown };

export type FakeUpstream = {
  url: string;
  requests: { path: string; body: ChatBody; headers: http.IncomingHttpHeaders }[];
  /** Connections the client closed before the answer was complete. */
  aborted: number;
  script(model: string, script: Script): void;
  reset(): void;
  close(): Promise<void>;
};

function lastUser(body: ChatBody): string {
  const user = [...body.messages].reverse().find((message) => message.role === 'user');
  return typeof user?.content === 'string' ? user.content : JSON.stringify(user?.content ?? '');
}

export function deterministicEmbedding(text: string, dimensions = 8): number[] {
  const digest = createHash('sha256').update(text).digest();
  return Array.from({ length: dimensions }, (_, index) => (digest[index]! - 128) / 128);
}

/** A 256×256 PNG whose colours follow the prompt: what the images endpoint "generates". */
export async function generatedPicture(prompt: string): Promise<Buffer> {
  const digest = createHash('sha256').update(prompt).digest('hex');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256"><rect width="256" height="256" fill="#${digest.slice(0, 6)}"/><circle cx="128" cy="110" r="60" fill="#${digest.slice(6, 12)}"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startFakeUpstream(options: { record?: boolean } = {}): Promise<FakeUpstream> {
  const record = options.record ?? true;
  const scripts = new Map<string, Script>();
  const failures = new Map<string, number>();
  const state: Pick<FakeUpstream, 'requests' | 'aborted'> = { requests: [], aborted: 0 };

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => void handle(request, response, Buffer.concat(chunks).toString('utf8')));
  });

  async function handle(request: http.IncomingMessage, response: http.ServerResponse, raw: string): Promise<void> {
    const path = request.url ?? '';
    if (request.method === 'GET' && path.endsWith('/models')) {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ object: 'list', data: [...scripts.keys()].map((id) => ({ id })) }));
      return;
    }
    const body = JSON.parse(raw || '{}') as ChatBody;
    if (record) state.requests.push({ path, body, headers: request.headers });
    const script = scripts.get(body.model) ?? {};
    let closed = false;
    response.on('close', () => {
      if (!response.writableFinished) {
        closed = true;
        state.aborted++;
      }
    });
    if (script.firstByteDelayMs) await wait(script.firstByteDelayMs);
    if (closed) return;
    const failed = failures.get(body.model) ?? 0;
    if (script.status && (script.failTimes === undefined || failed < script.failTimes)) {
      failures.set(body.model, failed + 1);
      response.writeHead(script.status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: `scripted failure ${script.status}`, type: 'server_error' } }));
      return;
    }
    if (path.endsWith('/embeddings')) {
      const inputs = Array.isArray(body.input) ? (body.input as string[]) : [body.input as string];
      response.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          object: 'list',
          model: body.model,
          data: inputs.map((input, index) => ({ object: 'embedding', index, embedding: deterministicEmbedding(String(input)) })),
          usage: { prompt_tokens: inputs.join(' ').split(/\s+/).length, total_tokens: inputs.join(' ').split(/\s+/).length },
        }),
      );
      return;
    }
    if (path.endsWith('/images/generations')) {
      const png = await generatedPicture(String(body.prompt ?? ''));
      const data = Array.from({ length: typeof body.n === 'number' ? body.n : 1 }, () => ({ b64_json: png.toString('base64') }));
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ created: 1_700_000_000, data }));
      return;
    }
    const text = script.reply ? script.reply(body) : `Echo: ${lastUser(body)}`;
    const usage = { prompt_tokens: JSON.stringify(body.messages).length >> 2, completion_tokens: text.split(/\s+/).length, total_tokens: 0 };
    usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;
    const id = `chatcmpl-fake-${state.requests.length}`;
    const created = 1_700_000_000;
    const pieces = text.match(/\S+\s*/g) ?? [text];
    if (!body.stream) {
      // A model server answers a non-streaming request once the whole answer is generated: the same time
      // the stream of it takes.
      if (script.chunkDelayMs) await wait(script.chunkDelayMs * pieces.length);
      if (closed) return;
      const message = script.toolCall
        ? { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: script.toolCall }] }
        : { role: 'assistant', content: text };
      response.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({ id, object: 'chat.completion', created, model: body.model, choices: [{ index: 0, message, finish_reason: script.toolCall ? 'tool_calls' : 'stop' }], ...(script.omitUsage ? {} : { usage }) }),
      );
      return;
    }
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const send = (payload: unknown) => response.write(`data: ${typeof payload === 'string' ? payload : JSON.stringify(payload)}\n\n`);
    const chunk = (delta: unknown, finish: string | null = null) => ({ id, object: 'chat.completion.chunk', created, model: body.model, choices: [{ index: 0, delta, finish_reason: finish }] });
    send(chunk({ role: 'assistant', content: '' }));
    for (const [index, piece] of pieces.entries()) {
      if (closed) return;
      if (script.cutAfterChunks !== undefined && index >= script.cutAfterChunks) {
        // Let the chunks sent so far arrive before the connection dies, as a real crash mid-answer would.
        await wait(50);
        response.socket?.destroy();
        return;
      }
      if (script.malformedAfterChunks !== undefined && index >= script.malformedAfterChunks) {
        send('{"this is": not json');
        response.end();
        return;
      }
      send(chunk({ content: piece }));
      if (script.chunkDelayMs) await wait(script.chunkDelayMs);
    }
    send(chunk({}, 'stop'));
    const options = body.stream_options as { include_usage?: boolean } | undefined;
    if (options?.include_usage && !script.omitUsage) send({ id, object: 'chat.completion.chunk', created, model: body.model, choices: [], usage });
    send('[DONE]');
    response.end();
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.keepAliveTimeout = 60_000;
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return {
    url,
    get requests() {
      return state.requests;
    },
    get aborted() {
      return state.aborted;
    },
    script: (model, script) => {
      scripts.set(model, script);
      failures.delete(model);
    },
    reset: () => {
      scripts.clear();
      failures.clear();
      state.requests = [];
      state.aborted = 0;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
