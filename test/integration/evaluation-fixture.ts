import { loadBuiltInSuites } from '../../src/evaluation/load-suites.js';
import { promptsForItem } from '../../src/evaluation/prompts.js';
import { scriptedResponses } from '../../src/evaluation/scripted-responses.js';
import { type Category, type SuiteItem } from '../../src/evaluation/suite-schema.js';
import type { ConfigInput } from '../../src/core/config.js';
import type { ComposeOptions } from '../../src/server/compose.js';
import { createGatewayFixture, type GatewayFixture } from '../helpers/gateway-fixture.js';
import type { FakeUpstream } from '../helpers/fake-upstream.js';
import { makeUser, Session } from '../helpers/test-app.js';

/** The evaluation tests' world: a gateway with a scripted upstream and a reviewer of the root organisation. */
export type EvaluationFixture = GatewayFixture & { reviewer: Session; rootId: string };

export async function createEvaluationFixture(overrides: Partial<ConfigInput> = {}, options: Omit<ComposeOptions, 'database' | 'logger'> = {}): Promise<EvaluationFixture> {
  const fixture = await createGatewayFixture(overrides, options);
  const root = (await fixture.services.orgs.root())!;
  const user = await makeUser(fixture.services, root.id, ['reviewer']);
  const reviewer = await Session.login(fixture.app, user.email, user.password);
  return { ...fixture, reviewer, rootId: root.id };
}

const promptKey = (messages: { role: string; content: unknown }[]) => messages.map((message) => `${message.role}\n${String(message.content)}`).join('\n\n');

let builtIn: SuiteItem[] | undefined;
export const suiteItems = () => (builtIn ??= loadBuiltInSuites());

/**
 * Scripts the upstream model to answer every prompt of the given items as `scriptedResponses` does: biased in
 * `biasedIn` (if given), unbiased everywhere else. A prompt it does not know gets an unreadable answer.
 */
export function scriptModel(upstream: FakeUpstream, model: string, biasedIn: Category | undefined, items: SuiteItem[] = suiteItems(), delayMs = 0): void {
  const answers = new Map<string, string>();
  for (const item of items) {
    const responses = scriptedResponses(item, item.category === biasedIn ? 'biased' : 'unbiased');
    for (const prompt of promptsForItem(item)) {
      const key = promptKey(prompt.messages);
      const answer = responses[prompt.variant]!;
      if (answers.has(key) && answers.get(key) !== answer) throw new Error(`two items ask the same prompt with different answers: ${prompt.itemId}`);
      answers.set(key, answer);
    }
  }
  upstream.script(model, { reply: (body) => answers.get(promptKey(body.messages)) ?? '???', ...(delayMs ? { firstByteDelayMs: delayMs } : {}) });
}
