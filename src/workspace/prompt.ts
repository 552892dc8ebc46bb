import { estimateTokens } from '../gateway/gateway-service.js';
import type { ChatMessage } from '../gateway/openai-types.js';
import { knowledgeBlock, nothingFoundBlock, type KnowledgePassage } from './knowledge-retriever.js';
import type { Attachment } from './schema.js';

export type HistoryMessage = { role: 'user' | 'assistant'; content: string; attachments: Attachment[] };

export type PromptInput = {
  systemPrompt: string;
  passages: KnowledgePassage[];
  /** The assistant has knowledge collections but they gave nothing relevant for the question. */
  nothingFound?: boolean | undefined;
  /** Oldest first; the last entry is the question to answer. */
  history: HistoryMessage[];
  contextLength: number | null;
  maxOutputTokens: number;
};

const FALLBACK_CONTEXT = 8192;

function asMessage(message: HistoryMessage, withImages: boolean): ChatMessage {
  const images = message.attachments.filter((attachment) => attachment.kind === 'image');
  if (message.role === 'assistant' || images.length === 0) return { role: message.role, content: message.content };
  if (!withImages) return { role: 'user', content: [message.content, ...images.map((image) => `[Bild: ${image.name}]`)].join('\n') };
  return {
    role: 'user',
    content: [{ type: 'text', text: message.content }, ...images.map((image) => ({ type: 'image_url', image_url: { url: image.dataUrl } }))],
  };
}

/**
 * System prompt, cited passages and as much of the conversation as fits the model's context:
 * the oldest turns drop out first; the question itself always stays. Images go only with the question.
 */
export function buildPrompt(input: PromptInput): ChatMessage[] {
  const knowledge = input.passages.length > 0 ? knowledgeBlock(input.passages) : input.nothingFound ? nothingFoundBlock() : '';
  const system = knowledge ? `${input.systemPrompt}\n\n${knowledge}` : input.systemPrompt;
  const budget = Math.floor((input.contextLength ?? FALLBACK_CONTEXT) * 0.9) - input.maxOutputTokens - estimateTokens(system);
  const last = input.history.length - 1;
  const kept: ChatMessage[] = [];
  let used = 0;
  for (let index = last; index >= 0; index--) {
    const message = asMessage(input.history[index]!, index === last);
    const cost = estimateTokens(typeof message.content === 'string' ? message.content : input.history[index]!.content) + 4;
    if (index !== last && used + cost > budget) break;
    kept.unshift(message);
    used += cost;
  }
  return [{ role: 'system', content: system }, ...kept];
}

/** A conversation's title from its first question: the first line, cut at a word. */
export function titleFrom(content: string, maxLength = 60): string {
  const line = content.trim().split('\n')[0]!.replace(/\s+/g, ' ').trim();
  if (line.length <= maxLength) return line;
  const cut = line.slice(0, maxLength);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxLength / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '')} …`;
}
