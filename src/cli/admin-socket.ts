import { chmodSync, existsSync, rmSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ServiceError } from '../core/errors.js';
import { text } from '../core/l10n.js';
import type { Services } from '../server/compose.js';
import { toServiceError } from '../server/problem.js';
import { cliCaller, runAdminCommand } from './admin-commands.js';

export function adminSocketPath(dataDir: string): string {
  return path.join(dataDir, 'admin.sock');
}

/** A Unix socket (mode 0600) in the data folder through which the CLI reaches the running server. */
export async function startAdminSocket(services: Services, socketPath: string): Promise<() => Promise<void>> {
  if (existsSync(socketPath)) rmSync(socketPath);
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      void (async () => {
        try {
          const { command, input, requestId } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
            command: string;
            input: unknown;
            requestId?: string;
          };
          const output = await runAdminCommand(services, command, input, cliCaller(requestId));
          response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, output }));
        } catch (error) {
          const problem = toServiceError(error);
          if (problem.code === 'INTERNAL') services.logger.error({ err: error }, 'admin socket command failed');
          response
            .writeHead(200, { 'content-type': 'application/json' })
            .end(JSON.stringify({ ok: false, code: problem.code, reason: problem.reason, detail: problem.detail, fields: problem.fields }));
        }
      })();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => resolve());
  });
  chmodSync(socketPath, 0o600);
  return () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      rmSync(socketPath, { force: true });
    });
}

/** Sends a command to a running server; undefined when no server listens on the socket. */
export async function callAdminSocket(socketPath: string, command: string, input: unknown): Promise<{ output: unknown } | undefined> {
  if (!existsSync(socketPath)) return undefined;
  const body = JSON.stringify({ command, input, requestId: `cli-${process.pid}` });
  const reply = await new Promise<string | undefined>((resolve, reject) => {
    const request = http.request({ socketPath, path: '/', method: 'POST', headers: { 'content-type': 'application/json' } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNREFUSED' || error.code === 'ENOENT') resolve(undefined);
      else reject(error);
    });
    request.end(body);
  });
  if (reply === undefined) return undefined;
  const parsed = JSON.parse(reply) as { ok: boolean; output?: unknown; code?: string; reason?: string; detail?: { de: string; en: string }; fields?: [] };
  if (parsed.ok) return { output: parsed.output };
  throw new ServiceError((parsed.code ?? 'INTERNAL') as never, parsed.detail ?? text('Fehler', 'Error'), {
    ...(parsed.reason ? { reason: parsed.reason } : {}),
    fields: parsed.fields ?? [],
  });
}

