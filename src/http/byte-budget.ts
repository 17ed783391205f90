/**
 * A shared allowance of bytes, taken before a body is read and given back once it has been: what
 * caps the memory that requests nobody has verified yet can hold all together.
 */
export class ByteBudget {
  private held = 0;

  constructor(readonly total: number) {}

  /** Takes `bytes` if they fit in what is left, and says whether it did. */
  tryTake(bytes: number): boolean {
    if (!Number.isFinite(bytes) || bytes < 0 || this.held + bytes > this.total) return false;
    this.held += bytes;
    return true;
  }

  giveBack(bytes: number): void {
    this.held = Math.max(0, this.held - bytes);
  }

  get inUse(): number {
    return this.held;
  }
}
