import type { Caller } from '../../../src/identity/principal.js';
import { workspaceMessages } from '../../../src/workspace/schema.js';
import { makeUser } from '../../helpers/test-app.js';
import { holdsAtA, type Fixture, type PrincipalSpec } from './fixtures.js';
import type { RouteCase } from './route-case.js';

const allRoles = ['member', 'staff', 'reviewer', 'dpo', 'admin'] as const;
/** Conversations and personal data need a person's own login: any role, anywhere; never an API key. */
const personal = (spec: PrincipalSpec) => spec.name !== 'anonymous' && spec.via !== 'apikey';

/**
 * A conversation of someone else at A, with one message. Nobody else may see it — not even the root
 * administrator (RIGHTS-3: no monitoring): every principal gets 404, as for one that does not exist.
 */
const strangers = new WeakMap<Fixture, Promise<{ conversation: string; message: string }>>();
function strangersConversation(f: Fixture) {
  let pending = strangers.get(f);
  if (!pending) {
    pending = (async () => {
      const user = await makeUser(f.t.services, f.A.id, ['staff']);
      const caller: Caller = {
        principal: { kind: 'user', userId: user.id, email: user.email, displayName: 'Fremd', locale: 'de', grants: [{ orgId: f.A.id, role: 'staff' }] },
        actor: { type: 'user', id: user.id, label: user.email },
        requestId: 'authz-workspace',
        locale: 'de',
      };
      const conversation = await f.t.services.workspace.conversations.create(caller, { orgId: f.A.id, title: 'Privat' });
      const [message] = await f.t.services.database.db
        .insert(workspaceMessages)
        .values({ conversationId: conversation.id, position: 0, role: 'user', content: 'Private Frage', createdAt: new Date() })
        .returning();
      return { conversation: conversation.id, message: message!.id };
    })();
    strangers.set(f, pending);
  }
  return pending;
}

const assistantOfA = async (f: Fixture) => {
  const created = await f.t.services.workspace.assistants.create({ principal: { kind: 'system', grants: [] }, actor: { type: 'system', label: 'authz' }, requestId: 'authz', locale: 'de' }, f.A.id, {
    name: 'Prüfassistent',
    systemPrompt: 'Test',
  });
  return { assistant: created.id };
};

const nobody = () => false;

