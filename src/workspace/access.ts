import { ServiceError } from '../core/errors.js';
import type { Caller } from '../identity/principal.js';
import { workspaceMessages } from './messages.js';

/** Conversations and personal data belong to a person; API keys (bound to an organisation, not a person) have none. */
export function personalUserId(caller: Caller): string {
  if (caller.principal.kind !== 'user') throw new ServiceError('FORBIDDEN', workspaceMessages.personalLoginRequired, { reason: 'personal_login_required' });
  return caller.principal.userId;
}

/** The owner to look for, or none: an API key owns no conversation, so it finds none (404, like a stranger). */
export function ownerIdOf(caller: Caller): string | undefined {
  return caller.principal.kind === 'user' ? caller.principal.userId : undefined;
}

export const notFound = (detail: ServiceError['detail'], reason: string) => new ServiceError('NOT_FOUND', detail, { reason });
