import type { Playbook, SharedGuidance } from './schema.js';

/** Lower-cases and drops a leading "the", dashes and punctuation: "The Bargain-Hunter!" → "bargain hunter". */
function lookupKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[-_]+/g, ' ')
    .replace(/[^\p{L}\p{N} ]+/gu, '')
    .replace(/^the /, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The loaded taxonomy: every type in a stable order, found by id, name or alias. */
export class PlaybookSet {
  readonly all: readonly Playbook[];
  readonly shared: SharedGuidance;
  private readonly byId = new Map<string, Playbook>();
  private readonly byKey = new Map<string, Playbook>();

  constructor(playbooks: Playbook[], shared: SharedGuidance) {
    this.all = [...playbooks].sort((a, b) => a.id.localeCompare(b.id));
    this.shared = shared;
    for (const playbook of this.all) this.byId.set(playbook.id, playbook);
    // Ids first, then names, then aliases: an alias never hides another type's id or name.
    for (const playbook of this.all) this.byKey.set(lookupKey(playbook.id), playbook);
    for (const playbook of this.all) if (!this.byKey.has(lookupKey(playbook.name))) this.byKey.set(lookupKey(playbook.name), playbook);
    for (const playbook of this.all) {
      for (const alias of playbook.aliases) if (!this.byKey.has(lookupKey(alias))) this.byKey.set(lookupKey(alias), playbook);
    }
    // Then the Chinese names and aliases, so an agent finds a type the way seed 004 names it.
    for (const playbook of this.all) {
      for (const name of [playbook.zh?.name, ...(playbook.zh?.aliases ?? [])]) {
        if (name !== undefined && !this.byKey.has(lookupKey(name))) this.byKey.set(lookupKey(name), playbook);
      }
    }
  }

  get ids(): string[] {
    return this.all.map((playbook) => playbook.id);
  }

  get(id: string): Playbook | undefined {
    return this.byId.get(id);
  }

  /**
   * Finds a type by id, name or alias, in English or Chinese, ignoring case, "the", dashes and a
   * trailing "customer(s)" (客户, 的客户, 顾客…): "angry", "愤怒的客户" and "愤怒" find the same type.
   */
  find(query: string): Playbook | undefined {
    const key = lookupKey(query);
    if (key === '') return undefined;
    const found = this.byKey.get(key) ?? this.byKey.get(key.replace(/ customers?$/, '')) ?? this.byKey.get(`${key} customer`);
    if (found || !/\p{Script=Han}/u.test(key)) return found;
    const bare = key.replace(/(?:的|型)?(?:客户|顾客|用户)$/u, '');
    for (const candidate of [bare, `${bare}的客户`, `${bare}客户`, `${bare}的顾客`, `${bare}顾客`]) {
      const match = candidate !== '' ? this.byKey.get(candidate) : undefined;
      if (match) return match;
    }
    return undefined;
  }
}
