/**
 * A map from 30-bit feature hashes to rows, open addressing over two Int32Arrays. The model looks
 * up thousands of features per long message; a JavaScript Map costs several times more per lookup
 * than these few array reads, and holds its entries as objects the garbage collector must walk.
 */
export class IntTable {
  /** Key and row side by side, so a probe reads one cache line. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  private count = 0;

  /** The most keys it takes: a table at most two-thirds full keeps probes short with linear probing. */
  private readonly limit: number;

  constructor(capacity: number) {
    let size = 16;
    while (size * 2 < capacity * 3) size *= 2;
    this.slots = new Int32Array(size * 2).fill(-1);
    this.mask = size - 1;
    this.limit = Math.floor((size * 2) / 3);
  }

  get size(): number {
    return this.count;
  }

  /** The row for `key`, or -1. */
  get(key: number): number {
    let slot = Math.imul(key, 0x9e3779b1) & this.mask;
    for (;;) {
      const found = this.slots[slot * 2]!;
      if (found === key) return this.slots[slot * 2 + 1]!;
      if (found === -1) return -1;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Adds `key` with the next row number if it is new; returns its row. */
  intern(key: number): number {
    let slot = Math.imul(key, 0x9e3779b1) & this.mask;
    for (;;) {
      const found = this.slots[slot * 2]!;
      if (found === key) return this.slots[slot * 2 + 1]!;
      if (found === -1) {
        if (this.count >= this.limit) throw new Error('IntTable is full');
        this.slots[slot * 2] = key;
        this.slots[slot * 2 + 1] = this.count;
        this.count += 1;
        return this.count - 1;
      }
      slot = (slot + 1) & this.mask;
    }
  }
}
