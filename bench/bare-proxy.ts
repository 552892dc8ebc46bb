import { createServer } from 'node:http';
import { Agent, request } from 'undici';

/**
 * The floor of any gateway written in Node: a pass-through proxy that reads the request, sends it to the
 * upstream (undici, keep-alive) and pipes the answer back — no authentication, policy, metering or
 * parsing. The benchmark runs it beside Leitplanke, so the report shows how much of the gap to "direct"
 * is the extra HTTP hop on the same cores and how much is Leitplanke's own work.
 */
const upstreamUrl = process.env.BENCH_UPSTREAM_URL!;
const dispatcher = new Agent({ connections: 256, keepAliveTimeout: 30_000 });

const server = createServer(async (incoming, outgoing) => {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  try {
    const upstream = await request(`${upstreamUrl}${incoming.url!.replace(/^\/v1/, '')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: Buffer.concat(chunks),
      dispatcher,
    });
    outgoing.writeHead(upstream.statusCode, { 'content-type': String(upstream.headers['content-type'] ?? 'application/json') });
    for await (const chunk of upstream.body) outgoing.write(chunk);
    outgoing.end();
  } catch (error) {
    // A failure after the status line went out can only end the connection.
    if (outgoing.headersSent) outgoing.destroy(error as Error);
    else outgoing.writeHead(502).end(String(error));
  }
});
server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/v1\n`);
});
