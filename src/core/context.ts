import type { Locale } from './l10n.js';

/** Who did something, as recorded in the audit log. */
export type Actor =
  | { type: 'user'; id: string; label: string }
  | { type: 'api_key'; id: string; label: string }
  | { type: 'system'; id?: undefined; label: string }
  | { type: 'public'; id?: undefined; label: string };

export const systemActor = (label = 'system'): Actor => ({ type: 'system', label });

/** What every service call knows about its caller; transports (HTTP, CLI, jobs) build it. */
export type CallContext = {
  actor: Actor;
  requestId: string;
  locale: Locale;
};
