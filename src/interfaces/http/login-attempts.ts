/** Failed logins per user name and per client address: after `limit` within `windowMs`, more wait. */
export class LoginAttempts {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit = 5,
    private readonly windowMs = 15 * 60_000,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Seconds until another attempt is allowed for any of these keys; 0 when it is now. */
  retryAfter(keys: readonly string[]): number {
    const now = this.clock();
    let wait = 0;
    for (const key of keys) {
      const recent = (this.failures.get(key) ?? []).filter((t) => t > now - this.windowMs);
      this.failures.set(key, recent);
      if (recent.length >= this.limit) wait = Math.max(wait, Math.ceil((recent[0]! + this.windowMs - now) / 1000));
    }
    return wait;
  }

  failed(keys: readonly string[]): void {
    for (const key of keys) this.failures.set(key, [...(this.failures.get(key) ?? []), this.clock()]);
  }

  succeeded(keys: readonly string[]): void {
    for (const key of keys) this.failures.delete(key);
  }
}
