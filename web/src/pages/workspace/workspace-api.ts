import { ApiError, type Problem } from '../../api/client';

export type Label = { de: string; en: string };
export type Citation = { n: number; source: string; page: number | null; section: string | null; url: string | null; excerpt: string };
export type Attachment = { kind: 'image'; mediaType: string; dataUrl: string; name: string };
export type Message = {
  id: string;
  position: number;
  role: 'user' | 'assistant';
  content: string;
  attachments: Attachment[];
  status: 'complete' | 'stopped' | 'error';
  modelId: string | null;
  label: Label | null;
  provenanceId: string | null;
  tokensIn: number | null;
  tokensOut: number | null;
  energyWh: number | null;
  co2eGrams: number | null;
  citations: Citation[];
  /** Null when the answer had no knowledge collections; 'nothing_found' when they had nothing relevant (no sources). */
  knowledgeOutcome: 'cited' | 'nothing_found' | null;
  createdAt: string;
};
export type Footprint = { calls: number; tokensIn: number; tokensOut: number; energyWh: number; co2eGrams: number; waterMl: number };
export type Conversation = { id: string; orgId: string; title: string; assistantId: string | null; modelId: string | null; createdAt: string; updatedAt: string; snippet?: string | null };
export type ConversationDetail = Conversation & { messages: Message[]; footprint: Footprint };
export type WorkspaceModel = {
  id: string;
  name: string;
  status: string;
  zone: string;
  energyWhPer1kOutputTokens: number | null;
  energyClass: 'A' | 'B' | 'C' | 'D' | 'E' | null;
  contextLength: number | null;
  vision: boolean;
};
export type Assistant = {
  id: string;
  orgId: string;
  starterKey: string | null;
  name: string;
  description: string;
  systemPrompt: string;
  modelId: string | null;
  knowledgeCollectionIds: string[];
  exampleInputs: string[];
  needsVision: boolean;
  available: boolean;
  canManage: boolean;
};
export type AssistantListing = { assistants: Assistant[]; collections: { id: string; name: string }[]; canCreate: boolean };

export type ChatEvent =
  | { type: 'start'; userMessage: Message; model: { id: string; name: string } }
  | { type: 'citations'; citations: Citation[] }
  | { type: 'knowledge'; outcome: 'nothing_found' }
  | { type: 'delta'; text: string }
  | { type: 'done'; message: Message; footprint: Footprint }
  | { type: 'error'; error: Problem; message?: Message };

/**
 * POSTs JSON and reads the server-sent events of the answer as they arrive. A refusal before the
 * stream starts comes back as an ApiError (problem details), like every other API call.
 */
export async function streamEvents<T>(path: string, body: unknown, csrfToken: string | undefined, signal: AbortSignal, onEvent: (event: T) => void, method = 'POST'): Promise<void> {
  const response = await fetch(path, {
    method,
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}) },
    credentials: 'same-origin',
    body: JSON.stringify(body),
    signal,
  });
  if (!response.ok || !response.body) {
    const problem = ((await response.json().catch(() => undefined)) ?? {}) as Partial<Problem>;
    throw new ApiError({ type: 'about:blank', title: response.statusText, status: response.status, detail: problem.detail ?? response.statusText, code: problem.code ?? 'INTERNAL', ...problem } as Problem);
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end).trim();
      buffer = buffer.slice(end + 2);
      if (block.startsWith('data: ')) onEvent(JSON.parse(block.slice(6)) as T);
    }
  }
}

export function problemError(problem: Problem): ApiError {
  return new ApiError(problem);
}

/** The answer with its AI label line, for pasting elsewhere (LABEL-1). */
export function withDisclosure(content: string, label: string): string {
  return `${content.trimEnd()}\n\n— ${label}`;
}

export const prefersReducedMotion = () => typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;

export type GuidelineItem = { de: string; en: string | null; text: string };
export type GuidelineList = 'dos' | 'donts' | 'privacy';
/** The organisation's AI guidelines: its own, inherited from a parent, or none yet (Leitplanke's defaults apply). */
export type Guidelines = {
  orgId: string;
  source: 'own' | 'inherited' | 'default';
  setBy: { id: string; name: string } | null;
  updatedAt: string | null;
  documentUrl: string | null;
  dos: GuidelineItem[];
  donts: GuidelineItem[];
  privacy: GuidelineItem[];
  canEdit: boolean;
};

/** A guideline sentence in the interface's language; German (and marked so: WCAG 3.1.2) where nobody wrote an English one. */
export function guidelineText(item: { de: string; en: string | null }, language: string): { text: string; lang: 'de' | 'en' } {
  return language === 'en' && item.en ? { text: item.en, lang: 'en' } : { text: item.de, lang: 'de' };
}
