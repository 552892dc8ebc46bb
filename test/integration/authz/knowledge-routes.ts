import type { Caller } from '../../../src/identity/principal.js';
import { systemCaller } from '../../../src/identity/principal.js';
import { knowledgeChunks } from '../../../src/knowledge/schema.js';
import { makeUser } from '../../helpers/test-app.js';
import { holdsAtA, type Fixture, type PrincipalSpec } from './fixtures.js';
import type { RouteCase } from './route-case.js';

const system = systemCaller('authz-knowledge');
const readers = (spec: PrincipalSpec) => holdsAtA(spec, ['member', 'staff', 'reviewer', 'dpo', 'admin']);
const managers = (spec: PrincipalSpec) => holdsAtA(spec, ['staff', 'admin']);
const settings = (spec: PrincipalSpec) => holdsAtA(spec, ['admin', 'dpo']);
/** Who cannot see a collection gets 404 (its existence stays hidden); who sees it but may not change it, 403. */
const hiddenOrForbidden = (spec: PrincipalSpec) => (readers(spec) ? 403 : 404);
const nobody = () => false;

const text = (value: string) => Buffer.from(value).toString('base64');

async function collectionOfA(f: Fixture) {
  const collection = await f.t.services.knowledge.collections.create(system, f.A.id, { name: 'Authz-Sammlung', scope: 'organisation' });
  return { collection: collection.id };
}

async function documentOfA(f: Fixture) {
  const { collection } = await collectionOfA(f);
  const { documents } = await f.t.services.knowledge.collections.upload(system, collection, [{ filename: 'satzung.txt', bytes: Buffer.from('1 Name\n\nDer Verband heißt Authz.') }]);
  return { collection, document: documents[0]!.id };
}

/** A passage of A's document, stored as ingestion stores it (the job queue does not run in the matrix). */
async function passageOfA(f: Fixture) {
  const { collection, document } = await documentOfA(f);
  const [chunk] = await f.t.services.database.db.insert(knowledgeChunks).values({ documentId: document, collectionId: collection, ordinal: 0, section: '1 Name', text: 'Der Verband heißt Authz.' }).returning({ id: knowledgeChunks.id });
  return { chunk: chunk!.id };
}

/**
 * An analysis of a staff member of A. Analyses belong to whoever started them: nobody else sees them,
 * not even A's or the root's administrators (every principal here gets 404).
 */
const runs = new WeakMap<Fixture, Promise<{ run: string }>>();
function strangersRun(f: Fixture) {
  let pending = runs.get(f);
  if (!pending) {
    pending = (async () => {
      const user = await makeUser(f.t.services, f.A.id, ['staff']);
      const caller: Caller = {
        principal: { kind: 'user', userId: user.id, email: user.email, displayName: 'Fremd', locale: 'de', grants: [{ orgId: f.A.id, role: 'staff' }] },
        actor: { type: 'user', id: user.id, label: user.email },
        requestId: 'authz-knowledge',
        locale: 'de',
      };
      const run = await f.t.services.knowledge.structuring.create(caller, f.A.id, { name: 'Fremde Auswertung', method: 'terms', summaryModel: null, files: [{ filename: 'a.csv', bytes: Buffer.from('id;text\n1;Mehr Radwege\n2;Mehr Busse\n') }] });
      return { run: run.id };
    })();
    runs.set(f, pending);
  }
  return pending;
}

const org = (f: Fixture) => `/api/orgs/${f.A.id}`;

