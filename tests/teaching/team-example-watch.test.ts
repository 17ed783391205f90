import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/logger.js';
import { TeamExampleWatch, type WatchedModels } from '../../src/teaching/team-example-watch.js';

function models(learned: Record<string, string>, own: string[], retraining: string[] = []): WatchedModels & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    learnedFingerprint: (teamId) => learned[teamId],
    teamsWithOwnModel: () => own,
    isRetraining: (teamId) => retraining.includes(teamId),
    retrainSoon: (teamId) => void asked.push(teamId),
  };
}

const quiet = createLogger('error', { write: () => undefined });

describe('TeamExampleWatch', () => {
  it('retrains the workspaces whose examples changed elsewhere, and only those', async () => {
    const watched = models({ T1: '3:10', T2: '1:4', T4: '2:7' }, ['T1', 'T2', 'T4']);
    const fingerprints = new Map([
      ['T1', '3:10'], // as learned
      ['T2', '2:11'], // taught through another instance
      ['T3', '1:12'], // a workspace's first example, taught elsewhere
    ]);
    await new TeamExampleWatch({ fingerprints: async () => fingerprints }, watched, quiet).tick();
    // T4 lost all its examples elsewhere: back to the built-in model.
    expect(watched.asked.sort()).toEqual(['T2', 'T3', 'T4']);
  });

  it('leaves a workspace alone while its retraining is on its way', async () => {
    const watched = models({}, [], ['T1']);
    await new TeamExampleWatch({ fingerprints: async () => new Map([['T1', '1:1']]) }, watched, quiet).tick();
    expect(watched.asked).toEqual([]);
  });

  it('logs a database that cannot be read and keeps watching', async () => {
    const lines: string[] = [];
    const watch = new TeamExampleWatch(
      {
        fingerprints: async () => {
          throw new Error('connection terminated');
        },
      },
      models({}, []),
      createLogger('warn', { write: (line) => lines.push(line) }),
    );
    await watch.tick();
    expect(lines.join('\n')).toMatch(/Could not look for team examples taught elsewhere: connection terminated/);
  });
});
