import type { Clock } from '../core/clock.js';

type State = { failures: number; openedAt: number | undefined; probing: boolean };

/**
 * Per-provider circuit breaker: after `failureThreshold` consecutive failures the provider is skipped
 * for `openMs`; then one probe request may pass (half-open), and its outcome closes or reopens it.
 */
export class CircuitBreaker {
  readonly #states = new Map<string, State>();

  constructor(
    private readonly clock: Clock,
    private readonly failureThreshold = 5,
    private readonly openMs = 30_000,
  ) {}

  #state(id: string): State {
    let state = this.#states.get(id);
    if (!state) {
      state = { failures: 0, openedAt: undefined, probing: false };
      this.#states.set(id, state);
    }
    return state;
  }

  canRequest(id: string): boolean {
    const state = this.#state(id);
    if (state.openedAt === undefined) return true;
    if (this.clock.now().getTime() - state.openedAt < this.openMs || state.probing) return false;
    state.probing = true;
    return true;
  }

  success(id: string): void {
    this.#states.set(id, { failures: 0, openedAt: undefined, probing: false });
  }

  failure(id: string): void {
    const state = this.#state(id);
    state.failures++;
    state.probing = false;
    if (state.failures >= this.failureThreshold) state.openedAt = this.clock.now().getTime();
  }

  status(id: string): 'closed' | 'open' | 'half-open' {
    const state = this.#state(id);
    if (state.openedAt === undefined) return 'closed';
    return this.clock.now().getTime() - state.openedAt < this.openMs ? 'open' : 'half-open';
  }
}
