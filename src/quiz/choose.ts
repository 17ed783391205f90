import type { Classifier } from '../classifier/classifier.js';
import type { PlaybookSet } from '../playbooks/playbook-set.js';
import type { Playbook } from '../playbooks/schema.js';
import type { Random } from '../random.js';
import { whatToDoQuestion, whichTypeQuestion, type QuizQuestion } from './question.js';

export interface TypeRecord {
  answers: number;
  wrong: number;
}

export interface ChoiceInputs {
  /** The team's answers per type over the last 14 days. */
  recentByType: ReadonlyMap<string, TypeRecord>;
  /** Question keys asked in this channel in the last 30 days. */
  recentKeys: ReadonlySet<string>;
  random: Random;
  /** Only these types (practice on the weakest), when given. */
  onlyTypes?: readonly string[];
}

/** How much more often a type the team always gets wrong comes up than one it always gets right. */
const WEAKNESS_BOOST = 3;
const WHICH_TYPE_SHARE = 0.7;

/** A type's weight: 1, plus up to 3 more the more the team got it wrong lately. */
export function typeWeight(record: TypeRecord | undefined): number {
  if (!record || record.answers === 0) return 1;
  return 1 + WEAKNESS_BOOST * (record.wrong / record.answers);
}

function weightedPick<T>(items: readonly T[], weight: (item: T) => number, random: Random): T {
  const total = items.reduce((sum, item) => sum + weight(item), 0);
  let point = random() * total;
  for (const item of items) {
    point -= weight(item);
    if (point <= 0) return item;
  }
  return items[items.length - 1]!;
}

/**
 * The day's question. Types the team got wrong most in the last 14 days come up more often, by
 * weighted chance; playbook material asked in this channel in the last 30 days is skipped while
 * other material remains.
 */
export function chooseQuestion(playbooks: PlaybookSet, classifier: Classifier, inputs: ChoiceInputs): QuizQuestion {
  const { random, recentKeys } = inputs;
  const pool = inputs.onlyTypes ? playbooks.all.filter((type) => inputs.onlyTypes!.includes(type.id)) : playbooks.all;
  const candidates: Array<{ type: Playbook; key: string; build: () => QuizQuestion }> = [];
  const wantWhich = random() < WHICH_TYPE_SHARE;
  for (const type of pool.length > 0 ? pool : playbooks.all) {
    if (wantWhich) {
      type.quiz.messages.forEach((message, index) => {
        candidates.push({
          type,
          key: `which:${type.id}:${index}`,
          build: () => {
            const closest = classifier
              .classify(message)
              .ranked.map((entry) => playbooks.get(entry.type)!)
              .filter((other) => other && other.id !== type.id);
            return whichTypeQuestion(type, index, closest, random);
          },
        });
      });
    } else {
      candidates.push({ type, key: `do:${type.id}`, build: () => whatToDoQuestion(type, playbooks.all, random) });
    }
  }
  const fresh = candidates.filter((candidate) => !recentKeys.has(candidate.key));
  const usable = fresh.length > 0 ? fresh : candidates;
  // First the type, by weight; then, evenly, one of its questions not asked lately.
  const types = [...new Set(usable.map((candidate) => candidate.type))];
  const type = weightedPick(types, (each) => typeWeight(inputs.recentByType.get(each.id)), random);
  const ofType = usable.filter((candidate) => candidate.type === type);
  return ofType[Math.floor(random() * ofType.length)]!.build();
}
