import { expect } from 'vitest';
import { cliCaller } from '../../src/cli/admin-commands.js';
import type { ConfigInput } from '../../src/core/config.js';
import { createGatewayFixture, type GatewayFixture } from '../helpers/gateway-fixture.js';
import { makeOrg, type Session } from '../helpers/test-app.js';

export const EMBEDDING_MODEL = 'embed-small';
export const CHAT_MODEL = 'chat-small';

/** A listening Leitplanke with an embedding and a chat model on the fake upstream, the job queue running, and an organisation using both. */
export async function knowledgeFixture(slug: string, overrides: Partial<ConfigInput> = {}): Promise<{ f: GatewayFixture; orgId: string }> {
  const f = await createGatewayFixture({ seed_catalogue: false, ...overrides });
  await f.addModel(EMBEDDING_MODEL, { kind: 'embedding' });
  await f.addModel(CHAT_MODEL);
  const orgId = (await makeOrg(f.services, slug)).id;
  await f.services.knowledge.updateSettings(cliCaller(), orgId, { embeddingModel: EMBEDDING_MODEL, answerModel: CHAT_MODEL });
  await f.services.jobs.start();
  return { f, orgId };
}

export type DocumentRow = { id: string; status: string; title: string; format: string; pageCount: number | null; chunkCount: number; error: string | null; jobId: string };

export async function createCollection(session: Session, orgId: string, name: string, scope: 'organisation' | 'personal' = 'organisation'): Promise<string> {
  const response = await session.request('POST', `/api/orgs/${orgId}/knowledge/collections`, { name, scope });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string }>().id;
}

/** Uploads through the API and waits for the ingestion job; returns the documents as the collection lists them. */
export async function uploadAndIngest(f: GatewayFixture, session: Session, collectionId: string, files: { filename: string; bytes: Buffer }[]): Promise<DocumentRow[]> {
  const response = await session.request('POST', `/api/knowledge/collections/${collectionId}/documents`, {
    files: files.map((file) => ({ filename: file.filename, contentBase64: file.bytes.toString('base64') })),
  });
  expect(response.statusCode, response.body).toBe(202);
  const { jobId, documents } = response.json<{ jobId: string; documents: { id: string }[] }>();
  const job = await f.services.jobs.waitFor(jobId, 60_000);
  expect(job.status).toBe('succeeded');
  const listed = (await session.request('GET', `/api/knowledge/collections/${collectionId}`)).json<{ documents: DocumentRow[] }>();
  return documents.map((document) => listed.documents.find((row) => row.id === document.id)!);
}
