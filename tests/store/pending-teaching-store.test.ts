import { describe, expect, it } from 'vitest';
import { PendingTeachingStore } from '../../src/store/pending-teaching-store.js';
import { TeamExampleStore } from '../../src/store/team-example-store.js';
import { ENGINES, freshDatabase } from '../helpers/engines.js';

describe.each(ENGINES)('PendingTeachingStore on %s', (engine) => {
  async function setup() {
    let now = new Date('2026-12-07T10:00:00Z');
    const db = await freshDatabase(engine);
    return { db, pending: new PendingTeachingStore(db, () => now), move: (iso: string) => (now = new Date(iso)) };
  }

  it('gives the text back only to the agent who classified it, in that workspace, once', async () => {
    const { pending } = await setup();
    const key = await pending.hold('our invoice is wrong', 'T1', 'U1');
    expect(await pending.peek(key, 'T2', 'U1')).toBeUndefined();
    expect(await pending.peek(key, 'T1', 'U2')).toBeUndefined();
    expect(await pending.peek(key, 'T1', 'U1')).toBe('our invoice is wrong');
    expect(await pending.take(key, 'T1', 'U1')).toBe('our invoice is wrong');
    expect(await pending.take(key, 'T1', 'U1')).toBeUndefined();
    await pending.putBack(key, 'our invoice is wrong', 'T1', 'U1');
    expect(await pending.take(key, 'T1', 'U1')).toBe('our invoice is wrong');
  });

  it('forgets a text after 15 minutes, and deletes expired ones as new ones come', async () => {
    const { db, pending, move } = await setup();
    const old = await pending.hold('first', 'T1', 'U1');
    move('2026-12-07T10:15:00Z');
    expect(await pending.peek(old, 'T1', 'U1')).toBeUndefined();
    expect(await pending.take(old, 'T1', 'U1')).toBeUndefined();
    await pending.hold('second', 'T1', 'U1');
    expect(await db.all('SELECT text FROM pending_teachings')).toEqual([{ text: 'second' }]);
  });

  it('hands a text to one of two ticks arriving at once', async () => {
    const { pending } = await setup();
    const key = await pending.hold('taught once', 'T1', 'U1');
    const taken = await Promise.all([pending.take(key, 'T1', 'U1'), pending.take(key, 'T1', 'U1'), pending.take(key, 'T1', 'U1')]);
    expect(taken.filter((text) => text !== undefined)).toEqual(['taught once']);
  });

  it('keeps nothing for a workspace that switches teaching off', async () => {
    const { db, pending } = await setup();
    await pending.hold('mine', 'T1', 'U1');
    await pending.hold('theirs', 'T2', 'U1');
    await new TeamExampleStore(db).setTeaching('T1', false);
    expect(await db.all('SELECT team_id FROM pending_teachings')).toEqual([{ team_id: 'T2' }]);
  });
});
