/**
 * A value read from the knowledge base, read again only when the base has changed since
 * (`Store.changeStamp`, which another process's writes move too).
 */
export class UntilChanged<T> {
  private last: { stamp: string; value: T } | undefined;

  constructor(
    private readonly stamp: () => string,
    private readonly read: () => T,
  ) {}

  get(): T {
    const stamp = this.stamp();
    if (this.last?.stamp !== stamp) this.last = { stamp, value: this.read() };
    return this.last.value;
  }
}

/**
 * Values computed per key, all computed again once the base has changed; the `size` most recently
 * used are kept. Callers share the values kept: they must not change them.
 */
export class UntilChangedByKey<T> {
  private stamp: string | undefined;
  private readonly values = new Map<string, T>();

  constructor(
    private readonly currentStamp: () => string,
    private readonly size: number,
  ) {}

  get(key: string, compute: () => T): T {
    const stamp = this.currentStamp();
    if (stamp !== this.stamp) {
      this.values.clear();
      this.stamp = stamp;
    }
    if (this.values.has(key)) {
      const value = this.values.get(key)!;
      // Map keeps insertion order: moving the key to the end keeps the least recently used first.
      this.values.delete(key);
      this.values.set(key, value);
      return value;
    }
    const value = compute();
    this.values.set(key, value);
    if (this.values.size > this.size) this.values.delete(this.values.keys().next().value!);
    return value;
  }
}
