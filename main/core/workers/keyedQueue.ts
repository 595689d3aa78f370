/** Runs tasks one after another per key, so two clicks on one site never race. */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  isBusy(key: string): boolean {
    return this.tails.has(key);
  }

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    // Clear the key before the caller's await resumes, so isBusy() is false once run() settles.
    const result = previous.then(task, task).finally(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    return result;
  }
}
