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
