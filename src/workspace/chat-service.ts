import { and, eq, gt, gte } from 'drizzle-orm';
import type { Clock } from '../core/clock.js';
import { ServiceError } from '../core/errors.js';
import { formatDate, text, type Text } from '../core/l10n.js';
import type { Logger } from '../core/logger.js';
import type { Database } from '../db/connection.js';
import type { CallReport, GatewayService } from '../gateway/gateway-service.js';
import type { ConversationFootprint, UsageData } from '../gateway/usage-data.js';
import type { Caller } from '../identity/principal.js';
import { notFound } from './access.js';
import type { AssistantRow, AssistantService } from './assistant-service.js';
import type { ConversationService, MessageRow } from './conversation-service.js';
import { citationsOf, type KnowledgeRetriever } from './knowledge-retriever.js';
import { workspaceMessages } from './messages.js';
import type { ModelChoice, WorkspaceModel } from './model-choice.js';
import { buildPrompt, titleFrom, type HistoryMessage } from './prompt.js';
import { workspaceConversations, workspaceMessages as messagesTable, type Attachment, type Citation, type KnowledgeOutcome } from './schema.js';
import { defaultSystemPrompt } from './starters.js';

/** `dataClass`: what the person declared for this conversation; the gateway's guard and exceptions check it. */
export type ReplyRequest = { dataClass?: string | undefined } & (
  | { mode: 'send'; content: string; attachments?: Attachment[] | undefined; modelId?: string | undefined }
  | { mode: 'regenerate'; modelId?: string | undefined }
  | { mode: 'edit'; messageId: string; content: string; modelId?: string | undefined }
);

/** What the chat stream tells the browser, in order: start, citations (or knowledge: nothing found), deltas, then done or error. */
export type ChatEvent =
  | { type: 'start'; userMessage: MessageRow; model: { id: string; name: string } }
  | { type: 'citations'; citations: Citation[] }
  /** The assistant's knowledge collections gave nothing relevant: the answer has no sources. */
  | { type: 'knowledge'; outcome: 'nothing_found' }
  | { type: 'delta'; text: string }
  | { type: 'done'; message: MessageRow; footprint: ConversationFootprint }
  | { type: 'error'; error: unknown; message: MessageRow | undefined };

type Deps = {
  database: Database;
  clock: Clock;
  logger: Logger;
  gateway: GatewayService;
  usage: UsageData;
  recorder: { flush(): Promise<void> };
  models: ModelChoice;
  assistants: AssistantService;
  conversations: ConversationService;
  knowledge: KnowledgeRetriever;
};

const MAX_OUTPUT_TOKENS = 2048;

export function aiLabel(modelName: string, at: Date): Text {
  return text(`KI-generiert · ${modelName} · ${formatDate(at, 'de')}`, `AI-generated · ${modelName} · ${formatDate(at, 'en')}`);
}

