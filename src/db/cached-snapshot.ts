import type { Database } from './connection.js';

/**
 * An in-memory copy of slowly-changing data (org tree, API keys, registry policy) that every
 * instance drops when any instance commits a change and sends NOTIFY on `channel`.
 */
export class CachedSnapshot<T> {
  #value: Promise<T> | undefined;
  #generation = 0;
  #unlisten: (() => Promise<void>) | undefined;

  constructor(
    private readonly database: Database,
    readonly channel: string,
    private readonly load: () => Promise<T>,
  ) {}

  async start(): Promise<void> {
    this.#unlisten ??= await this.database.listen(this.channel, () => this.invalidate());
  }

  async stop(): Promise<void> {
    await this.#unlisten?.();
    this.#unlisten = undefined;
  }

  invalidate(): void {
    this.#generation++;
    this.#value = undefined;
  }

  get(): Promise<T> {
    if (this.#value) return this.#value;
    const generation = this.#generation;
    const loading = this.load();
    this.#value = loading;
    loading.then(
      () => {
        // A change committed while loading: the loaded value may predate it.
        if (generation !== this.#generation && this.#value === loading) this.#value = undefined;
      },
      () => {
        if (this.#value === loading) this.#value = undefined;
      },
    );
    return loading;
  }
}