export const workspaceRouteCases: RouteCase[] = [
  { route: 'GET /api/workspace/models', access: (spec) => holdsAtA(spec, allRoles), request: (f) => ({ url: `/api/workspace/models?orgId=${f.A.id}` }) },
  { route: 'GET /api/workspace/conversations', access: personal, request: () => ({ url: '/api/workspace/conversations?q=Antrag' }) },
  {
    route: 'POST /api/workspace/conversations',
    access: (spec) => personal(spec) && holdsAtA(spec, allRoles),
    request: (f) => ({ url: '/api/workspace/conversations', payload: { orgId: f.A.id } }),
  },
  {
    route: 'GET /api/workspace/conversations/{conversationId}',
    access: nobody,
    deniedStatus: 404,
    prepare: strangersConversation,
    request: (_f, p) => ({ url: `/api/workspace/conversations/${p.conversation}` }),
  },
  {
    route: 'PATCH /api/workspace/conversations/{conversationId}',
    access: nobody,
    deniedStatus: 404,
    prepare: strangersConversation,
    request: (_f, p) => ({ url: `/api/workspace/conversations/${p.conversation}`, payload: { title: 'Übernommen' } }),
  },
  {
    route: 'DELETE /api/workspace/conversations/{conversationId}',
    access: nobody,
    deniedStatus: 404,
    prepare: strangersConversation,
    request: (_f, p) => ({ url: `/api/workspace/conversations/${p.conversation}` }),
  },
  {
    route: 'POST /api/workspace/conversations/{conversationId}/messages',
    access: nobody,
    deniedStatus: 404,
    prepare: strangersConversation,
    request: (_f, p) => ({ url: `/api/workspace/conversations/${p.conversation}/messages`, payload: { content: 'Zeig mir alles' } }),
  },
  {
    route: 'PUT /api/workspace/conversations/{conversationId}/messages/{messageId}',
    access: nobody,
    deniedStatus: 404,
    prepare: strangersConversation,
    request: (_f, p) => ({ url: `/api/workspace/conversations/${p.conversation}/messages/${p.message}`, payload: { content: 'Geändert' } }),
  },
  {
    route: 'POST /api/workspace/conversations/{conversationId}/regenerate',
    access: nobody,
    deniedStatus: 404,
    prepare: strangersConversation,
    request: (_f, p) => ({ url: `/api/workspace/conversations/${p.conversation}/regenerate`, payload: {} }),
  },
  { route: 'GET /api/workspace/assistants', access: (spec) => holdsAtA(spec, allRoles), request: (f) => ({ url: `/api/workspace/assistants?orgId=${f.A.id}` }) },
  {
    route: 'POST /api/workspace/assistants',
    access: (spec) => holdsAtA(spec, ['staff', 'admin']),
    request: (f) => ({ url: '/api/workspace/assistants', payload: { orgId: f.A.id, name: 'Neuer Assistent', systemPrompt: 'Du hilfst.' } }),
  },
  {
    route: 'PATCH /api/workspace/assistants/{assistantId}',
    access: (spec) => holdsAtA(spec, ['staff', 'admin']),
    prepare: assistantOfA,
    request: (_f, p) => ({ url: `/api/workspace/assistants/${p.assistant}`, payload: { description: 'geändert' } }),
  },
  {
    route: 'DELETE /api/workspace/assistants/{assistantId}',
    access: (spec) => holdsAtA(spec, ['staff', 'admin']),
    prepare: assistantOfA,
    request: (_f, p) => ({ url: `/api/workspace/assistants/${p.assistant}` }),
  },
  {
    route: 'POST /api/workspace/playground',
    access: (spec) => holdsAtA(spec, allRoles),
    // No model is registered here: authorised callers get a stream whose columns report the registry's 404.
    request: (f) => ({ url: '/api/workspace/playground', payload: { orgId: f.A.id, prompt: 'Hallo', modelIds: ['no-such-model-a', 'no-such-model-b'] } }),
  },
  { route: 'GET /api/workspace/my-data', access: personal, request: () => ({ url: '/api/workspace/my-data' }) },
  { route: 'DELETE /api/workspace/my-data', access: personal, request: () => ({ url: '/api/workspace/my-data' }) },
  { route: 'GET /api/workspace/guidelines/{orgId}', access: (spec) => holdsAtA(spec, allRoles), request: (f) => ({ url: `/api/workspace/guidelines/${f.A.id}` }) },
  {
    route: 'PUT /api/workspace/guidelines/{orgId}',
    access: (spec) => holdsAtA(spec, ['admin', 'dpo']),
    request: (f) => ({ url: `/api/workspace/guidelines/${f.A.id}`, payload: { dos: [{ de: 'Antworten prüfen.' }], donts: [], privacy: [] } }),
  },
  { route: 'DELETE /api/workspace/guidelines/{orgId}', access: (spec) => holdsAtA(spec, ['admin', 'dpo']), request: (f) => ({ url: `/api/workspace/guidelines/${f.A.id}` }) },
  { route: 'GET /api/workspace/retention/{orgId}', access: (spec) => holdsAtA(spec, allRoles), request: (f) => ({ url: `/api/workspace/retention/${f.A.id}` }) },
  {
    route: 'PUT /api/workspace/retention/{orgId}',
    access: (spec) => holdsAtA(spec, ['admin', 'dpo']),
    request: (f) => ({ url: `/api/workspace/retention/${f.A.id}`, payload: { days: 365 } }),
  },
];
