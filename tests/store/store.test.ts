import { describe, expect, it, onTestFinished } from 'vitest';
import type { Engine } from '../../src/store/sql.js';
import { Store } from '../../src/store/store.js';
import { ENGINES, freshDatabase } from '../helpers/engines.js';

async function freshStore(engine: Engine) {
  const db = await freshDatabase(engine);
  onTestFinished(() => db.close());
  return { db, store: new Store(db, () => new Date('2026-11-22T10:00:00Z')) };
}

describe.each(ENGINES)('Store on %s', (engine) => {
  it('keeps one row per classification with its length, never a text column', async () => {
    const { db, store } = await freshStore(engine);
    const id = await store.recordClassification({ surface: 'command', teamId: 'T1', channelId: 'C1', userId: 'U1', typeId: null, confidence: 0, textLength: 42 });
    expect(await db.get('SELECT * FROM classifications WHERE id = ?', [id])).toEqual({
      id,
      surface: 'command',
      team_id: 'T1',
      channel_id: 'C1',
      user_id: 'U1',
      type_id: null,
      confidence: 0,
      text_length: 42,
      created_at: '2026-11-22T10:00:00.000Z',
    });
    expect(await store.classificationCount()).toBe(1);
  });

  it('keeps a correction that names a classification it does not have', async () => {
    const { db, store } = await freshStore(engine);
    const known = await store.recordClassification({ surface: 'shortcut', teamId: undefined, channelId: undefined, userId: undefined, typeId: 'angry', confidence: 0.9, textLength: 3 });
    await store.recordCorrection({ classificationId: known, teamId: 'T1', userId: 'U1', predictedType: 'angry', correctedType: 'loyalist', confidence: 0.9 });
    await store.recordCorrection({ classificationId: 999, teamId: 'T1', userId: 'U1', predictedType: 'angry', correctedType: 'impatient', confidence: 0.5 });
    expect(await db.all('SELECT classification_id, corrected_type FROM corrections ORDER BY id')).toEqual([
      { classification_id: known, corrected_type: 'loyalist' },
      { classification_id: null, corrected_type: 'impatient' },
    ]);
  });

  it('keeps one correction per agent and classification, the latest, and sums them per workspace', async () => {
    const { db, store } = await freshStore(engine);
    const id = await store.recordClassification({ surface: 'command', teamId: 'T1', channelId: 'C1', userId: 'U1', typeId: 'angry', confidence: 0.8, textLength: 20 });
    await store.recordClassification({ surface: 'command', teamId: 'T2', channelId: 'C9', userId: 'U9', typeId: 'angry', confidence: 0.8, textLength: 20 });
    const correction = { classificationId: id, teamId: 'T1', predictedType: 'angry', confidence: 0.8 };
    const first = await store.recordCorrection({ ...correction, userId: 'U1', correctedType: 'loyalist' });
    // Another insert in between: an update must still answer with the correction's own id.
    await store.recordClassification({ surface: 'command', teamId: 'T3', channelId: 'C3', userId: 'U3', typeId: null, confidence: 0, textLength: 1 });
    expect(await store.recordCorrection({ ...correction, userId: 'U1', correctedType: 'impatient' })).toBe(first);
    await store.recordCorrection({ ...correction, userId: 'U2', correctedType: 'impatient' });
    await store.recordCorrection({ ...correction, userId: 'U3', correctedType: 'angry' });
    expect(await db.get('SELECT COUNT(*) AS n FROM corrections')).toEqual({ n: 3 });
    expect(await store.correctionSummary('T1', new Date('2026-11-01T00:00:00Z'))).toEqual({
      answered: 1,
      confirmed: 1,
      corrections: [{ predicted: 'angry', corrected: 'impatient', count: 2 }],
    });
    expect(await store.correctionSummary('T1', new Date('2026-11-23T00:00:00Z'))).toEqual({ answered: 0, confirmed: 0, corrections: [] });
  });

  it('refuses a confidence outside 0..1 (the schema checks it)', async () => {
    const { store } = await freshStore(engine);
    await expect(store.recordClassification({ surface: 'command', teamId: 'T', channelId: 'C', userId: 'U', typeId: 'angry', confidence: 2, textLength: 1 })).rejects.toThrow(/check/i);
  });
});