export const knowledgeRouteCases: RouteCase[] = [
  { route: 'GET /api/orgs/{orgId}/knowledge/collections', access: readers, request: (f) => ({ url: `${org(f)}/knowledge/collections` }) },
  { route: 'POST /api/orgs/{orgId}/knowledge/collections', access: managers, request: (f) => ({ url: `${org(f)}/knowledge/collections`, payload: { name: 'Satzungen', scope: 'organisation' } }) },
  { route: 'GET /api/knowledge/collections/{collectionId}', access: readers, deniedStatus: 404, prepare: collectionOfA, request: (_f, p) => ({ url: `/api/knowledge/collections/${p.collection}` }) },
  {
    route: 'PATCH /api/knowledge/collections/{collectionId}',
    access: managers,
    deniedStatus: hiddenOrForbidden,
    prepare: collectionOfA,
    request: (_f, p) => ({ url: `/api/knowledge/collections/${p.collection}`, payload: { name: 'Umbenannt' } }),
  },
  { route: 'DELETE /api/knowledge/collections/{collectionId}', access: managers, deniedStatus: hiddenOrForbidden, prepare: collectionOfA, request: (_f, p) => ({ url: `/api/knowledge/collections/${p.collection}` }) },
  {
    route: 'POST /api/knowledge/collections/{collectionId}/documents',
    access: managers,
    deniedStatus: hiddenOrForbidden,
    prepare: collectionOfA,
    expectAllowed: [202],
    request: (_f, p) => ({ url: `/api/knowledge/collections/${p.collection}/documents`, payload: { files: [{ filename: 'notiz.md', contentBase64: text('# Notiz\n\nText.') }] } }),
  },
  { route: 'GET /api/knowledge/documents/{documentId}', access: readers, deniedStatus: 404, prepare: documentOfA, request: (_f, p) => ({ url: `/api/knowledge/documents/${p.document}` }) },
  { route: 'GET /api/knowledge/documents/{documentId}/file', access: readers, deniedStatus: 404, prepare: documentOfA, request: (_f, p) => ({ url: `/api/knowledge/documents/${p.document}/file` }) },
  { route: 'DELETE /api/knowledge/documents/{documentId}', access: managers, deniedStatus: hiddenOrForbidden, prepare: documentOfA, request: (_f, p) => ({ url: `/api/knowledge/documents/${p.document}` }) },
  { route: 'GET /api/knowledge/passages/{chunkId}', access: readers, deniedStatus: 404, prepare: passageOfA, request: (_f, p) => ({ url: `/api/knowledge/passages/${p.chunk}` }) },
  { route: 'POST /api/orgs/{orgId}/knowledge/search', access: readers, request: (f) => ({ url: `${org(f)}/knowledge/search`, payload: { query: 'Name des Verbands' } }) },
  // No passage matches, so the answer says so without calling the model.
  { route: 'POST /api/orgs/{orgId}/knowledge/answer', access: readers, request: (f) => ({ url: `${org(f)}/knowledge/answer`, payload: { question: 'Xylophonquartett Zwetschgenröster', model: 'authz-model' } }) },
  { route: 'GET /api/orgs/{orgId}/knowledge/settings', access: readers, request: (f) => ({ url: `${org(f)}/knowledge/settings` }) },
  { route: 'PUT /api/orgs/{orgId}/knowledge/settings', access: settings, request: (f) => ({ url: `${org(f)}/knowledge/settings`, payload: { answerModel: null } }) },
  { route: 'GET /api/orgs/{orgId}/structuring/runs', access: managers, request: (f) => ({ url: `${org(f)}/structuring/runs` }) },
  {
    route: 'POST /api/orgs/{orgId}/structuring/runs',
    access: managers,
    expectAllowed: [202],
    request: (f) => ({ url: `${org(f)}/structuring/runs`, payload: { name: 'Umfrage', method: 'terms', summaryModel: null, files: [{ filename: 'umfrage.csv', contentBase64: text('id;antwort\n1;Mehr Radwege\n2;Mehr Busse\n3;Günstigere Mieten\n') }] } }),
  },
  { route: 'GET /api/structuring/runs/{runId}', access: nobody, deniedStatus: 404, prepare: strangersRun, request: (_f, p) => ({ url: `/api/structuring/runs/${p.run}` }) },
  { route: 'GET /api/structuring/runs/{runId}/clusters/{cluster}', access: nobody, deniedStatus: 404, prepare: strangersRun, request: (_f, p) => ({ url: `/api/structuring/runs/${p.run}/clusters/1` }) },
  { route: 'GET /api/structuring/runs/{runId}/export', access: nobody, deniedStatus: 404, prepare: strangersRun, request: (_f, p) => ({ url: `/api/structuring/runs/${p.run}/export?format=csv` }) },
  { route: 'DELETE /api/structuring/runs/{runId}', access: nobody, deniedStatus: 404, prepare: strangersRun, request: (_f, p) => ({ url: `/api/structuring/runs/${p.run}` }) },
];
