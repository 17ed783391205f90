import { randomBytes } from 'node:crypto';

/** Where classified texts wait for the tick: this process's memory, or the shared database (several instances). */
export interface PendingTextHolder {
  hold(text: string, teamId: string, userId: string): string | Promise<string>;
  peek(key: string, teamId: string, userId: string): string | undefined | Promise<string | undefined>;
  take(key: string, teamId: string, userId: string): string | undefined | Promise<string | undefined>;
  /** A taken text whose teaching could not be saved: back under its key, so the agent may tick again. */
  putBack(key: string, text: string, teamId: string, userId: string): void | Promise<void>;
}

interface Held {
  text: string;
  teamId: string;
  userId: string;
  expiresAt: number;
}

export const PENDING_TEXT_TTL_MS = 15 * 60_000;
export const MAX_PENDING_TEXTS = 2000;

/**
 * A classified message's redacted text, in memory only, for the minutes in which the agent may tick
 * "Teach customertype with this message". Slack sends back only what fits in a select option (150
 * characters), so the text cannot travel with the choice; it waits here, keyed by a random name,
 * and is dropped after 15 minutes, when the oldest of 2,000 makes room, or on restart. It is never
 * written anywhere unless the agent ticks.
 */
export class PendingTexts implements PendingTextHolder {
  private readonly held = new Map<string, Held>();

  constructor(
    private readonly ttlMs = PENDING_TEXT_TTL_MS,
    private readonly max = MAX_PENDING_TEXTS,
    private readonly now: () => number = Date.now,
  ) {}

  hold(text: string, teamId: string, userId: string): string {
    const key = randomBytes(9).toString('base64url');
    this.held.set(key, { text, teamId, userId, expiresAt: this.now() + this.ttlMs });
    this.dropExpired();
    // Map keeps insertion order: the first key is the oldest.
    while (this.held.size > this.max) this.held.delete(this.held.keys().next().value!);
    return key;
  }

  /** The text, for the agent who classified it in the same workspace only, while it is held. */
  peek(key: string, teamId: string, userId: string): string | undefined {
    const held = this.held.get(key);
    if (!held || held.expiresAt <= this.now()) return undefined;
    return held.teamId === teamId && held.userId === userId ? held.text : undefined;
  }

  putBack(key: string, text: string, teamId: string, userId: string): void {
    this.held.set(key, { text, teamId, userId, expiresAt: this.now() + this.ttlMs });
  }

  /** Takes the text out: one message is taught once. */
  take(key: string, teamId: string, userId: string): string | undefined {
    const text = this.peek(key, teamId, userId);
    if (text !== undefined) this.held.delete(key);
    return text;
  }

  get size(): number {
    return this.held.size;
  }

  private dropExpired(): void {
    const now = this.now();
    for (const [key, held] of this.held) {
      if (held.expiresAt > now) break;
      this.held.delete(key);
    }
  }
}
