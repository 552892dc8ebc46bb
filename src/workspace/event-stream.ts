import type { FastifyReply, FastifyRequest } from 'fastify';
import { problemBody, toServiceError } from '../server/problem.js';

async function write(reply: FastifyReply, data: string): Promise<void> {
  if (!reply.raw.write(data)) await new Promise<void>((resolve) => reply.raw.once('drain', resolve));
}

/**
 * Streams events as server-sent events, one JSON object per `data:` line. Error events carry a problem
 * document (RFC 9457) in the caller's language instead of the raw error.
 */
export async function sendEventStream(request: FastifyRequest, reply: FastifyReply, signal: AbortSignal, events: AsyncGenerator<{ type: string; error?: unknown }>): Promise<void> {
  reply.hijack();
  reply.raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    'x-request-id': request.id,
  });
  try {
    for await (const event of events) {
      if (signal.aborted) break;
      const payload = 'error' in event ? { ...event, error: problemFor(request, event.error) } : event;
      await write(reply, `data: ${JSON.stringify(payload)}\n\n`);
    }
  } catch (error) {
    if (!signal.aborted) await write(reply, `data: ${JSON.stringify({ type: 'error', error: problemFor(request, error) })}\n\n`);
  } finally {
    reply.raw.end();
  }
}

function problemFor(request: FastifyRequest, error: unknown) {
  const problem = toServiceError(error);
  if (problem.code === 'INTERNAL') request.log.error({ err: error }, 'workspace stream failed');
  return problemBody(problem, request, request.locale);
}
