import type { Zone } from '../core/config.js';
import type { Text } from '../core/l10n.js';
import type { Caller } from '../identity/org-service.js';
import type { ChatMessage } from './openai-types.js';

/** What the data-protection guard does for one request (see src/guard). */
export type GuardSession = {
  messages: ChatMessage[];
  /** Replacements by entity type, never values (reported to the client). */
  summary: Record<string, number>;
  restore(text: string): string;
  streamRestorer(): { push(chunk: string): string; flush(): string };
};

export type GuardOutcome = { action: 'pass' } | { action: 'protect'; session: GuardSession } | { action: 'block'; reason: string; detail: Text };

/**
 * The pipeline step between policy and provider. Without a guard, every call to a provider outside
 * the own zone is refused (issue 3, item 4).
 */
export interface PromptGuard {
  inspect(input: { orgId: string; zone: Zone; messages: ChatMessage[]; dataClass?: string | undefined }): Promise<GuardOutcome>;
}

/** Approved exceptions for exception-only models (accountability module). */
export interface ExceptionChecker {
  /** `request.dataClass`: the data class the call declares (X-Leitplanke-Data-Class); the exception must allow it. */
  find(caller: Caller, orgId: string, modelId: string, request?: { dataClass?: string | undefined }): Promise<{ id: string; expiresAt: Date } | undefined>;
}
