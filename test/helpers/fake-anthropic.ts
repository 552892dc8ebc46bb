import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local server speaking Anthropic's Messages API (plain and streamed events), recording requests. */
export async function startFakeAnthropic(): Promise<{ url: string; requests: Record<string, unknown>[]; close(): Promise<void> }> {
  const requests: Record<string, unknown>[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { messages: { content: { text?: string }[] }[]; stream?: boolean; tools?: unknown[] };
      requests.push({ ...body, headers: request.headers });
      if (request.headers['x-api-key'] !== 'sk-ant-test') {
        response.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } }));
        return;
      }
      const question = body.messages.at(-1)?.content.map((block) => block.text ?? '').join('') ?? '';
      const answer = `Antwort auf: ${question}`;
      if (body.tools?.length) {
        response.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({ id: 'msg_tool', type: 'message', role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_1', name: 'suche', input: { begriff: 'Haushalt' } }], stop_reason: 'tool_use', usage: { input_tokens: 12, output_tokens: 7 } }),
        );
        return;
      }
      if (!body.stream) {
        response.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({ id: 'msg_1', type: 'message', role: 'assistant', content: [{ type: 'text', text: answer }], stop_reason: 'end_turn', usage: { input_tokens: 10, output_tokens: 5 } }),
        );
        return;
      }
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      const send = (event: string, data: unknown) => response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      send('message_start', { type: 'message_start', message: { id: 'msg_2', usage: { input_tokens: 10, output_tokens: 1 } } });
      send('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } });
      for (const piece of answer.match(/\S+\s*/g) ?? []) send('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: piece } });
      send('content_block_stop', { type: 'content_block_stop', index: 0 });
      send('message_delta', { type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 4 } });
      send('message_stop', { type: 'message_stop' });
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
