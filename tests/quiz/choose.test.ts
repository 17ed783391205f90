import { beforeAll, describe, expect, it } from 'vitest';
import { Classifier } from '../../src/classifier/classifier.js';
import { loadPlaybooks } from '../../src/playbooks/load.js';
import type { PlaybookSet } from '../../src/playbooks/playbook-set.js';
import { chooseQuestion, typeWeight } from '../../src/quiz/choose.js';
import { mulberry32 } from '../../src/random.js';
import { typeDefinitions } from '../../src/playbooks/training.js';

let playbooks: PlaybookSet;
let classifier: Classifier;
beforeAll(() => {
  playbooks = loadPlaybooks().set;
  classifier = Classifier.train(typeDefinitions(playbooks.all));
});

const noHistory = { recentByType: new Map(), recentKeys: new Set<string>() };

describe('chooseQuestion', () => {
  it('asks with four distinct options, exactly one right, from quiz-only material', () => {
    const examples = new Set(playbooks.all.flatMap((type) => type.examples.map((example) => example.text)));
    const random = mulberry32(3);
    for (let i = 0; i < 60; i += 1) {
      const question = chooseQuestion(playbooks, classifier, { ...noHistory, random });
      expect(question.options).toHaveLength(4);
      expect(new Set(question.options.map((option) => option.typeId)).size).toBe(4);
      expect(question.options[question.answer]!.typeId).toBe(question.typeId);
      if (question.kind === 'which-type') {
        expect(playbooks.get(question.typeId)!.quiz.messages).toContain(question.message);
        expect(examples.has(question.message!)).toBe(false);
      } else {
        expect(question.options[question.answer]!.label).toBe(playbooks.get(question.typeId)!.actions[0]);
      }
    }
  });

  it('offers the types the classifier finds closest as distractors', () => {
    const question = chooseQuestion(playbooks, classifier, { ...noHistory, random: () => 0.1, onlyTypes: ['loyalist'] });
    expect(question.kind).toBe('which-type');
    const closest = classifier
      .classify(question.message!)
      .ranked.map((entry) => entry.type)
      .filter((type) => type !== 'loyalist')
      .slice(0, 3);
    expect(question.options.map((option) => option.typeId).sort()).toEqual(['loyalist', ...closest].sort());
  });

  it('asks more often about the types the team got wrong lately', () => {
    expect(typeWeight(undefined)).toBe(1);
    expect(typeWeight({ answers: 10, wrong: 10 })).toBe(4);
    const recentByType = new Map([['skeptic', { answers: 10, wrong: 10 }]]);
    const random = mulberry32(9);
    let skeptic = 0;
    const draws = 600;
    for (let i = 0; i < draws; i += 1) {
      if (chooseQuestion(playbooks, classifier, { recentByType, recentKeys: new Set(), random }).typeId === 'skeptic') skeptic += 1;
    }
    // Weight 4 among 18 types of weight 1: about 18% of draws, against about 5% without history.
    expect(skeptic / draws).toBeGreaterThan(0.12);
    expect(skeptic / draws).toBeLessThan(0.26);
  });

  it('does not repeat material asked in the last 30 days while other material remains', () => {
    const only = ['angry'];
    const messages = playbooks.get('angry')!.quiz.messages.length;
    const asked = new Set<string>(['do:angry', ...Array.from({ length: messages - 1 }, (_, i) => `which:angry:${i}`)]);
    for (let seed = 0; seed < 20; seed += 1) {
      const question = chooseQuestion(playbooks, classifier, { recentByType: new Map(), recentKeys: asked, random: mulberry32(seed), onlyTypes: only });
      if (question.kind === 'which-type') expect(question.questionKey).toBe(`which:angry:${messages - 1}`);
    }
  });
});
