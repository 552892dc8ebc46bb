import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdminCommand } from '../../src/cli/admin-commands.js';
import { createGatewayFixture, type GatewayFixture } from '../helpers/gateway-fixture.js';
import { writeTinyGguf } from '../helpers/tiny-gguf.js';

let f: GatewayFixture;
let ggufPath: string;
let fileServer: http.Server;
let fileUrl: string;

beforeAll(async () => {
  f = await createGatewayFixture();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'leitplanke-gguf-'));
  ggufPath = path.join(dir, 'Tiny-Test-Model.gguf');
  writeTinyGguf(ggufPath);
  // A local "model hub": serves the file over HTTP like a download mirror would.
  fileServer = http.createServer((_request, response) => response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(readFileSync(ggufPath)));
  await new Promise<void>((resolve) => fileServer.listen(0, '127.0.0.1', resolve));
  fileUrl = `http://127.0.0.1:${(fileServer.address() as AddressInfo).port}/pulled-tiny.gguf`;
});
afterAll(async () => {
  await f.closeAll();
  await new Promise((resolve) => fileServer.close(resolve));
});

describe('embedded llama.cpp models', () => {
  it('adds a GGUF file and streams its tokens through /v1/chat/completions', async () => {
    const model = (await runAdminCommand(f.services, 'models.add', { path: ggufPath, status: 'approved' })) as { id: string };
    expect(model.id).toBe('tiny-test-model');
    expect(existsSync(path.join(f.services.config.models_dir, 'Tiny-Test-Model.gguf'))).toBe(true);
    const listed = await f.client().models.list();
    expect(listed.data.map((entry) => entry.id)).toContain('tiny-test-model');

    const stream = await f.client().chat.completions.create({ model: 'tiny-test-model', max_tokens: 12, temperature: 0, messages: [{ role: 'user', content: 'Hallo Partei' }], stream: true });
    const deltas: string[] = [];
    let usage: { completion_tokens: number } | null | undefined;
    for await (const chunk of stream) {
      if (chunk.choices[0]?.delta.content) deltas.push(chunk.choices[0].delta.content);
      if (chunk.usage) usage = chunk.usage;
    }
    expect(deltas.length).toBeGreaterThan(1);
    expect(usage!.completion_tokens).toBeGreaterThan(0);
    expect(usage!.completion_tokens).toBeLessThanOrEqual(12);
  });

  it('embeds text with a local embedding model', async () => {
    await runAdminCommand(f.services, 'models.add', { path: ggufPath, id: 'tiny-embed', kind: 'embedding', status: 'approved' });
    const result = await f.client().embeddings.create({ model: 'tiny-embed', input: 'Verkehrswende im ländlichen Raum' });
    expect(result.data[0]!.embedding).toHaveLength(64);
  });

  it('refuses a file that is not GGUF', async () => {
    const fake = path.join(mkdtempSync(path.join(os.tmpdir(), 'leitplanke-bad-')), 'model.gguf');
    writeFileSync(fake, 'not a model');
    await expect(runAdminCommand(f.services, 'models.add', { path: fake })).rejects.toMatchObject({ code: 'VALIDATION', reason: 'not_gguf' });
  });

  it('pulls a model over HTTP and verifies its SHA-256', async () => {
    const sha256 = createHash('sha256').update(readFileSync(ggufPath)).digest('hex');
    const model = (await runAdminCommand(f.services, 'models.pull', { url: fileUrl, sha256 })) as { id: string; status: string };
    expect(model).toMatchObject({ id: 'pulled-tiny', status: 'candidate' });
    expect(existsSync(path.join(f.services.config.models_dir, 'pulled-tiny.gguf'))).toBe(true);
  });

  it('discards a download whose checksum does not match', async () => {
    const wrongUrl = fileUrl.replace('pulled-tiny', 'tampered');
    await expect(runAdminCommand(f.services, 'models.pull', { url: wrongUrl, sha256: '0'.repeat(64) })).rejects.toMatchObject({ reason: 'checksum_mismatch' });
    expect(existsSync(path.join(f.services.config.models_dir, 'tampered.gguf'))).toBe(false);
    expect(existsSync(path.join(f.services.config.models_dir, 'tampered.gguf.part'))).toBe(false);
  });
});
