/**
 * At most one call per key per `intervalMs`, always ending with the latest: an "N answered" counter
 * that follows a burst of clicks without tripping Slack's chat.update rate limit.
 */
export class KeyedThrottle {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly lastRun = new Map<string, number>();

  constructor(
    private readonly intervalMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  schedule(key: string, run: () => Promise<void> | void): void {
    if (this.timers.has(key)) return;
    const wait = Math.max(0, (this.lastRun.get(key) ?? -Infinity) + this.intervalMs - this.now());
    const timer = setTimeout(() => {
      this.timers.delete(key);
      this.lastRun.set(key, this.now());
      void Promise.resolve()
        .then(run)
        .catch(() => undefined);
    }, wait);
    timer.unref?.();
    this.timers.set(key, timer);
  }

  /** Drops the key's pending call, if any, and forgets it. */
  cancel(key: string): void {
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.lastRun.delete(key);
  }

  /** Runs nothing more; pending calls are dropped. */
  stop(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
