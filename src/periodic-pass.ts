/**
 * A pass that runs at start (to catch up after downtime) and then every `intervalMs`, never two at
 * once. An error is handed to `onError`, never thrown from a timer.
 */
export class PeriodicPass {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly pass: () => Promise<void> | void,
    private readonly onError: (error: Error) => void,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    void this.tick();
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
  }

  /** One pass; a pass still running is not started twice. */
  tick(): Promise<void> {
    // Run inside the chain, so that a synchronous throw is handled like a rejection.
    this.running ??= Promise.resolve()
      .then(this.pass)
      .catch((error: unknown) => this.onError(error instanceof Error ? error : new Error(String(error))))
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
