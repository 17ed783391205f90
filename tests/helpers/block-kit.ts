import { expect } from 'vitest';

/** Slack's documented limits for messages, checked recursively over every text object. */
export const LIMITS = { blocks: 50, sectionText: 3000, header: 150, contextElements: 10, button: 75, fieldText: 2000, actions: 25 };

export function expectWithinBlockKitLimits(blocks: any[]): void {
  expect(blocks.length).toBeGreaterThan(0);
  expect(blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
  for (const block of blocks) {
    switch (block.type) {
      case 'header':
        expect(block.text.type).toBe('plain_text');
        expect(Array.from(block.text.text as string).length).toBeLessThanOrEqual(LIMITS.header);
        break;
      case 'section':
        if (block.text) {
          expect(block.text.text.length).toBeGreaterThan(0);
          expect(block.text.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
        }
        for (const field of block.fields ?? []) expect(field.text.length).toBeLessThanOrEqual(LIMITS.fieldText);
        break;
      case 'context':
        expect(block.elements.length).toBeLessThanOrEqual(LIMITS.contextElements);
        for (const element of block.elements) if (element.text) expect(element.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
        break;
      case 'actions':
        expect(block.elements.length).toBeLessThanOrEqual(LIMITS.actions);
        for (const element of block.elements) {
          if (element.type === 'button') expect(element.text.text.length).toBeLessThanOrEqual(LIMITS.button);
        }
        break;
      case 'divider':
        break;
      default:
        throw new Error(`unexpected block type ${block.type}`);
    }
  }
}
