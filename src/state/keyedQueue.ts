/**
 * Runs asynchronous tasks one at a time per key, in arrival order; different keys run in parallel.
 * @remarks Used to serialise the turns of one conversation inside one process, so two messages sent at
 * once never read the same state and race to save it.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** Keys with a task running or waiting (for tests and diagnostics). */
  get activeKeys(): number {
    return this.tails.size;
  }

  /** Runs `task` after every task queued earlier under the same key has settled; resolves with its result. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
