/** Every piece of text in a Block Kit structure, for checks that must hold everywhere. */
export function allText(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (Array.isArray(node)) return node.flatMap(allText);
  if (node && typeof node === 'object') {
    const object = node as Record<string, unknown>;
    return Object.entries(object).flatMap(([key, value]) => (key === 'text' || key === 'fields' || key === 'elements' || key === 'blocks' || typeof value === 'object' ? allText(value) : []));
  }
  return [];
}

/** Live Slack markup: a mention, a special mention or a link that Slack would render and notify. */
export const LIVE_MARKUP = /<[@#!]|<(?:https?|mailto):/;
