/** When to try again after failures, per key: the wait doubles from `firstMs` up to `maxMs`. */
export class RetryBackoff {
  private readonly state = new Map<string, { failures: number; nextAt: number }>();

  constructor(
    private readonly firstMs: number,
    private readonly maxMs: number,
  ) {}

  due(key: string, now: Date): boolean {
    const entry = this.state.get(key);
    return entry === undefined || now.getTime() >= entry.nextAt;
  }

  failed(key: string, now: Date): void {
    const failures = (this.state.get(key)?.failures ?? 0) + 1;
    const wait = Math.min(this.maxMs, this.firstMs * 2 ** (failures - 1));
    this.state.set(key, { failures, nextAt: now.getTime() + wait });
  }

  /** A success, or a reason to expect one (new settings): no more waiting. */
  reset(key: string): void {
    this.state.delete(key);
  }
}