/** Chat turns: send, regenerate, edit and resend — each streams one answer through the gateway. */
export function createChatService(deps: Deps) {
  const { db } = deps.database;

  /** The history the answer is for, and what to replace: later messages are dropped on regenerate and edit. */
  function plan(messages: MessageRow[], request: ReplyRequest) {
    if (request.mode === 'send') {
      const position = (messages.at(-1)?.position ?? -1) + 1;
      return { keep: messages, question: { position, content: request.content, attachments: request.attachments ?? [] }, replaceFrom: undefined };
    }
    if (request.mode === 'edit') {
      const index = messages.findIndex((message) => message.id === request.messageId);
      if (index < 0) throw notFound(workspaceMessages.messageNotFound, 'message_not_found');
      const target = messages[index]!;
      if (target.role !== 'user') throw new ServiceError('VALIDATION', workspaceMessages.onlyOwnMessagesEditable, { reason: 'not_a_user_message' });
      return { keep: messages.slice(0, index), question: { position: target.position, content: request.content, attachments: target.attachments }, replaceFrom: target.position };
    }
    const index = messages.findLastIndex((message) => message.role === 'user');
    if (index < 0) throw new ServiceError('VALIDATION', workspaceMessages.nothingToRegenerate, { reason: 'nothing_to_regenerate' });
    const target = messages[index]!;
    return { keep: messages.slice(0, index), question: { position: target.position, content: target.content, attachments: target.attachments }, replaceFrom: target.position };
  }

  return {
    /**
     * Everything that can refuse happens before this resolves (ownership, policy, model, knowledge
     * access), so the route can still answer with a problem document; then the events stream.
     */
    async reply(caller: Caller, conversationId: string, request: ReplyRequest, signal: AbortSignal): Promise<AsyncGenerator<ChatEvent>> {
      const conversation = await deps.conversations.own(db, caller, conversationId);
      const messages = await deps.conversations.messagesOf(db, conversationId);
      const { keep, question, replaceFrom } = plan(messages, request);
      const assistant: AssistantRow | undefined = conversation.assistantId ? await deps.assistants.forUse(caller, conversation.orgId, conversation.assistantId).catch(() => undefined) : undefined;
      const model = await deps.models.pick(caller, conversation.orgId, request.modelId, [conversation.modelId, assistant?.modelId]);
      if (question.attachments.length > 0 && !model.vision) throw new ServiceError('VALIDATION', workspaceMessages.imagesNeedVision(model.name), { reason: 'model_cannot_read_images' });

      const withKnowledge = !!assistant?.knowledgeCollectionIds.length;
      const passages = withKnowledge ? await deps.knowledge.retrieve(caller, conversation.orgId, assistant.knowledgeCollectionIds, question.content) : [];
      const knowledgeOutcome: KnowledgeOutcome | null = withKnowledge ? (passages.length > 0 ? 'cited' : 'nothing_found') : null;
      const history: HistoryMessage[] = [...keep.map((message) => ({ role: message.role, content: message.content, attachments: message.attachments })), { role: 'user', content: question.content, attachments: question.attachments }];
      const prompt = buildPrompt({ systemPrompt: assistant?.systemPrompt ?? defaultSystemPrompt, passages, nothingFound: knowledgeOutcome === 'nothing_found', history, contextLength: model.contextLength, maxOutputTokens: MAX_OUTPUT_TOKENS });
      const call = { caller, orgId: conversation.orgId, purpose: 'chat' as const, signal, conversationId, dataClass: request.dataClass, ...(assistant ? { assistantId: assistant.id } : {}) };
      const stream = await deps.gateway.chatStream(call, { model: model.id, messages: prompt, stream: true, stream_options: { include_usage: true }, max_tokens: MAX_OUTPUT_TOKENS });

      let userMessage: MessageRow;
      try {
        userMessage = await db.transaction(async (tx) => {
          await deps.conversations.own(tx, caller, conversationId, true);
          if (replaceFrom !== undefined) await tx.delete(messagesTable).where(and(eq(messagesTable.conversationId, conversationId), gte(messagesTable.position, replaceFrom)));
          const now = deps.clock.now();
          const [row] = await tx
            .insert(messagesTable)
            .values({ conversationId, position: question.position, role: 'user', content: question.content, attachments: question.attachments, createdAt: now })
            .returning();
          await tx
            .update(workspaceConversations)
            .set({ updatedAt: now, modelId: model.id, ...(conversation.title ? {} : { title: titleFrom(question.content) }) })
            .where(eq(workspaceConversations.id, conversationId));
          return row!;
        });
      } catch (error) {
        await stream.return(undefined);
        throw error;
      }
      return relay(stream, { caller, conversationId, model, userMessage, citations: citationsOf(passages), knowledgeOutcome, signal });
    },
  };

  async function* relay(
    stream: AsyncGenerator<{ choices: { delta: { content?: string | null } }[]; usage?: { prompt_tokens: number; completion_tokens: number } | null; leitplanke?: CallReport }>,
    context: { caller: Caller; conversationId: string; model: WorkspaceModel; userMessage: MessageRow; citations: Citation[]; knowledgeOutcome: KnowledgeOutcome | null; signal: AbortSignal },
  ): AsyncGenerator<ChatEvent> {
    const { conversationId, model, userMessage, citations, knowledgeOutcome } = context;
    yield { type: 'start', userMessage, model: { id: model.id, name: model.name } };
    if (citations.length > 0) yield { type: 'citations', citations };
    else if (knowledgeOutcome === 'nothing_found') yield { type: 'knowledge', outcome: 'nothing_found' };
    let answer = '';
    let report: CallReport | undefined;
    let usage: { prompt_tokens: number; completion_tokens: number } | undefined;
    let status: 'complete' | 'stopped' | 'error' = 'stopped';
    let failure: unknown;
    let saved: MessageRow | undefined;
    try {
      try {
        for await (const chunk of stream) {
          if (chunk.leitplanke) report = chunk.leitplanke;
          if (chunk.usage) usage = chunk.usage;
          const delta = chunk.choices[0]?.delta.content;
          if (delta) {
            answer += delta;
            yield { type: 'delta', text: delta };
          }
        }
        status = 'complete';
      } catch (error) {
        status = context.signal.aborted ? 'stopped' : 'error';
        failure = error;
      }
    } finally {
      // Also runs when the browser goes away mid-answer: what arrived is kept, marked as stopped.
      if (answer || status === 'complete') saved = await save().catch((error: unknown) => void deps.logger.error({ err: error }, 'saving the answer failed'));
    }
    if (status === 'complete' && saved) {
      await deps.recorder.flush();
      const footprint = (await deps.usage.footprintOfConversations([conversationId])).get(conversationId)!;
      yield { type: 'done', message: saved, footprint };
    } else if (failure && !context.signal.aborted) {
      yield { type: 'error', error: failure, message: saved };
    }

    async function save(): Promise<MessageRow | undefined> {
      const now = deps.clock.now();
      return db.transaction(async (tx) => {
        // The conversation may have been deleted meanwhile; then there is nothing to add to.
        const [exists] = await tx.select({ id: workspaceConversations.id }).from(workspaceConversations).where(eq(workspaceConversations.id, conversationId)).for('update');
        if (!exists) return undefined;
        await tx.delete(messagesTable).where(and(eq(messagesTable.conversationId, conversationId), gt(messagesTable.position, userMessage.position)));
        const [row] = await tx
          .insert(messagesTable)
          .values({
            conversationId,
            position: userMessage.position + 1,
            role: 'assistant',
            content: answer,
            status,
            modelId: report?.model ?? model.id,
            label: report?.label ?? aiLabel(model.name, now),
            provenanceId: report?.provenance_id ?? null,
            tokensIn: usage?.prompt_tokens ?? null,
            tokensOut: usage?.completion_tokens ?? null,
            energyWh: report?.energy.wh ?? null,
            co2eGrams: report?.energy.co2e_g ?? null,
            citations,
            knowledgeOutcome,
            createdAt: now,
          })
          .returning();
        await tx.update(workspaceConversations).set({ updatedAt: now }).where(eq(workspaceConversations.id, conversationId));
        return row;
      });
    }
  }
}

export type ChatService = ReturnType<typeof createChatService>;
