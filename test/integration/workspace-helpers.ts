import type { LightMyRequestResponse } from 'fastify';
import type { Role } from '../../src/identity/roles.js';
import { makeUser, Session, type TestContext } from '../helpers/test-app.js';

export type StreamEvent = { type: string; [key: string]: unknown };

/** The `data:` events of a server-sent event stream, parsed. */
export function parseEvents(body: string): StreamEvent[] {
  return body
    .split('\n\n')
    .map((block) => block.trim())
    .filter((block) => block.startsWith('data: '))
    .map((block) => JSON.parse(block.slice('data: '.length)) as StreamEvent);
}

export function eventsOf(response: LightMyRequestResponse): StreamEvent[] {
  if (!response.headers['content-type']?.toString().startsWith('text/event-stream')) throw new Error(`not a stream: ${response.statusCode} ${response.body}`);
  return parseEvents(response.body);
}

export function textOf(events: StreamEvent[]): string {
  return events.filter((event) => event.type === 'delta').map((event) => event.text as string).join('');
}

export async function loginAs(t: TestContext, orgId: string, roles: Role[]): Promise<{ session: Session; userId: string; email: string }> {
  const user = await makeUser(t.services, orgId, roles);
  return { session: await Session.login(t.app, user.email, user.password), userId: user.id, email: user.email };
}
